"""Readers of the lines that head a part of the routine or only prescribe: rest and load lines, dose lines,
a part's heading with its rounds, time or note, the line that introduces or repeats a group, the count
every part takes; and a part's title cut from its heading (section_title).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from runstrength.extract import dosage as dz
from runstrength.extract.line_names import LETTERS3_RE, PAREN_RE, dose_lead, exercise_like, function_start, note_line
from runstrength.extract.line_view import LineView, Role, doc_spans, exercise_spans_in
from runstrength.extract.nlp import EXERCISE_KEY, norm_tokens
from runstrength.extract.sentences import is_dosage_only
from runstrength.extract.text import structure_lexicon
from runstrength.extract.vocab import is_section_word_only, section_rx, strong_section, vocab


# A line or sentence that repeats a group ("Repeat the circuit 3 times", "Go through these twice"): its count is the
# group's rounds (read by dz.parse_block_sets, which leaves "twice a week" alone).
REPEAT_BLOCK_RE = re.compile(rf"\b{dz.REPEAT_VERBS} (?:this|the|that|the whole|the entire|this whole) (?:circuit|routine|workout|sequence|series|set|superset|block|round)\b"
                             rf"|\b{dz.REPEAT_VERBS} (?:these|them|this list|the list)\b")
# "Perform the following exercises 3 times:", "You will be doing 4 sets of these exercises:"
# The count first, with no verb: "Two or three rounds of the following circuit:", "3 sets of the following:".
_COUNT_OF_FOLLOWING_RE = re.compile(r"\W*[\w -]{1,20}?\s(?:sets?|rounds?|times|circuits?|laps?)\s+(?:of|through)\s+the\s+following\b[\w -]{0,20}:?\s*$",
                                    re.I)
_SECTION_INTRO = re.compile(r"\b(perform|do|complete|try|performing|doing|completing)\b.*\b(the following|these|this|below)\b.*\b(exercises?|moves|series|circuit|routine)\b", re.I)


GROUP_COUNT_RE = re.compile(r"\b\d+\s+(super ?sets?|circuits|rounds|blocks|exercises)\b")
# A default the exercises may override: "2 sets unless noted", "unless a move says otherwise".
UNLESS_NOTED = (r"\bunless\s+(?:otherwise\s+)?(?:noted|stated|specified|indicated|listed|shown|marked|given)\b"
                 r"|\bunless\s+(?:a|an|the)\s+(?:move|exercise|drill|stretch)\b|\bunless\s+otherwise\b")
UNLESS_NOTED_RE = re.compile(UNLESS_NOTED)


_NUMBERS_RE = re.compile(r"[\d/\-]+|(?<![A-Za-z])[xX\u00d7](?![A-Za-z])")
_TITLE_SETS_PAREN_RE = re.compile(r"\(\s*[^()]*\b(sets?|rounds?|laps?|times)\b[^()]*\)", re.I)
# A part's repeats said after its title: "repeat 3 times", "REPEAT 2X", "repeat x2".
_REPEAT_COUNT = r"repeat\s+(?:x\s*\d{1,2}|\d{1,2}\s*(?:x|times))"
# "Hip work: 2 rounds", "Circuit 1: repeat 2x": a title (words, maybe its number) and its count after a colon.
_TITLE_SETS_COLON_RE = re.compile(r"^(?=[^:]*[A-Za-z]{3})[^:]{3,40}:\s*(?:"
                                  rf"\d{{1,2}}(?:\s*(?:-|to)\s*\d{{1,2}})?\s+(?:rounds?|circuits?)|{_REPEAT_COUNT})\W*$", re.I)
_TITLE_X_TAIL_RE = re.compile(r"[:,-]?\s*\b(x\s*\d+|\d+\s*x)\s*$", re.I)
# "Circuit 2: repeat 2 times", "Circuit 3 - Repeat x2": the part's count after its title, cut from the title.
_TITLE_REPEAT_TAIL_RE = re.compile(rf"[:,\u2013-]\s*(?:{_REPEAT_COUNT}|repeat\s+twice)\W*$", re.I)
# A part's length in brackets closing its heading ("Mobility (6 minutes)", "Cool-down (about 5-10 min)"):
# how long the part takes, not its name; or when to start it, counted from an event ("Stage 2 (from roughly
# 3 weeks after surgery)", "(typically from day 10, once the swelling settles)"). The part's own period stays
# ("Stage 2 (Weeks 5-8)", "(week 4 onwards)").
_TITLE_TIME_PAREN_RE = re.compile(
    r"\s*\(\s*(?:(?:about|approx\.?|approximately|roughly|around|~)?\s*\d{1,3}(?:\s*(?:-|to)\s*\d{1,3})?\s*"
    r"(?:min(?:ute)?s?|secs?|seconds?)\.?(?:\s+(?:total|in total))?"
    r"|(?:usually|typically|generally|often|normally)?\s*from\b[^()]*)\s*\)\s*$", re.I)
_TITLE_SETS_TAIL_RE = re.compile(r"[:,-]\s*(\d+|one|two|three|four|five|six)(\s*-\s*\d+)?\s+(sets?|rounds?|laps?)(\s+total)?\s*$", re.I)


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


def titled_count(text: str) -> bool:
    """A part's title with its rounds in brackets or after a colon ("Part 3 – Power (2 rounds)", "Hip work:
    2 rounds"): the part's count, not the article's."""
    return ((_TITLE_SETS_PAREN_RE.search(text) is not None or _TITLE_SETS_COLON_RE.match(text) is not None)
            and bool(LETTERS3_RE.search(section_title(text))))


def counts_whole_article(text: str, lower: str, each_move: re.Pattern[str] | None = None) -> bool:
    """A heading's count is every part's, not its own part's: a default the moves may override ("2 sets unless
    noted"), or a count of groups or a total ("3 rounds total"; or what `each_move` finds) that no part's title
    holds ("Hip work: 2 rounds"). The two readers that ask differ in `each_move` alone."""
    return bool(UNLESS_NOTED_RE.search(lower)
                or ((GROUP_COUNT_RE.search(lower) or "total" in lower
                     or (each_move is not None and each_move.search(lower)))
                    and not titled_count(text)))


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
    return Role("section", title=section_title(text))


def _part_with_rest(text: str, doses: list[dz.DoseMention]) -> Role | None:
    """A part's heading whose bracket says how to rest ("Block A (superset, rest 90 sec after A2)"): a section,
    not a rest line."""
    if doses or not text.rstrip().endswith(")"):
        return None
    head = text[:text.find("(")]
    tokens = tuple(t for t in norm_tokens(head) if len(t) > 1)
    if not tokens or len(tokens) > 6 or not is_section_word_only(tokens) or not section_rx()[0].search(" ".join(tokens)):
        return None
    return Role("section", title=section_title(text))


# A part heading opened by a possessive ("Our go-to drills", "Your warm-up routine").
_POSSESSIVE_RE = re.compile(r"^\W*(?:our|my|your)\b")


def _possessive_part(lower: str) -> bool:
    """A possessive heading that ends on a part word: "Our favourite drills", not "Our team"."""
    if not _POSSESSIVE_RE.match(lower):
        return False
    # the match holds "our", "my" or "your", so the line has a last word
    return lower.split()[-1].strip(".:!-") in vocab()["strong_section"]


def rest_line(lv: LineView) -> Role | None:
    """A line that says how to rest and prescribes no more ("Rest 60 seconds between rounds"); a part's
    heading with its rounds and rest, or a repeat of the group, said that way."""
    text, doc, doses = lv.text, lv.doc, lv.doses
    if not (dz.parse_rest(text) and is_dosage_only(text, [(d.start, d.end) for d in doses()], rest=True)
            and not _named_before_dose(text, doses(), doc)):
        return None
    part = _part_with_rounds(text, doses()) or _part_with_rest(text, doses())
    if part is not None:
        return part
    if not any(d.sets for d in doses()):
        # "Do this circuit twice, resting a minute between rounds.": the group's rounds, as repeat_block reads them
        repeat = repeat_block(lv)
        if repeat is not None:
            return repeat
    # A rest line may prescribe too ("40 seconds each move, rest 20 seconds, 4 rounds").
    return Role("rest", doses=doses())


def load_line(lv: LineView) -> Role | None:
    """A line that only says how heavy ("60-70% of your 1RM", "RPE 6")."""
    if len(lv.words) <= 10 and _LOAD_LINE_RE.match(lv.text) and not lv.doses():
        return Role("load")
    return None


@lru_cache(maxsize=1)
def goal_alternation() -> str:
    """The training goals of structure.yaml as one regex alternation, longest first."""
    return "|".join(re.escape(g) for g in sorted(structure_lexicon()["training_goals"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _goal_guide_re() -> re.Pattern[str]:
    """A count paired with the goal it trains, either way round ("12-15 reps: Muscular Endurance",
    "Hypertrophy - 8 to 12 reps")."""
    goals = goal_alternation()
    count = r"\d{1,3}\s*\+?(?:\s*(?:-|\u2013|to)\s*\d{1,3})?\s*(?:reps?|repetitions?)?"
    return re.compile(rf"^\W*(?:{count}\s*[:=\u2013\u2014-]\s*(?:{goals})|(?:{goals})\s*[:=\u2013\u2014-]\s*{count})\W*$", re.I)


def goal_guide_line(lv: LineView) -> Role | None:
    """A line of a guide to choosing a load: a rep range and the goal it trains. No dose of the routine, whose
    counts are given elsewhere, nor a move named "Strength"."""
    if len(lv.words) <= 8 and lv.text.lstrip()[:1].isalnum() and _goal_guide_re().match(lv.text):
        return Role("load")
    return None


def part_with_note_line(lv: LineView) -> Role | None:
    """A long heading of a part, long for the note in brackets closing it."""
    if not lv.short and not lv.bullet and lv.text.endswith(")"):
        return _part_with_note(lv.text, lv.doc)
    return None


def timed_part(lv: LineView) -> Role | None:
    """A part of the session given as a time ("Warm-up (10 minutes)")."""
    if lv.short and lv.doses() and _timed_section(lv.text, lv.doses()):
        return Role("section", title=section_title(lv.text))
    return None


def section_intro(lv: LineView) -> Role | None:
    """A line that introduces the exercises below ("Perform the following exercises 3 times:")."""
    # Length tests before the patterns: both sides are pure, and most lines are long prose
    # (_SECTION_INTRO's ".*" scans are the slowest of these tests).
    if len(lv.words) <= 14 and not lv.ends_sentence and (_SECTION_INTRO.search(lv.text) or _COUNT_OF_FOLLOWING_RE.match(lv.text)):
        sets = dz.parse_block_sets(lv.text)
        # "Do 12 reps of these exercises:": the count of each move below, a rule of the part as its sets are
        work = [replace(d, sets=None) for d in lv.doses() if d.stage == "main" and (d.reps or d.seconds)]
        return Role("section", title=lv.text.strip().rstrip(":").strip(), sets=sets, doses=work, label="intro")
    return None


def repeat_block(lv: LineView) -> Role | None:
    """A line that repeats the group and counts it ("Repeat the circuit 3 times")."""
    if len(lv.words) <= 16 and REPEAT_BLOCK_RE.search(lv.lower):
        sets = dz.parse_block_sets(lv.text)
        if sets:
            return Role("block_sets", sets=sets)
    return None


# The most words of a line read as a move's effect without its full stop.
_EFFECT_LINE_WORDS = 16


def effect_line(lv: LineView) -> Role | None:
    """What a move does to the body, said without a full stop under its name ("Stretches the calf muscle on the back
    of the lower leg"): a sentence of that move, not a part's heading nor a new move's name."""
    words = lv.lower.split(None, 2)
    if (len(words) >= 3 and len(lv.words) <= _EFFECT_LINE_WORDS and not lv.ends_sentence
            and words[0] in lv.vocab["effect_openers"] and words[1] in lv.vocab["effect_objects"]):
        return Role("prose")
    return None


def advice_heading(lv: LineView) -> Role | None:
    """A heading over advice on every move ("Key points for every session")."""
    if lv.short and not lv.ends_sentence and (lv.lower.rstrip(":") + " ").startswith(lv.vocab["advice_heads"]):
        return Role("other_heading")  # "Key points for every session": advice on every move, not a part of the routine
    return None


def strong_section_heading(lv: LineView) -> Role | None:
    """A heading of a part in the part words ("Circuit 1", "Our favourite drills") naming no exercise; or the
    count every part takes ("3 rounds total")."""
    lower = lv.lower
    if not (lv.short and not lv.ends_sentence and not lv.two_sentences and strong_section(lower)
            and (not function_start(lower) or _possessive_part(lower)) and not doc_spans(lv.doc, EXERCISE_KEY)):
        return None
    if note_line(lv.text):
        return None  # "Every move below should be done for 2 x 15": a rule said of the moves, not a part's title
    text = lv.text
    sets = dz.parse_block_sets(text)
    # No "each move" test here, unlike the short-heading reader: this line heads a part, and "Circuit 1: 3 sets
    # of each move" counts that part's moves, so the count stays the part's ("2 sets of all exercises" too,
    # "exercises" being a part word).
    if sets and counts_whole_article(text, lower):
        return Role("article_sets", sets=sets, title=text)
    return Role("section", title=section_title(text), sets=sets)


def dose_only_line(lv: LineView) -> Role | None:
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


# A line that only says how heavy: "60-70% of your 1RM", "@ 80% of max", "RPE 6", "RIR 3".
_LOAD_LINE_RE = re.compile(
    r"^\W*(?:(?:at|@|with|use|using)\s+)?(?:~\s*)?(?:"
    r"\d+(?:\.\d+)?\s*(?:%|percent)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*(?:%|percent)(?:\s+(?:of\s+)?(?:your\s+|the\s+)?"
    r"(?:1\s*-?\s*rm|one[- ]rep(?:etition)?[- ]max(?:imum)?|max(?:imum)?|mhr|max(?:imum)? heart rate|bodyweight|body weight|effort|intensity))?"
    r"|(?:rpe|rir)\s*:?\s*\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?"
    r")\W*$", re.I)


def _named_before_dose(text: str, doses: list[dz.DoseMention], doc: Doc) -> bool:
    """An exercise named before the line's first dose ("Goblet squat - 3 x 10 (rest 60 s)"): the move's
    line with its rest, not a rest line."""
    if not doses:
        return False
    head = text[:min(d.start for d in doses)].rstrip(" -:(,")
    return bool(head) and exercise_like(head, doc, 0)


def _strip_numbers(text: str) -> str:
    return _NUMBERS_RE.sub(" ", text)


# A remark in brackets closing a heading ("Circuit B (do this on a hill day)"): when to do the part,
# not its name. Short brackets are kept ("Day 1 (Tuesday)", "Stage 2 (Weeks 5-8)").
_TITLE_REMARK_RE = re.compile(r"\s*\((?=[^()\d]*[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+)[^()\d]*\)\s*$")


# How to rest or pair the part's moves, in brackets closing its heading ("Block B (superset, rest 60 sec after B2)").
_TITLE_REST_PAREN_RE = re.compile(r"\s*\(\s*[^()]*\b(?:rest|resting|super ?sets?|giant sets?|tri-?sets?)\b[^()]*\)\s*$", re.I)


# A markdown heading's closing marks ("Warm-up block ##"), left by a scraper that kept the heading's markup.
_CLOSING_HASHES_RE = re.compile(r"\s+#+\s*$")


def section_title(text: str) -> str:
    t = _CLOSING_HASHES_RE.sub("", text)
    t = _TITLE_SETS_PAREN_RE.sub("", t)
    t = _TITLE_REST_PAREN_RE.sub("", t)
    t = _TITLE_REMARK_RE.sub("", t)
    t = _TITLE_TIME_PAREN_RE.sub("", t)
    t = _TITLE_REPEAT_TAIL_RE.sub("", t.strip())
    t = _TITLE_X_TAIL_RE.sub("", t.strip())
    t = _TITLE_SETS_TAIL_RE.sub("", t.strip())
    return t.strip().rstrip(":").strip()
