"""Who a paragraph or a sentence is about.

A paragraph describes the exercise of the heading above it unless its first sentence makes another
exercise its subject ("The squat is ..."), introduces one ("When that is easy, add a side plank."),
names one in order ("The second move is ..."), describes a movement signature, or, later on, names
the movement it has just described ("... - that's the adductor squeeze."). An exercise named only to
be left out, asked about or required first ("once you can do 20 squats") is no subject.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from runstrength.extract import lexicon
from runstrength.extract.gates import AnyOf
from runstrength.extract.line_names import benefit_line
from runstrength.extract.nlp import EXERCISE_KEY, norm_tokens
from runstrength.extract.registry import Ex, canonical_entry, in_family_of
from runstrength.extract.roles import INTRO_HINT, INTRO_RE, doc_spans, exercise_spans_in
from runstrength.extract.sentences import alternation, classify, starts_imperative, words_of
from runstrength.extract.signatures import match_signature
from runstrength.extract.text import Line
from runstrength.extract.vocab import ends_with_head, vocab
from runstrength.model import Section


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
# The next sentence turning away from what this one names: "Gyms are full of leg curl machines. Avoid them early on."
_LEFT_OUT_NEXT_RE = re.compile(
    r"\s*(?:so\s+|but\s+|just\s+)?(?:skip|avoid|drop|ditch|forget(?: about)?|leave out|steer clear of)\s+(?:those|these|them|it|that|both)\b", re.I)
# Said right after the exercise it dismisses: "Box jumps are fun, but they won't fix this", "Clams are far too
# easy to make a difference".
_DISMISSED_AFTER_RE = re.compile(
    r"\W*(?:[\w'\u2019]+\W+){0,8}?(?:(?:won't|will not|wouldn't|don't|do not|doesn't|does not|can't|cannot)\s+"
    r"(?:fix|solve|help|change|make (?:a|any|much|the) difference)|too (?:easy|light|gentle) to (?:make|do|change))\b", re.I)
_DISMISSED_HINT = AnyOf("n't", "n\u2019t", "not", "too")  # every match holds one (speed pre-filter)
# A question, asked or reported, only names what is asked about ("Would clamshells help?",
# "Runners often ask whether they should foam roll"): the routine is in the answer.
# A mention said of every exercise of its kind ("of each heel drop", "both lunges"), right before the name.
_EACH_OF_KIND_RE = re.compile(r"\b(?:each|both|all)(?: of the)?\s+$", re.I)
_ASKED_RE = re.compile(r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\b(?:\s+\w+){0,2}?\s+(?:whether|if|about)\b", re.I)
_ASKED_HINT = AnyOf("ask", "wonder")


def _asks(view: str, start: int, end: int) -> bool:
    """The sentence view[start:end] is a question or reports one."""
    sent = view[start:end].rstrip()
    if sent.endswith("?"):
        return True
    return _ASKED_HINT(sent) and _ASKED_RE.search(sent) is not None
_KEEP_IT_RE = re.compile(r"\b(?:don't|do not|never)\s+(?:skip|forget|neglect|miss|rush)\b", re.I)
# A reader's question ("Q: How heavy should it feel?", "What about plyometrics?") heads an answer, not an exercise.
_QUESTION_LEAD_RE = re.compile(r"^\W*(?:q|question)\s*[:.)\-]", re.I)
# "So the first move is the sit-to-stand.", "The second is heel raises": a sentence that introduces the next exercise.
# (Used with Pattern.match at a sentence start, so no "^".)
_ORDINAL_NAMING_RE = re.compile(r"\W*(?:so |and |now |then )?(?:the |my |our )?(?:first|second|third|fourth|fifth|sixth|next|last|final)"
                                r"(?: (?:move|exercise|one|drill|stretch|step))? (?:is|will be|up is)\b", re.I)
# After an ordinal naming, a name in quotes that ends the sentence ("... is called 'skater hops'.", "... is the “sock slide”").
_QUOTED_NAME_RE = re.compile(r"\s*(?:called\s+|known\s+as\s+|named\s+)?(?:the\s+|a\s+)?['‘“\"](?P<name>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)"
                             r"[,.!]?['’”\"]\s*[.!]?\s*$")
_QUOTED_LABEL = "quoted_name"
# A sentence that names, at its end, the movement it has just described: "... - that's the adductor squeeze.",
# "..., which is called a Copenhagen plank." (searched within the sentence; the name runs to its end).
_NAMED_AS_RE = re.compile(
    r"(?:^|[-,;:(]\s*|\s)(?:that's|that is|this is|it's|it is|which is)\s+(?:called\s+|known as\s+)?(?:the|a|an)\s+"
    r"(?P<name>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,4}?)\s*[.!)]?\s*$", re.I)
_NAMED_AS_HINT = AnyOf("that", "this", "it's", "it is", "which", "That", "This", "It's", "It is")
# An instruction that gives the move's name in brackets at its end ("Lie back and lift your hips (glute bridge).").
_BRACKET_NAME_RE = re.compile(r"\((?:the\s+|an?\s+)?(?P<name>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,5})\)\W*$", re.I)
# Nouns after an exercise's name that make it a word of another thing: its position or version, or the kit
# it is done on ("a pull-up bar", "the squat rack", "a dip station"), or a toy it names ("like a pogo stick").
_NOT_THE_MOVE_AFTER = frozenset({"position", "positions", "stance", "version", "bar", "bars", "rack", "racks", "station",
                                 "stations", "machine", "machines", "stick", "sticks"})
# Sequence words that may open a sentence naming the next exercise ("Finally, a side plank from your knees.").
_SEQUENCE_WORDS = {"first", "firstly", "second", "secondly", "third", "thirdly", "fourth", "fifth", "next", "then", "finally",
                   "lastly", "last", "now"}


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from runstrength.extract import sentences

    return sentences.vocab()["imperative_verbs_set"]


# A capability the reader must have before the exercise, naming another one ("Only try these once you
# can do 3 x 20 squats", "when you have mastered the plank"): ends where the clause does.
# The second branch names its conjunctions itself: it has no "if" ("if you have ..."), which the shared list has.
_PREREQUISITE_RE = re.compile(r"\b(?:(?:" + alternation("readiness_conjunctions") + r"|until|after)\s+you\s+(?:can|could|are\s+able\s+to)"
                              r"|(?:once|when|until|after)\s+you\s+(?:have|['’]ve))\b[^,;:.!?]*$", re.I)
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
# A sentence whose first word or two are its subject ("Jump training seems to work", "Squats are ..."): no instruction.
# A notice to the reader that reads like an order ("Please note ...", "Please seek advice ..."), no step of a move.
_NOTICE_RE = re.compile(r"\W*(?:please\s+(?:note|see|read|contact|consult|seek|check|remember)|note\s+that)\b", re.I)
_NOUN_SUBJECT_RE = re.compile(r"^\W*[\w'-]+(?:\s+[\w'-]+)?\s+(?:is|are|was|were|seems?|appears?|has|have|helps?|works?|means?)\b", re.I)
# The set-up may follow a turn to the next move: "To finish the session, lie ...", "Finally, stand ...".
_SETUP_VERB_RE = re.compile(r"^\W*(?:(?:to (?:finish|end|close|round off|wrap up)|finally|lastly|last|next)\b[^,.;:]{0,30},\s*)?"
                            r"(lie|lying|stand|standing|start|begin|sit|sitting|kneel|kneeling|get|position|place)\b", re.I)
# The words that give a described movement its name ("that's the ...", "known as a ..."), a word or two before it.
_NAMES_IT_RE = re.compile(r"\b(?:that(?:'s|’s| is)|this is|(?:is|are) called|known as)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}$",
                          re.I)
# A phrase of how the body is held before the order it qualifies ("With your knees bent, ...").
# A place or position said first counts too ("On an 8 inch step, stand ...", "From a plank, drive ..."); a time
# said first ("On race day, drop ...") opens advice on the plan, not a move's how-to.
_OPENING_PHRASE_RE = re.compile(r"^\W*(?:(?:with|keeping|holding|using)\b|(?:on|from|against|facing)\b"
                                r"(?![^,.;:]*\b(?:days?|weeks?|mornings?|evenings?|nights?|race|runs?|sessions?)\b))[^,.;:]{3,60},\s*", re.I)
# One move as a sentence's subject: "This exercise ...", "This drill ...", "The stretch ...".
_ONE_MOVE_SUBJECT_RE = re.compile(r"^\W*(?:this|the)\s+(?:exercise|drill|stretch|move|movement|one|variation)\b", re.I)
_FOR_ALL_RE = re.compile(
    r"\b(for|in) (all|each|every) (of )?(the |these |this )?(moves?|exercises?|activit(y|ies)|one)\b|\b(all|each|every) (moves?|exercises?)\b"
    r"|\brepeat (this|the|that) (whole |entire )?(routine|circuit|workout|sequence|series)\b")
# A clause before the verb that makes what is added a harder or easier version ("To make it harder, add a hop").
_VARIANT_CLAUSE_RE = re.compile(r"\b(?:harder|easier|challeng\w*|progress\w*|advanc\w*|regress\w*|intensity|tougher)\b", re.I)
# After the introduced name (matched up to the sentence's end): the end, a colon, or a few words of
# set-up before one ("Try a lateral lunge on a slope: ..."), or how long after a comma ("Next, add a side
# plank, holding for 20 seconds.").
_INTRO_TAIL_RE = re.compile(r"(?:\s+[\w'-]+){0,5}\s*(?::|[.!]?\s*$)|,\s+(?:holding\s+)?for\s+[^,;:]{1,30}[.!]?\s*$")


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


def _order(text: str) -> bool:
    """A sentence that tells the reader what to do ("Lie on your back ...", "With your knees bent, lift ..."), not
    a remark that happens to read like one ("Jump training seems to work ...")."""
    if _NOUN_SUBJECT_RE.match(text):
        return False  # "Jump training seems to ...": a verb-like noun as the subject
    if starts_imperative(words_of(text)) or _SETUP_VERB_RE.match(text):
        return True
    # "With your knees bent, lift ...", "Keeping the back flat, lower ...": the order after the opening phrase
    m = _OPENING_PHRASE_RE.match(text)
    return m is not None and starts_imperative(words_of(text[m.end():]))


# How far into a paragraph an order is looked for under a heading that names a muscle.
_ORDER_WITHIN = 3


class OwnershipMixin:
    """Who a paragraph or sentence describes (see the module docstring)."""

    # _Builder's state (set in its __init__, assemble.py) used here.
    text: str
    exercises: list[Ex]
    _avoiding: bool
    _starts_at: tuple[int, int] | None

    @staticmethod
    def names_another_move(doc: Doc, current: list[Ex]) -> bool:
        """Whether the line names a known move of none of the current exercises' families."""
        return any(not in_family_of(sp, doc, current) for sp in doc_spans(doc, EXERCISE_KEY))

    def subject_mention(self, doc: Doc, s_start: int, s_end: int):
        view = self.view(doc)
        for span in doc_spans(doc, EXERCISE_KEY):
            if span.start_char < s_start or span.end_char > s_end:
                continue
            if _quoted(view, span.start_char, span.end_char):
                continue  # '"Soft knees, tall chest, quick hops," she says': words spoken, not the exercise
            # The sentence's tokens before the name. Token offsets grow with their index, so they are the
            # tail of doc[:span.start]: walked back from the name instead of filtering the whole doc from
            # its start (that made a Token for every word of the paragraph before, ~2% of extraction).
            k = span.start
            while k > 0 and doc[k - 1].idx >= s_start:
                k -= 1
            before = list(doc[k:span.start])
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
            if before_words and before_words[0] == "like" and nxt == ",":
                continue  # "Like the monster walk, this one ...": a comparison; the subject follows the comma
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

    def _left_out(self, doc: Doc, span, s_start: int, s_end: int) -> bool:
        """A sentence that names a new exercise only to leave it out of the routine ("skip deep squats",
        "you won't find leg curls here", "X is another option, but ...", "X won't fix that"): no exercise is
        made of it."""
        view = self.view(doc)
        before = _KEEP_IT_RE.sub(" ", view[max(s_start, span.start_char - 60):span.start_char])
        if not (_LEFT_OUT_BEFORE_RE.search(before) or _LEFT_OUT_RE.search(view, s_start, s_end) or _asks(view, s_start, s_end)
                or _DISMISSED_HINT(view[span.end_char:s_end]) and _DISMISSED_AFTER_RE.match(view, span.end_char, s_end)
                or _LEFT_OUT_NEXT_RE.match(view, s_end)):
            return False
        return self.find(norm_tokens(span.text), canonical_entry(span.text, doc, span.start_char)) is None

    def _not_prescribed(self, doc: Doc, span, s_start: int, s_end: int) -> bool:
        """A new exercise a prose sentence names that is no move of the routine: one it leaves out
        (_left_out), one named under a heading of moves to avoid, or a running, cycling or swimming session
        ("an easy spin on the bike on rest days", "before you bring back strides"): training around the
        routine, which makes an exercise only where the routine lists it."""
        if self._left_out(doc, span, s_start, s_end):
            return True
        if span.label_ == _QUOTED_LABEL:
            return False  # named in quotes as the routine's next move ("The second drill is called 'sprint arms'.")
        entry = canonical_entry(span.text, doc, span.start_char)
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

    def _instructional(self, line: Line, doc: Doc, *, imperative: bool = False, after_why: bool = False) -> bool:
        """The paragraph starts with a cue; with `imperative`, one that tells the reader what to do
        ("Lie on your back ..."), not a remark that happens to read like one ("Jump training seems to work ...").
        With `after_why`, a first sentence saying what the move is for is looked past ("This drill builds
        balance. Stand on ...")."""
        sents = self.sents(doc)
        if after_why and len(sents) > 1 and self._says_why_first(line, doc):
            sents = sents[1:]
        if not sents:
            return False
        text = self.span_text(doc, sents[0])
        if _NOTICE_RE.match(text):
            return False  # "(Please note these exercises are generic ...)": a notice to the reader, not a step
        got = classify(text)
        if (got is None or got[0] != "cue") and imperative and len(sents) > 1 and len(text.split()) <= 4:
            # "Face the wall. Stand tall ...": a setup too short for the cue rules, then the order
            text = self.span_text(doc, sents[1])
            got = classify(text)
        if got is None or got[0] != "cue":
            return False
        return not imperative or _order(text)

    def _orders_soon(self, doc: Doc) -> bool:
        """One of the paragraph's first sentences tells the reader what to do ("The hamstring spans the back of
        the thigh. Place the roller under it ...")."""
        return any(_order(self.span_text(doc, s)) for s in self.sents(doc)[:_ORDER_WITHIN])

    def _says_why_first(self, line: Line, doc: Doc) -> bool:
        """The paragraph opens by saying what one move is for, with the move as its subject ("This drill builds
        ...") or no subject at all ("Improves stability on steps."): a purpose said otherwise ("We start on the
        floor because ...") may open a part's advice as well as a move's text."""
        sents = self.sents(doc)
        if not sents:
            return False
        text = self.span_text(doc, sents[0])
        if not (_ONE_MOVE_SUBJECT_RE.match(text) or benefit_line(text)):
            return False
        got = classify(text)
        return got is not None and got[0] == "purpose"

    def _described_movement(self, line: Line, doc: Doc, first: Span) -> dict | None:
        """The signature of the movement an instructional paragraph describes, unless the paragraph
        itself says which move it is: one its first sentence leaves out ("Skip the lunge and ..."), or
        the signature's own move named in it ("... - that's the seated ball squeeze": its name wins)."""
        if not self._instructional(line, doc):
            return None
        spans = doc_spans(doc, EXERCISE_KEY)
        if any(self._left_out(doc, sp, first.start_char, first.end_char) for sp in spans if sp.end_char <= first.end_char):
            return None
        sig = match_signature(line.text.lower())
        if sig is not None and any(
                norm_tokens(sp.label_) == norm_tokens(sig["canonical"])
                and _NAMES_IT_RE.search(line.text, max(0, sp.start_char - 40), sp.start_char) for sp in spans):
            return None
        return sig

    def _paragraph_owner(self, line: Line, doc: Doc, current: list[Ex], new_unit: bool, section: Section | None, *,
                         fresh: bool = False) -> list[Ex]:
        """Who the paragraph starting at `line` describes.

        `fresh`: `current` is the exercise of the heading just above, with no description yet;
        the paragraph describes it unless another exercise is its subject ("The squat is ..."):
        an exercise merely named ("... posture after the squat") does not take it over.
        """
        first = next(iter(self.sents(doc)), None)
        if first is None:
            return current
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
                norm_tokens(span.text), canonical_entry(span.text, doc, span.start_char)) is None:
            # "Rope skipping" over "Skipping is ...": the exercise above, named by some of its words
            return current
        if span is None and new_unit:
            span = self._early_mention(doc, first)
        sig = None if introduced else self._described_movement(line, doc, first)
        # A mention of another exercise moves the paragraph there, unless it is a short name of the
        # current one ("hold a plank" while describing the side plank).
        first_mentions = []
        view = self.view(doc)
        for sp in doc_spans(doc, EXERCISE_KEY):
            if sp.end_char <= first.end_char:
                if current and _PREREQUISITE_RE.search(view, first.start_char, sp.start_char):
                    continue  # "Add these once you can do 20 squats": the squat is what comes before, not the subject
                ent = canonical_entry(sp.text, doc, sp.start_char)
                toks = norm_tokens(sp.text)
                found = self.find(toks, ent)
                if found is not None and found not in current and not any(
                        set(toks) <= set(c.tokens) or ent is not None and c.entry is ent for c in current):
                    first_mentions.append(found)
        elsewhere = bool(first_mentions)
        if sig is not None:
            existing = next((e for e in self.exercises if e.entry and e.entry["canonical"] == sig["canonical"]), None)
            if existing is None and (span is None or norm_tokens(span.label_) != norm_tokens(sig["canonical"])) and (new_unit or not current or current[0].entry is None or current[0].entry["canonical"] != sig["canonical"]):
                # (a move known only from its description is followed by another when the next paragraph
                # describes a different movement)
                if new_unit or span is not None or not current or elsewhere or not any(x.named for x in current) or (
                        self._setup_start(first_text) and any(x.sentences or x.purpose for x in current)):
                    entry = next((e for e in lexicon.load_exercises() if e["canonical"] == sig["canonical"]), None)
                    ex = Ex(name=sig.get("name") or sig["canonical"].title(), start=line.start, end=line.start + len(first_text), entry=entry,
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
                ent = canonical_entry(sp.text, doc, sp.start_char)
                hit = self.find(norm_tokens(sp.text), ent)
                if hit is not None:
                    if _EACH_OF_KIND_RE.search(view, 0, sp.start_char):
                        # "3 sets of 6 of each heel drop", "both lunges": every exercise of that kind
                        kind = self.find_kind(norm_tokens(sp.text))
                        if len(kind) > 1:
                            return kind
                    return [hit]
        if new_unit:
            if sig is not None:
                existing = next((e for e in self.exercises if e.entry and e.entry["canonical"] == sig["canonical"]), None)
                if existing is not None:
                    return [existing]
            named = self._named_later(line, doc, section)
            if named is not None:
                return [named]
            if line.gap >= 2 and len(current) == 1 and not current[0].sentences and self._instructional(line, doc, imperative=True):
                # "Wall Sits / Wall sits are great for ... / (two blank lines) / - Stand with your back ...": a
                # move told so far only what it is for gets its how-to, however far below
                return current
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

    def _named_later(self, line: Line, doc: Doc, section: Section | None) -> Ex | None:
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
            # A known move the first sentence names was read with the paragraph's opening (_paragraph_owner);
            # only a name the lexicon may lack, given in quotes, is left to find there.
            span = self._ordinal_naming(doc, s, e, quoted_only=n == 0)
            if n == 0 and span is None:
                continue
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
        if view[s_start:s_end].rstrip(" .!").endswith(")"):
            m = _BRACKET_NAME_RE.search(view, s_start, s_end)
            spans = exercise_spans_in(doc, *m.span("name")) if m is not None else ()
            if spans and spans[0].start_char == m.start("name"):
                # "... (hamstring stretch with a strap).": the name opens with a move of the lexicon, its kit may follow
                return m.span("name")
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

    def _ordinal_naming(self, doc: Doc, s_start: int, s_end: int, *, quoted_only: bool = False) -> Span | None:
        """The exercise named by "The first move is X" / "Next up is X", if the sentence is one. With
        `quoted_only`, only a name in quotes ("The second drill is called 'sprint arms'.")."""
        view = self.view(doc)
        m = _ORDINAL_NAMING_RE.match(view, s_start, s_end)
        if m is None:
            return None
        quoted = _QUOTED_NAME_RE.match(view, m.end(), s_end)
        if quoted is not None:  # the quotes mark a name the lexicon may lack
            return doc.char_span(*quoted.span("name"), label=_QUOTED_LABEL, alignment_mode="expand")
        if quoted_only:
            return None
        return next((sp for sp in doc_spans(doc, EXERCISE_KEY) if m.end() <= sp.start_char < s_end
                     and sp.start_char - m.end() <= 6), None)

    def _joint_subjects(self, doc: Doc, s_start: int, s_end: int) -> list[Ex]:
        """The exercises of a sentence whose subject lists several of the routine's exercises
        ("The squat and the step-up build the quads", "Side planks, bird dogs and carries all train ...")."""
        spans = [sp for sp in doc_spans(doc, EXERCISE_KEY) if s_start <= sp.start_char and sp.end_char <= s_end]
        if len(spans) < 2:
            return []
        at = next((t.i for t in doc if t.idx >= s_start), None)
        out: list[Ex] = []
        for sp in spans:
            between = [t.lower_ for t in doc[at:sp.start]]
            if any(w not in _JOINT_GLUE for w in between) or (out and not set(between) & {",", "and", "&"}):
                break
            found = self.find(norm_tokens(sp.text), canonical_entry(sp.text, doc, sp.start_char))
            if found is None:
                return []
            if found not in out:
                out.append(found)
            at = sp.end
        if len(out) < 2 or at >= len(doc) or doc[at].lower_ in _JOINT_GLUE or doc[at].is_punct:
            return []
        return out
