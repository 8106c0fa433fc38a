"""The article's exercises as they are met: one record per exercise, found again under another name.

A name met again (a heading repeated in a summary, "the RDL" in prose after "Romanian deadlifts" in a
list, "RFESS" for "Rear-foot elevated split squat", a superset label used again) means the exercise
already registered; RegistryMixin decides which, and when two similar headings are two variants.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from runstrength.extract import dosage as dz
from runstrength.extract import lexicon
from runstrength.extract.nlp import norm_tokens
from runstrength.extract.roles import exercise_spans_in
from runstrength.extract.text import PART_LABEL_RE
from runstrength.extract.vocab import vocab
from runstrength.model import Section, Sentence



@dataclass
class Ex:
    name: str
    start: int
    end: int
    entry: dict | None
    named: bool
    section: Section | None
    tokens: tuple[str, ...]
    aliases: list[str] = field(default_factory=list)
    doses: list[tuple[dz.DoseMention, int, str]] = field(default_factory=list)  # mention, abs offset of its text, context stage
    sentences: list[Sentence] = field(default_factory=list)
    purpose: list[Sentence] = field(default_factory=list)
    muscles: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    seen_sents: set = field(default_factory=set)
    equipment_labels: set = field(default_factory=set)
    progression: bool = False
    listed: bool = False  # registered from a heading, list item or table row (not from prose)
    name_muscles: set = field(default_factory=set)  # muscles named only by the exercise's name so far
    block: int = 0  # the heading (of any kind) the exercise was first listed under, counted from the top
    both_sides: bool = False  # listed once for each side ("... left side", "... right side"): its doses are per side


def canonical_entry(name: str, doc: Doc | None, offset: int) -> dict | None:
    index = vocab()["alias_index"]
    tokens = norm_tokens(name)
    if tokens in index:
        return index[tokens]
    if doc is not None:
        spans = exercise_spans_in(doc, offset, offset + len(name))
        if spans:
            best = max(spans, key=lambda s: (len(s.text), -s.start_char))
            return next((e for e in lexicon.load_exercises() if e["canonical"] == best.label_), None)
    return None


_SIDES = frozenset({"left", "right"})
# The word a side names, after it: "left side", "right leg" ("Side plank, left side" is the plank's side).
_SIDE_OF = frozenset({"side", "leg", "arm", "foot", "hand"})


def _side_split(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
    """A name without the one side it names, and that side ("left"); None when it names no side or both."""
    at = [i for i, t in enumerate(tokens) if t in _SIDES]
    if len(at) != 1:
        return None
    i = at[0]
    j = i + 2 if i + 1 < len(tokens) and tokens[i + 1] in _SIDE_OF else i + 1
    rest = tokens[:i] + tokens[j:]
    return (rest, tokens[i]) if rest else None


def _unsided(ex: Ex, tokens: tuple[str, ...]) -> bool:
    """`tokens` name `ex`, listed once for each side, without its side ("Carry lunge" after "Left arm carry
    lunge" / "Right arm carry lunge")."""
    if not ex.both_sides:
        return False
    split = _side_split(ex.tokens)
    return split is not None and split[0] == tokens


# An abbreviation in a name that spells no word ("SL RDL", "BSS", "DB row"): capitals without a vowel.
_ABBREVIATED_RE = re.compile(r"\b[B-DF-HJ-NP-TV-Z]{2,5}\b")


def _initials_of(short: str, long: str) -> bool:
    """`short` spells the initials of `long` ("RFESS", "Rear-foot elevated split squat")."""
    letters = "".join(c for c in short.lower() if c.isalnum())
    words = [w for w in re.split(r"[\s\-/]+", long.lower()) if w]
    return len(letters) >= 2 and len(words) >= 2 and letters == "".join(w[0] for w in words)


def same_family(a: Ex, tokens: tuple[str, ...], entry: dict | None) -> bool:
    if entry is not None and a.entry is not None and entry["canonical"] == a.entry["canonical"]:
        return True
    ta, tb = set(a.tokens), set(tokens)
    if not ta or not tb:
        return False
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return small <= big and (len(small) >= 2 or small == big) or a.tokens[-1:] == tokens[-1:]


def in_family_of(span: Span, doc: Doc, exs: list[Ex]) -> bool:
    """Whether a known-move mention names one of `exs` (the same canonical move or the same words), not
    another move."""
    ent = canonical_entry(span.text, doc, span.start_char)
    return any(same_family(x, norm_tokens(span.text), ent) for x in exs)


class RegistryMixin:
    """Finding and registering the article's exercises (see the module docstring)."""

    # _Builder's state (set in its __init__, assemble.py) used here.
    exercises: list[Ex]
    _recap: bool
    _block: int
    _overviews: set[int]
    _described: tuple[int, list[Ex]]  # the list being read (its block) and the exercises its items named so far

    def find(self, tokens: tuple[str, ...], entry: dict | None) -> Ex | None:
        for ex in self.exercises:
            if ex.tokens == tokens:
                return ex
        for ex in self.exercises:
            ta, tb = set(ex.tokens), set(tokens)
            small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
            if len(small) >= 2 and small <= big and len(big - small) <= 2:
                return ex
        if entry is not None:
            for ex in self.exercises:
                if ex.entry is not None and ex.entry["canonical"] == entry["canonical"] and (
                    norm_tokens(entry["canonical"]) in (ex.tokens, tokens) or not set(tokens) - set(ex.tokens) or not set(ex.tokens) - set(tokens)
                ):
                    return ex
        return None

    def find_kind(self, tokens: tuple[str, ...]) -> list[Ex]:
        """Every exercise whose name holds all of `tokens` ("heel drop" for the straight- and the bent-knee
        heel drop): what a mention of the kind names when said of each of them."""
        want = set(tokens)
        return [ex for ex in self.exercises if want and want <= set(ex.tokens)]

    def register(self, name: str, start: int, end: int, doc: Doc | None, doc_offset: int, section: Section | None, *,
                 named: bool = True, entry: dict | None = None, listed: bool = False, tagged: Ex | None = None) -> Ex:
        """The exercise `name` names: one met before or a new one. `tagged`: the exercise last given the
        superset label this name carries ("A1"): the same one when either name holds the other's words,
        both are one movement of the lexicon or one spells the other's initials ("A1 Hex bar deadlift"
        in the table, "A1 - Deadlift." or "A1 - HBDL." in the notes)."""
        entry = entry or canonical_entry(name, doc, doc_offset)
        tokens = norm_tokens(name)
        ex = self.find(tokens, entry)
        # A list under a heading that says it summarises the routine ("Programme summary") repeats the
        # exercises listed before it, often under other names ("Side lunges" for "Lateral lunge");
        # within the summary, two names are two exercises as in any list.
        overview = section is not None and id(section) in self._overviews
        if ex is None and (not listed or overview) and entry is not None:
            # Prose or a summary naming the one exercise of its kind another way ("the RDL" after "Romanian
            # deadlifts" in a list): that exercise.
            same = [x for x in self.exercises if x.entry is not None and x.entry["canonical"] == entry["canonical"]
                    and (not listed or x.section is not section)]
            ex = same[0] if len(same) == 1 else None
        if ex is None and listed:
            ex = self._short_name_of(name, tokens, entry)
        recap = self._recap or overview and ex is not None and ex.section is not section
        if (ex is not None and listed and ex.listed and ex.section is section and ex.tokens != tokens
                and not recap and ex.block == self._block and not _unsided(ex, tokens)):
            # Two headings of one list of a routine part name two variants ("Calf raise", then "Bent-knee calf
            # raise"): a name listed again is a repeat only in another part or list (a "videos" list after the
            # routine, descriptions under "How to do each move" after its table), or in a list that repeats the
            # routine (a printable summary, see _recap). A page with no parts is one list.
            ex = None
        elif (ex is not None and listed and ex.listed and not recap and entry is not None and ex.entry is not None
              and entry["canonical"] != ex.entry["canonical"] and ex.tokens != tokens):
            # Headings whose words overlap but name two movements ("Split squat", later "Bulgarian split
            # squat") are two exercises, in whichever parts they stand.
            ex = None
        elif (ex is not None and listed and ex.listed and not recap and section is not None and ex.section is not None
              and ex.section is not section and set(ex.tokens) < set(tokens) and (ex.sentences or ex.purpose)):
            # A heading in a later part that adds a word to an exercise already described ("Single-leg heel
            # raise" in one phase, "Weighted single-leg heel raise" in the next): the harder variant.
            ex = None
        if ex is None and listed and overview:
            ex = self._parallel_row(section)
        if listed and ex is None and (other := self._other_side_of(tokens)) is not None:
            # "Side plank - left", then "Side plank - right": one exercise, done on each side (the rules above
            # made a second heading of one list a second exercise)
            ex = other
            ex.both_sides = True
        if tagged is not None and ex is not tagged and (
                entry is not None and tagged.entry is not None and entry["canonical"] == tagged.entry["canonical"]
                or set(tokens) <= set(tagged.tokens) or set(tagged.tokens) <= set(tokens)
                or _initials_of(name, tagged.name) or _initials_of(tagged.name, name)):
            ex = tagged
        if listed:
            # A list item naming an exercise met before, under its own name, starts a recap of the routine.
            self._recap = ex is not None and ex.listed and ex.tokens == tokens or self._recap and ex is not None
        if ex is not None and listed and not ex.listed and ex.tokens != tokens and not recap:
            # Named in the intro first ("Bridges are ..."), then headed ("Bridge, variation 1"): the heading names it, and
            # it is listed from here on (a second heading of the list is a second exercise, see above).
            ex.aliases.append(ex.name)
            ex.name, ex.tokens, ex.listed, ex.block = name, tokens, True, self._block
        if ex is not None:
            if name not in ex.aliases and norm_tokens(name) != ex.tokens:
                ex.aliases.append(name)
            if ex.section is None and section is not None and not (ex.sentences or ex.purpose or ex.doses):
                # Named first outside the routine's parts (a video's chapter list, the intro), then
                # under a part's heading: the part is where it belongs.
                ex.section = section
            elif listed and ex.section is not None and (ex.section is not section or overview and ex.block != self._block):
                self._relist(ex, section)
            if listed:
                self._item(ex)
            return ex
        ex = Ex(name=name, start=start, end=end, entry=entry, named=named, section=section, tokens=tokens, listed=listed,
                 block=self._block)
        self.exercises.append(ex)
        if listed:
            self._item(ex)
        return ex

    def _item(self, ex: Ex) -> None:
        if self._described[0] != self._block:
            self._described = (self._block, [])
        self._described[1].append(ex)

    def _parallel_row(self, section: Section | None) -> Ex | None:
        """The row of a summary (a table at a glance) that a later list under the same heading describes under
        another name ("Crab walk" for "Band walk"): the row at the item's place, when every item
        of the list so far was the summary's row at its own place, in order."""
        listed = self._described[1] if self._described[0] == self._block else []
        # The summary is the list just before this one (its first item's, once one matched): the rows that
        # matched were given their own part since, so the summary's heading no longer finds them.
        anchor = listed[0] if listed else self.exercises[-1] if self.exercises else None
        if anchor is None or anchor.block >= self._block or not listed and anchor.section is not section:
            return None
        rows = [x for x in self.exercises if x.listed and x.block == anchor.block]
        n = len(listed)
        return rows[n] if n < len(rows) and listed == rows[:n] else None

    def _relist(self, ex: Ex, section: Section | None) -> None:
        """`ex`, listed first under another heading, listed again under `section`. A summary of the whole
        routine ("Programme summary", "The plan at a glance", a week-by-week table) lists every exercise
        before the parts that describe them: the labelled part ("Superset B", "Circuit 2") where the
        exercise is listed again is where it belongs, and when the summary's heading says it is an
        overview, so does any later listing, or none if that is an overview too ("Exercise details")."""
        old = ex.section
        if id(old) in self._overviews:
            ex.section = None if section is None or id(section) in self._overviews else section
        elif section is not None and PART_LABEL_RE.match(section.title) and not PART_LABEL_RE.match(old.title):
            ex.section = section

    def _other_side_of(self, tokens: tuple[str, ...]) -> Ex | None:
        """The exercise listed right before, when its name and this one differ only by the side each is done on
        ("Bird Dog Left Side" / "Bird Dog Right Side", "Bridge (left leg)" / "Bridge (right leg)")."""
        last = self.exercises[-1] if self.exercises else None
        if last is None or not last.listed or last.block != self._block:
            return None
        mine, theirs = _side_split(tokens), _side_split(last.tokens)
        if mine is None or theirs is None or mine[0] != theirs[0] or mine[1] == theirs[1]:
            return None
        return last

    def _short_name_of(self, name: str, tokens: tuple[str, ...], entry: dict | None) -> Ex | None:
        """The exercise of an earlier list a listed name shortens: its initials or an abbreviation of the
        same movement ("RFESS" or "SL RDL" in the notes under a table), or its last word alone, when that
        word names no movement of its own ("Swing" after "Kettlebell swing"). Only one exercise may fit."""
        if len(tokens) == 1 and entry is None:
            fits = [x for x in self.exercises if x.listed and x.tokens[-1:] == tokens and x.block != self._block]
        else:
            fits = [x for x in self.exercises if x.listed and _initials_of(name, x.name)] if len(name.split()) == 1 else []
            if not fits and entry is not None and _ABBREVIATED_RE.search(name):
                fits = [x for x in self.exercises if x.listed and x.entry is not None and x.entry["canonical"] == entry["canonical"]]
        return fits[0] if len(fits) == 1 else None
