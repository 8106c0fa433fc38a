"""Readers of the lines that name an exercise by a mark of their shape: a list item's count, a "Name:
description" cut, a pipe, a superset's letter, capitals run into the how-to, a lead-in, the count first,
the name as a sentence of its own.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc

from runstrength.extract import dosage as dz
from runstrength.extract.line_names import (INTRO_HINT, INTRO_RE, PAREN_RE, PERIOD_NUMBERS_RE, clean_name, dose_lead,
                                            exercise_like, function_start, name_span, note_line, period_word,
                                            split_alternatives, title_cased, wordy)
from runstrength.extract.line_view import (LABEL_LETTER, LineView, Role, SUPERSET_LABEL, doc_spans, exercise_spans_in,
                                           shift)
from runstrength.extract.dose_stages import PER_SIDE_RE
from runstrength.extract.nlp import EQUIPMENT_KEY, EXERCISE_KEY, MUSCLE_KEY, norm_tokens
from runstrength.extract.part_readers import goal_alternation, section_title
from runstrength.extract.quantities import SETU
from runstrength.extract.sentences import classify, is_dosage_only, starts_imperative, words_of
from runstrength.extract.text import INNER_STOP_RE, TITLE_CASE_SMALL
from runstrength.extract.vocab import ends_with_head, ends_with_section_word, is_section_word_only, rest_day, section_rx, vocab


_INLINE_RE = re.compile(r"^(?P<name>[^:.!?]{2,70}?)\s*(?::\s*\??\s*|\s[-]\s+|(?<=[A-Za-z)])[-]\s+|\?(?=[A-Z]))(?P<rest>\S.*)$")
# A dose's label that ends what that split takes for the name ("Calf Pumps Sets: 2 / Repetition:10"): the colon is
# the label's, and the prescription starts at the label.
_LABEL_TAIL_RE = re.compile(r"\s(?:sets?|reps?|repetitions?)$", re.I)


# The moves of one group named in its heading ("Set 2: Goblet squats & push-ups"): each is done, one after the other.
_AND_RE = re.compile(r"\s+(&|and|\+)\s+")


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


def pipe_row_line(lv: LineView) -> Role | None:
    """"Lateral lunge | 8 each side": an exercise and its dose on either side of a pipe."""
    if lv.short and "|" in lv.text:
        return _pipe_row(lv.text, lv.doc)
    return None


def list_item_named(lv: LineView) -> Role | None:
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


# A kind of training day ("On gym days", "Hill days", "ON EASY DAYS"): when the rest is a dose, it is
# that day's prescription for the moves, not a move's.
_DAY_KIND_RE = re.compile(r"\s*(?:on\s+)?(?:[\w'\u2019-]+\s+){1,2}days\s*[-\u2013\u2014:]?\s*$", re.I)


def inline_name_description(lv: LineView) -> Role | None:
    """"Name: description" / "Name - description" on one line: a period's dose or rung, a part's heading and
    what it holds, or an exercise and its description or dose."""
    text = lv.text
    m = _INLINE_RE.match(text)
    if not m or lv.line.text.startswith("(") or len(m.group("name").split()) > 8:
        return None
    name, rest, rest_start = m.group("name"), m.group("rest"), m.start("rest")
    if text[m.end("name"):rest_start].strip() == ":" and _area_only(lv.doc, m.start("name"), m.end("name")) \
            and (inner := _INLINE_RE.match(rest)) is not None:
        # "Glutes: Hip thrust - 3 x 10": the body part the move trains, as a gym plan labels its lines;
        # the move and its dose follow
        name, rest, rest_start = inner.group("name"), inner.group("rest"), rest_start + inner.start("rest")
    if label := _LABEL_TAIL_RE.search(name):
        name, rest_start = name[:label.start()], m.start("name") + label.start() + 1
        rest = text[rest_start:]
    # A short right side is part of the name ("Glute Bridge - One Leg").
    rest_doses = dz.parse_dosages(rest)
    rest_is_dose = bool(rest_doses) and is_dosage_only(rest, [(d.start, d.end) for d in rest_doses])
    if not (len(rest.split()) >= 4 or rest_is_dose or ":" in text[:rest_start]):
        return None
    split = _InlineSplit(name, rest, rest_start, rest_doses, rest_is_dose)
    for step in (_inline_period, _inline_part, _inline_set_heading, _inline_exercise):
        role = step(lv, split)
        if role is not None:
            return role
    return None


def _area_only(doc: Doc, start: int, end: int) -> bool:
    """The text between `start` and `end` is a muscle or body part of the lexicon and nothing more ("Core",
    "Glutes", "Upper back")."""
    return any(sp.start_char <= start and sp.end_char >= end for sp in doc_spans(doc, MUSCLE_KEY))


def _inline_period(lv: LineView, split: _InlineSplit) -> Role | None:
    """A period of the plan before the split: its prescription, or the move of its rung."""
    raw_name, rest = split.raw_name, split.rest
    if split.rest_is_dose and _DAY_KIND_RE.match(raw_name):
        # "On gym days: 3 sets of 8 of each": the prescription for a kind of day of the week
        return Role("dose", doses=lv.doses())
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
                 or (rest.lstrip()[:1].isdigit() and "circuit" in head_tokens))):
        sets = dz.parse_block_sets(rest)
        if sets:
            # "Circuit 2: Go through it twice, then rest", "Hip circuit: 3 sets of 10 each": the part's
            # heading and how often to repeat it, not a move named after the part
            return Role("section", title=section_title(raw_name), sets=sets)
    return None


# The most words of a part's aim after its word and number ("Phase 3: Get back to hill repeats (...)").
_AIM_WORDS = 12


def _inline_set_heading(lv: LineView, split: _InlineSplit) -> Role | None:
    """A part's word or a numbered set before the split ("Warm-up: ...", "Set 2: ..."): the part's topic, or
    the part and the moves it holds."""
    raw_name, rest, rest_start = split.raw_name, split.rest, split.rest_start
    lname = raw_name.lower().strip()
    v = lv.vocab
    part_word = (any(lname == w or lname.startswith(w) for w in v["warmup"] + v["section_words"])
                 and is_section_word_only(norm_tokens(raw_name)))
    if split.rest_is_dose or not (part_word or _NUMBERED_SET_RE.match(lname)):
        return None
    if counted := _counted_moves(lv.text, lv.doc, rest_start, fewest=1):
        # "Round 2 - 30s jogging, 15s press ups, 15s squats", "Set 4 - 5 sumo squats": the part and each move
        # with its own count, however many the part holds
        return Role("combined", title=raw_name.strip(), name=counted.name, name_start=counted.name_start,
                    name_end=counted.name_end, alternatives=counted.alternatives, alt_doses=counted.alt_doses)
    nm, cut = clean_name(rest)
    ns = rest_start + cut
    if (period_word(raw_name) and 2 <= len(rest.split()) <= _AIM_WORDS
            and (rest.rstrip().endswith(".") or starts_imperative(words_of(rest)))
            and not exercise_like(nm, lv.doc, ns)):
        # "Phase 1: Calm the tendon down.": what a stage of the plan is for, said as a sentence or an order,
        # no move ("Stage 1: March." names the stage's move)
        return Role("section", title=section_title(lv.text.rstrip(" .")))
    if len(rest.split()) > (6 if part_word else 8):
        return None
    if ends_with_section_word(PAREN_RE.sub(" ", rest)) or _ends_with_goal(rest) or (
            len(rest.split()) <= 3 and PERIOD_NUMBERS_RE.search(rest)
            and is_section_word_only(norm_tokens(PERIOD_NUMBERS_RE.sub("", rest)))):
        # "Block 1: Hip Mobility", "Lower Body Power: Day 3": the part's topic or its day, not its one exercise
        return Role("section", title=section_title(lv.text))
    if rest_day(rest):
        return Role("other_heading")  # "Day 4: Off or Light Cardio": a day of a sample week with no moves
    if INNER_STOP_RE.search(nm):
        # "Workout 6: All dumbbells! All the time!": two sentences after a part's number are its slogan, no move
        return Role("section", title=section_title(lv.text))
    # A plus sign in a set's heading only ever joins the set's moves ("Set 3: Bear crawl + Wall
    # sit"), so one known move vouches for a name the lexicon lacks; "and" may join a move's own words.
    moves = (split_alternatives(nm, _AND_RE, one_head=" + " in nm)
             if "&" in nm or " and " in nm or "+" in nm else [])
    return Role("combined", title=raw_name.strip(), name=nm, name_start=ns, name_end=ns + len(nm),
                alternatives=[(a, ns + s, ns + e, ns + ss, ns + se) for a, s, e, ss, se in moves])


@lru_cache(maxsize=1)
def _goal_end_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{goal_alternation()})\W*$", re.I)


def _ends_with_goal(text: str) -> bool:
    """The text ends on what a part trains ("Upper Body Strength & Power"): a part's focus, as a day of a plan
    is headed, never a move's name."""
    return _goal_end_re().search(text) is not None


# The most words of a list item's name the lexicon lacks, before a colon and the order that does the move.
_ITEM_NAME_WORDS = 2


def _inline_exercise(lv: LineView, split: _InlineSplit) -> Role | None:
    """An exercise named before the split, its description or dose after it."""
    text, doc = lv.text, lv.doc
    rest, rest_start = split.rest, split.rest_start
    rest_doses, rest_is_dose = split.rest_doses, split.rest_is_dose
    name, ndoses = dz.split_name_dosage(split.raw_name)
    name, cut = clean_name(name)
    name, cut = _drop_lead_in(name, cut, doc, text)
    if note_line(name) or not vocab()["statement_verbs"].isdisjoint(name.lower().split()):
        return None  # "Calf raises can be done anywhere: stand on ...": a sentence on the move, not its name
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
    # "- Gliders: Place one foot on a slider ...": a list item's short name before a colon, then the order that
    # does it, names a move the lexicon lacks (a label of the vocabulary was read before this reader)
    ordered = (lv.line.bullet and not known and ":" in text[:rest_start] and len(name.split()) <= _ITEM_NAME_WORDS
               and name[:1].isupper() and starts_imperative(words_of(rest)) and not period_word(name)
               # named as moves are, in the plural or by a movement's word ("Important: Stop if ..." is a remark)
               and ((name.endswith("s") and not name.endswith("ss")) or ends_with_head(norm_tokens(name))))
    if name and wordy(name) and not part_label and (known or ((rest_is_dose or dose_first or ordered)
                                                              and len(name.split()) <= 6
                                                              and not function_start(name) and not dose_lead(name))):
        ns, ne = name_span(text, name, cut)
        # "Lunges: Your Running Simulation": a tagline in title case after the name is a heading's, not a sentence
        tagline = not rest_is_dose and title_cased(rest)
        role = Role("exercise", name=name, name_start=ns, name_end=ne, doses=list(ndoses),
                    desc_start=None if rest_is_dose or tagline else rest_start)
        if rest_is_dose:
            role.dose_base = rest_start
            # "Side Plank (each side) - 60 sec.": the side said in the name's brackets is the dose's
            sided = any(PER_SIDE_RE.search(par.group(1)) for par in PAREN_RE.finditer(split.raw_name))
            role.doses = [shift(replace(d, per_side=True) if sided else d, rest_start) for d in rest_doses] + list(ndoses)
        return role
    return None


def lettered_name_sentence(lv: LineView) -> Role | None:
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


def run_in_caps_name(lv: LineView) -> Role | None:
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


def lead_in_name(lv: LineView) -> Role | None:
    """An exercise after the words that lead into it, then its count ("Finish with wall sits 3 x 30 s")."""
    lead = _LEAD_IN_RE.match(lv.text)
    if lead and lv.doses():
        name, cut = clean_name(lead.group("name"))
        if name and exercise_like(name, lv.doc, lead.start("name")):
            ns = lead.start("name") + cut
            return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(lv.doses()), label="after_section")
    return None


# A list item that orders one counted or timed move ("3. Do 20 supermans.", "- Perform 12 step-ups on each leg.",
# "5. Hold a plank for 30 seconds."): the words before the move's name.
_ORDERED_MOVE_RE = re.compile(r"^(?:(?:do|perform|complete)\s+\d{1,3}|hold)\s+(?:(?:a|an|the|your)\s+)?(?=[A-Za-z])", re.I)
# Between two known moves that make one ("squats with dumbbell overhead press", "step-ups into a knee drive").
_JOINED_MOVE_RE = re.compile(r"\s+(?:with|into|plus|and)\s+(?:[A-Za-z-]+\s+)?", re.I)


def ordered_move_item(lv: LineView) -> Role | None:
    """A numbered or bulleted item that is one order to do a known move so many times or for so long
    ("Do 20 supermans."): the item's exercise, as a name with its count would be, not a step of the item
    above. The move's name runs from the word after the count over a known move joined to it ("15 squats
    with dumbbell overhead press")."""
    if not lv.line.bullet or lv.two_sentences:
        return None
    m = _ORDERED_MOVE_RE.match(lv.text)
    if m is None:
        return None
    spans = [sp for sp in doc_spans(lv.doc, EXERCISE_KEY) if sp.start_char >= m.end()]
    doses = lv.doses()
    if not spans or spans[0].start_char != m.end() or not doses:
        return None
    ne = spans[0].end_char
    for sp in spans[1:]:
        if sp.start_char > ne and not _JOINED_MOVE_RE.fullmatch(lv.text, ne, sp.start_char):
            break
        ne = max(ne, sp.end_char)
    ns = m.end()
    return Role("exercise", name=lv.text[ns:ne], name_start=ns, name_end=ne, doses=list(doses))


def count_led(lv: LineView) -> Role | None:
    """The count first, then a move the lexicon knows ("15 reps Goblet squat (heels down)")."""
    return _count_led_item(lv.text, lv.doc, lv.doses, lv.bullet)


def counted_moves_line(lv: LineView) -> Role | None:
    """A line of several counted moves one after another ("10 burpees, 15 air squats, 20 sit-ups"): each
    move an exercise with its own count."""
    return _counted_moves(lv.text, lv.doc)


def name_then_dose_line(lv: LineView) -> Role | None:
    """A known move as a sentence of its own, then its prescription ("Side plank. 3 sets of 20 seconds.")."""
    if lv.ends_sentence or not lv.short:
        return _name_then_dose(lv.text, lv.doc)
    return None


def sentence_bullet(lv: LineView) -> Role | None:
    """A list item that reads as an instruction or a remark, not a name."""
    if lv.bullet and len(lv.words) >= 5 and _sentence_like(lv.text, lv.doc):
        return Role("prose")
    return None


# "Set 2" before a colon: the second group of a gym session, named by its count alone ("set" by itself is too
# common a word of doses to be a section word); what follows the colon is the group's moves.
_NUMBERED_SET_RE = re.compile(r"set\s*#?\d{1,2}$")


# A name in capitals, then an optional aside in brackets, then a capitalised word that opens the how-to.
_CAPS_RUN_IN_RE = re.compile(r"\s*(?P<name>[A-Z][A-Z'\u2019-]+(?:\s+[A-Z][A-Z'\u2019-]*){0,4})(?:\s*\([^()]{1,40}\))?\s+(?=[A-Z][a-z])")


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


# Where a rung's first clause ends ("Add a box jump, slowly" -> "Add a box jump").
_CLAUSE_END_RE = re.compile(r"[,;.!?]|\s(?:since|because|as|until|while|so)\s")
# An item's name as its own sentence, then its description (after the item's label, blanked).
_NAME_SENTENCE_RE = re.compile(r"^\s*(?P<name>[A-Za-z][^.:!?]{1,60}?)\.\s+(?=[A-Z])")
# A list item that is a name and its full stop only ("- Single leg squats.").
_NAME_ALONE_RE = re.compile(r"^\s*(?P<name>[A-Za-z][^.:!?]{1,60}?)\.\s*$")
# A superset's or block's label: "A1", "B2 -", "C.".
_LETTER_LABEL_RE = re.compile(r"\s*(?:" + SUPERSET_LABEL + "|" + LABEL_LETTER + r")\s*[-.:)]?\s")
_LEAD_IN_RE = re.compile(r"^(?:finish|end|start|begin|then|next|follow(?:ed)? (?:up )?|cool down|warm up)\s+(?:with|by)\s+(?P<name>[A-Za-z][A-Za-z' -]{2,40}?)\s+(?=\d|one|two|three|four|five|ten|for\b)", re.I)


# "Plate halo x 5 each way": a short name and its count after an "x", a list item however its name reads.
_NAME_X_COUNT_RE = re.compile(r"^\W*(?P<name>[A-Za-z][\w' /-]{2,40}?)\s+[x\u00d7]\s*\d{1,3}\b")
# ... and the count first: "10 x press-ups (on the slope)", "5 x bounds; walk back".
_COUNT_X_NAME_RE = re.compile(r"^\W*\d{1,3}\s*[x\u00d7]\s+(?P<name>[A-Za-z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){0,4})\s*(?:[(;]|$)")


# A list item that names its exercise, then a comma and its count ("Lateral walks, 15 each way with a band").
# A clock time after the comma ("Jo Lee, 1:32:10") is a result, not a count.
_NAME_COMMA_COUNT_RE = re.compile(r"^\s*(?P<name>[A-Z](?:[A-Za-z' /&]|-(?=\w)){2,40}?),\s*(?=\d)(?!\d{1,2}:\d\d)")


# Words a name never ends on: the small words of a title (TITLE_CASE_SMALL), and more that leave a phrase cut
# before its count ("Hold for 10 seconds", "Repeat up to 8 reps").
_CUT_WORDS = TITLE_CASE_SMALL | frozenset(("for", "at", "from", "by", "into", "until", "about", "up", "another", "each",
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
# The count that opens such a line, its unit and an "of" ("12 reps of", "40 seconds", "30s", "30-second"); also
# each piece of a line of counted moves (below).
_LEADING_COUNT = (r"(?P<lo>\d{1,3})(?:\s*(?:-|\u2013|to)\s*(?P<hi>\d{1,3}))?"
                  r"(?:(?:\s*|-)(?:reps?|repetitions|seconds?|secs?|s|minutes?|mins?)\b)?(?:\s+of)?\s+")
_COUNT_LED_RE = re.compile(rf"^\s*(?:\d{{1,2}}\s*[x\u00d7]\s*)?{_LEADING_COUNT}(?=[A-Za-z])", re.I)
# What may follow that name on the line: a remark in brackets, a load, or the kit or place it is done with
# ("with a band"; "with row" goes on naming the move, "Squat with row", and is left to the other rules).
_COUNT_LED_TAIL_RE = re.compile(r"\s*(?:$|[(@]|(?:with|on|against|holding|using)\s+(?:an?|the|your|\d)\b"
                                # "... leg swings each side": the count's side, no more of a sentence
                                r"|(?P<side>(?:each|per|a)\s+(?:side|leg|arm|foot|way|direction)s?\s*$))", re.I)
# The most words between the count and the known movement that still belong to the name ("Dumbbell" in
# "10 Dumbbell Romanian deadlift", "hand stand" before "push-ups"); more is a sentence.
_COUNT_LED_GAP = 2
# "2 sets of squats", "3 rounds of lunges": the unit of a count before the name it counts.
_UNIT_OF_RE = re.compile(rf"{SETU}\s+of\s+", re.I)


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
    if tail is None or (not bullet and not text[ne:].strip()):
        return None
    ns = m.end()
    if unit := _UNIT_OF_RE.match(text, ns):
        ns = unit.end()  # "2 sets of squats": the count's unit is no part of the name
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


# One move of a line of counted moves: its count (a unit maybe), its name, its side or a short note in
# brackets ("2 single leg squats each leg", "7 lunges (per leg)"). The name is a few words with no digit; a unit
# word there would make it a prescription ("3 sets, 10 reps"), not a move.
_COUNTED_MOVE_RE = re.compile(rf"\s*{_LEADING_COUNT}"
                              r"(?P<name>[A-Za-z][A-Za-z'\u2019-]*(?:\s+(?:&|[A-Za-z][A-Za-z'\u2019-]*)){0,4}?)"
                              r"(?:\s+(?:each|per)\s+(?:side|leg|arm)s?)?\s*(?:\([^()]{1,30}\))?\s*[.!]?\s*", re.I)
# Between the moves of such a line: a comma, maybe with "and"; an "and", "&" or "+" alone; each before the next
# move's count, since "&" and "and" also join the words of one name ("30s sit & reach").
_COUNTED_MOVES_SEP_RE = re.compile(r"(?:,(?:\s*(?:and|&|\+)\b)?|\s(?:and|&|\+)\s)(?=\s*\d)", re.I)
_NOT_A_MOVE = frozenset(("set", "sets", "rep", "reps", "round", "rounds", "times", "second", "seconds", "minute",
                         "minutes", "min", "mins", "sec", "secs", "rest", "each", "per", "x"))


def _counted_moves(text: str, doc: Doc, start: int = 0, fewest: int = 2) -> Role | None:
    """Every piece of the line from `start` between its separators is a count and a name, at least `fewest` of
    them, and the lexicon knows one of the names at least. Gated on a digit opening that part of the line."""
    if not text[start:start + 4].strip()[:1].isdigit():
        return None
    cuts = [start]
    for m in _COUNTED_MOVES_SEP_RE.finditer(text, start):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    if len(cuts) < 2 * fewest:
        return None
    alternatives, alt_doses = [], []
    known = False
    for a, b in zip(cuts[::2], cuts[1::2]):
        m = _COUNTED_MOVE_RE.fullmatch(text, a, b)
        if m is None or m.group("name").split()[0].lower() in _NOT_A_MOVE:
            return None
        doses = dz.parse_dosages(text[a:b], list_item=True)
        if not doses:
            return None
        ns, ne = m.span("name")
        alternatives.append((text[ns:ne], ns, ne, ns, b))
        alt_doses.append([shift(d, a) for d in doses])
        known = known or bool(exercise_spans_in(doc, ns, ne))
    if not known:
        return None
    first = alternatives[0]
    return Role("exercise", name=first[0], name_start=first[1], name_end=first[2], alternatives=alternatives,
                alt_doses=alt_doses)


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


# A count, or a dash between words, in a list item's first sentence.
_COUNT_OR_DASH_RE = re.compile(r"\d|\s[-\u2013\u2014]\s")


def _named_list_item(text: str, doc: Doc, doses: Callable[[], list[dz.DoseMention]]) -> Role | None:
    """A list item whose first sentence, or what precedes a comma and a count, is the exercise's name and
    whose rest prescribes it ("Lateral hop series. Do 3 sets of 6.", "Box step-downs, 12 per leg, slowly"):
    an exercise even when the lexicon does not know the name, since a list item that opens with a short
    name and then gives a count names the move it counts. With no count, the first sentence must name a move
    the lexicon knows ("Side-lying abduction. Lie on your side ...", "Single leg squats."). An instruction
    ("Keep your hips level. Do 10.") or a sentence opener is no name. `doses` parses the line's doses (only
    when a name was found)."""
    note = _NAME_NOTE_RE.fullmatch(text)
    if note is not None and len(note.group("name").split()) <= 5 and exercise_like(note.group("name"), doc, note.start("name")):
        # "Donkey kicks (fire the glutes, steady the pelvis)": the name and what it is for, in brackets
        return Role("exercise", name=note.group("name"), name_start=note.start("name"), name_end=note.end("name"),
                    doses=doses(), desc_start=note.start("note"))
    if note is not None and len(note.group("name").split()) <= 3 and title_cased(note.group("name")):
        # "Wall Drives (lean on a wall, punch one knee up)": a name the lexicon lacks and its how-to; a move
        # when its list says so (the assembler's heading reading)
        return Role("maybe_heading", name=note.group("name"), name_start=note.start("name"), name_end=note.end("name"),
                    desc_start=note.start("note"))
    m = _NAME_COMMA_COUNT_RE.match(text)
    comma = m is not None
    counted = None
    if m is None:
        # "Wall sit 40 seconds (keep your back flat ...)": the count right after the name, then remarks
        m = counted = _NAME_COUNT_FIRST_RE.match(text)
    sentence = m is None
    if sentence:
        m = _NAME_SENTENCE_RE.match(text) or _NAME_ALONE_RE.match(text)
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
    if not after and not (sentence and exercise_like(name, doc, ns) and not starts_imperative(words_of(name))
                          and not _COUNT_OR_DASH_RE.search(m.group("name"))):
        # "- Side-lying adduction. Lie on your side ...": a move the lexicon knows, its how-to after it, is the item's
        # move with no count; "- Get into a side plank. ..." opens a how-to, and a count or a dash in that first
        # sentence ("- Leg swings – 10 each leg.", "- Bounding - big skips.") is for the readers that split there
        return None
    # After a comma the count and its words ("12 per leg with a dumbbell") are the item's own, read for its
    # kit and muscles as the name is; after a full stop come sentences that describe the move.
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=after,
                desc_start=None if comma or m.end() == len(text) else m.end())


# A known move's name in a list item, then how it is varied ("... with leg lift", "... over a step", "... to
# balance"): the words that may join a variant's detail onto the name.
_VARIANT_JOINS = frozenset(("with", "on", "to", "into", "onto", "over", "off", "from", "against", "using", "holding", "and"))
# Words that make a phrase a clause: a subject, a verb's helper, a negation.
_CLAUSE_WORDS = frozenset(("you", "your", "it", "its", "they", "we", "i", "my", "this", "these", "do", "does", "don't",
                           "not", "be", "being", "been"))
# The most words of a bulleted variant's name ("Isometric double leg bridge with weight").
_VARIANT_NAME_WORDS = 8


def _variant_name(text: str, spans: list) -> bool:
    """A list item that is a known move's name with its variant ("Forearm plank with arm reach", "Single leg
    deadlift to knee drive"): no clause word and no sentence's end, at most three modifiers before the move (none of them a
    small word: "Hips level during the bridge" is a cue) and after it nothing, or a short detail joined by a
    preposition ("Full squat depth each rep" is no name). classify() calls these cues for their body words."""
    stripped = text.rstrip()
    if not spans or stripped.endswith((".", "!", "?", ":", ";", ",")):
        return False
    words = [w.strip("()").lower() for w in stripped.split()]
    if not 2 <= len(words) <= _VARIANT_NAME_WORDS or any(w in _CLAUSE_WORDS for w in words) or note_line(stripped):
        return False
    before = text[:spans[0].start_char].split()
    if len(before) > 3 or any(w.lower() in TITLE_CASE_SMALL for w in before):
        return False
    after = text[spans[0].end_char:].split()
    if after and (after[0].lower() not in _VARIANT_JOINS or len(after) > 5):
        return False
    return not starts_imperative(words_of(stripped.lower()))


def _sentence_like(text: str, doc: Doc) -> bool:
    """A bullet that is an instruction or remark, not a list item naming an exercise."""
    spans = doc_spans(doc, EXERCISE_KEY)
    if spans and spans[0].start_char <= 2:
        return False
    if _variant_name(text, spans):
        return False
    m = _NAME_X_COUNT_RE.match(text)
    if m and len(m.group("name").split()) <= 4 and not starts_imperative(words_of(m.group("name"))):
        return False
    m = _COUNT_X_NAME_RE.match(text)  # (its pattern bounds the name: five words, which a side may open)
    if m and not starts_imperative(words_of(m.group("name"))):
        return False
    if title_cased(text):
        return False  # "Heavy Sled Reverse Lunges": every word capitalised, as a name is written, never a sentence
    alts = split_alternatives(text)
    if alts and not any(len(a.split()) > 1 and starts_imperative(words_of(a)) for a, *_ in alts):
        # "dumbbell squat OR sumo deadlift": names of moves to choose from, each ending in a movement's word;
        # "Hold the plank or side plank" opens with an order
        return False
    got = classify(text)
    return got is not None
