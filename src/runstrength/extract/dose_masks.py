"""Masks: the numbers of a text that are never a dosage.

Frequencies ("2x/week"), percentages, weights, distances, angles, dates, tempo, totals, conditions to
move on, loads and quality remarks said as counts, running sessions and list numbering are blanked
before any dose is read.  Masked characters become ``#``, so offsets stay valid and no dose pattern
can bridge across them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from runstrength.extract.gates import AnyOf, compile_gated
from runstrength.extract.quantities import CACHE_SIZE, LB, MONTH_NAME, NUM_START, RANGE, REPU, SETU, TU, TU_WORD
from runstrength.extract.sentences import alternation

_FREQ_PERIOD = r"(?:week|wk|day|month)"
# "once or twice a week", "twice or three times a week": the word count before "or" is the range's low end
# and part of the frequency, not a count of passes ("do this once")
_FREQ_LOW_WORD = r"(?:\b(?:once|twice|thrice)\s+or\s+)?"
_FREQ_PATTERNS = [
    # 2x/week, 1-2x per week, 4 times a day, 2 - 4 times a day, two to three times a week
    rf"(?:at\s+(?:a\s+)?minimum\s+(?:of\s+)?|at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+(?:of\s+)?)?{_FREQ_LOW_WORD}"
    # clinical handouts abbreviate days: "5-7 d/wk"
    rf"{RANGE}\s*\+?\s*(?:x|times|sessions?|days?|d(?=\s*/)|workouts?)\s*(?:/|\ba\b|\bper\b|\beach\b|\bevery\b|\bin\s+a\b)\s*{_FREQ_PERIOD}s?\b",
    rf"{RANGE}\s*\+?\s*(?:x|times)\s*(?:daily|weekly)\b",
    # "twice-daily", "once-weekly": a handout's hyphenated how often
    rf"(?:at\s+(?:a\s+)?minimum\s+(?:of\s+)?|at\s+least\s+)?{_FREQ_LOW_WORD}\b(?:once|twice|thrice)\s*(?:\ba\b|\bper\b|\beach\b|\bevery\b|/|-|\s)\s*(?:{_FREQ_PERIOD}|daily|weekly)\b",
    r"\bevery\s+(?:other\s+)?day\b",
    r"\bevery\s+\d+\s+days\b",
]
FREQ_MASK_RE = compile_gated("|".join(f"(?:{p})" for p in _FREQ_PATTERNS), re.I)
# Every frequency pattern ends on a period word: week/wk, day, month (_FREQ_PERIOD), daily or
# weekly; a text with none of them has no match (speed pre-filter for masking).
_FREQ_MASK_HINT = AnyOf("week", "wk", "day", "month", "daily")

_MASK_PATTERNS = [
    # percentages: 85-95% of 1RM
    rf"{RANGE}\s*(?:%|percent\b)",
    r"\b\d+\s*-?\s*RM\b",
    # weights; hours, which are recovery gaps or session lengths ("48 hours apart"), never one
    # exercise's bout; a web page's reading time ("7 min read")
    rf"{RANGE}\s*-?\s*(?:lbs?|pounds?|kgs?|kilos?|kilograms?|oz|ounces?|hours?|hrs?|(?:minutes?|mins?)\.?\s+read)\b",
    # distances / sizes, including the inch mark (16-18" box) and "2-4 in step"
    rf"{RANGE}\s*-?\s*(?:inch(?:es)?|in\.|cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?|met(?:er|re)s?|m\b|yards?|yds?|ft|feet|foot|miles?|mi\b|km|k\b|kilomet(?:er|re)s?)",
    rf"{RANGE}\s*[\"“”″]",
    rf"{RANGE}\s+in\s+(?=(?:high\s+|tall\s+|wide\s+)?(?:step|box|bench|platform|block|plyo))",
    # angles
    rf"{RANGE}\s*-?\s*(?:°|º|degrees?\b|deg\b)",
    # the 90/90 position ("a 90-90 sit with a twist"): two joint angles, not a range of reps
    r"\b90\s*[-/–]\s*90\b",
    # clock positions and heart rate
    r"\b\d{1,2}\s*o['’]?\s*clock\b",
    rf"{RANGE}\s*(?:bpm|beats)\b",
    # ratios such as 1:1 sessions, clock and race times (02:15, 3:12:45); written without spaces,
    # unlike a label's colon ("Round 2: 12 reps")
    r"\b\d+(?::\d+)+\b",
    # ordinals (1st, 2nd), years
    r"\b\d+(?:st|nd|rd|th)\b",
    r"\b(?:19|20)\d\d(?:s|'s)?\b",
    # increments: "add 3 more repetitions each set", "add 5 seconds each week"
    rf"\badd(?:ing)?\s+(?:an?\s+)?(?:{RANGE}\s+)?(?:extra|more|additional|another)\s+(?:{REPU}|{SETU}|{TU_WORD})?(?:\s+(?:per|each|a)\s+\w+)?",
    rf"\badd(?:ing)?\s+{RANGE}(?:{TU}|\s+{REPU}|\s+{SETU})(?:\s+(?:per|each|a|every)\s+\w+)?",
    rf"{RANGE}\s+(?:extra|additional)\s+(?:{REPU}|{SETU}|{TU_WORD})",
    # whole-workout durations ("30 minute routine", "First 8-minute Circuit")
    rf"{RANGE}{TU}\s+(?:(?!(?:per|each|for|of|a|an|the|on|in|between|rest|and|or|to|with)\b)[\w-]+\s+){{0,3}}(?:workouts?|routines?|sessions?|circuits?|programs?|programmes?|classes|class|plans?)\b",
    # race results: "a 6-minute PB", "a 90-second PR"
    rf"{RANGE}{TU}\s+(?:PBs?|PRs?|personal\s+(?:bests?|records?))\b",
    # page numbers after dot leaders in a table of contents ("Your exercises ........ 2")
    r"(?:\.\s?){4,}\s*\d{1,4}\b",
    # a cycle, not a count: "swap arms after every 4 reps"
    rf"\bafter\s+every\s+{RANGE}\s+{REPU}",
    # "on all 4s": hands and knees, not four seconds
    r"\ball\s+4['’]?s\b",
    # a one-limb variant, not a count: "1 leg bridges", "2-arm rows", "one-legged squats"
    r"\b(?:1|2|one|two)[\s-]?(?:legg?(?:ed)?|arm(?:ed)?|hand(?:ed)?|foot(?:ed)?)\b(?!\s*(?:each|per)\b)",
    # tempo notation ("3-1-1", "tempo 3-0-1-0"): seconds of each phase of a rep
    r"(?<![\w.-])\d\s*[-–]\s*\d\s*[-–]\s*[\dxX](?:\s*[-–]\s*[\dxX])?(?![\w.-])",
]
# Led by where a match can start (speed: every masked text goes through this scan, and with the
# first-character gate of compile_gated most word starts tried all the branches): every pattern
# starts with a number (NUM_START), RANGE's "between", "add", "after every", "all 4s" or a dot leader.
_MASK_RE = re.compile(r"(?=\.\s?\.|" + NUM_START + r"|between|\b(?:add|after\s+every|all\s))(?:"
                      + "|".join(f"(?:{p})" for p in _MASK_PATTERNS) + ")", re.I)

# Times that pace a rep, last a session or state a condition, not the exercise's dosage.  They
# need a time word or "count", so they run only on texts that have one (speed).
_TEMPO_NUM = r"(?:[1-9]|one|two|three|four|five|six|seven|eight|nine|a)"
# The seconds symbol only after digits ("over 3 s"): "a" + "s" would read "as" as a second.
_TEMPO_UNIT = r"(?:\s*-?\s*(?:seconds?|secs?\.?|counts?)|(?<=\d)[ \t]?s\b)"
_PHASE_VERB = (r"(?:lower(?:ing)?|descend(?:ing)?|rise|rising|rais(?:e|ing)|lift(?:ing)?|com(?:e|ing)\s+(?:up|down|back)"
               r"|return(?:ing)?|sink(?:ing)?|drop(?:ping)?|stand(?:ing)?(?:\s+up)?|sit(?:ting)?(?:\s+down)?|push(?:ing)?\s+up)")
# Directions of the two halves of a rep ("out and in", "forward and back").
_TEMPO_WAY = r"(?:out(?:wards?)?|in(?:wards?)?|forwards?|back(?:wards?)?|away|towards?|open|closed?|apart|together)"
# Words that turn a phase into a held position ("lift and hold for 5 seconds"): not tempo.
_NOT_TEMPO_WORD = r"(?:hold|holding|held|keep|keeping|stay|staying|pause|pausing|squeeze|squeezing|and|then|or)"
_DATE_PATTERNS = [
    # calendar dates ("12 March 2024", "Feb 3, 2025")
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}\b",
    rf"\b{MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:{TU_WORD}|{REPU}|{SETU}|[x×]))",
]
# effort scales ("RPE 7", "RIR 2-3"): how hard, not how many
_EFFORT_PATTERN = rf"\b(?:RPE|RIR)\s*:?\s*(?:of\s+)?{RANGE}"
# reps in reserve said in words ("a weight that leaves two good reps in the tank", "stop with 1-2 reps
# to spare"): how heavy to go, not how many to do
_RESERVE_PATTERN = (rf"{LB}{RANGE}\s+(?:[a-z]+\s+){{0,2}}?{REPU}\s+(?:left\s+)?"
                    r"(?:in\s+(?:the\s+)?(?:tank|reserve)|to\s+spare|left\s+over)\b")
# the last reps of a set, named to say how they should feel ("the last two or three reps")
_LAST_REPS_PATTERN = rf"\b(?:the|your|those)\s+(?:last|final|first)\s+(?:{RANGE}|couple\s+of)\s+{REPU}"
_TEMPO_PATTERNS = [
    # "go slow (a full 3 seconds)", "slowly, a full four seconds": a slow phase's pace
    rf"\bslow(?:ly)?\s*(?:\(|,|[-–—])\s*(?:a\s+|the\s+)?(?:full\s+|good\s+|whole\s+)?{_TEMPO_NUM}{_TEMPO_UNIT}",
    # "over two seconds", "over a count of three", "for a count of 4"
    rf"\bover\s+(?:about\s+|roughly\s+)?{_TEMPO_NUM}{_TEMPO_UNIT}",
    r"\b(?:over|for|to|on)\s+(?:a\s+|the\s+)?count\s+of\s+(?:[1-9]|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    # "three seconds down", "one second up", "two seconds each way", "3 seconds to lower"; a range and a
    # pace word may sit in a terse plan: "(2-3s slow descent)", "4 s controlled lowering"
    rf"(?<![\w.,/#-]){_TEMPO_NUM}(?:\s*[-–]\s*{_TEMPO_NUM})?{_TEMPO_UNIT}\s+(?:down|up|each\s+way|both\s+ways|on\s+the\s+way\s+(?:up|down)"
    rf"|(?:to|for\s+the|on\s+the)\s+{_PHASE_VERB}"
    r"|(?:slow|controlled)\s+(?:lower(?:ing)?|descent|eccentric|negative|down))\b",
    # "3 seconds open and 3 seconds closed", "three seconds forward, three back": the two phases of one rep
    # (a lone "out"/"forward" may be where a bout goes, so only the pair)
    rf"(?<![\w.,/#-]){_TEMPO_NUM}{_TEMPO_UNIT}\s+{_TEMPO_WAY}\s*(?:,|and|then|,\s*(?:and|then))\s+{_TEMPO_NUM}(?:{_TEMPO_UNIT})?\s+{_TEMPO_WAY}\b",
    # "lower for three seconds", "lower slowly for 3 seconds", "lowering for three to four seconds" (not a
    # noun: "hold at the top of the raise for 3-5 seconds" is a hold)
    rf"(?<!\bthe )(?<!\beach )\b{_PHASE_VERB}(?:\s+(?!{_NOT_TEMPO_WORD}\b)[\w-]+){{0,3}}?\s+(?:for|over|in)\s+(?:about\s+)?{_TEMPO_NUM}"
    rf"(?:\s*(?:-|\u2013|to)\s*{_TEMPO_NUM})?{_TEMPO_UNIT}",
    # "taking a full four seconds to touch down", "take 3 seconds to reach the floor": any movement
    # given a few seconds is the pace of the rep (a pause to rest or reset is not)
    r"\btak(?:e|es|ing)\s+(?:a\s+|the\s+)?(?:(?:full|good|whole|about|around|at\s+least)\s+)*"
    rf"{_TEMPO_NUM}{_TEMPO_UNIT}\s+(?:to|for\s+the)\s+(?!(?:rest|recover|breathe|relax|reset|pause|catch)\b)[a-z]",
    # "a fast concentric phase (one second)", "the eccentric part, 3 seconds": the time of a named
    # phase of the rep is its pace, whatever words sit between
    rf"\b(?:concentric|eccentric)\b(?:\s+[\w-]+){{0,3}}?\s*[(,:]\s*(?:about\s+|around\s+)?{_TEMPO_NUM}{_TEMPO_UNIT}",
]
# "stick each landing for two seconds": a pause in every rep of a jump, not a bout
_LANDING_PAUSE_PATTERN = (r"\b(?:stick|hold|freeze|pause\s+on)(?:s|ing)?\s+(?:each|every|the|your)\s+landing\s+(?:for\s+)?(?:a\s+)?"
                          rf"{_TEMPO_NUM}{_TEMPO_UNIT}")
# how long a session lasts: "It takes 45 to 55 minutes", "lasts about 20 minutes"
# ("The moves below take about 15 minutes"; "take" only after its subject: an imperative "Take 30
# seconds to ..." paces a move)
_LASTS_PATTERN = (r"(?:\b(?:takes|took|lasts?|lasting)|(?<=[a-z] )(?<!\bthen )(?<!\band )(?<!\bto )take)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|just\s+|only\s+|under\s+"
                  rf"|less\s+than\s+)?{RANGE}{TU}")
# Every tempo mask has a small count of seconds or counts (speed pre-filter: most texts with a time have none).
_TEMPO_HINT_RE = compile_gated(rf"\b{_TEMPO_NUM}{_TEMPO_UNIT}\b", re.I)


_TEMPO_WORDS = AnyOf("sec", "count")
_SECONDS_SYMBOL_RE = re.compile(r"\d[ \t]?s\b")
# ... and the seconds of a tempo, one digit ("over 3 s"); a loose test (no lookbehind, which would
# cost the scan its fast first-character search): _TEMPO_HINT_RE decides
_TEMPO_SYMBOL_RE = re.compile(r"[1-9][ \t]?s\b")


def _tempo_hint(text: str) -> bool:
    return (_TEMPO_WORDS(text) or _TEMPO_SYMBOL_RE.search(text) is not None) and _TEMPO_HINT_RE.search(text) is not None

_TOTAL_PATTERNS = [
    # totals: "9 min total", "Total time: 12 minutes"
    rf"{LB}{RANGE}{TU}\s+(?:in\s+)?total\b",
    rf"\btotal(?:\s+time)?\s*:?\s*(?:of\s+)?(?:about\s+|around\s+)?{RANGE}{TU}",
]
# how long the whole block of bouts runs, not one bout: "Keep going with these intervals for six minutes",
# "repeat this pattern for 8 minutes"
_BLOCK_LENGTH_PATTERN = (r"\b(?:continue|keep\s+going|keep|repeat)\s+(?:with\s+)?(?:these|this|the)\s+"
                         rf"(?:intervals?|pattern|cycles?|sequence)(?:\s+going)?\s+for\s+(?:a\s+total\s+of\s+)?{RANGE}{TU}")
# The amount of a condition: "30 seconds", "3 x 15", "4 x 20 seconds", "12 clean reps", "all three rounds of 15".
_COND_AMOUNT = (rf"{RANGE}(?:{TU}|\s*[x×]\s*{RANGE}(?:{TU})?|\s+(?:[a-z]+\s+)?{REPU}"
                rf"|\s+{SETU}\s+(?:of|x|×)\s+{RANGE}(?:\s+{REPU}|{TU})?)")
_READINESS = alternation("readiness_conjunctions")  # "when", "once", "if": see data/sentences.yaml
_COND_VERB = r"(?:hold|do|manage|complete|perform|get|finish|reach)\s+(?:it\s+|this\s+|them\s+|all\s+(?:of\s+)?(?:the\s+|your\s+)?|the\s+)?(?:for\s+)?"
_CONDITION_PATTERNS = [
    # a condition to move on, not a prescription: "when you can hold 30 seconds easily",
    # "once 3 x 15 feels easy", "if 30 seconds is easy", "when you can do all three rounds of 15",
    # "if you can't get 10 clean reps", "Move on when: you can do 3 x 12"
    r"\b(?:" + _READINESS + r")\s*:?\s+you\s+(?:can(?:['’]?t|not|\s+not)?|could(?:n['’]?t)?)\s+(?:comfortably\s+|easily\s+|already\s+)?"
    + _COND_VERB + _COND_AMOUNT,
    # what the reader must be able to do first: "you should be able to hold 45 seconds before ..."
    r"\b(?:should|must|need\s+to|needs\s+to)\s+be\s+able\s+to\s+(?:comfortably\s+|easily\s+)?" + _COND_VERB + _COND_AMOUNT,
    # "once 3 x 15 feels easy", "when 30-second holds are comfortable", "once 12 split squats get easy"
    rf"\b(?:{_READINESS})\s+(?:the\s+|all\s+|your\s+)?{RANGE}(?:{TU}|\s*[x×]\s*{RANGE}(?:{TU})?|\s+{SETU}\s+of\s+{RANGE})?"
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
    rf"(?:about\s+|around\s+|roughly\s+|maybe\s+|for\s+)?{RANGE}\s+(?:times|{REPU})",
    rf"{RANGE}\s+times\s+(?:(?:your|our|my|their|his|her|the)\s+)?(?:own\s+)?body\s*-?\s*weight\b",
    rf"{RANGE}\s+times\s+(?:(?:more|less)\s+(?:likely|than|often)|greater|higher|lower|faster|slower|stronger|weaker"
    # "as hard as possible" after a count is how to do each one, not a multiple: "repeat 10 times as hard as you can"
    r"|bigger|smaller|larger|heavier|as\s+\w+\s+as(?!\s+(?:possible|you\s+can|comfortable|tolerated|tolerable)\b))\b",
]
# Counts set against each other to say that quality matters ("Six clean reps beat twelve sloppy ones",
# "better to do 5 good reps than 10 bad ones"): a remark, not a prescription.
_COMPARED_COUNT = rf"{RANGE}\s+(?:[a-z]+\s+)?(?:{REPU}|{SETU})"
_COMPARISON_PATTERNS = [
    # the usual count set aside for this move: "do 3 sets of 15 rather than 2 sets of 10"
    rf"\b(?:rather\s+than|instead\s+of)\s+(?:the\s+|your\s+)?(?:usual\s+|standard\s+|normal\s+)?{_COND_AMOUNT}",
    rf"{LB}{_COMPARED_COUNT}\s+(?:beats?|trumps?|outweighs?|(?:is|are)\s+(?:far\s+|much\s+|always\s+)?(?:better|worth\s+more)\s+than)"
    rf"\s+{RANGE}\b[^.;!?\n]*",
    rf"\bbetter\s+(?:to\s+(?:do|get|hold)\s+)?{_COMPARED_COUNT}[^.;!?\n]*?\bthan\s+{RANGE}\b[^.;!?\n]*",
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
    rf"{LB}(?:{RANGE}\s*[x×]\s*\(?\s*)?{RANGE}{TU}\s+(?:of\s+)?{_GAIT}\s*[,/+]\s*(?:and\s+|then\s+)?{RANGE}{TU}\s+(?:of\s+)?{_GAIT}\b",
    rf"{LB}{RANGE}\s*[x×]\s*{RANGE}{TU}\s+{_RUN_PACE}",
    rf"{LB}{RANGE}{TU}\s+(?:of\s+)?(?:(?:easy|steady|continuous|conversational|gentle|flat|slow|relaxed|comfortable)\s+)*(?:runs?|running)\b",
]
_RUN_WORDS = AnyOf("run", "jog", "walk")
_PACE_WORDS = AnyOf("pace", "threshold", "effort", "speed")  # every _RUN_PACE ends on one
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


# "That's one round", "That is one rep", "This counts as one rep": the end of a round or what one
# rep is, not a count of them
_ROUND_END_PATTERN = (r"\b(?:(?:that|this)(?:['’]s|\s+is|\s+was|\s+equals|\s+counts\s+as|\s+makes|\s+completes)"
                      # "... and back again to finish one rep": where the rep ends, as above
                      r"|to\s+(?:complete|finish))\s+(?:one|1|a|your\s+first|the\s+first)\s+(?:full\s+)?"
                      r"(?:round|set|circuit|lap|rep|repetition)\b")
# Each family runs only on texts with a word all its matches contain (speed pre-filter).
_CONTEXT_MASKS: list[tuple[Callable[[str], bool], re.Pattern[str]]] = [
    (AnyOf("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
     compile_gated("|".join(f"(?:{p})" for p in _DATE_PATTERNS), re.I)),
    (AnyOf("rpe", "rir"), compile_gated(_EFFORT_PATTERN, re.I)),
    (AnyOf("tank", "reserve", "spare", "left over"), compile_gated(_RESERVE_PATTERN, re.I)),
    (AnyOf("last", "final", "first"), compile_gated(_LAST_REPS_PATTERN, re.I)),
    (_tempo_hint, compile_gated("|".join(f"(?:{p})" for p in _TEMPO_PATTERNS), re.I)),
    (AnyOf("take", "took", "last"), compile_gated(_LASTS_PATTERN, re.I)),
    (AnyOf("total"), compile_gated("|".join(f"(?:{p})" for p in _TOTAL_PATTERNS), re.I)),
    (AnyOf("interval", "pattern", "cycle", "sequence"), compile_gated(_BLOCK_LENGTH_PATTERN, re.I)),
    (AnyOf("easy", "comfortabl", "manageable", "you can", "you could", "able to"),
     compile_gated("|".join(f"(?:{p})" for p in _CONDITION_PATTERNS), re.I)),
    (AnyOf(*_CRITERIA_WORDS), compile_gated(_CRITERIA_LABEL_PATTERN, re.I)),
    (AnyOf("landing"), compile_gated(_LANDING_PAUSE_PATTERN, re.I)),
    (AnyOf("times"), compile_gated("|".join(f"(?:{p})" for p in _LOAD_COUNT_PATTERNS), re.I)),
    (AnyOf("round", "set", "circuit", "lap", "rep"), compile_gated(_ROUND_END_PATTERN, re.I)),
    (_running_hint, compile_gated("|".join(f"(?:{p})" for p in _RUNNING_PATTERNS), re.I)),
    (AnyOf("beat", "trump", "outweigh", "better", "worth more", "rather than", "instead of"),
     compile_gated("|".join(f"(?:{p})" for p in _COMPARISON_PATTERNS), re.I)),
]

# List numbering at the start of a line: "1.", "2)", "(1)", and "2/ " before a capitalised name
# ("2/ Side Plank"), where "10/ leg" would be a count per side.
_LIST_NUM_RE = re.compile(r"(?m)^[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)](?=\s)|\d{1,2}/(?=[ \t]+[A-Z]))")

def mask(work: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if not work[i].isspace():
            work[i] = "#"


@lru_cache(maxsize=CACHE_SIZE)
def masked(text: str) -> str:
    """`text` with the numbers that are never a dosage (frequencies, weights, list numbering...) masked.

    Pure and cached: the same line is masked for its atoms as prose, again as a
    list item, and again by parse_block_sets, and the mask patterns are the
    most expensive part of each.
    """
    work = list(text)
    if _FREQ_MASK_HINT(text):
        for m in FREQ_MASK_RE.finditer(text):
            mask(work, m.start(), m.end())
    for m in _MASK_RE.finditer(text):
        mask(work, m.start(), m.end())
    for hint, rx in _CONTEXT_MASKS:
        if hint(text):
            for m in rx.finditer(text):
                mask(work, m.start(), m.end())
    for m in _LIST_NUM_RE.finditer(text):
        mask(work, m.start(), m.end())
    return "".join(work)
