"""Turn one article's lines (and their spaCy docs) into an Article record.

Two passes over the lines. The first gives every line a role from its own
content: boilerplate, label ("Target: glutes"), rest or dosage line, section
heading, exercise line (heading, list item or inline "Name: description"),
or prose. The second walks the roles in reading order keeping the current
section and exercise, so description sentences, dosages, muscles and
equipment land on the exercise they describe. Paragraphs whose heading was
lost are recognised from an exercise they name as their subject, or from a
movement signature (lexicon), and flagged named_in_text=False in the latter case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span

from runstrength.extract import dosage as dz
from runstrength.extract import lexicon
from runstrength.extract.gates import AnyOf, required_literal_sets
from runstrength.extract.meta import byline_name, find_author, find_organization, find_title
from runstrength.extract.nlp import EQUIPMENT_KEY, EXERCISE_KEY, MUSCLE_KEY, norm_tokens
from runstrength.extract.sentences import starts_imperative
from runstrength.extract.sentences import classify, content_words, is_dosage_only, label_walks, under_label, words_of
from runstrength.extract.signatures import match_signature
from runstrength.extract.text import Line, structure_lexicon, unglue
from runstrength.model import Article, Dosage, Exercise, Section, Sentence

if TYPE_CHECKING:  # annotations only
    from runstrength.ingest.reader import RawArticle

# ---------------------------------------------------------------- vocabularies


@lru_cache(maxsize=1)
def _vocab() -> dict:
    lex = structure_lexicon()
    strong = {"circuit", "circuits", "superset", "supersets", "giant set", "tri-set", "triset", "block", "round",
              "rounds", "session", "routine", "workout", "series", "exercises", "drills", "part", "phase", "stage",
              "set a", "set b", "set c", "program", "programme", "finisher", "stretches"}
    heads = set()
    for h in lex["head_nouns"]:
        heads.add(norm_tokens(h))
    alias_index: dict[tuple[str, ...], dict] = {}
    for entry in lexicon.load_exercises():
        for term in [entry["canonical"], *entry.get("aliases", [])]:
            alias_index.setdefault(norm_tokens(term), entry)
            alias_index.setdefault(norm_tokens(term.replace("-", "")), entry)
    muscle_terms = set()
    for variants in lexicon.load_muscles().values():
        for v in variants:
            muscle_terms.add(norm_tokens(v))
    return {
        "section_words": [w.lower() for w in lex["section_words"]],
        "strong_section": strong,
        "warmup": [w.lower() for w in lex["warmup_words"]],
        "heads": heads,
        "labels": sorted({w.lower() for w in lex["label_prefixes"]}, key=len, reverse=True),
        "boiler": [_boiler_pattern(p) for p in lex["boilerplate_patterns"]],
        "end": tuple(w.lower() for w in lex["end_markers"]),
        "alias_index": alias_index,
        "muscle_terms": muscle_terms,
        "regions": {norm_tokens(r) for r in lexicon.load_regions()},
        "ambiguous_equipment": {a.lower() for a in lexicon.load_ambiguous_equipment()},
        "org_heads": {norm_tokens(h)[-1] for h in lex["organization_heads"]} - _heads_last(heads) - {"running"},
        "table_columns": {" ".join(w.lower().split()): kind for kind, ws in lex["table_columns"].items() for w in ws},
    }


def _heads_last(heads: set[tuple[str, ...]]) -> set[str]:
    """Last words of the exercise head nouns ("stretching" is a head noun, not only a clinic word)."""
    return {h[-1] for h in heads if h}


_FUNCTION_START = re.compile(
    r"^(here|how|what|why|when|where|who|this|these|there|that|if|for|and|but|so|our|my|we|i|you|it|please|"
    r"note|tip|follow|try|get|watch|check|click|read|see|learn|want|ready|the benefits?|benefits|welcome|today|"
    r"thank|thanks|remember|in|at|on|with|to|as|by|from|a|an)\b", re.I)
_REPEAT_BLOCK_RE = re.compile(r"\b(repeat|do|complete|perform) (this|the|that|the whole|the entire|this whole) (circuit|routine|workout|sequence|series|set|superset|block|round)\b")
_SECTION_INTRO = re.compile(r"\b(perform|do|complete|try)\b.*\b(the following|these|this|below)\b.*\b(exercises?|moves|series|circuit|routine)\b", re.I)
_INLINE_RE = re.compile(r"^(?P<name>[^:.!?]{2,70}?)\s*(?::\s*\??\s*|\s[-]\s+|(?<=[A-Za-z)])[-]\s+|\?(?=[A-Z]))(?P<rest>\S.*)$")
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_AKA_RE = re.compile(r"\s+(?:aka|a\.k\.a\.?|also known as|or)\s+", re.I)
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
    r"\b(?:avoid(?:ing)?|skip(?:ping)?|steer clear of|won't|will not|wouldn't|don't|do not|never|no|not|"
    r"instead of|rather than|swap(?:ped)?|replace[ds]?)\b(?:\W+\w+){0,3}\W*$", re.I)
# Anywhere in the sentence: "we have left X out", "X is another option, but ...", "we keep those for ...".
_LEFT_OUT_RE = re.compile(
    r"\b(?:left\b.{0,40}\bout|leave\b.{0,40}\bout|not (?:part of|included|on (?:this|the|our) list|recommended)|"
    r"another (?:great |good |useful )?(?:option|alternative|choice)|keep (?:those|these|them|it) for)\b", re.I)
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
# Sequence words that may open a sentence naming the next exercise ("Finally, a side plank from your knees.").
_SEQUENCE_WORDS = {"first", "firstly", "second", "secondly", "third", "thirdly", "fourth", "fifth", "next", "then", "finally",
                   "lastly", "last", "now"}
@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from runstrength.extract.sentences import vocab

    return vocab()["imperative_verbs_set"]


# What may stand between the exercises of a listed subject ("The squat, the lunge and step-ups ...").
_JOINT_GLUE = {",", "and", "&", "the", "a", "an", "both"}
# "For the plank, ...", "On the push-ups, ...": a sentence opened by the exercise it is about.
_TOPIC_PREPS = {"for", "on", "in", "during", "with"}
_DET = {"a", "an", "the", "or", "and", "also", "then", "next", "try", "like"}
_SUBJECT_VERBS = {"is", "are", "was", "will", "can", "helps", "help", "trains", "train", "works", "work", "targets",
                  "target", "enhances", "enhance", "builds", "build", "strengthens", "strengthen", "activates",
                  "activate", "assists", "assist", "improves", "improve", "develops", "develop", "focuses", "creates",
                  "create", "requires", "require", "teaches", "teach", "uses", "use", "engages", "engage", "involves",
                  "allows", "mimics", "replicates", "to", "should", "benefits", "isolates", "challenges", "gets"}


_ACRONYM_START = re.compile(r"^\s*[A-Z]{2,}\b")
_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z /&]{1,30}?)\s*:\s*(.*)$")
# "Sets/Reps", "Sets & reps", "Sets x Reps": a label made of several labels.
_LABEL_JOIN_RE = re.compile(r"\s*(?:/|&|\bx\b|\band\b)\s*")
_LETTERS3_RE = re.compile(r"[A-Za-z]{3,}")
_QUANTITY_OF_RE = re.compile(r"^\s*[\d\-–%x.,/ ]+\b(of|at|to)\b")
_NOT_A_NAME_START = re.compile(r"^(here|how|what|why|this|these|there|if|for|follow|watch|click|read|see)\b", re.I)
_OR_RE = re.compile(r"\s+or\s+")
_GROUP_COUNT_RE = re.compile(r"\b\d+\s+(super ?sets?|circuits|rounds|blocks|exercises)\b")
# A default the exercises may override: "2 sets unless noted", "unless a move says otherwise".
_UNLESS_NOTED = (r"\bunless\s+(?:otherwise\s+)?(?:noted|stated|specified|indicated|listed|shown|marked|given)\b"
                 r"|\bunless\s+(?:a|an|the)\s+(?:move|exercise|drill|stretch)\b|\bunless\s+otherwise\b")
_UNLESS_NOTED_RE = re.compile(_UNLESS_NOTED)
_ALL_OF_GROUP_RE = re.compile(r"\b(all|each|every) (of the )?(exercises?|moves?|movements?|drills?)\b")
_NUMBERS_RE = re.compile(r"[\d/x\-]+")
_TITLE_SETS_PAREN_RE = re.compile(r"\(\s*[^()]*\b(sets?|rounds?|times)\b[^()]*\)", re.I)
_TITLE_X_TAIL_RE = re.compile(r"[:,-]?\s*\b(x\s*\d+|\d+\s*x)\s*$", re.I)
_TITLE_SETS_TAIL_RE = re.compile(r"[:,-]\s*(\d+|one|two|three|four|five|six)(\s*-\s*\d+)?\s+(sets?|rounds?)(\s+total)?\s*$", re.I)
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
    r"\b(all|each|every)\b(\s+[\w'-]+){0,4}?\s+(moves?|exercises?|activit(y|ies)|one|stretch(es)?|drills?|positions?|poses?)\b|\b(exercises?|moves) (below|above)\b|\bthis (plan|routine|workout|circuit|program)\b" + "|" + _UNLESS_NOTED)
# A part named by its label: "Part 2", "Circuit B", "Superset 1".
_PART_LABEL_RE = re.compile(
    r"^\W*(?:part|circuit|superset|block|section|phase|stage|level|workout|day|set)\s+(?:\d{1,2}|[a-z]|one|two|three|four|five)\b", re.I)
# "at the top of each one": a position in every rep, not a rule for every exercise
_OF_EACH_ONE_RE = re.compile(r"\bof (?:each|every) one\b")
_REPEAT_WHOLE_RE = re.compile(r"\brepeat (this|the|that) (whole )?(routine|circuit|workout|sequence|series|set)\b")
# A sentence (lower case) that prescribes the whole part: "complete 3 rounds", "do 2 sets", "work through it twice".
_RULE_VERB_RE = re.compile(r"^\W*(?:complete|do|perform|repeat|go\s+through|run\s+through|work|aim\s+for|try|finish)\b")
# Line kinds after which a paragraph is a part's instructions.
_HEADING_KINDS = ("section", "other_heading", "title", "")


def _shouted(text: str) -> bool:
    """Written in capitals, as document headings are ("SAFETY AND PAIN"), and more than one word."""
    return text.isupper() and len(text.split()) >= 2


def _function_start(text: str):
    """Starts with a function word ("Here is", "How to"), not an acronym that spells one ("IT band")."""
    return None if _ACRONYM_START.match(text) else _FUNCTION_START.match(text)


def _boiler_pattern(pattern: str) -> tuple[tuple[str, ...] | None, list[tuple[str, ...]], re.Pattern[str]]:
    """(hints, more, regex) of a boilerplate pattern: every match contains one of `hints` and one
    string of each set in `more` ("to your inbox": " your ", then "mail" or "inbox")."""
    sets = required_literal_sets(pattern)
    return (sets[0] if sets else None), sets[1:], re.compile(pattern, re.I)


def _has_each(lower: str, sets: list[tuple[str, ...]]) -> bool:
    """Whether `lower` contains a string of each set."""
    return all(any(h in lower for h in hints) for hints in sets)


@lru_cache(maxsize=8192)  # pure; asked again for a line's sentences and by several passes
def is_boilerplate(text: str) -> bool:
    # Most lines contain none of the literal words a boilerplate pattern needs
    # ("newsletter", "@", "click here"...): a substring test rules a pattern out
    # far faster than a regex scan.  Valid for ASCII text only (re.I also folds
    # some non-ASCII letters onto ASCII ones); other text is scanned in full.
    lower = text.lower() if text.isascii() else None
    for hints, more, rx in _vocab()["boiler"]:
        if lower is not None and hints is not None:
            for h in hints:
                if h in lower:
                    break
            else:
                continue
            # The pattern's other required words, only tested once its first ones are found.
            if more and not _has_each(lower, more):
                continue
        if rx.search(text):
            return True
    return False


def _ends_with_head(tokens: tuple[str, ...]) -> bool:
    heads = _vocab()["heads"]
    return tokens[-1:] in heads or tokens[-2:] in heads or tokens[-3:] in heads


@lru_cache(maxsize=1)
def _section_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = sorted({" ".join(norm_tokens(w)) for w in _vocab()["section_words"]}, key=len, reverse=True)
    section = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    strong = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(_vocab()["strong_section"], key=len, reverse=True)) + r")\b")
    return section, strong


_FILLER_RX = re.compile(r"\b(the|and|of|for|a|\d+|your|my|our|x|minute|min|total|pre|main|exercise|training)\b")


def _is_section_word_only(tokens: tuple[str, ...]) -> bool:
    left = _FILLER_RX.sub(" ", _section_rx()[0].sub(" ", " ".join(tokens)))
    return not left.split()


def _strong_section(lower: str) -> bool:
    return _section_rx()[1].search(lower) is not None


def _label_of(text: str) -> tuple[str, str] | None:
    m = _LABEL_RE.match(text)
    if not m:
        return None
    head = m.group(1).lower().strip()
    labels = _vocab()["labels"]
    if head in labels or all(p in labels for p in _LABEL_JOIN_RE.split(head)):
        return head, m.group(2)
    return None


# ---------------------------------------------------------------- line roles


@dataclass
class Role:
    kind: str  # boiler | end | label | rest | dose | section | exercise | combined | other_heading | prose | article_sets | table_header
    name: str = ""
    name_start: int = 0  # offsets in the line text
    name_end: int = 0
    desc_start: int | None = None  # where description text starts inside the line
    doses: list = field(default_factory=list)  # DoseMention, offsets relative to line text
    dose_base: int = 0  # offset of the text the doses were parsed from, inside the line
    title: str = ""
    sets: tuple[int, int] | None = None
    alternatives: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # name, its range, its segment's range
    label: str = ""


def _spans(doc: Doc, key: str) -> tuple[Span, ...]:
    """doc.spans[key] as a tuple made once per doc (kept in doc.user_data): iterating a
    SpanGroup builds new Span objects every time."""
    cache_key = ("runstrength.spans", key)
    got = doc.user_data.get(cache_key)
    if got is None:
        got = doc.user_data[cache_key] = tuple(doc.spans[key])
    return got


def _exercise_spans_in(doc: Doc, start: int, end: int):
    return [s for s in _spans(doc, EXERCISE_KEY) if s.start_char >= start and s.end_char <= end]


# A calendar date ("March 3, 2024", "3 March 2024"): bylines and comment stamps, never a name.
_DATE_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b", re.I)


def _wordy(name: str) -> bool:
    return ("%" not in name and bool(_LETTERS3_RE.search(name)) and not _QUANTITY_OF_RE.match(name)
            and not _DATE_RE.search(name))


def exercise_like(name: str, doc: Doc | None, offset: int) -> bool:
    tokens = norm_tokens(name)
    if not tokens or len(tokens) > 9 or not _wordy(name):
        return False
    if len(tokens) >= 2 and tokens[-1] in _vocab()["org_heads"]:
        return False  # "Riverside Sports Clinic", "Peak Coaching": a business, even if a word names a movement
    if _function_start(name.strip()) and not (doc is not None and _exercise_spans_in(doc, offset, offset + len(name))
                                                    and not _NOT_A_NAME_START.match(name.strip())):
        return False
    if doc is not None and _exercise_spans_in(doc, offset, offset + len(name)):
        return True
    stripped = tuple(t for t in tokens if t not in ("exercise", "exercis", "for", "runner", "with", "band", "weight"))
    return bool(stripped) and _ends_with_head(stripped)


def _clean_name(name: str) -> tuple[str, int]:
    """Name without glued scraping debris or trailing separators; returns (name, cut from front)."""
    name, cut = unglue(name)
    stripped = name.rstrip(" :-?;,.")
    lead = len(stripped) - len(stripped.lstrip(" -:?"))
    return stripped.strip(" -:?"), cut + lead


def _split_alternatives(name: str) -> list[tuple[str, int, int, int, int]]:
    """'split squats (dumbbell or band) or step-ups' -> both exercises, when both sides name one.

    Each alternative comes with its name's range and the range of its whole segment
    (with its parentheses), where the equipment and muscles of that alternative are named.
    """
    plain = _PAREN_RE.sub(lambda m: " " * len(m.group(0)), name)
    seps = list(_OR_RE.finditer(plain))
    if not seps:
        return []
    # Segment k runs from the end of separator k-1 to the "or" of separator k (blanked parentheses included).
    bounds = [0, *(x for m in seps for x in (m.start() + m.group(0).index("or"), m.end())), len(name)]
    out = []
    for a, b in zip(bounds[0::2], bounds[1::2]):
        raw = name[a:b]
        lead = len(raw) - len(raw.lstrip())
        seg = raw.strip()
        seg_clean = _PAREN_RE.sub("", seg).strip()
        if not seg_clean or not _ends_with_head(norm_tokens(seg_clean)):
            return []
        i = a + lead
        out.append((seg_clean, i, i + len(seg_clean), i, i + len(seg)))
    return out


# An image placeholder the scraper left before a heading ("[Image: runner on a step]Calf raise").
_CAPTION_PREFIX_RE = re.compile(r"^\s*\[[^\[\]]{0,200}\]\s*")
# A numbering label before a heading: "Exercise 3:", "Move 2 -", "B1:", "4." (the heading is what follows).
# Used with .match(text, pos) only, so no "^" (which would not match at pos > 0).
# A video chapter's time stamp is one too: "02:15 - Hip airplanes", "(1:02:40) Lunges".
_ORDINAL_PREFIX_RE = re.compile(
    r"\s*(?:(?:(?:exercise|move|movement|drill|stretch|station)\s*#?\s*\d{1,2}|[A-Za-z]\d{1,2}|#?\d{1,2})\s*[:.)]"
    r"|(?:exercise|move|movement|drill|stretch|station)\s*#?\s*\d{1,2}\s*-"
    r"|\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?(?:\s*[-|:])?)\s+(?=[A-Za-z])", re.I)
_STAMP_RE = re.compile(r"\s*\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?\s")
# Navigation, breadcrumbs and bylines: short parts joined by separators ("Home > Blog > Knees", "Coach Jo | Physio").
_NAV_SEP_RE = re.compile(r"\s[|\u00b7\u2022\u203a\u00bb]\s|^(?:home|you are here)\b.*\s[/>]\s", re.I)


def _blank_prefix(text: str) -> str:
    """`text` with an image placeholder and a numbering label before its heading blanked out
    (same length, so offsets into the line and its doc still hold)."""
    cut = 0
    m = _CAPTION_PREFIX_RE.match(text)
    if m and m.end() < len(text):
        cut = m.end()
    m = _ORDINAL_PREFIX_RE.match(text, cut)
    if m:
        cut = m.end()
    return " " * cut + text[cut:] if cut else text


def _timed_section(text: str, doses: list[dz.DoseMention]) -> bool:
    """A part of the session given as a time ("Warm-up (10 minutes)", "Finisher - 5 min"), not a prescription."""
    if not doses or any(d.sets or d.reps for d in doses):
        return False
    chars = list(text)
    for d in doses:
        chars[d.start:d.end] = " " * (d.end - d.start)
    tokens = norm_tokens(_PAREN_RE.sub(" ", "".join(chars)))
    # Section words only, and at least one of them ("Total: 20 minutes" is not a part of the session).
    return bool(tokens) and _is_section_word_only(tokens) and _section_rx()[0].search(" ".join(tokens)) is not None


def _titled_count(text: str) -> bool:
    """A part's title with its rounds in brackets ("Part 3 – Power (2 rounds)"): the part's count, not the article's."""
    return _TITLE_SETS_PAREN_RE.search(text) is not None and bool(_LETTERS3_RE.search(_section_title(text)))


_PART_HEAD_END_RE = re.compile(r"[\s:(,–—-]+$")


def _part_with_rounds(text: str, doses: list[dz.DoseMention]) -> Role | None:
    """A part's heading that gives its rounds and rest ("Block B – 4 rounds, rest 90 seconds after each"):
    a section with those sets, not a dose of the exercise above it."""
    if not doses or any(d.reps or d.seconds or not d.sets for d in doses):
        return None
    head = _PART_HEAD_END_RE.sub("", text[:min(d.start for d in doses)])
    tokens = tuple(t for t in norm_tokens(head) if len(t) > 1)  # a part's letter: "Block B", "Circuit C"
    if not tokens or len(tokens) > 6 or not _is_section_word_only(tokens) or not _section_rx()[0].search(" ".join(tokens)):
        return None
    return Role("section", title=head.strip(), sets=doses[0].sets)


# First letters of a byline's lead ("By", "Written by", "Posted on ... by", "From the desk of",
# "Words:", "Author:", "Prepared by", "Compiled by", "Reviewed by", "Answer from", "Designed by"...):
# other lines skip the byline test.
_BYLINE_FIRST = frozenset("bwpfracdu")
# A personal pronoun in a heading ("Keeping it fun", "What we learned"): advice, never an exercise's name.
# Lower or title case only: "IT band" is a body part.
_PRONOUN_RE = re.compile(r"\b(?:[Ii]t|[Yy]ou|[Yy]our|[Ww]e|[Oo]ur|[Uu]s|[Tt]hem|[Tt]hey|[Mm]e|[Mm]y|I)\b")
# A heading that is a clause about the reader ("Before you lift", "When it aches", "Once you can"): advice
# before or around the routine, not one of its parts.
_CLAUSE_HEAD_RE = re.compile(r"^\W*(?:before|after|when|while|until|once|unless|if)\s+(?:you|we|it|they)\b", re.I)
# A part heading opened by a possessive ("Our go-to drills", "Your warm-up routine").
_POSSESSIVE_RE = re.compile(r"^\W*(?:our|my|your)\b")


def _possessive_part(lower: str) -> bool:
    """A possessive heading that ends on a part word: "Our favourite drills", not "Our team"."""
    if not _POSSESSIVE_RE.match(lower):
        return False
    words = lower.split()
    return bool(words) and words[-1].strip(".:!-") in _vocab()["strong_section"]


def _ends_with_section_word(text: str) -> bool:
    """The text's last word, or last two, is a section word ("Hip Mobility", "Core Strength", "Cool Down")."""
    tokens = norm_tokens(text)
    words = _section_word_set()
    return bool(tokens) and (tokens[-1] in words or " ".join(tokens[-2:]) in words)


@lru_cache(maxsize=1)
def _section_word_set() -> frozenset[str]:
    return frozenset(" ".join(norm_tokens(w)) for w in _vocab()["section_words"])


def _weekly_note(text: str) -> bool:
    """A heading whose brackets say how often a week ("HOME PLAN (3x a week, 2 rounds each)"):
    a printed summary's heading, not an exercise."""
    if "(" not in text:
        return False
    return any(dz.parse_frequency(m.group(1)) for m in _PAREN_RE.finditer(text)) or (
        text.count("(") > text.count(")") and dz.parse_frequency(text[text.rindex("("):]) is not None)


# How prose introduces the next exercise: "Next, try a side plank", "Start with a dead bug",
# "When that gets easy, add a bird dog". Used with .match at a sentence's start (no "^"); what it
# matched is followed by the exercise's name. ("Progress to ..." is left out: it introduces a harder
# version of the exercise at hand, which is that exercise.)
_INTRO_RE = re.compile(
    r"\W*(?:(?:next|then|now|first|finally|lastly|after that)\s*,?\s+|(?P<clause>[^,.;:!?]{3,60}),\s+)?"
    r"(?:try|add|add in|begin with|start with|finish with|end with|follow (?:up )?with|move on to)"
    r"\s+(?:(?:a|an|the|some)\s+)?", re.I)
_INTRO_HINT = AnyOf("try", "add", "begin", "start", "finish", "end", "follow", "move on",
                    "Try", "Add", "Begin", "Start", "Finish", "End", "Follow", "Move on")
# A clause before the verb that makes what is added a harder or easier version ("To make it harder, add a hop").
_VARIANT_CLAUSE_RE = re.compile(r"\b(?:harder|easier|challeng\w*|progress\w*|advanc\w*|regress\w*|intensity|tougher)\b", re.I)
# After the introduced name (matched up to the sentence's end): the end, a colon, or a few words of
# set-up before one ("Try a lateral lunge on a slope: ...").
_INTRO_TAIL_RE = re.compile(r"(?:\s+[\w'-]+){0,5}\s*(?::|[.!]?\s*$)")


def _drop_lead_in(name: str, cut: int, doc: Doc, text: str) -> tuple[str, int]:
    """An inline name without the words that introduce it ("Next, try a side plank: ..." -> "side plank"),
    when what is left names an exercise."""
    if not _INTRO_HINT(name):
        return name, cut
    m = _INTRO_RE.match(name)
    if m is None or m.end() >= len(name):
        return name, cut
    rest = name[m.end():]
    at = text.find(rest)
    if at < 0 or not exercise_like(rest, doc, at):
        return name, cut
    return rest, cut + m.end()


def analyse_line(line: Line, doc: Doc) -> Role:
    text = _blank_prefix(line.text)
    lower = text.lower().strip()
    v = _vocab()
    if lower.startswith(v["end"]) and len(line.words) <= 6:
        return Role("end")
    if is_boilerplate(text) and (len(line.words) <= 30 or "@" in text):
        return Role("boiler")
    dose_label = _dose_label(text)
    if dose_label is not None:
        return dose_label
    if lower[:1] in _BYLINE_FIRST and len(line.words) <= 25 and byline_name(text, top=False):
        # "By Jo Lee, Lunge Lab coach": the writer, even when a word of the affiliation names a movement
        return Role("other_heading")
    label = _label_of(text)
    if label:
        return Role("label", label=label[0], desc_start=len(text) - len(label[1]))
    ends_sentence = text.rstrip().endswith((".", "!", "?")) and not text.rstrip().endswith("..")
    words = line.words
    line_doses: list[dz.DoseMention] | None = None

    def doses() -> list[dz.DoseMention]:
        """dz.parse_dosages(text), parsed at the first test that needs it: the tests are pure,
        and most prose lines are decided without it."""
        nonlocal line_doses
        if line_doses is None:
            line_doses = dz.parse_dosages(text)
        return line_doses

    if dz.parse_rest(text) and is_dosage_only(text, [(d.start, d.end) for d in doses()], rest=True):
        part = _part_with_rounds(text, doses())
        if part is not None:
            return part
        # A rest line may prescribe too ("40 seconds each move, rest 20 seconds, 4 rounds").
        return Role("rest", doses=doses())
    if len(words) <= 10 and _LOAD_LINE_RE.match(text) and not doses():
        return Role("load")
    short = len(words) <= 12
    if len(words) <= 16 and _NAV_SEP_RE.search(text) and not doses():
        return Role("other_heading")
    if short and doses() and _timed_section(text, doses()):
        return Role("section", title=_section_title(text))
    # Length tests before the patterns: both sides are pure, and most lines are long prose
    # (_SECTION_INTRO's ".*" scans are the slowest of these tests).
    if len(words) <= 14 and not ends_sentence and _SECTION_INTRO.search(text):
        sets = dz.parse_block_sets(text)
        return Role("section", title=text.strip().rstrip(":").strip(), sets=sets)
    if len(words) <= 16 and _REPEAT_BLOCK_RE.search(lower):
        sets = dz.parse_block_sets(text)
        if sets:
            return Role("block_sets", sets=sets)
    if short and not ends_sentence and _strong_section(lower) and (not _function_start(lower) or _possessive_part(lower)) and not _spans(doc, EXERCISE_KEY):
        sets = dz.parse_block_sets(text)
        if sets and (_UNLESS_NOTED_RE.search(lower) or (_GROUP_COUNT_RE.search(lower) or "total" in lower) and not _titled_count(text)):
            return Role("article_sets", sets=sets, title=text)
        return Role("section", title=_section_title(text), sets=sets)
    if short and doses() and is_dosage_only(text, [(d.start, d.end) for d in doses()]) and not exercise_like(_strip_numbers(text), doc, 0):
        return Role("dose", doses=doses())

    # "Name: description" / "Name - description" on one line.
    m = _INLINE_RE.match(text)
    if m and not line.text.startswith("(") and len(m.group("name").split()) <= 8:
        raw_name = m.group("name")
        rest = m.group("rest")
        rest_start = m.start("rest")
        # A short right side is part of the name ("Glute Bridge - One Leg").
        rest_doses = dz.parse_dosages(rest)
        rest_is_dose = bool(rest_doses) and is_dosage_only(rest, [(d.start, d.end) for d in rest_doses])
        if len(rest.split()) >= 4 or rest_is_dose or ":" in text[:rest_start]:
            lname = raw_name.lower().strip()
            if any(lname == w or lname.startswith(w) for w in v["warmup"] + v["section_words"]) and _is_section_word_only(norm_tokens(raw_name)) and len(rest.split()) <= 6 and not rest_is_dose:
                if _ends_with_section_word(_PAREN_RE.sub(" ", rest)):
                    # "Block 1: Hip Mobility": the part's topic, not its one exercise
                    return Role("section", title=_section_title(text))
                nm, cut = _clean_name(rest)
                return Role("combined", title=raw_name.strip(), name=nm, name_start=rest_start + cut, name_end=rest_start + cut + len(nm))
            name, ndoses = dz.split_name_dosage(raw_name)
            name, cut = _clean_name(name)
            name, cut = _drop_lead_in(name, cut, doc, text)
            dose_first = bool(rest_doses) and rest_doses[0].start == 0 and name[:1].isupper() and len(name.split()) <= 4
            known = exercise_like(name, doc, text.find(name)) if name else False
            if known and not rest_doses and _BARE_COUNT_RE.fullmatch(rest):
                # "Wall push-ups: 8 to 12": a bare count after a known exercise's name is its reps
                rest_doses = [_bare_count(rest)]
                rest_is_dose = True
            if name and _wordy(name) and (known or ((rest_is_dose or dose_first) and len(name.split()) <= 6 and not _function_start(name))):
                ns = text.find(name)
                if ns < 0:
                    ns = cut
                role = Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(ndoses), desc_start=None if rest_is_dose else rest_start)
                if rest_is_dose:
                    role.doses += list(rest_doses)
                    role.dose_base = rest_start
                    role.doses = [_shift(d, rest_start) for d in rest_doses] + list(ndoses)
                return role
    lead = _LEAD_IN_RE.match(text)
    if lead and doses():
        name, cut = _clean_name(lead.group("name"))
        if name and exercise_like(name, doc, lead.start("name")):
            ns = lead.start("name") + cut
            return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(doses()), label="after_section")
    if line.bullet and len(words) >= 5 and _sentence_like(text, doc):
        return Role("prose")
    if short and not ends_sentence:
        # Heading or list item.
        if _weekly_note(text):
            return Role("other_heading")
        sets = dz.parse_block_sets(text)
        name, ndoses = dz.split_name_dosage(text)
        name = _name_before_dose(text, ndoses, name)
        name, cut = _clean_name(name)
        tokens = norm_tokens(name)
        lname = " ".join(tokens)
        # "(2 sets unless noted)" in a heading is the default of every move, even in brackets
        if sets and (_UNLESS_NOTED_RE.search(lower) or (_GROUP_COUNT_RE.search(lower) or "total" in lower
                                                      or _ALL_OF_GROUP_RE.search(lower)) and not _titled_count(text)):
            return Role("article_sets", sets=sets, title=text)
        if name and _strong_section(lname) and not _function_start(name) and len(tokens) <= 8:
            title = _section_title(text)
            return Role("section", title=title, sets=sets)
        if name and exercise_like(name, doc, max(text.find(name), 0)):
            ns = text.find(name)
            if ns < 0:
                ns = cut
            alts = _split_alternatives(name)
            return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(ndoses), alternatives=[(a, ns + s, ns + e, ns + ss, ns + se) for a, s, e, ss, se in alts])
        if name and _is_section_word_only(tokens) and len(tokens) <= 6 and not line.bullet:
            return Role("section", title=_section_title(text), sets=sets)
        if name and _wordy(name) and ndoses and len(tokens) <= 6 and not _function_start(name):
            ns = max(text.find(name), 0)
            return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=list(ndoses))
        if _STAMP_RE.match(line.text):
            return Role("other_heading")  # a video chapter that names no exercise ("00:00 - Intro")
        if name and _wordy(name) and len(tokens) <= 8 and not _function_start(name) and not ends_sentence and ":" not in text[:-1]:
            return Role("maybe_heading", name=name, name_start=max(text.find(name), 0), name_end=max(text.find(name), 0) + len(name), doses=list(ndoses), title=_section_title(text), sets=sets)
        return Role("other_heading")
    return Role("prose")


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
# A label whose value is the prescription: "Sets/Reps: 3 x 8", "Reps: 12 each side", "Sets: 3".
_DOSE_LABEL_RE = re.compile(
    r"^\W*(?P<label>sets?(?:\s*(?:/|&|and|x|×)\s*(?:reps?|time|duration))?|reps?(?:\s*(?:/|&|and)\s*(?:sets?|time|duration))?"
    r"|rounds?|repetitions|dosage|dose|prescription|volume|duration|time|holds?(?:\s+time)?"
    # a handout's question labels: "How many: 8 to 12 reps", "How long: 30 seconds"
    r"|how\s+(?:many|much|long|often)|amount)\s*:\s*(?P<value>\S.*)$", re.I)
# A dosage label left blank on a form ("Hold: --", "Hold: none", "Reps: n/a"): nothing to read.
_BLANK_VALUE_RE = re.compile(r"^\W*(?:none|n/?a|nil|no|not\s+applicable|[-–—_.]*)\W*$", re.I)


def _dose_label(text: str) -> Role | None:
    """A dosage label line as a dose line; a bare number takes its meaning from the label ("Sets: 3")."""
    m = _DOSE_LABEL_RE.match(text)
    if not m:
        return None
    base = m.start("value")
    value = m.group("value")
    label = m.group("label").lower()
    if _BLANK_VALUE_RE.match(value):
        return Role("dose", doses=[])
    doses = [_shift(d, base) for d in dz.parse_dosages(value)]
    if label.startswith("hold"):
        # "Hold: 5 seconds": the label says the time is a hold
        from dataclasses import replace
        doses = [replace(d, seconds_kind="hold") if d.seconds else d for d in doses]
    if not doses:
        r = dz.parse_block_sets(value + " sets") if label.startswith(("set", "round")) and "/" not in label else None
        if r is not None:
            doses = [dz.DoseMention(stage="main", sets=r, start=base, end=len(text), text=value)]
        else:
            doses = [_shift(d, base) for d in dz.parse_dosages(value, list_item=True)]
    return Role("dose", doses=doses) if doses else None


# A line that only says how heavy: "60-70% of your 1RM", "@ 80% of max", "RPE 6", "RIR 3".
_LOAD_LINE_RE = re.compile(
    r"^\W*(?:(?:at|@|with|use|using)\s+)?(?:~\s*)?(?:"
    r"\d+(?:\.\d+)?\s*(?:%|percent)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*(?:%|percent)(?:\s+(?:of\s+)?(?:your\s+|the\s+)?"
    r"(?:1\s*-?\s*rm|one[- ]rep(?:etition)?[- ]max(?:imum)?|max(?:imum)?|mhr|max(?:imum)? heart rate|bodyweight|body weight|effort|intensity))?"
    r"|(?:rpe|rir)\s*:?\s*\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?"
    r")\W*$", re.I)


# Labels whose value says what the exercise trains ("Muscles worked: ...", "Focus: ...").
_PURPOSE_LABELS = {"focus", "goal", "benefits", "works", "areas worked"}


_LEAD_IN_RE = re.compile(r"^(?:finish|end|start|begin|then|next|follow(?:ed)? (?:up )?|cool down|warm up)\s+(?:with|by)\s+(?P<name>[A-Za-z][A-Za-z' -]{2,40}?)\s+(?=\d|one|two|three|four|five|ten|for\b)", re.I)


def _sentence_like(text: str, doc: Doc) -> bool:
    """A bullet that is an instruction or remark, not a list item naming an exercise."""
    spans = _spans(doc, EXERCISE_KEY)
    if spans and spans[0].start_char <= 2:
        return False
    got = classify(text)
    return got is not None


def _name_before_dose(text: str, doses: list, name: str) -> str:
    """When the prescription follows the name ("Monster walks 2 x 10 steps"), the name is what precedes it."""
    if not doses:
        return name
    first = min(d.start for d in doses)
    head = text[:first].rstrip(" (-:,")
    return head if first > 0 and _wordy(head) and head.strip() else name


def _strip_numbers(text: str) -> str:
    return _NUMBERS_RE.sub(" ", text)


def _shift(d: dz.DoseMention, by: int) -> dz.DoseMention:
    from dataclasses import replace
    return replace(d, start=d.start + by, end=d.end + by)


# A remark in brackets closing a heading ("Circuit B (do this on a hill day)"): when to do the part,
# not its name. Short brackets are kept ("Day 1 (Tuesday)", "Stage 2 (Weeks 5-8)").
_TITLE_REMARK_RE = re.compile(r"\s*\((?=[^()\d]*[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+)[^()\d]*\)\s*$")


def _section_title(text: str) -> str:
    t = _TITLE_SETS_PAREN_RE.sub("", text)
    t = _TITLE_REMARK_RE.sub("", t)
    t = _TITLE_X_TAIL_RE.sub("", t.strip())
    t = _TITLE_SETS_TAIL_RE.sub("", t.strip())
    return t.strip().rstrip(":").strip()


_ACTION_RE = re.compile(
    r"\b(strengthen\w*|activat\w*|target\w*|engag\w*|isolat\w*|works?|working|train\w*|stretch\w*|lengthen\w*|"
    r"recruit\w*|uses?|using|mobili[sz]\w*|open\w* up|build\w*|stabili[sz]\w*|tone\w*|load\w*|squeez\w*|fir\w*|"
    r"hit\w*|challeng\w*|develop\w*|tolerate|wak\w* up|release\w*|loosen\w*|relax\w*|requires?|involv\w*|assists?|"
    r"retrain\w*|switch\w* on|turn\w* on|teach\w*|hammer\w*|"
    r"(?:best|great|good|ideal|perfect|excellent|top)\b[^.;,]{0,30}?\bfor|"  # "the best move in the routine for the hamstrings"
    r"benefits?|(?:moves?|exercises?|lifts?|drills?|options?|work) for)\b", re.I)  # "my favourite move for the hamstrings"
_CLAUSE_END_RE = re.compile(r"[;.!?]|,\s*(which|that|while|as|but|so|and then)\b|\b(than|while|because)\b", re.I)
_NOUN_BEFORE = {"a", "an", "the", "your", "on", "onto", "off", "with", "using", "against", "small", "stable", "sturdy",
                "flat", "low", "high", "light", "heavy", "resistance", "looped", "mini", "one", "or", "and", "of",
                "into", "from", "behind", "under", "over", "around", "two", "(", "yoga", "exercise"}
# Body words that name a muscle group only when something acts on them ("engage your back", not "a flat back"),
# and only as a noun: after "your"/"the" or in a list of muscles ("glutes, back and shoulders"), not as an
# adverb ("sit back", "pull your shoulder blades back").
_VAGUE_MUSCLES = {"back", "shoulder", "shoulders", "chest", "arm", "arms", "leg", "legs", "hip", "hips", "neck", "thigh", "thighs",
                  "forearm", "forearms", "shin", "shins", "grip"}
_VAGUE_DET = {"your", "the", "my", "our", "their", "his", "her"}
_LIST_JOIN = {",", "and", "or", "&", "/"}
# In a cue, relaxing a body part is about posture, not what the exercise trains ("relax your shoulders").
_RELAX_RE = re.compile(r"(relax|releas|loosen)", re.I)
# "feel it burn in your quads", "tension through the hamstrings": after these the muscle is what is worked, not a place.
# "builds strength in the quads", "endurance in your calves" too.
_FELT_RE = re.compile(r"^(stretch|feel|felt|tight|tension|burn|fatigu|sensation|work|strength|power|endurance|stabilit|control)")
_FELT_PREPS = {"in", "through", "along", "into", "across"}
# "in line with your hips", "level with your knees": a place.
_ALIGNED_BEFORE_WITH = {"line", "level", "aligned", "even", "inline", "flush"}
# "don't let the quads take over", "stop the lower back from compensating": the muscle NOT to use.
# Matched (Pattern.match) right after the muscle: at most three words before the verb.
_TAKE_OVER_RE = re.compile(r"(?:\W+\w+){0,3}?\W+(?:(?:tak(?:e|es|ing)|took) over\b|(?:over)?(?:dominat|compensat))", re.I)
# "imagine a tray on your head", "as if holding a box": things pictured, not used.
_IMAGERY_RE = re.compile(r"\b(imagin\w*|pretend\w*|visuali[sz]\w*|as if|as though|think of)\b", re.I)
# A purpose sentence whose subject is the exercise ("This exercise gets your glutes and hamstrings working")
# ties the muscles of its first clause to it.
_EXERCISE_SUBJECT_RE = re.compile(r"^\W*(?:this|these|the|that)(?: [\w-]+){0,2}? (?:exercises?|moves?|movements?|drills?|stretch(?:es)?|variations?|one|lifts?)\b", re.I)
# In a purpose sentence, a muscle that does the work is worked though no verb acts on it:
# "your adductors (inner thighs) are doing the work", "the calves take more load", "a hamstring exercise".
# Matched (Pattern.match) right after the muscle.
_DOES_WORK_RE = re.compile(r"(?:\s*\([^)]*\))?(?:\W+\w+){0,3}?\W+(?:(?:are|is)\s+)?(?:do|does|doing|did|take|takes|taking|handle|handles|"
                           r"absorb|absorbs|carry|carries)\b[^.;,]{0,30}?\b(?:work|load|loads|force|forces|share|beating|pounding|impact|brunt)\b", re.I)
# "Strong glutes take load off your knees": in a purpose sentence a muscle said to be strong (or weak) is what is trained.
_STRENGTH_BEFORE = {"strong", "stronger", "weak", "weaker", "powerful", "resilient"}
_TRAINED_NOUN_AFTER = {"lift", "lifts", "exercise", "exercises", "work", "strength", "strengthening", "drill", "drills",
                       "endurance", "power", "activation", "move", "moves", "stability"}
# A muscle word naming a complaint or a body position, not a muscle worked ("hip pain", "a neutral back position").
_NOT_MUSCLE_AFTER = {"pain", "pains", "ache", "aches", "movement", "movements", "motion", "position", "posture", "arch", "curve",
                     "stress", "strain", "strains", "injury", "injuries", "issues", "problems", "trouble"}
_AMOUNT_WORDS = frozenset({"weight", "weights", "load", "loads"})  # equipment words that mostly say how much
_MOTION_WORDS = {"step", "steps"}  # ambiguous equipment words that are also movements ("take a step forward")
_MOVEMENT_AFTER = {"up", "ups", "down", "downs", "-", "over", "overs", "through"}
_POSITION_BEFORE = {"on", "onto", "to", "toward", "towards", "over", "under", "underneath", "above", "below", "behind",
                    "between", "across", "at", "along", "against", "beside", "near", "in", "into", "off", "from", "by"}
# "shoulder-width", "press your lower back into the floor", "your back against the wall": a place.
_POSITION_AFTER = {"width", "height", "level", "distance", "blades", "blade", "apart", "-", "against", "into", "onto", "flat"}
# After a movement word, a direction makes it the movement ("step sideways"), not the thing.
_STEP_DIRECTIONS = {"forward", "forwards", "back", "backward", "backwards", "sideways", "laterally", "wide", "out", "across",
                    "over", "through", "left", "right", "in", "together", "apart"}
_STRIDE_SIZE = {"small", "tiny", "short", "big", "large", "long", "quick", "wide", "few", "baby", "lateral", "side", "more"}
_NOT_NOUN_AFTER = {"forward", "forwards", "back", "backward", "backwards", "sideways", "out", "up", "down", "to", "with", "across", "over", "through"}


def _acting_ranges(doc_text: str, start: int, end: int, *, subject: bool = False) -> list[tuple[int, int, str]]:
    """Character ranges of a sentence where an action verb acts on what follows it, with the verb.

    With `subject`, the first clause of a sentence whose subject is the exercise
    ("This exercise gets your glutes working") is one such range too.
    """
    text = doc_text[start:end]
    out = []
    if subject:
        m = _EXERCISE_SUBJECT_RE.match(text)
        if m:
            stop = _CLAUSE_END_RE.search(text, m.end())
            out.append((start + m.end(), start + (stop.start() if stop else len(text)), ""))
    for m in _ACTION_RE.finditer(text):
        stop = _CLAUSE_END_RE.search(text, m.end())
        out.append((start + m.end(), start + (stop.start() if stop else len(text)), m.group(0)))
    return out


@lru_cache(maxsize=1)
def _equipment_rx() -> re.Pattern[str]:
    variants = sorted({v.lower() for vs in lexicon.load_equipment().values() for v in vs}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in variants) + r")\b")


def _positional(doc: Doc, span, sent_start: int = 0) -> bool:
    """A body part used to say where ("lie on your back", "shoulder-width") rather than what is trained.

    Not after a feeling ("feel it burn in your quads", "tension through the hamstrings"):
    there the preposition says what is worked. `sent_start` is where the sentence starts (characters).
    """
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("your", "the", "my", "their", "his", "her", "both", "one", "each", "lower", "upper"):
        i -= 1
    if i >= 0:
        prep = doc[i].lower_
        if prep in _POSITION_BEFORE:
            if prep in _FELT_PREPS and any(_FELT_RE.match(t.lower_) for t in doc[max(0, i - 6):i] if t.idx >= sent_start):
                return False
            return True
        if prep == "with" and i > 0 and doc[i - 1].lower_ in _ALIGNED_BEFORE_WITH:
            return True
    if span.end >= len(doc):
        return False
    nxt = doc[span.end].lower_
    if nxt == "-":  # "hip-width", not a dash between clauses ("your calves - the muscles that ...")
        return not doc[span.end - 1].whitespace_
    return nxt in _POSITION_AFTER


def _listed_after_equipment(doc: Doc, span, taken: list[int]) -> bool:
    """An ambiguous word listed after equipment ("on a small step, stairs or a box"), not a movement."""
    if span.text.lower() in _MOTION_WORDS or span.start == 0 or doc[span.start - 1].text != ",":
        return False
    return any(span.start - 6 <= e < span.start for e in taken)


def _vague_as_noun(doc: Doc, span, muscle_ends: set[int]) -> bool:
    """A vague body word after a determiner ("your back"), right after an action verb ("works chest")
    or in a list of muscles ("glutes, back and core")."""
    k = span.start - 1
    if k < 0:
        return False
    if doc[k].lower_ in _VAGUE_DET or _ACTION_RE.fullmatch(doc[k].text):
        return True
    if doc[k].lower_ in _LIST_JOIN:
        k -= 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        return k + 1 in muscle_ends
    return False


def _does_work(doc: Doc, doc_text: str, span, stop: int) -> bool:
    """A muscle that does the work ("the calves take more load"), that an exercise is for ("a hamstring lift")
    or that it makes strong ("strong glutes take load off the knees")."""
    if span.end < len(doc) and doc[span.end].lower_ in _TRAINED_NOUN_AFTER:
        return True
    return span.start > 0 and doc[span.start - 1].lower_ in _STRENGTH_BEFORE or _DOES_WORK_RE.match(doc_text, span.end_char, stop) is not None


# Words that may open a sentence before its subject muscle ("Your calves absorb ...", "Strong glutes take ...").
_SUBJECT_LEAD = frozenset({"your", "the", "my", "our", "a", "strong", "stronger", "weak", "weaker", "tight", "tired",
                           "powerful", "resilient", "both", "these", "those"})


def _muscle_subject(doc: Doc, span, sent_start: int) -> bool:
    """The muscle is what the sentence (or the text after its label, "Why: ...") is about ("Your calf muscles
    are the main shock absorbers ...", "The tibialis anterior controls ..."): in a purpose, what is trained."""
    i = span.start - 1
    while i >= 0 and doc[i].idx >= sent_start and doc[i].lower_ in _SUBJECT_LEAD:
        i -= 1
    return i < 0 or doc[i].idx < sent_start or doc[i].text == ":"


# A body part bent out of shape is a form fault, not what is trained ("without arching your lower back").
_FAULT_VERBS = frozenset({"arch", "arches", "arching", "arched", "overarch", "overarching", "round", "rounding", "rounded",
                          "hyperextend", "hyperextending", "sag", "sagging", "hike", "hiking", "hunch", "hunching",
                          "crane", "craning", "collapse", "collapsing"})
# After the body part (and an adverb), a word that says where it stays ("your low back gently pressed into the mat").
_HELD_AFTER = frozenset({"pressed", "glued", "flat", "flattened", "touching", "against", "into", "onto"})
# After "lower back", a direction makes "lower" the verb ("... then lower back down", "lower back to the start").
_LOWERED_AFTER = frozenset({"down", "to", "toward", "towards", "slowly", "under", "until", "with", "into", "onto"})


def _held_or_faulted(doc: Doc, span) -> bool:
    """A body part said to stay in place, to bend out of shape, or "lower back" used as a verb and its adverb:
    form, not a muscle worked."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _VAGUE_DET:
        i -= 1
    if i >= 0 and doc[i].lower_ in _FAULT_VERBS:
        return True
    j = span.end
    if j < len(doc) and doc[j].lower_.endswith("ly"):
        j += 1
    nxt = doc[j].lower_ if j < len(doc) else ""
    if nxt in _HELD_AFTER or nxt in _FAULT_VERBS:  # "... pressed into the mat", "don't let your lower back arch"
        return True
    return (span[0].lower_ == "lower" and i == span.start - 1 and nxt in _LOWERED_AFTER
            and (i < 0 or not doc[i].is_alpha or doc[i].lower_ in ("and", "then", "or") or doc[i].lower_.endswith("ly")))


def _inside_equipment(span, equipment) -> bool:
    """A muscle word inside a longer equipment name ("trap bar")."""
    return any(e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in equipment)


def _modifies_body_part(doc: Doc, span) -> bool:
    """A vague body word used as a modifier of a body part ("the back knee", "hip joint"), not a muscle."""
    if span.end >= len(doc):
        return False
    return norm_tokens(doc[span.end].text) in _vocab()["regions"] or doc[span.end].lower_ in _VAGUE_MUSCLES


@lru_cache(maxsize=1)
def _muscle_canonical() -> dict[tuple[str, ...], str]:
    """Surface muscle term (normalised tokens) -> canonical muscle."""
    return {norm_tokens(v): canon for canon, vs in lexicon.load_muscles().items() for v in vs}


def _text_muscles(ex: _Ex) -> list[str]:
    """The exercise's muscles, without one named only by its name when the text names the same muscle
    in another form of the word ("calf" from "Calf raises" when the text says "calves"); a different
    word for it ("pec" and "chest") is kept."""
    if not ex.name_muscles:
        return ex.muscles
    canon = _muscle_canonical()
    told = {(canon.get(norm_tokens(m)), m[:3]) for m in ex.muscles if m not in ex.name_muscles}
    return [m for m in ex.muscles if m not in ex.name_muscles or (canon.get(norm_tokens(m)), m[:3]) not in told]


def _taken_over(doc_text: str, end_char: int, stop: int) -> bool:
    """A muscle the sentence says should not do the work ("... the quads from taking over")."""
    return _TAKE_OVER_RE.match(doc_text, end_char, stop) is not None


def _elided_muscle(doc: Doc, span, muscle_ends: set[int]) -> str | None:
    """The first muscle of "inner and outer thighs", "upper and lower back": its head word is left out.

    Not when the word before "and" ends a muscle of its own ("quads and hip muscles").
    """
    if len(span) < 2 or span.start < 2 or doc[span.start - 1].lower_ not in ("and", "or", "&", "/"):
        return None
    word = doc[span.start - 2]
    if not word.is_alpha or span.start - 1 in muscle_ends:
        return None
    term = " ".join([word.lower_, *(t.lower_ for t in span[1:])])
    return term if norm_tokens(term) in _vocab()["muscle_terms"] else None


# Words that name a place or are adjectives: with "muscles" after them the text names a group by where it is
# ("calf muscles", "deep abdominal muscles", "back muscles"), which stays as written.
_PLACE_HEADS = frozenset({"calf", "hip", "back", "thigh", "leg", "abdominal", "butt", "shoulder", "chest", "neck", "foot",
                          "shin", "stomach", "tummy", "trunk", "lumbar", "arm", "forearm", "groin", "posterior"})


def _muscle_term(text: str) -> str:
    """The muscle as named, without a trailing 'muscles' where the rest is the muscle's own name ("oblique muscles",
    "psoas muscles"), but not after a place ("calf muscles")."""
    term = " ".join(text.lower().split())
    head, _, last = term.rpartition(" ")
    if (head and last in ("muscle", "muscles") and norm_tokens(head) in _vocab()["muscle_terms"]
            and head.rpartition(" ")[2] not in _PLACE_HEADS):
        return head
    return term


def _name_equipment(doc: Doc, span) -> bool:
    """In an exercise name, a leading equipment word is equipment ("Bench plank"), the movement word is not ("Step ups")."""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    return bool(nxt) and nxt not in ("up", "ups", "down", "downs", "-", "over", "overs", "through", "and")


def _paces(doc: Doc, span) -> bool:
    """ "take small steps", "10 steps each way": paces walked, not a thing stood on."""
    if span.start == 0 or span.text.lower() != "steps":
        return False
    prev = doc[span.start - 1]
    return prev.lower_ in _STRIDE_SIZE or prev.like_num


def _noun_use(doc: Doc, span) -> bool:
    """An ambiguous equipment word ("step", "band", "box") used as a thing, not a movement."""
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    low = span.text.lower()
    motion = low in _MOTION_WORDS
    if motion and nxt in _NOT_NOUN_AFTER and prev in ("a", "one"):
        return False  # "take a step back", but "a chair with ...", "a desk with ..." are things
    if motion and nxt in _STEP_DIRECTIONS and prev not in ("the", "your", "this", "that"):
        return False  # "sit back and step sideways", "step wide"
    if low in ("weight", "weights", "load", "loads"):
        # Mostly an amount ("lower the weight", "add load"); a thing when held: "one weight in each hand",
        # but not the body's own ("shift your weight in your left foot").
        return nxt == "in" and prev not in ("your", "my", "body") or prev in ("one", "two")
    if prev in _NOUN_BEFORE:
        return True
    if span.text[:1].isupper() and span.start > 0 and not doc[span.start].is_sent_start:
        # Capitalised inside a sentence: a name ("the Bench"), unless it is the movement of one ("Step-Ups").
        return nxt not in _MOVEMENT_AFTER
    # "a porch step", "the garage bench": a determiner and one modifier before the thing,
    # unless the two words name an exercise.
    if (not motion and span.start >= 2 and doc[span.start - 2].lower_ in ("a", "an", "the", "your")
            and doc[span.start - 1].is_alpha and doc[span.start - 1].is_lower):
        return not any(e.start < span.start and e.end >= span.end for e in _spans(doc, EXERCISE_KEY))
    return False


# ---------------------------------------------------------------- assembly


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


def _canonical_entry(name: str, doc: Doc | None, offset: int) -> dict | None:
    index = _vocab()["alias_index"]
    tokens = norm_tokens(name)
    if tokens in index:
        return index[tokens]
    if doc is not None:
        spans = _exercise_spans_in(doc, offset, offset + len(name))
        if spans:
            best = max(spans, key=lambda s: (len(s.text), -s.start_char))
            return next((e for e in lexicon.load_exercises() if e["canonical"] == best.label_), None)
    return None


def _same_family(a: _Ex, tokens: tuple[str, ...], entry: dict | None) -> bool:
    if entry is not None and a.entry is not None and entry["canonical"] == a.entry["canonical"]:
        return True
    ta, tb = set(a.tokens), set(tokens)
    if not ta or not tb:
        return False
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return small <= big and (len(small) >= 2 or small == big) or a.tokens[-1:] == tokens[-1:]


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
                 named: bool = True, entry: dict | None = None, listed: bool = False) -> _Ex:
        entry = entry or _canonical_entry(name, doc, doc_offset)
        tokens = norm_tokens(name)
        ex = self.find(tokens, entry)
        if (ex is not None and listed and ex.listed and section is not None and ex.section is section and ex.tokens != tokens
                and not self._recap):
            # Two headings of one routine part name two variants ("Calf raise", then "Bent-knee calf raise"):
            # a name listed again is a repeat only in another part (a "videos" list after the routine),
            # or in a list that repeats the routine (a printable summary, see _recap).
            ex = None
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
            return ex
        ex = _Ex(name=name, start=start, end=end, entry=entry, named=named, section=section, tokens=tokens, listed=listed)
        self.exercises.append(ex)
        return ex

    # -- per-line helpers
    def add_terms(self, ex: _Ex, doc: Doc, start: int = 0, end: int | None = None, *, purpose: bool = False, in_name: bool = False,
                  listed: bool = False, things_only: bool = False) -> None:
        """Muscles and equipment of doc[start:end] tied to `ex`. `listed`: a label line listing what is
        worked ("Muscles worked: core and shoulders"), where every muscle named counts. `things_only`:
        equipment only (a prescription's load, "3 x 10, wearing the vest")."""
        muscles = () if things_only else _spans(doc, MUSCLE_KEY)
        equipment = _spans(doc, EQUIPMENT_KEY)
        if not muscles and not equipment:
            return  # everything below reads these spans
        view = self.view(doc)
        end = len(view) if end is None else end
        amb = _vocab()["ambiguous_equipment"]
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
            if equipment and _inside_equipment(span, equipment):
                continue  # "trap bar" is a thing
            if span.label_ in lexicon.load_connective_tissue():
                continue  # "the Achilles tendon" is loaded, but it is not a muscle
            musculature = span.end < len(doc) and doc[span.end].lower_ == "musculature"
            vague = low in _VAGUE_MUSCLES and not musculature and not listed
            if vague and _modifies_body_part(doc, span):
                continue  # "the back leg", "your hip joint"
            if purpose:
                if acting is None:
                    acting = _acting_ranges(view, start, end, subject=True)
                ranges = acting
            elif vague:
                if cue_acting is None:
                    cue_acting = [r for r in _acting_ranges(view, start, end) if not _RELAX_RE.match(r[2])]
                ranges = cue_acting
            else:
                ranges = None
            at = span.start_char
            if ranges is not None and not any(a <= at < b for a, b, _ in ranges) and not (
                    purpose and not vague and (_does_work(doc, view, span, end) or _muscle_subject(doc, span, start))):
                continue
            if vague and not _vague_as_noun(doc, span, muscle_ends):
                continue
            if _positional(doc, span, start) or _taken_over(view, span.end_char, end) or _held_or_faulted(doc, span):
                continue
            if span.end < len(doc) and doc[span.end].lower_ in _NOT_MUSCLE_AFTER:
                continue
            terms = [" ".join(low.split()) + " musculature" if musculature else _muscle_term(span.text)]
            elided = _elided_muscle(doc, span, muscle_ends)
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
                if ambiguous and (_paces(doc, span) or not (_noun_use(doc, span) or in_name and _name_equipment(doc, span)
                                        or _listed_after_equipment(doc, span, taken))):
                    continue
                taken.append(span.end)
                if term.endswith("ed") and term not in ("bed",):
                    term = span.label_  # "banded clams" use a band
                toks = set(norm_tokens(term))
                if any(toks <= set(norm_tokens(t)) for t in ex.equipment):
                    continue  # "the roller" after "foam roller"
                general = [t for t in ex.equipment if set(norm_tokens(t)) < toks]
                if general:  # "resistance band" after "band"
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
                    from dataclasses import replace
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

    def route_counted(self, doc: Doc, s_start: int, s_end: int, line: Line) -> bool:
        """Give each exercise of a list sentence the count said with it; whether the sentence was one.

        "Do three rounds of 12 squats, 10 push-ups and a 45-second plank": each name with its own
        number, the rounds said once for all of them.
        """
        counted = _counted_list(self.view(doc)[s_start:s_end], [
            (sp.start_char - s_start, sp.end_char - s_start) for sp in _spans(doc, EXERCISE_KEY)
            if s_start <= sp.start_char and sp.end_char <= s_end])
        if not counted:
            return False
        for (a, b), m in counted:
            sp_text = self.view(doc)[s_start + a:s_start + b]
            entry = _canonical_entry(sp_text, doc, s_start + a)
            self.counted_doses.append((norm_tokens(sp_text), entry, m, line.start + s_start))
        return True

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

    def sentences_of(self, doc: Doc, start: int = 0):
        for sent in self.sents(doc):
            if sent.end_char <= start:
                continue
            yield max(sent.start_char, start), sent.end_char

    # -- subject mentions: a sentence whose subject is another exercise starts that exercise
    def subject_mention(self, doc: Doc, s_start: int, s_end: int):
        for span in _spans(doc, EXERCISE_KEY):
            if span.start_char < s_start or span.end_char > s_end:
                continue
            before = [t for t in doc[:span.start] if t.idx >= s_start]
            before_words = [t.lower_ for t in before if not t.is_punct]
            after = doc[span.end:span.end + 2]
            nxt = after[0].lower_ if len(after) else ""
            if nxt in ("position", "positions", "stance", "variation", "version"):
                continue
            if before and before[-1].lower_ in ("of", "from", "into", "with"):
                continue
            if not before_words and span[0].lower_ in _verbs() and not span.text.lower().endswith("s"):
                continue  # "Step back with your left leg" is an instruction
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
        title_line = find_title(lines, boiler_flags, is_exercise=lambda t: exercise_like(t, None, 0))
        roles = [analyse_line(l, d) for l, d in zip(lines, docs)]
        if "\t" in self.text or "|" in self.text:
            for i, role in table_roles(self.text, lines).items():
                roles[i] = role
        end_at = _routine_end(roles, lines)

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
            if title_line is not None and line.index <= title_line.index:
                # The title and the page header above it (site name, menus, breadcrumbs): no routine text.
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
                elif nxt in ("prose", "label", "dose") and nxt_line is not None and nxt_line.gap <= 1 and (
                        exercise_like(role.name, doc, role.name_start) or not _PRONOUN_RE.search(role.name) and (
                            nxt == "label" or self._instructional(lines[i + 1], docs[i + 1], imperative=True))):
                    kind = "exercise"
                elif line.bullet and section is not None and len(role.name.split()) <= 5 and not _shouted(role.name):
                    # A short item of a list under a part's heading ("- Clock taps"); a numbered heading in
                    # capitals ("2. SAFETY FIRST") is a part of a document, not an item.
                    kind = "exercise"
                elif nxt == "prose" and not line.bullet and not _CLAUSE_HEAD_RE.match(role.name):
                    kind = "tentative"
                else:
                    kind = "other_heading"
            if kind in ("other_heading", "section", "combined", "tentative") and tentative is not None:
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
                for nm, s, e, ts, te in names:
                    ex = self.register(self.text[line.start + s: line.start + e], line.start + s, line.start + e, doc, s, section, listed=True)
                    for d in role.doses:
                        ex.doses.append((d, line.start, "list"))
                    self.add_terms(ex, doc, ts, te, in_name=True)
                    if section is not None and section.title:
                        self._section_terms(ex, section)
                    for par in _PAREN_RE.finditer(line.text[: role.desc_start or len(line.text)]):
                        inner = par.group(1)
                        if len(inner.split()) >= 4 and not dz.parse_dosages(inner) and (classify(inner) or ("",))[0] == "cue":
                            self.add_sentence([ex], par.start(1), par.end(1), doc, line)
                    current.append(ex)
                    if alone:
                        heading = ex
                in_list = True
                run = run + 1 if last_kind == "exercise" else 1
                if role.desc_start is not None:
                    for s, e in self.sentences_of(doc, role.desc_start):
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
                self._group_rule(line, doc, section, None, last_kind=last_kind)
                self._joint_sentences(line, doc)
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
        "you won't find leg curls here", "X is another option, but ..."): no exercise is made of it."""
        view = self.view(doc)
        before = _KEEP_IT_RE.sub(" ", view[max(s_start, span.start_char - 60):span.start_char])
        if not (_LEFT_OUT_BEFORE_RE.search(before) or _LEFT_OUT_RE.search(view, s_start, s_end) or _asks(view, s_start, s_end)):
            return False
        return self.find(norm_tokens(span.text), _canonical_entry(span.text, doc, span.start_char)) is None

    def _early_mention(self, doc: Doc, sent):
        """An exercise named within the first words of a sentence, not as an object ("of a push-up")."""
        for span in _spans(doc, EXERCISE_KEY):
            if span.start_char < sent.start_char or span.end_char > sent.end_char:
                continue
            if len(self.view(doc)[sent.start_char:span.start_char].split()) > 8:
                return None
            prev = doc[span.start - 1].lower_ if span.start > sent.start else ""
            nxt = doc[span.end].lower_ if span.end < len(doc) else ""
            if prev in ("of", "from", "into", "with", "your", "my") or nxt in ("position", "positions", "stance", "version"):
                continue
            if nxt == "-" and not doc[span.end - 1].whitespace_:
                continue  # the first word of a compound ("a walk-run plan"), not the exercise
            if self._left_out(doc, span, sent.start_char, sent.end_char):
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
        return sec

    def _section_terms(self, ex: _Ex, section: Section) -> None:
        """Equipment a section title names ("Foam Roller Exercises") is used by its exercises."""
        for m in _equipment_rx().finditer(section.title.lower()):
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
        span = (self.subject_mention(doc, first.start_char, first.end_char) or self._ordinal_naming(doc, first.start_char, first.end_char)
                or self._introduced(doc, first.start_char, first.end_char))
        if fresh and span is None:
            return current
        if span is None and new_unit:
            span = self._early_mention(doc, first)
        sig = match_signature(low) if self._instructional(line, doc) and not any(
            self._left_out(doc, sp, first.start_char, first.end_char)
            for sp in _spans(doc, EXERCISE_KEY) if sp.end_char <= first.end_char) else None
        # A mention of another exercise moves the paragraph there, unless it is a short name of the
        # current one ("hold a plank" while describing the side plank).
        first_mentions = []
        for sp in _spans(doc, EXERCISE_KEY):
            if sp.end_char <= first.end_char:
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
        if span is not None and self._left_out(doc, span, first.start_char, first.end_char):
            return current if fresh else []
        if span is not None:
            name = self.text[line.start + span.start_char: line.start + span.end_char]
            ex = self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
            return [ex]
        if new_unit or elsewhere:
            for sp in _spans(doc, EXERCISE_KEY):
                if sp.end_char > first.end_char:
                    break
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
        if not _INTRO_HINT(view[s_start:s_end]):
            return None
        m = _INTRO_RE.match(view, s_start, s_end)
        if m is None or m.group("clause") and _VARIANT_CLAUSE_RE.search(m.group("clause")):
            return None
        for sp in _spans(doc, EXERCISE_KEY):
            if sp.start_char == m.end():
                return sp if _INTRO_TAIL_RE.match(view, sp.end_char, s_end) else None
        return None

    def _reader_question(self, line: Line, doc: Doc) -> bool:
        """A reader's question standing alone: "Q: ...", or one short question naming no exercise."""
        text = line.text.strip()
        if _QUESTION_LEAD_RE.match(text):
            return True
        return (text.endswith("?") and len(line.words) <= 15 and len(self.sents(doc)) == 1
                and not _spans(doc, EXERCISE_KEY))

    def _named_later(self, line: Line, doc: Doc, section: Section | None) -> _Ex | None:
        """The exercise a later sentence of an unowned paragraph is about.

        Introduced by order ("So the first move is the sit-to-stand."): the paragraph is about it from
        its start (the sentences before say why). An exercise already met as a later sentence's subject
        ("The wall sit builds ...", after a reader's question): from that sentence on (see _walk_sentences).
        """
        for n, (s, e) in enumerate(self.sentences_of(doc)):
            if n == 0:
                continue
            span = self._ordinal_naming(doc, s, e)
            if span is not None:
                name = self.text[line.start + span.start_char: line.start + span.end_char]
                return self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
            span = self.subject_mention(doc, s, e) or self._introduced(doc, s, e)
            if span is not None:
                self._starts_at = (line.index, n)
                name = self.text[line.start + span.start_char: line.start + span.end_char]
                return self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
        return None

    def _naming_fragment(self, doc: Doc, s_start: int, s_end: int) -> bool:
        """A sequence word and an exercise's name, with at most a few words after it ("Finally, a side plank
        from your knees.")."""
        view = self.view(doc)
        head, comma, rest = view[s_start:s_end].partition(",")
        if not comma or head.strip().lower() not in _SEQUENCE_WORDS:
            return False
        at = s_start + len(head) + 1
        for sp in _spans(doc, EXERCISE_KEY):
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
        return next((sp for sp in _spans(doc, EXERCISE_KEY) if m.end() <= sp.start_char < s_end
                     and sp.start_char - m.end() <= 6), None)

    def _joint_subjects(self, doc: Doc, s_start: int, s_end: int) -> list[_Ex]:
        """The exercises of a sentence whose subject lists several of the routine's exercises
        ("The squat and the step-up build the quads", "Side planks, bird dogs and carries all train ...")."""
        spans = [sp for sp in _spans(doc, EXERCISE_KEY) if s_start <= sp.start_char and sp.end_char <= s_end]
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
        if len(_spans(doc, EXERCISE_KEY)) < 2:
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
                if span is not None and not self._left_out(doc, span, s, e):
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
            if self.route_counted(doc, sent.start_char, sent.end_char, line):
                continue  # counts of the exercises it names, not a rule for all
            st = sent_text.lower()
            if _ARTICLE_WIDE_RE.search(st) and not _OF_EACH_ONE_RE.search(st):
                # a harder variant's numbers ("add weight and drop back to 8 reps") are no rule for all
                sink.extend(m for m in dz.parse_dosages(sent_text) if (m.sets or m.reps or m.seconds) and m.stage != "progression")
            elif _REPEAT_WHOLE_RE.search(st):
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
            author=find_author(self.lines, self.text),
            frequency_min=self.frequency[0] if self.frequency else None,
            frequency_max=self.frequency[1] if self.frequency else None,
            sections=self.sections,
            exercises=exercises,
        )
        if not exercises:
            art.flags.append("no_exercises")
        return art

    def _dosages(self, ex: _Ex) -> list[Dosage]:
        isometric = bool(ex.entry and ex.entry.get("isometric"))
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
        # Inheritance: what the section gives (its heading's sets, then its rules), then the article's rules.
        # Sets given at any stage ("start with 1 set of 5, build up to 2 sets of 15") are the exercise's own.
        sec = ex.section
        rules: list[tuple[str, dz.DoseMention]] = []
        if sec is not None:
            if sec.sets_min is not None:
                rules.append(("section", dz.DoseMention(stage="main", sets=(sec.sets_min, sec.sets_max))))
            rules += [("section", m) for m in self.section_doses.get(id(sec), ())]
        warm = sec is not None and any(w in sec.title.lower() for w in _vocab()["warmup"])
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


def _counted_list(sentence: str, names: list[tuple[int, int]]) -> list[tuple[tuple[int, int], dz.DoseMention]] | None:
    """(name span, its dose) for each exercise a list sentence counts; None unless at least two are.

    Each name is read with a neutral unit in its place ("12 goblet squats" as "12 reps"), in its own
    stretch of the sentence (cut at the list's commas and "and"s), so a count, and "per leg" after
    it, stays with its name.  Sets said with the first item ("three rounds of 12 squats, ...",
    "two sets each of 8 lunges and 15 ...") are every item's.
    """
    if len(names) < 2:
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
            if (ms < b and me > a) or (me <= a and _COUNT_TO_NAME_RE.fullmatch(work_text, me, a)) or (
                    ms >= b and _NAME_TO_COUNT_RE.fullmatch(work_text, b, ms)):
                own = _shift(m, lo)
                break
        if own is not None:
            out.append(((a, b), own))
    if len(out) < 2:
        return None
    first = out[0][1]
    if first.sets:
        from dataclasses import replace
        out = [(span, m if m.sets else replace(m, sets=first.sets)) for span, m in out]
    return out


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


# ---------------------------------------------------------------- tables

_CELL_SPLIT_RE = re.compile(r"\t+|\s*\|\s*")
_SETS_CELL_RE = re.compile(r"^\s*(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?\s*$")


def _cells(raw: str, pipes: bool) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of a table row; `raw` is the line as published (tabs kept)."""
    out = []
    pos = 0
    for m in [*(_CELL_SPLIT_RE if pipes else re.compile(r"\t+")).finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        a, b = pos, end
        while a < b and raw[a].isspace():
            a += 1
        while b > a and raw[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        if m is not None:
            pos = m.end()
    return out


def _column_kinds(text: str, cells: list[tuple[int, int]]) -> list[str] | None:
    """What each column of a header row holds ("name", "sets", "amount", "dose", "notes", "other"),
    or None when the row is not a header: its first cell must name the exercise column and one
    other cell a known column."""
    columns = _vocab()["table_columns"]
    kinds = [columns.get(" ".join(text[a:b].lower().strip(" :*").split()), "other") for a, b in cells]
    if len(kinds) < 2 or kinds[0] != "name" or kinds.count("other") == len(kinds) - 1:
        return None
    return kinds


def _name_column(text: str, cell: tuple[int, int]) -> bool:
    """The cell heads the exercise column ("Exercise", "Movement")."""
    a, b = cell
    return _vocab()["table_columns"].get(" ".join(text[a:b].lower().strip(" :*").split())) == "name"


def _cell_dose(cell: str, at: int, sets: tuple[int, int] | None, amount: bool) -> dz.DoseMention | None:
    """The prescription of one row from its sets cell and its amount (reps or time) or "3 x 10" cell."""
    got = dz.parse_dosages(cell, list_item=amount)
    m = got[0] if got else None
    if m is None and sets is None:
        return None
    from dataclasses import replace
    if m is None:
        return dz.DoseMention(stage="main", sets=sets, start=at, end=at + len(cell), text=cell)
    return replace(m, sets=m.sets or sets, start=at + m.start, end=at + m.end)


def _table_row(text: str, cells: list[tuple[int, int]], kinds: list[str]) -> Role | None:
    """An exercise row of a routine table: its name, the prescription of its sets/reps columns, and
    its notes column as the description."""
    (a, b) = cells[0]
    name, cut = _clean_name(text[a:b])
    if not name or not _wordy(name) or len(name.split()) > 8 or _function_start(name):
        return None
    sets = None
    amount: list[tuple[str, int]] = []
    desc = None
    for (s, e), kind in zip(cells[1:], kinds[1:]):
        cell = text[s:e]
        if kind == "sets":
            m = _SETS_CELL_RE.match(cell)
            if m:
                sets = (int(m.group(1)), int(m.group(2) or m.group(1)))
        elif kind in ("amount", "dose"):
            amount.append((cell, s))
        elif kind == "notes" and desc is None:
            desc = s
    doses = []
    for cell, at in amount or [("", cells[0][1])]:
        d = _cell_dose(cell, at, sets, amount=True)
        if d is not None:
            doses.append(d)
    ns = a + cut
    return Role("exercise", name=name, name_start=ns, name_end=ns + len(name), doses=doses, desc_start=desc)


def table_roles(text: str, lines: list[Line]) -> dict[int, Role]:
    """Roles of the rows of routine tables, by line index. A table flattened to text keeps its cells
    apart with tabs (or pipes); its header row says which cell is the name, the sets, the reps or
    time, the notes. `text` is the published article (tabs kept; the lines' text has spaces)."""
    out: dict[int, Role] = {}
    kinds: list[str] | None = None
    for line in lines:
        raw = text[line.start:line.end]
        pipes = raw.startswith("|") and raw.count("|") >= 3
        if "\t" not in raw and not pipes:
            kinds = None
            continue
        cells = _cells(raw, pipes)
        header = _column_kinds(line.text, cells)
        if header is not None:
            kinds = header
            out[line.index] = Role("table_header")
        elif len(cells) >= 2 and _name_column(line.text, cells[0]):
            # "Exercise | Weeks 1-4 | Weeks 5-8": a header whose other columns are periods, not known
            # kinds. Still a header (not a part's heading); its rows are read as list lines.
            kinds = None
            out[line.index] = Role("table_header")
        elif kinds is not None and len(cells) >= 2:
            role = _table_row(line.text, cells, kinds + ["other"] * (len(cells) - len(kinds)))
            if role is not None:
                out[line.index] = role
    return out


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


def build_article(raw: RawArticle, lines: list[Line], docs: list[Doc]) -> Article:
    return _Builder(raw, lines, docs).build()
