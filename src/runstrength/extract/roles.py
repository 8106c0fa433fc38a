"""The first pass of assembly: a role for each line from its own content.

A line is boilerplate, an end marker, a label ("Target: glutes"), a rest or dosage line, a section
heading, an exercise line (heading, list item or inline "Name: description") or prose; its Role
carries the name, doses and description offsets found in it. Apart from assemble.py because a
line's role depends on that line (and its doc) only, not on what the article said before it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from runstrength.extract import dosage as dz
from runstrength.extract.gates import AnyOf
from runstrength.extract.meta import INNER_STOP_RE, MONTH, byline_name
from runstrength.extract.nlp import EQUIPMENT_KEY, EXERCISE_KEY, SPANS_CACHE, norm_tokens
from runstrength.extract.sentences import classify, is_dosage_only, starts_imperative, words_of
from runstrength.extract.text import Line, unglue
from runstrength.extract.vocab import (
    ends_with_head,
    ends_with_section_word,
    is_boilerplate,
    is_section_word_only,
    section_rx,
    strong_section,
    vocab,
)


_FUNCTION_START = re.compile(
    r"^(here|how|what|why|when|where|who|this|these|there|that|if|for|and|but|so|our|my|we|i|you|it|please|"
    r"note|tip|follow|try|get|watch|check|click|read|see|learn|want|ready|the benefits?|benefits|welcome|today|"
    r"thank|thanks|remember|in|at|on|with|to|as|by|from|a|an)\b", re.I)
# A line or sentence that repeats a group ("Repeat the circuit 3 times", "Go through these twice"): its count is the
# group's rounds (read by dz.parse_block_sets, which leaves "twice a week" alone).
REPEAT_BLOCK_RE = re.compile(rf"\b{dz.REPEAT_VERBS} (?:this|the|that|the whole|the entire|this whole) (?:circuit|routine|workout|sequence|series|set|superset|block|round)\b"
                             rf"|\b{dz.REPEAT_VERBS} (?:these|them|this list|the list)\b")
_SECTION_INTRO = re.compile(r"\b(perform|do|complete|try)\b.*\b(the following|these|this|below)\b.*\b(exercises?|moves|series|circuit|routine)\b", re.I)
_INLINE_RE = re.compile(r"^(?P<name>[^:.!?]{2,70}?)\s*(?::\s*\??\s*|\s[-]\s+|(?<=[A-Za-z)])[-]\s+|\?(?=[A-Z]))(?P<rest>\S.*)$")
PAREN_RE = re.compile(r"\(([^()]*)\)")


_ACRONYM_START = re.compile(r"^\s*[A-Z]{2,}\b")
_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /&]{1,30}?)\s*:\s*(.*)$")
# "Sets/Reps", "Sets & reps", "Sets x Reps": a label made of several labels.
_LABEL_JOIN_RE = re.compile(r"\s*(?:/|&|\bx\b|\band\b)\s*")
_LETTERS3_RE = re.compile(r"[A-Za-z]{3,}")
_QUANTITY_OF_RE = re.compile(r"^\s*[\d\-–%x.,/ ]+\b(of|at|to)\b")
_NOT_A_NAME_START = re.compile(r"^(here|how|what|why|this|these|there|if|for|follow|watch|click|read|see)\b", re.I)
# "Making the step-ups harder", "Make them easier": a heading over how to change the moves (a part of the
# routine when new exercises follow it), never a move's name, whatever movement it mentions.
_CHANGING_HEAD_RE = re.compile(r"^\W*mak(?:e|ing)\s", re.I)
# Between two exercises of one heading: "split squats or step-ups", "A1 Deadlift / A2 Box jump".
_OR_RE = re.compile(r"\s+(or|/)\s+")
# The moves of one group named in its heading ("Set 2: Goblet squats & push-ups"): each is done, one after the other.
_AND_RE = re.compile(r"\s+(&|and|\+)\s+")
# Longest name a plus sign joins to a known move in a set's heading: longer parts are a description.
_PLUS_PART_WORDS = 4
_GROUP_COUNT_RE = re.compile(r"\b\d+\s+(super ?sets?|circuits|rounds|blocks|exercises)\b")
# A default the exercises may override: "2 sets unless noted", "unless a move says otherwise".
UNLESS_NOTED = (r"\bunless\s+(?:otherwise\s+)?(?:noted|stated|specified|indicated|listed|shown|marked|given)\b"
                 r"|\bunless\s+(?:a|an|the)\s+(?:move|exercise|drill|stretch)\b|\bunless\s+otherwise\b")
_UNLESS_NOTED_RE = re.compile(UNLESS_NOTED)
_ALL_OF_GROUP_RE = re.compile(r"\b(all|each|every) (of the )?(exercises?|moves?|movements?|drills?)\b")
_NUMBERS_RE = re.compile(r"[\d/x\-]+")
_TITLE_SETS_PAREN_RE = re.compile(r"\(\s*[^()]*\b(sets?|rounds?|laps?|times)\b[^()]*\)", re.I)
_TITLE_SETS_COLON_RE = re.compile(r"^[^:\d]{3,40}:\s*\d{1,2}(?:\s*(?:-|to)\s*\d{1,2})?\s+(?:rounds?|circuits?)\W*$", re.I)
_TITLE_X_TAIL_RE = re.compile(r"[:,-]?\s*\b(x\s*\d+|\d+\s*x)\s*$", re.I)
# A part's length in brackets closing its heading ("Mobility (6 minutes)", "Cool-down (about 5-10 min)"):
# how long the part takes, not its name; or when to start it, counted from an event ("Stage 2 (from roughly
# 3 weeks after surgery)", "(typically from day 10, once the swelling settles)"). The part's own period stays
# ("Stage 2 (Weeks 5-8)", "(week 4 onwards)").
_TITLE_TIME_PAREN_RE = re.compile(
    r"\s*\(\s*(?:(?:about|approx\.?|approximately|roughly|around|~)?\s*\d{1,3}(?:\s*(?:-|to)\s*\d{1,3})?\s*"
    r"(?:min(?:ute)?s?|secs?|seconds?)\.?(?:\s+(?:total|in total))?"
    r"|(?:usually|typically|generally|often|normally)?\s*from\b[^()]*)\s*\)\s*$", re.I)
_TITLE_SETS_TAIL_RE = re.compile(r"[:,-]\s*(\d+|one|two|three|four|five|six)(\s*-\s*\d+)?\s+(sets?|rounds?|laps?)(\s+total)?\s*$", re.I)


# A heading in capitals that opens with a question word ("HOW OFTEN", "WHAT YOU NEED", "WHY IT WORKS") asks
# about the routine: no acronym starts that way.
_SHOUTED_QUESTION_RE = re.compile(r"^\s*(?:HOW|WHAT|WHY|WHEN|WHERE|WHO)\b")


def function_start(text: str):
    """Starts with a function word ("Here is", "How to"), not an acronym that spells one ("IT band")."""
    if _ACRONYM_START.match(text) and not _SHOUTED_QUESTION_RE.match(text):
        return None
    return _FUNCTION_START.match(text)


def _label_of(text: str) -> tuple[str, str] | None:
    m = _LABEL_RE.match(text)
    if not m:
        return None
    head = m.group(1).lower().strip()
    labels = vocab()["labels"]
    if head in labels or all(p in labels for p in _LABEL_JOIN_RE.split(head)):
        return head, m.group(2)
    return None


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


# A calendar date ("March 3, 2024", "3 March 2024", "Friday 7 March"): bylines, comment stamps and
# event notices, never a name.
_DATE_RE = re.compile(
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}\b"
    rf"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}})\b", re.I)
# A price ("entry £5", "$20 a session"): what precedes it is no exercise's name.
_CURRENCY = frozenset("£$€¥")


# A day of the week alone ("Tuesday: 8 x 400 m", "Sat - long run"): a line of a sample week, not a name.
_WEEKDAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\.?"
WEEKDAY_RE = re.compile(rf"\W*{_WEEKDAY}\W*", re.I)
_DAY_LABEL_RE = re.compile(rf"{_WEEKDAY}\s*[:\u2013-]\s*", re.I)
# One word of a level and a colon opening a line ("Novice:", "Advanced+:"), taken off when a move follows;
# numbered periods ("Phase 2: ...") are parts of the plan and stay headings.
_LEVEL_LABEL_RE = re.compile(r"([A-Za-z]{4,14})\+{0,2}\s*:\s+")
# The numbers of a period's name ("Weeks 1-3", "Phase 2", "Weeks 7 & 8"), taken off to look its word up.
PERIOD_NUMBERS_RE = re.compile(r"\s*#?\d{1,2}(?:\s*(?:-|to|and|&|\+|,)\s*\d{1,2})*\s*$")


def period_word(name: str) -> bool:
    """`name` names a period or level of a plan ("Weeks 1-4", "Early phase", "Advanced"): its last word,
    numbers aside, heads a period column of a table (structure.yaml's table_columns)."""
    words = PERIOD_NUMBERS_RE.sub("", name.lower()).strip(" :*").split()
    return bool(words) and vocab()["table_columns"].get(words[-1]) == "period"


def wordy(name: str) -> bool:
    return ("%" not in name and _CURRENCY.isdisjoint(name) and bool(_LETTERS3_RE.search(name)) and not _QUANTITY_OF_RE.match(name)
            and not _DATE_RE.search(name) and not WEEKDAY_RE.fullmatch(name))


# A heading that is a clause about the reader ("Before you lift", "When it aches", "Once you can"): advice
# before or around the routine, not one of its parts, even when it ends on a movement word ("Before you squat").
CLAUSE_HEAD_RE = re.compile(r"^\W*(?:before|after|when|while|until|once|unless|if)\s+(?:you|we|it|they)\b", re.I)


# The words that lead into a prescription ("Aim for: 3 x 8", "Work up to 4 x 20"): the text before the dose,
# never the name of a move (the lexicon's "build up" stride included).
_DOSE_LEAD_RE = re.compile(r"^\W*(?:aim\s+(?:for|to\s+do)|(?:build|work)(?:\s+back)?\s+up\s+to|build\s+to|progress\s+to"
                           r"|increase\s+to|go\s+for|(?:do|perform|complete)(?:\s+about|\s+around)?)\W*$", re.I)


def dose_lead(name: str) -> bool:
    """Only the words that lead into a prescription, no movement named."""
    return _DOSE_LEAD_RE.match(name) is not None


def benefit_line(name: str) -> bool:
    """"Boosts stride length", "Builds resilience": a benefit of the training, not a move's name."""
    first = name.split(None, 1)
    return bool(first) and first[0].lower() in vocab()["benefit_openers"]


# A comparison or an outcome written with a symbol ("Depth > load", "Stronger hips -> steadier knees"): a note of a list.
_NOTE_SYMBOL_RE = re.compile(r"\s(?:>|<|->|=>|\u2192|\u21d2)\s|\u2192")
# What a count before it counts when the count is of days or sessions ("2 days: upper + lower"), not of reps.
_COUNTED_PERIOD_RE = re.compile(r"^(?:days?|weeks?|months?|sessions?|workouts?)\b", re.I)


def note_line(text: str) -> bool:
    """A short line stating a claim, an expectation or a comparison ("Soreness should fade", "Form > load"):
    a note in a list, never an exercise's name, even when it holds a count ("Last 2 reps must feel hard")."""
    if _NOTE_SYMBOL_RE.search(text):
        return True
    modals = vocab()["claim_modals"]
    return any(w.strip(".,;:!?()").lower() in modals for w in text.split())


def exercise_like(name: str, doc: Doc | None, offset: int) -> bool:
    tokens = norm_tokens(name)
    if not tokens or len(tokens) > 9 or not wordy(name) or CLAUSE_HEAD_RE.match(name) or _CHANGING_HEAD_RE.match(name):
        return False
    if len(tokens) <= 4 and dose_lead(name):
        return False
    if benefit_line(name):
        return False
    if len(tokens) >= 2 and tokens[-1] in vocab()["org_heads"]:
        return False  # "Riverside Sports Clinic", "Peak Coaching": a business, even if a word names a movement
    if function_start(name.strip()) and not (doc is not None and exercise_spans_in(doc, offset, offset + len(name))
                                                    and not _NOT_A_NAME_START.match(name.strip())):
        return False
    if doc is not None and exercise_spans_in(doc, offset, offset + len(name)):
        return True
    stripped = tuple(t for t in tokens if t not in ("exercise", "exercis", "for", "runner", "with", "band", "weight"))
    return bool(stripped) and ends_with_head(stripped)


_TRAIL_MARK_RE = re.compile(r"\s*(?:\*+|\(\s*\d{1,3}(?:\s*[-\u2013]\s*\d{1,3})?\s*\))$")


_COUNT_JOIN_HEAD_RE = re.compile(r"\s*of\s+(?=[A-Za-z])")
_COUNT_JOIN_TAIL_RE = re.compile(r"\s+[x\u00d7]$")


def clean_name(name: str) -> tuple[str, int]:
    """Name without glued scraping debris or trailing separators; returns (name, cut from front)."""
    name, cut = unglue(name)
    if name.endswith((")", "*")):
        # "Box jumps*" (a footnote's mark), "Step-ups (8-10)" (a count in brackets): no part of the name
        name = _TRAIL_MARK_RE.sub("", name)
    # "Goblet squat [3 x 8]": the bracket of a count taken off after the name is no part of it
    stripped = name.rstrip(" :-?!;,.[(")
    if " " in stripped:
        # "(10 reps) of lunges", "Plank x (30 s)": the joining word or sign of a count taken out before the name
        stripped = _COUNT_JOIN_TAIL_RE.sub("", stripped)
        m = _COUNT_JOIN_HEAD_RE.match(stripped)
        if m:
            stripped = " " * m.end() + stripped[m.end():]
    lead = len(stripped) - len(stripped.lstrip(" -:?"))
    return stripped.strip(" -:?"), cut + lead


# A superset's label: the superset's letter, one of the first few, and the exercise's place in it ("A1",
# "B2"; some pages put a colon or point between them: "A:2", "B.1"). A block's letter alone ("B. Kettlebell
# swing") is a label too where the patterns below say so.
LABEL_LETTER = "[A-G]"
SUPERSET_LABEL = LABEL_LETTER + r"(?:[:.](?=\d))?\d{1,2}"
# The label of the next exercise of a superset inside a heading ("A1 Goblet squat / A2 Push-up"),
# with what joins it to the one before.
_NEXT_LABEL_RE = re.compile(r"\s*[/+&|,]?\s*\b" + SUPERSET_LABEL + r"\s*[.:)-]?\s+(?=[A-Za-z])")


def _split_labelled(name: str) -> list[tuple[str, int, int, int, int]]:
    """'Goblet squat / A2 Push-up' (a superset's heading, its first label blanked) -> both exercises,
    in the format of _split_alternatives; [] unless each part is a name."""
    if not any(map(str.isdigit, name)):
        return []
    seps = list(_NEXT_LABEL_RE.finditer(name))
    if not seps:
        return []
    out = []
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(name)]
    for a, b in zip(bounds[0::2], bounds[1::2]):
        raw = name[a:b]
        seg = raw.strip()
        if not seg or not wordy(seg) or len(seg.split()) > 8:
            return []
        i = a + len(raw) - len(raw.lstrip())
        out.append((seg, i, i + len(seg), i, i + len(seg)))
    return out


def _split_alternatives(name: str, seps_re: re.Pattern[str] = _OR_RE,
                        one_head: bool = False) -> list[tuple[str, int, int, int, int]]:
    """'split squats (dumbbell or band) or step-ups', 'deadlift / box jump' -> both exercises, when both sides
    name one (superset labels, "A1 Deadlift / A2 Box jump", are split by _split_labelled).

    `one_head`: one side naming a move is enough, the others being short names the lexicon may not know.

    Each alternative comes with its name's range and the range of its whole segment
    (with its parentheses), where the equipment and muscles of that alternative are named.
    """
    plain = PAREN_RE.sub(lambda m: " " * len(m.group(0)), name)
    seps = list(seps_re.finditer(plain))
    if not seps:
        return []
    # Segment k runs from the end of separator k-1 to the "or" of separator k (blanked parentheses included).
    bounds = [0, *(x for m in seps for x in (m.start(1), m.end())), len(name)]
    out = []
    headed = False
    for a, b in zip(bounds[0::2], bounds[1::2]):
        raw = name[a:b]
        lead = len(raw) - len(raw.lstrip())
        seg = raw.strip()
        seg_clean = PAREN_RE.sub("", seg).strip()
        head = bool(seg_clean) and ends_with_head(norm_tokens(seg_clean))
        if not head and not (one_head and seg_clean and wordy(seg_clean) and len(seg_clean.split()) <= _PLUS_PART_WORDS):
            return []
        headed = headed or head
        i = a + lead
        out.append((seg_clean, i, i + len(seg_clean), i, i + len(seg)))
    return out if headed else []


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
_STAMP_RE = re.compile(r"\s*\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?\s")
# Navigation, breadcrumbs and bylines: short parts joined by separators ("Home > Blog > Knees", "Coach Jo | Physio").
_NAV_SEP_RE = re.compile(r"\s[|\u00b7\u2022\u203a\u00bb]\s|^(?:home|you are here)\b.*\s[/>]\s", re.I)


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
        m = _SERIES_PREFIX_RE.match(text, cut)
        if m:
            cut = m.end()
    if "uper" in text[:12]:
        m = _PAIRED_PREFIX_RE.match(text, cut)
        if m:
            cut = m.end()
    if "::" in text:
        m = _OTHER_NAME_PREFIX_RE.match(text, cut)
        if m:
            cut = m.end()
    return " " * cut + text[cut:] if cut else text


def _timed_section(text: str, doses: list[dz.DoseMention]) -> bool:
    """A part of the session given as a time ("Warm-up (10 minutes)", "Finisher - 5 min"), not a prescription."""
    if not doses or any(d.sets or d.reps for d in doses):
        return False
    chars = list(text)
    for d in doses:
        chars[d.start:d.end] = " " * (d.end - d.start)
    tokens = norm_tokens(PAREN_RE.sub(" ", "".join(chars)))
    # Section words only, and at least one of them ("Total: 20 minutes" is not a part of the session).
    return bool(tokens) and is_section_word_only(tokens) and section_rx()[0].search(" ".join(tokens)) is not None


def _titled_count(text: str) -> bool:
    """A part's title with its rounds in brackets or after a colon ("Part 3 – Power (2 rounds)", "Hip work:
    2 rounds"): the part's count, not the article's."""
    return ((_TITLE_SETS_PAREN_RE.search(text) is not None or _TITLE_SETS_COLON_RE.match(text) is not None)
            and bool(_LETTERS3_RE.search(_section_title(text))))


_PART_HEAD_END_RE = re.compile(r"[\s:(,–—-]+$")


def _part_with_rounds(text: str, doses: list[dz.DoseMention]) -> Role | None:
    """A part's heading that gives its rounds and rest ("Block B – 4 rounds, rest 90 seconds after each"):
    a section with those sets, not a dose of the exercise above it. A work time with the rounds ("Main set
    (4 rounds: 30 s on, rest 15 s)") is the part's rule for each move, in the role's doses."""
    if not doses or any(d.reps or not d.sets for d in doses):
        return None
    head = text[:min(d.start for d in doses)]
    if head.rfind("(") > head.rfind(")"):
        head = head[:head.rfind("(")]  # the count's bracket: "Warm-up (do this once)"
    head = _PART_HEAD_END_RE.sub("", head)
    colon = head.find(":")
    if colon > 0 and dose_lead(head[colon + 1:]):
        head = head[:colon]  # "Round 2: Complete this 3 times": the verb leads into the count, the part is before it
    tokens = tuple(t for t in norm_tokens(head) if len(t) > 1)  # a part's letter: "Block B", "Circuit C"
    if not tokens or len(tokens) > 6 or not is_section_word_only(tokens) or not section_rx()[0].search(" ".join(tokens)):
        return None
    return Role("section", title=head.strip(), sets=doses[0].sets, doses=[d for d in doses if d.seconds])


# A heading and a note in brackets closing it: "STAGE 2: STRENGTHEN (once walking feels easy and the stairs no longer hurt)".
_NOTE_TAIL_RE = re.compile(r"(?P<head>[^()]{3,80}?)\s*\([^()]{3,200}\)\s*")


def _part_with_note(text: str, doc: Doc) -> Role | None:
    """A part's heading made long by its bracket (when to start the part, who it is for): a section when
    what precedes the bracket is a short part heading ("Stage 2: Strengthen") that names no exercise."""
    m = _NOTE_TAIL_RE.fullmatch(text)
    if m is None:
        return None
    head = m.group("head")
    tokens = norm_tokens(head)
    if (not tokens or len(tokens) > 8 or not strong_section(" ".join(tokens)) or function_start(head.strip())
            or exercise_spans_in(doc, 0, len(head))):
        return None
    return Role("section", title=_section_title(text))


def _part_with_rest(text: str, doses: list[dz.DoseMention]) -> Role | None:
    """A part's heading whose bracket says how to rest ("Block A (superset, rest 90 sec after A2)"): a section,
    not a rest line."""
    if doses or not text.rstrip().endswith(")"):
        return None
    head = text[:text.find("(")]
    tokens = tuple(t for t in norm_tokens(head) if len(t) > 1)
    if not tokens or len(tokens) > 6 or not is_section_word_only(tokens) or not section_rx()[0].search(" ".join(tokens)):
        return None
    return Role("section", title=_section_title(text))


# First letters of a byline's lead ("By", "Written by", "Posted on ... by", "From the desk of",
# "Words:", "Author:", "Prepared by", "Compiled by", "Reviewed by", "Answer from", "Designed by", "Hosted by",
# "Clinician:", "Therapist:"...): other lines skip the byline test.
_BYLINE_FIRST = frozenset("bwpfracduht")
# A part heading opened by a possessive ("Our go-to drills", "Your warm-up routine").
_POSSESSIVE_RE = re.compile(r"^\W*(?:our|my|your)\b")


def _possessive_part(lower: str) -> bool:
    """A possessive heading that ends on a part word: "Our favourite drills", not "Our team"."""
    if not _POSSESSIVE_RE.match(lower):
        return False
    words = lower.split()
    return bool(words) and words[-1].strip(".:!-") in vocab()["strong_section"]


def _only_frequency(text: str) -> bool:
    """The line says how often and nothing else ("3 times a day", "Twice daily")."""
    spans = dz.frequency_spans(text)
    if len(spans) != 1:
        return False
    start, end = spans[0]
    return not any(c.isalnum() for c in text[:start] + text[end:])


def _weekly_note(text: str) -> bool:
    """A heading whose brackets say how often a week ("HOME PLAN (3x a week, 2 rounds each)"):
    a printed summary's heading, not an exercise."""
    if "(" not in text:
        return False
    return any(dz.parse_frequency(m.group(1)) for m in PAREN_RE.finditer(text)) or (
        text.count("(") > text.count(")") and dz.parse_frequency(text[text.rindex("("):]) is not None)


# How prose introduces the next exercise: "Next, try a side plank", "Start with a dead bug", "I'd add calf raises",
# "When that gets easy, add a bird dog", "Carry on with the bridges, and then add a clam". Used with .match
# at a sentence's start (no "^"); what it matched is followed by the exercise's name. ("Progress to ..." is
# left out: it introduces a harder version of the exercise at hand, which is that exercise.)
INTRO_RE = re.compile(
    # the lead clause may have an aside of its own: "Once that feels easy, usually after a month, add ..."
    r"\W*(?:(?:next|then|now|first|finally|lastly|after that)\s*,?\s+|(?P<clause>[^,.;:!?]{3,60}(?:,[^,.;:!?]{3,40})?),\s+(?:and\s+(?:then\s+)?|then\s+)?)?"
    # a suggestion: "I'd add calf raises.", "You could also try a side plank."
    r"(?:(?:I'd|I\u2019d|I would|we'd|we would|you could|you can|you might)\s+(?:also\s+)?)?"
    r"(?:try|add|add in|begin with|start with|finish with|end with|follow (?:up )?with|move on to)"
    r"\s+(?:(?:a|an|the|some)\s+)?", re.I)
INTRO_HINT = AnyOf("try", "add", "begin", "start", "finish", "end", "follow", "move on",
                    "Try", "Add", "Begin", "Start", "Finish", "End", "Follow", "Move on")


# The last sentence of a line that ends in a colon ("Easy on the back. Here's how:"), after an earlier one.
_LAST_SENTENCE_RE = re.compile(r"[a-z)\d]{1,}[.!?]\s+([^.!?]+:)\s*$")


def _bare_label(lower: str) -> str:
    """A lower-cased line as bare_labels lists it: no colon, single spaces, straight apostrophes."""
    return " ".join(lower.rstrip(":").replace("’", "'").split())


def _only_lead_in(name: str) -> bool:
    """The words that introduce an exercise and nothing after them ("Start with", "Then, finish with")."""
    text = name + " "  # INTRO_RE ends on the space before the name it introduces
    m = INTRO_RE.match(text)
    return m is not None and not text[m.end():].strip(" :,-")


def _drop_lead_in(name: str, cut: int, doc: Doc, text: str) -> tuple[str, int]:
    """An inline name without the words that introduce it ("Next, try a side plank: ..." -> "side plank"),
    when what is left names an exercise."""
    if not INTRO_HINT(name):
        return name, cut
    m = INTRO_RE.match(name)
    if m is None or m.end() >= len(name):
        return name, cut
    rest = name[m.end():]
    at = text.find(rest)
    if at < 0 or not exercise_like(rest, doc, at):
        return name, cut
    return rest, cut + m.end()


class LineView:
    """What the readers of one line ask of it, worked out once per line. The line's doses are parsed at the
    first reader that needs them (`doses()`): the readers are pure, and most prose lines are decided
    without them."""

    __slots__ = ("line", "doc", "text", "lower", "words", "bullet", "v", "short", "ends_sentence",
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
        self.v = vocab()
        self.short = short = len(words) <= 12
        tail = text.rstrip()
        ends_sentence = tail.endswith((".", "!", "?")) and not tail.endswith("..")
        if ends_sentence and text is not line.text and tail.endswith("!") and len(text.split()) <= 4:
            # "#2 - Side plank!": a numbered item's name said with zest, a heading still
            ends_sentence = False
        if (ends_sentence and tail.endswith(".") and len(words) <= 8 and _DAY_LABEL_RE.match(text)
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


# The readers of a line, one per line shape: each returns the line's Role, or None to leave the line to the
# readers after it. _READERS (after them) gives the order they are tried in.


def _end_marker(lv: LineView) -> Role | None:
    """A short line that opens the page's furniture after the article ("Related posts", "About the author")."""
    if lv.lower.startswith(lv.v["end"]) and len(lv.words) <= 6:
        return Role("end")
    return None


def _boilerplate(lv: LineView) -> Role | None:
    """A line of the site's furniture (cookie notices, share buttons, a contact address)."""
    if is_boilerplate(lv.text) and (len(lv.words) <= 30 or "@" in lv.text):
        return Role("boiler")
    return None


def _dose_label_line(lv: LineView) -> Role | None:
    """A label whose value is the prescription ("Sets: 3", "Sets: 3    Reps: 10")."""
    return _dose_label(lv.text)


def _byline(lv: LineView) -> Role | None:
    """The writer's line ("By Jo Lee, Lunge Lab coach")."""
    if lv.lower[:1] in _BYLINE_FIRST and len(lv.words) <= 25 and byline_name(lv.text, top=False):
        # "By Jo Lee, Lunge Lab coach": the writer, even when a word of the affiliation names a movement
        return Role("other_heading")
    return None


def _label_line(lv: LineView) -> Role | None:
    """A label of the vocabulary and its value ("Target: glutes", "Equipment: a band")."""
    label = _label_of(lv.text)
    if label:
        return Role("label", label=label[0], desc_start=len(lv.text) - len(label[1]))
    return None


def _remark_then_steps(lv: LineView) -> Role | None:
    """A remark whose last sentence is a bare label ending in a colon ("A gentle one to start. Here's how:")."""
    lower = lv.lower
    if lower.endswith(":") and any(stop in lower for stop in ".!?"):
        last = _LAST_SENTENCE_RE.search(lower)
        if last is not None and _bare_label(last.group(1)) in lv.v["bare_labels"]:
            # "A gentle one to start. Here's how:": a remark, then the steps of the exercise above
            return Role("prose")
    return None


def _bare_label_or_frequency(lv: LineView) -> Role | None:
    """A label alone on its line ("Instructions"), or how often alone ("2-3 times a day")."""
    if len(lv.words) > 5:
        return None
    bare = _bare_label(lv.lower)
    if bare in lv.v["bare_labels"]:
        # "Instructions" alone under an exercise heading: its steps follow, still the same exercise's
        return Role("label", label=bare, desc_start=len(lv.text))
    if _only_frequency(lv.text):
        # "2-3 times a day" alone: a frequency cell of a flattened table, said of the exercise above,
        # never a heading of a routine part
        return Role("label", label="frequency", desc_start=0)
    return None


def _rest_line(lv: LineView) -> Role | None:
    """A line that says how to rest and prescribes no more ("Rest 60 seconds between rounds"); a part's
    heading with its rounds and rest, or a repeat of the group, said that way."""
    text, doc, doses = lv.text, lv.doc, lv.doses
    if not (dz.parse_rest(text) and is_dosage_only(text, [(d.start, d.end) for d in doses()], rest=True)
            and not _named_before_dose(text, doses(), doc)):
        return None
    part = _part_with_rounds(text, doses()) or _part_with_rest(text, doses())
    if part is not None:
        return part
    if len(lv.words) <= 16 and not any(d.sets for d in doses()) and REPEAT_BLOCK_RE.search(lv.lower):
        sets = dz.parse_block_sets(text)
        if sets:
            return Role("block_sets", sets=sets)  # "Do this circuit twice, resting a minute between rounds."
    # A rest line may prescribe too ("40 seconds each move, rest 20 seconds, 4 rounds").
    return Role("rest", doses=doses())


def _load_line(lv: LineView) -> Role | None:
    """A line that only says how heavy ("60-70% of your 1RM", "RPE 6")."""
    if len(lv.words) <= 10 and _LOAD_LINE_RE.match(lv.text) and not lv.doses():
        return Role("load")
    return None


def _part_with_note_line(lv: LineView) -> Role | None:
    """A long heading of a part, long for the note in brackets closing it."""
    if not lv.short and not lv.bullet and lv.text.endswith(")"):
        return _part_with_note(lv.text, lv.doc)
    return None


def _pipe_row_line(lv: LineView) -> Role | None:
    """"Lateral lunge | 8 each side": an exercise and its dose on either side of a pipe."""
    if lv.short and "|" in lv.text:
        return _pipe_row(lv.text, lv.doc)
    return None


def _navigation(lv: LineView) -> Role | None:
    """Navigation, breadcrumbs and bylines ("Home > Blog > Knees", "Coach Jo | Physio")."""
    if len(lv.words) <= 16 and _NAV_SEP_RE.search(lv.text) and not lv.doses():
        return Role("other_heading")
    return None


def _timed_part(lv: LineView) -> Role | None:
    """A part of the session given as a time ("Warm-up (10 minutes)")."""
    if lv.short and lv.doses() and _timed_section(lv.text, lv.doses()):
        return Role("section", title=_section_title(lv.text))
    return None


def _section_intro(lv: LineView) -> Role | None:
    """A line that introduces the exercises below ("Perform the following exercises 3 times:")."""
    # Length tests before the patterns: both sides are pure, and most lines are long prose
    # (_SECTION_INTRO's ".*" scans are the slowest of these tests).
    if len(lv.words) <= 14 and not lv.ends_sentence and _SECTION_INTRO.search(lv.text):
        sets = dz.parse_block_sets(lv.text)
        return Role("section", title=lv.text.strip().rstrip(":").strip(), sets=sets)
    return None


def _repeat_block(lv: LineView) -> Role | None:
    """A line that repeats the group and counts it ("Repeat the circuit 3 times")."""
    if len(lv.words) <= 16 and REPEAT_BLOCK_RE.search(lv.lower):
        sets = dz.parse_block_sets(lv.text)
        if sets:
            return Role("block_sets", sets=sets)
    return None


def _advice_heading(lv: LineView) -> Role | None:
    """A heading over advice on every move ("Key points for every session")."""
    if lv.short and not lv.ends_sentence and (lv.lower.rstrip(":") + " ").startswith(lv.v["advice_heads"]):
        return Role("other_heading")  # "Key points for every session": advice on every move, not a part of the routine
    return None


def _strong_section_heading(lv: LineView) -> Role | None:
    """A heading of a part in the part words ("Circuit 1", "Our favourite drills") naming no exercise; or the
    count every part takes ("3 rounds total")."""
    lower = lv.lower
    if not (lv.short and not lv.ends_sentence and not lv.two_sentences and strong_section(lower)
            and (not function_start(lower) or _possessive_part(lower)) and not doc_spans(lv.doc, EXERCISE_KEY)):
        return None
    text = lv.text
    sets = dz.parse_block_sets(text)
    if sets and (_UNLESS_NOTED_RE.search(lower) or (_GROUP_COUNT_RE.search(lower) or "total" in lower) and not _titled_count(text)):
        return Role("article_sets", sets=sets, title=text)
    return Role("section", title=_section_title(text), sets=sets)


def _dose_only_line(lv: LineView) -> Role | None:
    """A short line of doses alone ("3 x 10 each side"), said of the exercise above; or a part's heading with
    its rounds."""
    text, doses = lv.text, lv.doses
    if not (lv.short and doses() and is_dosage_only(text, [(d.start, d.end) for d in doses()])):
        return None
    # "WARM-UP (do this once)": a part's heading with its rounds, not a dose of the move above
    part = _part_with_rounds(text, doses())
    if part is not None:
        return part
    if not exercise_like(_strip_numbers(text), lv.doc, 0):
        return Role("dose", doses=doses())
    return None


def _list_item_named(lv: LineView) -> Role | None:
    """A list item that opens with a name and then counts it ("Box step-downs, 12 per leg")."""
    if lv.bullet:
        return _named_list_item(lv.text, lv.doc, lv.doses)
    return None


@dataclass(slots=True)
class _InlineSplit:
    """A line cut as "Name: description" or "Name - description", and the doses on the right of the cut."""
    raw_name: str
    rest: str
    rest_start: int
    rest_doses: list[dz.DoseMention]
    rest_is_dose: bool


def _inline_name_description(lv: LineView) -> Role | None:
    """"Name: description" / "Name - description" on one line: a period's dose or rung, a part's heading and
    what it holds, or an exercise and its description or dose."""
    text = lv.text
    m = _INLINE_RE.match(text)
    if not m or lv.line.text.startswith("(") or len(m.group("name").split()) > 8:
        return None
    rest = m.group("rest")
    rest_start = m.start("rest")
    # A short right side is part of the name ("Glute Bridge - One Leg").
    rest_doses = dz.parse_dosages(rest)
    rest_is_dose = bool(rest_doses) and is_dosage_only(rest, [(d.start, d.end) for d in rest_doses])
    if not (len(rest.split()) >= 4 or rest_is_dose or ":" in text[:rest_start]):
        return None
    split = _InlineSplit(m.group("name"), rest, rest_start, rest_doses, rest_is_dose)
    for step in (_inline_period, _inline_part, _inline_set_heading, _inline_exercise):
        role = step(lv, split)
        if role is not None:
            return role
    return None


def _inline_period(lv: LineView, split: _InlineSplit) -> Role | None:
    """A period of the plan before the split: its prescription, or the move of its rung."""
    raw_name, rest = split.raw_name, split.rest
    if split.rest_doses and len(raw_name.split()) <= 4 and period_word(raw_name):
        # "Weeks 1-4: 3 x 8", "Early phase: 3 x 20-second holds": the prescription of a period of
        # the plan, said of the exercise above, not a name
        return Role("dose", doses=lv.doses())
    # said as sentences ("Level 2 - Box jump. Step ..."): a heading's topic ("Block 1: Hip Mobility") is none
    if (rest.rstrip().endswith((".", "!")) and len(raw_name.split()) <= 3 and PERIOD_NUMBERS_RE.search(raw_name)
            and period_word(raw_name)):
        return _rung_move(rest, split.rest_start, lv.doc)
    return None


def _inline_part(lv: LineView, split: _InlineSplit) -> Role | None:
    """A part's heading before the split and how often to repeat it after ("Circuit 2: Go through it twice")."""
    raw_name, rest = split.raw_name, split.rest
    head_tokens = tuple(t for t in norm_tokens(raw_name) if len(t) > 1)
    if (head_tokens and is_section_word_only(head_tokens) and section_rx()[0].search(" ".join(head_tokens))
            and (starts_imperative(words_of(rest))
                 # a circuit's count first ("Hip circuit: 3 sets of 10 each"); a region alone with a count
                 # ("Legs: 15 reps, 2 sets") is a row of a table, read by the other rules
                 or rest.lstrip()[:1].isdigit() and "circuit" in head_tokens)):
        sets = dz.parse_block_sets(rest)
        if sets:
            # "Circuit 2: Go through it twice, then rest", "Hip circuit: 3 sets of 10 each": the part's
            # heading and how often to repeat it, not a move named after the part
            return Role("section", title=_section_title(raw_name), sets=sets)
    return None


def _inline_set_heading(lv: LineView, split: _InlineSplit) -> Role | None:
    """A part's word or a numbered set before the split ("Warm-up: ...", "Set 2: ..."): the part's topic, or
    the part and the moves it holds."""
    raw_name, rest, rest_start = split.raw_name, split.rest, split.rest_start
    lname = raw_name.lower().strip()
    v = lv.v
    if not ((any(lname == w or lname.startswith(w) for w in v["warmup"] + v["section_words"]) and is_section_word_only(norm_tokens(raw_name))
             and len(rest.split()) <= 6 or _NUMBERED_SET_RE.match(lname) and len(rest.split()) <= 8) and not split.rest_is_dose):
        return None
    if ends_with_section_word(PAREN_RE.sub(" ", rest)):
        # "Block 1: Hip Mobility": the part's topic, not its one exercise
        return Role("section", title=_section_title(lv.text))
    nm, cut = clean_name(rest)
    ns = rest_start + cut
    # A plus sign in a set's heading only ever joins the set's moves ("Set 3: Bear crawl + Wall
    # sit"), so one known move vouches for a name the lexicon lacks; "and" may join a move's own words.
    moves = (_split_alternatives(nm, _AND_RE, one_head=" + " in nm)
             if "&" in nm or " and " in nm or "+" in nm else [])
    return Role("combined", title=raw_name.strip(), name=nm, name_start=ns, name_end=ns + len(nm),
                alternatives=[(a, ns + s, ns + e, ns + ss, ns + se) for a, s, e, ss, se in moves])


def _inline_exercise(lv: LineView, split: _InlineSplit) -> Role | None:
    """An exercise named before the split, its description or dose after it."""
    text, doc = lv.text, lv.doc
    rest, rest_start = split.rest, split.rest_start
    rest_doses, rest_is_dose = split.rest_doses, split.rest_is_dose
    name, ndoses = dz.split_name_dosage(split.raw_name)
    name, cut = clean_name(name)
    name, cut = _drop_lead_in(name, cut, doc, text)
    dose_first = bool(rest_doses) and rest_doses[0].start == 0 and name[:1].isupper() and len(name.split()) <= 4
    known = exercise_like(name, doc, text.find(name)) if name else False
    if known and not rest_doses and _BARE_COUNT_RE.fullmatch(rest):
        # "Wall push-ups: 8 to 12": a bare count after a known exercise's name is its reps
        rest_doses = [_bare_count(rest)]
        rest_is_dose = True
    # "Main set: 20 min easy jog", "Finisher: 3 rounds of ...": a part of the session and what it holds,
    # not a move of that name (the part's word is no exercise unless the lexicon knows it). A dash
    # joins a block to its time ("Mobility drills - 5 minutes"), a timed activity of its own.
    part_label = not known and ":" in text[:rest_start] and is_section_word_only(norm_tokens(name))
    if name and wordy(name) and not part_label and (known or ((rest_is_dose or dose_first) and len(name.split()) <= 6
                                                              and not function_start(name) and not dose_lead(name))):
        ns = text.find(name)
        if ns < 0:
            ns = cut
        role = Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(ndoses), desc_start=None if rest_is_dose else rest_start)
        if rest_is_dose:
            role.doses += list(rest_doses)
            role.dose_base = rest_start
            role.doses = [shift(d, rest_start) for d in rest_doses] + list(ndoses)
        return role
    return None


def _lettered_name_sentence(lv: LineView) -> Role | None:
    """A superset's item whose name is its first sentence ("A1 - Trap bar deadlift. Stand in the middle...")."""
    text = lv.text
    if text is not lv.line.text and _LETTER_LABEL_RE.match(lv.line.text):
        # "A1 - Trap bar deadlift. Stand in the middle...": a superset's item whose name is its first
        # sentence (a name ending on a verb-like word, "box jump", would read as a cue). Not after a
        # number: "1. Get into a side plank. ..." is the first step of a how-to.
        m = _NAME_SENTENCE_RE.match(text)
        if m and len(m.group("name").split()) <= 8:
            name, cut = clean_name(m.group("name"))
            ns = m.start("name") + cut
            if name and exercise_like(name, lv.doc, ns):
                return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), desc_start=m.end())
    return None


def _run_in_caps_name(lv: LineView) -> Role | None:
    """A name in capitals run into its how-to ("BEAR CRAWL Get on all fours ...")."""
    text = lv.text
    if text[:2].isupper():
        caps = _CAPS_RUN_IN_RE.match(text)
        if caps and starts_imperative(words_of(text[caps.end():])):
            # "BEAR CRAWL Get on all fours ...": a name in capitals run into its how-to on one line, the
            # capitals the only mark of where the name ends
            name, cut = clean_name(caps.group("name"))
            ns = caps.start("name") + cut
            # "STRETCHING Hold each ...": a part's word over its instructions, no move's name
            if name and exercise_like(name, lv.doc, ns) and not is_section_word_only(norm_tokens(name)):
                return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(lv.doses()), desc_start=caps.end())
    return None


def _lead_in_name(lv: LineView) -> Role | None:
    """An exercise after the words that lead into it, then its count ("Finish with wall sits 3 x 30 s")."""
    lead = _LEAD_IN_RE.match(lv.text)
    if lead and lv.doses():
        name, cut = clean_name(lead.group("name"))
        if name and exercise_like(name, lv.doc, lead.start("name")):
            ns = lead.start("name") + cut
            return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(lv.doses()), label="after_section")
    return None


def _count_led(lv: LineView) -> Role | None:
    """The count first, then a move the lexicon knows ("15 reps Goblet squat (heels down)")."""
    return _count_led_item(lv.text, lv.doc, lv.doses, lv.bullet)


def _name_then_dose_line(lv: LineView) -> Role | None:
    """A known move as a sentence of its own, then its prescription ("Side plank. 3 sets of 20 seconds.")."""
    if lv.ends_sentence or not lv.short:
        return _name_then_dose(lv.text, lv.doc)
    return None


def _sentence_bullet(lv: LineView) -> Role | None:
    """A list item that reads as an instruction or a remark, not a name."""
    if lv.bullet and len(lv.words) >= 5 and _sentence_like(lv.text, lv.doc):
        return Role("prose")
    return None


def _short_heading_or_item(lv: LineView) -> Role | None:
    """A short line that does not end as a sentence: a heading (of a part, a day, a move, the page) or a
    list item naming a move. The last reader: what it does not place otherwise is a heading of nothing."""
    if not lv.short or lv.ends_sentence:
        return None
    text, doc = lv.text, lv.doc
    if _weekly_note(text):
        return Role("other_heading")
    if _STEP_LABEL_RE.match(text):
        # "Step 2" alone over a paragraph: the number of a how-to's step names no move and no part
        return Role("other_heading")
    sets = dz.parse_block_sets(text)
    name, ndoses, cut = _heading_name(text, doc)
    name, cut, day_role = _after_weekday(text, doc, name, cut)
    if day_role is not None:
        return day_role
    tokens = norm_tokens(name)
    return (_heading_of_part(lv, name, ndoses, tokens, sets)
            or _heading_of_move(lv, name, ndoses, cut, tokens, sets)
            or _heading_of_nothing(lv, name, ndoses, tokens, sets))


def _heading_name(text: str, doc: Doc) -> tuple[str, list[dz.DoseMention], int]:
    """A short line's name, its doses and where the name was cut from: a level's label and the doses
    taken off ("Beginner: wall sit", "Monster walks 2 x 10 steps")."""
    level = _LEVEL_LABEL_RE.match(text)
    level_end = 0
    if level and period_word(level.group(1)) and exercise_like(text[level.end():], doc, level.end()):
        # "Beginner: wall sit", "Advanced+: pistol squat": a rung of a progression ladder, then its move
        # (the label's colon is no name-description split)
        level_end = level.end()
    name, ndoses = dz.split_name_dosage(text[level_end:])
    ndoses = [shift(d, level_end) for d in ndoses]
    if ndoses and len(ndoses) == 1 and text[-1:].isdigit():
        variant = _NUMBERED_VARIANT_RE.search(text)
        if variant is not None and ndoses[0].start >= variant.start():
            name, ndoses = text, []  # "Bridge variation 2": the number is the variant's, not a count of reps
    name = _name_before_dose(text, ndoses, name)
    name, cut = clean_name(name)
    if level_end:
        cut += level_end
    return name, ndoses, cut


def _after_weekday(text: str, doc: Doc, name: str, cut: int) -> tuple[str, int, Role | None]:
    """The name after a day of a sample week opening it, and the line's role when what follows the day
    names no movement; (name, cut, None) when no day opens it."""
    day = _DAY_LABEL_RE.match(name)
    split_day = day is None and WEEKDAY_RE.fullmatch(name) is not None
    if split_day:
        # "Friday - Leg Day.": the dose splitter took the dash for a name-description split
        day = _DAY_LABEL_RE.match(text)
        name, cut = text.rstrip(" ."), 0
    if day:
        # "Tuesday: 8 x 400 m + strength": a day of a sample week; an exercise only if a movement is
        # named after the day ("Monday: goblet squats 3 x 10")
        name, cut = name[day.end():], cut + day.end()
        if split_day and exercise_like(name, doc, max(text.find(name), 0)):
            return name, cut, Role("other_heading")  # "Monday: easy run plus strides": what the day holds, in words
        if not exercise_like(name, doc, max(text.find(name), 0)):
            if not _title_cased(name):
                return name, cut, Role("other_heading")  # "Sunday: off", "Thursday: tempo run": a line of a sample week
            # "Friday - Leg Day" over its moves is the part done that day (the assembler's maybe_heading:
            # a part when exercises follow); over prose or another day it heads nothing
            return name, cut, Role("maybe_heading", name=text.strip(), title=_section_title(text).rstrip("."), label="part")
    return name, cut, None


def _heading_of_part(lv: LineView, name: str, ndoses: list[dz.DoseMention], tokens: tuple[str, ...],
                     sets: tuple[int, int] | None) -> Role | None:
    """A short line that heads a part of the plan, or gives the count of every part."""
    text, lower = lv.text, lv.lower
    if (len(lv.words) <= 8 and not lv.bullet and _NUMBERED_PART_RE.match(text)
            and not doc_spans(lv.doc, EXERCISE_KEY)):
        # "Rung 2: Slow loading", "Tier 1: Holds": a numbered part of the plan, whatever word counts it and
        # even when its topic ends like a movement (a part when exercises follow, see the assembler's
        # maybe_heading), never an exercise's name
        return Role("maybe_heading", name=text.strip(), title=_section_title(text), sets=sets, label="part")
    if ndoses and INTRO_HINT(name) and _only_lead_in(name):
        # "Begin with 3 minutes of marching on the spot, then:": a sentence cut at its count, not a name
        return Role("prose")
    lname = " ".join(tokens)
    # "(2 sets unless noted)" in a heading is the default of every move, even in brackets
    if sets and (_UNLESS_NOTED_RE.search(lower) or (_GROUP_COUNT_RE.search(lower) or "total" in lower
                                                  or _ALL_OF_GROUP_RE.search(lower)) and not _titled_count(text)):
        return Role("article_sets", sets=sets, title=text)
    if name and strong_section(lname) and not function_start(name) and len(tokens) <= 8 and not lv.two_sentences:
        title = _section_title(text)
        return Role("section", title=title, sets=sets)
    return None


def _heading_of_move(lv: LineView, name: str, ndoses: list[dz.DoseMention], cut: int, tokens: tuple[str, ...],
                     sets: tuple[int, int] | None) -> Role | None:
    """A short line that names a move the lexicon knows: the exercise, maybe several alternatives."""
    text, doc = lv.text, lv.doc
    if not (name and exercise_like(name, doc, max(text.find(name), 0))):
        return None
    lname = " ".join(tokens)
    if not lv.v["statement_verbs"].isdisjoint(lname.split()):
        # "Option 2 is a hop progression:": a sentence leading into the moves below (they name
        # themselves), neither a name nor the heading of a part
        return Role("prose")
    ns = text.find(name)
    if ns < 0:
        ns = cut
    if not lv.bullet and not ndoses and is_section_word_only(tokens) and not doc_spans(doc, EXERCISE_KEY):
        # "Stretching" standing alone: a part's word that ends like a movement and names none of the
        # lexicon's; a part when exercises follow, a move when instructions do (the assembler's maybe_heading)
        return Role("maybe_heading", name=name, name_start=ns, name_end=ns + len(name), title=_section_title(text), sets=sets)
    alts = _split_labelled(name) or _split_alternatives(name)
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(ndoses), alternatives=[(a, ns + s, ns + e, ns + ss, ns + se) for a, s, e, ss, se in alts])


def _heading_of_nothing(lv: LineView, name: str, ndoses: list[dz.DoseMention], tokens: tuple[str, ...],
                        sets: tuple[int, int] | None) -> Role:
    """A short line that names no known move: a part's word, a note, a counted item the lexicon lacks, a
    heading that may head a part, or a heading of nothing."""
    text, line = lv.text, lv.line
    if name and is_section_word_only(tokens) and len(tokens) <= 6 and not line.bullet:
        return Role("section", title=_section_title(text), sets=sets)
    if note_line(text):
        return Role("prose" if line.bullet else "other_heading")
    if (name and wordy(name) and ndoses and len(tokens) <= 6 and not function_start(name) and not dose_lead(name)
            and not _COUNTED_PERIOD_RE.match(name)):
        ns = max(text.find(name), 0)
        return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(ndoses))
    if _STAMP_RE.match(line.text):
        return Role("other_heading")  # a video chapter that names no exercise ("00:00 - Intro")
    if tokens and tokens[-1] in lv.v["document_parts"]:
        return Role("other_heading")  # "General instructions", "Full transcript": a part of the page, not of the routine
    if text[:1] == "*" and text[1:2].isalpha() and not text.rstrip().endswith("*"):
        return Role("prose")  # "*Use a chair for balance": a footnote to the list, not a heading (italics close their "*")
    if (name and wordy(name) and len(tokens) <= 8 and not function_start(name) and not lv.ends_sentence and ":" not in text[:-1]
            and not benefit_line(name)):
        if _instruction(name, line.bullet):
            return Role("prose")  # "Pause", "Roll your hips back": a step of the list above
        return Role("maybe_heading", name=name, name_start=max(text.find(name), 0), name_end=max(text.find(name), 0) + len(name), doses=list(ndoses), title=_section_title(text), sets=sets)
    return Role("other_heading")


# The order the readers are tried in is the priority of the line shapes: the first that answers decides.
# Page furniture first (an end marker, boilerplate), since it may name moves and count things; then labels,
# which say what their line is whatever follows them; then the lines that only prescribe (rest, load, dose)
# and the headings of parts, before any reader of exercises, so a part's word or a count is never taken for
# a move's name; the exercise readers go from the strongest mark of a name (a list item's count, an inline
# separator, a superset's letter, capitals, a lead-in) to the weakest; the short heading reader comes last,
# reading what is left of the short lines. A line no reader claims is prose.
_READERS: tuple[Callable[[LineView], Role | None], ...] = (
    _end_marker,                # "Related posts"
    _boilerplate,               # cookie notices, share buttons
    _dose_label_line,           # "Sets: 3    Reps: 10"
    _byline,                    # "By Jo Lee, Lunge Lab coach"
    _label_line,                # "Target: glutes"
    _remark_then_steps,         # "A gentle one to start. Here's how:"
    _bare_label_or_frequency,   # "Instructions", "2-3 times a day"
    _rest_line,                 # "Rest 60 seconds between rounds"
    _load_line,                 # "60-70% of your 1RM"
    _part_with_note_line,       # "STAGE 2: STRENGTHEN (once walking feels easy ...)"
    _pipe_row_line,             # "Lateral lunge | 8 each side"
    _navigation,                # "Home > Blog > Knees"
    _timed_part,                # "Warm-up (10 minutes)"
    _section_intro,             # "Perform the following exercises:"
    _repeat_block,              # "Repeat the circuit 3 times"
    _advice_heading,            # "Key points for every session"
    _strong_section_heading,    # "Circuit 1", "Our favourite drills"
    _dose_only_line,            # "3 x 10 each side"
    _list_item_named,           # "- Box step-downs, 12 per leg"
    _inline_name_description,   # "Glute bridge: lie on your back ..."
    _lettered_name_sentence,    # "A1 - Trap bar deadlift. Stand ..."
    _run_in_caps_name,          # "BEAR CRAWL Get on all fours ..."
    _lead_in_name,              # "Finish with wall sits 3 x 30 s"
    _count_led,                 # "15 reps Goblet squat (heels down)"
    _name_then_dose_line,       # "Side plank. 3 sets of 20 seconds."
    _sentence_bullet,           # "- Keep your hips level as you lower"
    _short_heading_or_item,     # "Goblet squat", "Monday: easy run"
)


def analyse_line(line: Line, doc: Doc) -> Role:
    """The role of `line` from its own content: the answer of the first of _READERS that answers, prose
    when none does."""
    lv = LineView(line, doc)
    for read in _READERS:
        role = read(lv)
        if role is not None:
            return role
    return Role("prose")


# A heading ending on the number of a variant ("Bridge variation 2", "Bird dog level 3", "Plank - option 1"): one of
# several variants headed apart, never a count.
_NUMBERED_VARIANT_RE = re.compile(r"\b(?:part|pt|level|lvl|version|variation|option|progression|regression|stage|phase)\.?\s*#?\d{1,2}$", re.I)


# "Set 2" before a colon: the second group of a gym session, named by its count alone ("set" by itself is too
# common a word of doses to be a section word); what follows the colon is the group's moves.
_NUMBERED_SET_RE = re.compile(r"set\s*#?\d{1,2}$")
# A label and its number opening a heading, then its topic: "Rung 2: Slow loading", "Tier B - Power".
# A how-to's step number alone on its line ("Step 3", "Step #3:").
_STEP_LABEL_RE = re.compile(r"\s*step\s*#?\s*\d{1,2}\s*[.:)]?\s*$", re.I)
# A name in capitals, then an optional aside in brackets, then a capitalised word that opens the how-to.
_CAPS_RUN_IN_RE = re.compile(r"\s*(?P<name>[A-Z][A-Z'\u2019-]+(?:\s+[A-Z][A-Z'\u2019-]*){0,4})(?:\s*\([^()]{1,40}\))?\s+(?=[A-Z][a-z])")
_NUMBERED_PART_RE = re.compile(r"^\s*[A-Z][a-z]{2,12}\s+(?:\d{1,2}|[A-H])\s*[:\u2013\u2014-]\s+[A-Za-z]")


# "Name | prescription": a list line of an exercise and its dose, kept apart by one pipe.
_PIPE_ROW_RE = re.compile(r"^(?P<name>[^|]{2,60}?)\s+\|\s+(?P<rest>[^|]+)$")


def _pipe_row(text: str, doc: Doc) -> Role | None:
    """An exercise and its prescription on one line kept apart by a pipe ("Lateral lunge | 8 each side",
    "Side plank | hold 20 seconds"), read as the cells of a table row with no header: everything right of the
    pipe is the dose. None unless the left names an exercise and the right opens with the count."""
    m = _PIPE_ROW_RE.match(text)
    if m is None:
        return None
    name, cut = clean_name(m.group("name"))
    ns = m.start("name") + cut
    if not name or not exercise_like(name, doc, ns):
        return None
    rest_at = m.start("rest")
    doses = dz.parse_dosages(m.group("rest"), list_item=True)
    if not doses or len(m.group("rest")[:doses[0].start].split()) > 1:
        return None
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=[shift(d, rest_at) for d in doses],
                dose_base=rest_at)


# A count and nothing else: "12", "8 to 12", "10-15 each side".
_BARE_COUNT_RE = re.compile(r"\s*(?P<lo>\d{1,3})(?:\s*(?:-|–|to|or)\s*(?P<hi>\d{1,3}))?(?P<side>\s+(?:each|per)\s+(?:side|leg|arm))?\s*[.;]?\s*", re.I)


def _bare_count(text: str) -> dz.DoseMention:
    """The reps of a text _BARE_COUNT_RE matches in full."""
    m = _BARE_COUNT_RE.fullmatch(text)
    assert m is not None
    lo, hi = int(m.group("lo")), int(m.group("hi") or m.group("lo"))
    end = m.end("side") if m.group("side") else m.end("hi") if m.group("hi") else m.end("lo")
    return dz.DoseMention(stage="main", reps=(min(lo, hi), max(lo, hi)), per_side=bool(m.group("side")),
                          start=m.start("lo"), end=end, text=text[m.start("lo"):end])


# A label whose value is the prescription: "Sets/Reps: 3 x 8", "Reps: 12 each side", "Sets: 3", a form's
# "Target reps = 10".
_DOSE_LABEL_RE = re.compile(
    r"^\W*(?:(?:target|goal)\s+)?(?P<label>sets?(?:\s*(?:/|&|and|x|×)\s*(?:reps?|time|duration))?|reps?(?:\s*(?:/|&|and)\s*(?:sets?|time|duration))?"
    r"|rounds?|repetitions|dosage|dose|prescription|volume|duration|time|holds?(?:\s+time)?"
    # a handout's question labels: "How many: 8 to 12 reps", "How long: 30 seconds"
    r"|how\s+(?:many|much|long|often)|amount)\s*[:=]\s*(?P<value>\S.*)$", re.I)
# A dosage label left blank on a form ("Hold: --", "Hold: none", "Reps: n/a"): nothing to read.
_BLANK_VALUE_RE = re.compile(r"^\W*(?:none|n/?a|nil|no|not\s+applicable|[-–—_.]*)\W*$", re.I)


# Between the "label: value" pairs of a form's line ("Sets: 3    Reps: 10    Hold: 5 seconds"): a run of spaces or tabs.
# A bar between pairs ("Reps: 10 | Sets: 3") is a web page's inline form of the same thing.
_PAIR_GAP_RE = re.compile(r"\s*\|\s*|\s{2,}|\t+")


def _dose_label(text: str) -> Role | None:
    """A dosage label line as a dose line; a bare number takes its meaning from the label ("Sets: 3").
    Several labels on one line, spaced apart, are one prescription."""
    if "  " in text or "\t" in text or "|" in text:
        got = _dose_pairs(text)
        if got is not None:
            return got
    return _one_dose_label(text)


def _dose_pairs(text: str) -> Role | None:
    """"Sets: 3    Reps: 10    Hold: 5 seconds": each pair read on its own, then joined into one dose; None
    unless the line is two such pairs or more."""
    bounds = []
    pos = 0
    for m in [*_PAIR_GAP_RE.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if text[pos:end].strip():
            bounds.append((pos, end))
        if m is not None:
            pos = m.end()
    if len(bounds) < 2:
        return None
    merged: dz.DoseMention | None = None
    for a, b in bounds:
        role = _one_dose_label(text[a:b])
        if role is None or len(role.doses) > 1:
            return None
        if not role.doses:
            continue  # "Hold: --"
        d = shift(role.doses[0], a)
        if merged is None:
            merged = d
            continue
        if any(getattr(merged, f) is not None and getattr(d, f) is not None for f in ("sets", "reps", "seconds")):
            return None  # two counts of one kind: not one prescription
        merged = replace(merged, sets=merged.sets or d.sets, reps=merged.reps or d.reps, seconds=merged.seconds or d.seconds,
                         seconds_kind=merged.seconds_kind or d.seconds_kind, per_side=merged.per_side or d.per_side,
                         end=d.end, text=text[merged.start:d.end])
    return Role("dose", doses=[merged] if merged is not None else [])


def _one_dose_label(text: str) -> Role | None:
    m = _DOSE_LABEL_RE.match(text)
    if not m:
        return None
    base = m.start("value")
    value = m.group("value")
    label = m.group("label").lower()
    if _BLANK_VALUE_RE.match(value):
        return Role("dose", doses=[])
    # Read with its label, which gives a bare number its role ("Sets: 3 Reps: 10" on one line is two counts).
    lead = m.start("label")
    doses = [shift(d, lead) for d in dz.parse_dosages(text[lead:])]
    if label.startswith("hold"):
        # "Hold: 5 seconds": the label says the time is a hold
        doses = [replace(d, seconds_kind="hold") if d.seconds else d for d in doses]
    if not doses:
        r = dz.parse_block_sets(value + " sets") if label.startswith(("set", "round")) and "/" not in label else None
        if r is not None:
            doses = [dz.DoseMention(stage="main", sets=r, start=base, end=len(text), text=value)]
        else:
            doses = [shift(d, base) for d in dz.parse_dosages(value, list_item=True)]
    return Role("dose", doses=doses) if doses else None


# A line that only says how heavy: "60-70% of your 1RM", "@ 80% of max", "RPE 6", "RIR 3".
_LOAD_LINE_RE = re.compile(
    r"^\W*(?:(?:at|@|with|use|using)\s+)?(?:~\s*)?(?:"
    r"\d+(?:\.\d+)?\s*(?:%|percent)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*(?:%|percent)(?:\s+(?:of\s+)?(?:your\s+|the\s+)?"
    r"(?:1\s*-?\s*rm|one[- ]rep(?:etition)?[- ]max(?:imum)?|max(?:imum)?|mhr|max(?:imum)? heart rate|bodyweight|body weight|effort|intensity))?"
    r"|(?:rpe|rir)\s*:?\s*\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?"
    r")\W*$", re.I)


# An item's name as its own sentence, then its description (after the item's label, blanked).
# Where a rung's first clause ends ("Add a box jump, slowly" -> "Add a box jump").
_CLAUSE_END_RE = re.compile(r"[,;.!?]|\s(?:since|because|as|until|while|so)\s")
_NAME_SENTENCE_RE = re.compile(r"^\s*(?P<name>[A-Za-z][^.:!?]{1,60}?)\.\s+(?=[A-Z])")
# A superset's or block's label: "A1", "B2 -", "C.".
_LETTER_LABEL_RE = re.compile(r"\s*(?:" + SUPERSET_LABEL + "|" + LABEL_LETTER + r")\s*[-.:)]?\s")
_LEAD_IN_RE = re.compile(r"^(?:finish|end|start|begin|then|next|follow(?:ed)? (?:up )?|cool down|warm up)\s+(?:with|by)\s+(?P<name>[A-Za-z][A-Za-z' -]{2,40}?)\s+(?=\d|one|two|three|four|five|ten|for\b)", re.I)


# "Plate halo x 5 each way": a short name and its count after an "x", a list item however its name reads.
_NAME_X_COUNT_RE = re.compile(r"^\W*(?P<name>[A-Za-z][\w' /-]{2,40}?)\s+[x\u00d7]\s*\d{1,3}\b")


# A list item that names its exercise, then a comma and its count ("Lateral walks, 15 each way with a band").
# A clock time after the comma ("Jo Lee, 1:32:10") is a result, not a count.
_NAME_COMMA_COUNT_RE = re.compile(r"^\s*(?P<name>[A-Z](?:[A-Za-z' /&]|-(?=\w)){2,40}?),\s*(?=\d)(?!\d{1,2}:\d\d)")
# Words a name in title case may leave in lower case ("Step-Up and Over", "Lunge with Twist").
_TITLE_CASE_SMALL = frozenset(("and", "or", "with", "to", "of", "on", "the", "a", "an", "in", "&", "+", "/"))
# Words a name never ends on: those, and more that leave a phrase cut before its count ("Hold for 10 seconds",
# "Repeat up to 8 reps").
_CUT_WORDS = _TITLE_CASE_SMALL | frozenset(("for", "at", "from", "by", "into", "until", "about", "up", "another", "each",
                                            "every", "your"))
# A list item that opens with its name and the name's count ("Wall sit 40 seconds (...)", "Step-ups 12 reps. ...").
_NAME_COUNT_FIRST_RE = re.compile(r"^\s*(?P<name>[A-Z](?:[A-Za-z' /&]|-(?=\w)){2,40}?)\s+(?=\d{1,3}(?:\s*[-\u2013]\s*\d{1,3})?\s*"
                                  r"(?:reps?|repetitions|seconds|secs?)\b)")
# A list item that is a name and a note in brackets, and nothing else.
# A short bracket is part of the name or a count ("Copenhagen plank (short lever)", "Squats 10 (slow)"): the
# note is a phrase of four words or more, and the name has no number.
_NAME_NOTE_RE = re.compile(r"\s*(?P<name>[A-Za-z][^()\d]{2,40}?)\s*\((?P<note>\s*\S+(?:\s+\S+){3}[^()]{0,200})\)\s*")
# A list item that opens with its count, then the move ("12 reps Reverse lunge (keep ...)", "40 seconds of
# side plank with a band"): the count, its unit, an "of"; what follows up to a known exercise's end is the name.
_COUNT_LED_RE = re.compile(r"^\s*(?:\d{1,2}\s*[x\u00d7]\s*)?(?P<lo>\d{1,3})(?:\s*(?:-|\u2013|to)\s*(?P<hi>\d{1,3}))?"
                           r"(?:\s*(?:reps?|repetitions|seconds?|secs?|minutes?|mins?)\b)?(?:\s+of)?\s+(?=[A-Za-z])", re.I)
# What may follow that name on the line: a remark in brackets, a load, or the kit or place it is done with
# ("with a band"; "with row" goes on naming the move, "Squat with row", and is left to the other rules).
_COUNT_LED_TAIL_RE = re.compile(r"\s*(?:$|[(@]|(?:with|on|against|holding|using)\s+(?:an?|the|your|\d)\b"
                                # "... leg swings each side": the count's side, no more of a sentence
                                r"|(?P<side>(?:each|per|a)\s+(?:side|leg|arm|foot|way|direction)s?\s*$))", re.I)
# The most words between the count and the known movement that still belong to the name ("Dumbbell" in
# "10 Dumbbell Romanian deadlift", "hand stand" before "push-ups"); more is a sentence.
_COUNT_LED_GAP = 2


def _rung_move(rest: str, rest_start: int, doc: Doc) -> Role | None:
    """The move of a numbered rung of a progression ("Level 3 - Split squat. Step ...", "Stage 2 - Add a
    goblet squat, slowly"): its first sentence when that names a move, else the first move the lexicon
    finds in its first clause; None when the rung names no move (a period's topic, not an exercise)."""
    m = _NAME_SENTENCE_RE.match(rest)
    if m and len(m.group("name").split()) <= 6:
        name, cut = clean_name(m.group("name"))
        ns = rest_start + m.start("name") + cut
        if name and exercise_like(name, doc, ns):
            return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), desc_start=rest_start + m.end())
    clause = _CLAUSE_END_RE.search(rest)
    spans = exercise_spans_in(doc, rest_start, rest_start + (clause.start() if clause else len(rest)))
    if spans:
        s = spans[0]
        return Role("exercise", name=s.text, name_start=s.start_char, name_end=s.end_char, desc_start=rest_start)
    return None


def _count_led_item(text: str, doc: Doc, doses: Callable[[], list[dz.DoseMention]], bullet: bool) -> Role | None:
    """A line that gives the count first and then a move the lexicon knows, maybe with a remark after it
    ("15 reps Goblet squat (heels down)"): the move is the line's exercise, never a sentence of prose, however
    the remark reads. A plain line of a count and a name alone is left to the heading rules ("5 minute jog" may
    head a part); a list item is an item. Gated on a digit opening the line, so most lines are decided at once."""
    if not text[:4].strip()[:1].isdigit():
        return None
    m = _COUNT_LED_RE.match(text)
    if m is None:
        return None
    spans = [sp for sp in doc_spans(doc, EXERCISE_KEY) if sp.start_char >= m.end()]
    if not spans:
        return None
    gap = text[m.end():spans[0].start_char]
    # a number or an "x" between them is more of the prescription ("3 x 12 squats"), read by the other rules;
    # a comma only between words of manner ("20 slow, steady lunges"), which are no part of the name
    if (len(gap.split()) > _COUNT_LED_GAP or any(ch in gap for ch in ".;:!?()") or gap.count(",") > 1
            or any(map(str.isdigit, gap))
            or any(w.lower() in ("x", "\u00d7") for w in gap.split()) or starts_imperative(words_of(gap))):
        return None
    ne = spans[0].end_char
    for sp in spans[1:]:
        # known names side by side are one move ("Squat" and "sit-ups" in "Squat sit-ups")
        if sp.start_char > ne + 1:
            break
        ne = max(ne, sp.end_char)
    tail = _COUNT_LED_TAIL_RE.match(text, ne)
    if tail is None or not bullet and not text[ne:].strip():
        return None
    ns = m.end()
    lead = [d for d in doses() if d.start < ns]
    if "," in gap:
        ns = spans[0].start_char
    if not lead:
        count = text[m.start("lo"):m.end("hi") if m.group("hi") else m.end("lo")]
        lead = [shift(_bare_count(count), m.start("lo"))]
    if tail.group("side"):
        lead = [replace(d, per_side=True) for d in lead]
    # a remark in brackets describes the move; the kit it is done with is the item's own, read with the name
    remark = text[ne:].lstrip()[:1] == "("
    return Role("exercise", name=text[ns:ne], name_start=ns, name_end=ne, doses=lead,
                desc_start=ne if remark else None)


# A line that names the move as its first sentence and prescribes it in the second ("Side plank. 3 sets of
# 20 seconds. Keep ..."), with a short bracket after the name maybe ("Goblet squat (video). 10 reps.").
_NAME_THEN_DOSE_RE = re.compile(r"^\s*(?P<name>[A-Z][^.:;!?()\d]{1,50}?)(?:\s*\([^()]{1,20}\))?\.\s+"
                                r"(?P<dose>\d[^.!?]{0,50}?)\.?(?:\s+(?=[A-Z])|\s*$)")


def _name_then_dose(text: str, doc: Doc) -> Role | None:
    """A move the lexicon knows said as a sentence of its own, then its prescription as the next: the line's
    exercise, not prose, even with more sentences that describe it. Gated on a full stop and a digit."""
    if "." not in text[:60] or not any(map(str.isdigit, text[:120])):
        return None
    m = _NAME_THEN_DOSE_RE.match(text)
    if m is None or len(m.group("name").split()) > 6 or starts_imperative(words_of(m.group("name"))):
        return None
    name, ns = m.group("name").strip(), m.start("name")
    if not exercise_like(name, doc, ns):
        return None
    dose_text = m.group("dose")
    doses = dz.parse_dosages(dose_text)
    if not doses or not is_dosage_only(dose_text, [(d.start, d.end) for d in doses]):
        return None
    rest = text[m.end():].strip()
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name),
                doses=[shift(d, m.start("dose")) for d in doses], desc_start=m.end() if rest else None)


# A unit after that count makes it a load, a distance or a time, not reps ("Farmer carry, 20kg").
_COUNT_UNIT_RE = re.compile(r"\s*(?:kg|kgs|lbs?|pounds?|%|m|km|mi|miles?|yards?|min|mins|minutes?|s|secs?|seconds?)\b", re.I)


def _named_list_item(text: str, doc: Doc, doses: Callable[[], list[dz.DoseMention]]) -> Role | None:
    """A list item whose first sentence, or what precedes a comma and a count, is the exercise's name and
    whose rest prescribes it ("Lateral hop series. Do 3 sets of 6.", "Box step-downs, 12 per leg, slowly"):
    an exercise even when the lexicon does not know the name, since a list item that opens with a short
    name and then gives a count names the move it counts. An instruction ("Keep your hips level. Do 10.")
    or a sentence opener is no name. `doses` parses the line's doses (only when a name was found)."""
    note = _NAME_NOTE_RE.fullmatch(text)
    if note is not None and len(note.group("name").split()) <= 5 and exercise_like(note.group("name"), doc, note.start("name")):
        # "Donkey kicks (fire the glutes, steady the pelvis)": the name and what it is for, in brackets
        return Role("exercise", name=note.group("name"), name_start=note.start("name"), name_end=note.end("name"),
                    doses=doses(), desc_start=note.start("note"))
    m = _NAME_COMMA_COUNT_RE.match(text)
    comma = m is not None
    counted = None
    if m is None:
        # "Wall sit 40 seconds (keep your back flat ...)": the count right after the name, then remarks
        m = counted = _NAME_COUNT_FIRST_RE.match(text)
    if m is None:
        m = _NAME_SENTENCE_RE.match(text)
    # the name's tests before the doses': most list items are steps, decided without parsing a count
    if m is None or not m.group("name")[:1].isupper() or len(m.group("name").split()) > 6 or _LETTER_LABEL_RE.match(text):
        return None
    name, cut = clean_name(m.group("name"))
    ns = m.start("name") + cut
    if not name or (not exercise_like(name, doc, ns) and (
            not wordy(name) or function_start(name) or dose_lead(name) or starts_imperative(words_of(name))
            or note_line(name) or not vocab()["statement_verbs"].isdisjoint(name.lower().split()))):
        return None
    after = [d for d in doses() if d.start >= m.end()]
    if counted is not None:
        # only a known movement, not cut off on a small word: "Hold for 5 seconds ...", "Last 2 reps ..." open
        # a step or a remark the same way
        if (not after or after[0].start != m.end() or name.split()[-1].lower() in _CUT_WORDS
                or not exercise_like(name, doc, ns)):
            return None
        # the count is the name's; counts in the remarks after it are the remarks' (read with them)
        return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=after[:1], desc_start=after[0].end)
    if comma and not any(d.start == m.end() for d in after):
        # "Hip hikes, 12-15 holding a rail": the count after the comma is the reps, whatever words follow it
        count = _BARE_COUNT_RE.match(text, m.end())
        # "Kettlebell, 2 bands and a mat": a count of kit, a list of what to bring, not reps
        kit = count is not None and any(sp.start_char == count.end() for sp in doc_spans(doc, EQUIPMENT_KEY))
        if count is not None and not kit and not _COUNT_UNIT_RE.match(text, count.end("lo")):
            after = [shift(_bare_count(count.group(0)), m.end())] + after
    if not after:
        return None
    # After a comma the count and its words ("12 per leg with a dumbbell") are the item's own, read for its
    # kit and muscles as the name is; after a full stop come sentences that describe the move.
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=after,
                desc_start=None if comma else m.end())


# The most words read as a name written in title case.
_TITLE_CASE_WORDS = 8


def _title_cased(text: str) -> bool:
    """A short line, its every word capitalised but the small ones, not ending as a sentence."""
    words = text.split()
    if not 2 <= len(words) <= _TITLE_CASE_WORDS or text.rstrip().endswith((".", "!", "?", ":")):
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_CASE_SMALL for w in words)


def _sentence_like(text: str, doc: Doc) -> bool:
    """A bullet that is an instruction or remark, not a list item naming an exercise."""
    spans = doc_spans(doc, EXERCISE_KEY)
    if spans and spans[0].start_char <= 2:
        return False
    m = _NAME_X_COUNT_RE.match(text)
    if m and len(m.group("name").split()) <= 4 and not starts_imperative(words_of(m.group("name"))):
        return False
    if _title_cased(text):
        return False  # "Heavy Sled Reverse Lunges": every word capitalised, as a name is written, never a sentence
    got = classify(text)
    return got is not None


def _instruction(name: str, bullet: bool) -> bool:
    """A step of a how-to list, not a heading: a verb alone in a list ("Pause", "Exhale"; a heading of one
    word, "Balance", is a part) or a verb and the reader's body ("Lower your hips slowly"). Only asked of
    names the lexicon does not know ("Plank" is known)."""
    words = words_of(name)
    return starts_imperative(words) and (len(words) == 1 and bullet or any(w.lower() == "your" for w in words))


def _named_before_dose(text: str, doses: list[dz.DoseMention], doc: Doc) -> bool:
    """An exercise named before the line's first dose ("Goblet squat - 3 x 10 (rest 60 s)"): the move's
    line with its rest, not a rest line."""
    if not doses:
        return False
    head = text[:min(d.start for d in doses)].rstrip(" -:(,")
    return bool(head) and exercise_like(head, doc, 0)


def _name_before_dose(text: str, doses: list, name: str) -> str:
    """When the prescription follows the name ("Monster walks 2 x 10 steps"), the name is what precedes it."""
    if not doses:
        return name
    first = min(d.start for d in doses)
    head = text[:first].rstrip(" (-:,")
    return head if first > 0 and wordy(head) and head.strip() else name


def _strip_numbers(text: str) -> str:
    return _NUMBERS_RE.sub(" ", text)


def shift(d: dz.DoseMention, by: int) -> dz.DoseMention:
    return replace(d, start=d.start + by, end=d.end + by)


# A remark in brackets closing a heading ("Circuit B (do this on a hill day)"): when to do the part,
# not its name. Short brackets are kept ("Day 1 (Tuesday)", "Stage 2 (Weeks 5-8)").
_TITLE_REMARK_RE = re.compile(r"\s*\((?=[^()\d]*[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+)[^()\d]*\)\s*$")


# How to rest or pair the part's moves, in brackets closing its heading ("Block B (superset, rest 60 sec after B2)").
_TITLE_REST_PAREN_RE = re.compile(r"\s*\(\s*[^()]*\b(?:rest|resting|super ?sets?|giant sets?|tri-?sets?)\b[^()]*\)\s*$", re.I)


# A markdown heading's closing marks ("Warm-up block ##"), left by a scraper that kept the heading's markup.
_CLOSING_HASHES_RE = re.compile(r"\s+#+\s*$")


def _section_title(text: str) -> str:
    t = _CLOSING_HASHES_RE.sub("", text)
    t = _TITLE_SETS_PAREN_RE.sub("", t)
    t = _TITLE_REST_PAREN_RE.sub("", t)
    t = _TITLE_REMARK_RE.sub("", t)
    t = _TITLE_TIME_PAREN_RE.sub("", t)
    t = _TITLE_X_TAIL_RE.sub("", t.strip())
    t = _TITLE_SETS_TAIL_RE.sub("", t.strip())
    return t.strip().rstrip(":").strip()
