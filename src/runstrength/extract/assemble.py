"""Turn one article's lines (and their spaCy docs) into an Article record.

Two passes over the lines. The first gives every line a role from its own
content: boilerplate, label ("Target: glutes"), rest or dosage line, section
heading, exercise line (heading, list item or inline "Name: description"),
or prose. The second walks the roles in reading order keeping the current
section and exercise, so description sentences, dosages, muscles and
equipment land on the exercise they describe. Paragraphs whose heading was
lost are recognised from an exercise they name as their subject, or from a
movement signature (lexicon), and flagged named_in_text=False in the latter case.

The first pass is roles.py (tables.py for the rows of routine tables), on the vocabularies of
vocab.py; terms.py tells what a muscle or equipment word means where it stands. This module is
the second pass: the reading-order walk of _Builder and build_article. The builder's other parts
are mixins, one module each: registry.py (the exercises met so far), ownership.py (who a paragraph
is about), attach.py (sentences, doses and rules attached), exercise_terms.py (muscles and
equipment); dose_inheritance.py merges and inherits each exercise's dosages at the end.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

from runstrength.extract import dosage as dz
from runstrength.extract.addresses import address_lines
from runstrength.extract.attach import ABILITY_CHECK_RE, AttachMixin
from runstrength.extract.captions import alt_text_lines, caption_lines
from runstrength.extract.dose_inheritance import InheritanceMixin
from runstrength.extract.exercise_terms import TermsMixin, text_muscles
from runstrength.extract.gates import AnyOf
from runstrength.extract.meta import (byline_name, clean_title, find_author, find_organization, find_title,
                                      opening_headline, publisher_byline, running_heads)
from runstrength.extract.nlp import MUSCLE_KEY, norm_tokens
from runstrength.extract.ownership import OwnershipMixin
from runstrength.extract.registry import Ex, RegistryMixin
from runstrength.extract.roles import (CLAUSE_HEAD_RE, PAREN_RE, SUPERSET_LABEL, Role, analyse_line, doc_spans, exercise_like,
                                       function_start, period_word, wordy)
from runstrength.extract.sentences import (classify, dose_line_word, label_walks, purpose_labelled, purpose_line_label,
                                            starts_imperative, words_of)
from runstrength.extract.tables import label_row_roles, stacked_header_roles, stacked_table_roles, table_roles
from runstrength.extract.text import Line
from runstrength.extract.vocab import condition_item, is_boilerplate, is_section_word_only, overview_heading, vocab
from runstrength.model import Article, Exercise, Section

if TYPE_CHECKING:  # annotations only
    from runstrength.ingest.reader import RawArticle


# What a sentence reporting research says: its numbers are the study's, not the reader's routine.
_STUDY_RE = re.compile(r"\b(?:stud(?:y|ies)|trials?|researchers?|participants|subjects|meta-analys[ie]s|cohort|control group|"
                       r"recruited|randomly|randomi[sz]ed|(?:19|20)\d\d)\b", re.I)
_WHOLE_RE = re.compile(r"\b(routine|workout|sequence|series|program)\b")
# A superset's label opening a line, or a table row's first cell ("A1 ...", "| B2 | ..."): it names one
# exercise of the routine wherever it is used again.
_TAG_RE = re.compile(r"[\s|]*(" + SUPERSET_LABEL + r")\b")
# A letter or digit: a line with none ("-", "***") is a rule between parts of the text, never one of them.
_ALNUM_RE = re.compile(r"[^\W_]")
_DIGITS_RE = re.compile(r"\d+")
# The number of a list's first item ("1.", "1)").
_FIRST_ITEM_RE = re.compile(r"\s*1[.)]\s*$")
# Line kinds (after a maybe_heading is resolved) that head a part of the page.
# A heading that only says a list of moves follows ("Exercises", "The movements:").
_BARE_LIST_HEAD_RE = re.compile(r"^\W*(?:the\s+)?(?:exercises?|moves|movements|drills)\W*$", re.I)
_PART_HEAD_KINDS = frozenset({"section", "other_heading", "tentative", "article_sets"})
# A heading of the moves left out of the routine: "What to avoid", "Exercises to skip (for now)", "What I left
# out", "DON'T DO THIS" ("Don't skip the warm-up" keeps what it names).
_AVOID_HEAD_RE = re.compile(
    # what is left out closes the heading ("How to avoid shin pain" names the routine's aim)
    r"\b(?:avoid|skip|not to do|leave out|leaves out|left out|leaving out)(?:\s+(?:these|this|them|it))?"
    # ... or is followed only by when: "for now", "while it settles", "until the pain eases", "during pregnancy"
    r"(?:\s+(?:for now|(?:while|until|during|in the (?:first|early))\s+[\w'\u2019 -]{1,30}?))?"
    r"\s*(?:\([^()]*\))?\W*$"
    r"|^\W*(?:don'?t|don\u2019t|do not|never)\s+(?:do|try|use|lift|perform|bother)\b", re.I)
# On the lower-cased heading, every match of _AVOID_HEAD_RE holds one of these ("dont" too) (speed pre-filter).
_AVOID_HEAD_HINT = AnyOf("avoid", "skip", "not", "out", "don", "never", ignore_case=False)
_AVOID_HEAD_WORDS = 10


def _avoid_heading(text: str) -> bool:
    """A heading over moves the routine leaves out (see _AVOID_HEAD_RE); not a sentence."""
    low = text.lower()
    return _AVOID_HEAD_HINT(low) and not text.rstrip().endswith(".") and _AVOID_HEAD_RE.search(text) is not None


@lru_cache(maxsize=1)
def _label_last_words() -> frozenset[str]:
    return frozenset(norm_tokens(w)[-1] for w in vocab()["labels"] if len(w.split()) == 1 and norm_tokens(w))


def _label_word_last(name: str) -> bool:
    """A heading ending on a label's word ("General instructions", "Safety notes", "Quick tips"): a part of the
    document, not the name of an exercise, even over instructions."""
    tokens = norm_tokens(name)
    return bool(tokens) and tokens[-1] in _label_last_words()


def _shouted(text: str) -> bool:
    """Written in capitals, as document headings are ("SAFETY AND PAIN"), and more than one word."""
    return text.isupper() and len(text.split()) >= 2


# A personal pronoun in a heading ("Keeping it fun", "What we learned"): advice, never an exercise's name.
# Lower or title case only: "IT band" is a body part.
_PRONOUN_RE = re.compile(r"\b(?:[Ii]t|[Yy]ou|[Yy]our|[Ww]e|[Oo]ur|[Uu]s|[Tt]hem|[Tt]hey|[Mm]e|[Mm]y|I)\b")


# The number of an exercise's heading ("Exercise 3:", "Move 4 -"); list numbers are off the line's text already.
_EXERCISE_NUMBER_RE = re.compile(r"\s*(?:exercise|move|movement|drill|stretch|station)\s*#?\s*(\d{1,2})\s*[:.)\u2013-]", re.I)
# After that number, a word: a paragraph opened by the count of an unnamed move ("Exercise #2 - lying on ..."),
# not a count ("Exercise 2: 3 x 10").
_WORD_AFTER_RE = re.compile(r"\s+[A-Za-z]")


def _subtitle(head: tuple[str, ...], line: tuple[str, ...]) -> bool:
    """A line under a move's heading that repeats the heading and says what the move is for ("Lunges" over
    "Lunges for better balance", "Lunges to steady the knee")."""
    n = len(head)
    return len(line) > n + 1 and line[:n] == head and line[n] in ("for", "to")


class _Sent(NamedTuple):
    """A sentence of a doc: token range and character range, as on a Span."""
    start: int
    end: int
    start_char: int
    end_char: int


def line_roles(text: str, lines: list[Line], docs: list[Doc], heads: set[int],
               alt: set[int]) -> tuple[list[Role], dict[int, Role], set[int]]:
    """The first pass: each line's role from its own content (roles.py), then the readings that need the lines
    around it: tables (cells stacked one per line, or kept apart by tabs or pipes: the rows by index), the
    running heads of a printed page, picture captions under a heading (their indexes), postal addresses and
    the items of a page's causes or symptoms."""
    roles = [analyse_line(line, doc) for line, doc in zip(lines, docs)]
    for i, role in stacked_header_roles(lines).items():
        roles[i] = role
    for i, role in stacked_table_roles(lines).items():
        roles[i] = role
    for i, role in label_row_roles(lines).items():
        roles[i] = role
    rows: dict[int, Role] = {}
    if "\t" in text or "|" in text:
        rows = table_roles(text, lines)
        for i, role in rows.items():
            roles[i] = role
    for i in heads:
        roles[i] = Role("boiler")
    captions = caption_lines(lines, roles, alt)
    for i in captions:
        roles[i] = Role("boiler", label="caption")
    for i in address_lines(lines):
        roles[i] = Role("other_heading", label="address")  # page furniture: the text above it ends there
    for i, role in enumerate(roles):
        if role.kind in ("exercise", "maybe_heading") and not role.doses and condition_item(role.name):
            # "- Weak hip muscles": an item of a page's causes or symptoms, not a move; "Swelling behind the knee"
            # standing alone heads what is said of it
            roles[i] = Role("boiler" if lines[i].bullet else "other_heading", label="condition")
    for i in range(1, len(roles) - 1):
        if roles[i].kind == "dose" and _listed_between(roles[i - 1], roles[i + 1]):
            m = _LEAD_WORD_RE.match(lines[i].text)
            word = m.group(1).lower() if m is not None else ""
            if m is not None and m.end() <= min(d.start for d in roles[i].doses) and not (
                    dose_line_word(word) or word in _NOT_A_NAME):
                # "Dead bug 20 each side" / "Starfish 12 each side" / "Hollow hold 30 seconds": one word the lexicon
                # lacks before its count, in a list of named counts, is the next move, not a dose of the one above
                roles[i] = replace(roles[i], kind="exercise", name=m.group(1), name_start=m.start(1), name_end=m.end(1))
    return roles, rows, captions


# A capitalised word alone before a line's count ("Starfish 12 each side").
_LEAD_WORD_RE = re.compile(r"([A-Z][a-z]{3,})\s+(?=\d)")
# Beside the words a dose line is made of (dose_line_word: "Then 3 x 10", "Repeat 3 times", "Rest 60 s"), those
# that open one said of the move above or of a level of it ("Next 3 x 10", "Beginners 2 x 8", "Tempo 3-1-1").
_NOT_A_NAME = frozenset({"next", "finally", "increase", "beginners", "intermediate", "advanced", "level", "stage", "phase",
                         "duration", "tempo"})


def _listed_between(above: Role, below: Role) -> bool:
    """Lines above and below that each name a move and give its count: a list of named counts."""
    return above.kind == "exercise" and below.kind == "exercise" and bool(above.doses) and bool(below.doses)


class _Builder(RegistryMixin, TermsMixin, OwnershipMixin, AttachMixin, InheritanceMixin):
    """One article's second pass: the reading-order walk (build) over the state the mixins share."""

    def __init__(self, raw: RawArticle, lines: list[Line], docs: list[Doc]):
        self.raw = raw
        self.text = raw.text
        self.lines = lines
        self.docs = docs
        self.sections: list[Section] = []
        self.exercises: list[Ex] = []
        self.article_doses: list[dz.DoseMention] = []
        # Rules of one section ("Complete 3 rounds, 40 seconds per move" under its heading), by id(section).
        self.section_doses: dict[int, list[dz.DoseMention]] = {}
        # Doses of exercises counted in a list sentence ("3 rounds of 12 squats, 10 push-ups and a
        # 45-second plank"): (name tokens, lexicon entry, mention, offset of its text), given to
        # those exercises at the end, when every exercise of the article is known.
        self.counted_doses: list[tuple[tuple[str, ...], dict | None, dz.DoseMention, int]] = []
        self.frequency: tuple[int | None, int | None] | None = None
        self._sents: dict[int, list] = {}
        self._starts_at: tuple[int, int] | None = None  # (line index, sentence): see _named_later
        self._intro_purposes: list = []  # (exercises met before it, sentence, doc, line): see intro_purposes
        self._recap = False  # the list being read repeats exercises already met (see register)
        self._tags: dict[str, Ex] = {}  # superset label ("A1") -> the exercise it was last given to
        # A label alone on its line ("Aim", "Why"): the prose lines below it are on its side, up to the next line
        # that is not prose.
        self._under = ""
        self._avoiding = False  # under a heading of moves to avoid ("What to avoid"): no exercise is made
        self._block = 0  # headings met so far: the exercises under one heading are one list
        self._described: tuple[int, list[Ex]] = (0, [])  # see RegistryMixin._parallel_row
        self._overviews: set[int] = set()  # ids of sections whose heading says they summarise the routine
        # Every section made, dropped ones too: sections are known here by id() (the two above), and a dropped
        # section freed would let a later one take its id and its rules or overview mark.
        self._made: list[Section] = []
        # Each doc's text is its line's text (spaCy keeps the text it was given, byte for
        # byte); Doc.text would rebuild it from every token on each access.
        self._views: dict[int, str] = {id(d): l.text for l, d in zip(lines, docs)}

    def view(self, doc: Doc) -> str:
        """doc.text, without rebuilding it from the tokens."""
        got = self._views.get(id(doc))
        return doc.text if got is None else got

    def span_text(self, doc: Doc, span) -> str:
        """span.text, sliced from the doc's text instead of joined from its tokens."""
        return self.view(doc)[span.start_char:span.end_char]

    def sents(self, doc: Doc) -> list[_Sent]:
        """The doc's sentences, computed once from token arrays (doc.sents and Span objects walk the tokens)."""
        got = self._sents.get(id(doc))
        if got is None:
            got = self._sents[id(doc)] = []
            n = len(doc)
            if n:
                # One array, then plain lists: a line has a few dozen tokens, too few for numpy's
                # per-call overhead to pay off. (Unsigned: a SENT_START of -1 is not 1 either.)
                sent_start, idx, length = doc.to_array([SENT_START, IDX, LENGTH]).T.tolist()
                starts = [i for i, v in enumerate(sent_start) if v == 1]
                if not starts or starts[0] != 0:
                    starts.insert(0, 0)
                for a, b in zip(starts, starts[1:] + [n]):
                    got.append(_Sent(a, b, idx[a], idx[b - 1] + length[b - 1]))
        return got

    def sentences_of(self, doc: Doc, start: int = 0, end: int | None = None):
        for sent in self.sents(doc):
            if sent.end_char <= start:
                continue
            if end is not None and sent.start_char >= end:
                break
            yield max(sent.start_char, start), sent.end_char if end is None else min(sent.end_char, end)

    def build(self) -> Article:
        lines, docs = self.lines, self.docs
        boiler_flags = [is_boilerplate(l.text) for l in lines]
        heads = running_heads(lines)
        alt = alt_text_lines(lines)  # found once: no title here, and captions in the line roles
        for i in heads | alt:
            boiler_flags[i] = True  # a picture's alt text over the title is no title either
        title_line = find_title(lines, boiler_flags, is_exercise=lambda t: exercise_like(t, None, 0))
        # A headline written as a sentence names the page but does not mark where its routine begins: it is
        # only the title field's.
        self._headline = None if title_line else opening_headline(lines, boiler_flags, lambda t: exercise_like(t, None, 0))
        roles, rows, captions = line_roles(self.text, lines, docs, heads, alt)
        end_at = _routine_end(roles, lines)
        top = _deck_end(lines, roles, title_line)
        title_tokens = norm_tokens(title_line.text) if title_line is not None else ()

        section: Section | None = None
        tentative: tuple[Section, Section | None] | None = None  # a heading over prose, and the section before it
        section_single = False
        current: list[Ex] = []
        heading: Ex | None = None  # the exercise of the last heading that stands alone (not in a list, no description)
        in_list = False
        last_kind = ""
        run = 0  # exercise lines in a row without text between them: a list or workout card when 2 or more
        steps_counted = False  # a numbered paragraph was met since the last exercise line
        tabled = False  # the last exercise line was a table's row
        checking = False  # in the list a readiness test introduces ("you should be able to:"): see below
        last_number = -9  # the number of the last exercise heading ("Exercise 2:"), when it had one
        for i in range(end_at):
            line, doc, role = lines[i], docs[i], roles[i]
            if line.index <= top:
                # The title and the page header above it (site name, menus, breadcrumbs), and the standfirst
                # between the title and its byline: no routine text.
                last_kind = "title"
                continue
            kind = role.kind
            if kind == "other_heading" and current and self._under:
                bare = line.text.strip().rstrip(":").lower()
                if bare in vocab()["dash_labels"]:
                    # "Setup" / "Movement" / "Tip": after the move's own labels, a tip alone on its line is the
                    # next label of that move, not advice on every move
                    role = Role("label", label=bare, desc_start=len(line.text))
                    kind = "label"
            if kind != "prose":
                self._under = ""
            if kind == "other_heading" and not _ALNUM_RE.search(line.text):
                continue  # a rule under a heading: the heading's text follows it
            if checking:
                if line.bullet or line.gap == 0:
                    continue  # "- Hop 10 times on each leg": what the reader must already manage, not the routine
                checking = False
            if kind == "prose" and line.text.rstrip().endswith(":") and ABILITY_CHECK_RE.search(line.text.lower()):
                checking = True  # "Before your first run you should be able to:" opens a test, whatever it lists
            # The first frequency found is the article's: later lines are not parsed for one.
            if self.frequency is None and kind not in ("boiler",):
                self.frequency = self._routine_frequency(line, doc)
            if kind == "maybe_heading":
                kind = self._heading_kind(i, roles, end_at, captions, section)
            if self._avoiding and line.bullet and kind in ("other_heading", "tentative"):
                continue  # "- Hill repeats": an item of the list of moves to avoid, shaped like a heading; the list goes on
            if kind in _PART_HEAD_KINDS and len(line.words) <= _AVOID_HEAD_WORDS and _avoid_heading(line.text):
                # "What to avoid", "DON'T DO THIS": the moves under it are left out of the routine
                kind = "avoid"
            if kind == "avoid" or self._avoiding and kind in _PART_HEAD_KINDS:
                self._avoiding = kind == "avoid"
                if self._avoiding:
                    if tentative is not None:
                        section = self._settle(tentative, section)
                        tentative = None
                    section, section_single, current, in_list = None, False, [], False
                    last_kind = "other_heading"
                    continue
            if self._avoiding and kind in ("exercise", "combined"):
                current = []
                last_kind = kind
                continue
            if kind in ("other_heading", "section", "combined", "tentative"):
                self._block += 1
                if tentative is not None:
                    section = self._settle(tentative, section)
                    tentative = None
            if kind == "tentative":
                # A heading over prose ("Floor work", "Your turn") heads a part when the
                # prose goes on to introduce exercises; if none is met before the next heading it was a
                # topic heading and is dropped (see _settle).
                tentative = (self._section(role.title or line.text, line, role.sets), section)
                section = tentative[0]
                section_single = False
                current = []
                in_list = False
                last_kind = "section"
                continue
            if kind == "rest" and role.doses:
                kind = "dose"
            if kind in ("boiler", "rest", "load", "table_header"):
                if kind == "boiler" and line.text.rstrip().endswith("?"):
                    current = []  # "When should you book an appointment?": a heading that leaves the exercises
                last_kind = kind
                continue
            if (kind == "other_heading" and last_kind == "section" and line.text.rstrip().endswith(":") and i + 1 < end_at
                    and roles[i + 1].kind == "exercise"):
                # "As many rounds as possible in 6 minutes:" between a part's heading and its list: the part's
                # instructions, not a heading of its own
                self._group_rule(line, doc, section, None, last_kind=last_kind)
                continue
            if (kind == "other_heading" and current and line.text.rstrip().endswith(":") and i + 1 < end_at
                    and roles[i + 1].kind == "dose" and len(line.text.split()) <= 3 and period_word(line.text.rstrip(": "))):
                # "Intermediate:" alone over "10-15 reps": the label of a level's dose of the move above (as
                # "Intermediate: 10-15 reps" on one line), not a heading that ends the move
                continue
            if kind == "other_heading":
                current = []
                last_kind = kind
                if section_single:
                    section, section_single = None, False
                elif section is not None and not any(ex.section is section for ex in self.exercises[-1:]):
                    # A heading before the section's first exercise: the section line was a title or
                    # topic ("...: Home Exercise Program" above the byline), not a part of the routine.
                    section = None
                continue
            if kind == "block_sets":
                whole = _WHOLE_RE.search(line.text.lower())
                self._part_rounds(None if whole else section, role.sets, line)
                self._block_amounts(line, section)
                current = []
                last_kind = kind
                continue
            if kind == "article_sets":
                named = self._named_section(line.text)
                if named is not None:
                    # "Block 2 x 3 rounds" in a summary: the count of the part it names
                    if named.sets_min is None:
                        named.sets_min, named.sets_max = role.sets
                    last_kind = kind
                    continue
                # Right under a part's heading the count is that part's; the line may time it too
                # ("40 seconds on, 20 seconds off, 3 rounds").
                sink = self._rule_sink(section if last_kind == "section" else None)
                timed = [m for m in dz.parse_dosages(line.text) if m.stage == "main" and m.sets == role.sets and (m.seconds or m.reps)]
                sink.append(timed[0] if timed else dz.DoseMention(stage="main", sets=role.sets, start=0, end=len(line.text), text=line.text))
                last_kind = kind
                continue
            if kind == "section" and last_kind == "section" and line.gap == 0 and line.text.strip().startswith("(") and line.text.rstrip().endswith(")"):
                # "Phase 1: Activation" over "(Weeks 1-3)": the part's note, not a part of its own
                continue
            if kind == "section" and last_kind == "section" and section is not None and _BARE_LIST_HEAD_RE.match(line.text):
                # "Phase 2: Loading" over "Exercises" (or a flattened table's "Exercise" column heading): the
                # part's list begins, not a part of its own
                continue
            if (kind == "section" and role.label == "intro" and last_kind == "section" and section is not None
                    and (line.gap == 0 or line.gap == 1 and role.sets is not None)
                    and not any(ex.section is section for ex in self.exercises[-1:])):
                # "Strength Routine" right over "Perform the following exercises 3 times:": the part's
                # instructions, not a part of its own (its title stays the heading)
                if role.sets:
                    self._part_rounds(section, role.sets, line)
                self._rule_sink(section).extend(role.doses)
                continue
            if kind == "section" and _repeats_title(norm_tokens(line.text), title_tokens):
                # The page's headline again over the routine (a site's repeated headline): the page's
                # heading, not a part of the routine
                section, current, in_list, last_kind = None, [], False, "other_heading"
                continue
            if kind == "section":
                section = self._section(role.title or line.text, line, role.sets)
                if role.kind == "section" and role.doses:
                    # the heading's work time ("4 rounds: 30 s on"): a rule for each move of the part
                    self._rule_sink(section).extend(role.doses)
                section_single = False
                current = []
                in_list = False
                last_kind = kind
                continue
            if kind == "combined":
                section = self._section(role.title, line, None)
                section_single = True
                current = []
                # "Set 1: Deadlifts & rows": every move the group's heading names, each with the terms of its own part.
                # A heading, not prose: two parts headed by two variants of one movement ("Stage 1: Split squat
                # hold", "Stage 2: Split squat pulses") are two exercises.
                for k, (nm, s, e, ts, te) in enumerate(role.alternatives or [(role.name, role.name_start, role.name_end, 0, None)]):
                    ex = self.register(self.text[line.start + s: line.start + e], line.start + s, line.start + e, doc, s, section,
                                       listed=True)
                    for d in role.alt_doses[k] if role.alt_doses else ():
                        ex.doses.append((d, line.start, "list"))
                    current.append(ex)
                    if role.alternatives:
                        self.add_terms(ex, doc, ts, te, in_name=True)
                    else:
                        self.add_terms(ex, doc)
                last_kind = kind
                continue
            if (kind == "exercise" and last_kind == "prose" and len(current) == 1 and current[0] is self.exercises[-1]
                    and not role.doses and role.desc_start is None and not role.alternatives
                    and self._imperative_step(i, lines, roles, end_at)):
                # "- Stand on one leg" / "- Bend the knee ..." under a move's heading and a remark on it: the first
                # of its steps, though the lexicon knows the order as a move's name
                kind = "prose"
            if kind == "exercise":
                if (last_kind == "exercise" and run == 1 and len(current) == 1 and not line.gap and not line.bullet
                        and not lines[i - 1].bullet and not role.doses and not role.alternatives and role.desc_start is None
                        and _subtitle(norm_tokens(current[0].name), norm_tokens(role.name))):
                    # "Squats" over "Squats for stronger quads": the heading's subtitle, what the move is for
                    heading = current[0]
                    continue
                if tabled and i not in rows:
                    # A list after a table, with no heading between, is another list: it describes the
                    # table's rows ("1) Side-lying leg raise" under a plan at a glance), not more of them.
                    self._block += 1
                tabled = i in rows
                numbered = _EXERCISE_NUMBER_RE.match(line.text)
                number = int(numbered.group(1)) if numbered else None
                if tentative is not None and number is not None and number == last_number + 1:
                    # "Exercise 3:" after a heading over prose that followed "Exercise 2" ("If it hurts at
                    # first", "Making it harder"): an aside inside the numbered list, not a part of its own
                    section = self._settle(tentative, section)
                    tentative = None
                last_number = number if number is not None else -9
                if line.bullet and last_kind == "exercise" and line.gap >= 2 and section is not None and in_list:
                    section = None  # a new bullet group after a gap lost its heading
                if section_single and last_kind not in ("combined",):
                    section, section_single = None, False
                if role.label == "after_section":
                    section = None
                terms_end = role.desc_start if role.desc_start is not None else len(line.text)
                names = role.alternatives or [(role.name, role.name_start, role.name_end, 0, terms_end)]
                # A heading of its own (not a list item, no description on the line): the paragraph below describes it.
                alone = (last_kind != "exercise" and not line.bullet and role.desc_start is None and not role.alternatives
                         and not (i + 1 < end_at and roles[i + 1].kind == "exercise"))
                heading = None
                current = []
                steps_counted = False
                # A labelled line with no prescription of its own describes the exercise the label was given to
                # (notes under a table); one with its own is a listing (another day's "A1" is another move).
                tag = _TAG_RE.match(line.text) if not role.alternatives else None
                for k, (nm, s, e, ts, te) in enumerate(names):
                    ex = self.register(self.text[line.start + s: line.start + e], line.start + s, line.start + e, doc, s, section,
                                       listed=True, tagged=self._tags.get(tag.group(1)) if tag and not role.doses else None)
                    if tag:
                        self._tags[tag.group(1)] = ex
                    for d in role.alt_doses[k] if role.alt_doses else role.doses:
                        ex.doses.append((d, line.start, "list"))
                    self.add_terms(ex, doc, ts, te, in_name=True)
                    if role.desc_end is not None:
                        # a table's cells after its notes cell are read as those before it
                        self.add_terms(ex, doc, role.desc_end, None, in_name=True)
                    for ka, kb in role.kit:
                        self.add_terms(ex, doc, ka, kb, things_only=True, kit=True)
                    if section is not None and section.title:
                        self._section_terms(ex, section)
                    for par in PAREN_RE.finditer(line.text[: role.desc_start or len(line.text)]):
                        inner = par.group(1)
                        if len(inner.split()) >= 4 and not dz.parse_dosages(inner) and (classify(inner) or ("",))[0] == "cue":
                            self.add_sentence([ex], par.start(1), par.end(1), doc, line)
                    current.append(ex)
                    if alone:
                        heading = ex
                in_list = True
                # the moves listed so far: a line of several counted moves lists each
                run = (run if last_kind == "exercise" else 0) + len(names)
                if role.desc_start is not None:
                    for s, e in self.sentences_of(doc, role.desc_start, role.desc_end):
                        self.add_sentence(current, s, e, doc, line)
                last_kind = kind
                continue
            if kind == "label":
                if current:
                    for ex in current:
                        self.add_terms(ex, doc, role.desc_start or 0)
                    if role.desc_start is not None and role.desc_start >= len(line.text.rstrip()):
                        self._under = role.label  # a label alone on its line: its text is on the lines below
                    elif label_walks(role.label):
                        # "How: Stand on ... Keep ...", "Why: ...": each sentence is a cue or a purpose.
                        for s, e in self.sentences_of(doc):
                            self.add_sentence(current, s, e, doc, line, under=role.label)
                    elif role.label.startswith("target") or "muscle" in role.label or purpose_line_label(role.label):
                        # "Benefits: Works the side of the hip. A strong hip keeps the knee in line.": one purpose a
                        # sentence when the line is sentences; a list of terms ("Target: glutes, core") stays whole
                        spans = list(self.sentences_of(doc)) if purpose_line_label(role.label) else []
                        for s, e in spans if len(spans) > 1 else [(0, len(line.text))]:
                            self.add_sentence(current, s, e, doc, line, label=True)
                last_kind = kind
                continue
            if kind == "dose":
                rounds = self._repeats_of_list(line, role.doses, current, last_kind, run)
                if rounds is not None:
                    self._part_rounds(section, rounds, line)
                    current = []
                    last_kind = kind
                    continue
                listed = (self.exercises[-run:] if last_kind == "exercise" and run >= 2
                          and (self._list_rounds(role.doses, self.exercises[-run:]) or self._list_rule(line)) else None)
                for ex in listed or current:
                    for d in role.doses:
                        ex.doses.append((d, line.start, "progression" if ex.progression else ""))
                if listed:
                    current = []  # the rounds close the list: a dose line after them is no item's
                elif not current:
                    self._group_rule(line, doc, section, role.doses, last_kind=last_kind)
                last_kind = kind
                continue
            # prose (and bullets that are sentences)
            if self.prescribed_list(line, doc, section):
                heading = None  # the paragraph lists moves of its own: not the description of the heading above
            after_exercise = bool(current)
            new_unit = line.gap >= 2 or last_kind in ("other_heading", "title", "section", "boiler", "") or not current
            if last_kind == "exercise" and run >= 2 and line.gap >= 1:
                # A paragraph set apart under a list or workout card ("Taper note: ...") is about the whole
                # list unless it names an exercise, not a description of its last item.
                current, new_unit = [], True
            # A numbered item after a move known only from its description starts a move of its own even
            # with no blank line above: leaflets number each described move, and a flattened page loses the
            # blank lines; so does one after a move named only in the item before ("6. Ten step-ups on the stairs ...").
            # Under a move's heading, numbered items are the steps of that move.
            numbered = line.bullet and line.raw_start < line.start and self.text[line.raw_start].isdigit()
            if (count := _EXERCISE_NUMBER_RE.match(line.text)) and _WORD_AFTER_RE.match(line.text, count.end()):
                # "Exercise #2 - lying on your side, ...": a leaflet counts its moves instead of naming them, and each
                # count opens the next move, known only from its description
                current, new_unit = [], True
            # So does a bulleted paragraph after one of the same list that names another move: each item of "- Do
            # ankle rolls ... / - Do calf raises ..." describes a move of its own (bulleted steps name none).
            itemized = numbered or (line.bullet and lines[i - 1].bullet and last_kind == "prose" and current
                                    and self.names_another_move(doc, current))
            if itemized and not line.gap and current and last_kind == "prose" and not any(c.listed for c in current):
                new_unit = True
            if line.gap >= 1 or not current or new_unit and itemized:
                fresh = heading is not None and current == [heading] and not (heading.sentences or heading.purpose)
                if (not fresh and last_kind == "exercise" and run == 1 and len(current) == 1
                        and not (current[0].sentences or current[0].purpose)):
                    # "1. Split squat: 3 x 8", blank lines, then "- Keep the weight ..." or a paragraph: a lone
                    # item's text, however many blank lines a scraped page leaves between them
                    fresh = True
                elif (not fresh and numbered and not steps_counted and len(current) == 1 and current[0].named
                        and current[0] is self.exercises[-1] and _FIRST_ITEM_RE.match(self.text, line.raw_start, line.start)):
                    # "2. Heel Raises", a remark, then "1. Stand on one leg ...": a list counted from one again
                    # under a named move is its steps, whatever movement the first step sets up (a second such
                    # list under the move's own steps may be a move whose heading the page lost)
                    fresh = True
                current = self._paragraph_owner(line, doc, current, new_unit, section, fresh=fresh)
            steps_counted = steps_counted or numbered
            if not current:
                known = len(self.exercises)
                self._group_rule(line, doc, section, None, last_kind=last_kind)
                self._joint_sentences(line, doc, section, after_list=after_exercise)
                if len(self.exercises) == known + 1 and section is not None and self.exercises[-1].section is section:
                    # A part's one exercise, counted in its instructions ("Every minute: 8 swings."): what the
                    # part says next is about it.
                    current = [self.exercises[-1]]
                last_kind = "prose"
                continue
            self._walk_sentences(line, doc, current, section)
            last_kind = "prose"
        if tentative is not None:
            self._settle(tentative, section)
        self.intro_purposes()
        return self._finish(title_line)

    def _heading_kind(self, i: int, roles: list[Role], end_at: int, captions: set[int],
                      section: Section | None) -> str:
        """What a heading-shaped line the lexicon does not settle is, by the lines under it: a move, a part, a
        step of a how-to (prose), a part's heading over prose still to be settled (tentative), or nothing."""
        lines, docs = self.lines, self.docs
        line, role, doc = lines[i], roles[i], docs[i]
        # A rule or dash alone on its line ("-", "***") between a heading and its text divides nothing:
        # the heading is resolved by the line after it.
        j = i + 1
        while j < end_at and j < i + 3 and (not _ALNUM_RE.search(lines[j].text) or j in captions):
            j += 1
        if (j + 1 < end_at and roles[j].kind == "prose" and roles[j + 1].kind in ("prose", "label")
                and lines[j].gap <= 1 and lines[j + 1].gap <= 1
                and (purpose_labelled(lines[j].text) or not line.bullet and self._says_why_first(lines[j], docs[j]))):
            # "Aim: To strengthen the core." or "This drill builds balance." under a move's heading: its
            # how-to comes after the aim (a list's next item is no aim: "- Old shoes / - Too much mileage
            # too soon" lists causes)
            j += 1
        nxt = roles[j].kind if j < end_at else ""
        nxt_line = lines[j] if j < end_at else None
        if (role.label != "part" and _EXERCISE_NUMBER_RE.match(line.text) and wordy(role.name)
                and not is_section_word_only(norm_tokens(role.name))):
            # "Exercise 2. Stance and sweep with heel": the count says a move is named, whatever
            # follows (the next move's count, a picture, its how-to)
            return "exercise"
        if ((self._cue_item(i, lines, roles, nxt_line, nxt) or self._imperative_step(i, lines, roles, end_at))
                and not exercise_like(role.name, doc, role.name_start)):
            # "- Knees over toes" between "- Sit back between your heels." and "- Do 3 sets of 10.": an
            # item of the list of steps it sits in, written without a verb, not a heading over the rest
            return "prose"
        if (nxt in ("exercise", "table_header") and nxt_line is not None and nxt_line.gap <= 1
                and (not line.bullet or line.text.rstrip().endswith(":"))):
            # "2. Lower legs:" over its moves: the colon hands the numbered item's lines to it, a part
            return "section"
        if nxt in ("prose", "label", "dose") and nxt_line is not None and nxt_line.gap <= 1 and role.label != "part" and (
                exercise_like(role.name, doc, role.name_start) or not _PRONOUN_RE.search(role.name)
                and not _label_word_last(role.name) and not (_shouted(role.name) and function_start(role.name.lower())) and (
                    nxt == "label" or self._instructional(lines[j], docs[j], imperative=True, after_why=True))):
            return "exercise"
        if (nxt_line is not None and nxt_line.gap <= 1 and role.label != "part" and self._dosed_how_to(roles, j, end_at)
                and not line.text.rstrip().endswith(":") and not period_word(role.name)
                and not _PRONOUN_RE.search(role.name) and not _label_word_last(role.name)):
            # "Clock taps" / "Sets 3 Reps 5 each side Rest 30sec" / "Stand on one foot and ...": a heading
            # over its dose line and its how-to names a move the lexicon lacks ("EXPERT:" over a dose
            # line is a level's label of the move above)
            return "exercise"
        if line.bullet and section is not None and len(role.name.split()) <= 5 and not _shouted(role.name) and role.label != "part":
            # A short item of a list under a part's heading ("- Clock taps"); a numbered heading in
            # capitals ("2. SAFETY FIRST") is a part of a document, not an item.
            return "exercise"
        if (line.bullet and len(role.name.split()) <= 5 and not _shouted(role.name) and role.label != "part"
                and self._next_in_numbered_moves(i, lines, roles)):
            # "4. Toe Flips" after "3. Heel Kicks": the next item of a numbered list of moves, a move the
            # lexicon lacks
            return "exercise"
        if (nxt == "prose" and nxt_line is not None and nxt_line.gap <= 1 and role.label != "part"
                and _muscle_only(doc, role) and self._orders_soon(docs[j])):
            # "QUADS:" over "The quads cover the front of the thigh. Lie face down with the roller ...":
            # a stretch or roll named by the muscle it works, its how-to a sentence or two in
            return "exercise"
        if nxt == "prose" and not line.bullet and not CLAUSE_HEAD_RE.match(role.name):
            return "tentative"
        return "other_heading"

    def _next_in_numbered_moves(self, i: int, lines: list[Line], roles: list[Role]) -> bool:
        """Line i is a numbered item right after another item of its list (blank lines aside) that named the
        last exercise."""
        if i == 0 or not self.exercises:
            return False
        prev, line = lines[i - 1], lines[i]
        mark = self._bullet_mark(line)
        if not prev.bullet or "#" not in mark or self._bullet_mark(prev) != mark or roles[i - 1].kind not in ("exercise", "maybe_heading"):
            return False
        return prev.start <= self.exercises[-1].start < prev.start + len(prev.text)

    def _cue_item(self, i: int, lines: list[Line], roles: list[Role], nxt_line: Line | None, nxt: str) -> bool:
        """Line i is an item of a list of steps: the items right before and after it (no blank line between)
        have its bullet mark, the one before is a sentence and the one after no exercise's line."""
        line = lines[i]
        if not line.bullet or line.gap or i == 0 or nxt_line is None or nxt_line.gap or not nxt_line.bullet:
            return False
        prev = lines[i - 1]
        mark = self._bullet_mark(line)
        return (prev.bullet and roles[i - 1].kind == "prose" and nxt in ("prose", "dose", "label")
                and self._bullet_mark(prev) == mark == self._bullet_mark(nxt_line))

    def _imperative_step(self, i: int, lines: list[Line], roles: list[Role], end_at: int) -> bool:
        """Line i is a short order opening a list of steps ("1. Kneel on a mat", "2. Tuck chin in", "3. Round
        the back ..."): it starts with a verb of doing, and the items after it with its mark (one blank line
        between at most, as scraped lists often have) are more such orders, then a sentence or a dose."""
        line = lines[i]
        if not line.bullet or not starts_imperative(words_of(line.text.lower())):
            return False
        mark = self._bullet_mark(line)
        for j in range(i + 1, min(end_at, i + 6)):
            nxt = lines[j]
            if nxt.gap > 1 or not nxt.bullet or self._bullet_mark(nxt) != mark:
                return False
            if roles[j].kind in ("prose", "dose", "label"):
                return True
            if roles[j].kind != "maybe_heading" or not starts_imperative(words_of(nxt.text.lower())):
                return False
        return False

    def _bullet_mark(self, line: Line) -> str:
        """A list item's mark, numbers as '#' ("1." and "2." are one kind of mark)."""
        return _DIGITS_RE.sub("#", self.text[line.raw_start:line.start].strip())

    def _dosed_how_to(self, roles: list[Role], j: int, end_at: int) -> bool:
        """Whether line `j` is a dose line (a rest line that prescribes too) and the line under it a step of a how-to,
        or the label alone that opens one ("Setup", "Instructions")."""
        role = roles[j]
        if not (role.kind == "dose" or role.kind == "rest" and role.doses) or j + 1 >= end_at:
            return False
        under, line = roles[j + 1], self.lines[j + 1]
        if line.gap > 1:
            return False
        if under.kind == "label" and under.desc_start is not None and under.desc_start >= len(line.text.rstrip()):
            return True
        return under.kind == "prose" and self._instructional(line, self.docs[j + 1], imperative=True)

    def _header(self, title_line: Line | None) -> list[Line]:
        """The lines above the title that may name the site: not a short line of page furniture ("Main content",
        "Image 1"); a longer boilerplate line stays, as a letterhead's contact line tells its name line."""
        if title_line is None:
            return []
        return [l for l in self.lines[:title_line.index] if len(l.words) > 3 or not is_boilerplate(l.text)]

    def _settle(self, tentative: tuple[Section, Section | None], section: Section | None) -> Section | None:
        """The section after a heading over prose once the next heading is reached: the heading's part
        when an exercise was met under it, else no part of the routine (the heading is dropped, and the
        part before it goes on only if its last exercise is still the article's last)."""
        head, before = tentative
        if section is not head or any(ex.section is head for ex in self.exercises):
            return section
        self.sections.remove(head)
        self.article_doses.extend(self.section_doses.pop(id(head), ()))  # its rules were said of the routine
        if before is not None and any(ex.section is before for ex in self.exercises[-1:]):
            return before
        return None

    def _routine_frequency(self, line: Line, doc: Doc) -> tuple[int | None, int | None] | None:
        """How often the line says to train, from a sentence that does not report a study
        ("trained three times a week for 8 weeks" in a 2008 trial is not the reader's routine)."""
        got = dz.parse_frequency(line.text)
        if got is None or not _STUDY_RE.search(line.text):
            return got  # checked only once a frequency is found: rare, so the scan costs nothing
        view = self.view(doc)
        for s, e in self.sentences_of(doc):
            if not _STUDY_RE.search(view, s, e):
                got = dz.parse_frequency(view[s:e])
                if got is not None:
                    return got
        return None

    def _section(self, title: str, line: Line, sets) -> Section:
        raw_title = title.strip()
        # Found in the line's normalised text: the title is read from it ("Part 2 - Strength" for "Part 2 – Strength").
        i = line.text.find(raw_title) if raw_title else -1
        i = line.start + i if i >= 0 else -1
        start = i if i >= 0 else line.start
        end = start + len(raw_title) if i >= 0 else line.end
        sec = Section(section_id="", title=self.text[start:end].strip() or raw_title, order=len(self.sections) + 1, start=start, end=end,
                      sets_min=sets[0] if sets else None, sets_max=sets[1] if sets else None)
        self.sections.append(sec)
        self._made.append(sec)
        if overview_heading(sec.title):
            self._overviews.add(id(sec))
        return sec

    def _finish(self, title_line: Line | None) -> Article:
        aid = self.raw.article_id
        # a name with a word of a whole session or of the page's topic names no move, nor does a plan's label
        # alone ("LEGS", "Strength"): structure.yaml's session_words and plan_labels
        session_word, plan_labels = vocab()["session_words"], vocab()["plan_labels"]
        self.exercises = [ex for ex in self.exercises if ex.entry is not None or not (
            session_word.search(ex.name) or ex.name.strip(" .:!*").lower() in plan_labels)]
        for n, sec in enumerate(self.sections, 1):
            sec.section_id = f"{aid}/s{n:02d}"
            sec.order = n  # headings found to be no part were dropped
        used = {id(ex.section) for ex in self.exercises if ex.section is not None}
        # The rules of a part with no exercise of its own ("How the circuit works") are the article's.
        for sec in self.sections:
            if id(sec) not in used:
                self.article_doses.extend(self.section_doses.pop(id(sec), ()))
        for tokens, entry, m, base in self.counted_doses:
            found = self.find(tokens, entry)
            if found is None and entry is not None:
                # another alias of the one exercise of that kind ("Romanian deadlifts" for the "RDL")
                same = [ex for ex in self.exercises if ex.entry is not None and ex.entry["canonical"] == entry["canonical"]]
                found = same[0] if len(same) == 1 else None
            if found is not None:
                found.doses.append((m, base, ""))
        exercises: list[Exercise] = []
        for n, ex in enumerate(self.exercises, 1):
            entry = ex.entry
            ex_id = f"{aid}/e{n:02d}"
            dosages = self._dosages(ex)
            exercises.append(Exercise(
                exercise_id=ex_id,
                name=ex.name.strip(),
                canonical_name=entry["canonical"] if entry else " ".join(norm_tokens(ex.name)) or None,
                order=n,
                section_id=ex.section.section_id if ex.section is not None else None,
                category=entry.get("category") if entry else None,
                aliases=[a for a in ex.aliases if a.strip()],
                named_in_text=ex.named,
                dosages=dosages,
                cues=ex.sentences,
                purpose=ex.purpose,
                muscles=text_muscles(ex),
                equipment=ex.equipment,
                start=ex.start,
                end=ex.end,
            ))
        title = title_text = None
        if title_line is not None:
            title_text = self.text[title_line.start:title_line.end]
            title = clean_title(title_text)
        elif self._headline is not None:
            title = clean_title(self.text[self._headline.start:self._headline.end])
        organization, author = publisher_byline(find_organization(self.text, self._header(title_line), title_text),
                                                find_author(self.lines, self.text, title_line))
        art = Article(
            article_id=aid,
            source_file=self.raw.source_file,
            sha256=self.raw.sha256,
            text=self.text,
            title=title,
            organization=organization,
            author=author,
            frequency_min=self.frequency[0] if self.frequency else None,
            frequency_max=self.frequency[1] if self.frequency else None,
            sections=self.sections,
            exercises=exercises,
        )
        if not exercises:
            art.flags.append("no_exercises")
        return art


# Words of a paragraph of the article's body (not a standfirst, caption or share bar).
_BODY_PARAGRAPH_WORDS = 30


def _muscle_only(doc: Doc, role: Role) -> bool:
    """The heading's name is a muscle or muscle group and nothing more ("QUADS", "Calf muscles")."""
    return any(sp.start_char <= role.name_start and sp.end_char >= role.name_end for sp in doc_spans(doc, MUSCLE_KEY))


def _routine_end(roles: list[Role], lines: list[Line]) -> int:
    """Index of the line that ends the routine text: the first end marker ("Related posts",
    "Share this") after an exercise or a body paragraph (a routine told in prose, as in a forum
    answer). One above them is page chrome (a share bar under the byline), not the end."""
    seen = False
    for i, r in enumerate(roles):
        if r.kind in ("exercise", "combined") or r.kind == "prose" and len(lines[i].words) >= _BODY_PARAGRAPH_WORDS:
            seen = True
        elif r.kind == "end" and seen:
            return i
    return len(roles)


def _repeats_title(tokens: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """The heading is the page's title again. (Only the whole title: its words after a colon often name the
    routine's one part, "Home Challenge: The Power Card".)"""
    return len(tokens) >= 3 and tokens == title


# Lines between a title and its byline that may be a standfirst ("Stronger hips, fewer niggles: our plan.").
_DECK_LINES = 2


def _deck_end(lines: list[Line], roles: list[Role], title_line: Line | None) -> int:
    """Index of the last line of the page's top: the title, or the byline under it when only a standfirst
    (prose) stands between them. -1 without a title."""
    if title_line is None:
        return -1
    t = title_line.index
    for k in range(t + 1, min(len(lines), t + 2 + _DECK_LINES)):
        if byline_name(lines[k].text) is not None:
            return k if all(roles[j].kind in ("prose", "boiler") for j in range(t + 1, k)) else t
    return t


def build_article(raw: RawArticle, lines: list[Line], docs: list[Doc]) -> Article:
    return _Builder(raw, lines, docs).build()
