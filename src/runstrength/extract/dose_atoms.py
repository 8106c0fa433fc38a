"""Atoms: the quantities of one sentence, each with its role (sets, reps or seconds).

Read from the masked sentence (dose_masks), in priority order (``2 x 8`` before ``8 reps`` before
``8x``); each match is masked in turn so a number is used once.  A time in the scope of a rest or
pause ("rest 60 seconds") is masked, not read.  Stages and the merge into mentions are dosage.py's.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from runstrength.extract.dose_masks import mask, masked
from runstrength.extract.dose_stages import EACH, HOLD_RE, MIRRORED_WAYS, SIDE_THEN_OTHER
from runstrength.extract.gates import ascii_fold, compile_gated
from runstrength.extract.quantities import (CACHE_SIZE, LB, NUM, NUM_RE, RANGE, REPU, SEP, SETU, TU, WORD_VALUES, Range,
                                           has_number_hint, int_range, time_range)

# Rest / pause / wait: times in their scope are not the exercise's dosage.
# The scope runs to the end of the clause, stopping at a hold or a new action.
_REST_WORD = r"(?:rest(?:ing)?|recover(?:y)?|breaks?)"
_REST_LEAD_RE = re.compile(
    r"(?<!without\s)(?<!\bno\s)(?<!minimal\s)(?<!little\s)"
    r"\b(?:rest(?:ing)?|recover(?:y)?|pause|pausing|wait(?:ing)?)\b"
    # "rest on your forearms" is a support, but "rest on every set for a minute" is a rest period
    r"(?!\s+(?:your|the|of|on(?!\s+(?:all|each|every)\s+(?:exercises?|moves?|movements?|sets?|rounds?)\b)|in|against|it|them|his|her|day|days)\b)"
    r"[^.;,!?\n(]*?"
    r"(?=[.;,!?\n(]|\bthen\b|\bhold(?:ing)?\b|\band\s+(?:repeat|do|perform|complete|then)\b|$)",
    re.I,
)
# "90 seconds' rest", "a minute's rest": the possessive of a time before the rest word
_REST_TRAIL_RE = compile_gated(
    rf"(?:{LB}(?:{RANGE}){TU}|\b(?:a|one)\s+minute)(?:['’]s?)?\s*(?:of\s+)?(?:{_REST_WORD}|pauses?|waits?|off(?!\s+(?:the|your|a|an|of|from)\b))\b[^.;,!?\n(]*",
    re.I,
)
_TAKE_BREAK_RE = compile_gated(
    rf"\btake\s+(?:a\s+)?(?:{RANGE}){TU}['’]?\s+(?:break|rest|breather|pause)\b[^.;,!?\n(]*", re.I
)


# "with 30 seconds in between each exercise", "2 minutes between sets": a time said to fall between the
# pieces of a session is the rest there, even with no rest word.
_GAP_AFTER_RE = re.compile(
    r"\s*(?:in\s+)?between\s+(?:each\s+|every\s+|the\s+)?(?:exercises?|sets?|rounds?|moves?|movements?|circuits?|"
    r"stations?|drills?|laps?|each(?!\s+[a-z])|them)\b(?!\s+of\b)",
    re.I,
)


# One atom = one quantity with a role.  "flex" roles are resolved at merge time.
@dataclass
class Atom:
    start: int
    end: int
    sets: Range | None = None
    reps: Range | None = None
    seconds: Range | None = None
    flex: str | None = None  # "reps" (reps unless taken) | "sets" (sets unless a bare hold) | "more" (sets unless a hold)
    flex_val: Range | None = None
    stage: str = "main"
    hold: bool = False
    # The count is of times ("4 times", "4x", "twice"): repeats of whatever the sentence doses, which
    # dose_inheritance reads as passes when what is repeated is a timed bout.
    times: bool = False


_T_SINGLE = rf"{NUM}{TU}"
# The "x" that joins a name to its time with no space ("Plank x30s", "Side plank x20-30sec").
_X_GLUED = r"(?<=(?<![A-Za-z])[x\u00d7])"
_TIME_RE = compile_gated(
    rf"(?:{LB}|{_X_GLUED})(?:{_T_SINGLE}{SEP}{_T_SINGLE}|{_T_SINGLE}\s+to\s+a\s+(?:full\s+)?minute\b(?!\s+and\s+a\s+half)|{RANGE}{TU})"
    # "build up to 20, 40 and 60 seconds": the steps of a list span one range, first to last
    rf"|{LB}{NUM}(?:\s*,\s*{NUM})+,?\s+(?:and|or)\s+{NUM}{TU}"
    r"|\bhalf\s+(?:a|an)\s+minute\b|\b(?:a|one)\s+(?:full\s+)?minute(?:\s+and\s+a\s+half)?\b",
    re.I,
)
# The count after "x" may be a progression, one number a week or a set ("3 x 12/16/20"): the reps span it.
_STEPS = r"(?P<steps>(?:/\d{1,3}){1,5})?"
_NXM_RE = compile_gated(
    rf"{LB}(?P<a>{RANGE})\s*[x×]\s*(?P<b>{RANGE}){_STEPS}(?!\d|/\d)"
    rf"(?:(?P<tu>{TU})|\s*(?P<ru>{REPU})|\s+(?P<su>{SETU}))?",
    re.I,
)
_SETS_OF_RE = compile_gated(
    # The count may be hyphenated to its word ("3-sets of 10-reps", as with "10-reps"), as in _SETS_RE.
    # (?!\d): "2 sets of 14 moves" must not backtrack to a count of "1" to escape the things check
    # "1 x set of 20": an "x" before the unit counts the sets too
    rf"{LB}(?P<a>{RANGE})(?:\s*[x×]\s*|\s+|-)(?:total\s+)?{SETU}\s+(?:of|for|x|×|at|with)\s+(?P<b>{RANGE}){_STEPS}(?!\d)"
    rf"(?:(?P<tu>{TU})|\s*(?P<ru>{REPU}))?"
    r"(?!\s+(?:exercises?|moves?|movements?|different|of|minutes?)\b)",
    re.I,
)
# "a set of 10", "repeat for sets of 12": the count of a set with no number of sets (one set for "a set").
_BARE_SETS_OF_RE = compile_gated(
    rf"(?:\b(?P<one>a|one|single)\s+set|(?<![\d#]\s)\bsets)\s+of\s+(?P<b>{RANGE})(?!\d)"
    rf"(?:(?P<tu>{TU})|\s*(?P<ru>{REPU}))?"
    # "a set of 2 dumbbells", "sets of 3 exercises": things, not a count of reps
    r"(?!\s+(?!(?:reps?|repetitions?|each|per|on|for|and|then|with|to|at|times)\b)[a-z-]+s\b)",
    re.I,
)
_SET_WORDS = ("set",)
# Words that describe the reps of a count ("6 slow reps") and things counted like reps ("15 steps each way").
_REP_ADJ = r"(?:slow|controlled|quality|good|clean|strict|full|easy|explosive|fast|quick|perfect|smooth|solid|total|partial)"
_COUNT_NOUN = r"(?:steps?|hops?|jumps?|bounds?|pulses?|taps?|touches|swings?|kicks?|circles?|lifts?|raises?|bounces?|contacts?)"
# Any plural noun but a unit counts what is done on each side (units have atoms of their own).
_COUNTED_PER_SIDE = (rf"(?:{_COUNT_NOUN}|(?!(?:sets|rounds|circuits|laps|times|seconds|minutes|mins|secs|hours|hrs|"
                     r"days|weeks)\b)[a-z]{3,}s)")
_REPS_RE = compile_gated(
    # "8 to 10 cycles" of a back-and-forth movement: one cycle is one rep
    rf"{LB}(?P<n>{RANGE})\s*-?\s*(?:{_REP_ADJ}\s+)?(?:{REPU}|cycles?\b)"
    rf"|(?:(?<!\w)[x×]\s*|{LB})(?P<m>{RANGE})(?=\s*(?:/\s*(?:side|leg|arm|s)\b|e/s\b))"
    # "15 steps each way", "10 slides on each leg", "all 20 marbles with each foot": whatever is counted, per side
    rf"|(?:(?<!\w)[x×]\s*|{LB})(?P<k>{RANGE})(?=\s+(?:{_COUNTED_PER_SIDE}\s+)?(?:on\s+|in\s+|to\s+|with\s+)?{EACH}\s+(?:side|leg|arm|foot|way|direction)\b"
    r"|\s+each\s*(?:[.;,)]|$))"
    # "10 forwards and 10 backwards", "8 steps clockwise, 8 anticlockwise": the one count each way
    rf"|{LB}(?P<w>{RANGE})(?=\s+(?:{_COUNT_NOUN}\s+)?{MIRRORED_WAYS})"
    # "do 8 on the left leg and then the same with the right": the count of each side
    rf"|(?<=\bdo\s)(?P<v>{RANGE})(?=\s+{SIDE_THEN_OTHER})"
    # "walk 10 steps heel to toe", "take 12 small steps": the steps are the reps of a walking drill
    rf"|(?:(?<=\bwalk\s)|(?<=\btake\s))(?P<p>{RANGE})(?=\s+(?:[a-z]+\s+)?steps\b)"
    # "do 10 of each movement": a count of every movement named
    rf"|(?<=\bdo\s)(?P<j>{RANGE})(?=\s+of\s+each\s+(?!(?:exercise|move|set|round|circuit)s?\b)[a-z])"
    # "Pull-ups (7-9/set)", "Lunges 12/round": what one set holds is its reps. Said in words ("no more than
    # five per set", "35 extra reps per round") it is as often a cap or a score as what to do.
    rf"|{LB}(?P<q>{RANGE})(?=\s*/\s*(?:set|round)\b)",
    re.I,
)
# "3 sets", "3 total sets", and hyphenated into one word ("3-sets, 3-times per week")
_SETS_RE = compile_gated(rf"{LB}(?P<n>{RANGE})(?:\s*[x×]\s*|\s+|-)(?:total\s+)?{SETU}", re.I)
# Holds counted as such are the repetitions of the hold: "six holds of 40 seconds", "four 30-second
# holds", and "4 x 30-second holds" (plural: four holds, where "3 x 30-second hold" is sets of one).
_HOLD_WORDS = r"(?:(?:isometric|static)\s+)?holds\b"
_HOLDS_RE = compile_gated(rf"{LB}(?P<n>{RANGE})\s+(?:(?P<t>{RANGE}{TU})\s*-?\s*)?{_HOLD_WORDS}", re.I)
_PLURAL_HOLDS_RE = re.compile(rf"\s*-?\s*{_HOLD_WORDS}", re.I)
_HOLDS_WORDS = ("holds",)
# "Every minute on the minute for 10 minutes", "EMOM x 12", "10-minute EMOM": one set starts each
# minute, so the minutes count sets (the time is not a bout of the exercise).
_EMOM_MIN = rf"(?P<n>{RANGE})\s*-?\s*min(?:ute)?s?\.?"
EMOM_RE = compile_gated(
    r"\bevery\s+minute\s+on\s+the\s+minute\s*(?:\(\s*emom\s*\)\s*)?(?:,\s*)?(?:for\s+)?" + _EMOM_MIN.replace("?P<n>", "?P<a>")
    + r"|\bemom\s*(?:[,:(–—-]\s*|for\s+|[x×]\s*)?" + _EMOM_MIN.replace("?P<n>", "?P<b>")
    + rf"|\bemom\s*[x×]\s*(?P<c>{RANGE})\b"
    + rf"|{LB}" + _EMOM_MIN + r"\s+emom\b",
    re.I,
)
_EMOM_WORDS = ("emom", "on the minute")
# Exercise sheets print the dose as labelled fields ("Sets: 2  Reps: 12  Hold: 5"): the label names the
# role of the number after it, and a hold with no unit is in seconds.
_FIELD_RE = compile_gated(
    r"\b(?:(?P<s>sets|rounds)|(?P<r>reps|repetitions?)|(?P<h>hold(?:\s+time)?))\s*[:=]\s*"
    # "Reps: 2 x 8", "Reps: 2 sets of 10" are written out in full: read by the rules for those (a unit
    # word that is the next field's label, "Sets: 3 Reps: 10", is no unit of this number)
    # (a dash after the number: the range did not end there, "Sets: 2-3 sets" must not read as "Sets: 2")
    rf"(?P<n>{RANGE})(?P<tu>{TU})?(?![\w/\-\u2013]|\s*[x×*]|\s+(?:{SETU}|{REPU})(?!\s*[:=]))",
    re.I,
)
_FIELD_WORDS = (":", "=")
# "4 rounds: 10 reps" is a count and its unit before the colon, no label; "Sets: 3 Reps: 10" has the
# number before "Reps" as the value of the label before it.
_COUNT_BEFORE_RE = re.compile(r"\d\s?$")
_LABEL_VALUE_BEFORE_RE = re.compile(r"[:=]\s*\d+(?:\s*[-–]\s*\d+)?\s?$")
# A hold timed by counting: "hold for a count of 10", "stay there for 5 counts".  A count is a
# second (the tempo masks take counts that pace a movement: "lower for a count of 3").
_HOLD_COUNT_RE = compile_gated(
    r"\b(?:hold|holds|holding|held|stay|staying|remain|remaining)\b(?:\s+(?!(?:for|then|and|rest|repeat)\b)[\w'’-]+){0,4}?"
    rf"\s+(?:for\s+)?(?:(?:a|the)\s+)?(?:(?:slow|steady)\s+)?(?P<c>count\s+of\s+(?P<n>{RANGE})|(?P<m>{RANGE})\s*-?\s*counts?\b)",
    re.I,
)
_HOLD_COUNT_WORDS = ("count",)
# Counted actions that are reps: "10 slow breaths", "40 ground contacts".  A breath count after a
# hold ("hold for 5 breaths") times the hold instead, and gives no number of its own.
_COUNTED_RE = compile_gated(
    rf"{LB}(?P<n>{RANGE})\s+(?:(?:slow|deep|full|long|big|calm|controlled|easy)\s+)?(?P<breath>breaths?)\b"
    rf"|{LB}(?P<m>{RANGE})\s+(?:(?:ground|foot)\s+)?contacts\b",
    re.I,
)
# Breaths are the reps of a drill only when repeated or done ("repeat for 10 breaths"), not when
# taken to settle ("take 3 deep breaths before you begin").
_BREATH_VERB_RE = re.compile(r"\b(?:repeat|do|perform|complete|continue|for)\s+(?:for\s+|another\s+)?$", re.I)
_HOLD_CLAUSE_RE = re.compile(r"\b(?:hold|holding|held|stay|staying|remain|pause|pausing)\b[^,;.:]*$", re.I)
# "Start with 40 contacts and build to 80": a bare number after a target verb counts what the
# sentence counted before it.
_BARE_TARGET_RE = compile_gated(
    r"\b(?:build(?:ing)?|work(?:ing)?|increas(?:e|ing)|progress(?:ing)?)\s+(?:up\s+)?to\s+"
    rf"(?P<n>{RANGE})(?![\w%/#]|\s*[x×%#])",
    re.I,
)
_TIMES_RE = compile_gated(
    rf"{LB}(?P<n>{RANGE})\s+(?P<more>more\s+)?times\b(?P<more2>\s+more\b)?"
    # "repeat once or twice": the word counts joined by "or" are one range, not two counts
    r"|\b(?P<wr>(?:once|twice)\s+or\s+(?:twice|thrice|three\s+times))\b"
    # "once it feels easy" is a conjunction, not a count.
    r"|\b(?P<w>once(?!\s+(?:it|this|that|these|you|they|the|your|we|a|an|he|she|i|done|finished|comfortable)\b)|twice|thrice)\b"
    r"(?P<more3>\s+more\b)?",
    re.I,
)
# The count after a time's "x" ("Hold 30 seconds x 3"): how many bouts; a unit after it counts something else
# ("30 s x 3 sets").
_TIME_X_RE = re.compile(rf"\s*[x×]\s*(?P<n>{RANGE})(?![\w/%])(?!\s*(?:sets?|rounds?|reps?|repetitions|times|circuits?|laps?)\b)", re.I)
# A masked quantity right after "N x" (a distance or load: "## #" for "20 m").
_MASKED_RUN_RE = re.compile(r"[ \t]*#[#\s]*(?<=#)")
_NX_RE = compile_gated(rf"{LB}(?P<n>{RANGE})\s?[x×](?![\w/])", re.I)
# ... also in brackets after the name: "Reverse lunges (x20-40)"
_XN_RE = re.compile(
    rf"(?P<pre>[A-Za-z)\]]+)\s*(?:\(\s*)?(?<![\w])[x×]\s*(?P<n>{RANGE})(?![\w/])(?!\s*[x×])", re.I
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
_VERB_BARE_RE = compile_gated(
    r"\b(?:do|perform|complete|try|finish\s+with|follow(?:ed)?\s+(?:up\s+)?(?:it\s+|this\s+)?(?:with|by)|then)\s+"
    r"(?:about\s+|around\s+|approximately\s+|roughly\s+|another\s+|up\s+to\s+|at\s+least\s+)?"
    rf"(?P<n>{RANGE})\s+(?:(?!{_BARE_STOP}\b)[a-z][a-z-]*\s+){{0,2}}(?P<noun>(?!(?:{_BARE_NOUN_ALT})\b)[a-z][a-z-]*s)\b",
    re.I,
)
_LIST_LEAD_RE = re.compile(rf"^[\s#•◦▪▫●○■□‣⁃∙·*–—-]*(?P<n>\d{{1,3}}(?:{SEP}\d{{1,3}})?)(?=\s+[A-Za-z(])")
PER_SIDE_SUFFIX = (
    r"(?:\s*/\s*(?:side|leg|arm|s)\b|\s*e/s\b"
    rf"|\s+(?:on\s+|in\s+|to\s+)?(?:{EACH}|a)\s+(?:side|leg|arm|foot|way|direction)s?\b)"
)
PER_SIDE_SUFFIX_RE = re.compile(PER_SIDE_SUFFIX, re.I)
# "Plie squat/10", "Crunch/10-12": a list's compact "name/count" is a trailing count too.
_LIST_TRAIL_RE = re.compile(
    rf"(?:(?<![\w.,/#½¼¾-])|(?<=[A-Za-z]/))(?P<n>\d{{1,3}}(?:{SEP}\d{{1,3}})?)(?={PER_SIDE_SUFFIX}?\s*(?:\([^)]*\)\s*)*[.:;,]?\s*$)",
    re.I,
)

# Object phrases that make "do/perform ... N times" repeat the whole thing.
_SETS_CONTEXT_RE = re.compile(
    # the gerund as subject too: "Completing the whole routine twice is plenty"
    r"\b(?:do(?:ing)?|perform(?:ing)?|complet(?:e|ing)|go(?:ing)?\s+through|run(?:ning)?\s+through|repeat(?:ing)?)\s+"
    r"(?P<obj>this|it|that|these|them|all|"
    # "do entire circuit 3x": the article is often dropped before "whole/entire"
    r"(?:(?:the|this|that)\s+(?:whole\s+|entire\s+|full\s+|following\s+|above\s+)?|(?:whole|entire|full)\s+)"
    r"(?:thing|circuit|routine|sequence|series|workout|set|block|complex|superset|combo|combination|programme|program)|"
    # "repeat circuit three times": terse handouts drop the article before the name of the whole
    r"(?:circuit|routine|sequence|workout|superset|programme|program)|"
    # "complete each drill 3x": passes through every drill of the list
    r"(?P<each>each\s+(?:drill|exercise|move|movement)))"
    r"(?:\s+(?:circuit|routine|sequence|series|workout|combo))?\s+(?:about\s+|for\s+|a\s+total\s+of\s+)?$",
    re.I,
)
# "Run through all six moves, rest, and repeat 3 times": once the sentence has passed through the whole
# list, a bare "repeat N times" later in it repeats that pass (rounds), not the last movement.
_WHOLE_PASS_THEN_REPEAT_RE = re.compile(
    r"\b(?:do|perform|complete|(?:go|run|work|cycle)\s+through)\s+(?:all|every|each\s+of)\s+"
    r"(?:(?:the|these|of\s+the|of\s+these)\s+)?(?:[\w-]+\s+)?(?:exercises|moves|movements|drills)\b"
    r"[^.;!?]*\brepeat\s+(?:for\s+)?$",
    re.I,
)
# The names of the whole in _SETS_CONTEXT_RE's objects ("the whole routine", "circuit").
_WHOLE_NAMES = frozenset(("thing", "circuit", "routine", "sequence", "series", "workout", "block", "complex", "superset",
                          "combo", "combination", "programme", "program"))
# The objects of "do ... N times" that may name the one move described ("do this", "perform it").
_ONE_THING = frozenset(("this", "it", "that"))
# From this count up, "do this N times" counts the movement, not passes through the whole.
MAX_PASSES = 6
_THROUGH_RE = re.compile(r"\s+through\b", re.I)
# The same said in the passive: "the circuit can be completed 2 to 3 times" (passes through the whole).
# A list's moves or the whole named may take "is"/"are" or nothing ("(3 exercises plus rest repeated four
# times)"); "it" and "this" only a modal, as "Hold 10 seconds; this is repeated 5 times" counts the holds.
_PASSIVE_SETS_RE = re.compile(
    r"\b(?:(?:it|this)\s+(?:can|should|could|may|must|is\s+to)\s+be|"
    r"(?:circuit|routine|workout|sequence|series|exercises|moves|movements|drills)(?:\s+plus\s+rest)?"
    r"(?:\s+(?:can|should|could|may|must|is\s+to|are\s+to)\s+be|\s+is|\s+are)?)\s+"
    r"(?:completed|done|repeated|performed)\s+$", re.I)

_XN_SETS_WORDS = {"circuit", "circuits", "round", "rounds", "superset", "supersets", "set",
                  "sets", "routine", "workout", "block"}
_TIMES_VERB_RE = re.compile(
    r"\b(?:do|repeat|perform|complete|go|run|through|it|this|that|them|reps?|repetitions?|sets?|seconds?|minutes?|side|leg|arm"
    r"|repeated|done|performed|completed)\s+$",
    re.I)


# Gates of _core_atoms' patterns (speed), each implied by every match of the patterns it guards:
# SETU in _SETS_OF_RE and _SETS_RE;
_SETU_WORDS = ("set", "round", "circuit", "lap")
# a TU_WORD or "minute" in _TIME_RE, or the seconds symbol of TU: "s" right after a number's last
# character (a digit or a fraction sign; a space after a number word, whose \b forbids a letter) ...
_TU_WORDS = ("sec", "min", "hour", "hr")
# ... looked for in the masked text itself, as the \b after the "s" may be a masked letter's "#"
_SECONDS_SYMBOL_RE = re.compile(r"[ \t\d½¼¾]s\b", re.I)
# in _REPS_RE: REPU or "cycle", "/" (per side), each/per/either (per side), MIRRORED_WAYS's first
# direction, SIDE_THEN_OTHER's side, "steps" (walking drills), "of each";
_REPS_WORDS = ("rep", "cycle", "/", "each", "per", "either", "forward", "clockwise", "left", "inward",
               "right", "steps")
_COUNTED_WORDS = ("breath", "contacts")
_TIMES_WORDS = ("times", "once", "twice", "thrice")
# the "x" of "2 x 8", "2x8", "10x": a number's last character or a space before it (_NXM_RE, _NX_RE:
# a number word's \b rules out a letter);
# "12 x 3", "8-12 x 3": a dozen sets of three is no routine a page prescribes; written reps first, it is three
# sets of 12.
# "4 x 3" (four sets of three jumps) and "5 x 5" keep the usual sets-first reading.
_REPS_FIRST_MIN = 8
_SETS_AFTER_MAX = 5


def _reps_first(a: Range, b: Range) -> bool:
    """Whether "A x B" without units is written reps first: A many, B a handful."""
    return a[0] >= _REPS_FIRST_MIN and b[1] <= _SETS_AFTER_MAX


_X_AFTER_NUMBER_RE = re.compile(r"[\s\d½¼¾][x×]", re.I)
# the "x" of "x10", "(x 20-40)" (_XN_RE): a space, a digit, a fraction sign or "between" after it.
_X_BEFORE_NUMBER_RE = re.compile(r"[x×][\s\d½¼¾b]", re.I)

_ONE_MINUTE_RE = re.compile(r"(?:a|one)\s+(?:full\s+)?minute")


# Every match of the three rest patterns holds one of these words: rest, recover, pause, wait (lead);
# rest, recover, break, pause, wait, off (trail); take (take a break).
_REST_WORDS = ("rest", "recover", "paus", "wait", "break", "off", "take")


def _rest_spans(s: str, has: Callable[[tuple[str, ...]], bool]) -> list[tuple[int, int]]:
    # Gated (speed): nine sentences in ten with a number have no rest word, and the lead
    # pattern tries its negative lookbehinds at every word.
    if not has(_REST_WORDS):
        return []
    spans = [(m.start(), m.end()) for m in _REST_LEAD_RE.finditer(s)]
    spans += [(m.start(), m.end()) for m in _REST_TRAIL_RE.finditer(s)]
    spans += [(m.start(), m.end()) for m in _TAKE_BREAK_RE.finditer(s)]
    return spans


def _find_atoms(sentence: str, list_item: bool) -> list[Atom]:
    core = _core_atoms(sentence)
    if core is None:
        return []
    found, masked, sentence = core
    atoms = list(found)
    # A bare number on a line whose sets and reps are already written out ("Step-ups 3x10 6-7") is another
    # column of a programme table (effort, tempo, load), not a second count of reps.
    if list_item and not any(a.sets is not None and a.reps is not None for a in atoms):
        work = list(masked)
        # "Band walks 2 10-12x", "Wall sit 4 40 seconds": a table's Sets column flattened with single
        # spaces; a bare small number right before the row's count of reps or time is its sets.
        m = _SETS_COLUMN_RE.search(masked) if atoms else None
        nxt = next((a for a in atoms if m is not None and a.start == m.end()), None)
        if (m is not None and nxt is not None and nxt.sets is None and (nxt.reps or nxt.seconds)
                and not _LABEL_BEFORE_RE.search(sentence[:m.start("n")])):
            r = int_range(m.group("n"))
            if r is not None and 0 < r[1] <= _MAX_COLUMN_SETS:
                atoms.append(Atom(m.start("n"), m.end("n"), sets=r))
                mask(work, m.start("n"), m.end("n"))
        for rx in (_LIST_LEAD_RE, _LIST_TRAIL_RE):
            m = rx.search("".join(work))
            # "Circuit 2", "Superset 3": the number is a label.
            if m and not _LABEL_BEFORE_RE.search(sentence[:m.start("n")]):
                r = int_range(m.group("n"))
                if r is not None and r[1] <= 500:
                    a = Atom(m.start("n"), m.end("n"), reps=r)
                    atoms.append(a)
                    mask(work, a.start, a.end)
    atoms.sort(key=lambda a: a.start)
    return atoms


def _spanned(first: tuple[int, int] | None, steps: str | None) -> tuple[int, int] | None:
    """A count with the steps of its progression after it ("12" and "/16/20"): the range they span."""
    if first is None or not steps:
        return first
    nums = [*first, *(int(n) for n in steps[1:].split("/"))]
    return min(nums), max(nums)


def _timed_steps(first: str, steps: str | None, unit: str) -> tuple[int, int] | None:
    """A time with the steps of its progression before its unit ("20/30/40 seconds"): the range they span."""
    secs = time_range(first + unit)
    if secs is None or not steps:
        return secs
    later = [time_range(n + unit) for n in steps[1:].split("/")]
    if None in later:
        return secs
    return min(secs[0], *(t[0] for t in later)), max(secs[1], *(t[1] for t in later))


@lru_cache(maxsize=CACHE_SIZE)
def _core_atoms(sentence: str) -> tuple[tuple[Atom, ...], str, str] | None:
    """The atoms every sentence gets, in the order found, with the text left once they are masked
    and the sentence as read (lost spaces restored); None when the sentence has no number.

    The list-item atoms (a bare leading or trailing number) are looked for last, in
    what is left: a line read both as prose and as a list item shares this work.
    The atoms are shared by the cached results: never modified (callers copy them).
    """
    if not has_number_hint(sentence):
        return None
    # Lost non-breaking spaces often arrive as "?" ("10?repetitions").
    sentence = _LOST_SPACE_RE.sub(" ", sentence)
    work = list(masked(sentence))
    # Most patterns below run only on a sentence that holds a word every match of theirs
    # holds (speed: the sentence is folded once for all of them).  Masking only turns
    # characters into "#", so a word in a match on the masked text is in the sentence too.
    low = ascii_fold(sentence)

    def has(words: tuple[str, ...]) -> bool:
        return low is None or any(map(low.__contains__, words))

    rest = _rest_spans(sentence, has)
    atoms: list[Atom] = []

    def w() -> str:
        return "".join(work)

    def scan(rx: re.Pattern[str], gate: bool = True, text: str | None = None) -> list[re.Match[str]]:
        """rx's matches in the masked text as it is now, none when the gate rules the pattern out."""
        return list(rx.finditer(w() if text is None else text)) if gate else []

    def take(a: Atom) -> None:
        atoms.append(a)
        mask(work, a.start, a.end)

    if has(_EMOM_WORDS):
        for m in list(EMOM_RE.finditer(w())):
            r = int_range(m.group("a") or m.group("b") or m.group("c") or m.group("n"))
            if r is not None:
                take(Atom(m.start(), m.end(), sets=r))
    if has(_FIELD_WORDS):
        for m in list(_FIELD_RE.finditer(w())):
            before = sentence[max(0, m.start() - 12):m.start()]
            if _COUNT_BEFORE_RE.search(before) and not _LABEL_VALUE_BEFORE_RE.search(before):
                continue
            if m.group("h"):
                r = time_range(m.group("n") + m.group("tu")) if m.group("tu") else int_range(m.group("n"))
                if r is not None:
                    take(Atom(m.start(), m.end(), seconds=r, hold=True))
                continue
            r = int_range(m.group("n"))
            if r is not None and not m.group("tu"):  # "Sets: 30 seconds" times a bout; the time rule reads it
                take(Atom(m.start(), m.end(), sets=r) if m.group("s") else Atom(m.start(), m.end(), reps=r))
    if has(_HOLD_COUNT_WORDS):
        for m in list(_HOLD_COUNT_RE.finditer(sentence)):
            r = int_range(m.group("n") or m.group("m"))
            if r is not None:
                take(Atom(m.start("c"), m.end("c"), seconds=r, hold=True))
    # 2 x 8, 2x8 reps, 1x 30sec
    x_after_number = _X_AFTER_NUMBER_RE.search(sentence) is not None
    for m in scan(_NXM_RE, x_after_number):
        a, b = int_range(m.group("a")), m.group("b")
        if a is None:
            continue
        if m.group("tu"):
            # "3 x 30s": three timed bouts, i.e. sets (a circuit's rounds may turn them into reps later)
            secs = _timed_steps(b, m.group("steps"), m.group("tu"))
            if _PLURAL_HOLDS_RE.match(sentence, m.end()):
                take(Atom(m.start(), m.end(), reps=a, seconds=secs, hold=True))
            else:
                take(Atom(m.start(), m.end(), sets=a, seconds=secs))
        else:
            bi = _spanned(int_range(b), m.group("steps"))
            if bi is None:
                continue
            if m.group("su") or not m.group("ru") and _reps_first(a, bi):
                take(Atom(m.start(), m.end(), reps=a, sets=bi))
            else:
                take(Atom(m.start(), m.end(), sets=a, reps=bi))
    # 4 sets of 6, 3 rounds for 12 reps, 2 sets of 45 seconds
    def sets_of(m: re.Match[str], sets: tuple[int, int] | None) -> None:
        """The "of N" half: seconds when a unit follows, else reps."""
        if m.group("tu"):
            # "3 sets with 2 minutes' rest": the time is the rest between the sets, not a bout
            secs = None if _in_rest(sentence, m.start("b"), rest) else _timed_steps(m.group("b"), m.groupdict().get("steps"), m.group("tu"))
            take(Atom(m.start(), m.end(), sets=sets, seconds=secs))
        else:
            b = _spanned(int_range(m.group("b")), m.groupdict().get("steps"))
            if b is not None:
                take(Atom(m.start(), m.end(), sets=sets, reps=b))

    has_set_unit = has(_SETU_WORDS)
    for m in scan(_SETS_OF_RE, has_set_unit):
        a = int_range(m.group("a"))
        if a is not None:
            sets_of(m, a)
    for m in scan(_BARE_SETS_OF_RE, has(_SET_WORDS)):
        sets_of(m, (1, 1) if m.group("one") else None)
    if has(_HOLDS_WORDS):
        for m in list(_HOLDS_RE.finditer(w())):
            n = int_range(m.group("n"))
            secs = time_range(m.group("t")) if m.group("t") else None
            if n is not None and (secs is not None or not m.group("t")):
                take(Atom(m.start(), m.end(), reps=n, seconds=secs, hold=secs is not None))
    # times
    text = w()
    timed = has(_TU_WORDS) or _SECONDS_SYMBOL_RE.search(text) is not None
    for m in scan(_TIME_RE, timed, text):
        txt = m.group(0).lower()
        if txt.startswith("half"):
            secs: Range | None = (30, 30)
        elif _ONE_MINUTE_RE.match(txt) and not NUM_RE.match(txt):
            secs = (90, 90) if "half" in txt else (60, 60)
        else:
            secs = time_range(m.group(0))
        if secs is None:
            continue
        if _in_rest(sentence, m.start(), rest) or _GAP_AFTER_RE.match(sentence, m.end()):
            mask(work, m.start(), m.end())
            continue
        take(Atom(m.start(), m.end(), seconds=secs))
        repeats = _TIME_X_RE.match(sentence, m.end())
        if repeats is not None and (r := int_range(repeats.group("n"))) is not None:
            # "Hold 30 seconds x 3", "20 sec x 4": the bout done N times, i.e. sets, as "3 x 30 sec" is
            take(Atom(repeats.start(), repeats.end(), sets=r))
    for m in scan(_REPS_RE, has(_REPS_WORDS)):
        r = int_range(m.group("n") or m.group("m") or m.group("k") or m.group("j") or m.group("w") or m.group("p") or m.group("v")
                      or m.group("q"))
        if r is not None:
            take(Atom(m.start(), m.end(), reps=r))
    for m in scan(_SETS_RE, has_set_unit):
        r = int_range(m.group("n"))
        if r is not None:
            take(Atom(m.start(), m.end(), sets=r))
    for m in scan(_COUNTED_RE, has(_COUNTED_WORDS)):
        r = int_range(m.group("n") or m.group("m"))
        if m.group("breath") and (_HOLD_CLAUSE_RE.search(sentence, 0, m.start())
                                  or not _BREATH_VERB_RE.search(sentence, 0, m.start())):
            mask(work, m.start(), m.end())
        elif r is not None:
            take(Atom(m.start(), m.end(), reps=r))
    for m in scan(_TIMES_RE, has(_TIMES_WORDS)):
        before = sentence[:m.start()]
        if m.group("wr"):
            if not _TIMES_VERB_RE.search(before):
                continue
            ends = m.group("wr").lower().split()
            r = (WORD_VALUES[ends[0]], WORD_VALUES.get(ends[2], 3))
            more = False
        elif m.group("w"):
            val = WORD_VALUES[m.group("w").lower()]
            r: Range | None = (val, val)
            more = bool(m.group("more3"))
            # "once"/"twice" are also conjunctions and frequency words; count
            # them only after a verb ("do it twice", "repeat twice") or before "through" ("the
            # circuit twice through"), which only passes through the work can be.
            if not more and not _TIMES_VERB_RE.search(before) and not _THROUGH_RE.match(sentence, m.end()):
                continue
        else:
            r = int_range(m.group("n"))
            more = bool(m.group("more") or m.group("more2"))
        if r is None:
            continue
        through = _THROUGH_RE.match(sentence, m.end())
        if more:
            # passes, but "Hold 30 seconds, then repeat twice more" counts holds (settled in dosage.py;
            # unlike "repeat 3 times", a moving bout's time before it does not make it reps)
            take(Atom(m.start(), m.end(), flex="more", flex_val=(r[0] + 1, r[1] + 1)))
        elif through:
            # "30 seconds a side, three times through": passes through the work, i.e. sets
            take(Atom(m.start(), through.end(), sets=r))
        elif _PASSIVE_SETS_RE.search(before) or (r[0] < MAX_PASSES and _WHOLE_PASS_THEN_REPEAT_RE.search(before)):
            take(Atom(m.start(), m.end(), sets=r))
        # "Lift 12 times per leg, 3 sets": a count per side, or one followed by its
        # own sets, counts the movement, not passes through the whole.
        # "Do this 9 to 14 times": nobody passes through a whole six or more times, so a
        # count that large is the movement's reps.
        elif _SETS_CONTEXT_RE.search(before) and not PER_SIDE_SUFFIX_RE.match(sentence, m.end()) and not any(
                a.sets is not None and a.start >= m.end() for a in atoms) and r[0] < MAX_PASSES:
            obj = _SETS_CONTEXT_RE.search(before)
            # "do this 5 times, holding for 10 seconds" repeats a hold, as "repeat this" does: only a repeat,
            # or a pronoun for one thing, is left to the hold to settle; a repeat of the whole by its name
            # ("40 seconds on, 20 seconds off; repeat circuit 4 times") passes through it again
            whole = obj.group("obj").lower().split()[-1] in _WHOLE_NAMES  # type: ignore[union-attr]
            strict = whole or (not obj.group(0).lower().lstrip().startswith("repeat") and not obj.group("each")  # type: ignore[union-attr]
                               and obj.group("obj").lower() not in _ONE_THING)  # type: ignore[union-attr]
            if strict:
                take(Atom(m.start(), m.end(), sets=r))
            else:
                take(Atom(m.start(), m.end(), flex="sets", flex_val=r, times=True))
        else:
            take(Atom(m.start(), m.end(), flex="reps", flex_val=r, times=True))
    for m in scan(_NX_RE, x_after_number):
        r = int_range(m.group("n"))
        if r is None:
            continue
        masked_after = _MASKED_RUN_RE.match(w(), m.end())
        if masked_after:
            # "4 x 20 m", "6 x 400m": bouts of a distance (masked), i.e. sets without reps
            take(Atom(m.start(), masked_after.end(), sets=r))
        elif _SETS_CONTEXT_RE.search(sentence[:m.start()]) or _THROUGH_RE.match(sentence, m.end()):
            # "3x through", like "3 times through": passes through the whole
            take(Atom(m.start(), m.end(), sets=r))
        else:
            # "10x forward and 10x sideways" are two bouts, not reps x sets. A glued "4x" counts times;
            # "Press-ups: 10 x in 30 seconds", the x apart, counts the reps done in the time.
            take(Atom(m.start(), m.end(), reps=r, times=m.end("n") + 1 == m.end()))
    for m in scan(_XN_RE, _X_BEFORE_NUMBER_RE.search(sentence) is not None):
        r = int_range(m.group("n"))
        if r is None or "#" in m.group("pre"):
            continue
        s0 = m.start("n") - 1
        while s0 > 0 and sentence[s0] not in "xX×":
            s0 -= 1
        if m.group("pre").lower() in _XN_SETS_WORDS:
            take(Atom(s0, m.end(), sets=r))
        else:
            take(Atom(s0, m.end(), flex="reps", flex_val=r))
    for m in list(_VERB_BARE_RE.finditer(w())):
        if m.group("noun").lower() in _BARE_NOUN_EXCLUDE:
            continue
        r = int_range(m.group("n"))
        if r is not None and "#" not in m.group(0):
            take(Atom(m.start("n"), m.end("noun"), reps=r))
    if atoms:
        for m in list(_BARE_TARGET_RE.finditer(w())):
            a = _bare_target(atoms, m)
            if a is not None:
                take(a)
    return tuple(atoms), w(), sentence


def _bare_target(atoms: list[Atom], m: re.Match[str]) -> Atom | None:
    """The bare number of "build to 80" counted as the sentence's last count before it (reps or seconds)."""
    before = [a for a in atoms if a.end <= m.start("n")]
    r = int_range(m.group("n"))
    if not before or r is None:
        return None
    prev = max(before, key=lambda a: a.end)
    if prev.reps is not None and prev.sets is None and prev.seconds is None:
        return Atom(m.start("n"), m.end("n"), reps=r)
    if prev.seconds is not None and prev.sets is None and prev.reps is None and r[1] > prev.seconds[1]:
        # "hold 20 seconds, build to 45": the unit is the one of the count before (seconds here)
        return Atom(m.start("n"), m.end("n"), seconds=r)
    return None


_SETS_COLUMN_RE = re.compile(r"(?<![\w.,/#-])(?P<n>\d{1,2})[ \t]+(?=#)")
_MAX_COLUMN_SETS = 10
_LOST_SPACE_RE = re.compile(r"(?<=\d)\?(?=[A-Za-z])")
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:circuit|superset|set|round|part|step|day|week|phase|level|block|workout|exercise|stage|"
    r"option|variation|video|section|no\.?|number|tier|move|pt\.?|"
    # numbered parts of a publication ("Issue 142", "Page 3", "Chapter 2")
    r"page|issue|vol\.?|volume|chapter|episode|edition|lesson|"
    # the photos that show a move ("see photos 2-4", "Fig. 3"): which picture, not how many
    r"(?:figure|fig\.?|picture|pic|photo|image|diagram|illustration)s?)\s*#?\s*$|#\s*$",
    re.I,
)


def _in_rest(sentence: str, pos: int, rest: list[tuple[int, int]]) -> bool:
    # "pause and hold for 5 seconds" is a hold, not a pause.
    for rs, re_ in rest:
        if rs <= pos < re_:
            return not HOLD_RE.search(sentence[rs:pos])
    return False


def copy_atom(a: Atom) -> Atom:
    """copy.copy(a) without the generic copy protocol (__reduce_ex__, ~5x slower): same class, same fields."""
    b = Atom.__new__(Atom)
    b.__dict__.update(a.__dict__)
    return b


@lru_cache(maxsize=CACHE_SIZE)
def cached_atoms(sentence: str, list_item: bool) -> tuple[Atom, ...]:
    return tuple(_find_atoms(sentence, list_item))
