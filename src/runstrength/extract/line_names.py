"""Whether a piece of a line names an exercise (exercise_like, wordy, function_start, dose_lead...) and the
name cut clean of what surrounds it (clean_name, split_alternatives). Asked by every reader of a line and by
the later passes (assemble.py, tables.py), which import these names from roles.py.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from runstrength.extract.gates import AnyOf
from runstrength.extract.line_view import WEEKDAY_RE, exercise_spans_in
from runstrength.extract.meta import DAY_MONTH, MONTH_DAY, WEEKDAY
from runstrength.extract.nlp import norm_tokens
from runstrength.extract.text import TITLE_CASE_SMALL, unglue
from runstrength.extract.vocab import ends_with_head, vocab


# "The Importance of Hamstring Curls", "The Role of Squats in Running": a heading on why, whatever moves it names.
_TOPIC_HEAD = r"(?:the\s+)?(?:importance|role|value|science|case)\s+(?:of|for)"
# "5 Moves to Conquer Hills", "6 Ways to Build Strength" once the count is cut: a listicle's title, whose
# plural noun stands for the moves it lists, never one move's name.
_LISTICLE_HEAD = (r"(?:(?:best|top|simple|easy|essential|great|key|quick|effective|basic|must-do)\s+)?"
                  r"(?:moves|movements|ways|tips|reasons|things|mistakes|secrets|rules|habits)")
_FUNCTION_START = re.compile(
    r"^(here|how|what|why|when|where|who|this|these|there|that|if|for|and|but|so|our|my|we|i|you|it|please|"
    r"note|tip|always|never|important|follow|try|get|watch|check|click|read|see|learn|want|ready|the benefits?|benefits|welcome|today|"
    # orders on how to do it, never a move's first word ("Repeat with the left leg", "Keep it smooth"); not "perform"
    # or "complete", which open a part's count ("complete the circuit twice:")
    r"repeat|ensure|make|keep|establish|focus|maintain|avoid|continue|use|aim|"
    rf"{_TOPIC_HEAD}|{_LISTICLE_HEAD}|thank|thanks|remember|in|at|on|with|to|as|by|from|a|an)\b", re.I)


PAREN_RE = re.compile(r"\(([^()]*)\)")


_ACRONYM_START = re.compile(r"^\s*[A-Z]{2,}\b")


LETTERS3_RE = re.compile(r"[A-Za-z]{3,}")
_QUANTITY_OF_RE = re.compile(r"^\s*[\d\-–%x.,/ ]+\b(of|at|to)\b")
_NOT_A_NAME_START = re.compile(rf"^(here|how|what|why|this|these|there|if|for|follow|watch|click|read|see|{_TOPIC_HEAD})\b", re.I)
# "Making the step-ups harder", "Make them easier": a heading over how to change the moves (a part of the
# routine when new exercises follow it), never a move's name, whatever movement it mentions.
_CHANGING_HEAD_RE = re.compile(r"^\W*mak(?:e|ing)\s", re.I)
# A word that cannot end a name, only a sentence cut at its count ("Lean forward and hold for 30 seconds",
# "Lower slowly to 90 degrees and"): the head word before it ("hold") names no move. A capital "A" is a
# label's letter ("Superset A", "Plank variation A"), not the article.
_DANGLING_END_RE = re.compile(r"\b(?:(?i:for|and|or|to|of|with|the|an|at|into|onto|from|by)|a)\W*$")
# Between two exercises of one heading: "split squats or step-ups", "A1 Deadlift / A2 Box jump".
_OR_RE = re.compile(r"\s+(or|/)\s+", re.I)


# Longest name a plus sign joins to a known move in a set's heading: longer parts are a description.
_PLUS_PART_WORDS = 4


# A heading in capitals that opens with a question word ("HOW OFTEN", "WHAT YOU NEED", "WHY IT WORKS") asks
# about the routine, or with a listicle's plural ("MOVES TO CONQUER HILLS") titles it: no acronym starts that way.
_SHOUTED_QUESTION_RE = re.compile(rf"^\s*(?:HOW|WHAT|WHY|WHEN|WHERE|WHO|{_LISTICLE_HEAD})\b", re.I)


def function_start(text: str):
    """Starts with a function word ("Here is", "How to"), not an acronym that spells one ("IT band")."""
    if _ACRONYM_START.match(text) and not _SHOUTED_QUESTION_RE.match(text):
        return None
    return _FUNCTION_START.match(text)


# A calendar date ("March 3, 2024", "3 March 2024", "Friday 7 March"): bylines, comment stamps and
# event notices, never a name.
_DATE_RE = re.compile(
    rf"\b{MONTH_DAY},?\s+\d{{4}}\b|\b{DAY_MONTH},?\s+\d{{4}}\b|\b{WEEKDAY},?\s+(?:{DAY_MONTH}|{MONTH_DAY})\b", re.I)
# A price ("entry £5", "$20 a session"): what precedes it is no exercise's name.
_CURRENCY = frozenset("£$€¥")


# The numbers of a period's name ("Weeks 1-3", "Phase 2", "Weeks 7 & 8"), taken off to look its word up.
PERIOD_NUMBERS_RE = re.compile(r"\s*#?\d{1,2}(?:\s*(?:-|to|and|&|\+|,)\s*\d{1,2})*\s*$")


def period_word(name: str) -> bool:
    """`name` names a period or level of a plan ("Weeks 1-4", "Early phase", "Advanced"): its last word,
    numbers aside, heads a period column of a table (structure.yaml's table_columns)."""
    words = PERIOD_NUMBERS_RE.sub("", name.lower()).strip(" :*").split()
    return bool(words) and vocab()["table_columns"].get(words[-1]) == "period"


def wordy(name: str) -> bool:
    return ("%" not in name and _CURRENCY.isdisjoint(name) and bool(LETTERS3_RE.search(name)) and not _QUANTITY_OF_RE.match(name)
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


def note_line(text: str) -> bool:
    """A short line stating a claim, an expectation or a comparison ("Soreness should fade", "Form > load"):
    a note in a list, never an exercise's name, even when it holds a count ("Last 2 reps must feel hard")."""
    if _NOTE_SYMBOL_RE.search(text):
        return True
    modals = vocab()["claim_modals"]
    return any(w.strip(".,;:!?()").lower() in modals for w in text.split())


def dangling_end(name: str) -> bool:
    """Whether `name` ends on a word no name ends on: a sentence cut where its count began."""
    return _DANGLING_END_RE.search(name) is not None


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
    # every path past here asks it, so asking it once up front does no extra work
    known = doc is not None and bool(exercise_spans_in(doc, offset, offset + len(name)))
    if function_start(name.strip()) and not (known and not _NOT_A_NAME_START.match(name.strip())):
        return False
    if known:
        return True
    if dangling_end(name):
        return False  # a known name cut this way still names its move ("Side plank on each side for 30 s")
    stripped = tuple(t for t in tokens if t not in ("exercise", "exercis", "for", "runner", "with", "band", "weight"))
    # "two sets in a row": one after another, not a row done
    return bool(stripped) and ends_with_head(stripped) and stripped[-3:] != ("in", "a", "row")


_TRAIL_MARK_RE = re.compile(r"\s*(?:\*+|\(\s*\d{1,3}(?:\s*[-\u2013]\s*\d{1,3})?\s*\))$")


# "Butt kicks for 20 meters", "A-skips (20 m)", "Walking lunge x 10 yards": the stretch of ground a drill
# covers is how much of it to do, no part of its name (a distance before the name, "400 m run", names the run).
_TRAIL_DISTANCE_RE = re.compile(
    r"[\s.,:;\u2013\u2014-]*\(?\s*(?:(?:for|over|x|\u00d7)\s*)?(?:about\s+|approx(?:imately|\.)?\s+|~\s*)?"
    r"\d+(?:[.,]\d+)?(?:\s*(?:-|\u2013|to)\s*\d+(?:[.,]\d+)?)?\s*"
    r"(?:m|metres?|meters?|yards?|yds?|yd|km|kilometres?|kilometers?|miles?)\.?\s*\)?$",
    re.I,
)


_COUNT_JOIN_HEAD_RE = re.compile(r"\s*of\s+(?=[A-Za-z])")
_COUNT_JOIN_TAIL_RE = re.compile(r"\s+(?:[x\u00d7]|to|on|in|per)$")


_OPEN_QUOTES = "'\"\u2018\u201c"
_CLOSE_QUOTES = "'\"\u2019\u201d"


def clean_name(name: str) -> tuple[str, int]:
    """Name without glued scraping debris or trailing separators; returns (name, cut from front)."""
    name, cut = unglue(name)
    if ";" in name and any(c.isalpha() for c in name[:name.find(";")]):
        name = name[:name.find(";")]  # "Bounds; walk back down": a note after a semicolon, no part of the name
    if name.endswith((")", "*")):
        # "Box jumps*" (a footnote's mark), "Step-ups (8-10)" (a count in brackets): no part of the name
        name = _TRAIL_MARK_RE.sub("", name)
    # "Goblet squat [3 x 8]": the bracket of a count taken off after the name is no part of it; so is the slash
    # of a compact "Plie squat/10"
    if (name[-1:].isalpha() or name.endswith((")", "."))) and any(c.isdigit() for c in name):
        distance = _TRAIL_DISTANCE_RE.search(name)
        if distance is not None and any(c.isalpha() for c in name[:distance.start()]):
            name = name[:distance.start()]
    stripped = name.rstrip(" :-?!;,.[(/|")
    if stripped.count("(") > stripped.count(")"):
        # "Core & Posture (Daily 6-10 min)" with its count taken off: the bracket it was in is no part either
        stripped = stripped[:stripped.rfind("(")].rstrip(" :-?!;,.")
    if " " in stripped:
        # "(10 reps) of lunges", "Plank x (30 s)", "12 twists to each side": the joining word or sign
        # of a count taken out around the name
        stripped = _COUNT_JOIN_TAIL_RE.sub("", stripped)
        m = _COUNT_JOIN_HEAD_RE.match(stripped)
        if m:
            stripped = " " * m.end() + stripped[m.end():]
    lead = len(stripped) - len(stripped.lstrip(" -:?"))
    stripped = stripped.strip(" -:?")
    if len(stripped) > 2 and stripped[0] in _OPEN_QUOTES and stripped[-1] in _CLOSE_QUOTES:
        # "'Knee Rolls'": a leaflet puts the whole name in quotes; they are no part of it
        return stripped[1:-1].strip(), cut + lead + 1 + len(stripped[1:]) - len(stripped[1:].lstrip())
    return stripped, cut + lead


def name_span(text: str, name: str, cut: int) -> tuple[int, int]:
    """Where `name` stands in its line `text`, from `cut` on when it is not there as one run: a count taken
    from inside it or runs of spaces made one ("6 box step-ups per leg (60 cm box)") leave the name's words
    apart, so its span runs from its first word to its last, never a cut of the same length that would end
    inside a word."""
    ns = text.find(name)
    if ns >= 0:
        return ns, ns + len(name)
    words = name.split()
    first = text.find(words[0], cut) if words else -1
    ns = first if first >= 0 else cut
    last = text.rfind(words[-1]) if words else -1
    end = last + len(words[-1]) if last >= ns else ns + len(name)
    return ns, end


def split_alternatives(name: str, seps_re: re.Pattern[str] = _OR_RE,
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


# Between the names of a line that lists moves: "jumping jacks, squats, burpees and mountain climbers".
_LISTED_RE = re.compile(r"(\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)")
# Fewer names than this are more often one move's name ("Squat and press", "Clean, jerk") than a list.
_LISTED_NAMES = 3


def split_listed(name: str) -> list[tuple[str, int, int, int, int]]:
    """A line naming several moves in a row, split at its commas and its "and" ("jumping jacks, squats,
    crunches and burpees"): each, as split_alternatives gives them, when there are three or more, at least one
    ends like a movement and the others are short names; else []."""
    if name.count(",") < _LISTED_NAMES - 1 and not (name.count(",") and " and " in name):
        return []
    alts = split_alternatives(name, _LISTED_RE, one_head=True)
    return alts if len(alts) >= _LISTED_NAMES else []


# Moves in a row set apart by dashes ("Leg Swings - Lunges - Squats"), a warm-up's sequence.
_DASHED_RE = re.compile(r"(\s+[-\u2013\u2014]\s+)")


def split_dashed(name: str, doc: Doc | None, offset: int) -> list[tuple[str, int, int, int, int]]:
    """A line of three or more moves between dashes, each one the lexicon knows, as split_alternatives gives
    them; else []. Unlike commas, a dash also sets off a variant or a dose ("Glute Bridge - One Leg"), so
    every part must be a known move."""
    if doc is None or name.count(" ") < 2 or not _DASHED_RE.search(name):
        return []
    alts = split_alternatives(name, _DASHED_RE, one_head=True)
    if len(alts) < _LISTED_NAMES or not all(exercise_like(a, doc, offset + s) and exercise_spans_in(doc, offset + s, offset + e)
                                            for a, s, e, _, _ in alts):
        return []
    return alts


# How prose introduces the next exercise: "Next, try a side plank", "Start with a dead bug", "I'd add calf raises",
# "When that gets easy, add a bird dog", "Carry on with the bridges, and then add a clam". Used with .match
# at a sentence's start (no "^"); what it matched is followed by the exercise's name. ("Progress to ..." is
# left out: it introduces a harder version of the exercise at hand, which is that exercise.)
INTRO_RE = re.compile(
    # the lead clause may have an aside of its own: "Once that feels easy, usually after a month, add ..."
    r"\W*(?:(?:next|then|now|first|finally|lastly|after that)\s*,?\s+|(?P<clause>[^,.;:!?]{3,60}(?:,[^,.;:!?]{3,40})?),\s+(?:and\s+(?:then\s+)?|then\s+)?)?"
    # a suggestion: "I'd add calf raises.", "You could also try a side plank."
    r"(?:(?:I'd|I\u2019d|I would|we'd|we would|you could|you can|you might)\s+(?:also\s+)?)?"
    r"(?:try|add|add in|begin with|start with|finish with|end with|follow (?:up )?with|move on to"
    # a video's narration: "Now you will do a hamstring curl.", "Next we're going to do some clamshells."
    r"|(?:you|we)(?:\s+will|['\u2019]ll|\s+are\s+going\s+to|['\u2019]re\s+going\s+to)\s+do)"
    r"\s+(?:(?:a|an|the|some)\s+)?", re.I)
# Every match of INTRO_RE holds one of these, whatever the spacing between its words (speed pre-filter).
INTRO_HINT = AnyOf("try", "add", "begin", "start", "finish", "end", "follow", "move on", "will", "'ll", "\u2019ll", "going")




# The most words read as a name written in title case.
_TITLE_CASE_WORDS = 8


def title_cased(text: str) -> bool:
    """A short line, its every word capitalised but the small ones, not ending as a sentence."""
    words = text.split()
    if not 2 <= len(words) <= _TITLE_CASE_WORDS or text.rstrip().endswith((".", "!", "?", ":")):
        return False
    # a dash or ampersand between the words ("Hip Drills - Side Steps") has no case
    return all(w.lstrip(_OPEN_QUOTES)[:1].isupper() or w.lower() in TITLE_CASE_SMALL or not any(map(str.isalnum, w))
               for w in words)
