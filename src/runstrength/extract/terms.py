"""Muscle and equipment words in context: what a mention means where it stands.

Whether a body word names a muscle worked or a place or a form fault ("lie on your back", "without
arching your lower back"), whether an ambiguous equipment word ("step", "band", "weight") is a thing
or a movement or an amount, and which stretches of a sentence an action verb acts on. Pure tests on
a spaCy doc and its text, with none of the assembler's state, so they stand apart from the _Builder
that decides which exercise a muscle or a piece of equipment goes to.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from runstrength.extract import lexicon
from runstrength.extract.nlp import EXERCISE_KEY, norm_tokens
from runstrength.extract.roles import doc_spans
from runstrength.extract.vocab import vocab


_ACTION_RE = re.compile(
    r"\b(strengthen\w*|activat\w*|target\w*|engag\w*|isolat\w*|works?|working|train\w*|stretch\w*|lengthen\w*|"
    r"recruit\w*|uses?|using|mobili[sz]\w*|open\w* up|build\w*|stabili[sz]\w*|tone\w*|load\w*|squeez\w*|fir\w*|"
    r"hit\w*|challeng\w*|develop\w*|tolerate|wak\w* up|release\w*|loosen\w*|relax\w*|requires?|involv\w*|assists?|"
    r"retrain\w*|switch\w* on|turn\w* on|teach\w*|hammer\w*|bias\w*|groov\w*|rehears\w*|"
    r"burns?|opens?|(?:hard|tough|demanding|brutal|easy|gentle|kind) on|"  # "it burns the quads", "hard on the calves"
    r"mak\w*(?= (?:your|the) [^.;,]{0,40}?\bstrong)|"  # "makes your shoulders and arms strong"
    r"(?:get|gets|getting|put|puts|putting)(?= [^.;,]{0,40}?\bunder (?:load|tension)\b)|"  # "put your calves under load"
    r"(?:best|great|good|ideal|perfect|excellent|top)\b[^.;,]{0,30}?\bfor|"  # "the best move in the routine for the hamstrings"
    r"benefits?|(?:moves?|exercises?|lifts?|drills?|options?|work|one) for)\b", re.I)  # "my favourite move for the hamstrings", "the big one for the calves"
_CLAUSE_END_RE = re.compile(r"[;.!?]|,\s*(which|that|while|as|but|so|and then)\b|\b(than|while|because)\b", re.I)
_NOUN_BEFORE = {"a", "an", "the", "your", "on", "onto", "off", "with", "using", "against", "small", "stable", "sturdy",
                "flat", "low", "high", "light", "heavy", "resistance", "looped", "mini", "one", "or", "and", "of",
                "into", "from", "behind", "under", "over", "around", "two", "(", "yoga", "exercise", "same",
                # a size: "a 20 cm step", "a 12-inch box"
                "cm", "mm", "inch", "inches", "centimetre", "centimetres", "centimeter", "centimeters"}
# Body words that name a muscle group only when something acts on them ("engage your back", not "a flat back"),
# and only as a noun: after "your"/"the" or in a list of muscles ("glutes, back and shoulders"), not as an
# adverb ("sit back", "pull your shoulder blades back").
VAGUE_MUSCLES = {"back", "shoulder", "shoulders", "chest", "arm", "arms", "leg", "legs", "hip", "hips", "neck", "thigh", "thighs",
                  "forearm", "forearms", "shin", "shins", "grip"}
_VAGUE_DET = {"your", "the", "my", "our", "their", "his", "her"}
# "lower back", "upper back": in a cue mostly where the body stays or what must not move ("keep your lower back
# flat", "if your lower back lifts"), so, like the vague words, a muscle there only when something acts on it.
_PLACE_LEVELS = frozenset({"lower", "low", "upper", "mid", "middle"})
_LIST_JOIN = {",", "and", "or", "&", "/"}
# "feel it burn in your quads", "tension through the hamstrings": after these the muscle is what is worked, not a place.
# "builds strength in the quads", "endurance in your calves" too.
_FELT_RE = re.compile(r"^(stretch|feel|felt|tight|tension|burn|fatigu|sensation|work|strength|power|endurance|stabilit|control)")
_FELT_PREPS = {"in", "through", "along", "into", "across", "to", "onto"}  # "shifts the work to the calves" too
# "in line with your hips", "level with your knees": a place.
_ALIGNED_BEFORE_WITH = {"line", "level", "aligned", "even", "inline", "flush"}
# "don't let the quads take over", "stop the lower back from compensating": the muscle NOT to use.
# Matched (Pattern.match) right after the muscle: at most three words before the verb.
_TAKE_OVER_RE = re.compile(r"(?:\W+\w+){0,3}?\W+(?:(?:tak(?:e|es|ing)|took) over\b|(?:over)?(?:dominat|compensat))", re.I)
# A purpose sentence whose subject is the exercise ("This exercise gets your glutes and hamstrings working")
# ties the muscles of its first clause to it.
# So does "This keeps the quads working" and "It's the calves that ...".
_EXERCISE_SUBJECT_RE = re.compile(r"^\W*(?:(?:this|these|the|that)(?: [\w-]+){0,2}? (?:exercises?|moves?|movements?|drills?|stretch(?:es)?|variations?|one|lifts?)\b"
                                  r"|(?:this|it|these|they) (?=(?:gets|get|keeps|keep|puts|put)\b)|it(?:'s|’s| is)(?= the\b))", re.I)
# In a purpose sentence, a muscle that does the work is worked though no verb acts on it:
# "your adductors (inner thighs) are doing the work", "the calves take more load", "a hamstring exercise".
# Matched (Pattern.match) right after the muscle.
# "the hamstrings work much harder than ..." too.
_DOES_WORK_RE = re.compile(r"(?:\s*\([^)]*\))?(?:\W+\w+){0,3}?\W+(?:(?:are|is)\s+)?(?:do|does|doing|did|take|takes|taking|handle|handles|"
                           r"absorb|absorbs|carry|carries|work|works|working)\b[^.;,]{0,30}?\b(?:work|load|loads|force|forces|share|beating|pounding|impact|brunt|harder)\b", re.I)
# "Strong glutes take load off your knees": in a purpose sentence a muscle said to be strong (or weak) is what is trained.
_STRENGTH_BEFORE = {"strong", "stronger", "weak", "weaker", "powerful", "resilient"}
_WEAKNESS_NOUNS = {"weakness", "weaknesses", "deficit", "deficits", "tightness", "fatigue"}
_TRAINED_NOUN_AFTER = {"lift", "lifts", "exercise", "exercises", "work", "strength", "strengthening", "drill", "drills",
                       "endurance", "power", "activation", "move", "moves", "stability", "builder", "builders"}
_DETERMINERS = frozenset({"a", "an", "the", "your", "this", "that", "my", "one", "each"})
# Words that liken a thing to a ball or say what one is, shortly before it.
_LIKENED_BY = frozenset({"like", "into", "is", "are", "resembles"})
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
# After a movement word, what is moved makes it the verb ("step your foot back", "step one leg through", "step into it").
_STEP_OBJECTS = frozenset({"your", "one", "both", "each", "the", "it", "into"})
_NOT_NOUN_AFTER = {"forward", "forwards", "back", "backward", "backwards", "sideways", "out", "up", "down", "to", "with", "across", "over", "through"}


def acting_ranges(doc_text: str, start: int, end: int, *, subject: bool = False) -> list[tuple[int, int, str]]:
    """Character ranges of a sentence where an action verb acts on what follows it, with the verb.

    With `subject`, the first clause of a sentence whose subject is the exercise
    ("This exercise gets your glutes working") is one such range too.
    """
    return [(start + a, start + b, verb) for a, b, verb in _acting_in(doc_text[start:end], subject)]


# Keyed on the sentence alone, not its line: the ranges depend on the sentence's text only, and a templated
# page repeats its sentences word for word where its paragraphs differ. The _ACTION_RE scan was most of
# acting_ranges' time (~1.5% of extraction).
@lru_cache(maxsize=8192)
def _acting_in(text: str, subject: bool) -> tuple[tuple[int, int, str], ...]:
    """acting_ranges of the sentence `text`, in its own offsets."""
    out = []
    if subject:
        m = _EXERCISE_SUBJECT_RE.match(text)
        if m:
            stop = _CLAUSE_END_RE.search(text, m.end())
            out.append((m.end(), stop.start() if stop else len(text), ""))
    for m in _ACTION_RE.finditer(text):
        stop = _CLAUSE_END_RE.search(text, m.end())
        out.append((m.end(), stop.start() if stop else len(text), m.group(0)))
    return tuple(out)


@lru_cache(maxsize=1)
def equipment_rx() -> re.Pattern[str]:
    variants = sorted({v.lower() for vs in lexicon.load_equipment().values() for v in vs}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in variants) + r")\b")


def positional(doc: Doc, span, sent_start: int = 0) -> bool:
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


def listed_after_equipment(doc: Doc, span, taken: list[int]) -> bool:
    """An ambiguous word listed after equipment ("on a small step, stairs or a box"), not a movement."""
    if span.text.lower() in _MOTION_WORDS or span.start == 0 or doc[span.start - 1].text != ",":
        return False
    return any(span.start - 6 <= e < span.start for e in taken)


def back_region(span) -> bool:
    """A vague body word after a word saying which part of it ("lower back", "mid-back")."""
    words = [t.lower_ for t in span if t.text != "-"]
    return len(words) >= 2 and words[-1] in VAGUE_MUSCLES and all(w in _PLACE_LEVELS for w in words[:-1])


def set_against(doc: Doc, span) -> bool:
    """A muscle set against the one worked ("... works the abs, not your lower back"): not trained."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _VAGUE_DET:
        i -= 1
    return i >= 0 and doc[i].lower_ == "not" and i > 0 and doc[i - 1].text in (",", ";", "-", "—")


def vague_as_noun(doc: Doc, span, muscle_ends: set[int]) -> bool:
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


def does_work(doc: Doc, doc_text: str, span, stop: int) -> bool:
    """A muscle that does the work ("the calves take more load"), that an exercise is for ("a hamstring lift")
    or that it makes strong ("strong glutes take load off the knees")."""
    if span.end < len(doc) and doc[span.end].lower_ in _TRAINED_NOUN_AFTER:
        return True
    if span.end + 2 < len(doc) and doc[span.end].lower_ in ("and", "&", "/") and doc[span.end + 2].lower_ in _TRAINED_NOUN_AFTER:
        return True  # "a quad and glute builder": the noun is shared by both muscles
    if span.start > 0 and doc[span.start - 1].lower_ in _STRENGTH_BEFORE or _DOES_WORK_RE.match(doc_text, span.end_char, stop) is not None:
        return True
    # "Weakness in the gluteus medius lets the knee drift": the muscle weak, so the one to train.
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in ("the", "your"):
        i -= 1
    return i >= 1 and doc[i].lower_ in ("in", "of") and doc[i - 1].lower_ in _WEAKNESS_NOUNS


# Words that may open a sentence before its subject muscle ("Your calves absorb ...", "Strong glutes take ...").
_SUBJECT_LEAD = frozenset({"your", "the", "my", "our", "a", "strong", "stronger", "weak", "weaker", "tight", "tired",
                           "powerful", "resilient", "both", "these", "those"})


def muscle_subject(doc: Doc, span, sent_start: int) -> bool:
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


def held_or_faulted(doc: Doc, span) -> bool:
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


def inside_equipment(span, equipment) -> bool:
    """A muscle word inside a longer equipment name ("trap bar")."""
    return any(e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in equipment)


def modifies_body_part(doc: Doc, span) -> bool:
    """A vague body word used as a modifier of a body part ("the back knee", "hip joint", "the back calf")
    or naming a side of one ("the back of your thigh"), not a muscle."""
    if span.end >= len(doc):
        return False
    nxt = norm_tokens(doc[span.end].text)
    return (nxt in vocab()["regions"] or doc[span.end].lower_ in VAGUE_MUSCLES or doc[span.end].lower_ == "of"
            or nxt in vocab()["muscle_terms"])


def taken_over(doc_text: str, end_char: int, stop: int) -> bool:
    """A muscle the sentence says should not do the work ("... the quads from taking over")."""
    return _TAKE_OVER_RE.match(doc_text, end_char, stop) is not None


def elided_muscle(doc: Doc, span, muscle_ends: set[int]) -> str | None:
    """The first muscle of "inner and outer thighs", "upper and lower back": its head word is left out.

    Not when the word before "and" ends a muscle of its own ("quads and hip muscles").
    """
    if len(span) < 2 or span.start < 2 or doc[span.start - 1].lower_ not in ("and", "or", "&", "/"):
        return None
    word = doc[span.start - 2]
    if not word.is_alpha or span.start - 1 in muscle_ends:
        return None
    term = " ".join([word.lower_, *(t.lower_ for t in span[1:])])
    return term if norm_tokens(term) in vocab()["muscle_terms"] else None


# Words that name a place or are adjectives: with "muscles" after them the text names a group by where it is
# ("calf muscles", "deep abdominal muscles", "back muscles"), which stays as written.
_PLACE_HEADS = frozenset({"calf", "hip", "back", "thigh", "leg", "abdominal", "butt", "shoulder", "chest", "neck", "foot",
                          "shin", "stomach", "tummy", "trunk", "lumbar", "arm", "forearm", "groin", "posterior"})


def muscle_term(text: str) -> str:
    """The muscle as named, without a trailing 'muscles' where the rest is the muscle's own name ("oblique muscles",
    "psoas muscles"), but not after a place ("calf muscles"). One muscle named by its place is that muscle
    ("a tight calf muscle" is the calf)."""
    term = " ".join(text.lower().split())
    head, _, last = term.rpartition(" ")
    if (head and last in ("muscle", "muscles") and norm_tokens(head) in vocab()["muscle_terms"]
            and (last == "muscle" or head.rpartition(" ")[2] not in _PLACE_HEADS)):
        return head
    return term


# Equipment words that open a common exercise name without the thing being needed: the couch stretch is
# mostly done against a wall or on the floor; bicycle crunches pedal like one, on the floor.
_NAMED_AFTER_NOT_USED = frozenset({"couch", "bicycle"})
# "Weight shifts", "weight transfer drill", "weight-bearing lunge": the body's own weight moved or carried.
_BODY_WEIGHT_AFTER = frozenset({"shift", "shifts", "shifting", "transfer", "transfers", "transferring", "bearing"})


def name_equipment(doc: Doc, span) -> bool:
    """In an exercise name, a leading equipment word is equipment ("Bench plank"), the movement word is not ("Step ups")."""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    if span.text.lower() in _NAMED_AFTER_NOT_USED:
        return False
    if span.text.lower() in ("weight", "weights") and nxt in _BODY_WEIGHT_AFTER:
        return False
    return bool(nxt) and nxt not in ("up", "ups", "down", "downs", "-", "over", "overs", "through", "and")


def paces(doc: Doc, span) -> bool:
    """ "take small steps", "10 steps each way": paces walked, not a thing stood on."""
    if span.start == 0 or span.text.lower() != "steps":
        return False
    prev = doc[span.start - 1]
    return prev.lower_ in _STRIDE_SIZE or prev.like_num


def _likened(doc: Doc, at: int) -> bool:
    """Whether the thing at token `at` follows "like a", "into a", "is a" or the like, with at most one word
    describing it between ("is a heavy ball")."""
    k = at - 1
    if k >= 0 and doc[k].lower_ not in ("a", "an") and doc[k].is_alpha:
        k -= 1
    return k >= 1 and doc[k].lower_ in ("a", "an") and doc[k - 1].lower_ in _LIKENED_BY


def noun_use(doc: Doc, span) -> bool:
    """An ambiguous equipment word ("step", "band", "box") used as a thing, not a movement."""
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    low = span.text.lower()
    motion = low in _MOTION_WORDS
    before = doc[span.start - 2].lower_ if span.start > 1 else ""
    if motion and nxt in _NOT_NOUN_AFTER and prev in ("a", "one") and before not in _POSITION_BEFORE:
        return False  # "take a step back", but "a chair with ...", "a desk with ...", "on a step with ..." are things
    if motion and nxt in _STEP_DIRECTIONS and prev not in ("the", "your", "this", "that"):
        return False  # "sit back and step sideways", "step wide"
    if motion and (nxt in _STEP_OBJECTS or nxt == "-" and not doc[span.end - 1].whitespace_) and prev not in _DETERMINERS:
        return False  # "and step your feet back", "pairs well with step-ups"
    if low in ("ball", "balls") and (nxt in ("of", "-") or prev not in _NOUN_BEFORE and span.text.islower()
                                      or _likened(doc, span.start)):
        # "the ball of your foot", "ball-and-socket"; and a ball likened or described ("curl up into a ball",
        # "rolling like a ball", "a kettlebell is a heavy ball with a handle", "a dense ball") is what something
        # else looks like, not one more thing to hold.
        return False
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
        return not any(e.start < span.start and e.end >= span.end for e in doc_spans(doc, EXERCISE_KEY))
    return False
