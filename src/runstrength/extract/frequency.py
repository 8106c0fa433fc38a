"""How often to train: sessions per week ("3 times a week", "twice a week, or three times if ..."),
and where a text says how often (a prescription's part, not a cue)."""
from __future__ import annotations

import re
from functools import lru_cache

from runstrength.extract.dose_masks import FREQ_MASK_RE
from runstrength.extract.gates import AnyOf, compile_gated
from runstrength.extract.quantities import CACHE_SIZE, NUM, RANGE, WORD_VALUES, int_range

_LOWER_BOUND = r"(?P<lb>at\s+(?:a\s+)?minimum\s+(?:of\s+)?|at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+(?:of\s+)?|no\s+less\s+than\s+)?"
# A cap, not a count to aim for: "no more than twice a week", "at most 3 times a week"; "more than" alone
# is a cap only in a sentence that forbids it ("don't lift more than once a week"), see _capped.
_UPPER_BOUND = r"(?P<ub>(?:(?:no|not|never)\s+)?more\s+than\s+|at\s+most\s+|a\s+maximum\s+of\s+|max(?:imum)?\s+(?:of\s+)?)?"
# Days kept apart for recovery are still the sessions: "two non-consecutive days a week".
_DAYS_APART = r"(?:(?:non-?\s?consecutive|separate|different|alternate|alternating)\s+)"
_FREQ_RE = compile_gated(
    # n0: the low end of "once or twice a week" (number words and digits are ranges of RANGE), or
    # the least of a count with the one hoped for set off by commas: "two, preferably three, runs a week"
    rf"{_LOWER_BOUND}{_UPPER_BOUND}(?:(?P<n0>\b(?:once|twice|thrice))\s+or\s+"
    rf"|(?P<n0i>\b(?:once|twice|thrice)\b|{NUM}),\s+(?:but\s+)?(?:ideally|preferably|better\s+still)\s+)?"
    rf"(?P<n>{RANGE}|\b(?:once|twice|thrice)\b)(?(n0i),)(?P<plus>\s*\+|\s+or\s+more)?\s*"
    # "d/wk": clinical handouts abbreviate days
    # "twice-weekly", "once-a-week": a handout's hyphens stand for the spaces
    rf"(?:{_DAYS_APART}(?=days?\b))?(?:x|times|sessions?|days?|d(?=\s*/)|workouts?|classes|class)?[\s-]*"
    # "this week": a newsletter's plan for the week ahead ("lift three times this week")
    r"(?:/|\ba\b|\bper\b|\beach\b|\bevery\b|\bin\s+a\b|\bthis\b)?[\s-]*"
    r"(?P<per>week|wk|day|daily|weekly)s?\b(?P<plus2>\s+or\s+more)?",
    re.I,
)
# "Every other day, add two more reps": the cadence of a progression, not how often to train.
_EVERY_OTHER_RE = re.compile(r"\bevery\s+other\s+day\b(?![\s,]+(?:add|increase|progress|raise)\b)", re.I)
# A weekly count's alternative later in its sentence: "twice a week, or three times if you have time".
_OR_TIMES_RE = compile_gated(
    rf"\bor\s+(?:(?P<w>once|twice|thrice)|(?P<n>{RANGE})\s+times)\b"
    r"(?!\s+(?:a|per|each|every)\s+day\b|\s+daily\b)",
    re.I,
)
_SENT_STOP_RE = re.compile(r"[.!?;](?=\s|$)")


_FREQ_HINT = AnyOf("day", "daily", "week", "wk")  # every frequency pattern needs one (speed pre-filter)
_FREQ_UNIT_RE = re.compile(r"x|times|sessions?|days?|\bd\b|workouts?|classes|class", re.I)
# Sessions counted with words around them: "3 easy gym sessions fit into each week".
# The count may be set off from the sessions' length by a comma: "four, 45-minute sessions per week".
_SESSIONS_A_WEEK_RE = compile_gated(
    rf"(?P<n>{RANGE})(?:,\s*\d+[\s-](?:minute|min|hour)s?)?\s+(?:(?!of\b|the\b)[a-z-]+\s+){{0,2}}(?:sessions?|workouts?)\b(?:\s+[a-z-]+){{0,4}}?"
    r"\s+(?:a|per|each|every|in\s+a)\s+(?:week|wk)\b", re.I)
# The days may be named for what is done on them ("2x strength days per week"); rest or run days are not sessions.
_DAYS_A_WEEK_RE = compile_gated(
    rf"(?P<lb>at\s+least\s+)?(?P<n>{RANGE})\s*\+?\s*(?:[x×]\s*)?"
    rf"{_DAYS_APART}?(?:(?:strength|training|gym|lifting|weights?|resistance|workout|strength[\s-]training)\s+)?"
    r"days?\s*(?:/|a|per|each|every|in\s+a)\s*(?:week|wk)\b", re.I)
# An exercise sheet's field of sessions a week, the label first ("WEEKLY: 3", "Times per week: 2-3").
_WEEKLY_FIELD_RE = compile_gated(
    rf"\b(?:weekly|(?:times|days|sessions)\s+(?:a|per)\s+week)\s*:\s*(?P<n>{RANGE})(?!\s*(?:[x×/%]|times|sets|reps|min|sec))",
    re.I)
# A weekly volume shared out over days ("split these sets over 2 to 3 days"): the days are the sessions.
_SPLIT_OVER_DAYS_RE = compile_gated(
    r"\b(?:split|spread|divide|break)\s+(?:(?:it|this|that|them)|(?:these|those|the)\s+(?:sets|work|volume|sessions|workouts))\s+"
    rf"(?:up\s+)?(?:(?:across|over|into|among)\s+)?(?P<n>{RANGE})\s+(?:separate\s+|different\s+|training\s+)?days\b", re.I)


@lru_cache(maxsize=CACHE_SIZE)
def frequency_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of how-often phrases ("once a day", "3 times a week"): part of a prescription, not a cue."""
    if not _FREQ_HINT(text):
        return ()
    return tuple(m.span() for m in FREQ_MASK_RE.finditer(text))  # a tuple: the cached value is shared


def _weekly(text: str, m: re.Match[str]) -> tuple[int, int, bool] | None:
    """(min, max, lower bound only) of a frequency match when it counts sessions per week.

    Counts per day ("twice a day", "3 times daily") are doses of the exercises they sit with, not
    how often the routine is done: None, as for a bare "a week" without a count.
    """
    n = m.group("n")
    low = n.lower()
    between = text[m.end("n"):m.start("per")]
    if low in ("once", "twice", "thrice"):
        r = (WORD_VALUES[low], WORD_VALUES[low])
    else:
        if not _FREQ_UNIT_RE.search(between):
            return None
        ir = int_range(n)
        if ir is None:
            return None
        r = ir
    if m.group("per").lower() not in ("week", "wk", "weekly"):
        return None
    if m.group("n0"):
        r = (min(WORD_VALUES[m.group("n0").lower()], r[0]), max(WORD_VALUES[m.group("n0").lower()], r[1]))
    if m.group("n0i"):
        low0 = m.group("n0i").lower()
        r0 = (WORD_VALUES[low0],) * 2 if low0 in ("once", "twice", "thrice") else int_range(low0)
        if r0 is None:
            return None
        # "at least two, but preferably three": the hoped-for count caps the range, so no lower bound only
        return min(r0[0], r[0]), max(r0[1], r[1]), False
    # "at least once or twice a week": a count given as a range already has its upper end, so "at least"
    # only makes a single count a lower bound
    return r[0], r[1], bool((m.group("lb") and r[0] == r[1]) or m.group("plus") or m.group("plus2"))


_OTHER_TRAINING_RE = re.compile(r"\b(?:aerobic|cardio(?:vascular)?)\b", re.I)


def _widen(text: str, start: int, lo: int, hi: int) -> tuple[int, int]:
    """(lo, hi) widened by the other weekly counts of the sentence that runs on from `start`.

    Writers give the range as alternatives: "twice a week, or three times if you feel fresh",
    "twice a week in base, then once a week near the race".
    """
    stop = _SENT_STOP_RE.search(text, start)
    end = stop.start() if stop else len(text)
    # "... and aerobic exercise five times a week": the count of another kind of training is no alternative
    other = _OTHER_TRAINING_RE.search(text, start, end)
    end = other.start() if other else end
    for m in _FREQ_RE.finditer(text, start, end):
        f = _weekly(text, m)
        if f and not f[2]:
            lo, hi = min(lo, f[0]), max(hi, f[1])
    for m in _OR_TIMES_RE.finditer(text, start, end):
        r = (WORD_VALUES[m.group("w").lower()],) * 2 if m.group("w") else int_range(m.group("n"))
        if r:
            lo, hi = min(lo, r[0]), max(hi, r[1])
    return lo, hi


# A count whose verb is the running (or another sport) itself: "they run four times a week",
# "swim four times a week": how often they run, not how often to do the routine.
_SPORT_VERB_BEFORE_RE = re.compile(
    r"\b(?:run|runs|ran|running|swim|swims|swam|swimming|cycle|cycles|cycling|ride|rides|riding|race|races|racing)"
    r"\s+(?:(?:about|around|roughly|only|usually|already|maybe|at\s+least)\s+)?$", re.I)


# A count of working days is a job's schedule, not training: "I work five days a week",
# "4 days a week in the office" ("work out 3 times a week" ends in "out", so it stays).
_JOB_BEFORE_RE = re.compile(r"\b(?:work|works|worked|working)\s+(?:(?:about|around|usually|only)\s+)?$", re.I)
_JOB_AFTER_RE = re.compile(
    r"[\s,]*(?:(?:return(?:ing)?\s+)?(?:to|in|at|from)[\s-]+(?:the\s+)?(?:office|work|site)\b|office\b|commut|on[\s-]site\b)", re.I)


def _sport_count(text: str, start: int, end: int) -> bool:
    """Whether the count at text[start:end] is how often the reader runs (or works), not the routine."""
    return (_SPORT_VERB_BEFORE_RE.search(text, max(0, start - 30), start) is not None
            or _JOB_BEFORE_RE.search(text, max(0, start - 30), start) is not None
            or _JOB_AFTER_RE.match(text, end) is not None)


# Said before "more than" in its sentence, it makes the count a cap: "Don't do these more than twice a week".
_NEGATION_RE = re.compile(r"\b(?:don'?t|don’t|do\s+not|never|avoid|shouldn'?t|shouldn’t|should\s+not)\b[^.!?;]*$", re.I)


def _capped(text: str, m: re.Match[str]) -> bool:
    """Whether the count of `m` is an upper bound ("no more than twice a week")."""
    ub = m.group("ub")
    if not ub:
        return False
    if not ub.lower().startswith("more"):
        return True
    return _NEGATION_RE.search(text, 0, m.start()) is not None


def parse_frequency(text: str) -> tuple[int | None, int | None] | None:
    """Sessions per week: (min, max); a lower bound only gives (min, None), a cap (None, max)."""
    if not _FREQ_HINT(text):
        return None
    for m in _FREQ_RE.finditer(text):
        if _sport_count(text, m.start(), m.end()):
            continue
        f = _weekly(text, m)
        if f is None:
            continue
        lo, hi, lower_bound = f
        if _capped(text, m):
            return (None, hi)
        if lower_bound:
            return (lo, None)
        return _widen(text, m.end(), lo, hi)
    m = _WEEKLY_FIELD_RE.search(text)
    if m:
        r2 = int_range(m.group("n"))
        if r2:
            return r2
    # "3 days a week"
    for m in _DAYS_A_WEEK_RE.finditer(text):
        r2 = int_range(m.group("n"))
        if r2 and not _sport_count(text, m.start(), m.end()):
            return (r2[0], None) if m.group("lb") else r2
    m = _SPLIT_OVER_DAYS_RE.search(text)
    if m:
        r2 = int_range(m.group("n"))
        if r2:
            return r2
    if _EVERY_OTHER_RE.search(text):
        return (3, 4)
    m = _SESSIONS_A_WEEK_RE.search(text)
    if m:
        return int_range(m.group("n"))
    return None
