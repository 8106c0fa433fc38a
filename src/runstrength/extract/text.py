"""A same-length normalised view of an article and its line layout.

Every character of the view sits at the same offset as in the published text,
so spans found in the view are spans of the published text: normalisation is
a 1:1 character map (typographic punctuation to ASCII, exotic spaces to ' ',
CR to LF), never an insertion or deletion.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from runstrength.extract.lexicon import read_yaml

DATA_DIR = Path(__file__).parent / "data"

# A sentence's end inside a line ("Questions? Call the clinic today."): a call to action or a remark
# (a word of two lower-case letters or more, its stop, and a capital).
INNER_STOP_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
# Words a name in title case may leave in lower case ("Step-Up and Over", "Lunge with Twist").
TITLE_CASE_SMALL = frozenset(("and", "or", "with", "to", "of", "on", "the", "a", "an", "in", "&", "+", "/"))
# A part named by its label: "Part 2", "Circuit B", "Superset 1" (the registry's parts, the title's search).
PART_LABEL_RE = re.compile(
    r"^\W*(?:part|circuit|superset|block|section|phase|stage|level|workout|day|set)\s+(?:\d{1,2}|[a-z]|one|two|three|four|five)\b", re.I)

_CHAR_MAP = {
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u3000": " ", "\t": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00d7": "x", "\u2044": "/", "\u00ba": "°", "\u200b": " ", "\ufeff": " ", "\u00ad": "-",
}
BULLET_CHARS = "•◦▪▫‣⁃●○■□➢➤►-*·"
# Emoji and pictographs decorate social-media captions and blog headings ("✅ 5 min easy jog",
# "⚡ SUPERSET A ⚡"): read as spaces, so a line is read by its words. Dingbat numbers (➊) and
# bullet arrows keep their meaning.
_PICTOGRAPHS = [*range(0x1F300, 0x1FB00), *range(0x2600, 0x2776), *range(0x2794, 0x27C0),
                *range(0x23E9, 0x23FB), 0x231A, 0x231B, 0x2B50, 0x2B55, 0x200D, 0xFE0F]
_TABLE = str.maketrans({**{chr(c): " " for c in _PICTOGRAPHS if chr(c) not in BULLET_CHARS}, **_CHAR_MAP})
# "1/ Squats", "2 - Lunges", "3- Lunges": a magazine's list number, written with a slash or a dash (before a capital:
# "10/ leg" is a count per side, "3 - 5 reps" a range); also in words before a dash or colon ("One- Cat camel: ...").
# A number padded with a zero before a capital ("01 Box jumps", "07 Plank") numbers a list: nobody counts "07".
_BULLET_RE = re.compile(r"^\s*(?:[" + re.escape(BULLET_CHARS) + r"]|\d{1,2}[.)](?=\s)|\d{1,2}/(?=\s+[A-Z])|\d{1,2}\s*[–—-](?=\s+[A-Z])"
                        r"|0\d(?=\s+[A-Z])"
                        r"|(?i:one|two|three|four|five|six|seven|eight|nine|ten)\s*[–—:-](?=\s+[A-Z])|\(\d{1,2}\)(?=\s)|[a-z][.)](?=\s))\s*")
# Markdown heading marks left in a text copy of a page ("### Goblet squat"): layout, not part of the heading.
# So is the answer mark of a question-and-answer page ("A: Yes, add a side plank ..."): the answer is the text.
_HEADING_MARK_RE = re.compile(r"^\s*(?:#{1,6}|A\s*:|(?i:answer)\s*:)[ \t]+(?=\S)")


# A keycap number ("2\ufe0f\u20e3 Side plank", an emoji list of a social-media caption): a numbered list item.
# Its variation selector is already a space in the view; the enclosing keycap becomes the item's ")".
_KEYCAP_RE = re.compile("(?<=\\d) ?\u20e3")


def normalize(text: str) -> str:
    """Same-length ASCII-ish view of `text` for matching (len(result) == len(text))."""
    view = text.translate(_TABLE)
    if "\u20e3" in view:
        view = _KEYCAP_RE.sub(lambda m: ")" + " " * (len(m.group(0)) - 1), view)
    if "[/" in view:
        view = _SHORTCODE_RE.sub(_blank_shortcode, view)
    if _GLUED_LABEL_HINT_RE.search(view):
        view = _GLUED_LABEL_RE.sub(r" \g<label>:", view)
    if _IMAGE_TITLE_HINT_RE.search(view):
        view = _IMAGE_TITLE_TAIL_RE.sub(lambda m: " " * len(m.group(0)), view)
    return view


# An exercise sheet's dose fields run together when the page loses the boxes between them ("REPS: 12SETS:
# 2HOLD: 5WEEKLY: 4"): a field's value glued to the next field's label. The space after the label's colon moves
# before it ("10 SETS:3"), so the view keeps its length.
_GLUED_LABEL_RE = re.compile(r"(?<=\d)(?=[A-Z])(?P<label>(?i:reps|repetitions|sets|hold|rest|rounds|time|duration|tempo|daily"
                             r"|weekly|frequency|times per day|times per week)):[ \t]")
_GLUED_LABEL_HINT_RE = re.compile(r"\d[A-Z][A-Za-z ]{2,15}:[ \t]")


# A picture's file title glued to the end of a line ("Heel Drops205 heel drops2", "... slowly.318 step
# photo2"): the upload's number, its words in lower case, and the copy's digit, with no space before it.
_IMAGE_TITLE_TAIL_RE = re.compile(r"(?<=[A-Za-z.])(?<![xX])\d{2,4} [a-z]+(?: [a-z]+){0,4}\d[ \t]*$", re.M)
_IMAGE_TITLE_HINT_RE = re.compile(r"[a-z]\d[ \t]*$", re.M)


# A blog engine's shortcodes left in the page text ("[box]CIRCUIT 1[/box]", "[dropcap]1[/dropcap] Squats"):
# markup, blanked in the view. A closing tag on the page is the gate: square brackets alone may be prose.
_SHORTCODE_RE = re.compile(r"\[dropcap\](?P<n>\d{1,2})\[/dropcap\]|\[/?[a-z][a-z0-9_-]{1,20}(?:[ \t][^\]\n]{0,80})?\]")


def _blank_shortcode(m: re.Match[str]) -> str:
    # A numbered item's number set as a drop capital is the item's number: "1." in the view.
    mark = m.group("n") + "." if m.group("n") else ""
    return mark.ljust(len(m.group(0)))


@lru_cache(maxsize=1)
def structure_lexicon() -> dict:
    return read_yaml(DATA_DIR / "structure.yaml")


@dataclass
class Line:
    start: int  # offset of the first non-space character of the content
    end: int  # offset after the last non-space character
    text: str  # normalised content (bullet marker removed)
    raw_start: int  # offset of the line start, bullet included
    gap: int  # blank lines before this line
    bullet: bool
    index: int

    @cached_property  # read many times per line by the role tests; callers only read it
    def words(self) -> list[str]:
        return self.text.split()


# A hard line break inside a sentence (PDF handouts, plain-text mail wrapped at ~70 characters): a long
# line that does not end a sentence, then a line going on in lower case that is no list item.
_WRAP_RE = re.compile(r"(?m)^[^\n]{45,}(?<![.!?:\s])(\n)(?=[ ]*[a-z])(?![ ]*[a-z][.)]\s)")
_WRAP_BREAKS = 2  # wrapped text breaks many sentences; one odd break is more likely a layout quirk
# A sentence cut by an empty paragraph (a scraped page's stray line break, "... with both hands on the arms of the seat"
# / "" / "and rise to standing."): the same long unfinished line, then, past one blank line, lower-case words going
# on. One such break is enough: a paragraph opening in lower case after an unfinished one is no layout of its own.
_CUT_SENTENCE_RE = re.compile(r"(?m)^[^\n]{45,}(?<![.!?:;\s])(\n[ \t]*\n)(?=[ ]*[a-z]+[ ,][ ]*[a-z])")


def unwrap(view: str, text: str | None = None) -> str:
    """The view with the line breaks of hard-wrapped paragraphs read as spaces (same length).

    Docs are made per line, so a sentence broken over lines would become fragments that are
    neither a cue nor the sentence; joined, the paragraph is one line as in a web page. With the
    published `text`, a line led by a pictograph ("👉 drive the knee forward", blank in the view)
    is a list item, not a wrapped line.
    """
    if "\n" not in view:
        return view
    breaks = [m.start(1) for m in _WRAP_RE.finditer(view)
              if text is None or text[m.start(1) + 1] == view[m.start(1) + 1]]
    if len(breaks) < _WRAP_BREAKS:
        breaks = []
    cuts = [m.span(1) for m in _CUT_SENTENCE_RE.finditer(view)] if "\n\n" in view else []
    if not breaks and not cuts:
        return view
    chars = list(view)
    for i in breaks:
        chars[i] = " "
    for start, end in cuts:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# A heading in capitals left inside a flattened paragraph ("... per side. WALL SIT Slide down until ..."),
# where the page's line breaks were lost: after a sentence's end, two to six words in capitals, then a sentence.
_INLINE_CAPS_HEAD_RE = re.compile(r"(?<=[.!?])([ \t]+)[A-Z][A-Z'&/-]+(?:[ \t]+[A-Z][A-Z'&/-]*){1,5}([ \t]+)(?=[A-Z][a-z])")
_FLAT_LINE = 300  # characters: a paragraph long enough to hold several headed parts


# A list number inside running text ("... then 1) step ups 2) wall sits 3) ..."), with the capitalised word
# right before it when that word stands after a lower-case one ("... easy walking Arms 1) ..."): the word
# labels the group the numbers list.
# "1." items count too when they start a sentence ("... each side. 2. Lie on ..."), also glued to the full
# stop of the item before ("... 20 times.3. Stand ..."), as flattened leaflets print them: that stop is
# then the gap the line break takes (the published text keeps it).
_INLINE_NUMBER_RE = re.compile(r"(?:(?<=[a-z,)]) (?P<label>[A-Z][a-z]{2,15}))?(?P<gap>[ \t])(?P<n>\d{1,2})\)[ \t]+(?=\S)"
                               r"|(?P<dgap>[ \t]|(?<=[a-z)])\.)(?P<dn>\d{1,2})\.[ \t]+(?=[A-Z])")
_LEAD_NUMBER_RE = re.compile(r"^\s*(\d{1,2})[.)]\s")
# Every match of _INLINE_NUMBER_RE holds a digit right before its ")" or "." (`\d{1,2}\)`, `\d{1,2}\.`): most
# paragraphs have none, and this one-class scan rules them out far faster than the full pattern's finditer.
_ITEM_NUMBER_HINT_RE = re.compile(r"\d[.)]")


# Two moves of a superset given on one line ("Goblet squat (8) superset with plank jacks (20)"): the second
# is an exercise of its own, on a line of its own (the roles blank its "superset with").
_SUPERSET_JOIN_RE = re.compile(r"(?<=[\w)]) (?=super-?set(?:ted)?\s+with\s+[A-Za-z])", re.I)


def _inline_number_breaks(raw: str, last: int) -> tuple[list[int], int]:
    """Offsets in `raw` to break before the items of a numbered list run together on one line, and the last
    number of that list. Only numbers counting on by one are items: two in a row on the line, or one going
    on from the list of the line before (`last`); a lone "2)" in a sentence is a bracketed remark."""
    lead = _LEAD_NUMBER_RE.match(raw)
    run: list[re.Match[str]] = []
    prev = int(lead.group(1)) if lead else last
    best: list[re.Match[str]] = []
    for m in _INLINE_NUMBER_RE.finditer(raw) if _ITEM_NUMBER_HINT_RE.search(raw) else ():
        n = _item_number(m)
        if run and n == _item_number(run[-1]) + 1 or not run and (n == 1 or prev and n == prev + 1):
            run.append(m)
        else:
            run = [m] if n == 1 else []
        if len(run) > len(best):
            best = list(run)
    if not best or len(best) < 2 and not (prev and _item_number(best[0]) == prev + 1):
        return [], int(lead.group(1)) if lead else 0
    breaks: list[int] = []
    for m in best:
        breaks.append(m.start("gap") if m.group("n") else m.start("dgap"))
        if m.group("label"):
            breaks.append(m.start("label") - 1)
    return breaks, _item_number(best[-1])


def _item_number(m: re.Match[str]) -> int:
    return int(m.group("n") or m.group("dn"))


def split_inline_headings(view: str) -> str:
    """The view with a line break before and after each capitals heading inside a long paragraph, and before
    each item of a numbered list run together on one line (same length)."""
    chars: list[str] | None = None
    pos = 0
    last = 0
    for raw in view.split("\n"):
        if len(raw) >= _FLAT_LINE:
            for m in _INLINE_CAPS_HEAD_RE.finditer(raw):
                if chars is None:
                    chars = list(view)
                chars[pos + m.start(1)] = "\n"
                chars[pos + m.end(2) - 1] = "\n"
        if "uperset" in raw or "uper-set" in raw:
            for m in _SUPERSET_JOIN_RE.finditer(raw):
                if chars is None:
                    chars = list(view)
                chars[pos + m.start()] = "\n"
        if ") " in raw or ")\t" in raw or ". " in raw:
            breaks, last = _inline_number_breaks(raw, last)
            if breaks and chars is None:
                chars = list(view)
            for b in breaks:
                chars[pos + b] = "\n"
        elif raw.strip():
            last = 0
        pos += len(raw) + 1
    return view if chars is None else "".join(chars)


# A slideshow's counter glued to the slide's text ("Thigh 2 of 9Lie on your back ...", "4 of 9Roll slowly"),
# its caption word first or not: scraping debris before the text, dropped from the line's content.
_SLIDE_COUNTER_RE = re.compile(r"[ \t]*(?:[A-Za-z]{1,15}[ \t]+)?\d{1,2} of \d{1,3}(?=[A-Z][a-z])")
# A video player's note glued after the move's name ("Quad Sets Transcript is below"): debris after the name,
# dropped from the line's content.
_TRANSCRIPT_TAIL_RE = re.compile(r"[ \t]*(?:[-\u2013|:][ \t]*)?(?:video[ \t]+)?transcript(?:[ \t]+is)?[ \t]+(?:below|available)[ \t]*[.:]?$",
                                 re.I)

# Words from which a pictograph-led line is a list item ("💡 Keep your hips square to the floor"),
# not a heading ("💥 POWER 💥").
_PICTO_ITEM_WORDS = 8


def split_lines(view: str, text: str | None = None) -> list[Line]:
    """Non-blank lines of the normalised view with offsets and the blank-line gap before each.

    Hard-wrapped paragraphs come back as one line each (see `unwrap`). With the published `text`,
    a line led by pictographs (blank in the view) long enough to be a list item is a bullet."""
    view = split_inline_headings(unwrap(view, text))
    lines: list[Line] = []
    gap = 0
    pos = 0
    for raw in view.split("\n"):
        line_start = pos
        pos += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        lead = len(raw) - len(raw.lstrip())
        m = _BULLET_RE.match(raw)
        bullet = False
        content_off = lead
        if m and m.end() < len(raw.rstrip()):
            marker = raw[lead:m.end()].strip()
            # A leading hyphen is a bullet only when followed by a space ("- Squats"), not "-10 reps".
            if marker and (marker not in "-*" or raw[m.end() - 1:m.end()] == " " or raw[lead + 1:lead + 2] == " "):
                bullet = True
                content_off = m.end()
        if (not bullet and lead and text is not None and not text[line_start].isspace()
                and (len(stripped.split()) >= _PICTO_ITEM_WORDS or stripped[:1].islower())):
            # ("✨ opens up your hips", a caption's note under its item, is no heading either)
            bullet = True
        if not bullet:
            h = _HEADING_MARK_RE.match(raw)
            if h:
                content_off = h.end()
        if " of " in raw[:40]:
            counter = _SLIDE_COUNTER_RE.match(raw, content_off)
            if counter:
                content_off = counter.end()
        content = raw[content_off:].rstrip()
        if "ranscript" in content:
            tail = _TRANSCRIPT_TAIL_RE.search(content)
            if tail and tail.start() > 0:
                content = content[:tail.start()]
        start = line_start + content_off
        lines.append(Line(start, start + len(content), content, line_start + lead, gap, bullet, len(lines)))
        gap = 0
    _even_gaps(lines)
    _flat_paragraphs(lines)
    return lines


# Fewer lines than this make no page style (a title and a paragraph or two).
_FLAT_PAGE_LINES = 6
_SENTENCE_END = (".", "!", "?", ".\"", ".\u201d", ".)")


# A labelled line ("Best For: building muscle memory"): a paragraph of its own, whatever its end.
_LABELLED_LINE_RE = re.compile(r"^[A-Z][\w'’]*(?:\s+[\w'’]+){0,2}:\s+\S")


def _flat_paragraphs(lines: list[Line]) -> None:
    """Read a page with no blank line at all as one whose paragraphs are its lines.

    Many scraped pages come out with one line break between paragraphs and none blank, where a
    blank line is what sets a new paragraph apart elsewhere; there a line of prose after one that
    ends a sentence starts a new paragraph (a list's items and a heading's first line stay joined)."""
    if len(lines) < _FLAT_PAGE_LINES or any(line.gap for line in lines[1:]):
        return
    for prev, line in zip(lines, lines[1:]):
        if not line.bullet and not prev.bullet and (prev.text.endswith(_SENTENCE_END) or _LABELLED_LINE_RE.match(prev.text)):
            line.gap = 1


def _even_gaps(lines: list[Line]) -> None:
    """Read two blank lines as one where the page puts two between most of its paragraphs.

    Some sites' text comes out with two blank lines between paragraphs (and one, or none, under a
    heading); a gap of two then says nothing, where elsewhere it sets a new part of the page apart
    from the exercise above it. Three or more such gaps make a page's style."""
    ones = twos = 0
    for line in lines[1:]:
        ones += line.gap == 1
        twos += line.gap == 2
    if twos >= 3 and twos > ones:  # a style, not a lone wider gap under a title
        for line in lines:
            if line.gap >= 2:
                line.gap -= 1


_GLUE_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# A list number glued to its heading by a scraper that dropped the space ("3Goblet Squat"), or the image's
# alt text glued before the numbered heading ("goblet squat3. Goblet Squat"). A digit inside a name
# ("90/90 stretch", "A1 Squat", "3-point lunge", "1RM squat") is never directly before a capitalised word.
_GLUED_NUMBER_RE = re.compile(r"^\d{1,2}(?=[A-Z][a-z])|(?<=[a-z])\d{1,2}[.)][ \t]*(?=[A-Z][a-z])")


def _drop_glued_alt(text: str) -> str:
    """A heading without the image's alt text glued after it: the name again in lower case with its
    spaces dropped ("Wall Sitwallsit", "Donkey Kicksdonkey") or its last words. The tail is cut only when
    it is longer than three letters and spells the heading from one of its words on: a word that
    ends on letters found earlier in the name ("Calf raises") keeps them, as its own word is left out."""
    space = text.rfind(" ")
    word = text[space + 1:]
    if len(word) < 8 or not word[:1].isupper() or not word[1:].isalpha() or not word[1:].islower():
        return text
    words = ["".join(ch for ch in w if ch.isalpha()) for w in text[:space + 1].lower().split()]
    for k in range(3, len(word) - 3):
        joined = [*words, word[:k].lower()]
        tail = word[k:]
        # the tail repeats the name from one of its words on ("sit", "wallsit")
        if any("".join(joined[i:]).startswith(tail) for i in range(len(joined))):
            return text[:space + 1 + k]
    return text


def unglue(text: str) -> tuple[str, int]:
    """Drop scraping debris glued before a heading ("...depictionSide Plank", "Squat JumpsSquat Jumps")
    or the image's alt text glued after it ("Side Planksideplank").

    Returns the cleaned heading and how many characters were cut from its front.
    """
    text = _drop_glued_alt(text)
    m = _GLUED_NUMBER_RE.search(text) if any(map(str.isdigit, text[:80])) else None
    if m:
        tail, cut = unglue(text[m.end():])
        return tail, m.end() + cut
    cuts = [m.start() for m in _GLUE_RE.finditer(text)]
    if not cuts:
        return text, 0
    cut = cuts[-1]
    tail = text[cut:]
    head = text[:cut]
    # Caption debris is several words ("... exercise depiction") or the heading itself repeated;
    # a single CamelCase word ("TheraBand") is a brand and keeps its case.
    repeated = tail.lower().startswith(head.strip().lower()) or head.strip().lower().startswith(tail.strip(" :").lower())
    if " " in head.strip() or repeated:
        return tail, cut
    return text, 0
