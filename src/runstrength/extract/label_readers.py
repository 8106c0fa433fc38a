"""Readers of the lines that say what they are: the page's furniture (the end marker, boilerplate, a byline,
navigation) and labels ("Sets: 3    Reps: 10", "Target: glutes", "Instructions" alone).
"""
from __future__ import annotations

import re
from dataclasses import replace

from runstrength.extract import dosage as dz
from runstrength.extract.line_names import exercise_like
from runstrength.extract.line_view import LineView, Role, shift
from runstrength.extract.meta import DATE_LINE_RE, byline_name
from runstrength.extract.vocab import is_boilerplate, vocab


_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /&]{1,30}?)\s*:\s*(.*)$")
# A label, then a spaced dash, then its value ("Progression - Alternate sides").
_DASH_LABEL_RE = re.compile(r"^\s*([A-Za-z]{3,14})\s+[-\u2013\u2014]\s+(\S.*)$")
# "Sets/Reps", "Sets & reps", "Sets x Reps": a label made of several labels.
_LABEL_JOIN_RE = re.compile(r"\s*(?:/|&|\bx\b|\band\b)\s*")


def _label_of(text: str) -> tuple[str, str] | None:
    m = _LABEL_RE.match(text)
    if not m:
        m = _DASH_LABEL_RE.match(text)
        if m and m.group(1).lower() in vocab()["dash_labels"]:
            return m.group(1).lower(), m.group(2)  # "Regression - Slide your back down the wall"
        return None
    head = m.group(1).lower().strip()
    labels = vocab()["labels"]
    if head in labels or all(p in labels for p in _LABEL_JOIN_RE.split(head)):
        return head, m.group(2)
    return None


# Navigation, breadcrumbs and bylines: short parts joined by separators ("Home > Blog > Knees", "Coach Jo | Physio").
_NAV_SEP_RE = re.compile(r"\s[|\u00b7\u2022\u203a\u00bb]\s|^(?:home|you are here)\b.*\s[/>]\s", re.I)


# First letters of a byline's lead ("By", "Written by", "Posted on ... by", "From the desk of",
# "Words:", "Author:", "Prepared by", "Compiled by", "Reviewed by", "Answer from", "Designed by", "Hosted by",
# "Clinician:", "Therapist:"...): other lines skip the byline test.
_BYLINE_FIRST = frozenset("bwpfracduht")


def _only_frequency(text: str) -> bool:
    """The line says how often and nothing else ("3 times a day", "Twice daily")."""
    spans = dz.frequency_spans(text)
    if len(spans) != 1:
        return False
    start, end = spans[0]
    return not any(c.isalnum() for c in text[:start] + text[end:])


# The last sentence of a line that ends in a colon ("Easy on the back. Here's how:"), after an earlier one.
_LAST_SENTENCE_RE = re.compile(r"[a-z)\d]{1,}[.!?]\s+([^.!?]+:)\s*$")


# "How to do it" with the move's name for "it" ("How to perform lunges:", "How to do a side plank"), alone on its line.
_HOW_TO_NAMED_RE = re.compile(r"^\W*(?P<label>how\s+to\s+(?:do|perform))\s+(?:an?\s+|the\s+)?(?P<name>[^:.!?]+?)\s*:?\s*$", re.I)
_HOW_TO_NAMED_WORDS = 8


def _bare_label(lower: str) -> str:
    """A lower-cased line as bare_labels lists it: no colon, single spaces, straight apostrophes, and a space
    for a hyphen ("How-To:", "Set-up")."""
    return " ".join(lower.rstrip(":").replace("’", "'").replace("-", " ").split())


# A reason's label alone on its line, with the move's aim or the reader's problem after it ("Why it works:",
# "Why This Helps Sore Knees:"): the sentences below say what the exercise above is for.
_WHY_LABEL_RE = re.compile(r"^\W*why\b[^:.!?]{0,40}:\s*$", re.I)
_WHY_LABEL_WORDS = 8


def end_marker(lv: LineView) -> Role | None:
    """A short line that opens the page's furniture after the article ("Related posts", "About the author")."""
    if lv.lower.startswith(lv.vocab["end"]) and len(lv.words) <= 6:
        return Role("end")
    return None


def boilerplate(lv: LineView) -> Role | None:
    """A line of the site's furniture (a newsletter sign-up, "click here", an e-mail address), unless long prose."""
    if is_boilerplate(lv.text) and (len(lv.words) <= 30 or "@" in lv.text):
        return Role("boiler")
    if len(lv.words) <= 25 and any(map(str.isdigit, lv.text)) and DATE_LINE_RE.fullmatch(lv.text):
        # "10.26.2011", "March 3, 2021 | Training": when the post went up, never a part of the routine
        return Role("boiler")
    return None


def dose_label_line(lv: LineView) -> Role | None:
    """A label whose value is the prescription ("Sets: 3", "Sets: 3    Reps: 10")."""
    return _dose_label(lv.text)


def byline(lv: LineView) -> Role | None:
    """The writer's line ("By Jo Lee, Lunge Lab coach")."""
    if lv.lower[:1] in _BYLINE_FIRST and len(lv.words) <= 25 and byline_name(lv.text, top=False):
        # "By Jo Lee, Lunge Lab coach": the writer, even when a word of the affiliation names a movement
        return Role("other_heading")
    return None


def label_line(lv: LineView) -> Role | None:
    """A label of the vocabulary and its value ("Target: glutes", "Equipment: a band")."""
    label = _label_of(lv.text)
    if label:
        return Role("label", label=label[0], desc_start=len(lv.text) - len(label[1]))
    return None


def remark_then_steps(lv: LineView) -> Role | None:
    """A remark whose last sentence is a bare label ending in a colon ("A gentle one to start. Here's how:")."""
    lower = lv.lower
    if lower.endswith(":") and any(stop in lower for stop in ".!?"):
        last = _LAST_SENTENCE_RE.search(lower)
        if last is not None and _bare_label(last.group(1)) in lv.vocab["bare_labels"]:
            # "A gentle one to start. Here's how:": a remark, then the steps of the exercise above
            return Role("prose")
    return None


def bare_label_or_frequency(lv: LineView) -> Role | None:
    """A label alone on its line ("Instructions", "How to perform lunges:"), or how often alone ("2-3 times a
    day")."""
    how = _HOW_TO_NAMED_RE.match(lv.text)
    if how and len(lv.words) <= _HOW_TO_NAMED_WORDS and exercise_like(how.group("name"), lv.doc, how.start("name")):
        # "How to perform lunges:" under the lunge's heading: the label of its steps, the move named again
        return Role("label", label=_bare_label(how.group("label").lower()), desc_start=len(lv.text))
    if len(lv.words) <= _WHY_LABEL_WORDS and _WHY_LABEL_RE.match(lv.text):
        return Role("label", label="why", desc_start=len(lv.text))
    if len(lv.words) > 5:
        return None
    bare = _bare_label(lv.lower)
    if bare in lv.vocab["bare_labels"]:
        # "Instructions" alone under an exercise heading: its steps follow, still the same exercise's
        return Role("label", label=bare, desc_start=len(lv.text))
    if _only_frequency(lv.text):
        # "2-3 times a day" alone: a frequency cell of a flattened table, said of the exercise above,
        # never a heading of a routine part
        return Role("label", label="frequency", desc_start=0)
    return None


# Words a label before a frequency may have ("Frequency", "How often", "Frequency of sessions").
_FREQUENCY_LABEL_WORDS = 4


def frequency_label_line(lv: LineView) -> Role | None:
    """A label whose value is how often the plan is done ("Frequency of sessions: twice a week"): a fact of the
    plan, whatever its label's words, not the heading of a part."""
    colon = lv.text.find(":")
    if colon <= 0 or not lv.short or len(lv.text[:colon].split()) > _FREQUENCY_LABEL_WORDS:
        return None
    spans = dz.frequency_spans(lv.text[colon + 1:].lstrip())
    return Role("label", label="frequency", desc_start=colon + 1) if spans and spans[0][0] == 0 else None


def navigation(lv: LineView) -> Role | None:
    """Navigation, breadcrumbs and bylines ("Home > Blog > Knees", "Coach Jo | Physio")."""
    if len(lv.words) <= 16 and _NAV_SEP_RE.search(lv.text) and not lv.doses():
        return Role("other_heading")
    return None


# A label whose value is the prescription: "Sets/Reps: 3 x 8", "Reps: 12 each side", "Sets: 3", a form's
# "Target reps = 10".
_DOSE_LABEL_RE = re.compile(
    r"^\W*(?:(?:target|goal)\s+)?(?P<label>sets?(?:\s*(?:/|&|and|x|×)\s*(?:reps?|time|duration))?|reps?(?:\s*(?:/|&|and)\s*(?:sets?|time|duration))?"
    r"|rounds?|repetitions|dosage|dose|prescription|volume|duration|time|holds?(?:\s+time)?"
    # a handout's question labels: "How many: 8 to 12 reps", "How long: 30 seconds"
    r"|how\s+(?:many|much|long|often)|amount)"
    # its colon, or a dash set apart as a list's labels have it ("Repetitions – 15-20 reps")
    r"(?:\s*[:=]|\s+[-\u2013\u2014])\s*(?P<value>\S.*)$", re.I)
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


# A dose label's value that counts days, weeks or months ("Duration: 6 weeks"): the plan's length.
_PERIOD_VALUE_RE = re.compile(r"\W*(?:about\s+|at\s+least\s+|up\s+to\s+)?\d{1,3}(?:\s*(?:-|to)\s*\d{1,3})?\s*(?:days?|weeks?|wks?|months?|years?)\b",
                              re.I)


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
    if not doses and _PERIOD_VALUE_RE.match(value):
        return Role("label", label=label, desc_start=base)  # "Duration: 4 weeks": how long the plan runs, no dose
    if not doses:
        r = dz.parse_block_sets(value + " sets") if label.startswith(("set", "round")) and "/" not in label else None
        if r is not None:
            doses = [dz.DoseMention(stage="main", sets=r, start=base, end=len(text), text=value)]
        else:
            doses = [shift(d, base) for d in dz.parse_dosages(value, list_item=True)]
    return Role("dose", doses=doses) if doses else None
