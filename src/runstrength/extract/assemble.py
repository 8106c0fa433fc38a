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
the second pass: the _Builder, the dosage merge and inheritance rules, and build_article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

from runstrength.extract import dosage as dz
from runstrength.extract import lexicon
from runstrength.extract.gates import AnyOf
from runstrength.extract.meta import byline_name, find_author, find_organization, find_title, running_heads
from runstrength.extract.nlp import EQUIPMENT_KEY, EXERCISE_KEY, MUSCLE_KEY, norm_tokens
from runstrength.extract.roles import (
    CLAUSE_HEAD_RE,
    INTRO_HINT,
    INTRO_RE,
    PAREN_RE,
    REPEAT_BLOCK_RE,
    UNLESS_NOTED,
    Role,
    analyse_line,
    doc_spans,
    exercise_like,
    exercise_spans_in,
    function_start,
    shift,
)
from runstrength.extract.sentences import (FIRST_PERSON_RE, classify, is_dosage_only, label_walks, starts_imperative,
                                              under_label, words_of)
from runstrength.extract.signatures import match_signature
from runstrength.extract.tables import table_roles
from runstrength.extract.terms import (
    VAGUE_MUSCLES,
    back_region,
    acting_ranges,
    does_work,
    elided_muscle,
    equipment_rx,
    held_or_faulted,
    inside_equipment,
    listed_after_equipment,
    modifies_body_part,
    muscle_subject,
    muscle_term,
    set_against,
    name_equipment,
    noun_use,
    paces,
    positional,
    taken_over,
    vague_as_noun,
)
from runstrength.extract.text import Line
from runstrength.extract.vocab import ends_with_head, is_boilerplate, overview_heading, vocab
from runstrength.model import Article, Dosage, Exercise, Section, Sentence

if TYPE_CHECKING:  # annotations only
    from runstrength.ingest.reader import RawArticle


_PROGRESS_RE = re.compile(r"\b(progress|advance) (this|the) (exercise|movement)\b|\bto progress\b|\bprogression\b")


def _progression(lower: str) -> bool:
    """Whether _PROGRESS_RE matches. Each of its matches contains "progress" or "advance" and the
    pattern is case-sensitive, so a text with neither word is not scanned."""
    return ("progress" in lower or "advance" in lower) and _PROGRESS_RE.search(lower) is not None


_OTHER_SIDE_RE = re.compile(r"\b(repeat|do the same|perform|switch|swap)\b.*\b(other|opposite) (leg|side|arm|foot)\b|\bswitch (sides|legs|arms)\b", re.I)
# Every match of _OTHER_SIDE_RE names a leg, side, arm or foot (speed pre-filter).
_OTHER_SIDE_HINT = AnyOf("leg", "side", "arm", "foot")
_ALL_EXERCISES_RE = re.compile(r"^(these|both|all|all of these|all these|the above) (exercises|moves|movements|drills|stretches)\b", re.I)
# Sentences that keep an exercise out of the routine: advice to avoid it, a note that it was left out,
# an alternative kept for another day. "Don't skip X" and "don't forget X" are the opposite (_KEEP_IT_RE).
# _LEFT_OUT_BEFORE_RE: said of the exercise named right after it (within a few words): "avoid deep squats",
# "you won't find leg curls".
_LEFT_OUT_BEFORE_RE = re.compile(
    r"\b(?:avoid(?:ing)?|skip(?:ping)?|steer clear of|won't|will not|wouldn't|don't|do not|doesn't|does not|never|no|not|"
    r"instead of|rather than|swap(?:ped)?|replace[ds]?)\b(?:\W+\w+){0,3}\W*$", re.I)
# Anywhere in the sentence: "we have left X out", "X is another option, but ...", "we keep those for ...".
_LEFT_OUT_RE = re.compile(
    r"\b(?:left\b.{0,40}\bout|leave\b.{0,40}\bout|not (?:part of|included|on (?:this|the|our) list|recommended)|"
    r"another (?:great |good |useful )?(?:option|alternative|choice)|keep (?:those|these|them|it) for|"
    # "... but you will not see them in this plan": said after the exercise it leaves out
    r"(?:won't|will not|wouldn't) (?:find|see) (?:it|them|those|these)\b|"
    r"(?:isn't|aren't|is not|are not) (?:in|on|part of) (?:this|the|our) (?:list|routine|plan|programme|program|session)|"
    # the writer's own history, not the routine: "I've been doing clamshells and planks", "I've tried lunges"
    r"I(?:'ve|\u2019ve| have) (?:been doing|tried|done))\b", re.I)
# Said right after the exercise it dismisses: "Box jumps are fun, but they won't fix this", "Clams are far too
# easy to make a difference".
_DISMISSED_AFTER_RE = re.compile(
    r"\W*(?:[\w'\u2019]+\W+){0,8}?(?:(?:won't|will not|wouldn't|don't|do not|doesn't|does not|can't|cannot)\s+"
    r"(?:fix|solve|help|change|make (?:a|any|much|the) difference)|too (?:easy|light|gentle) to (?:make|do|change))\b", re.I)
_DISMISSED_HINT = AnyOf("t ", "not", "too ")  # "n't " with either apostrophe
# A question, asked or reported, only names what is asked about ("Would clamshells help?",
# "Runners often ask whether they should foam roll"): the routine is in the answer.
_ASKED_RE = re.compile(r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\b(?:\s+\w+){0,2}?\s+(?:whether|if|about)\b", re.I)
_ASKED_HINT = AnyOf("ask", "wonder")


def _asks(view: str, start: int, end: int) -> bool:
    """The sentence view[start:end] is a question or reports one."""
    sent = view[start:end].rstrip()
    if sent.endswith("?"):
        return True
    return _ASKED_HINT(sent) and _ASKED_RE.search(sent) is not None


# What a sentence reporting research says: its numbers are the study's, not the reader's routine.
_STUDY_RE = re.compile(r"\b(?:stud(?:y|ies)|trials?|researchers?|participants|subjects|meta-analys[ie]s|cohort|control group|"
                       r"recruited|randomly|randomi[sz]ed|(?:19|20)\d\d)\b", re.I)
_KEEP_IT_RE = re.compile(r"\b(?:don't|do not|never)\s+(?:skip|forget|neglect|miss|rush)\b", re.I)
_PLURAL_SUBJECT = re.compile(r"^(these|they|both|all of these|together|combined)\b", re.I)
# A reader's question ("Q: How heavy should it feel?", "What about plyometrics?") heads an answer, not an exercise.
_QUESTION_LEAD_RE = re.compile(r"^\W*(?:q|question)\s*[:.)\-]", re.I)
# "That's the session.", "That's one round.": what follows is no longer the last exercise's description.
_CLOSER_RE = re.compile(r"^\W*(?:and )?(?:that's|that is|that’s|this is|this completes|that completes) (?:it|all|one round|one set|"
                        r"the (?:whole |entire |full )?(?:session|workout|routine|circuit|round|programme|program|plan|set|lot))\b[\s.!]*$", re.I)
# "So the first move is the sit-to-stand.", "The second is heel raises": a sentence that introduces the next exercise.
# (Used with Pattern.match at a sentence start, so no "^".)
_ORDINAL_NAMING_RE = re.compile(r"\W*(?:so |and |now |then )?(?:the |my |our )?(?:first|second|third|fourth|fifth|sixth|next|last|final)"
                                r"(?: (?:move|exercise|one|drill|stretch|step))? (?:is|will be|up is)\b", re.I)
# A sentence that names, at its end, the movement it has just described: "... - that's the adductor squeeze.",
# "..., which is called a Copenhagen plank." (searched within the sentence; the name runs to its end).
_NAMED_AS_RE = re.compile(
    r"(?:^|[-,;:(]\s*|\s)(?:that's|that is|this is|it's|it is|which is)\s+(?:called\s+|known as\s+)?(?:the|a|an)\s+"
    r"(?P<name>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,4}?)\s*[.!)]?\s*$", re.I)
_NAMED_AS_HINT = AnyOf("that", "this", "it's", "it is", "which", "That", "This", "It's", "It is")
# Nouns after an exercise's name that make it a word of another thing: its position or version, or the kit
# it is done on ("a pull-up bar", "the squat rack", "a dip station").
_NOT_THE_MOVE_AFTER = frozenset({"position", "positions", "stance", "version", "bar", "bars", "rack", "racks", "station",
                                 "stations", "machine", "machines"})
# Sequence words that may open a sentence naming the next exercise ("Finally, a side plank from your knees.").
_SEQUENCE_WORDS = {"first", "firstly", "second", "secondly", "third", "thirdly", "fourth", "fifth", "next", "then", "finally",
                   "lastly", "last", "now"}


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from runstrength.extract import sentences

    return sentences.vocab()["imperative_verbs_set"]


# A capability the reader must have before the exercise, naming another one ("Only try these once you
# can do 3 x 20 squats", "when you have mastered the plank"): ends where the clause does.
_PREREQUISITE_RE = re.compile(r"\b(?:(?:once|when|until|after|if)\s+you\s+(?:can|could|are\s+able\s+to)"
                              r"|(?:once|when|until|after)\s+you\s+(?:have|['’]ve))\b[^,;:.!?]*$", re.I)
# What may stand between the exercises of a listed subject ("The squat, the lunge and step-ups ...").
_JOINT_GLUE = {",", "and", "&", "the", "a", "an", "both"}
# What may stand between the exercises of a list a sentence prescribes ("bridges, squats or lunges").
_LIST_GLUE = frozenset({",", "and", "or", "&", "the", "a", "an", "some"})
# "For the plank, ...", "On the push-ups, ...": a sentence opened by the exercise it is about.
_TOPIC_PREPS = {"for", "on", "in", "during", "with"}
_DET = {"a", "an", "the", "or", "and", "also", "then", "next", "try", "like"}
_SUBJECT_VERBS = {"is", "are", "was", "will", "can", "helps", "help", "trains", "train", "works", "work", "targets",
                  "target", "enhances", "enhance", "builds", "build", "strengthens", "strengthen", "activates",
                  "activate", "assists", "assist", "improves", "improve", "develops", "develop", "focuses", "creates",
                  "create", "requires", "require", "teaches", "teach", "uses", "use", "engages", "engage", "involves",
                  "allows", "mimics", "replicates", "to", "should", "benefits", "isolates", "challenges", "gets"}
_WHOLE_RE = re.compile(r"\b(routine|workout|sequence|series|program)\b")
# A sentence whose first word or two are its subject ("Jump training seems to work", "Squats are ..."): no instruction.
_NOUN_SUBJECT_RE = re.compile(r"^\W*[\w'-]+(?:\s+[\w'-]+)?\s+(?:is|are|was|were|seems?|appears?|has|have|helps?|works?|means?)\b", re.I)
_SETUP_VERB_RE = re.compile(r"^\W*(lie|lying|stand|standing|start|begin|sit|sitting|kneel|kneeling|get|position|place)\b", re.I)
_FOR_ALL_RE = re.compile(
    r"\b(for|in) (all|each|every) (of )?(the |these |this )?(moves?|exercises?|activit(y|ies)|one)\b|\b(all|each|every) (moves?|exercises?)\b"
    r"|\brepeat (this|the|that) (whole |entire )?(routine|circuit|workout|sequence|series)\b")
_ARTICLE_WIDE_RE = re.compile(
    # the noun a few words after its quantifier ("each of these five moves"), not anywhere later in the
    # sentence ("all three rounds of 15 with that weight, move up 5 lb")
    r"\b(all|each|every)\b(\s+[\w'-]+){0,4}?\s+(moves?|exercises?|activit(y|ies)|one|stretch(es)?|drills?|positions?|poses?)\b|\b(exercises?|moves) (below|above)\b|\bthis (plan|routine|workout|circuit|program)\b"
    # the noun left out at the sentence's end: "That's four rounds of each.", "Aim for 10 of both."
    r"|\b(of|for) (each|both)\W*$" + "|" + UNLESS_NOTED)
# A part named by its label: "Part 2", "Circuit B", "Superset 1".
_PART_LABEL_RE = re.compile(
    r"^\W*(?:part|circuit|superset|block|section|phase|stage|level|workout|day|set)\s+(?:\d{1,2}|[a-z]|one|two|three|four|five)\b", re.I)
# What the reader should already manage: a check before a stage or before running again, not work to do.
_ABILITY_CHECK_RE = re.compile(r"\b(?:be able to|are able to|can you|until you can|once you can|as a (?:rough |quick |simple )?(?:check|test))\b")
# A superset's label opening a line, or a table row's first cell ("A1 ...", "| B2 | ..."): it names one
# exercise of the routine wherever it is used again.
_TAG_RE = re.compile(r"[\s|]*([A-G]\d{1,2})\b")
# "at the top of each one": a position in every rep, not a rule for every exercise
_OF_EACH_ONE_RE = re.compile(r"\bof (?:each|every) one\b")
# "repeat the whole circuit", "go two times through": the whole routine again
_REPEAT_WHOLE_RE = re.compile(r"\brepeat (this|the|that) (whole )?(routine|circuit|workout|sequence|series|set)\b|\b(?:go|run|work|cycle) (?:\w+ times|twice|thrice) through\b")
# A sentence (lower case) that prescribes the whole part: "complete 3 rounds", "do 2 sets", "work through it twice".
_RULE_VERB_RE = re.compile(r"^\W*(?:complete|do|perform|repeat|go\s+through|run\s+through|work|aim\s+for|try|finish)\b")
# Line kinds after which a paragraph is a part's instructions.
_HEADING_KINDS = ("section", "other_heading", "title", "")
# Line kinds (after a maybe_heading is resolved) that head a part of the page.
_PART_HEAD_KINDS = frozenset({"section", "other_heading", "tentative", "article_sets"})
# A heading of the moves left out of the routine: "What to avoid", "Exercises to skip (for now)", "What I left
# out", "DON'T DO THIS" ("Don't skip the warm-up" keeps what it names).
_AVOID_HEAD_RE = re.compile(
    # what is left out closes the heading ("How to avoid shin pain" names the routine's aim)
    r"\b(?:avoid|skip|not to do|leave out|leaves out|left out|leaving out)(?:\s+(?:these|this|them|it))?(?:\s+for now)?"
    r"\s*(?:\([^()]*\))?\W*$"
    r"|^\W*(?:don'?t|don\u2019t|do not|never)\s+(?:do|try|use|lift|perform|bother)\b", re.I)
_AVOID_HEAD_HINT = AnyOf("avoid", "skip", "not", "out", "n't", "n\u2019t", "never", ignore_case=False)
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
# A clause before the verb that makes what is added a harder or easier version ("To make it harder, add a hop").
_VARIANT_CLAUSE_RE = re.compile(r"\b(?:harder|easier|challeng\w*|progress\w*|advanc\w*|regress\w*|intensity|tougher)\b", re.I)
# After the introduced name (matched up to the sentence's end): the end, a colon, or a few words of
# set-up before one ("Try a lateral lunge on a slope: ...").
_INTRO_TAIL_RE = re.compile(r"(?:\s+[\w'-]+){0,5}\s*(?::|[.!]?\s*$)")


# Labels whose value says what the exercise trains ("Muscles worked: ...", "Focus: ...").
_PURPOSE_LABELS = {"focus", "goal", "benefits", "works", "areas worked"}
# In a cue, relaxing a body part is about posture, not what the exercise trains ("relax your shoulders");
# not in the third person, where the move is what loosens it ("it loosens the shoulders").
_RELAX_RE = re.compile(r"(relax|releas|loosen)(?!e?s\b)", re.I)
# "imagine a tray on your head", "as if holding a box": things pictured, not used.
_IMAGERY_RE = re.compile(r"\b(imagin\w*|pretend\w*|visuali[sz]\w*|as if|as though|think of)\b", re.I)
# A muscle word naming a complaint or a body position, not a muscle worked ("hip pain", "a neutral back position").
_NOT_MUSCLE_AFTER = {"pain", "pains", "ache", "aches", "movement", "movements", "motion", "position", "posture", "arch", "curve",
                     "stress", "strain", "strains", "injury", "injuries", "issues", "problems", "trouble"}
# An equipment word written as a capitalised abbreviation ("KB", "DBs"): reported by its full name.
_ABBREVIATION_RE = re.compile(r"[A-Z]{2,3}s?")
_AMOUNT_WORDS = frozenset({"weight", "weights", "load", "loads"})  # equipment words that mostly say how much


@lru_cache(maxsize=1)
def _muscle_canonical() -> dict[tuple[str, ...], str]:
    """Surface muscle term (normalised tokens) -> canonical muscle."""
    return {norm_tokens(v): canon for canon, vs in lexicon.load_muscles().items() for v in vs}


@lru_cache(maxsize=1)
def _equipment_canonical() -> dict[str, str]:
    """Surface equipment term, its words run together ("barbell", "kettlebell") -> canonical equipment."""
    return {"".join(norm_tokens(v)): canon for canon, vs in lexicon.load_equipment().items() for v in vs}


def _short_form(short: str, full: str) -> bool:
    """`short` a clipped form of `full` for the same thing ("bar" of "barbell"); different words named as
    alternatives ("step", "stair") are not."""
    a, b = "".join(norm_tokens(short)), "".join(norm_tokens(full))
    canon = _equipment_canonical()
    return a != b and b.startswith(a) and canon.get(a) is not None and canon.get(a) == canon.get(b)


def _text_muscles(ex: _Ex) -> list[str]:
    """The exercise's muscles, without one named only by its name when the text names the same muscle
    in another form of the word ("calf" from "Calf raises" when the text says "calves"); a different
    word for it ("pec" and "chest") is kept."""
    if not ex.name_muscles:
        return ex.muscles
    canon = _muscle_canonical()
    told = {(canon.get(norm_tokens(m)), m[:3]) for m in ex.muscles if m not in ex.name_muscles}
    return [m for m in ex.muscles if m not in ex.name_muscles or (canon.get(norm_tokens(m)), m[:3]) not in told]


@dataclass
class _Ex:
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


def _canonical_entry(name: str, doc: Doc | None, offset: int) -> dict | None:
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


# An abbreviation in a name that spells no word ("SL RDL", "BSS", "DB row"): capitals without a vowel.
_ABBREVIATED_RE = re.compile(r"\b[B-DF-HJ-NP-TV-Z]{2,5}\b")


def _initials_of(short: str, long: str) -> bool:
    """`short` spells the initials of `long` ("RFESS", "Rear-foot elevated split squat")."""
    letters = "".join(c for c in short.lower() if c.isalnum())
    words = [w for w in re.split(r"[\s\-/]+", long.lower()) if w]
    return len(letters) >= 2 and len(words) >= 2 and letters == "".join(w[0] for w in words)


def _same_family(a: _Ex, tokens: tuple[str, ...], entry: dict | None) -> bool:
    if entry is not None and a.entry is not None and entry["canonical"] == a.entry["canonical"]:
        return True
    ta, tb = set(a.tokens), set(tokens)
    if not ta or not tb:
        return False
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return small <= big and (len(small) >= 2 or small == big) or a.tokens[-1:] == tokens[-1:]


def _quoted(view: str, start: int, end: int) -> bool:
    """The name at view[start:end] of a line stands inside a quotation opened before it (speech, a cue in
    the coach's words), not in quotation marks of its own ('the "bird dog"'). Counted from the line's
    start: the sentencizer leaves an opening mark at the end of the sentence before."""
    if '"' not in view:
        return False
    if view.count('"', 0, start) % 2 == 0:
        return False
    return not (view[start - 1:start] == '"' and view[end:end + 1] == '"')


# Tokens a bracket may hold and still be skipped as an aside after a name.
_ASIDE_TOKENS = 12


def _past_brackets(doc: Doc, k: int) -> int:
    """The token after a bracketed aside starting at token `k` ("(or a toe curl)"), else `k`."""
    if k < len(doc) and doc[k].text == "(":
        for j in range(k + 1, min(len(doc), k + _ASIDE_TOKENS)):
            if doc[j].text == ")":
                return j + 1
    return k


class _Sent(NamedTuple):
    """A sentence of a doc: token range and character range, as on a Span."""
    start: int
    end: int
    start_char: int
    end_char: int


class _Builder:
    def __init__(self, raw: RawArticle, lines: list[Line], docs: list[Doc]):
        self.raw = raw
        self.text = raw.text
        self.lines = lines
        self.docs = docs
        self.sections: list[Section] = []
        self.exercises: list[_Ex] = []
        self.article_doses: list[dz.DoseMention] = []
        # Rules of one section ("Complete 3 rounds, 40 seconds per move" under its heading), by id(section).
        self.section_doses: dict[int, list[dz.DoseMention]] = {}
        self.article_dose_text: list[tuple[int, int]] = []
        # Doses of exercises counted in a list sentence ("3 rounds of 12 squats, 10 push-ups and a
        # 45-second plank"): (name tokens, lexicon entry, mention, offset of its text), given to
        # those exercises at the end, when every exercise of the article is known.
        self.counted_doses: list[tuple[tuple[str, ...], dict | None, dz.DoseMention, int]] = []
        self.frequency: tuple[int, int | None] | None = None
        self._sents: dict[int, list] = {}
        self._starts_at: tuple[int, int] | None = None  # (line index, sentence): see _named_later
        self._recap = False  # the list being read repeats exercises already met (see register)
        self._tags: dict[str, _Ex] = {}  # superset label ("A1") -> the exercise it was last given to
        self._avoiding = False  # under a heading of moves to avoid ("What to avoid"): no exercise is made
        self._block = 0  # headings met so far: the exercises under one heading are one list
        self._overviews: set[int] = set()  # ids of sections whose heading says they summarise the routine
        # Each doc's text is its line's text (spaCy keeps the text it was given, byte for
        # byte); Doc.text would rebuild it from every token on each access.
        self._views: dict[int, str] = {id(d): l.text for l, d in zip(lines, docs)}

    # -- exercise registry
    def find(self, tokens: tuple[str, ...], entry: dict | None) -> _Ex | None:
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

    def register(self, name: str, start: int, end: int, doc: Doc | None, doc_offset: int, section: Section | None, *,
                 named: bool = True, entry: dict | None = None, listed: bool = False, tagged: _Ex | None = None) -> _Ex:
        """The exercise `name` names: one met before or a new one. `tagged`: the exercise last given the
        superset label this name carries ("A1"): the same one when either name holds the other's words,
        both are one movement of the lexicon or one spells the other's initials ("A1 Hex bar deadlift"
        in the table, "A1 - Deadlift." or "A1 - HBDL." in the notes)."""
        entry = entry or _canonical_entry(name, doc, doc_offset)
        tokens = norm_tokens(name)
        ex = self.find(tokens, entry)
        if ex is None and not listed and entry is not None:
            # Prose naming the one exercise of its kind another way ("the RDL" after "Romanian deadlifts" in
            # a list): that exercise.
            same = [x for x in self.exercises if x.entry is not None and x.entry["canonical"] == entry["canonical"]]
            ex = same[0] if len(same) == 1 else None
        if ex is None and listed:
            ex = self._short_name_of(name, tokens, entry)
        if (ex is not None and listed and ex.listed and section is not None and ex.section is section and ex.tokens != tokens
                and not self._recap and ex.block == self._block):
            # Two headings of one list of a routine part name two variants ("Calf raise", then "Bent-knee calf
            # raise"): a name listed again is a repeat only in another part or list (a "videos" list after the
            # routine, descriptions under "How to do each move" after its table), or in a list that repeats the
            # routine (a printable summary, see _recap).
            ex = None
        elif (ex is not None and listed and ex.listed and not self._recap and entry is not None and ex.entry is not None
              and entry["canonical"] != ex.entry["canonical"] and ex.tokens != tokens):
            # Headings whose words overlap but name two movements ("Split squat", later "Bulgarian split
            # squat") are two exercises, in whichever parts they stand.
            ex = None
        elif (ex is not None and listed and ex.listed and not self._recap and section is not None and ex.section is not None
              and ex.section is not section and set(ex.tokens) < set(tokens) and (ex.sentences or ex.purpose)):
            # A heading in a later part that adds a word to an exercise already described ("Single-leg heel
            # raise" in one phase, "Weighted single-leg heel raise" in the next): the harder variant.
            ex = None
        if tagged is not None and ex is not tagged and (
                entry is not None and tagged.entry is not None and entry["canonical"] == tagged.entry["canonical"]
                or set(tokens) <= set(tagged.tokens) or set(tagged.tokens) <= set(tokens)
                or _initials_of(name, tagged.name) or _initials_of(tagged.name, name)):
            ex = tagged
        if listed:
            # A list item naming an exercise met before, under its own name, starts a recap of the routine.
            self._recap = ex is not None and ex.listed and ex.tokens == tokens or self._recap and ex is not None
        if ex is not None:
            if name not in ex.aliases and norm_tokens(name) != ex.tokens:
                ex.aliases.append(name)
            if ex.section is None and section is not None and not (ex.sentences or ex.purpose or ex.doses):
                # Named first outside the routine's parts (a video's chapter list, the intro), then
                # under a part's heading: the part is where it belongs.
                ex.section = section
            elif listed and ex.section is not section and ex.section is not None:
                self._relist(ex, section)
            return ex
        ex = _Ex(name=name, start=start, end=end, entry=entry, named=named, section=section, tokens=tokens, listed=listed,
                 block=self._block)
        self.exercises.append(ex)
        return ex

    def _relist(self, ex: _Ex, section: Section | None) -> None:
        """`ex`, listed first under another heading, listed again under `section`. A summary of the whole
        routine ("Programme summary", "The plan at a glance", a week-by-week table) lists every exercise
        before the parts that describe them: the labelled part ("Superset B", "Circuit 2") where the
        exercise is listed again is where it belongs, and when the summary's heading says it is an
        overview, so does any later listing, or none if that is an overview too ("Exercise details")."""
        old = ex.section
        if id(old) in self._overviews:
            ex.section = None if section is None or id(section) in self._overviews else section
        elif section is not None and _PART_LABEL_RE.match(section.title) and not _PART_LABEL_RE.match(old.title):
            ex.section = section

    def _short_name_of(self, name: str, tokens: tuple[str, ...], entry: dict | None) -> _Ex | None:
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

    # -- per-line helpers
    def add_terms(self, ex: _Ex, doc: Doc, start: int = 0, end: int | None = None, *, purpose: bool = False, in_name: bool = False,
                  listed: bool = False, things_only: bool = False, kit: bool = False) -> None:
        """Muscles and equipment of doc[start:end] tied to `ex`. `listed`: a label line listing what is
        worked ("Muscles worked: core and shoulders"), where every muscle named counts. `things_only`:
        equipment only (a prescription's load, "3 x 10, wearing the vest"). `kit`: a table's equipment
        cell, where a word that may be a movement ("Step", "Box") is the thing."""
        muscles = () if things_only else doc_spans(doc, MUSCLE_KEY)
        equipment = doc_spans(doc, EQUIPMENT_KEY)
        if not muscles and not equipment:
            return  # everything below reads these spans
        view = self.view(doc)
        end = len(view) if end is None else end
        amb = vocab()["ambiguous_equipment"]
        # Both made at the first span in range, if any (pure, and most sentences name no muscle).
        acting = None  # with `purpose`: the ranges an action verb acts on, the subject clause included
        muscle_ends: set[int] | None = None
        cue_acting = None
        for span in muscles:
            if span.start_char < start or span.end_char > end:
                continue
            if muscle_ends is None:
                muscle_ends = {m.end for m in muscles}
            low = span.text.lower()
            if equipment and inside_equipment(span, equipment):
                continue  # "trap bar" is a thing
            if span.label_ in lexicon.load_connective_tissue():
                continue  # "the Achilles tendon" is loaded, but it is not a muscle
            musculature = span.end < len(doc) and doc[span.end].lower_ == "musculature"
            vague = low in VAGUE_MUSCLES and not musculature and not listed
            if vague and modifies_body_part(doc, span):
                continue  # "the back leg", "your hip joint"
            if purpose:
                if acting is None:
                    acting = acting_ranges(view, start, end, subject=True)
                ranges = acting
            elif vague or not listed and not musculature and back_region(span):  # "low back musculature" names the muscles
                if cue_acting is None:
                    cue_acting = [r for r in acting_ranges(view, start, end) if not _RELAX_RE.match(r[2])]
                ranges = cue_acting
            else:
                ranges = None
            at = span.start_char
            if ranges is not None and not any(a <= at < b for a, b, _ in ranges) and not (
                    purpose and not vague and (does_work(doc, view, span, end) or muscle_subject(doc, span, start))):
                continue
            if vague and not vague_as_noun(doc, span, muscle_ends):
                continue
            if (positional(doc, span, start) or taken_over(view, span.end_char, end) or held_or_faulted(doc, span)
                    or set_against(doc, span)):
                continue
            if span.end < len(doc) and doc[span.end].lower_ in _NOT_MUSCLE_AFTER:
                continue
            terms = [" ".join(low.split()) + " musculature" if musculature else muscle_term(span.text)]
            elided = elided_muscle(doc, span, muscle_ends)
            if elided:
                terms.insert(0, elided)
            for term in terms:
                if term not in ex.muscles:
                    ex.muscles.append(term)
                    if in_name:
                        ex.name_muscles.add(term)
        muscle_chars = None  # made at the first equipment span in range
        taken: list[int] = []  # token ends of the equipment kept from this range
        for span in equipment:
            if span.start_char >= start and span.end_char <= end:
                if muscle_chars is None:
                    muscle_chars = [(m.start_char, m.end_char) for m in muscles]
                at = span.start_char
                if any(a <= at < e and span.end_char <= e for a, e in muscle_chars):
                    continue  # "IT band" is a body part (but "trap bar" is a thing)
                if _IMAGERY_RE.search(view, start, span.start_char):
                    continue  # "imagine a tray on your head"
                term = " ".join(span.text.lower().split())
                ambiguous = term in amb or term.endswith("s") and term[:-1] in amb  # "loads" as "load"
                if ambiguous and not kit and (paces(doc, span) or not (noun_use(doc, span) or in_name and name_equipment(doc, span)
                                        or listed_after_equipment(doc, span, taken))):
                    continue
                if ambiguous and any(o.start == span.end for o in equipment):
                    continue  # "a sofa cushion", "the kitchen chair mat": the first word says which one
                taken.append(span.end)
                if term.endswith("ed") and term not in ("bed",) or _ABBREVIATION_RE.fullmatch(span.text):
                    term = span.label_  # "banded clams" use a band; "a KB" is a kettlebell
                toks = set(norm_tokens(term))
                if any(toks <= set(norm_tokens(t)) or _short_form(term, t) for t in ex.equipment):
                    continue  # "the roller" after "foam roller", "the bar" after "barbell"
                general = [t for t in ex.equipment if set(norm_tokens(t)) < toks or _short_form(t, term)]
                if general:  # "resistance band" after "band", "barbell" after "bar"
                    ex.equipment[ex.equipment.index(general[0])] = term
                    continue
                ex.equipment.append(term)

    def add_sentence(self, exs: list[_Ex], s_start: int, s_end: int, doc: Doc, line: Line, *, label: bool = False,
                     under: str = "") -> None:
        """The sentence doc[s_start:s_end] of `line` as a cue or purpose of each of `exs`. `label`: a line listing
        what is worked, a purpose as a whole; `under`: the label ("how", "why") of the line the sentence is on."""
        a = line.start + s_start
        b = line.start + s_end
        original = self.text[a:b]
        stripped = original.strip()
        if not stripped:
            return
        a += len(original) - len(original.lstrip())
        b = a + len(stripped)
        sent_view = self.view(doc)[s_start:s_end]
        if is_boilerplate(sent_view):
            return
        mentions = dz.parse_dosages(sent_view)
        if mentions and self.route_counted(doc, s_start, s_end, line):
            mentions = []  # each count went to the exercise it counts, not to the paragraph's owner
        low = sent_view.lower()
        if exs and _progression(low):  # tested once for the sentence, not once per exercise
            for ex in exs:
                ex.progression = True
        if not mentions and _OTHER_SIDE_HINT(sent_view) and _OTHER_SIDE_RE.search(sent_view):
            for ex in exs:
                if ex.doses:
                    m, base, ctx = ex.doses[-1]
                    ex.doses[-1] = (replace(m, per_side=True), base, ctx)
        for ex in exs:
            for m in mentions:
                ex.doses.append((m, line.start + s_start, "progression" if ex.progression else ""))
        if label:
            role = ("purpose", None)
        elif is_dosage_only(sent_view, [(m.start, m.end) for m in mentions] + list(dz.frequency_spans(sent_view)),
                            rest=bool(dz.parse_rest(sent_view))):
            role = None
        else:
            role = under_label(sent_view, under) if under else classify(sent_view)
        if role is None:
            if mentions:  # a prescription names what to hold or wear ("2 x 60 seconds, wearing the vest")
                for ex in exs:
                    self.add_terms(ex, doc, s_start, s_end, things_only=True)
            return
        for ex in exs:
            if (a, b) in ex.seen_sents:
                continue
            ex.seen_sents.add((a, b))
            if role[0] == "cue":
                ex.sentences.append(Sentence(stripped, a, b, role[1]))
            else:
                ex.purpose.append(Sentence(stripped, a, b, None))
            self.add_terms(ex, doc, s_start, s_end, purpose=role[0] == "purpose" and not label, listed=label)

    def route_counted(self, doc: Doc, s_start: int, s_end: int, line: Line, *, single: bool = False) -> list[tuple[int, int]]:
        """Give each exercise of a list sentence the count said with it; the ranges (in the doc) of the
        names counted, none when the sentence is no such list.

        "Do three rounds of 12 squats, 10 push-ups and a 45-second plank": each name with its own
        number, the rounds said once for all of them. `single`: one exercise counted alone is enough
        (a part's instructions, "Every minute for 10 minutes: 8 kettlebell swings.").
        """
        counted = _counted_list(self.view(doc)[s_start:s_end], [
            (sp.start_char - s_start, sp.end_char - s_start) for sp in doc_spans(doc, EXERCISE_KEY)
            if s_start <= sp.start_char and sp.end_char <= s_end], single=single)
        if not counted:
            return []
        for (a, b), m in counted:
            sp_text = self.view(doc)[s_start + a:s_start + b]
            entry = _canonical_entry(sp_text, doc, s_start + a)
            self.counted_doses.append((norm_tokens(sp_text), entry, m, line.start + s_start))
        return [(s_start + a, s_start + b) for (a, b), _ in counted]

    def _name_list(self, doc: Doc, s_start: int, s_end: int) -> list[tuple[int, int]]:
        """The ranges of the exercises a sentence lists one after another ("clamshells, step-ups and
        side planks"), at least two joined by commas and "and"; none when it lists none, or offers a
        choice ("brisk walking or cycling", "bridges, clams or side planks")."""
        spans = [sp for sp in doc_spans(doc, EXERCISE_KEY) if s_start <= sp.start_char and sp.end_char <= s_end]
        if len(spans) < 2:
            return []
        best: list = []
        run = [spans[0]]
        last_or = False  # the run's last joint is "or": the list is a choice
        for prev, sp in zip(spans, spans[1:]):
            between = [t.lower_ for t in doc[prev.end:sp.start]]
            if between and all(w in _LIST_GLUE for w in between) and set(between) & {",", "and", "or", "&"}:
                run.append(sp)
                last_or = "or" in between
                continue
            if len(run) > len(best) and not last_or:
                best = run
            run, last_or = [sp], False
        if len(run) > len(best) and not last_or:
            best = run
        return [(sp.start_char, sp.end_char) for sp in best] if len(best) >= 2 else []

    def _register_listed(self, doc: Doc, line: Line, names: list[tuple[int, int]], s_start: int, s_end: int,
                         section: Section | None, *, part_intro: bool = False) -> None:
        """The exercises an instruction no exercise owns counts out ("To warm up, do 3 rounds of 12 clams,
        8 step-ups and 6 lunges a side."): each is one of the routine's, in reading order. `part_intro`:
        the sentence opens a part of the routine (under its heading, before its first exercise), where
        what it counts is the part's exercises even when it reads as no instruction ("On even minutes,
        8 push-ups"), unless the writer tells of themselves."""
        sent = self.view(doc)[s_start:s_end]
        got = classify(sent)
        if got is not None and got[0] != "cue" or got is None and (not part_intro or FIRST_PERSON_RE.search(sent.lower())):
            return  # "I used to do 100 squats and 50 push-ups a day": a story, not the routine
        if _ABILITY_CHECK_RE.search(sent.lower()):
            return  # "you should be able to do 20 squats and 10 hops": a test of readiness, not the routine
        for a, b in names:
            span = next((sp for sp in doc_spans(doc, EXERCISE_KEY) if sp.start_char == a and sp.end_char == b), None)
            if span is None or self._not_prescribed(doc, span, s_start, s_end):
                continue
            self.register(self.text[line.start + a: line.start + b], line.start + a, line.start + b, doc, a, section)

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

    # -- subject mentions: a sentence whose subject is another exercise starts that exercise
    def subject_mention(self, doc: Doc, s_start: int, s_end: int):
        view = self.view(doc)
        for span in doc_spans(doc, EXERCISE_KEY):
            if span.start_char < s_start or span.end_char > s_end:
                continue
            if _quoted(view, span.start_char, span.end_char):
                continue  # '"Soft knees, tall chest, quick hops," she says': words spoken, not the exercise
            before = [t for t in doc[:span.start] if t.idx >= s_start]
            before_words = [t.lower_ for t in before if not t.is_punct]
            after = doc[_past_brackets(doc, span.end):][:2]  # "The towel scrunch (or toe curl) is ..."
            nxt = after[0].lower_ if len(after) else ""
            if nxt in ("position", "positions", "stance", "variation", "version"):
                continue
            if before and before[-1].lower_ in ("of", "from", "into", "with"):
                continue
            if not before_words and span[0].lower_ in _verbs() and not span.text.lower().endswith("s"):
                continue  # "Step back with your left leg" is an instruction
            if not before_words and nxt == "to" and len(after) > 1 and after[1].like_num:
                continue  # "Build up to 30 seconds": a target dose, not an exercise named "build up"
            if before_words and before_words[0] in _TOPIC_PREPS and all(w in _DET for w in before_words[1:]) and (
                    nxt == "," or self._longer_name_before_comma(doc, span)):
                return span  # "On the push-ups, keep your elbows in": the rest of the sentence is about it
            if (not before_words and len(span) == 1 and nxt not in _SUBJECT_VERBS and nxt not in (":", ",", "-", ".")
                    and self.find(norm_tokens(span.text), None) is None):
                continue  # "Doming looks like ...": a one-word name of an exercise not in this routine, used for a thing
            lead_ok = all(w in _DET for w in before_words) or (
                "," in [t.text for t in before] and all(w in _DET for w in [t.lower_ for t in before[[t.text for t in before].index(",") + 1:] if not t.is_punct])
            )
            if lead_ok and before_words and before_words[0] in _SEQUENCE_WORDS and "," in [t.text for t in before]:
                return span  # "Finally, a side plank from your knees."
            if lead_ok and (nxt in _SUBJECT_VERBS or (len(after) and after[0].text in (":", ",")) or span.end_char >= s_end - 1 or not before_words or before_words[-1] in ("like", "or")):
                return span
        return None

    def _longer_name_before_comma(self, doc: Doc, span) -> bool:
        """The words up to a comma just after `span` complete the name of an exercise met before
        ("For the goblet squat hold, ..." where the matcher found "goblet squat")."""
        for k in range(span.end + 1, min(span.end + 3, len(doc))):
            if doc[k].text == ",":
                return self.find(norm_tokens(doc[span.start:k].text), None) is not None
            if not doc[k].is_alpha:
                return False
        return False

    def build(self) -> Article:
        lines, docs = self.lines, self.docs
        boiler_flags = [is_boilerplate(l.text) for l in lines]
        heads = running_heads(lines)
        for i in heads:
            boiler_flags[i] = True
        title_line = find_title(lines, boiler_flags, is_exercise=lambda t: exercise_like(t, None, 0))
        roles = [analyse_line(l, d) for l, d in zip(lines, docs)]
        if "\t" in self.text or "|" in self.text:
            for i, role in table_roles(self.text, lines).items():
                roles[i] = role
        for i in heads:
            roles[i] = Role("boiler")
        end_at = _routine_end(roles, lines)
        top = _deck_end(lines, roles, title_line)

        section: Section | None = None
        tentative: tuple[Section, Section | None] | None = None  # a heading over prose, and the section before it
        section_single = False
        current: list[_Ex] = []
        heading: _Ex | None = None  # the exercise of the last heading that stands alone (not in a list, no description)
        in_list = False
        last_kind = ""
        run = 0  # exercise lines in a row without text between them: a list or workout card when 2 or more
        for i in range(end_at):
            line, doc, role = lines[i], docs[i], roles[i]
            if line.index <= top:
                # The title and the page header above it (site name, menus, breadcrumbs), and the standfirst
                # between the title and its byline: no routine text.
                last_kind = "title"
                continue
            kind = role.kind
            # The first frequency found is the article's: later lines are not parsed for one.
            if self.frequency is None and kind not in ("boiler",):
                self.frequency = self._routine_frequency(line, doc)
            if kind == "maybe_heading":
                nxt = roles[i + 1].kind if i + 1 < end_at else ""
                nxt_line = lines[i + 1] if i + 1 < end_at else None
                if nxt in ("exercise", "table_header") and nxt_line is not None and nxt_line.gap <= 1 and not line.bullet:
                    kind = "section"
                elif nxt in ("prose", "label", "dose") and nxt_line is not None and nxt_line.gap <= 1 and role.label != "part" and (
                        exercise_like(role.name, doc, role.name_start) or not _PRONOUN_RE.search(role.name)
                        and not _label_word_last(role.name) and not (_shouted(role.name) and function_start(role.name.lower())) and (
                            nxt == "label" or self._instructional(lines[i + 1], docs[i + 1], imperative=True))):
                    kind = "exercise"
                elif line.bullet and section is not None and len(role.name.split()) <= 5 and not _shouted(role.name) and role.label != "part":
                    # A short item of a list under a part's heading ("- Clock taps"); a numbered heading in
                    # capitals ("2. SAFETY FIRST") is a part of a document, not an item.
                    kind = "exercise"
                elif nxt == "prose" and not line.bullet and not CLAUSE_HEAD_RE.match(role.name):
                    kind = "tentative"
                else:
                    kind = "other_heading"
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
                if section is not None and section.sets_min is None and not whole:
                    section.sets_min, section.sets_max = role.sets
                else:
                    self.article_doses.append(dz.DoseMention(stage="main", sets=role.sets, start=0, end=len(line.text), text=line.text))
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
            if kind == "section":
                section = self._section(role.title or line.text, line, role.sets)
                section_single = False
                current = []
                in_list = False
                last_kind = kind
                continue
            if kind == "combined":
                section = self._section(role.title, line, None)
                section_single = True
                ex = self.register(self.text[line.start + role.name_start: line.start + role.name_end], line.start + role.name_start, line.start + role.name_end, doc, role.name_start, section)
                current = [ex]
                self.add_terms(ex, doc)
                last_kind = kind
                continue
            if kind == "exercise":
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
                # A labelled line with no prescription of its own describes the exercise the label was given to
                # (notes under a table); one with its own is a listing (another day's "A1" is another move).
                tag = _TAG_RE.match(line.text) if not role.alternatives else None
                for nm, s, e, ts, te in names:
                    ex = self.register(self.text[line.start + s: line.start + e], line.start + s, line.start + e, doc, s, section,
                                       listed=True, tagged=self._tags.get(tag.group(1)) if tag and not role.doses else None)
                    if tag:
                        self._tags[tag.group(1)] = ex
                    for d in role.doses:
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
                run = run + 1 if last_kind == "exercise" else 1
                if role.desc_start is not None:
                    for s, e in self.sentences_of(doc, role.desc_start, role.desc_end):
                        self.add_sentence(current, s, e, doc, line)
                last_kind = kind
                continue
            if kind == "label":
                if current:
                    for ex in current:
                        self.add_terms(ex, doc, role.desc_start or 0)
                    if label_walks(role.label):
                        # "How: Stand on ... Keep ...", "Why: ...": each sentence is a cue or a purpose.
                        for s, e in self.sentences_of(doc):
                            self.add_sentence(current, s, e, doc, line, under=role.label)
                    elif role.label.startswith("target") or "muscle" in role.label or role.label in _PURPOSE_LABELS:
                        self.add_sentence(current, 0, len(line.text), doc, line, label=True)
                last_kind = kind
                continue
            if kind == "dose":
                if current:
                    for ex in current:
                        for d in role.doses:
                            ex.doses.append((d, line.start, "progression" if ex.progression else ""))
                else:
                    self._group_rule(line, doc, section, role.doses, last_kind=last_kind)
                last_kind = kind
                continue
            # prose (and bullets that are sentences)
            new_unit = line.gap >= 2 or last_kind in ("other_heading", "title", "section", "boiler", "") or not current
            if last_kind == "exercise" and run >= 2 and line.gap >= 1:
                # A paragraph set apart under a list or workout card ("Taper note: ...") is about the whole
                # list unless it names an exercise, not a description of its last item.
                current, new_unit = [], True
            if line.gap >= 1 or not current:
                fresh = heading is not None and current == [heading] and not (heading.sentences or heading.purpose)
                current = self._paragraph_owner(line, doc, current, new_unit, section, fresh=fresh)
            if not current:
                known = len(self.exercises)
                self._group_rule(line, doc, section, None, last_kind=last_kind)
                self._joint_sentences(line, doc)
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
        return self._finish(title_line)

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

    def _routine_frequency(self, line: Line, doc: Doc) -> tuple[int, int | None] | None:
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

    def _left_out(self, doc: Doc, span, s_start: int, s_end: int) -> bool:
        """A sentence that names a new exercise only to leave it out of the routine ("skip deep squats",
        "you won't find leg curls here", "X is another option, but ...", "X won't fix that"): no exercise is
        made of it."""
        view = self.view(doc)
        before = _KEEP_IT_RE.sub(" ", view[max(s_start, span.start_char - 60):span.start_char])
        if not (_LEFT_OUT_BEFORE_RE.search(before) or _LEFT_OUT_RE.search(view, s_start, s_end) or _asks(view, s_start, s_end)
                or _DISMISSED_HINT(view[span.end_char:s_end]) and _DISMISSED_AFTER_RE.match(view, span.end_char, s_end)):
            return False
        return self.find(norm_tokens(span.text), _canonical_entry(span.text, doc, span.start_char)) is None

    def _not_prescribed(self, doc: Doc, span, s_start: int, s_end: int) -> bool:
        """A new exercise a prose sentence names that is no move of the routine: one it leaves out
        (_left_out), one named under a heading of moves to avoid, or a running, cycling or swimming session
        ("an easy spin on the bike on rest days", "before you bring back strides"): training around the
        routine, which makes an exercise only where the routine lists it."""
        if self._left_out(doc, span, s_start, s_end):
            return True
        entry = _canonical_entry(span.text, doc, span.start_char)
        if not self._avoiding and (entry is None or entry["canonical"] not in vocab()["context_activities"]):
            return False
        return self.find(norm_tokens(span.text), entry) is None

    def _early_mention(self, doc: Doc, sent):
        """An exercise named within the first words of a sentence, not as an object ("of a push-up")."""
        object_end = -1  # token end of the last name passed over as an object
        for span in doc_spans(doc, EXERCISE_KEY):
            if span.start_char < sent.start_char or span.end_char > sent.end_char:
                continue
            if len(self.view(doc)[sent.start_char:span.start_char].split()) > 8:
                return None
            prev = doc[span.start - 1].lower_ if span.start > sent.start else ""
            nxt = doc[span.end].lower_ if span.end < len(doc) else ""
            if (prev in ("of", "from", "into", "with", "your", "my") or nxt in _NOT_THE_MOVE_AFTER
                    or prev in ("or", "and", ",") and span.start - 1 == object_end):
                # "three minutes of brisk walking or cycling", "rounds of bridges, squats and lunges": the
                # names listed after an object are objects too
                object_end = span.end
                continue
            if nxt == "-" and not doc[span.end - 1].whitespace_:
                continue  # the first word of a compound ("a walk-run plan"), not the exercise
            if self._not_prescribed(doc, span, sent.start_char, sent.end_char):
                return None  # "You won't find leg extensions on this list", "avoid deep squats"
            return span
        return None

    @staticmethod
    def _setup_start(text: str) -> bool:
        got = classify(text)
        return got is not None and got == ("cue", "setup") and bool(_SETUP_VERB_RE.match(text))

    def _instructional(self, line: Line, doc: Doc, *, imperative: bool = False) -> bool:
        """The paragraph starts with a cue; with `imperative`, one that tells the reader what to do
        ("Lie on your back ..."), not a remark that happens to read like one ("Jump training seems to work ...")."""
        first = next(iter(self.sents(doc)), None)
        if first is None:
            return False
        text = self.span_text(doc, first)
        got = classify(text)
        if got is None or got[0] != "cue":
            return False
        if not imperative:
            return True
        if _NOUN_SUBJECT_RE.match(text):
            return False  # "Jump training seems to ...": a verb-like noun as the subject
        return starts_imperative(words_of(text)) or bool(_SETUP_VERB_RE.match(text))

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
        if overview_heading(sec.title):
            self._overviews.add(id(sec))
        return sec

    def _section_terms(self, ex: _Ex, section: Section) -> None:
        """Equipment a section title names ("Foam Roller Exercises") is used by its exercises."""
        for m in equipment_rx().finditer(section.title.lower()):
            term = m.group(0)
            if term in _AMOUNT_WORDS:
                continue  # "Phase 2: add load" says how much, not with what
            if term not in ex.equipment:
                ex.equipment.append(term)

    def _paragraph_owner(self, line: Line, doc: Doc, current: list[_Ex], new_unit: bool, section: Section | None, *,
                         fresh: bool = False) -> list[_Ex]:
        """Who the paragraph starting at `line` describes.

        `fresh`: `current` is the exercise of the heading just above, with no description yet;
        the paragraph describes it unless another exercise is its subject ("The squat is ..."):
        an exercise merely named ("... posture after the squat") does not take it over.
        """
        first = next(iter(self.sents(doc)), None)
        if first is None:
            return current
        low = line.text.lower()
        first_text = self.span_text(doc, first)
        if _FOR_ALL_RE.search(first_text.lower()):
            return []
        if self._reader_question(line, doc):
            return []
        span = self.subject_mention(doc, first.start_char, first.end_char)
        # An exercise the first sentence introduces by name ("When that is easy, add a side plank.")
        # is what the paragraph describes, whatever movement its description resembles.
        introduced = span is None and (self._ordinal_naming(doc, first.start_char, first.end_char)
                                       or self._introduced(doc, first.start_char, first.end_char))
        span = span or introduced or None
        if fresh and span is None:
            return current
        if span is not None and current and any(set(norm_tokens(span.text)) < set(c.tokens) for c in current) and self.find(
                norm_tokens(span.text), _canonical_entry(span.text, doc, span.start_char)) is None:
            # "Rope skipping" over "Skipping is ...": the exercise above, named by some of its words
            return current
        if span is None and new_unit:
            span = self._early_mention(doc, first)
        sig = match_signature(low) if not introduced and self._instructional(line, doc) and not any(
            self._left_out(doc, sp, first.start_char, first.end_char)
            for sp in doc_spans(doc, EXERCISE_KEY) if sp.end_char <= first.end_char) else None
        # A mention of another exercise moves the paragraph there, unless it is a short name of the
        # current one ("hold a plank" while describing the side plank).
        first_mentions = []
        view = self.view(doc)
        for sp in doc_spans(doc, EXERCISE_KEY):
            if sp.end_char <= first.end_char:
                if current and _PREREQUISITE_RE.search(view, first.start_char, sp.start_char):
                    continue  # "Add these once you can do 20 squats": the squat is what comes before, not the subject
                ent = _canonical_entry(sp.text, doc, sp.start_char)
                toks = norm_tokens(sp.text)
                found = self.find(toks, ent)
                if found is not None and found not in current and not any(
                        set(toks) <= set(c.tokens) or ent is not None and c.entry is ent for c in current):
                    first_mentions.append(found)
        elsewhere = bool(first_mentions)
        if sig is not None:
            existing = next((e for e in self.exercises if e.entry and e.entry["canonical"] == sig["canonical"]), None)
            if existing is None and (span is None or norm_tokens(span.label_) != norm_tokens(sig["canonical"])) and (new_unit or not current or current[0].entry is None or current[0].entry["canonical"] != sig["canonical"]):
                if new_unit or span is not None or not current or elsewhere or (
                        self._setup_start(first_text) and any(x.sentences or x.purpose for x in current)):
                    entry = next((e for e in lexicon.load_exercises() if e["canonical"] == sig["canonical"]), None)
                    ex = _Ex(name=sig.get("name") or sig["canonical"].title(), start=line.start, end=line.start + len(first_text), entry=entry,
                             named=False, section=section, tokens=norm_tokens(sig.get("name") or sig["canonical"]), aliases=list(sig.get("aliases", []))[:3])
                    self.exercises.append(ex)
                    return [ex]
        if span is not None and self._not_prescribed(doc, span, first.start_char, first.end_char):
            return current if fresh else []
        if span is not None:
            name = self.text[line.start + span.start_char: line.start + span.end_char]
            ex = self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
            return [ex]
        if new_unit or elsewhere:
            for sp in doc_spans(doc, EXERCISE_KEY):
                if sp.end_char > first.end_char:
                    break
                if current and _PREREQUISITE_RE.search(view, first.start_char, sp.start_char):
                    continue
                ent = _canonical_entry(sp.text, doc, sp.start_char)
                hit = self.find(norm_tokens(sp.text), ent)
                if hit is not None:
                    return [hit]
        if new_unit:
            if sig is not None:
                existing = next((e for e in self.exercises if e.entry and e.entry["canonical"] == sig["canonical"]), None)
                if existing is not None:
                    return [existing]
            named = self._named_later(line, doc, section)
            if named is not None:
                return [named]
            return [] if line.gap >= 2 or not current else current
        return current

    def _introduced(self, doc: Doc, s_start: int, s_end: int):
        """The exercise a sentence introduces as the next one ("Start with a dead bug: lie ...",
        "When that gets easy, add a bird dog."), if the sentence is one."""
        view = self.view(doc)
        if not INTRO_HINT(view[s_start:s_end]):
            return None
        m = INTRO_RE.match(view, s_start, s_end)
        if m is None or m.group("clause") and _VARIANT_CLAUSE_RE.search(m.group("clause")):
            return None
        for sp in doc_spans(doc, EXERCISE_KEY):
            if sp.start_char == m.end():
                return sp if _INTRO_TAIL_RE.match(view, sp.end_char, s_end) else None
        return None

    def _reader_question(self, line: Line, doc: Doc) -> bool:
        """A reader's question standing alone: "Q: ...", or one short question naming no exercise."""
        text = line.text.strip()
        if _QUESTION_LEAD_RE.match(text):
            return True
        return (text.endswith("?") and len(line.words) <= 15 and len(self.sents(doc)) == 1
                and not doc_spans(doc, EXERCISE_KEY))

    def _named_later(self, line: Line, doc: Doc, section: Section | None) -> _Ex | None:
        """The exercise a later sentence of an unowned paragraph is about.

        Introduced by order ("So the first move is the sit-to-stand."): the paragraph is about it from
        its start (the sentences before say why). An exercise already met as a later sentence's subject
        ("The wall sit builds ...", after a reader's question): from that sentence on (see _walk_sentences).
        """
        for n, (s, e) in enumerate(self.sentences_of(doc)):
            named = self._named_at_end(doc, s, e)
            if named is not None:
                # "Sit tall and squeeze a ball between your knees - that's the adductor squeeze.": described, then named
                a, b = named
                self._starts_at = (line.index, n)
                return self.register(self.text[line.start + a: line.start + b], line.start + a, line.start + b, doc, a, section)
            if n == 0:
                continue
            span = self._ordinal_naming(doc, s, e)
            if span is not None:
                name = self.text[line.start + span.start_char: line.start + span.end_char]
                return self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
            span = self.subject_mention(doc, s, e) or self._introduced(doc, s, e)
            if span is not None and not self._not_prescribed(doc, span, s, e):
                self._starts_at = (line.index, n)
                name = self.text[line.start + span.start_char: line.start + span.end_char]
                return self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
        return None

    def _named_at_end(self, doc: Doc, s_start: int, s_end: int) -> tuple[int, int] | None:
        """The range of the name a sentence ends on after describing the movement ("..., and lower slowly:
        that's the single-leg squat."), when the name holds an exercise of the lexicon and ends like one."""
        view = self.view(doc)
        if not _NAMED_AS_HINT(view[s_start:s_end]):
            return None
        m = _NAMED_AS_RE.search(view, s_start, s_end)
        if m is None:
            return None
        a, b = m.span("name")
        if not ends_with_head(norm_tokens(view[a:b])) or not exercise_spans_in(doc, a, b):
            return None
        return a, b

    def _naming_fragment(self, doc: Doc, s_start: int, s_end: int) -> bool:
        """A sequence word and an exercise's name, with at most a few words after it ("Finally, a side plank
        from your knees.")."""
        view = self.view(doc)
        head, comma, rest = view[s_start:s_end].partition(",")
        if not comma or head.strip().lower() not in _SEQUENCE_WORDS:
            return False
        at = s_start + len(head) + 1
        for sp in doc_spans(doc, EXERCISE_KEY):
            if sp.start_char >= at and sp.end_char <= s_end:
                lead = view[at:sp.start_char].lower().split()
                return all(w in _DET for w in lead) and len(view[sp.end_char:s_end].split()) <= 4
        return False

    def _ordinal_naming(self, doc: Doc, s_start: int, s_end: int):
        """The exercise named by "The first move is X" / "Next up is X", if the sentence is one."""
        view = self.view(doc)
        m = _ORDINAL_NAMING_RE.match(view, s_start, s_end)
        if m is None:
            return None
        return next((sp for sp in doc_spans(doc, EXERCISE_KEY) if m.end() <= sp.start_char < s_end
                     and sp.start_char - m.end() <= 6), None)

    def _joint_subjects(self, doc: Doc, s_start: int, s_end: int) -> list[_Ex]:
        """The exercises of a sentence whose subject lists several of the routine's exercises
        ("The squat and the step-up build the quads", "Side planks, bird dogs and carries all train ...")."""
        spans = [sp for sp in doc_spans(doc, EXERCISE_KEY) if s_start <= sp.start_char and sp.end_char <= s_end]
        if len(spans) < 2:
            return []
        at = next((t.i for t in doc if t.idx >= s_start), None)
        out: list[_Ex] = []
        for sp in spans:
            between = [t.lower_ for t in doc[at:sp.start]]
            if any(w not in _JOINT_GLUE for w in between) or (out and not set(between) & {",", "and", "&"}):
                break
            found = self.find(norm_tokens(sp.text), _canonical_entry(sp.text, doc, sp.start_char))
            if found is None:
                return []
            if found not in out:
                out.append(found)
            at = sp.end
        if len(out) < 2 or at >= len(doc) or doc[at].lower_ in _JOINT_GLUE or doc[at].is_punct:
            return []
        return out

    def _joint_sentences(self, line: Line, doc: Doc) -> None:
        """In a paragraph no exercise owns ("Why these moves?"), the sentences said of several exercises."""
        if len(doc_spans(doc, EXERCISE_KEY)) < 2:
            return
        for s, e in self.sentences_of(doc):
            joint = self._joint_subjects(doc, s, e)
            if joint:
                self.add_sentence(joint, s, e, doc, line)

    def _walk_sentences(self, line: Line, doc: Doc, current: list[_Ex], section: Section | None) -> None:
        paragraph = list(current)
        # The paragraph's first sentences are not about its owner when _named_later found it further on.
        skip = self._starts_at[1] if self._starts_at is not None and self._starts_at[0] == line.index else 0
        for n, (s, e) in enumerate(self.sentences_of(doc)):
            joint = self._joint_subjects(doc, s, e)
            if joint:
                self.add_sentence(joint, s, e, doc, line)  # said of each of them; the paragraph's owner stays
                continue
            if n < skip:
                continue
            if _CLOSER_RE.match(self.view(doc)[s:e]):
                current[:] = []  # "That's the session.": the rest is about the routine, not its last exercise
                return
            if self._naming_fragment(doc, s, e):
                continue  # "Third, step-ups." only says which exercise comes next
            if n > 0:
                span = self.subject_mention(doc, s, e) or self._ordinal_naming(doc, s, e) or self._introduced(doc, s, e)
                if span is not None and not self._not_prescribed(doc, span, s, e):
                    ent = _canonical_entry(span.text, doc, span.start_char)
                    if not any(_same_family(ex, norm_tokens(span.text), ent) for ex in current):
                        name = self.text[line.start + span.start_char: line.start + span.end_char]
                        ex = self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
                        current[:] = [ex]
                        if ex not in paragraph:
                            paragraph.append(ex)
            sent_text = self.view(doc)[s:e]
            targets = paragraph if _PLURAL_SUBJECT.match(sent_text.strip()) and len(paragraph) > 1 else current
            if _ALL_EXERCISES_RE.match(sent_text.strip()):
                targets = [x for x in self.exercises if x.section is section] or current
            self.add_sentence(targets, s, e, doc, line)

    def _group_rule(self, line: Line, doc: Doc, section: Section | None, doses, *, last_kind: str = "") -> None:
        """Dosage in text no exercise owns: a rule for every exercise of its section, or of the article.

        `doses`: the mentions of a dose-only line ("40 seconds on, 20 seconds off, 3 rounds"), a rule
        as a whole.  In prose, a sentence is a rule when it is about all exercises ("Do each move for
        40 seconds"), repeats the whole routine, or, before the first exercise of its part, prescribes
        rounds or sets ("Complete 3 rounds."); a time alone there is more often a warm-up or an
        aside ("Jog for 10 minutes first") than a rule.  `last_kind`: the kind of the line before;
        a part's instructions follow its heading.
        """
        sink = self._rule_sink(section)
        if doses is not None:
            # A time alone on a line of its own is a rule right under a part's heading; elsewhere it is
            # often a total or page furniture ("Reading time: 6 minutes").  Reps alone under a heading
            # that is no part's ("00:52 - Goblet squat" not read as an exercise) dose that heading's
            # move, not every exercise.
            if ((section is not None and last_kind == "section") or any(d.sets for d in doses)
                    or (any(d.reps for d in doses) and last_kind != "other_heading")):
                sink.extend(d for d in doses if d.stage == "main" and (d.sets or d.reps or d.seconds))
            return
        intro = last_kind in _HEADING_KINDS or not self.exercises or (section is not None and self.exercises[-1].section is not section)
        for sent in self.sents(doc):
            sent_text = self.span_text(doc, sent)
            part_intro = intro and section is not None and not any(x.section is section for x in self.exercises[-1:])
            counted = self.route_counted(doc, sent.start_char, sent.end_char, line, single=part_intro)
            if counted:
                self._register_listed(doc, line, counted, sent.start_char, sent.end_char, section, part_intro=part_intro)
                continue  # counts of the exercises it names, not a rule for all
            shared = self._name_list(doc, sent.start_char, sent.end_char)
            if shared and dz.parse_dosages(sent_text):
                # "Do two rounds of clams, bridges and bird dogs, 8 of each": one dose for the list
                self._register_listed(doc, line, shared, sent.start_char, sent.end_char, section)
            st = sent_text.lower()
            if _ARTICLE_WIDE_RE.search(st) and not _OF_EACH_ONE_RE.search(st):
                # a harder variant's numbers ("add weight and drop back to 8 reps") are no rule for all
                got = [m for m in dz.parse_dosages(sent_text) if (m.sets or m.reps or m.seconds) and m.stage != "progression"]
                sink.extend(got)
                sets = None if any(m.sets for m in got) or not REPEAT_BLOCK_RE.search(st) else dz.parse_block_sets(sent_text)
                if sets:
                    sink.append(dz.DoseMention(stage="main", sets=sets, text=sent_text))  # "Do this circuit twice"
            elif _REPEAT_WHOLE_RE.search(st) or intro and REPEAT_BLOCK_RE.search(st):
                # "Do this circuit twice" before the part's first exercise: its rounds
                sets = dz.parse_block_sets(sent_text)
                if sets:
                    sink.append(dz.DoseMention(stage="main", sets=sets, text=sent_text))
            elif intro:
                mentions = dz.parse_dosages(sent_text)
                if any(m.sets for m in mentions) and _RULE_VERB_RE.match(st):
                    sink.extend(m for m in mentions if m.stage == "main")

    def _named_section(self, text: str) -> Section | None:
        """The part a count line names by its label ("Circuit B: 2 rounds" after a "Circuit B - Power" heading)."""
        m = _PART_LABEL_RE.match(text)
        if not m:
            return None
        key = tuple(norm_tokens(m.group(0)))
        return next((sec for sec in self.sections if tuple(norm_tokens(sec.title))[:len(key)] == key), None)

    def _rule_sink(self, section: Section | None) -> list[dz.DoseMention]:
        """Where a rule found under `section` goes: that section's rules, else the article's."""
        if section is None:
            return self.article_doses
        return self.section_doses.setdefault(id(section), [])

    # -- final assembly
    def _finish(self, title_line: Line | None) -> Article:
        aid = self.raw.article_id
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
            if not ex.muscles and not ex.equipment and entry is None:
                pass
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
                muscles=_text_muscles(ex),
                equipment=ex.equipment,
                start=ex.start,
                end=ex.end,
            ))
        title = None
        if title_line is not None:
            title = self.text[title_line.start:title_line.end].strip()
        art = Article(
            article_id=aid,
            source_file=self.raw.source_file,
            sha256=self.raw.sha256,
            text=self.text,
            title=title,
            organization=find_organization(self.text, self.lines[:title_line.index] if title_line is not None else ()),
            author=find_author(self.lines, self.text, title_line),
            frequency_min=self.frequency[0] if self.frequency else None,
            frequency_max=self.frequency[1] if self.frequency else None,
            sections=self.sections,
            exercises=exercises,
        )
        if not exercises:
            art.flags.append("no_exercises")
        return art

    def _emom(self, ex: _Ex) -> bool:
        """The exercise is done every minute on the minute, as its heading line or its description says."""
        a = self.text.rfind("\n", 0, ex.start) + 1
        b = self.text.find("\n", ex.end)
        return _EMOM_HINT(self.text[a:b if b >= 0 else len(self.text)]) or any(_EMOM_HINT(x.text) for x in ex.sentences)

    def _dosages(self, ex: _Ex) -> list[Dosage]:
        isometric = bool(ex.entry and ex.entry.get("isometric")) or _held_by_name(ex.tokens)
        out: list[Dosage] = []
        main: Dosage | None = None
        for m, base, ctx in ex.doses:
            stage = m.stage
            if ctx == "progression" and stage == "main":
                stage = "progression"
            d = Dosage(stage=stage, per_side=m.per_side, text=m.text.strip(), start=base + m.start, end=base + m.end, inherited_from="exercise")
            if m.sets:
                d.sets_min, d.sets_max = m.sets
            if m.reps:
                d.reps_min, d.reps_max = m.reps
            if m.seconds:
                hold = m.seconds_kind == "hold" or (m.seconds_kind is None and isometric)
                if hold:
                    d.hold_seconds_min, d.hold_seconds_max = m.seconds
                else:
                    d.duration_seconds_min, d.duration_seconds_max = m.seconds
            if stage == "main" and main is not None:
                _repeats_as_sets(main, d)
            if stage == "main" and main is not None and _compatible(main, d):
                _merge(main, d)
                continue
            if any(_same_numbers(d, o) for o in out):
                continue
            out.append(d)
            if stage == "main" and main is None:
                main = d
        if out and self._emom(ex):
            _emom_minutes_are_sets(out)
        # Inheritance: what the section gives (its heading's sets, then its rules), then the article's rules.
        # Sets given at any stage ("start with 1 set of 5, build up to 2 sets of 15") are the exercise's own.
        sec = ex.section
        rules: list[tuple[str, dz.DoseMention]] = []
        if sec is not None:
            if sec.sets_min is not None:
                rules.append(("section", dz.DoseMention(stage="main", sets=(sec.sets_min, sec.sets_max))))
            rules += [("section", m) for m in self.section_doses.get(id(sec), ())]
        warm = sec is not None and any(w in sec.title.lower() for w in vocab()["warmup"])
        if not warm:
            rules += [("article", m) for m in self.article_doses]
        for source, m in rules:
            if source == "section" and m.sets:
                _rounds_over_bouts(out, m.sets)
            has_sets = any(d.sets_min is not None for d in out)
            has_amount = any(d.reps_min is not None or d.hold_seconds_min is not None or d.duration_seconds_min is not None
                             for d in out if d.stage in ("main", "start"))
            seconds = hold = None
            if m.seconds and not has_amount:
                held = m.seconds_kind == "hold" or (m.seconds_kind is None and isometric)
                hold, seconds = (m.seconds, None) if held else (None, m.seconds)
            _inherit(out, sets=m.sets if not has_sets else None, reps=m.reps if not has_amount else None,
                     hold=hold, duration=seconds, per_side=m.per_side and not has_amount, source=source)
        return out


# What may separate two counted items of a list: "12 squats, 10 lunges and 8 push-ups".
_LIST_SEP_RE = re.compile(r",|;|\band\b|\bthen\b|\bplus\b|\bfollowed\s+by\b", re.I)
# Between a count and the name it counts ("12 goblet squats", "a 45-second plank"), or a name and a
# count after it ("plank for 30 seconds", "lunges x 10").
_COUNT_TO_NAME_RE = re.compile(r"[\s-]*")
_NAME_TO_COUNT_RE = re.compile(r"\s*(?:for|x|×|:|[-–—])?\s*", re.I)
# After a name counted alone: the end of its clause ("8 swings." / "8 swings, then rest"), not more words
# about it ("2 strides apart").
_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;:!)]|$)")


def _counted_list(sentence: str, names: list[tuple[int, int]], *,
                  single: bool = False) -> list[tuple[tuple[int, int], dz.DoseMention]] | None:
    """(name span, its dose) for each exercise a list sentence counts; None unless at least two are, or,
    with `single`, the sentence's one exercise is counted right before its name ("8 kettlebell swings";
    "10 minutes of jogging" or "swings for 30 seconds" are more often an aside than the part's exercise).

    Each name is read with a neutral unit in its place ("12 goblet squats" as "12 reps"), in its own
    stretch of the sentence (cut at the list's commas and "and"s), so a count, and "per leg" after
    it, stays with its name.  Sets said with the first item ("three rounds of 12 squats, ...",
    "two sets each of 8 lunges and 15 ...") are every item's.
    """
    single = single and len(names) == 1
    if len(names) < 2 and not single:
        return None
    names = sorted(names)
    work = list(sentence)
    for a, b in names:
        filler = "reps" if b - a >= 4 else "rep"
        work[a:b] = list(filler.ljust(b - a))
    work_text = "".join(work)
    # Stretch i runs from the last list separator before name i to the last one before name i+1.
    cuts = [0]
    for (_, b), (a2, _) in zip(names, names[1:]):
        seps = list(_LIST_SEP_RE.finditer(work_text, b, a2))
        if not seps:
            return None  # two names not listed ("squat to press")
        cuts.append(seps[-1].start())
    cuts.append(len(sentence))
    out: list[tuple[tuple[int, int], dz.DoseMention]] = []
    for (a, b), lo, hi in zip(names, cuts, cuts[1:]):
        own = None
        for m in dz.parse_dosages(work_text[lo:hi]):
            ms, me = lo + m.start, lo + m.end
            if single:
                # a count in figures closing its clause with the name ("...: 8 kettlebell swings."), not
                # a measure ("one stride apart"); a time said before it is the part's length, not the move's
                if (a < me <= b and ms < a and m.reps and any(c.isdigit() for c in sentence[ms:a])
                        and _CLAUSE_END_RE.match(sentence, b)):
                    own = shift(replace(m, seconds=None, seconds_kind=None), lo)
                    break
                continue
            if (ms < b and me > a) or (me <= a and _COUNT_TO_NAME_RE.fullmatch(work_text, me, a)) or (
                    ms >= b and _NAME_TO_COUNT_RE.fullmatch(work_text, b, ms)):
                own = shift(m, lo)
                break
        if own is not None:
            out.append(((a, b), own))
    if len(out) < (1 if single else 2):
        return None
    first = out[0][1]
    if first.sets:
        out = [(span, m if m.sets else replace(m, sets=first.sets)) for span, m in out]
    return out


# Name words of a static position whatever the move ("Superhero hold", "Isometric heel dig", "Iso split squat").
_HELD_LAST = frozenset({"hold", "holds"})
_HELD_FIRST = frozenset({"isometric", "iso"})


def _held_by_name(tokens: tuple[str, ...]) -> bool:
    """An exercise its name calls a held position: its seconds are a hold, not a timed bout."""
    return bool(tokens) and (tokens[-1] in _HELD_LAST or tokens[0] in _HELD_FIRST)


def _compatible(a: Dosage, b: Dosage) -> bool:
    for f in ("sets_min", "reps_min", "hold_seconds_min", "duration_seconds_min"):
        x, y = getattr(a, f), getattr(b, f)
        if x is not None and y is not None and x != y:
            return False
    return True


def _merge(a: Dosage, b: Dosage) -> None:
    for f in ("sets_min", "sets_max", "reps_min", "reps_max", "hold_seconds_min", "hold_seconds_max", "duration_seconds_min", "duration_seconds_max"):
        if getattr(a, f) is None and getattr(b, f) is not None:
            setattr(a, f, getattr(b, f))
    a.per_side = a.per_side or b.per_side
    if b.text and b.text not in a.text:
        a.text = f"{a.text}; {b.text}" if a.text else b.text
        a.start = min(x for x in (a.start, b.start) if x is not None) if a.start is not None or b.start is not None else None
        a.end = max(x for x in (a.end, b.end) if x is not None) if a.end is not None or b.end is not None else None


def _repeats_as_sets(main: Dosage, d: Dosage) -> None:
    """A timed bout repeated N times ("hold 20 seconds, repeat three times", read as N reps) that
    another mention gives as N sets of the same bout ("3 x 20 seconds"): the repeats were the sets."""
    timed = main.hold_seconds_min is not None or main.duration_seconds_min is not None
    if (timed and main.sets_min is None and main.reps_min is not None and d.reps_min is None
            and (d.sets_min, d.sets_max) == (main.reps_min, main.reps_max)):
        main.sets_min, main.sets_max = main.reps_min, main.reps_max
        main.reps_min = main.reps_max = None


# Words of an exercise done every minute on the minute (not "switch sides every minute").
_EMOM_HINT = AnyOf("emom", "on the minute", "start of every minute", "top of every minute", "start of each minute",
                   "top of each minute", "beginning of every minute", "beginning of each minute")


def _emom_minutes_are_sets(out: list[Dosage]) -> None:
    """In an EMOM the minutes count the sets: "Eight minutes, eight sets" is eight sets, not an
    8-minute bout, and a whole number of minutes said alone ("keep it going for 10 minutes") is
    that many sets."""
    for d in out:
        lo, hi = d.duration_seconds_min, d.duration_seconds_max
        if lo is None or hi is None or lo < 120 or lo % 60 or hi % 60:
            continue
        if d.sets_min is None:
            d.sets_min, d.sets_max = lo // 60, hi // 60
        elif (d.sets_min * 60, d.sets_max * 60) != (lo, hi):
            continue
        d.duration_seconds_min = d.duration_seconds_max = None


def _same_numbers(a: Dosage, b: Dosage) -> bool:
    fields = ("stage", "sets_min", "sets_max", "reps_min", "reps_max", "hold_seconds_min", "hold_seconds_max", "duration_seconds_min", "duration_seconds_max", "per_side")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _rounds_over_bouts(out: list[Dosage], rounds: tuple[int, int]) -> None:
    """In a part done for `rounds`, an exercise's own "2 x 30s" counts bouts per round: reps, not sets."""
    main = next((d for d in out if d.stage == "main"), None)
    if (main is not None and main.inherited_from == "exercise" and main.sets_min is not None and main.reps_min is None
            and (main.hold_seconds_min is not None or main.duration_seconds_min is not None)
            and (main.sets_min, main.sets_max) != rounds):
        main.reps_min, main.reps_max = main.sets_min, main.sets_max
        main.sets_min = main.sets_max = None


def _inherit(out: list[Dosage], *, sets=None, reps=None, hold=None, duration=None, per_side: bool = False, source: str) -> None:
    if not sets and not reps and not hold and not duration:
        return
    main = next((d for d in out if d.stage == "main"), None)
    if main is None:
        main = Dosage(stage="main", inherited_from=source, text="")
        out.insert(0, main)
    else:
        main.inherited_from = source
    if sets and main.sets_min is None:
        main.sets_min, main.sets_max = sets
    amount = main.reps_min is not None or main.hold_seconds_min is not None or main.duration_seconds_min is not None
    if not amount and (reps or hold or duration):
        main.per_side = main.per_side or per_side  # "40 seconds per side for every stretch"
        if reps:
            main.reps_min, main.reps_max = reps
        if hold:
            main.hold_seconds_min, main.hold_seconds_max = hold
        if duration:
            main.duration_seconds_min, main.duration_seconds_max = duration


# Words of a paragraph of the article's body (not a standfirst, caption or share bar).
_BODY_PARAGRAPH_WORDS = 30


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
