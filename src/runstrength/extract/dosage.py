"""Dosage grammar: sets, reps, times, per-side, stage, frequency and rest.

Everything here is a pure function over a string, built on regular expressions
compiled once at import.  The parser works sentence by sentence:

1. *Masks* blank out numbers that are never a dosage (percentages, weights,
   distances, angles, frequencies such as "2x/week", list numbering, "add 2
   extra reps" increments).  Masked characters become ``#`` so offsets stay
   valid and no later pattern can bridge across them.
2. *Atoms* are matched in priority order (``2 x 8`` before ``8 reps`` before
   ``8x``); each match is masked so a number is used once.
3. Each atom gets a *stage* from stage markers of its clause ("start with",
   "build up to", "start again at", "... to start").
4. Atoms of one stage in one sentence are *merged* into one mention until a
   field would be overwritten, which starts a new mention.

Sentence-wide facts (per side, the word "hold") are applied to every mention
of the sentence, because writers put them anywhere (a closing "swap legs"
applies to a hold given earlier in the sentence).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable
from functools import lru_cache

from runstrength.extract.gates import AnyOf

Range = tuple[int, int]

__all__ = [
    "DoseMention",
    "Range",
    "parse_dosages",
    "parse_frequency",
    "parse_block_sets",
    "parse_rest",
    "split_name_dosage",
    "to_int",
    "to_number",
]


@dataclass(frozen=True)
class DoseMention:
    stage: str  # "main" | "start" | "target" | "progression"
    sets: Range | None = None
    reps: Range | None = None
    seconds: Range | None = None
    seconds_kind: str | None = None  # "hold" or None (caller decides)
    per_side: bool = False
    start: int = 0
    end: int = 0
    text: str = ""


# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}

_WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
_WORD_VALUES.update(_TENS)
_WORD_VALUES.update({"hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12,
                     "couple": 2, "a couple": 2, "a couple of": 2, "a pair of": 2,
                     "once": 1, "twice": 2, "thrice": 3, "a single": 1, "single": 1})
for _t, _tv in _TENS.items():
    for _u in range(1, 10):
        for _sep in ("-", " ", ""):
            _WORD_VALUES[f"{_t}{_sep}{_UNITS[_u]}"] = _tv + _u

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}

# Word numbers usable inside quantities.  "once"/"twice" and "single" are left
# out: they are handled by dedicated patterns or are not counts.
_NUM_WORDS = sorted(
    (w for w in _WORD_VALUES if w not in {"once", "twice", "thrice", "a single", "single",
                                          "zero", "couple", "dozen", "hundred"}),
    key=len, reverse=True,
)


def _trie_alternation(words: list[str]) -> str:
    """A regex matching exactly `words` (a space in a word matches any run of whitespace).

    Written as a trie ("twenty(?:-one|...|)") rather than a flat alternation
    ("twenty-one|twenty one|...|twenty"): Python's regex engine tries the
    branches of an alternation one by one, and with ~250 number words under
    re.I that made every word start of every dosage pattern cost ~250 failed
    branches.  Longer continuations come before the end of a word, so the trie
    tries the possible matches at a position longest first, as the flat list
    sorted longest first did: matches and backtracking order are unchanged.
    """
    end = ""  # key marking the end of a word; every real token is non-empty
    root: dict = {}
    for w in words:
        node = root
        for tok in re.findall(r" |[^ ]", w):
            node = node.setdefault(r"\s+" if tok == " " else re.escape(tok), {})
        node[end] = {}

    def alternation(alts: list[str]) -> str:
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    def emit_children(kids: dict, *, share_rest: bool = True) -> str:
        # Children with the same continuation share it: "twenty(?:\-|\s+)(?:one|...)". A
        # group's continuation that also spells out all the other children is written once
        # with an empty separator: "twenty(?:(?:\-|\s+|)(?:one|...)|)" for twenty-one,
        # "twenty one" and "twentyone".  Every branch starts with a different character, so
        # at most one can match and the order of the branches does not matter.
        groups: dict[str, list[str]] = {}
        for tok, child in kids.items():
            groups.setdefault(emit(child), []).append(tok)
        if share_rest:
            for sub, toks in groups.items():
                rest = {t: c for t, c in kids.items() if t not in toks}
                if rest and end not in kids[toks[0]] and emit_children(rest, share_rest=False) == sub:
                    return "(?:" + "|".join(toks) + "|)" + sub
        return alternation([alternation(toks) + sub if len(toks) > 1 else toks[0] + sub
                            for sub, toks in groups.items()])

    emitted: dict[int, str] = {}

    def emit(node: dict) -> str:
        if id(node) not in emitted:
            kids = {tok: child for tok, child in node.items() if tok != end}
            alts = [emit_children(kids)] if kids else []
            if end in node:
                alts.append("")  # after the longer words, as in the list sorted longest first
            emitted[id(node)] = alternation(alts)
        return emitted[id(node)]

    return "(?:" + emit(root) + ")"


def _first_char_gate(pattern: str, flags: int) -> str | None:
    """A test of the first character of every match of `pattern`; None if unknown.

    A character class, read from the parsed pattern, skipping zero-width parts
    (\\b, lookarounds) and optional ones.  First characters that only start a
    match right after a \\b ("\\bone", not "between") get their own class behind
    a \\b: "[\\db]|\\b[eot]" rules out the inside of words for the latter.  None
    when a match may be empty or start with something not handled here (a
    negated class, "."), so callers then go without it.
    """
    from re import _constants as c, _parser

    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}

    def item(op, av) -> str | None:
        if op is c.LITERAL:
            return re.escape(chr(av))
        if op is c.RANGE:
            return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
        if op is c.CATEGORY:
            return categories.get(av)
        return None

    def first(seq, bounded: bool = False) -> tuple[set[tuple[str, bool]], bool] | None:
        """((first character, whether a \\b precedes it) pairs, whether the sequence can match empty).

        `bounded`: a \\b was asserted where the sequence starts. Zero-width parts do not
        move the position, so a \\b met before the first character also holds for it.
        """
        out: set[tuple[str, bool]] = set()
        for op, av in seq:
            if op is c.AT and av is c.AT_BOUNDARY:
                bounded = True
                continue
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op in (c.LITERAL, c.IN):
                items = [item(o, a) for o, a in ([(op, av)] if op is c.LITERAL else av)]
                if not items or None in items:
                    return None
                return out | {(i, bounded) for i in items}, False
            if op is c.BRANCH:
                subs = [first(b, bounded) for b in av[1]]
                if None in subs:
                    return None
                got, nullable = set().union(*(x[0] for x in subs)), any(x[1] for x in subs)
            elif op in (c.SUBPATTERN, c.ATOMIC_GROUP):
                sub = first(av[-1] if op is c.SUBPATTERN else av, bounded)
                if sub is None:
                    return None
                got, nullable = sub
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                sub = first(av[2], bounded)
                if sub is None:
                    return None
                got, nullable = sub[0], sub[1] or av[0] == 0
            else:
                return None
            out |= got
            if not nullable:
                return out, False
        return out, True

    try:
        got = first(_parser.parse(pattern, flags))
    except Exception:
        return None
    if got is None or got[1] or not got[0]:
        return None
    anywhere = {i for i, bounded in got[0] if not bounded}
    after_boundary = {i for i, bounded in got[0] if bounded} - anywhere
    tests = []
    if anywhere:
        tests.append("[" + "".join(sorted(anywhere)) + "]")
    if after_boundary:
        tests.append(r"\b[" + "".join(sorted(after_boundary)) + "]")
    return "|".join(tests)


def _compile_gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern), led by a lookahead for the possible first characters of a match.

    The engine tries every branch of these big patterns at every position of the
    text; the one-character test rejects most positions (inside words, spaces,
    punctuation) at once.  The lookahead is zero-width and only skips positions
    where no match can start, so matches, groups and spans are unchanged.
    """
    gate = _first_char_gate(pattern, flags)
    return re.compile(pattern if gate is None else f"(?={gate})(?:{pattern})", flags)


_WORDNUM = _trie_alternation(_NUM_WORDS)

# A number token.  Fractions come first so "1 1/2" is not read as "1".
_NUM = (
    r"(?:\d+\s*[½¼¾]"
    r"|(?:\d+\s+)?(?<!\d)[13]/[24](?!\d)"
    r"|\d+(?:\.\d+)?"
    r"|[½¼¾]"
    r"|\b" + _WORDNUM + r"\b)"
)
# Lookbehind keeps "x8" of "2x8" and digits glued to words ("A1") out of atom
# starts; inner numbers of a pattern use _NUM directly.
_LB = r"(?<![\w.,/#-])"
# "20 to 30", "20-30", and the suspended hyphen of "a 20- to 30-second hold"
_SEP = r"(?:\s*[-–—]\s*(?:to\s+|or\s+)?|\s+to\s+|\s+or\s+)"
_RANGE = rf"(?:between\s+{_NUM}\s+and\s+{_NUM}|{_NUM}(?:{_SEP}{_NUM})?)"

_NUM_RE = re.compile(_NUM, re.I)

# Size of the memo caches of the pure parsers below (see _cached_atoms).
_CACHE_SIZE = 8192

# Speed: every atom pattern needs a number token (a digit, a fraction sign or a
# number word of _NUM_WORDS, of which each match contains the word's longest
# part at a word start), a "minute" ("a minute", "half a minute") or
# once/twice/thrice.  A sentence without any of these has no atom, so the
# expensive patterns are skipped for it; results are unchanged.  Each hint is
# a whole word of its match (followed by a space, a hyphen or the pattern's
# closing \b), so hints end on a word boundary too: "ten" in "tendon" or
# "tension" no longer sends a number-less sentence through every pattern.
_NUM_HINTS = sorted({max(re.split(r"[\s-]+", w), key=len) for w in _NUM_WORDS} | {"minute", "once", "twice", "thrice"})
# A digit or fraction sign, else a hint word (\bhint\b): two scans rather than one
# alternation, as most sentences with a number have a digit, which a plain class scan finds
# at once; the word scan (gated on the words' first letters) only runs for the others.
_DIGIT_HINT_RE = re.compile(r"\d|[½¼¾]")
_WORD_HINT_RE = _compile_gated(r"\b" + _trie_alternation(_NUM_HINTS) + r"\b", re.I)


def _has_number_hint(text: str) -> bool:
    """Whether `text` has a digit, a fraction sign or a hint word: else it has no dosage number."""
    return _DIGIT_HINT_RE.search(text) is not None or _WORD_HINT_RE.search(text) is not None


_FULL_INT_RE = re.compile(r"\d+(?:\.\d+)?")
_INT_FRACTION_RE = re.compile(r"(\d+)\s*([½¼¾]|[13]/[24])")


def to_number(word: str) -> float | None:
    """Value of one number token: "12", "twelve", "1½", "1 1/2", "½", "a couple"."""
    w = " ".join(word.strip().lower().split())
    if not w:
        return None
    if w in _WORD_VALUES:
        return float(_WORD_VALUES[w])
    if w in _FRACTIONS:
        return _FRACTIONS[w]
    m = _INT_FRACTION_RE.fullmatch(w)
    if m:
        return int(m.group(1)) + _FRACTIONS[m.group(2)]
    m = _FULL_INT_RE.fullmatch(w)
    if m:
        return float(w)
    return None


def to_int(word: str) -> int | None:
    """Whole-number value of a token; None for fractions (a half rep is no rep)."""
    v = to_number(word)
    if v is None or v != int(v):
        return None
    return int(v)


def _numbers(text: str) -> list[float]:
    out = []
    for m in _NUM_RE.finditer(text):
        v = to_number(m.group(0))
        if v is not None:
            out.append(v)
    return out


def _int_range(text: str) -> Range | None:
    """(min, max) of the whole numbers in a range phrase; None if any is fractional."""
    vals = _numbers(text)
    if not vals or any(v != int(v) for v in vals):
        return None
    lo, hi = int(min(vals[0], vals[-1])), int(max(vals[0], vals[-1]))
    return (lo, hi)


# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------

# reps, rep, repetitions and the usual misspellings (repititions, repetitons).
_REPU = r"(?:rep(?:s|[eiy]t[a-z]*?ons?)?\b)"
# A lap of a circuit ("3 laps in total") is a round of it.
_SETU = r"(?:sets?|rounds?|circuits?|laps?)\b"
# Spelled-out units may be spaced or hyphenated ("1-minute"); a bare "s" glued to the digits
# ("30s") or spaced as the SI symbol is written ("3 x 20 s hold"), but not an initial ("s.t.").
_TU_WORD = r"(?:seconds?|secs?\.?|minutes?|mins?\.?|hours?|hrs?)\b"
_TU = rf"(?:\s*-?\s*{_TU_WORD}|[ \t]?s\b(?!\.\w))"


def _unit_factor(unit: str) -> int:
    u = unit.strip(" -").lower()
    if u.startswith("min"):
        return 60
    if u.startswith("h"):
        return 3600
    return 1


# --------------------------------------------------------------------------
# Masks: numbers that are never a dosage
# --------------------------------------------------------------------------

_FREQ_PERIOD = r"(?:week|wk|day|month)"
_FREQ_PATTERNS = [
    # 2x/week, 1-2x per week, 4 times a day, 2 - 4 times a day, two to three times a week
    rf"(?:at\s+(?:a\s+)?minimum\s+(?:of\s+)?|at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+(?:of\s+)?)?"
    rf"{_RANGE}\s*\+?\s*(?:x|times|sessions?|days?|workouts?)\s*(?:/|\ba\b|\bper\b|\beach\b|\bevery\b|\bin\s+a\b)\s*{_FREQ_PERIOD}s?\b",
    rf"{_RANGE}\s*\+?\s*(?:x|times)\s*(?:daily|weekly)\b",
    rf"(?:at\s+(?:a\s+)?minimum\s+(?:of\s+)?|at\s+least\s+)?\b(?:once|twice|thrice)\s*(?:\ba\b|\bper\b|\beach\b|\bevery\b|/|\s)\s*(?:{_FREQ_PERIOD}|daily|weekly)\b",
    r"\bevery\s+(?:other\s+)?day\b",
    r"\bevery\s+\d+\s+days\b",
]
_FREQ_MASK_RE = _compile_gated("|".join(f"(?:{p})" for p in _FREQ_PATTERNS), re.I)
# Every frequency pattern ends on a period word: week/wk, day, month (_FREQ_PERIOD), daily or
# weekly; a text with none of them has no match (speed pre-filter for masking).
_FREQ_MASK_HINT = AnyOf("week", "wk", "day", "month", "daily")

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MASK_PATTERNS = [
    # percentages: 85-95% of 1RM
    rf"{_RANGE}\s*(?:%|percent\b)",
    r"\b\d+\s*-?\s*RM\b",
    # weights; hours, which are recovery gaps or session lengths ("48 hours apart"), never one
    # exercise's bout; a web page's reading time ("7 min read")
    rf"{_RANGE}\s*-?\s*(?:lbs?|pounds?|kgs?|kilos?|kilograms?|oz|ounces?|hours?|hrs?|(?:minutes?|mins?)\.?\s+read)\b",
    # distances / sizes, including the inch mark (16-18" box) and "2-4 in step"
    rf"{_RANGE}\s*-?\s*(?:inch(?:es)?|in\.|cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?|met(?:er|re)s?|m\b|yards?|yds?|ft|feet|foot|miles?|mi\b|km|k\b|kilomet(?:er|re)s?)",
    rf"{_RANGE}\s*[\"“”″]",
    rf"{_RANGE}\s+in\s+(?=(?:high\s+|tall\s+|wide\s+)?(?:step|box|bench|platform|block|plyo))",
    # angles
    rf"{_RANGE}\s*-?\s*(?:°|º|degrees?\b|deg\b)",
    # clock positions and heart rate
    r"\b\d{1,2}\s*o['’]?\s*clock\b",
    rf"{_RANGE}\s*(?:bpm|beats)\b",
    # ratios such as 1:1 sessions, clock and race times (02:15, 3:12:45); written without spaces,
    # unlike a label's colon ("Round 2: 12 reps")
    r"\b\d+(?::\d+)+\b",
    # ordinals (1st, 2nd), years
    r"\b\d+(?:st|nd|rd|th)\b",
    r"\b(?:19|20)\d\d(?:s|'s)?\b",
    # increments: "add 3 more repetitions each set", "add 5 seconds each week"
    rf"\badd(?:ing)?\s+(?:an?\s+)?(?:{_RANGE}\s+)?(?:extra|more|additional|another)\s+(?:{_REPU}|{_SETU}|{_TU_WORD})?(?:\s+(?:per|each|a)\s+\w+)?",
    rf"\badd(?:ing)?\s+{_RANGE}(?:{_TU}|\s+{_REPU}|\s+{_SETU})(?:\s+(?:per|each|a|every)\s+\w+)?",
    rf"{_RANGE}\s+(?:extra|additional)\s+(?:{_REPU}|{_SETU}|{_TU_WORD})",
    # whole-workout durations ("30 minute routine", "First 8-minute Circuit")
    rf"{_RANGE}{_TU}\s+(?:(?!(?:per|each|for|of|a|an|the|on|in|between|rest|and|or|to|with)\b)[\w-]+\s+){{0,3}}(?:workouts?|routines?|sessions?|circuits?|programs?|programmes?|classes|class|plans?)\b",
    # race results: "a 6-minute PB", "a 90-second PR"
    rf"{_RANGE}{_TU}\s+(?:PBs?|PRs?|personal\s+(?:bests?|records?))\b",
    # page numbers after dot leaders in a table of contents ("Your exercises ........ 2")
    r"(?:\.\s?){4,}\s*\d{1,4}\b",
    # tempo notation ("3-1-1", "tempo 3-0-1-0"): seconds of each phase of a rep
    r"(?<![\w.-])\d\s*[-–]\s*\d\s*[-–]\s*[\dxX](?:\s*[-–]\s*[\dxX])?(?![\w.-])",
]
_MASK_RE = _compile_gated("|".join(f"(?:{p})" for p in _MASK_PATTERNS), re.I)

# Times that pace a rep, last a session or state a condition, not the exercise's dosage.  They
# need a time word or "count", so they run only on texts that have one (speed).
_TEMPO_NUM = r"(?:[1-9]|one|two|three|four|five|six|seven|eight|nine|a)"
# The seconds symbol only after digits ("over 3 s"): "a" + "s" would read "as" as a second.
_TEMPO_UNIT = r"(?:\s*-?\s*(?:seconds?|secs?\.?|counts?)|(?<=\d)[ \t]?s\b)"
_PHASE_VERB = (r"(?:lower(?:ing)?|descend(?:ing)?|rise|rising|rais(?:e|ing)|lift(?:ing)?|com(?:e|ing)\s+(?:up|down|back)"
               r"|return(?:ing)?|sink(?:ing)?|drop(?:ping)?|stand(?:ing)?(?:\s+up)?|sit(?:ting)?(?:\s+down)?|push(?:ing)?\s+up)")
# Words that turn a phase into a held position ("lift and hold for 5 seconds"): not tempo.
_NOT_TEMPO_WORD = r"(?:hold|holding|held|keep|keeping|stay|staying|pause|pausing|squeeze|squeezing|and|then|or)"
_DATE_PATTERNS = [
    # calendar dates ("12 March 2024", "Feb 3, 2025")
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b",
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:{_TU_WORD}|{_REPU}|{_SETU}|[x×]))",
]
# effort scales ("RPE 7", "RIR 2-3"): how hard, not how many
_EFFORT_PATTERN = rf"\b(?:RPE|RIR)\s*:?\s*(?:of\s+)?{_RANGE}"
# the last reps of a set, named to say how they should feel ("the last two or three reps")
_LAST_REPS_PATTERN = rf"\b(?:the|your|those)\s+(?:last|final|first)\s+(?:{_RANGE}|couple\s+of)\s+{_REPU}"
_TEMPO_PATTERNS = [
    # "over two seconds", "over a count of three", "for a count of 4"
    rf"\bover\s+(?:about\s+|roughly\s+)?{_TEMPO_NUM}{_TEMPO_UNIT}",
    r"\b(?:over|for|to|on)\s+(?:a\s+|the\s+)?count\s+of\s+(?:[1-9]|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    # "three seconds down", "one second up", "two seconds each way", "3 seconds to lower"
    rf"(?<![\w.,/#-]){_TEMPO_NUM}{_TEMPO_UNIT}\s+(?:down|up|each\s+way|both\s+ways|on\s+the\s+way\s+(?:up|down)"
    rf"|(?:to|for\s+the|on\s+the)\s+{_PHASE_VERB})\b",
    # "lower for three seconds", "lower slowly for 3 seconds", "taking three seconds to lower"
    rf"\b{_PHASE_VERB}(?:\s+(?!{_NOT_TEMPO_WORD}\b)[\w-]+){{0,3}}?\s+(?:for|over|in)\s+(?:about\s+)?{_TEMPO_NUM}{_TEMPO_UNIT}",
    # "taking a full four seconds to touch down", "take 3 seconds to reach the floor": any movement
    # given a few seconds is the pace of the rep (a pause to rest or reset is not)
    r"\btak(?:e|es|ing)\s+(?:a\s+|the\s+)?(?:(?:full|good|whole|about|around|at\s+least)\s+)*"
    rf"{_TEMPO_NUM}{_TEMPO_UNIT}\s+(?:to|for\s+the)\s+(?!(?:rest|recover|breathe|relax|reset|pause|catch)\b)[a-z]",
]
# "stick each landing for two seconds": a pause in every rep of a jump, not a bout
_LANDING_PAUSE_PATTERN = (r"\b(?:stick|hold|freeze|pause\s+on)(?:s|ing)?\s+(?:each|every|the|your)\s+landing\s+(?:for\s+)?(?:a\s+)?"
                          rf"{_TEMPO_NUM}{_TEMPO_UNIT}")
# how long a session lasts: "It takes 45 to 55 minutes", "lasts about 20 minutes"
_LASTS_PATTERN = (r"\b(?:takes|took|lasts?|lasting)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|just\s+|only\s+|under\s+"
                  rf"|less\s+than\s+)?{_RANGE}{_TU}")
# Every tempo mask has a small count of seconds or counts (speed pre-filter: most texts with a time have none).
_TEMPO_HINT_RE = _compile_gated(rf"\b{_TEMPO_NUM}{_TEMPO_UNIT}\b", re.I)


_TEMPO_WORDS = AnyOf("sec", "count")
_SECONDS_SYMBOL_RE = re.compile(r"\d[ \t]?s\b")
# ... and the seconds of a tempo, one digit ("over 3 s"); a loose test (no lookbehind, which would
# cost the scan its fast first-character search): _TEMPO_HINT_RE decides
_TEMPO_SYMBOL_RE = re.compile(r"[1-9][ \t]?s\b")


def _tempo_hint(text: str) -> bool:
    return (_TEMPO_WORDS(text) or _TEMPO_SYMBOL_RE.search(text) is not None) and _TEMPO_HINT_RE.search(text) is not None

_TOTAL_PATTERNS = [
    # totals: "9 min total", "Total time: 12 minutes"
    rf"{_LB}{_RANGE}{_TU}\s+(?:in\s+)?total\b",
    rf"\btotal(?:\s+time)?\s*:?\s*(?:of\s+)?(?:about\s+|around\s+)?{_RANGE}{_TU}",
]
# The amount of a condition: "30 seconds", "3 x 15", "4 x 20 seconds", "12 clean reps", "all three rounds of 15".
_COND_AMOUNT = (rf"{_RANGE}(?:{_TU}|\s*[x×]\s*{_RANGE}(?:{_TU})?|\s+(?:[a-z]+\s+)?{_REPU}"
                rf"|\s+{_SETU}\s+(?:of|x|×)\s+{_RANGE}(?:\s+{_REPU}|{_TU})?)")
_COND_VERB = r"(?:hold|do|manage|complete|perform|get|finish|reach)\s+(?:it\s+|this\s+|them\s+|all\s+(?:of\s+)?(?:the\s+|your\s+)?|the\s+)?(?:for\s+)?"
_CONDITION_PATTERNS = [
    # a condition to move on, not a prescription: "when you can hold 30 seconds easily",
    # "once 3 x 15 feels easy", "if 30 seconds is easy", "when you can do all three rounds of 15",
    # "if you can't get 10 clean reps", "Move on when: you can do 3 x 12"
    r"\b(?:when|once|if)\s*:?\s+you\s+(?:can(?:['’]?t|not|\s+not)?|could(?:n['’]?t)?)\s+(?:comfortably\s+|easily\s+|already\s+)?"
    + _COND_VERB + _COND_AMOUNT,
    # what the reader must be able to do first: "you should be able to hold 45 seconds before ..."
    r"\b(?:should|must|need\s+to|needs\s+to)\s+be\s+able\s+to\s+(?:comfortably\s+|easily\s+)?" + _COND_VERB + _COND_AMOUNT,
    # "once 3 x 15 feels easy", "when 30-second holds are comfortable", "once 12 split squats get easy"
    rf"\b(?:when|once|if)\s+(?:the\s+|all\s+|your\s+)?{_RANGE}(?:{_TU}|\s*[x×]\s*{_RANGE}(?:{_TU})?|\s+{_SETU}\s+of\s+{_RANGE})?"
    r"(?:\s*-?\s*[a-z-]+){0,3}?"
    r"\s+(?:is|are|feels?|becomes?|gets?)\s+(?:too\s+|very\s+|really\s+)?(?:easy|comfortable|manageable)\b",
]
# The entry test of a stage under its label: "Checkpoint: you can do 4 x 10 ...", "Criteria to progress:
# 3 x 20 pain-free": the whole sentence is the test, not the stage's dosage.
_CRITERIA_WORDS = ("checkpoint", "criteria", "criterion", "prerequisite", "benchmark", "milestone")
_CRITERIA_LABEL_PATTERN = r"\b(?:checkpoints?|criteria|criterion|prerequisites?|benchmarks?|milestones?)\b[^:.!?\n]{0,30}:[^.!?\n]*"
# How heavy, said as a count: "a weight you could lift 15-20 times", "six times body weight",
# "three times more likely": not how many to do.
_LOAD_COUNT_PATTERNS = [
    r"\b(?:can|could)\s+(?:only\s+|just\s+|barely\s+)?(?:lift|move|press|squat|pull|handle)\s+(?:it\s+|them\s+)?"
    rf"(?:about\s+|around\s+|roughly\s+|maybe\s+|for\s+)?{_RANGE}\s+(?:times|{_REPU})",
    rf"{_RANGE}\s+times\s+(?:(?:your|their|his|her|the)\s+)?(?:own\s+)?body\s*-?\s*weight\b",
    rf"{_RANGE}\s+times\s+(?:(?:more|less)\s+(?:likely|than|often)|greater|higher|lower|faster|slower|stronger|weaker"
    r"|bigger|smaller|larger|heavier|as\s+\w+\s+as)\b",
]
# Counts set against each other to say that quality matters ("Six clean reps beat twelve sloppy ones",
# "better to do 5 good reps than 10 bad ones"): a remark, not a prescription.
_COMPARED_COUNT = rf"{_RANGE}\s+(?:[a-z]+\s+)?(?:{_REPU}|{_SETU})"
_COMPARISON_PATTERNS = [
    rf"{_LB}{_COMPARED_COUNT}\s+(?:beats?|trumps?|outweighs?|(?:is|are)\s+(?:far\s+|much\s+|always\s+)?(?:better|worth\s+more)\s+than)"
    rf"\s+{_RANGE}\b[^.;!?\n]*",
    rf"\bbetter\s+(?:to\s+(?:do|get|hold)\s+)?{_COMPARED_COUNT}[^.;!?\n]*?\bthan\s+{_RANGE}\b[^.;!?\n]*",
]
# The running around the routine ("three easy 40-minute runs", "5 x 2 minutes at 5K pace", "3 minutes
# jogging, 1 minute walking"): sessions of the sport, not bouts of an exercise.  A jog alone stays:
# a timed jog is often the warm-up's first exercise.
_GAIT = r"(?:jog(?:ging)?|run(?:ning)?|walk(?:ing)?)"
# A running pace: "at 10K pace", "at marathon effort", "@ threshold" (not "at a steady tempo": a rep's speed).
_RUN_PACE = (r"(?:at|@)\s+(?:(?:your|goal|current|about|roughly|around)\s+)?(?:threshold\b|(?:(?:half[- ]?)?marathon|mile|race|tempo"
             r"|\d+\s*(?:k|km|mi|miles?)|\d+-?k)\s+(?:race\s+)?(?:pace|effort|speed)\b)")
_RUNNING_PATTERNS = [
    # a walk-run block (first: its run is no timed run of its own)
    rf"{_LB}(?:{_RANGE}\s*[x×]\s*\(?\s*)?{_RANGE}{_TU}\s+(?:of\s+)?{_GAIT}\s*[,/+]\s*(?:and\s+|then\s+)?{_RANGE}{_TU}\s+(?:of\s+)?{_GAIT}\b",
    rf"{_LB}{_RANGE}\s*[x×]\s*{_RANGE}{_TU}\s+{_RUN_PACE}",
    rf"{_LB}{_RANGE}{_TU}\s+(?:of\s+)?(?:(?:easy|steady|continuous|conversational|gentle|flat|slow|relaxed|comfortable)\s+)*(?:runs?|running)\b",
]
_RUN_WORDS = AnyOf("run", "jog", "walk")
_PACE_WORDS = AnyOf("pace", "threshold")
_TIME_WORDS = AnyOf("sec", "min", "hour", "hr")
_GAIT_RE = re.compile(r"\b(?:run|jog|walk)", re.I)
_UNIT_RE = re.compile(r"sec|min|hour|hr|\ds\b", re.I)


def _running_hint(text: str) -> bool:
    """Whether `text` may hold a running session: a pace word, or a gait word with a time unit in the
    few words before it ("30-minute easy runs", "3 min jogging"), as every running pattern has.
    Most texts about runners say "run" somewhere; the unit is looked for only before each of them."""
    pace = _PACE_WORDS(text)
    if not pace and not _RUN_WORDS(text) or not _TIME_WORDS(text) and not _SECONDS_SYMBOL_RE.search(text):
        return False
    return pace or any(_UNIT_RE.search(text, max(0, m.start() - 30), m.start()) for m in _GAIT_RE.finditer(text))


# "That's one round": the end of a round, not a count of them
_ROUND_END_PATTERN = r"\b(?:that|this)(?:['’]s|\s+is|\s+was)\s+(?:one|a|your\s+first|the\s+first)\s+(?:full\s+)?(?:round|set|circuit|lap)\b"
# Each family runs only on texts with a word all its matches contain (speed pre-filter).
_CONTEXT_MASKS: list[tuple[Callable[[str], bool], re.Pattern[str]]] = [
    (AnyOf("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
     _compile_gated("|".join(f"(?:{p})" for p in _DATE_PATTERNS), re.I)),
    (AnyOf("rpe", "rir"), _compile_gated(_EFFORT_PATTERN, re.I)),
    (AnyOf("last", "final", "first"), _compile_gated(_LAST_REPS_PATTERN, re.I)),
    (_tempo_hint, _compile_gated("|".join(f"(?:{p})" for p in _TEMPO_PATTERNS), re.I)),
    (AnyOf("take", "took", "last"), _compile_gated(_LASTS_PATTERN, re.I)),
    (AnyOf("total"), _compile_gated("|".join(f"(?:{p})" for p in _TOTAL_PATTERNS), re.I)),
    (AnyOf("easy", "comfortabl", "manageable", "you can", "you could", "able to"),
     _compile_gated("|".join(f"(?:{p})" for p in _CONDITION_PATTERNS), re.I)),
    (AnyOf(*_CRITERIA_WORDS), _compile_gated(_CRITERIA_LABEL_PATTERN, re.I)),
    (AnyOf("landing"), _compile_gated(_LANDING_PAUSE_PATTERN, re.I)),
    (AnyOf("times"), _compile_gated("|".join(f"(?:{p})" for p in _LOAD_COUNT_PATTERNS), re.I)),
    (AnyOf("round", "set", "circuit", "lap"), _compile_gated(_ROUND_END_PATTERN, re.I)),
    (_running_hint, _compile_gated("|".join(f"(?:{p})" for p in _RUNNING_PATTERNS), re.I)),
    (AnyOf("beat", "trump", "outweigh", "better", "worth more"),
     _compile_gated("|".join(f"(?:{p})" for p in _COMPARISON_PATTERNS), re.I)),
]

# List numbering at the start of a line: "1.", "2)", "(1)".
_LIST_NUM_RE = re.compile(r"(?m)^[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)])(?=\s)")

# Rest / pause / wait: times in their scope are not the exercise's dosage.
# The scope runs to the end of the clause, stopping at a hold or a new action.
_REST_WORD = r"(?:rest(?:ing)?|recover(?:y)?|breaks?)"
_REST_LEAD_RE = re.compile(
    r"(?<!without\s)(?<!\bno\s)(?<!minimal\s)(?<!little\s)"
    r"\b(?:rest(?:ing)?|recover(?:y)?|pause|pausing|wait(?:ing)?)\b"
    r"(?!\s+(?:your|the|of|on|in|against|it|them|his|her|day|days)\b)"
    r"[^.;,!?\n(]*?"
    r"(?=[.;,!?\n(]|\bthen\b|\bhold(?:ing)?\b|\band\s+(?:repeat|do|perform|complete|then)\b|$)",
    re.I,
)
_REST_TRAIL_RE = _compile_gated(
    rf"(?:{_LB}(?:{_RANGE}){_TU}|\b(?:a|one)\s+minute)['’]?\s*(?:of\s+)?(?:{_REST_WORD}|pauses?|waits?|off(?!\s+(?:the|your|a|an|of|from)\b))\b[^.;,!?\n(]*",
    re.I,
)
_TAKE_BREAK_RE = _compile_gated(
    rf"\btake\s+(?:a\s+)?(?:{_RANGE}){_TU}['’]?\s+(?:break|rest|breather|pause)\b[^.;,!?\n(]*", re.I
)


# --------------------------------------------------------------------------
# Atoms
# --------------------------------------------------------------------------

# One atom = one quantity with a role.  "flex" roles are resolved at merge time.
@dataclass
class _Atom:
    start: int
    end: int
    sets: Range | None = None
    reps: Range | None = None
    seconds: Range | None = None
    flex: str | None = None  # "reps" (reps unless taken) | "sets" (sets unless a bare hold)
    flex_val: Range | None = None
    stage: str = "main"
    hold: bool = False


_PIECE_UNIT_RE = re.compile(r"\s*-?\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|s\b)", re.I)


def _time_range(text: str) -> Range | None:
    """Seconds of a time phrase: '30-60s', '45 seconds to one minute', '1 ½ min'."""
    # Split into (number, unit) pieces; a number without its own unit takes
    # the next unit ("5-10 minutes").
    pieces: list[tuple[float, int | None]] = []
    for m in _NUM_RE.finditer(text):
        v = to_number(m.group(0))
        if v is None:
            continue
        rest = text[m.end():]
        um = _PIECE_UNIT_RE.match(rest)
        pieces.append((v, _unit_factor(um.group(1)) if um else None))
    if not pieces:
        return None
    factor = None
    vals: list[int] = []
    for v, f in reversed(pieces):
        if f is not None:
            factor = f
        vals.append(int(round(v * (factor or 1))))
    vals.reverse()
    return (min(vals[0], vals[-1]), max(vals[0], vals[-1]))


_T_SINGLE = rf"{_NUM}{_TU}"
_TIME_RE = _compile_gated(
    rf"{_LB}(?:{_T_SINGLE}{_SEP}{_T_SINGLE}|{_RANGE}{_TU})"
    r"|\bhalf\s+(?:a|an)\s+minute\b|\b(?:a|one)\s+(?:full\s+)?minute(?:\s+and\s+a\s+half)?\b",
    re.I,
)
_NXM_RE = _compile_gated(
    rf"{_LB}(?P<a>{_RANGE})\s*[x×]\s*(?P<b>{_RANGE})(?!\d|/\d)"
    rf"(?:(?P<tu>{_TU})|\s*(?P<ru>{_REPU})|\s+(?P<su>{_SETU}))?",
    re.I,
)
_SETS_OF_RE = _compile_gated(
    rf"{_LB}(?P<a>{_RANGE})\s+(?:total\s+)?{_SETU}\s+(?:of|for|x|×|at|with)\s+(?P<b>{_RANGE})"
    rf"(?:(?P<tu>{_TU})|\s*(?P<ru>{_REPU}))?"
    r"(?!\s+(?:exercises?|moves?|movements?|different|of|minutes?)\b)",
    re.I,
)
# Words that describe the reps of a count ("6 slow reps") and things counted like reps ("15 steps each way").
_REP_ADJ = r"(?:slow|controlled|quality|good|clean|strict|full|easy|explosive|fast|quick|perfect|smooth|solid|total|partial)"
_COUNT_NOUN = r"(?:steps?|hops?|jumps?|bounds?|pulses?|taps?|touches|swings?|kicks?|circles?|lifts?|raises?|bounces?|contacts?)"
_REPS_RE = _compile_gated(
    # "8 to 10 cycles" of a back-and-forth movement: one cycle is one rep
    rf"{_LB}(?P<n>{_RANGE})\s*-?\s*(?:{_REP_ADJ}\s+)?(?:{_REPU}|cycles?\b)"
    rf"|(?:(?<!\w)[x×]\s*|{_LB})(?P<m>{_RANGE})(?=\s*(?:/\s*(?:side|leg|arm|s)\b|e/s\b))"
    rf"|(?:(?<!\w)[x×]\s*|{_LB})(?P<k>{_RANGE})(?=\s+(?:{_COUNT_NOUN}\s+)?(?:on\s+|in\s+|to\s+)?(?:each|per|either)\s+(?:side|leg|arm|foot|way|direction)\b"
    r"|\s+each\s*(?:[.;,)]|$))"
    # "do 10 of each movement": a count of every movement named
    rf"|(?<=\bdo\s)(?P<j>{_RANGE})(?=\s+of\s+each\s+(?!(?:exercise|move|set|round|circuit)s?\b)[a-z])",
    re.I,
)
_SETS_RE = _compile_gated(rf"{_LB}(?P<n>{_RANGE})\s+(?:total\s+)?{_SETU}", re.I)
# Holds counted as such are the repetitions of the hold: "six holds of 40 seconds", "four 30-second
# holds", and "4 x 30-second holds" (plural: four holds, where "3 x 30-second hold" is sets of one).
_HOLD_WORDS = r"(?:(?:isometric|static)\s+)?holds\b"
_HOLDS_RE = _compile_gated(rf"{_LB}(?P<n>{_RANGE})\s+(?:(?P<t>{_RANGE}{_TU})\s*-?\s*)?{_HOLD_WORDS}", re.I)
_PLURAL_HOLDS_RE = re.compile(rf"\s*-?\s*{_HOLD_WORDS}", re.I)
_HOLDS_HINT = AnyOf("holds")
# "Every minute on the minute for 10 minutes", "EMOM x 12", "10-minute EMOM": one set starts each
# minute, so the minutes count sets (the time is not a bout of the exercise).
_EMOM_MIN = rf"(?P<n>{_RANGE})\s*-?\s*min(?:ute)?s?\.?"
_EMOM_RE = _compile_gated(
    r"\bevery\s+minute\s+on\s+the\s+minute\s*(?:\(\s*emom\s*\)\s*)?(?:,\s*)?(?:for\s+)?" + _EMOM_MIN.replace("?P<n>", "?P<a>")
    + r"|\bemom\s*(?:[,:(–—-]\s*|for\s+|[x×]\s*)?" + _EMOM_MIN.replace("?P<n>", "?P<b>")
    + rf"|\bemom\s*[x×]\s*(?P<c>{_RANGE})\b"
    + rf"|{_LB}" + _EMOM_MIN + r"\s+emom\b",
    re.I,
)
_EMOM_HINT = AnyOf("emom", "on the minute")
# A hold timed by counting: "hold for a count of 10", "stay there for 5 counts".  A count is a
# second (the tempo masks take counts that pace a movement: "lower for a count of 3").
_HOLD_COUNT_RE = _compile_gated(
    r"\b(?:hold|holds|holding|held|stay|staying|remain|remaining)\b(?:\s+(?!(?:for|then|and|rest|repeat)\b)[\w'’-]+){0,4}?"
    rf"\s+(?:for\s+)?(?:(?:a|the)\s+)?(?:(?:slow|steady)\s+)?(?P<c>count\s+of\s+(?P<n>{_RANGE})|(?P<m>{_RANGE})\s*-?\s*counts?\b)",
    re.I,
)
_HOLD_COUNT_HINT = AnyOf("count")
# Counted actions that are reps: "10 slow breaths", "40 ground contacts".  A breath count after a
# hold ("hold for 5 breaths") times the hold instead, and gives no number of its own.
_COUNTED_RE = _compile_gated(
    rf"{_LB}(?P<n>{_RANGE})\s+(?:(?:slow|deep|full|long|big|calm|controlled|easy)\s+)?(?P<breath>breaths?)\b"
    rf"|{_LB}(?P<m>{_RANGE})\s+(?:(?:ground|foot)\s+)?contacts\b",
    re.I,
)
# Breaths are the reps of a drill only when repeated or done ("repeat for 10 breaths"), not when
# taken to settle ("take 3 deep breaths before you begin").
_BREATH_VERB_RE = re.compile(r"\b(?:repeat|do|perform|complete|continue|for)\s+(?:for\s+|another\s+)?$", re.I)
_HOLD_CLAUSE_RE = re.compile(r"\b(?:hold|holding|held|stay|staying|remain|pause|pausing)\b[^,;.:]*$", re.I)
# "Start with 40 contacts and build to 80": a bare number after a target verb counts what the
# sentence counted before it.
_BARE_TARGET_RE = _compile_gated(
    r"\b(?:build(?:ing)?|work(?:ing)?|increas(?:e|ing)|progress(?:ing)?)\s+(?:up\s+)?to\s+"
    rf"(?P<n>{_RANGE})(?![\w%/#]|\s*[x×%#])",
    re.I,
)
_TIMES_RE = _compile_gated(
    rf"{_LB}(?P<n>{_RANGE})\s+(?P<more>more\s+)?times\b(?P<more2>\s+more\b)?"
    # "once it feels easy" is a conjunction, not a count.
    r"|\b(?P<w>once(?!\s+(?:it|this|that|these|you|they|the|your|we|a|an|he|she|i|done|finished|comfortable)\b)|twice|thrice)\b"
    r"(?P<more3>\s+more\b)?",
    re.I,
)
# A masked quantity right after "N x" (a distance or load: "## #" for "20 m").
_MASKED_RUN_RE = re.compile(r"[ \t]*#[#\s]*(?<=#)")
_NX_RE = _compile_gated(rf"{_LB}(?P<n>{_RANGE})\s?[x×](?![\w/])", re.I)
_XN_RE = re.compile(
    rf"(?P<pre>[A-Za-z)\]]+)\s*(?<![\w])[x×]\s*(?P<n>{_RANGE})(?![\w/])(?!\s*[x×])", re.I
)
_BARE_NOUN_EXCLUDE = {
    "exercises", "moves", "movements", "variations", "options", "days", "weeks", "months",
    "years", "sessions", "workouts", "circuits", "supersets", "times", "people", "miles",
    "minutes", "seconds", "hours", "things", "ways", "levels", "parts", "sides",
    "legs", "arms", "hands", "feet", "pounds", "inches", "degrees", "runs", "races",
    "weights", "dumbbells", "kettlebells", "bands", "muscles", "areas", "positions",
    "rounds", "sets", "reps", "others", "more", "less", "tips", "keys", "lbs", "kgs",
}
_BARE_NOUN_ALT = "|".join(sorted(_BARE_NOUN_EXCLUDE, key=len, reverse=True))
# Words that end a noun phrase: "do 3 of these", "do 10 more", "do 5 and rest".
_BARE_STOP = r"(?:of|the|these|those|your|more|and|or|to|in|on|at|for|with|per|each|a|an|times|sets?|reps?|minutes?|seconds?)"
_VERB_BARE_RE = _compile_gated(
    r"\b(?:do|perform|complete|try|finish\s+with|follow(?:ed)?\s+(?:up\s+)?(?:it\s+|this\s+)?(?:with|by)|then)\s+"
    r"(?:about\s+|around\s+|approximately\s+|roughly\s+|another\s+|up\s+to\s+|at\s+least\s+)?"
    rf"(?P<n>{_RANGE})\s+(?:(?!{_BARE_STOP}\b)[a-z][a-z-]*\s+){{0,2}}(?P<noun>(?!(?:{_BARE_NOUN_ALT})\b)[a-z][a-z-]*s)\b",
    re.I,
)
_LIST_LEAD_RE = re.compile(rf"^[\s#•◦▪▫●○■□‣⁃∙·*–—-]*(?P<n>\d{{1,3}}(?:{_SEP}\d{{1,3}})?)(?=\s+[A-Za-z(])")
_PER_SIDE_SUFFIX = (
    r"(?:\s*/\s*(?:side|leg|arm|s)\b|\s*e/s\b"
    r"|\s+(?:on\s+|in\s+|to\s+)?(?:each|per|either|a)\s+(?:side|leg|arm|foot|way|direction)s?\b)"
)
_LIST_TRAIL_RE = re.compile(
    rf"(?<![\w.,/#½¼¾-])(?P<n>\d{{1,3}}(?:{_SEP}\d{{1,3}})?)(?={_PER_SIDE_SUFFIX}?\s*(?:\([^)]*\)\s*)*[.:;,]?\s*$)",
    re.I,
)

# Object phrases that make "do/perform ... N times" repeat the whole thing.
_SETS_CONTEXT_RE = re.compile(
    r"\b(?:do|perform|complete|go\s+through|run\s+through|repeat)\s+"
    r"(?P<obj>this|it|that|these|them|all|"
    r"(?:the|this|that)\s+(?:whole\s+|entire\s+|full\s+)?(?:thing|circuit|routine|sequence|series|workout|set|block|complex|superset|combo|combination))"
    r"(?:\s+(?:circuit|routine|sequence|series|workout|combo))?\s+(?:about\s+|for\s+|a\s+total\s+of\s+)?$",
    re.I,
)
_THROUGH_RE = re.compile(r"\s+through\b", re.I)
_XN_SETS_WORDS = {"circuit", "circuits", "round", "rounds", "superset", "supersets", "set",
                  "sets", "routine", "workout", "block"}
_TIMES_VERB_RE = re.compile(
    r"\b(?:do|repeat|perform|complete|go|run|through|it|this|that|them|reps?|repetitions?|sets?|seconds?|minutes?|side|leg|arm)\s+$",
    re.I)


# --------------------------------------------------------------------------
# Stage markers, per-side, hold
# --------------------------------------------------------------------------

# "progress to 60 seconds", also "progress to holding for 1 minute", "build to doing 15 reps"
_NUM_NEXT = (rf"\s+(?:(?:holding|hold|doing|do|performing)\s+(?:it\s+|this\s+|them\s+)?(?:for\s+)?)?"
             rf"(?:about\s+|around\s+|a\s+)?(?:{_NUM}|half\s+a|a\s+minute)")
_FOLLOWED_BY_NUM = rf"(?={_NUM_NEXT})"
_PREFIX_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("progression", re.compile(
        r"\b(?:start|begin|starting|beginning)\s+(?:again|over)\s*(?:at|with|from)?\b|\brestart\s+(?:at|with)\b"
        # after a harder step, the count starts lower again: "add weight and drop back to 8 reps"
        r"|\bdrop(?:ping)?\s+(?:back\s+)?(?:down\s+)?to\b|\bgo(?:ing)?\s+back\s+(?:down\s+)?to\b"
        # a harder variant and its own count: "progress to single-leg hops for 3 x 10" (with a number
        # right after, "progress to 3 x 12", it is the target of the same exercise)
        rf"|\b(?:progress(?:ing)?|advanc(?:e|ing))\s+(?:up\s+)?(?:on)?to\b(?!{_NUM_NEXT})", re.I)),
    ("target", re.compile(
        r"\bbuild(?:ing)?\s+(?:back\s+)?(?:up\s+)?to\b"
        r"|\bwork(?:ing)?\s+(?:your\s+way\s+|yourself\s+|your\s+self\s+|you\s+way\s+|way\s+)?up\s+to\b"
        r"|\b(?:progress(?:ing)?|advance|advancing|move|moving)\s+(?:up\s+)?(?:to|into|onto)\b" + _FOLLOWED_BY_NUM +
        r"|\buntil\s+you\s+(?:can\s+)?(?:achieve|reach|get\s+to|hit|are\s+able\s+to\s+(?:do|hold|complete))\b"
        r"|\bonce\s+you\s+(?:have\s+|['’]ve\s+|can\s+)?(?:achieved|reached|achieve|reach)\b"
        r"|\bincrease\s+(?:it\s+|this\s+|that\s+|gradually\s+)?(?:up\s+)?to\b"
        r"|\b(?:gradually\s+)?(?:increas(?:e|ing)|extend(?:ing)?)\s+(?:the\s+\w+\s+)?(?:up\s+)?to\b" + _FOLLOWED_BY_NUM +
        r"|\baim(?:ing)?\s+to\s+(?:reach|get\s+to|hit|build\s+to|work\s+up\s+to)\b"
        r"|\bgoal\s+(?:is|of)\b|\beventually\b",
        re.I)),
    ("start", re.compile(
        r"\b(?:start|begin)(?:ing)?\s+(?:out\s+)?(?:with|at|by\s+doing|by\s+holding)\b"
        r"|\bstart(?:ing)?\s+out\b|\binitially\b|\bat\s+first\b"
        r"|^\W*to\s+(?:start|begin)(?:\s+with)?\b",
        re.I)),
]
_POSTFIX_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("start", re.compile(
        r"\bto\s+(?:start|begin)(?:\s+(?:out|off|with))?\b|\bat\s+(?:the\s+)?(?:start|beginning)\b"
        r"|\binitially\b|\bat\s+first\b|\bfor\s+starters\b", re.I)),
    ("target", re.compile(r"\bas\s+(?:a|your)\s+(?:goal|target)\b|\beventually\b", re.I)),
]
# "Progression: 3 x 10" / "Progression 2 - ..." / "Advanced:" scope to sentence end.
_COLON_MARKER_RE = re.compile(
    r"\b(?:progression|progress|harder\s+(?:version|variation|option)|advanced(?:\s+(?:version|variation|option))?)\b[^:.\n]{0,40}:",
    re.I,
)
_INTRO_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("start", re.compile(r"\W*(?:to\s+(?:start|begin)(?:\s+with)?|initially|at\s+first|first\s+of\s+all|for\s+starters|in\s+the\s+beginning|as\s+a\s+beginner)\s*", re.I)),
    ("target", re.compile(r"\W*(?:eventually|over\s+time|as\s+you\s+(?:get|become)\s+stronger|as\s+you\s+progress|ultimately)\s*", re.I)),
]
_CONTINUATION_RE = re.compile(r"\s*(?:followed\s+by|and\s+(?:then\s+)?(?:another|also)|plus)\b", re.I)
_CLAUSE_SPLIT_RE = re.compile(r"[,;:]|\s/\s|\bthen\b|\s[–—-]\s|\bbut\b|(?=\bonce\s+(?:it|this|that|you)\b)", re.I)

_PER_SIDE_RE = _compile_gated(
    r"/\s*(?:side|leg|arm)s?\b|\be/s\b"
    r"|\b(?:each|per|either)\s+(?:side|leg|arm|foot|way|direction)\b"
    r"|\bin\s+(?:one|the\s+other|each|the\s+opposite|both)\s+directions?\b"
    r"|\bboth\s+sides\b|\ba\s+side\b"
    r"|\b(?:switch|swap|change|alternate)\s+(?:to\s+the\s+other\s+)?(?:sides|legs|arms)\b"
    r"|\bswitch\s+(?:to\s+the\s+)?(?:other|opposite)\s+(?:side|leg|arm)\b"
    r"|\brepeat\b[^.;!?]{0,30}?\b(?:on|with|for|using)\s+(?:the\s+)?(?:other|opposite)\s+(?:side|leg|arm|foot)\b"
    r"|\b(?:and|then)\s+(?:do\s+|repeat\s+)?(?:the\s+)?(?:other|opposite)\s+(?:side|leg|arm)\b"
    # "3 x 12 each" closing a prescription: each side
    r"|(?<=\d\s)each(?=\s*(?:[.;,)]|$))"
    # "3 sets of 15, left and right", "10 reps on the left and right leg" (not "swing left and right")
    r"|(?:(?<=,\s)|(?<=\bon\s)|(?<=\bthe\s)|(?<=\bfor\s)|(?<=\bboth\s)|(?<=\bwith\s))"
    r"(?:left\s+and\s+(?:the\s+)?right|right\s+and\s+(?:the\s+)?left)\b(?!\s+(?:of|to|across|while)\b)",
    re.I,
)
_HOLD_RE = re.compile(
    r"\b(?:hold|holds|holding|held|isometric(?:ally)?)\b"
    r"(?!\s+(?:(?:on(?:to)?|a|an|the|one|two|your|both|each|light|heavy|some|this|that)\s+){0,3}"
    r"(?:dumbbells?|weights?|kettlebells?|bands?|bar|barbell|plates?|ball|medicine|table|chair|wall|rail|railing|towel|handles?|onto|in\s+each\s+hand"
    # "hold on to the rail", but "holds on each side" are holds
    r"|on(?!\s+(?:each|either|both|one|the\s+(?:other|opposite|left|right))\b))\b)",
    re.I,
)


def _mask(work: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if not work[i].isspace():
            work[i] = "#"


_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])\s+|\n+")
_BETWEEN_WORDS_RE = re.compile(r"[\s\w-]*")
_ONE_MINUTE_RE = re.compile(r"(?:a|one)\s+(?:full\s+)?minute")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? followed by whitespace, and at newlines."""
    spans = []
    start = 0
    for m in _SENTENCE_BREAK_RE.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _clauses(s: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _CLAUSE_SPLIT_RE.finditer(s):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(s)))
    return spans


def _stage_of(sentence: str, pos: int, colon_from: int | None, clauses: list[tuple[int, int]] | None = None) -> str:
    """Stage of the atom at `pos`; `clauses` is _clauses(sentence), when the caller has it already."""
    if colon_from is not None and pos >= colon_from:
        return "progression"
    if clauses is None:
        clauses = _clauses(sentence)
    for cs, ce in clauses:
        if cs <= pos < ce:
            break
    else:
        return "main"
    clause = sentence[cs:ce]
    rel = pos - cs
    prefix, postfix = _clause_markers(clause)
    best: tuple[int, str] | None = None
    for m_end, stage in prefix:
        if m_end <= rel + 1 and (best is None or m_end > best[0]):
            best = (m_end, stage)
    # A prefix marker wins unless a postfix marker follows the atom with no
    # other prefix marker in between.
    if best is not None:
        return best[1]
    for m_start, stage in postfix:
        if m_start >= rel:
            return stage
    # "Start with 10 reps of the arms, followed by 10 reps of the legs":
    # a continuation clause keeps the stage of the clause before it.
    prev = [c for c in clauses if c[1] <= cs]
    if prev and _CONTINUATION_RE.match(clause):
        return _stage_of(sentence, max(prev[-1][1] - 1, prev[-1][0]), colon_from, clauses)
    # "To start, do 5 reps": an intro clause that is only a stage word.
    if prev:
        for stage, rx in _INTRO_MARKERS:
            if rx.fullmatch(sentence[prev[-1][0]:prev[-1][1]]):
                return stage
    return "main"


@lru_cache(maxsize=_CACHE_SIZE)
def _clause_markers(clause: str) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]:
    """(end, stage) of each prefix marker match and (start, stage) of each postfix one, in the order
    _stage_of reads them. The same for every atom of the clause, and cached: a sentence is parsed
    on its own and again as part of its line."""
    prefix = tuple((m.end(), stage) for stage, rx in _PREFIX_MARKERS for m in rx.finditer(clause))
    postfix = tuple((m.start(), stage) for stage, rx in _POSTFIX_MARKERS for m in rx.finditer(clause))
    return prefix, postfix


def _hold_near(sentence: str, a_start: int, a_end: int) -> bool:
    for m in _HOLD_RE.finditer(sentence):
        if m.start() < a_start:
            return True
        # "30 second hold" / "30-second isometric hold"
        if 0 <= m.start() - a_end <= 20 and _BETWEEN_WORDS_RE.fullmatch(sentence[a_end:m.start()]):
            return True
    return False


def _rest_spans(s: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _REST_LEAD_RE.finditer(s)]
    spans += [(m.start(), m.end()) for m in _REST_TRAIL_RE.finditer(s)]
    spans += [(m.start(), m.end()) for m in _TAKE_BREAK_RE.finditer(s)]
    return spans


@lru_cache(maxsize=_CACHE_SIZE)
def _masked(text: str) -> str:
    """`text` with the numbers that are never a dosage (frequencies, weights, list numbering...) masked.

    Pure and cached: the same line is masked for its atoms as prose, again as a
    list item, and again by parse_block_sets, and the mask patterns are the
    most expensive part of each.
    """
    work = list(text)
    if _FREQ_MASK_HINT(text):
        for m in _FREQ_MASK_RE.finditer(text):
            _mask(work, m.start(), m.end())
    for m in _MASK_RE.finditer(text):
        _mask(work, m.start(), m.end())
    for hint, rx in _CONTEXT_MASKS:
        if hint(text):
            for m in rx.finditer(text):
                _mask(work, m.start(), m.end())
    for m in _LIST_NUM_RE.finditer(text):
        _mask(work, m.start(), m.end())
    return "".join(work)


def _find_atoms(sentence: str, list_item: bool) -> list[_Atom]:
    core = _core_atoms(sentence)
    if core is None:
        return []
    found, masked, sentence = core
    atoms = list(found)
    if list_item:
        work = list(masked)
        for rx in (_LIST_LEAD_RE, _LIST_TRAIL_RE):
            m = rx.search("".join(work))
            # "Circuit 2", "Superset 3": the number is a label.
            if m and not _LABEL_BEFORE_RE.search(sentence[:m.start("n")]):
                r = _int_range(m.group("n"))
                if r is not None and r[1] <= 500:
                    a = _Atom(m.start("n"), m.end("n"), reps=r)
                    atoms.append(a)
                    _mask(work, a.start, a.end)
    atoms.sort(key=lambda a: a.start)
    return atoms


@lru_cache(maxsize=_CACHE_SIZE)
def _core_atoms(sentence: str) -> tuple[tuple[_Atom, ...], str, str] | None:
    """The atoms every sentence gets, in the order found, with the text left once they are masked
    and the sentence as read (lost spaces restored); None when the sentence has no number.

    The list-item atoms (a bare leading or trailing number) are looked for last, in
    what is left: a line read both as prose and as a list item shares this work.
    The atoms are shared by the cached results: never modified (callers copy them).
    """
    if not _has_number_hint(sentence):
        return None
    # Lost non-breaking spaces often arrive as "?" ("10?repetitions").
    sentence = _LOST_SPACE_RE.sub(" ", sentence)
    work = list(_masked(sentence))
    rest = _rest_spans(sentence)
    atoms: list[_Atom] = []

    def w() -> str:
        return "".join(work)

    def take(a: _Atom) -> None:
        atoms.append(a)
        _mask(work, a.start, a.end)

    if _EMOM_HINT(sentence):
        for m in list(_EMOM_RE.finditer(w())):
            r = _int_range(m.group("a") or m.group("b") or m.group("c") or m.group("n"))
            if r is not None:
                take(_Atom(m.start(), m.end(), sets=r))
    if _HOLD_COUNT_HINT(sentence):
        for m in list(_HOLD_COUNT_RE.finditer(sentence)):
            r = _int_range(m.group("n") or m.group("m"))
            if r is not None:
                take(_Atom(m.start("c"), m.end("c"), seconds=r, hold=True))
    # 2 x 8, 2x8 reps, 1x 30sec
    for m in list(_NXM_RE.finditer(w())):
        a, b = _int_range(m.group("a")), m.group("b")
        if a is None:
            continue
        if m.group("tu"):
            # "3 x 30s": three timed bouts, i.e. sets (a circuit's rounds may turn them into reps later)
            secs = _time_range(b + m.group("tu"))
            if _PLURAL_HOLDS_RE.match(sentence, m.end()):
                take(_Atom(m.start(), m.end(), reps=a, seconds=secs, hold=True))
            else:
                take(_Atom(m.start(), m.end(), sets=a, seconds=secs))
        else:
            bi = _int_range(b)
            if bi is None:
                continue
            if m.group("su"):
                take(_Atom(m.start(), m.end(), reps=a, sets=bi))
            else:
                take(_Atom(m.start(), m.end(), sets=a, reps=bi))
    # 4 sets of 6, 3 rounds for 12 reps, 2 sets of 45 seconds
    for m in list(_SETS_OF_RE.finditer(w())):
        a = _int_range(m.group("a"))
        if a is None:
            continue
        if m.group("tu"):
            take(_Atom(m.start(), m.end(), sets=a, seconds=_time_range(m.group("b") + m.group("tu"))))
        else:
            b = _int_range(m.group("b"))
            if b is not None:
                take(_Atom(m.start(), m.end(), sets=a, reps=b))
    if _HOLDS_HINT(sentence):
        for m in list(_HOLDS_RE.finditer(w())):
            n = _int_range(m.group("n"))
            secs = _time_range(m.group("t")) if m.group("t") else None
            if n is not None and (secs is not None or not m.group("t")):
                take(_Atom(m.start(), m.end(), reps=n, seconds=secs, hold=secs is not None))
    # times
    for m in list(_TIME_RE.finditer(w())):
        txt = m.group(0).lower()
        if txt.startswith("half"):
            secs: Range | None = (30, 30)
        elif _ONE_MINUTE_RE.match(txt) and not _NUM_RE.match(txt):
            secs = (90, 90) if "half" in txt else (60, 60)
        else:
            secs = _time_range(m.group(0))
        if secs is None:
            continue
        if _in_rest(sentence, m.start(), rest):
            _mask(work, m.start(), m.end())
            continue
        take(_Atom(m.start(), m.end(), seconds=secs))
    for m in list(_REPS_RE.finditer(w())):
        r = _int_range(m.group("n") or m.group("m") or m.group("k") or m.group("j"))
        if r is not None:
            take(_Atom(m.start(), m.end(), reps=r))
    for m in list(_SETS_RE.finditer(w())):
        r = _int_range(m.group("n"))
        if r is not None:
            take(_Atom(m.start(), m.end(), sets=r))
    for m in list(_COUNTED_RE.finditer(w())):
        r = _int_range(m.group("n") or m.group("m"))
        if m.group("breath") and (_HOLD_CLAUSE_RE.search(sentence, 0, m.start())
                                  or not _BREATH_VERB_RE.search(sentence, 0, m.start())):
            _mask(work, m.start(), m.end())
        elif r is not None:
            take(_Atom(m.start(), m.end(), reps=r))
    for m in list(_TIMES_RE.finditer(w())):
        before = sentence[:m.start()]
        if m.group("w"):
            val = _WORD_VALUES[m.group("w").lower()]
            r: Range | None = (val, val)
            more = bool(m.group("more3"))
            # "once"/"twice" are also conjunctions and frequency words; count
            # them only after a verb ("do it twice", "repeat twice").
            if not more and not _TIMES_VERB_RE.search(before):
                continue
        else:
            r = _int_range(m.group("n"))
            more = bool(m.group("more") or m.group("more2"))
        if r is None:
            continue
        through = _THROUGH_RE.match(sentence, m.end())
        if more:
            take(_Atom(m.start(), m.end(), sets=(r[0] + 1, r[1] + 1)))
        elif through:
            # "30 seconds a side, three times through": passes through the work, i.e. sets
            take(_Atom(m.start(), through.end(), sets=r))
        elif _SETS_CONTEXT_RE.search(before):
            obj = _SETS_CONTEXT_RE.search(before)
            strict = not obj.group(0).lower().lstrip().startswith("repeat")  # type: ignore[union-attr]
            if strict:
                take(_Atom(m.start(), m.end(), sets=r))
            else:
                take(_Atom(m.start(), m.end(), flex="sets", flex_val=r))
        else:
            take(_Atom(m.start(), m.end(), flex="reps", flex_val=r))
    for m in list(_NX_RE.finditer(w())):
        r = _int_range(m.group("n"))
        if r is None:
            continue
        masked_after = _MASKED_RUN_RE.match(w(), m.end())
        if masked_after:
            # "4 x 20 m", "6 x 400m": bouts of a distance (masked), i.e. sets without reps
            take(_Atom(m.start(), masked_after.end(), sets=r))
        elif _SETS_CONTEXT_RE.search(sentence[:m.start()]):
            take(_Atom(m.start(), m.end(), sets=r))
        else:
            # "10x forward and 10x sideways" are two bouts, not reps x sets.
            take(_Atom(m.start(), m.end(), reps=r))
    for m in list(_XN_RE.finditer(w())):
        r = _int_range(m.group("n"))
        if r is None or "#" in m.group("pre"):
            continue
        s0 = m.start("n") - 1
        while s0 > 0 and sentence[s0] not in "xX×":
            s0 -= 1
        if m.group("pre").lower() in _XN_SETS_WORDS:
            take(_Atom(s0, m.end(), sets=r))
        else:
            take(_Atom(s0, m.end(), flex="reps", flex_val=r))
    for m in list(_VERB_BARE_RE.finditer(w())):
        if m.group("noun").lower() in _BARE_NOUN_EXCLUDE:
            continue
        r = _int_range(m.group("n"))
        if r is not None and "#" not in m.group(0):
            take(_Atom(m.start("n"), m.end("noun"), reps=r))
    if atoms:
        for m in list(_BARE_TARGET_RE.finditer(w())):
            a = _bare_target(atoms, m)
            if a is not None:
                take(a)
    return tuple(atoms), w(), sentence


def _bare_target(atoms: list[_Atom], m: re.Match[str]) -> _Atom | None:
    """The bare number of "build to 80" counted as the sentence's last count before it (reps or seconds)."""
    before = [a for a in atoms if a.end <= m.start("n")]
    r = _int_range(m.group("n"))
    if not before or r is None:
        return None
    prev = max(before, key=lambda a: a.end)
    if prev.reps is not None and prev.sets is None and prev.seconds is None:
        return _Atom(m.start("n"), m.end("n"), reps=r)
    if prev.seconds is not None and prev.sets is None and prev.reps is None and r[1] > prev.seconds[1]:
        # "hold 20 seconds, build to 45": the unit is the one of the count before (seconds here)
        return _Atom(m.start("n"), m.end("n"), seconds=r)
    return None


_MAX_MERGE_GAP = 60
_OTHER_SIDE_RE = re.compile(
    r"\W*(?:(?:now|then)\s+)?(?:repeat|switch|swap|change|do\s+the\s+same|perform|complete)\b[^.!?]{0,40}?"
    r"\b(?:other|opposite|second|left|right)\s+(?:side|leg|arm|foot)s?\b"
    r"|\W*(?:(?:now|then)\s+)?(?:switch|swap|change|alternate)\s+(?:sides|legs|arms)\b",
    re.I,
)
_LOST_SPACE_RE = re.compile(r"(?<=\d)\?(?=[A-Za-z])")
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:circuit|superset|set|round|part|step|day|week|phase|level|block|workout|exercise|stage|"
    r"option|variation|video|section|no\.?|number|tier|move|"
    # numbered parts of a publication ("Issue 142", "Page 3", "Chapter 2")
    r"page|issue|vol\.?|volume|chapter|episode|edition|lesson)\s*#?\s*$|#\s*$",
    re.I,
)


def _in_rest(sentence: str, pos: int, rest: list[tuple[int, int]]) -> bool:
    # "pause and hold for 5 seconds" is a hold, not a pause.
    for rs, re_ in rest:
        if rs <= pos < re_:
            return not _HOLD_RE.search(sentence[rs:pos])
    return False


_PER_SIDE_SUFFIX_RE = re.compile(_PER_SIDE_SUFFIX, re.I)
_HOLD_SUFFIX_RE = re.compile(r"\s*-?\s*(?:isometric\s+|static\s+)?holds?\b", re.I)


def _extend_per_side(text: str, end: int) -> int:
    m = _PER_SIDE_SUFFIX_RE.match(text, end)
    return m.end() if m else end


@dataclass
class _Group:
    stage: str
    start: int
    end: int
    sets: Range | None = None
    reps: Range | None = None
    seconds: Range | None = None
    hold: bool = False
    pending: list[_Atom] = field(default_factory=list)


def _fits(g: _Group, a: _Atom) -> bool:
    if a.flex == "reps":
        return g.reps is None or g.sets is None
    if a.flex == "sets":
        return g.sets is None or (g.reps is None and g.seconds is not None)
    return not ((a.sets and g.sets) or (a.reps and g.reps) or (a.seconds and g.seconds))


def _absorb(g: _Group, a: _Atom) -> None:
    g.end = max(g.end, a.end)
    g.start = min(g.start, a.start)
    if a.flex == "reps":
        if g.reps is None:
            g.reps = a.flex_val
        else:
            g.sets = a.flex_val
    elif a.flex == "sets":
        # "Hold 10 seconds, repeat this 5 times": a bare repeated hold counts reps.
        if g.reps is None and g.sets is None and g.seconds is not None:
            g.reps = a.flex_val
        elif g.sets is None:
            g.sets = a.flex_val
        else:
            g.reps = a.flex_val
    else:
        g.sets = a.sets or g.sets
        g.reps = a.reps or g.reps
        g.seconds = a.seconds or g.seconds
    g.hold = g.hold or a.hold


# The parsers below are pure functions of their text and the extractor calls
# them on the same text several times (a line, then each of its sentences,
# then a line's parts), so results are memoised.  Cached values are immutable
# (tuples of frozen mentions); callers get fresh lists.  (_CACHE_SIZE is set
# with the number patterns above: the masking and atom caches use it too.)


def _copy_atom(a: _Atom) -> _Atom:
    """copy.copy(a) without the generic copy protocol (__reduce_ex__, ~5x slower): same class, same fields."""
    b = _Atom.__new__(_Atom)
    b.__dict__.update(a.__dict__)
    return b


@lru_cache(maxsize=_CACHE_SIZE)
def _cached_atoms(sentence: str, list_item: bool) -> tuple[_Atom, ...]:
    return tuple(_find_atoms(sentence, list_item))


def parse_dosages(text: str, *, list_item: bool = False) -> list[DoseMention]:
    """Every dosage mention of `text`, in reading order.

    `list_item=True` for a bullet or heading line that names an exercise: a
    bare leading or trailing number is then read as reps.
    """
    return list(_parse_dosages(text, list_item))


@lru_cache(maxsize=_CACHE_SIZE)
def _parse_dosages(text: str, list_item: bool) -> tuple[DoseMention, ...]:
    # A sentence without a number hint has no atom (_core_atoms), and a text without one has no
    # sentence with one: sentences are cut at whitespace, so a hint word's \b edges hold in both.
    if not _has_number_hint(text):
        return ()
    out: list[DoseMention] = []
    spans = [(0, len(text))] if list_item else _sentences(text)
    # Copies: stage and hold are set on the atoms below, the cached ones stay as found.
    all_atoms = [[_copy_atom(a) for a in _cached_atoms(text[s0:s1], list_item)] for s0, s1 in spans]
    for si, (s0, s1) in enumerate(spans):
        sentence = text[s0:s1]
        atoms = all_atoms[si]
        if not atoms:
            continue
        colon = _COLON_MARKER_RE.search(sentence)
        colon_from = colon.end() if colon else None
        clauses = _clauses(sentence)  # once per sentence, not once per atom
        for a in atoms:
            a.stage = _stage_of(sentence, a.start, colon_from, clauses)
            a.hold = a.seconds is not None and (a.hold or _hold_near(sentence, a.start, a.end))
        per_side = bool(_PER_SIDE_RE.search(sentence))
        # "Do 10 reps. Repeat with the other leg." - the next sentence, when
        # it has no numbers of its own, can still make the dose per side.
        if not per_side and si + 1 < len(spans) and not all_atoms[si + 1]:
            nxt = text[spans[si + 1][0]:spans[si + 1][1]]
            per_side = bool(_OTHER_SIDE_RE.match(nxt))
        groups: list[_Group] = []
        open_by_stage: dict[str, _Group] = {}
        for a in atoms:
            g = open_by_stage.get(a.stage)
            # Far-apart numbers of one sentence are separate prescriptions.
            if g is None or not _fits(g, a) or a.start - g.end > _MAX_MERGE_GAP:
                g = _Group(a.stage, a.start, a.end)
                groups.append(g)
                open_by_stage[a.stage] = g
            _absorb(g, a)
        for g in groups:
            if g.sets is None and g.reps is None and g.seconds is None:
                continue
            end = g.end
            if g.hold:
                hm = _HOLD_SUFFIX_RE.match(sentence, end)
                end = hm.end() if hm else end
            end = _extend_per_side(sentence, end)
            st, en = s0 + g.start, s0 + end
            out.append(DoseMention(
                stage=g.stage, sets=g.sets, reps=g.reps, seconds=g.seconds,
                seconds_kind="hold" if g.hold and g.seconds is not None else None,
                per_side=per_side, start=st, end=en, text=text[st:en],
            ))
    out.sort(key=lambda d: d.start)
    return tuple(out)


# --------------------------------------------------------------------------
# Frequency
# --------------------------------------------------------------------------

_LOWER_BOUND = r"(?P<lb>at\s+(?:a\s+)?minimum\s+(?:of\s+)?|at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+(?:of\s+)?|no\s+less\s+than\s+)?"
_FREQ_RE = _compile_gated(
    # n0: the low end of "once or twice a week" (number words and digits are ranges of _RANGE)
    rf"{_LOWER_BOUND}(?:(?P<n0>\b(?:once|twice|thrice))\s+or\s+)?"
    rf"(?P<n>{_RANGE}|\b(?:once|twice|thrice)\b)(?P<plus>\s*\+|\s+or\s+more)?\s*"
    r"(?:x|times|sessions?|days?|workouts?|classes|class)?\s*"
    # "this week": a newsletter's plan for the week ahead ("lift three times this week")
    r"(?:/|\ba\b|\bper\b|\beach\b|\bevery\b|\bin\s+a\b|\bthis\b)?\s*"
    r"(?P<per>week|wk|day|daily|weekly)s?\b(?P<plus2>\s+or\s+more)?",
    re.I,
)
_EVERY_OTHER_RE = re.compile(r"\bevery\s+other\s+day\b", re.I)
# A weekly count's alternative later in its sentence: "twice a week, or three times if you have time".
_OR_TIMES_RE = _compile_gated(
    rf"\bor\s+(?:(?P<w>once|twice|thrice)|(?P<n>{_RANGE})\s+times)\b"
    r"(?!\s+(?:a|per|each|every)\s+day\b|\s+daily\b)",
    re.I,
)
_SENT_STOP_RE = re.compile(r"[.!?;](?=\s|$)")


_FREQ_HINT = AnyOf("day", "daily", "week", "wk")  # every frequency pattern needs one (speed pre-filter)
_FREQ_UNIT_RE = re.compile(r"x|times|sessions?|days?|workouts?|classes|class", re.I)
# Sessions counted with words around them: "3 easy gym sessions fit into each week".
_SESSIONS_A_WEEK_RE = _compile_gated(
    rf"(?P<n>{_RANGE})\s+(?:(?!of\b|the\b)[a-z-]+\s+){{0,2}}(?:sessions?|workouts?)\b(?:\s+[a-z-]+){{0,4}}?"
    r"\s+(?:a|per|each|every|in\s+a)\s+(?:week|wk)\b", re.I)
_DAYS_A_WEEK_RE = _compile_gated(
    rf"(?P<lb>at\s+least\s+)?(?P<n>{_RANGE})\s*\+?\s*days?\s*(?:/|a|per|each|every|in\s+a)\s*(?:week|wk)\b", re.I)


@lru_cache(maxsize=_CACHE_SIZE)
def frequency_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of how-often phrases ("once a day", "3 times a week"): part of a prescription, not a cue."""
    if not _FREQ_HINT(text):
        return ()
    return tuple(m.span() for m in _FREQ_MASK_RE.finditer(text))  # a tuple: the cached value is shared


def _weekly(text: str, m: re.Match[str]) -> tuple[int, int, bool] | None:
    """(min, max, lower bound only) of a frequency match when it counts sessions per week.

    Counts per day ("twice a day", "3 times daily") are doses of the exercises they sit with, not
    how often the routine is done: None, as for a bare "a week" without a count.
    """
    n = m.group("n")
    low = n.lower()
    between = text[m.end("n"):m.start("per")]
    if low in ("once", "twice", "thrice"):
        r = (_WORD_VALUES[low], _WORD_VALUES[low])
    else:
        if not _FREQ_UNIT_RE.search(between):
            return None
        ir = _int_range(n)
        if ir is None:
            return None
        r = ir
    if m.group("per").lower() not in ("week", "wk", "weekly"):
        return None
    if m.group("n0"):
        r = (min(_WORD_VALUES[m.group("n0").lower()], r[0]), max(_WORD_VALUES[m.group("n0").lower()], r[1]))
    return r[0], r[1], bool(m.group("lb") or m.group("plus") or m.group("plus2"))


def _widen(text: str, start: int, lo: int, hi: int) -> tuple[int, int]:
    """(lo, hi) widened by the other weekly counts of the sentence that runs on from `start`.

    Writers give the range as alternatives: "twice a week, or three times if you feel fresh",
    "twice a week in base, then once a week near the race".
    """
    stop = _SENT_STOP_RE.search(text, start)
    end = stop.start() if stop else len(text)
    for m in _FREQ_RE.finditer(text, start, end):
        f = _weekly(text, m)
        if f and not f[2]:
            lo, hi = min(lo, f[0]), max(hi, f[1])
    for m in _OR_TIMES_RE.finditer(text, start, end):
        r = (_WORD_VALUES[m.group("w").lower()],) * 2 if m.group("w") else _int_range(m.group("n"))
        if r:
            lo, hi = min(lo, r[0]), max(hi, r[1])
    return lo, hi


# A count whose verb is the running (or another sport) itself: "they run four times a week",
# "swim four times a week": how often they run, not how often to do the routine.
_SPORT_VERB_BEFORE_RE = re.compile(
    r"\b(?:run|runs|ran|running|swim|swims|swam|swimming|cycle|cycles|cycling|ride|rides|riding|race|races|racing)"
    r"\s+(?:(?:about|around|roughly|only|usually|already|maybe|at\s+least)\s+)?$", re.I)


def _sport_count(text: str, start: int) -> bool:
    return _SPORT_VERB_BEFORE_RE.search(text, max(0, start - 30), start) is not None


def parse_frequency(text: str) -> tuple[int, int | None] | None:
    """Sessions per week: (min, max); a lower bound only gives (min, None)."""
    if not _FREQ_HINT(text):
        return None
    for m in _FREQ_RE.finditer(text):
        if _sport_count(text, m.start()):
            continue
        f = _weekly(text, m)
        if f is None:
            continue
        lo, hi, lower_bound = f
        if lower_bound:
            return (lo, None)
        return _widen(text, m.end(), lo, hi)
    # "3 days a week"
    m = _DAYS_A_WEEK_RE.search(text)
    if m:
        r2 = _int_range(m.group("n"))
        if r2:
            return (r2[0], None) if m.group("lb") else r2
    if _EVERY_OTHER_RE.search(text):
        return (3, 4)
    m = _SESSIONS_A_WEEK_RE.search(text)
    if m:
        return _int_range(m.group("n"))
    return None


# --------------------------------------------------------------------------
# Block sets, rest
# --------------------------------------------------------------------------

_BLOCK_PATTERNS = [
    _compile_gated(rf"\(\s*(?P<n>{_RANGE})\s+(?:total\s+)?(?:sets?|rounds?|circuits?|laps?|times)\s*\)", re.I),
    _compile_gated(rf"{_LB}(?P<n>{_RANGE})\s+(?:total\s+)?{_SETU}", re.I),
    re.compile(rf"(?<![\w-])[x×]\s*(?P<n>{_RANGE})(?![\w/])", re.I),
    re.compile(
        r"\b(?:repeat|do|perform|complete|go\s+through|run\s+through)\b[^.;:\n]{0,40}?"
        rf"(?:(?P<n>{_RANGE})\s+times|\b(?P<w>twice|thrice|once)\b)", re.I),
    _compile_gated(rf"{_LB}(?P<n>{_RANGE})\s+times\s+through\b", re.I),
    _EMOM_RE,
]


@lru_cache(maxsize=_CACHE_SIZE)
def parse_block_sets(heading: str) -> Range | None:
    """Sets/rounds a heading or intro line gives to a group of exercises."""
    # Every block pattern needs a number or once/twice/thrice, as atoms do (speed
    # pre-filter: masking only removes text, so the result is unchanged).
    if not _has_number_hint(heading):
        return None
    w = _masked(heading)
    for rx in _BLOCK_PATTERNS:
        m = rx.search(w)
        if not m:
            continue
        if "w" in rx.groupindex and m.group("w"):
            v = _WORD_VALUES[m.group("w").lower()]
            return (v, v)
        n = next((g for g in (m.groupdict().get(k) for k in ("n", "a", "b", "c")) if g), None)  # EMOM: a, b or c
        r = _int_range(n) if n else None
        if r is not None:
            return r
    return None


_REST_PHRASE_RE = re.compile(
    r"(?<!without\s)(?<!\bno\s)\b(?:rest(?:ing)?|recover(?:y)?)\b"
    r"(?!\s+(?:your|the|of|on|in|against|it|them|his|her|day|days)\b)[^.;!?\n]*",
    re.I,
)
_REST_TIME_TRAIL_RE = _compile_gated(
    rf"(?:{_LB}(?:{_RANGE}){_TU}|\b(?:a|one)\s+minute)['’]?\s*(?:of\s+)?(?:rest|recovery|breaks?)\b[^.;!?\n]*"
    rf"|\btake\s+(?:a\s+)?(?:{_RANGE}){_TU}['’]?\s+(?:break|rest|breather)\b[^.;!?\n]*",
    re.I,
)
_REST_INFO_RE = re.compile(rf"{_NUM}|\bbetween\b|\bas\s+needed\b|\bafter\s+each\b|\bminute\b", re.I)


# Every match of the two rest patterns contains one of these words (speed pre-filter).
_REST_HINT = AnyOf("rest", "recover", "break", "take")
_REST_CUT_RE = re.compile(r",\s*(?:then|and)\b|\s+then\b|\s+and\s+(?:repeat|do|perform|complete)\b|\s+(?=\()", re.I)


@lru_cache(maxsize=_CACHE_SIZE)
def parse_rest(text: str) -> str | None:
    """The rest-period phrase as written ("Rest 90 seconds between rounds"), else None."""
    if not _REST_HINT(text):
        return None
    cands = []
    for rx in (_REST_PHRASE_RE, _REST_TIME_TRAIL_RE):
        for m in rx.finditer(text):
            phrase = m.group(0)
            # Stop at the next action: ", then do ...", " and repeat".
            cut = _REST_CUT_RE.search(phrase)
            if cut:
                phrase = phrase[:cut.start()]
            phrase = phrase.rstrip(" ,:–—-")
            if _REST_INFO_RE.search(phrase):
                cands.append((m.start(), phrase))
    if not cands:
        return None
    return min(cands)[1]


# --------------------------------------------------------------------------
# Name / dosage split
# --------------------------------------------------------------------------

_BULLET_RE = re.compile(r"^\s*(?:[•◦▪▫●○■□‣⁃∙·*–—-]+\s*|\(?\d{1,2}[.)]\s+|[A-Z]\d{1,2}[.):]?\s+)")
_DESC_SPLIT_RE = re.compile(r"\s*(?::|\s[–—-]\s|[–—]\s)\s*")
_NOTE_PAREN_RE = re.compile(r"\s*\(([^()]*)\)")
_NOTE_WORDS = re.compile(
    r"^(?:slow(?:ly)?|fast|alternating|alternate|optional|each|both|weighted|bodyweight|"
    r"with\s|without\s|you\s|or\s|per\s|on\s|and\s|see\s|video|tempo|controlled|explosive|hold|pause)",
    re.I,
)


_WORDS_RE = re.compile(r"[A-Za-z]{2,}")
_SIDE_WORDS_RE = re.compile(r"(?:^|\s)(?:each|per|either)\s+(?:side|leg|arm)\b", re.I)
_SPACES_RE = re.compile(r"\s+")
_NAME_EDGES_RE = re.compile(r"^[\s:–—\-x×,|]+(?=\s|$)|[\s:–—\-,;|]+$")
_LEADING_X_RE = re.compile(r"^[x×]\s+")


def split_name_dosage(line: str) -> tuple[str, list[DoseMention]]:
    """Split a list-item or heading line into (exercise name, dosages).

    Offsets of the returned mentions are relative to `line`.  When the line
    carries a prose description after a separator ("12 Goblet Squats: Hold a
    weight ..."), only the part before the separator is read: the description
    is the caller's prose.
    """
    name, mentions = _split_name_dosage(line)
    return name, list(mentions)


@lru_cache(maxsize=_CACHE_SIZE)
def _split_name_dosage(line: str) -> tuple[str, tuple[DoseMention, ...]]:
    bm = _BULLET_RE.match(line)
    head_start = bm.end() if bm else 0
    head_end = len(line)
    # Cut a long description after ":" / " - " / "– ".
    for m in _DESC_SPLIT_RE.finditer(line, head_start):
        if m.start() <= head_start:
            continue
        tail = line[m.end():]
        tail_clean = tail
        for d in parse_dosages(tail, list_item=True):
            tail_clean = tail_clean.replace(d.text, " ")
        tail_clean = _NOTE_PAREN_RE.sub(" ", tail_clean)
        words = _WORDS_RE.findall(tail_clean)
        if len(words) >= 4:
            head_end = m.start()
            break
    head = line[head_start:head_end]
    mentions = [
        DoseMention(d.stage, d.sets, d.reps, d.seconds, d.seconds_kind, d.per_side,
                    d.start + head_start, d.end + head_start, d.text)
        for d in parse_dosages(head, list_item=True)
    ]
    # Remove dosage spans and parentheticals that are dosages or notes.
    chars = list(line)
    for d in mentions:
        for i in range(d.start, d.end):
            chars[i] = "\x00"
    name = "".join(chars[head_start:head_end])

    def drop_paren(m: re.Match[str]) -> str:
        inner = m.group(1)
        if "\x00" in inner or not inner.strip() or _PER_SIDE_RE.search(inner) or inner[:1].islower() \
                or _NOTE_WORDS.match(inner.strip()):
            return ""
        return m.group(0)

    name = _NOTE_PAREN_RE.sub(drop_paren, name)
    name = name.replace("\x00", " ")
    # Leftover per-side words and connectors next to a removed dosage.
    name = _SIDE_WORDS_RE.sub(" ", name)
    name = _SPACES_RE.sub(" ", name).strip()
    name = _NAME_EDGES_RE.sub("", name).strip()
    name = _LEADING_X_RE.sub("", name)
    return name, tuple(mentions)
