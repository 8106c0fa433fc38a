"""The last reader of a line: a short line that does not end as a sentence, read as a heading (of a part, of a
day of the week, of a move, of the page) or a list item naming a move.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from runstrength.extract import dosage as dz
from runstrength.extract.line_names import (INTRO_HINT, INTRO_RE, PAREN_RE, benefit_line, clean_name, dangling_end, dose_lead,
                                            exercise_like, function_start, name_span, note_line, period_word, split_alternatives,
                                            split_dashed, split_listed, title_cased, wordy)
from runstrength.extract.line_view import DAY_LABEL_RE, LineView, Role, SUPERSET_LABEL, WEEKDAY_RE, doc_spans, shift
from runstrength.extract.nlp import EXERCISE_KEY, norm_tokens
from runstrength.extract.part_readers import counts_whole_article, section_title
from runstrength.extract.sentences import starts_imperative, words_of
from runstrength.extract.vocab import is_section_word_only, strong_section


_ALL_OF_GROUP_RE = re.compile(r"\b(all|each|every) (of the )?(exercises?|moves?|movements?|drills?)\b")


# One word of a level and a colon opening a line ("Novice:", "Advanced+:"), taken off when a move follows;
# numbered periods ("Phase 2: ...") are parts of the plan and stay headings.
_LEVEL_LABEL_RE = re.compile(r"([A-Za-z]{4,14})\+{0,2}\s*:\s+")


# What a count before it counts when the count is of days or sessions ("2 days: upper + lower"), not of reps.
_COUNTED_PERIOD_RE = re.compile(r"^(?:days?|weeks?|months?|sessions?|workouts?)\b", re.I)


# The label of the next exercise of a superset inside a heading ("A1 Goblet squat / A2 Push-up"),
# with what joins it to the one before.
_NEXT_LABEL_RE = re.compile(r"\s*[/+&|,]?\s*\b" + SUPERSET_LABEL + r"\s*[.:)-]?\s+(?=[A-Za-z])")


def _split_labelled(name: str) -> list[tuple[str, int, int, int, int]]:
    """'Goblet squat / A2 Push-up' (a superset's heading, its first label blanked) -> both exercises,
    in the format of split_alternatives; [] unless each part is a name."""
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


_STAMP_RE = re.compile(r"\s*\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?\s")


def _weekly_note(text: str) -> bool:
    """A heading whose brackets say how often a week ("HOME PLAN (3x a week, 2 rounds each)"):
    a printed summary's heading, not an exercise."""
    if "(" not in text:
        return False
    return any(dz.parse_frequency(m.group(1)) for m in PAREN_RE.finditer(text)) or (
        text.count("(") > text.count(")") and dz.parse_frequency(text[text.rindex("("):]) is not None)


def _only_lead_in(name: str) -> bool:
    """The words that introduce an exercise and nothing after them ("Start with", "Then, finish with")."""
    text = name + " "  # INTRO_RE ends on the space before the name it introduces
    m = INTRO_RE.match(text)
    return m is not None and not text[m.end():].strip(" :,-")


def short_heading_or_item(lv: LineView) -> Role | None:
    """A short line that does not end as a sentence: a heading (of a part, a day, a move, the page) or a
    list item naming a move. The last reader: what it does not place otherwise is a heading of nothing."""
    if not lv.short or lv.ends_sentence:
        return None
    text, doc = lv.text, lv.doc
    if "___" in text:
        return None  # "Hold ____ seconds, do ____ a day": a handout's line to fill in, a prescription left blank
    if _weekly_note(text):
        return Role("other_heading")
    if _STEP_LABEL_RE.match(text):
        # "Step 2" alone over a paragraph: the number of a how-to's step names no move and no part
        return Role("other_heading")
    if _ROUTE_RE.match(text) and not any(w.lower() in ("your", "you") for w in lv.words):
        # "Jog to the north beach", "Run back to the car park": a club session's leg between its stops, never a
        # move (the place is no name) nor the heading of the moves done at the stop; "Walk to the wall on your
        # heels" is a step
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
    day = DAY_LABEL_RE.match(name)
    split_day = day is None and WEEKDAY_RE.fullmatch(name) is not None
    if split_day:
        # "Friday - Leg Day.": the dose splitter took the dash for a name-description split
        day = DAY_LABEL_RE.match(text)
        name, cut = text.rstrip(" ."), 0
    if day:
        # "Tuesday: 8 x 400 m + strength": a day of a sample week; an exercise only if a movement is
        # named after the day ("Monday: goblet squats 3 x 10")
        name, cut = name[day.end():], cut + day.end()
        # asked on every path below, so asking it first does no extra work
        named = exercise_like(name, doc, max(text.find(name), 0))
        if split_day and named:
            return name, cut, Role("other_heading")  # "Monday: easy run plus strides": what the day holds, in words
        if not named:
            if not title_cased(name):
                return name, cut, Role("other_heading")  # "Sunday: off", "Thursday: tempo run": a line of a sample week
            # "Friday - Leg Day" over its moves is the part done that day (the assembler's maybe_heading:
            # a part when exercises follow); over prose or another day it heads nothing
            return name, cut, Role("maybe_heading", name=text.strip(), title=section_title(text).rstrip("."), label="part")
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
        return Role("maybe_heading", name=text.strip(), title=section_title(text), sets=sets, label="part")
    if ndoses and INTRO_HINT(name) and _only_lead_in(name):
        # "Begin with 3 minutes of marching on the spot, then:": a sentence cut at its count, not a name
        return Role("prose")
    lname = " ".join(tokens)
    # "(2 sets unless noted)" in a heading is the default of every move, even in brackets. "Each move" counts
    # here too, unlike in strong_section_heading: a line that gets here was not read as a part's heading, so it
    # has no part of its own whose moves "Do 2 sets of every exercise" could count.
    if sets and counts_whole_article(text, lower, _ALL_OF_GROUP_RE):
        return Role("article_sets", sets=sets, title=text)
    if (name and strong_section(lname) and (not function_start(name) or _ARTICLE_START_RE.match(name) and title_cased(name))
            and len(tokens) <= 8 and not lv.two_sentences):
        title = section_title(text)
        return Role("section", title=title, sets=sets)
    return None


def _heading_of_move(lv: LineView, name: str, ndoses: list[dz.DoseMention], cut: int, tokens: tuple[str, ...],
                     sets: tuple[int, int] | None) -> Role | None:
    """A short line that names a move the lexicon knows: the exercise, maybe several alternatives."""
    text, doc = lv.text, lv.doc
    if not (name and exercise_like(name, doc, max(text.find(name), 0))):
        return None
    lname = " ".join(tokens)
    if not lv.vocab["statement_verbs"].isdisjoint(lname.split()):
        # "Option 2 is a hop progression:": a sentence leading into the moves below (they name
        # themselves), neither a name nor the heading of a part
        return Role("prose")
    ns, ne = name_span(text, name, cut)
    if not lv.bullet and not ndoses and is_section_word_only(tokens) and not doc_spans(doc, EXERCISE_KEY):
        # "Stretching" standing alone: a part's word that ends like a movement and names none of the
        # lexicon's; a part when exercises follow, a move when instructions do (the assembler's maybe_heading)
        return Role("maybe_heading", name=name, name_start=ns, name_end=ne, title=section_title(text), sets=sets)
    alts: list[tuple[str, int, int, int, int]] = []
    if ne - ns == len(name):
        # only a name the line holds as one run is cut into parts: their offsets count from its start
        alts = _split_labelled(name) or split_alternatives(name) or split_listed(name) or split_dashed(name, doc, ns)
    return Role("exercise", name=name, name_start=ns, name_end=ne, doses=list(ndoses), alternatives=[(a, ns + s, ns + e, ns + ss, ns + se) for a, s, e, ss, se in alts])


def _heading_of_nothing(lv: LineView, name: str, ndoses: list[dz.DoseMention], tokens: tuple[str, ...],
                        sets: tuple[int, int] | None) -> Role:
    """A short line that names no known move: a part's word, a note, a counted item the lexicon lacks, a
    heading that may head a part, or a heading of nothing."""
    text, line = lv.text, lv.line
    if ndoses and dangling_end(name) and not text.rstrip().endswith(":"):
        # "Lean forward and hold for 30 seconds": a step that lost its full stop, cut at its count (a lead-in,
        # "I did circuits for 70 minutes on Saturday:", opens what follows)
        return Role("prose")
    if name and is_section_word_only(tokens) and len(tokens) <= 6 and not line.bullet:
        return Role("section", title=section_title(text), sets=sets)
    if note_line(text):
        return Role("prose" if line.bullet else "other_heading")
    if (name and wordy(name) and ndoses and len(tokens) <= 6 and not function_start(name) and not dose_lead(name)
            and not _COUNTED_PERIOD_RE.match(name)):
        ns, ne = name_span(text, name, 0)
        return Role("exercise", name=name, name_start=ns, name_end=ne, doses=list(ndoses))
    if _STAMP_RE.match(line.text):
        return Role("other_heading")  # a video chapter that names no exercise ("00:00 - Intro")
    if tokens and tokens[-1] in lv.vocab["document_parts"]:
        return Role("other_heading")  # "General instructions", "Full transcript": a part of the page, not of the routine
    if text[:1] == "*" and text[1:2].isalpha() and not text.rstrip().endswith("*"):
        return Role("prose")  # "*Use a chair for balance": a footnote to the list, not a heading (italics close their "*")
    if (name and wordy(name) and len(tokens) <= 8 and not function_start(name) and not lv.ends_sentence and ":" not in text[:-1]
            and not benefit_line(name)):
        if _instruction(name, line.bullet) or _unpunctuated_step(lv.words):
            return Role("prose")  # "Pause", "Roll your hips back": a step of the list above
        ns, ne = name_span(text, name, 0)
        return Role("maybe_heading", name=name, name_start=ns, name_end=ne, doses=list(ndoses), title=section_title(text), sets=sets)
    if _unpunctuated_step(lv.words):
        return Role("prose")  # "Allow your hips to touch the floor then repeat": a step that lost its full stop
    return Role("other_heading")


# Words from which a line in sentence case is a step of a how-to rather than a heading, when it tells the
# reader what to do or how to set up.
_STEP_WORDS = 6
# Not gerunds: "Using a band for hip strength" heads a part as often as it sets up a move.
_SETUP_OPENERS = frozenset(("with", "while"))


def _unpunctuated_step(words: list[str]) -> bool:
    """A step written without its full stop: in sentence case (no shouted word, all but one of the others
    lower case), long for a heading, and an instruction (an imperative, or a set-up: "With a band around ...")."""
    if (len(words) < _STEP_WORDS or not words[0][:1].isupper() or words[0].isupper() and len(words[0]) > 1
            or words[-1].endswith(("?", ":"))):
        return False
    if sum(w[:1].isupper() for w in words[1:]) > 1:
        return False
    lower = [w.lower().strip(",;") for w in words]
    if any(map(str.isdigit, "".join(words))) and "your" not in lower:
        return False  # a count or a price ("Set of 3 bands - $14") is a list's item; "Keep your knee at 90 degrees" a step
    return lower[0] in _SETUP_OPENERS or starts_imperative(lower)


# A heading ending on the number of a variant ("Bridge variation 2", "Bird dog level 3", "Plank - option 1"): one of
# several variants headed apart, never a count.
_NUMBERED_VARIANT_RE = re.compile(r"\b(?:part|pt|level|lvl|version|variation|option|progression|regression|stage|phase)\.?\s*#?\d{1,2}$", re.I)


# A leg of a run between two places ("Jog to the pier", "Run back to the start"); "Run 2 km" counts a distance.
_ROUTE_RE = re.compile(r"\W*(?:jog|run|walk|sprint|cycle|ride|head)\s+(?:back\s+|over\s+|up\s+|down\s+|out\s+)?"
                       r"(?:to|towards?)\s+(?:the\s+)?[a-z]", re.I)
# A how-to's step number alone on its line ("Step 3", "Step #3:").
_STEP_LABEL_RE = re.compile(r"\s*step\s*#?\s*\d{1,2}\s*[.:)]?\s*$", re.I)
# "A Simple Strength Routine", "An Easy Core Circuit": a part's heading in title case may open with an article,
# where a sentence in sentence case ("A strong core helps you run") does not head a part.
_ARTICLE_START_RE = re.compile(r"an?\s", re.I)
# A label and its number opening a heading, then its topic: "Rung 2: Slow loading", "Tier B - Power".
_NUMBERED_PART_RE = re.compile(r"^\s*[A-Z][a-z]{2,12}\s+(?:\d{1,2}|[A-H])\s*[:\u2013\u2014-]\s+[A-Za-z]")


def _instruction(name: str, bullet: bool) -> bool:
    """A step of a how-to list, not a heading: a verb alone in a list ("Pause", "Exhale"; a heading of one
    word, "Balance", is a part) or a verb and the reader's body ("Lower your hips slowly"). Only asked of
    names the lexicon does not know ("Plank" is known)."""
    words = words_of(name)
    return starts_imperative(words) and ((len(words) == 1 and bullet) or any(w.lower() == "your" for w in words))


def _name_before_dose(text: str, doses: list, name: str) -> str:
    """When the prescription follows the name ("Monster walks 2 x 10 steps"), the name is what precedes it."""
    if not doses:
        return name
    first = min(d.start for d in doses)
    head = text[:first].rstrip(" (-:,")
    return head if first > 0 and wordy(head) and head.strip() else name
