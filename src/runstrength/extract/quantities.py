"""Numbers and units of the dose grammar: the regex pieces every dose pattern is built from, and their values.

A number token (NUM: digits, fractions, number words) and a range of them (RANGE: "8-12", "between 8
and 12", "two or three"), with the unit words (REPU, SETU, TU), make up the patterns of dose_masks,
dose_atoms, frequency and dosage; to_number and int_range read a match's value back, time_range the
seconds of a time phrase.
"""
from __future__ import annotations

import re

from runstrength.extract.gates import compile_gated

# A month by its name or abbreviation (not "mar" inside "marching": callers bound it).
MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
              r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

Range = tuple[int, int]

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}

WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update(_TENS)
WORD_VALUES.update({"hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12,
                     "couple": 2, "a couple": 2, "a couple of": 2, "a pair of": 2,
                     "once": 1, "twice": 2, "thrice": 3, "a single": 1, "single": 1})
for _t, _tv in _TENS.items():
    for _u in range(1, 10):
        for _sep in ("-", " ", ""):
            WORD_VALUES[f"{_t}{_sep}{_UNITS[_u]}"] = _tv + _u

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}

# Word numbers usable inside quantities.  "once"/"twice" and "single" are left
# out: they are handled by dedicated patterns or are not counts.
_NUM_WORDS = sorted(
    (w for w in WORD_VALUES if w not in {"once", "twice", "thrice", "a single", "single",
                                          "zero", "couple", "dozen", "hundred"}),
    key=len, reverse=True,
)


def trie_alternation(words: list[str]) -> str:
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


def _number_word_regex() -> str:
    """A regex matching exactly the words of _NUM_WORDS, trying the longer ones at a position first.

    trie_alternation(_NUM_WORDS) with the compound tens taken out and written once
    as tens, separator, unit: the trie repeats the unit words under each tens word
    (eight copies), and the dose patterns inline this regex several times each, so
    the copies doubled the time every process spends compiling the dose grammar
    (~1 s). Equivalent: the words that can match at a position are prefixes of
    one another, and both forms try them longest first (a tens word's compounds
    before the tens word; the unit continuation is greedy for that).
    """
    units, tens = _UNITS[1:10], list(_TENS)
    compounds = {f"{t}{sep}{u}" for t in tens for u in units for sep in ("-", " ", "")}
    rest = [w for w in _NUM_WORDS if w not in compounds and w not in tens]
    return ("(?:" + trie_alternation(tens) + r"(?:(?:\-|\s+|)" + trie_alternation(units) + ")?|"
            + trie_alternation(rest) + ")")


_WORDNUM = _number_word_regex()

# A number token.  Fractions come first so "1 1/2" is not read as "1".
NUM = (
    r"(?:\d+\s*[½¼¾]"
    r"|(?:\d+\s+)?(?<!\d)[13]/[24](?!\d)"
    r"|\d+(?:\.\d+)?"
    r"|[½¼¾]"
    r"|\b" + _WORDNUM + r"\b)"
)
# Lookbehind keeps "x8" of "2x8" and digits glued to words ("A1") out of atom
# starts; inner numbers of a pattern use NUM directly.
LB = r"(?<![\w.,/#-])"
# What every NUM match starts with: a digit, a fraction sign, or a number word's first word ("twenty"
# of "twentyone", "a" and the word after it of "a dozen").  A lookahead gate for a pattern whose
# every branch starts with a number, stricter than compile_gated's first character (which lets
# through every word starting as a number word does: "a", "to", "the", "each", "sets" ...).
NUM_START = (r"(?:[\d½¼¾]|\b" + trie_alternation(sorted(_UNITS[1:] + list(_TENS)))
             + r"|\ba\s+(?:hundred|dozen|couple|pair)\b)")
# "20 to 30", "20-30", and the suspended hyphen of "a 20- to 30-second hold"
# A doubled dash ("30--45", "30–-45") is a typed en dash.
SEP = r"(?:\s*[-–—]{1,2}\s*(?:to\s+|or\s+)?|\s+to\s+|\s+or\s+)"
RANGE = rf"(?:between\s+{NUM}\s+and\s+{NUM}|{NUM}(?:{SEP}{NUM})?)"

NUM_RE = re.compile(NUM, re.I)

# Size of the memo caches of the dose grammar's pure parsers (masks, atoms, stage markers, dosage, frequency).
CACHE_SIZE = 8192

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
_WORD_HINT_RE = compile_gated(r"\b" + trie_alternation(_NUM_HINTS) + r"\b", re.I)


def has_number_hint(text: str) -> bool:
    """Whether `text` has a digit, a fraction sign or a hint word: else it has no dosage number."""
    return _DIGIT_HINT_RE.search(text) is not None or _WORD_HINT_RE.search(text) is not None


_FULL_INT_RE = re.compile(r"\d+(?:\.\d+)?")
_INT_FRACTION_RE = re.compile(r"(\d+)\s*([½¼¾]|[13]/[24])")


def to_number(word: str) -> float | None:
    """Value of one number token: "12", "twelve", "1½", "1 1/2", "½", "a couple"."""
    w = " ".join(word.strip().lower().split())
    if not w:
        return None
    if w in WORD_VALUES:
        return float(WORD_VALUES[w])
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
    for m in NUM_RE.finditer(text):
        v = to_number(m.group(0))
        if v is not None:
            out.append(v)
    return out


def int_range(text: str) -> Range | None:
    """(min, max) of the whole numbers in a range phrase; None if any is fractional."""
    vals = _numbers(text)
    if not vals or any(v != int(v) for v in vals):
        return None
    lo, hi = int(min(vals[0], vals[-1])), int(max(vals[0], vals[-1]))
    return (lo, hi)


# reps, rep, repetitions and the usual misspellings (repititions, repetitons).
REPU = r"(?:rep(?:s|[eiy]t[a-z]*?ons?)?\b)"
# A lap of a circuit ("3 laps in total") is a round of it.
SETU = r"(?:sets?|rounds?|circuits?|laps?)\b"
# Spelled-out units may be spaced or hyphenated ("1-minute"); a bare "s" glued to the digits
# ("30s") or spaced as the SI symbol is written ("3 x 20 s hold"), but not an initial ("s.t.").
TU_WORD = r"(?:seconds?|secs?\.?|minutes?|mins?\.?|hours?|hrs?)\b"
TU = rf"(?:\s*-?\s*{TU_WORD}|[ \t]?s\b(?!\.\w))"


def _unit_factor(unit: str) -> int:
    u = unit.strip(" -").lower()
    if u.startswith("min"):
        return 60
    if u.startswith("h"):
        return 3600
    return 1


_TO_A_MINUTE_RE = re.compile(r"\bto\s+a\s+(?:full\s+)?minute\s*$", re.I)
_PIECE_UNIT_RE = re.compile(r"\s*-?\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|s\b)", re.I)


def time_range(text: str) -> Range | None:
    """Seconds of a time phrase: '30-60s', '45 seconds to one minute', '1 ½ min'."""
    # Split into (number, unit) pieces; a number without its own unit takes
    # the next unit ("5-10 minutes").
    pieces: list[tuple[float, int | None]] = []
    for m in NUM_RE.finditer(text):
        v = to_number(m.group(0))
        if v is None:
            continue
        rest = text[m.end():]
        um = _PIECE_UNIT_RE.match(rest)
        pieces.append((v, _unit_factor(um.group(1)) if um else None))
    if not pieces:
        return None
    # "20 seconds to a minute": the upper end is a spelled-out minute with no number token
    if _TO_A_MINUTE_RE.search(text):
        pieces.append((1.0, 60))
    factor = None
    vals: list[int] = []
    for v, f in reversed(pieces):
        if f is not None:
            factor = f
        vals.append(int(round(v * (factor or 1))))
    vals.reverse()
    return (min(vals[0], vals[-1]), max(vals[0], vals[-1]))
