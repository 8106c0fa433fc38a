"""A line as the readers of roles.py see it (LineView) and the Role they give it, with what every reader
needs of a line and its doc: the doc's exercise spans, the text with its numbering label blanked, doses
moved along the line. The bottom of the readers' modules: it imports none of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from runstrength.extract import dosage as dz
from runstrength.extract.nlp import EXERCISE_KEY, SPANS_CACHE
from runstrength.extract.text import INNER_STOP_RE, Line
from runstrength.extract.vocab import vocab


@dataclass
class Role:
    kind: str  # boiler | end | label | rest | dose | section | exercise | combined | other_heading | prose | article_sets | table_header
    name: str = ""
    name_start: int = 0  # offsets in the line text
    name_end: int = 0
    desc_start: int | None = None  # where description text starts inside the line
    desc_end: int | None = None  # where it ends, when not at the line's end (a table's notes cell)
    kit: list[tuple[int, int]] = field(default_factory=list)  # a table's equipment cells: what they name is a thing
    doses: list = field(default_factory=list)  # DoseMention, offsets relative to line text
    dose_base: int = 0  # offset of the text the doses were parsed from, inside the line
    title: str = ""
    sets: tuple[int, int] | None = None
    alternatives: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # name, its range, its segment's range
    # Each alternative's own doses, when the line gives each its own (a summary table's cell of several
    # exercises beside a cell of as many doses); empty when they share `doses`.
    alt_doses: list[list] = field(default_factory=list)
    label: str = ""


def doc_spans(doc: Doc, key: str) -> tuple[Span, ...]:
    """doc.spans[key] as a tuple made once per doc (kept in doc.user_data): iterating a
    SpanGroup builds new Span objects every time."""
    cache_key = (SPANS_CACHE, key)
    got = doc.user_data.get(cache_key)
    if got is None:
        got = doc.user_data[cache_key] = tuple(doc.spans[key])
    return got


def exercise_spans_in(doc: Doc, start: int, end: int):
    return [s for s in doc_spans(doc, EXERCISE_KEY) if s.start_char >= start and s.end_char <= end]


# A day of the week alone ("Tuesday: 8 x 400 m", "Sat - long run"): a line of a sample week, not a name.
_WEEKDAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\.?"
WEEKDAY_RE = re.compile(rf"\W*{_WEEKDAY}\W*", re.I)
DAY_LABEL_RE = re.compile(rf"{_WEEKDAY}\s*[:\u2013-]\s*", re.I)


# A superset's label: the superset's letter, one of the first few, and the exercise's place in it ("A1",
# "B2"; some pages put a colon or point between them: "A:2", "B.1"). A block's letter alone ("B. Kettlebell
# swing") is a label too where the patterns below say so.
LABEL_LETTER = "[A-G]"
SUPERSET_LABEL = LABEL_LETTER + r"(?:[:.](?=\d))?\d{1,2}"


# An image placeholder the scraper left before a heading ("[Image: runner on a step]Calf raise").
_CAPTION_PREFIX_RE = re.compile(r"^\s*\[[^\[\]]{0,200}\]\s*")
# A numbering label before a heading: "Exercise 3:", "Move 2 -", "B1:", "4." (the heading is what follows).
# Used with .match(text, pos) only, so no "^" (which would not match at pos > 0).
# A video chapter's time stamp is one too: "02:15 - Hip airplanes", "(1:02:40) Lunges".
# A superset's label needs no punctuation ("A1 Goblet squat", "B2 - Side plank"): a capital letter of the
# first few and one or two digits, then a word, is not how a name or a sentence starts. A block's
# letter alone ("B. Kettlebell swing") needs its point or bracket.
_ORDINAL_PREFIX_RE = re.compile(
    r"\s*(?:(?:(?:exercise|move|movement|drill|stretch|station)\s*#?\s*\d{1,2}|[A-Za-z]\d{1,2}|#?\d{1,2})\s*[:.)]"
    r"|(?:exercise|move|movement|drill|stretch|station)\s*#?\s*\d{1,2}\s*-"
    # "#4 Bird dog", "No. 2 - Side plank": a list number marked as one needs no separator after it
    r"|#\s*\d{1,2}\s*[-\u2013]?|no\.\s*\d{1,2}\s*[-\u2013:.)]?"
    r"|(?-i:" + SUPERSET_LABEL + r")(?:\s*-)?|(?-i:" + LABEL_LETTER + r")[.)]"
    # a roman numeral of an outline ("II. Hip strength", "iii) Step downs")
    r"|(?-i:I{1,3}|IV|VI{0,3}|IX|i{1,3}|iv|vi{0,3}|ix)[.)])\s+(?=[A-Za-z])"
    # "3.Glute Bridge": a list number whose space the scraper lost, the capital after it opens the name
    r"|\s*\d{1,2}[.)](?=(?-i:[A-Z][a-z]))"
    # A chapter's stamp may stand before a name that starts with numbers ("03:20 90/90 hip switches").
    r"|\s*\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?(?:\s*[-|:])?\s+(?=[A-Za-z]|\d{1,3}/\d{1,3}\b)", re.I)
# A list's title repeated before each item's number ("Best hip moves #3 - Clamshell"): the item is what follows.
_SERIES_PREFIX_RE = re.compile(r"\s*[A-Za-z][^#:.!?]{2,60}?\s#\s*\d{1,2}\s*[-\u2013:.)]\s*(?=[A-Za-z])")


# A name given twice, its other-language form first ("Balasana :: Child's pose", a yoga page's heading):
# the name read is the one after the double colon.
_OTHER_NAME_PREFIX_RE = re.compile(r"\s*[^\d:]{2,60}?\s::\s+(?=[A-Za-z])")


# The second move of a superset put on its own line by text.split_inline_headings: its name follows.
_PAIRED_PREFIX_RE = re.compile(r"\s*super-?set(?:ted)?\s+with\s+(?=[A-Za-z])", re.I)


def blank_prefix(text: str) -> str:
    """`text` with an image placeholder and a numbering label before its heading blanked out
    (same length, so offsets into the line and its doc still hold)."""
    cut = 0
    m = _CAPTION_PREFIX_RE.match(text)
    if m and m.end() < len(text):
        cut = m.end()
    m = _ORDINAL_PREFIX_RE.match(text, cut)
    if m:
        cut = m.end()
    elif "#" in text:
        cut = _past(_SERIES_PREFIX_RE, text, cut)
    if "uper" in text[:12]:
        cut = _past(_PAIRED_PREFIX_RE, text, cut)
    if "::" in text:
        cut = _past(_OTHER_NAME_PREFIX_RE, text, cut)
    return " " * cut + text[cut:] if cut else text


def _past(prefix_re: re.Pattern[str], text: str, cut: int) -> int:
    """Where `prefix_re` ends when it matches `text` at `cut`, else `cut`."""
    m = prefix_re.match(text, cut)
    return m.end() if m else cut


class LineView:
    """What the readers of one line ask of it, worked out once per line. The line's doses are parsed at the
    first reader that needs them (`doses()`): the readers are pure, and most prose lines are decided
    without them."""

    __slots__ = ("line", "doc", "text", "lower", "words", "bullet", "vocab", "short", "ends_sentence",
                 "two_sentences", "_doses")

    def __init__(self, line: Line, doc: Doc) -> None:
        self.line = line
        self.doc = doc
        # Offsets into `text` are offsets into the line and its doc: blank_prefix keeps the length.
        self.text = text = blank_prefix(line.text)
        self.lower = text.lower().strip()
        # The length tests count the words of the line as written, its numbering label included.
        self.words = words = line.words
        self.bullet = line.bullet
        self.vocab = vocab()
        self.short = short = len(words) <= 12
        tail = text.rstrip()
        ends_sentence = tail.endswith((".", "!", "?")) and not tail.endswith("..")
        if ends_sentence and text is not line.text and tail.endswith("!") and len(text.split()) <= 4:
            # "#2 - Side plank!": a numbered item's name said with zest, a heading still
            ends_sentence = False
        if (ends_sentence and tail.endswith(".") and len(words) <= 8 and DAY_LABEL_RE.match(text)
                and INNER_STOP_RE.search(tail[:-1]) is None):
            # "Friday - Leg Day.": a day's heading of a weekly plan closed by a stray period is no sentence
            ends_sentence = False
        self.ends_sentence = ends_sentence
        # Two sentences on a line ("Yes, both help. Here are three:") are an answer or a remark, never a heading.
        self.two_sentences = short and INNER_STOP_RE.search(text) is not None
        self._doses: list[dz.DoseMention] | None = None

    def doses(self) -> list[dz.DoseMention]:
        """dz.parse_dosages(text), parsed once, at the first reader that needs it."""
        if self._doses is None:
            self._doses = dz.parse_dosages(self.text)
        return self._doses


def shift(d: dz.DoseMention, by: int) -> dz.DoseMention:
    return replace(d, start=d.start + by, end=d.end + by)
