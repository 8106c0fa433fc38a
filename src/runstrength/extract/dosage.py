"""Dosage grammar: sets, reps, times, per-side, stage, frequency and rest.

Everything here is a pure function over a string, built on regular expressions
compiled once at import.  The parser works sentence by sentence:

1. *Masks* (dose_masks.py) blank out numbers that are never a dosage
   (percentages, weights, distances, angles, frequencies such as "2x/week",
   list numbering, "add 2 extra reps" increments).  Masked characters become
   ``#`` so offsets stay valid and no later pattern can bridge across them.
2. *Atoms* (dose_atoms.py) are matched in priority order (``2 x 8`` before
   ``8 reps`` before ``8x``); each match is masked so a number is used once.
3. Each atom gets a *stage* from stage markers of its clause ("start with",
   "build up to", "start again at", "... to start"; dose_stages.py).
4. Atoms of one stage in one sentence are *merged* into one mention until a
   field would be overwritten, which starts a new mention (here).

Sentence-wide facts (per side, the word "hold") are applied to every mention
of the sentence, because writers put them anywhere (a closing "swap legs"
applies to a hold given earlier in the sentence).

The number and unit pieces are quantities.py's, sessions per week are
frequency.py's; this module is the entry point the rest of the extractor
imports, and also reads a block's sets, a rest phrase and a list line's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from runstrength.extract.dose_atoms import EMOM_RE, MAX_PASSES, PER_SIDE_SUFFIX_RE, Atom, cached_atoms, copy_atom
from runstrength.extract.dose_masks import masked
from runstrength.extract.dose_stages import COLON_MARKER_RE, EACH, LIMB, LIMBS, PER_SIDE_RE, clause_spans, hold_near, sentence_spans, stage_of
from runstrength.extract.frequency import frequency_spans, parse_frequency
from runstrength.extract.gates import AnyOf, compile_gated
from runstrength.extract.quantities import (CACHE_SIZE, LB, NUM, RANGE, SETU, TU, WORD_VALUES, Range, has_number_hint,
                                           int_range, to_int, to_number)

__all__ = [
    "DoseMention",
    "Range",
    "frequency_spans",
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
    # A rule said of one kind of exercise only ("hold every stretch ..."): "stretch"; "" for any exercise.
    scope: str = ""
    # A lower bound only ("hold for at least 20 seconds"): the dosage's max is left open.
    open_max: bool = False
    # The reps are a count of times ("40 seconds, 4 times", "4x"), not of repetitions said as such.
    reps_are_times: bool = False


_MAX_MERGE_GAP = 60
_AT_LEAST_BEFORE_RE = re.compile(r"\b(?:at\s+least|a\s+minimum\s+of|no\s+less\s+than)\s+$", re.I)
_OTHER_SIDE_RE = re.compile(
    # "Do the exercise again on the other leg": the move itself named as what is done again
    r"\W*(?:(?:now|then)\s+)?(?:repeat|switch|swap|change|do\s+(?:the\s+same|the\s+(?:exercise|movement|move|stretch)|it|this)|perform|complete)\b[^.!?]{0,40}?"
    rf"\b(?:other|opposite|second|left|right)\s+{LIMB}s?\b"
    rf"|\W*(?:(?:now|then)\s+)?(?:switch|swap|change|alternate)\s+{LIMBS}\b"
    # "Repeat the stretch on both legs.", "Perform the exercise on each leg."
    rf"|\W*(?:(?:now|then)\s+)?(?:repeat|do|perform|complete)\b[^.!?]{{0,40}}?\b(?:on|with|for)\s+(?:both|each|either)\s+(?:{LIMB}|{LIMBS})\b",
    re.I,
)
# "... again 10 times": the count before it done once more
_AGAIN_BEFORE_RE = re.compile(r"\bagain\s+(?:for\s+)?$", re.I)
_HOLD_SUFFIX_RE = re.compile(r"\s*-?\s*(?:isometric\s+|static\s+)?holds?\b", re.I)


def _extend_per_side(text: str, end: int) -> int:
    m = PER_SIDE_SUFFIX_RE.match(text, end)
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
    pending: list[Atom] = field(default_factory=list)
    # the sets came from a repeat ("repeat this 3 times", "twice more") that counts holds when a hold is repeated
    flex_sets: bool = False
    reps_are_times: bool = False


def _fits(g: _Group, a: Atom) -> bool:
    if a.flex == "reps":
        return g.reps is None or g.sets is None
    if a.flex == "sets":
        return g.sets is None or (g.reps is None and g.seconds is not None)
    if a.flex == "more":
        return g.sets is None
    return not ((a.sets and g.sets) or (a.reps and g.reps) or (a.seconds and g.seconds))


def _absorb(g: _Group, a: Atom) -> None:
    g.end = max(g.end, a.end)
    g.start = min(g.start, a.start)
    if a.flex == "reps":
        if g.reps is None:
            g.reps = a.flex_val
            g.reps_are_times = a.times
        else:
            g.sets = a.flex_val
    elif a.flex == "more":
        g.sets = a.flex_val
        g.flex_sets = True
    elif a.flex == "sets":
        # "Hold 10 seconds, repeat this 5 times": a bare repeated hold counts reps.
        if g.reps is None and g.sets is None and g.seconds is not None:
            g.reps = a.flex_val
            g.reps_are_times = a.times
        elif g.sets is None:
            g.sets = a.flex_val
            g.flex_sets = True
        else:
            g.reps = a.flex_val
            g.reps_are_times = a.times
    else:
        g.sets = a.sets or g.sets
        if a.reps:
            g.reps, g.reps_are_times = a.reps, a.times
        g.seconds = a.seconds or g.seconds
    g.hold = g.hold or a.hold


# The parsers below are pure functions of their text and the extractor calls
# them on the same text several times (a line, then each of its sentences,
# then a line's parts), so results are memoised.  Cached values are immutable
# (tuples of frozen mentions); callers get fresh lists.  (CACHE_SIZE is
# quantities.py's: the masking and atom caches use it too.)


def parse_dosages(text: str, *, list_item: bool = False) -> list[DoseMention]:
    """Every dosage mention of `text`, in reading order.

    `list_item=True` for a bullet or heading line that names an exercise: a
    bare leading or trailing number is then read as reps.
    """
    return list(_parse_dosages(text, list_item))


# "Sets 3 Reps 10 each side Rest 30sec": a line of labels each followed by its value, without colons (read from
# left to right, "3 Reps" would be three reps). Known from its opening: a count's unit never comes before it.
_LABEL_FIRST_RE = re.compile(r"^\W*(?:sets?|reps?|repetitions)\s+\d", re.I)
# Each label of such a line with the space after it, which a colon takes the place of (the text keeps its length).
_LABEL_VALUE_RE = re.compile(r"\b(?:sets?|reps?|repetitions|rounds?|hold|rest|time|duration)(\s)(?=\s*\d)", re.I)


def _label_colons(text: str) -> str:
    """`text` with a colon after each label of a labels-first line ("Sets:3 Reps:10"), else `text` itself."""
    if not _LABEL_FIRST_RE.match(text):
        return text
    return _LABEL_VALUE_RE.sub(lambda m: m.group(0)[:-1] + ":", text)


@lru_cache(maxsize=CACHE_SIZE)
def _parse_dosages(text: str, list_item: bool) -> tuple[DoseMention, ...]:
    # A sentence without a number hint has no atom (dose_atoms), and a text without one has no
    # sentence with one: sentences are cut at whitespace, so a hint word's \b edges hold in both.
    if not has_number_hint(text):
        return ()
    if text[:12].lstrip()[:1] in "SsRr" and (labelled := _label_colons(text)) != text:
        return tuple(replace(d, text=text[d.start:d.end]) for d in _parse_dosages(labelled, list_item))
    out: list[DoseMention] = []
    spans = [(0, len(text))] if list_item else sentence_spans(text)
    # Copies: stage and hold are set on the atoms below, the cached ones stay as found.
    all_atoms = [[copy_atom(a) for a in cached_atoms(text[s0:s1], list_item)] for s0, s1 in spans]
    for si, (s0, s1) in enumerate(spans):
        sentence = text[s0:s1]
        atoms = all_atoms[si]
        if not atoms:
            continue
        colon = COLON_MARKER_RE.search(sentence)
        colon_from = colon.end() if colon else None
        clauses = clause_spans(sentence)  # once per sentence, not once per atom
        for a in atoms:
            a.stage = stage_of(sentence, a.start, colon_from, clauses)
            a.hold = a.seconds is not None and (a.hold or hold_near(sentence, a.start, a.end))
        per_side = bool(PER_SIDE_RE.search(sentence))
        # "Do 10 reps. Repeat with the other leg." - the next sentence, when
        # it has no numbers of its own, can still make the dose per side.
        if not per_side and si + 1 < len(spans) and not all_atoms[si + 1]:
            nxt = text[spans[si + 1][0]:spans[si + 1][1]]
            per_side = bool(_OTHER_SIDE_RE.match(nxt))
        groups: list[_Group] = []
        open_by_stage: dict[str, _Group] = {}
        for a in atoms:
            g = open_by_stage.get(a.stage)
            if (a.flex == "reps" and g is not None and g.sets is None and g.reps == a.flex_val
                    and _AGAIN_BEFORE_RE.search(sentence, max(0, a.start - 20), a.start)):
                # "Do 8 reps, rest, then do again 8 reps": the same count done a second time is
                # a second set, not eight sets of eight
                g.sets, g.end = (2, 2), max(g.end, a.end)
                continue
            # Far-apart numbers of one sentence are separate prescriptions.
            if g is None or not _fits(g, a) or a.start - g.end > _MAX_MERGE_GAP:
                g = _Group(a.stage, a.start, a.end)
                groups.append(g)
                open_by_stage[a.stage] = g
            _absorb(g, a)
        for g in groups:
            if g.sets is None and g.reps is None and g.seconds is None:
                continue
            if g.flex_sets and g.hold and g.reps is None:
                # "Repeat this 3 times, holding for 20 seconds": the hold said after the count is
                # still what is repeated, as in "Hold 20 seconds, repeat 3 times".
                g.sets, g.reps = None, g.sets
            end = g.end
            if g.hold:
                hm = _HOLD_SUFFIX_RE.match(sentence, end)
                end = hm.end() if hm else end
            end = _extend_per_side(sentence, end)
            st, en = s0 + g.start, s0 + end
            single = [r for r in (g.sets, g.reps, g.seconds) if r is not None]
            open_max = (len(single) == 1 and single[0][0] == single[0][1]
                        and _AT_LEAST_BEFORE_RE.search(sentence, max(0, g.start - 20), g.start) is not None)
            out.append(DoseMention(
                stage=g.stage, sets=g.sets, reps=g.reps, seconds=g.seconds,
                seconds_kind="hold" if g.hold and g.seconds is not None else None,
                per_side=per_side, start=st, end=en, text=text[st:en], open_max=open_max,
                reps_are_times=g.reps_are_times and g.reps is not None,
            ))
    out.sort(key=lambda d: d.start)
    return tuple(_alternative_sets(text, out))


# Between two counts of sets offered as a choice: "2 rounds if you are new, or 3 rounds if ...".
_SETS_CHOICE_GAP_RE = re.compile(r"[^.;!?\n\d]{0,60}\bor\b[^.;!?\n\d]{0,40}", re.I)


def _alternative_sets(text: str, out: list[DoseMention]) -> list[DoseMention]:
    """Sets-only counts a sentence offers as a choice are one range ("2 rounds ..., or 3 rounds" is 2-3),
    not two prescriptions of which the first would win."""
    merged: list[DoseMention] = []
    for d in out:
        prev = merged[-1] if merged else None
        if (prev is not None and d.sets and prev.sets and not (d.reps or d.seconds or prev.reps or prev.seconds)
                and d.stage == prev.stage and d.sets != prev.sets
                and _SETS_CHOICE_GAP_RE.fullmatch(text, prev.end, d.start)):
            merged[-1] = replace(prev, sets=(min(prev.sets[0], d.sets[0]), max(prev.sets[1], d.sets[1])),
                                 per_side=prev.per_side or d.per_side, end=d.end, text=text[prev.start:d.end])
            continue
        merged.append(d)
    return merged


# Verbs that repeat a group of exercises ("repeat", "run through"): block rules here, part rules in part_readers.
REPEAT_VERBS = r"(?:repeat|do|perform|complete|(?:go|run|work|cycle)\s+through)"
# The same, said in the passive: "can be completed", "is gone through".
REPEATED_VERBS = r"(?:completed|done|repeated|performed|(?:gone|run|worked|cycled)\s+through)"

_BLOCK_PATTERNS = [
    compile_gated(rf"\(\s*(?P<n>{RANGE})\s+(?:total\s+)?(?:sets?|rounds?|circuits?|laps?|times)\s*\)", re.I),
    compile_gated(rf"{LB}(?P<n>{RANGE})\s+(?:total\s+)?{SETU}", re.I),
    re.compile(rf"(?<![\w-])[x×]\s*(?P<n>{RANGE})(?![\w/])", re.I),
    re.compile(
        rf"\b{REPEAT_VERBS}\b[^.;:\n]{{0,40}}?"
        # "repeat 3 times", "REPEAT 2X"
        rf"(?:(?P<n>{RANGE})(?:\s+times|\s*x\b)|\b(?P<w>twice|thrice|once)\b)", re.I),
    compile_gated(rf"{LB}(?P<n>{RANGE})\s+times\s+through\b", re.I),
    # "repeat the sequence 2-3 repetitions": the whole group's repeats, counted in any word
    re.compile(rf"\b{REPEAT_VERBS}\s+(?:the|this|that)\s+(?:whole\s+|entire\s+)?(?:circuit|routine|workout|sequence|series|block)"
               rf"\s+(?P<n>{RANGE})\s+(?:repetitions|reps|rounds|sets)\b", re.I),
    # the passive: "it can be completed 2 to 3 times", "the circuit is gone through 3 times"
    compile_gated(rf"\b(?:be|is|are)\s+{REPEATED_VERBS}\s+(?P<n>{RANGE})\s+times\b", re.I),
    EMOM_RE,
]


# A block pattern's match said of each one of the moves ("do every exercise 12-15 times").
_EACH_ONE_RE = re.compile(r"\b(?:each|every)\b", re.I)


@lru_cache(maxsize=CACHE_SIZE)
def parse_block_sets(heading: str) -> Range | None:
    """Sets/rounds a heading or intro line gives to a group of exercises."""
    # Every block pattern needs a number or once/twice/thrice, as atoms do (speed
    # pre-filter: masking only removes text, so the result is unchanged).
    if not has_number_hint(heading):
        return None
    w = masked(heading)
    for rx in _BLOCK_PATTERNS:
        m = rx.search(w)
        if not m:
            continue
        if "w" in rx.groupindex and m.group("w"):
            v = WORD_VALUES[m.group("w").lower()]
            return (v, v)
        n = next((g for g in (m.groupdict().get(k) for k in ("n", "a", "b", "c")) if g), None)  # EMOM: a, b or c
        r = int_range(n) if n else None
        if r is not None and r[0] >= MAX_PASSES and _EACH_ONE_RE.search(m.group(0)):
            continue  # "do every exercise 12-15 times": each move's reps, as dose_atoms reads them
        if r is not None:
            return r
    return None


_REST_PHRASE_RE = re.compile(
    r"(?<!without\s)(?<!\bno\s)\b(?:rest(?:ing)?|recover(?:y)?)\b"
    r"(?!\s+(?:your|the|of|on|in|against|it|them|his|her|day|days)\b)[^.;!?\n]*",
    re.I,
)
_REST_TIME_TRAIL_RE = compile_gated(
    rf"(?:{LB}(?:{RANGE}){TU}|\b(?:a|one)\s+minute)(?:['’]s?)?\s*(?:of\s+)?(?:rest|recovery|breaks?)\b[^.;!?\n]*"
    rf"|\btake\s+(?:a\s+)?(?:{RANGE}){TU}['’]?\s+(?:break|rest|breather)\b[^.;!?\n]*",
    re.I,
)
_REST_INFO_RE = re.compile(rf"{NUM}|\bbetween\b|\bas\s+needed\b|\bafter\s+each\b|\bminute\b", re.I)


# Every match of the two rest patterns contains one of these words (speed pre-filter).
_REST_HINT = AnyOf("rest", "recover", "break", "take")
_REST_CUT_RE = re.compile(r",\s*(?:then|and)\b|\s+then\b|\s+and\s+(?:repeat|do|perform|complete)\b|\s+(?=\()", re.I)


@lru_cache(maxsize=CACHE_SIZE)
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


_BULLET_RE = re.compile(r"^\s*(?:[•◦▪▫●○■□‣⁃∙·*–—-]+\s*|\(?\d{1,2}[.)]\s+|[A-Z]\d{1,2}[.):]?\s+)")
_DESC_SPLIT_RE = re.compile(r"\s*(?::|\s[–—-]\s|[–—]\s)\s*")
_NOTE_PAREN_RE = re.compile(r"\s*\(([^()]*)\)")
# A tick box beside a heading ("Calf raise  [ ]", "[x]"): a printed programme's box for the exercises a
# clinician picks, no part of the name.
_TICK_BOX_RE = re.compile(r"\s*\[\s*[xX]?\s*\]")
_NOTE_WORDS = re.compile(
    r"^(?:slow(?:ly)?|fast|alternating|alternate|optional|each|both|weighted|bodyweight|"
    r"with\s|without\s|you\s|or\s|per\s|on\s|and\s|see\s|video|tempo|controlled|explosive|hold|pause)",
    re.I,
)


_WORDS_RE = re.compile(r"[A-Za-z]{2,}")
# A body position in brackets after a name: the variant it names, kept in the name (not a note to drop).
_POSITION_PAREN_RE = re.compile(
    r"\s*(?:sitting|seated|standing|lying|supine|prone|kneeling|half[ -]kneeling|tall[ -]kneeling|side[ -]lying"
    r"|on\s+(?:your\s+|the\s+|a\s+)?(?:back|side|front|stomach|knees|floor|bed|chair|step|ball|wall))\s*", re.I)
_SIDE_WORDS_RE = re.compile(rf"(?:^|\s){EACH}\s+(?:side|leg|arm)\b", re.I)
_SPACES_RE = re.compile(r"\s+")
_NAME_EDGES_RE = re.compile(r"^[\s:–—\-x×,|]+(?=\s|$)|[\s:–—\-,;|/]+$")
_LEADING_X_RE = re.compile(r"^[x×]\s+")
_LEADING_OF_RE = re.compile(r"^of\s+(?=[A-Za-z])", re.I)


def split_name_dosage(line: str) -> tuple[str, list[DoseMention]]:
    """Split a list-item or heading line into (exercise name, dosages).

    Offsets of the returned mentions are relative to `line`.  When the line
    carries a prose description after a separator ("12 Goblet Squats: Hold a
    weight ..."), only the part before the separator is read: the description
    is the caller's prose.
    """
    name, mentions = _split_name_dosage(line)
    return name, list(mentions)


@lru_cache(maxsize=CACHE_SIZE)
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
        if _POSITION_PAREN_RE.fullmatch(inner):
            return m.group(0)  # "Hip rotation (lying)" and "Hip rotation (sitting)" are two moves
        if "\x00" in inner or not inner.strip() or PER_SIDE_RE.search(inner) or inner[:1].islower() \
                or _NOTE_WORDS.match(inner.strip()):
            return ""
        return m.group(0)

    name = _NOTE_PAREN_RE.sub(drop_paren, name)
    if "[" in name:
        name = _TICK_BOX_RE.sub("", name)
    name = name.replace("\x00", " ")
    # Leftover per-side words and connectors next to a removed dosage.
    name = _SIDE_WORDS_RE.sub(" ", name)
    name = _SPACES_RE.sub(" ", name).strip()
    name = _NAME_EDGES_RE.sub("", name).strip()
    name = _LEADING_X_RE.sub("", name)
    if mentions:
        name = _LEADING_OF_RE.sub("", name)  # "2 sets of walking lunges": the move, after its count
    return name, tuple(mentions)
