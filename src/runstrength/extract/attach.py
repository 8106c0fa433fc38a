"""Sentences and doses attached to the exercises they belong to, and the rules no exercise owns.

A description sentence becomes a cue or a purpose of its exercises, with its dosages; a sentence that
counts several exercises ("3 rounds of 12 squats, 10 push-ups and a 45-second plank") gives each its own
count; a dose no exercise owns ("Complete 3 rounds", "Do each move for 40 seconds") is a rule of its
section or of the whole article, inherited in dose_inheritance.py.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from runstrength.extract import dosage as dz
from runstrength.extract.gates import AnyOf
from runstrength.extract.dose_atoms import MAX_PASSES, PER_SIDE_SUFFIX
from runstrength.extract.dose_stages import LIMB, LIMBS
from runstrength.extract.nlp import EXERCISE_KEY, norm_tokens
from runstrength.extract.quantities import RANGE, WORD_VALUES, int_range
from runstrength.extract.registry import PART_LABEL_RE, Ex, canonical_entry, in_family_of
from runstrength.extract.roles import REPEAT_BLOCK_RE, UNLESS_NOTED, doc_spans, shift
from runstrength.extract.sentences import (FIRST_PERSON_RE, classify, is_dosage_only, starts_imperative, states_goal, under_label,
                                          words_of)
from runstrength.extract.text import Line
from runstrength.extract.vocab import is_boilerplate, vocab
from runstrength.model import Section, Sentence


_PROGRESS_RE = re.compile(r"\b(progress|advance) (this|the) (exercise|movement)\b|\bto progress\b|\bprogression\b")


def _progression(lower: str) -> bool:
    """Whether _PROGRESS_RE matches. Each of its matches contains "progress" or "advance" and the
    pattern is case-sensitive, so a text with neither word is not scanned."""
    return ("progress" in lower or "advance" in lower) and _PROGRESS_RE.search(lower) is not None


# A later sentence of the exercise switching sides makes its last dose per side. dosage._OTHER_SIDE_RE does the
# same inside one dose text and also takes "swap/change/alternate hands", which here would turn "Swap hands each
# set." (one hand per set) into per side: the two stay apart. Naming the side ("Repeat on your left leg.") counts
# only after "repeat", since "perform it with your right leg bent" is a set-up, not a switch, and only closing
# the clause: "repeat with your left arm reaching across" is the other half of one alternating rep.
_OTHER_SIDE_RE = re.compile(
    rf"\b(repeat|do the same|perform|switch|swap)\b.*\b(other|opposite) {LIMB}\b|\bswitch {LIMBS}\b"
    rf"|\brepeat\b[^.;!?]{{0,30}}?\b(?:on|with|for|using)\s+(?:the\s+|your\s+)?(?:left|right)\s+{LIMB}\b"
    r"(?=\s*(?:[.;!?,)]|$))"
    # a turn or lean repeated the other way: "then repeat, twisting to the right"
    r"|\brepeat\b[^.;!?]{0,30}?\b(?:to|toward|towards)\s+(?:the|your)\s+(?:left|right)(?=\s*(?:[.;!?)]|$))", re.I)
# Every match of _OTHER_SIDE_RE names a limb, joint or way (speed pre-filter).
_OTHER_SIDE_HINT = AnyOf("leg", "side", "arm", "foot", "feet", "hand", "ankle", "knee", "hip", "left", "right")
# Inside an exercise's paragraph, only "each/every/all exercise(s)" says a count is for the whole routine:
# the wider _ARTICLE_WIDE_RE ("each position", "each one") there is more often about the exercise's own parts.
_EVERY_EXERCISE_RE = re.compile(r"\b(?:each|every|all)\s+(?:of\s+(?:the|these|those)\s+)?exercises?\b", re.I)
# Said of the whole list: as the sentence's subject ("These moves ...", "Both exercises ..."), or from anywhere
# in it with a kind of work between ("each of these exercises", "keep a chair beside you for these drills",
# "breathe out as you ease into each stretch", "skip any exercise that hurts"): a cue or purpose of every
# exercise of the list, not of the one whose paragraph it ends. Not "these small movements" inside the
# sentence: in an exercise's paragraph, its own movements.
# Before the list, the same as the list still to come (group "ahead"): "The following are easy moves ...",
# "the four exercises shown below", "A few simple stretches can help ...": each only with a purpose (see
# _joint_sentences), as a group of exercises is also named in asides ("some exercises hurt at first").
_WHOLE_LIST_RE = re.compile(r"^\s*(?:these|both|all|all of these|all these|the above) (?:exercises|moves|movements|drills|stretches)\b"
                            r"|\b(?:these|the above)(?: [a-z-]+)? (?:exercises|drills|stretches)\b"
                            r"|\b(?:each|every|any) (?:stretch|stretches|exercise|exercises)\b"
                            r"|(?P<ahead>^\W*the following\b(?:\s+[\w-]+){0,4}?\s+(?:exercises|moves|movements|drills|stretches)\b"
                            r"|\b(?:exercises|moves|movements|drills|stretches)(?: (?:listed|shown|described|outlined))? below\b"
                            # "Listed below are five easy moves ...", "This video shows some simple stretches ...": the list
                            # named as what the page (or its pictures) sets out
                            r"|\b(?:listed|shown|described|outlined) below (?:are|is) (?:[\w-]+ ){0,3}?(?:exercises|moves|movements|drills|stretches)\b"
                            r"|\b(?:videos?|pictures?|photos?|images?|clips?|guide|handout|sheet) (?:below |above )?(?:outlines?|shows?|covers?|demonstrates?|describes?|lists?) "
                            r"(?:some of )?(?:the |a few |several |our )?(?:[\w-]+ ){0,4}?(?:exercises|moves|movements|drills|stretches)\b"
                            r"|^\W*(?:a number of|a few|a handful of|a series of|a set of|several|some)(?: [a-z-]+){0,2}? (?:exercises|moves|movements|drills|stretches)\b"
                            # "Here are a few simple and quick moves to ...": the list presented with the aim it serves
                            # (not "below are some drills that may ...", which says what they might do)
                            # ("Here are 6 stretches for your warm-up to ...", "Here are three moves/drills to ...": a count,
                            # where the list goes and a second word for its kind change nothing)
                            r"|^\W*(?:here are|here're|below are) (?:a number of|a few|a handful of|a series of|a set of|several|some|\d+|two|three|four|five|six|seven|eight|nine|ten)"
                            r"(?: [a-z-]+){0,3}? (?:exercises|moves|movements|drills|stretches)(?:/[a-z]+)?(?: (?:for|in|into)(?: [\w-]+){1,4}?)? to [a-z]+)", re.I)
# "If this sounds like you, ...", "When the knee flares up, ...": whom or when a list is for, not what it does;
# "These moves are not for anyone with a fresh sprain": a warning, not a goal.
# "Strengthening your hip muscles helps you hold your form late in a race", before the list: what training the
# part the list works is for is what each of its exercises is for.
_TRAINING_LEAD_RE = re.compile(r"^\W*(?:strengthening|stretching|training|loosening|mobili[sz]ing) (?:your|the) (?:[\w-]+ ){0,3}?"
                               r"(?:muscles?|[a-z]+s) (?:can |will |may |also )?(?:help|helps|improve|improves|reduce|reduces|"
                               r"prevent|prevents|lessen|lessens|ease|eases|protect|protects)\b", re.I)
_NOT_A_GOAL_RE = re.compile(r"^\W*(?:if|when|whenever|unless)\b|\b(?:not|never)\b|n['’]t\b", re.I)
# Every match of _WHOLE_LIST_RE contains one of these (speed pre-filter).
_WHOLE_LIST_HINT = AnyOf("exercise", "stretch", "drills", "move")
_PLURAL_SUBJECT = re.compile(r"^(these|they|both|all of these|together|combined)\b", re.I)
# "That's the session.", "That's one round.": what follows is no longer the last exercise's description.
_CLOSER_RE = re.compile(r"^\W*(?:and )?(?:that's|that is|that’s|this is|this completes|that completes) (?:it|all|one round|one set|"
                        r"the (?:whole |entire |full )?(?:session|workout|routine|circuit|round|programme|program|plan|set|lot))\b[\s.!]*$", re.I)
# After a verb, the words that place the body ("Stand on one leg", "Lie on your back"): an instruction, not a name
# ("Lunge with a twist." stays a name: "with" after a verb names a variant as often).
_PLACE_WORDS = frozenset({"on", "onto", "into", "your", "the", "a", "an", "against", "behind", "beside", "facing"})
# What makes a comma list of moves in prose the routine (see prescribed_list): a verb of doing before it
# ("I do", "we include", "try", "perform") or a part's word right before a colon or bracket ("Dynamic warm-up
# (...)", "Mobility: ...").
_LIST_LEAD_RE = re.compile(r"\b(?:do|does|did|perform|performing|include|includes|try|add|incorporate)\b"
                           r"|\b(?:warm[- ]?ups?|cool[- ]?downs?|mobility|drills|circuit|routine|activation)\s*[:(]"
                           # "Floor exercises: bridges, clams and dead bugs"; in brackets, a preview of the
                           # moves ("simple moves (bridges, clams and lunges) are all you need")
                           r"|\b(?:exercises|moves|movements)\s*:", re.I)
# A list compared, ruled out or only named ("unlike squats, ...", "instead of", "avoid"): not what to do.
_LIST_NOT_DONE_RE = re.compile(r"\b(?:unlike|instead of|rather than|avoid|avoiding|skip|never|don't|do not|doesn't|than|such as)\b|n['’]t\b", re.I)
# Between the items of a prose list.
_ITEM_SEP_RE = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+", re.I)
# Words before an item's name that are no part of it ("some rows", "specifically lunges").
_ITEM_FILLER_RE = re.compile(r"\s*(?:(?:some|a|an|the|my|specifically|also|then|finally|plus)\s+)*", re.I)
# The longest item of a prose list ("squats with a light band"); a longer one is where the list ended.
_ITEM_WORDS = 5
# What may stand between the exercises of a list a sentence prescribes ("bridges, squats or lunges").
_LIST_GLUE = frozenset({",", "and", "or", "&", "the", "a", "an", "some"})
_ARTICLE_WIDE_RE = re.compile(
    # the noun a few words after its quantifier ("each of these five moves"), not anywhere later in the
    # sentence ("all three rounds of 15 with that weight, move up 5 lb")
    r"\b(all|each|every)\b(\s+[\w'-]+){0,4}?\s+(moves?|exercises?|activit(y|ies)|one|stretch(es)?|drills?|positions?|poses?|variations?|versions?)\b|\b(exercises?|moves) (below|above)\b|\bthis (plan|routine|workout|circuit|program)\b"
    # the noun left out at the sentence's end: "That's four rounds of each.", "Aim for 10 of both."
    r"|\b(of|for) (each|both)\W*$"
    # a count for one of them, whichever: "8 reps per move"
    r"|\bper (exercise|move|movement|stretch|drill)\b"
    # a plural kind as the subject, said of all of its kind: "Calf stretches must be held for a minute",
    # "Balance drills are best done barefoot and should be done daily"
    r"|^\W*([\w-]+ ){0,2}?(stretches|exercises|moves|drills)\b[^.;:]*?\b(should|must|are to) be (held|done|performed|repeated|kept)\b"
    + "|" + UNLESS_NOTED)
# What the reader should already manage: a check before a stage or before running again, not work to do.
# Not built from readiness_conjunctions (data/sentences.yaml): "when you can" and "if you can" would be new.
ABILITY_CHECK_RE = re.compile(r"\b(?:be able to|are able to|can you|until you can|once you can|as a (?:rough |quick |simple )?(?:check|test))\b")
# "six reps of every drill twice": the whole list gone through twice, as rounds (not "each stretch
# twice a day", how often)
_EACH_TIMES_RE = re.compile(r"\b(?:each|every|all)\b(?:\s+[\w'-]+){0,3}?\s+(?:moves?|exercises?|stretch(?:es)?|drills?)\s+"
                            rf"(?:(?P<w>twice|thrice)|(?P<n>{RANGE})\s+times)\b(?!\s+(?:a|per|each|every)\s+(?:day|week)\b|\s+daily\b"
                            # "each exercise ten times a side": a count of each side's reps, not rounds
                            rf"|{PER_SIDE_SUFFIX})")
# A rule for all stretches ("repeat each stretch 3 times", "stretches should be held ..."): the strength or
# balance work of the same page is not dosed by it.
_STRETCH_RULE_RE = re.compile(r"\b(?:all|each|every)\b(?:\s+[\w'-]+){0,3}?\s+stretch(?:es)?\b|^\W*(?:[\w-]+ ){0,2}?stretches\b")
# A line that only repeats: "Repeat three times.", "repeat x3"
_BARE_REPEAT_RE = re.compile(rf"^\W*repeat\s+(?:x\s*)?(?:{RANGE}|twice|thrice)(?:\s*(?:x|times))?\W*$", re.I)
# "at the top of each one": a position in every rep, not a rule for every exercise
_OF_EACH_ONE_RE = re.compile(r"\bof (?:each|every) one\b")


def _for_every_move(lower: str) -> bool:
    """Whether a text (lower case) gives its count for every move ("8 reps of each", "do each exercise 3 times"),
    not for a position in each rep ("at the top of each one")."""
    return bool(_ARTICLE_WIDE_RE.search(lower)) and not _OF_EACH_ONE_RE.search(lower)
# The listed moves named by their kind: "these exercises", "all the stretches"
_THE_LISTED = r"(?:these|all (?:of )?these|all the) (?:exercises|moves|movements|stretches|drills)\b"
# "repeat the whole circuit", "go two times through": the whole routine again
_REPEAT_WHOLE_RE = re.compile(r"\brepeat (this|the|that) (whole )?(routine|circuit|workout|sequence|series|set)\b|\b(?:repeat|complete|do|perform) (?:this|the|that) (?:entire |full |following |above )(?:routine|circuit|workout|sequence|series)\b|\b(?:go|run|work|cycle) (?:\w+ times|twice|thrice) through\b"
                              # said in the passive: "the circuit can be done 2 to 4 times"
                              r"|\b(this|the|that) (whole )?(routine|circuit|workout|sequence|series) (?:(?:can|should|could|may|must|is to) be|is|will be) "
                              rf"{dz.REPEATED_VERBS}\b"
                              # the count put before the whole: "3 sets of the entire circuit", "two rounds of this routine"
                              r"|\b(?:sets?|rounds?) of (this|the|that) (whole |entire |full )?(routine|circuit|workout|sequence|series)\b"
                              # or before the list's kind: "you will be doing four sets of the following exercises"
                              rf"|\b(?:sets?|rounds?) of (?:the following (?:exercises|moves|movements|stretches|drills)\b|{_THE_LISTED})"
                              # the list named by its kind after it: "repeat these exercises twice"
                              rf"|\brepeat {_THE_LISTED}")
# A sentence (lower case) that prescribes the whole part: "complete 3 rounds", "do 2 sets", "work through it twice".
# The verb may follow the writer's advice ("we suggest doing two rounds", "I'd advise that you complete four sets").
# A short lead-in closed by a colon may come first ("Here's how: complete 3 sets"), and the advice may be
# a named coach's ("Dr Lee suggests doing two rounds").
_RULE_VERB_RE = re.compile(r"^\W*(?:[^:.;!?]{1,24}:\s*)?"
                           r"(?:(?:(?:i|we)(?:['’]d| would)?\s+(?:recommend|suggest|advise)|(?:[\w'’.-]+\s+){1,3}?(?:recommends|suggests|advises))"
                           r"\s+(?:that\s+)?(?:you\s+)?)?"
                           # "You do each move for 40 seconds": the instruction told to the reader
                           r"(?:you(?:['’]ll|\s+will|\s+should|\s+can)?\s+)?"
                           r"(?:complete|do|perform|repeat|go\s+through|run\s+through|work|aim\s+for|try|finish|doing|completing|performing)\b")
# Line kinds after which a paragraph is a part's instructions.
_HEADING_KINDS = ("section", "other_heading", "title", "")


# is_dosage_only on a sentence's own dosages, frequencies and rest: a pure function of its text and of whether
# its dosages were kept (add_sentence drops those it hands to counted exercises), so each distinct sentence is
# read once; a templated page repeats its sentences word for word. ~2.5% of extraction before.
@lru_cache(maxsize=8192)
def _dosage_only(sent: str, dosages_kept: bool) -> bool:
    spans = [(m.start, m.end) for m in dz.parse_dosages(sent)] if dosages_kept else []
    return is_dosage_only(sent, spans + list(dz.frequency_spans(sent)), rest=bool(dz.parse_rest(sent)))


# Pure in the sentence's text, asked of every sentence of a described paragraph (and again for the list's
# intro); a templated page repeats its sentences word for word. The hint and the regex scans were ~1% of
# extraction.
@lru_cache(maxsize=8192)
def _speaks_of_whole_list(sent_text: str, ahead: bool) -> bool:
    """AttachMixin._whole_list."""
    if not _WHOLE_LIST_HINT(sent_text):
        return False
    m = _WHOLE_LIST_RE.search(sent_text)
    if m is not None and m.group("ahead") is not None and not ahead:
        # a later match may still be of the list ("the following week, do each exercise twice")
        m = next((x for x in _WHOLE_LIST_RE.finditer(sent_text) if x.group("ahead") is None), None)
    return m is not None


class AttachMixin:
    """Sentences, doses and rules attached to exercises, sections or the article."""

    # _Builder's state (set in its __init__, assemble.py) used here.
    text: str
    exercises: list[Ex]
    sections: list[Section]
    article_doses: list[dz.DoseMention]
    section_doses: dict[int, list[dz.DoseMention]]
    counted_doses: list[tuple[tuple[str, ...], dict | None, dz.DoseMention, int]]
    _starts_at: tuple[int, int] | None
    _intro_purposes: list[tuple[int, int, int, Doc, Line, int]]

    def add_sentence(self, exs: list[Ex], s_start: int, s_end: int, doc: Doc, line: Line, *, label: bool = False,
                     under: str = "", terms_from: int = 0) -> None:
        """The sentence doc[s_start:s_end] of `line` as a cue or purpose of each of `exs`. `label`: a line listing
        what is worked, a purpose as a whole; `under`: the label ("how", "why") of the line the sentence is on;
        `terms_from`: where in the sentence its muscles and kit start being about `exs`."""
        a = line.start + s_start
        b = line.start + s_end
        original = self.text[a:b]
        stripped = original.strip()
        if not stripped:
            return
        a += len(original) - len(original.lstrip())
        b = a + len(stripped)
        sent_view = self.view(doc)[s_start:s_end]
        if is_boilerplate(sent_view) or sent_view.count("|") >= 2:
            # the cells of a table row no header made readable ("Level one | Build control | Wall sit | 3 x 12"): not
            # a sentence, and its numbers are the row's, not the paragraph's exercise's
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
        fragment = False
        if label and not mentions:
            role = ("purpose", None)
        elif not mentions and self._name_alone(doc, s_start, s_end):
            role = None  # "Single-leg calf raise." opening its paragraph: a run-in heading, not a cue
        elif (fragment := stripped[:1].islower() and ")" in stripped and stripped.count(")") > stripped.count("(")
                and not stripped.split(None, 1)[0].endswith("ing")):
            # "on a step or box)": the end of a bracket cut from the name before it, not a sentence ("holding a
            # ball at your chest)" still tells how)
            role = None
        elif _dosage_only(sent_view, bool(mentions)):
            role = None
        else:
            role = under_label(sent_view, under) if under else classify(sent_view)
        if role is None:
            if mentions or fragment:
                # a prescription names what to hold or wear ("2 x 60 seconds, wearing the vest"), a bracket what to
                # do it on or what it works ("on a bench, leaning in to load the calves)")
                for ex in exs:
                    self.add_terms(ex, doc, s_start, s_end, things_only=not fragment)
            return
        # A page that gives two variants of a move repeats their shared steps word for word: one cue, said once.
        said = " ".join(stripped.lower().split())
        for ex in exs:
            if (a, b) in ex.seen_sents or said in ex.seen_sents:
                continue
            ex.seen_sents.add((a, b))
            ex.seen_sents.add(said)
            if role[0] == "cue":
                ex.sentences.append(Sentence(stripped, a, b, role[1]))
            else:
                ex.purpose.append(Sentence(stripped, a, b, None))
            self.add_terms(ex, doc, s_start + terms_from, s_end, purpose=role[0] == "purpose" and not label, listed=label)

    def _name_alone(self, doc: Doc, s_start: int, s_end: int) -> bool:
        """Whether the sentence doc[s_start:s_end] is one exercise's name and nothing else (a trailing stop or colon
        aside). Its body-part words ("single-leg", "rear-foot") would otherwise read as a form cue."""
        sent = self.view(doc)[s_start:s_end]
        if len(sent) > 80 or sent.count(" ") > 7:
            return False  # a name is a few words: longer sentences are not looked up
        words = words_of(sent)
        if len(words) > 2 and words[1] in _PLACE_WORDS and starts_imperative(words):
            return False  # "Stand on one leg.", "Lie on your back.": an instruction that reads like a name
        for sp in doc_spans(doc, EXERCISE_KEY):
            if s_start <= sp.start_char and sp.end_char <= s_end:
                head = sent[:sp.start_char - s_start]
                tail = sent[sp.end_char - s_start:]
                return not head.strip(" \t-–—•*#>") and not tail.strip(" \t.:!–—-")
        return False

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
            entry = canonical_entry(sp_text, doc, s_start + a)
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

    def prescribed_list(self, line: Line, doc: Doc, section: Section | None) -> list[Ex]:
        """The exercises a prose sentence lists as what to do, no count given ("My warm-up: leg swings, hip circles,
        skips and strides", "I do goblet squats, rows, presses and carries"): one per item of a comma list of
        three or more, most of which the lexicon knows, after a verb of doing or a colon or bracket after a
        part's word. Each item is named as written ("single-arm swings" where the lexicon knows "arm swings");
        an item it does not know is left out. A list only mentioned ("unlike squats, lunges and rows") is no
        routine."""
        text = self.view(doc)
        if "," not in text or len(doc_spans(doc, EXERCISE_KEY)) < 3:
            return []
        got: list[Ex] = []
        context = vocab()["context_activities"]
        for s, e in self.sentences_of(doc):
            sent = text[s:e]
            # "a, b and c": three items need one comma at least
            if "," not in sent or _LIST_NOT_DONE_RE.search(sent):
                continue
            lead = _LIST_LEAD_RE.search(sent)
            first_comma = sent.find(",", lead.end()) if lead is not None else -1
            if first_comma < 0:
                continue
            start = lead.end()
            opener = max(sent.rfind("(", start, first_comma), sent.rfind(":", start, first_comma))
            if opener >= 0:
                start = opener + 1
            close = sent.find(")", first_comma)  # a bracketed list ends with its bracket
            stop = close if close >= 0 else len(sent)
            spans = [(sp.start_char - s, sp.end_char - s) for sp in doc_spans(doc, EXERCISE_KEY)
                     if s + start <= sp.start_char and sp.end_char <= s + stop]
            items: list[tuple[int, int, tuple[int, int] | None]] = []
            pos = start
            for sep in [*_ITEM_SEP_RE.finditer(sent, start, stop), None]:
                a, b = pos, sep.start() if sep is not None else stop
                pos = sep.end() if sep is not None else stop
                lead_m = _ITEM_FILLER_RE.match(sent, a, b)
                a = lead_m.end() if lead_m else a
                b = len(sent[:b].rstrip(" .!?;:(\"'\u201c\u2018"))  # "... and lunges. (": an opening bracket the sentencizer kept
                if b <= a:
                    continue
                known = next(((x, y) for x, y in spans if a <= x and y <= b), None)
                if len(sent[a:b].split()) > _ITEM_WORDS and known is None:
                    break  # the list ended and the sentence goes on
                items.append((a, b, known))
            named = [it for it in items if it[2] is not None]
            if len(items) < 3 or len(named) < 3 or 2 * len(named) < len(items):
                continue
            if all((ent := canonical_entry(sent[x:y], doc, s + x)) is not None and ent["canonical"] in context
                   for _, _, (x, y) in named):
                continue  # "an easy spin, a swim or the rower on rest days": training around the routine
            for a, b, (x, y) in named:
                if len(sent[a:b].split()) > _ITEM_WORDS:
                    # "... and planks to finish": the name, not the clause after it
                    a, b = (a, y) if len(sent[a:y].split()) <= _ITEM_WORDS else (x, y)
                got.append(self.register(self.text[line.start + s + a: line.start + s + b], line.start + s + a,
                                         line.start + s + b, doc, s + a, section))
        return got

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
        if ABILITY_CHECK_RE.search(sent.lower()):
            return  # "you should be able to do 20 squats and 10 hops": a test of readiness, not the routine
        for a, b in names:
            span = next((sp for sp in doc_spans(doc, EXERCISE_KEY) if sp.start_char == a and sp.end_char == b), None)
            if span is None or self._not_prescribed(doc, span, s_start, s_end):
                continue
            self.register(self.text[line.start + a: line.start + b], line.start + a, line.start + b, doc, a, section)

    @staticmethod
    def _whole_list(sent_text: str, *, ahead: bool = False) -> bool:
        """Whether the sentence speaks of every exercise of the list ("Ease into each stretch"). `ahead`:
        said before the list, where "the following exercises" and "the moves below" are the list too."""
        return _speaks_of_whole_list(sent_text, ahead)

    def _joint_sentences(self, line: Line, doc: Doc, section: Section | None = None, *, after_list: bool = False) -> None:
        """In a paragraph no exercise owns ("Why these moves?"), the sentences said of several exercises, or,
        `after_list` (right after the text of an exercise of `section`), of the whole list."""
        several = len(doc_spans(doc, EXERCISE_KEY)) >= 2
        # further on, under a heading or a question of its own ("When can I run again?"), "these exercises" is
        # a remark on the routine, not how to do each exercise
        listed = [x for x in self.exercises if x.section is section] if after_list else []
        # Before the list's first exercise, what a sentence says the list is for ("The moves below help
        # you ...") is each of its exercises' purpose, given once the list is read (see intro_purposes).
        ahead = not after_list and not any(x.section is section for x in self.exercises)
        if not several and not listed and not ahead:
            return
        for s, e in self.sentences_of(doc):
            joint = self._joint_subjects(doc, s, e) if several else []
            if not joint and listed and self._whole_list(self.view(doc)[s:e]):
                joint = listed
            if joint:
                self.add_sentence(joint, s, e, doc, line)
            elif ahead and (goal_at := self._intro_purpose(self.view(doc)[s:e])) is not None:
                self._intro_purposes.append((len(self.exercises), s, e, doc, line, goal_at))

    def _intro_purpose(self, sent_text: str) -> int | None:
        """Where the goal starts in a sentence before the list that says what every exercise of it is for, else
        None. Not a count ("Do 10 of each
        exercise to warm up": the rule, and add_sentence would give each the count), how often to do the list
        ("Do the moves below twice a week to ..."), whom it is for ("If your ankle keeps rolling, these
        exercises help ...") nor who wrote it."""
        # "When you run, posture matters, but the moves below help ...": a contrast ends the clause on when or
        # whom, and what follows it says what the list does
        turn = max(sent_text.rfind(", however"), sent_text.rfind(", but "))
        goal_text = sent_text[turn + 2:] if turn > 0 and self._whole_list(sent_text[turn + 2:], ahead=True) else sent_text
        if ((self._whole_list(sent_text, ahead=True) or _TRAINING_LEAD_RE.match(sent_text)) and not _NOT_A_GOAL_RE.search(goal_text)
                and (classify(sent_text) or ("",))[0] == "purpose" and states_goal(sent_text)
                and not dz.parse_dosages(sent_text) and not dz.frequency_spans(sent_text)):
            return len(sent_text) - len(goal_text)  # the muscles before the contrast are not the list's
        return None

    def intro_purposes(self) -> None:
        """Give each purpose said of the list before it (see _joint_sentences) to the exercises of that list:
        those met after it in the part of its first one, up to the next such sentence."""
        starts = [k for k, *_ in self._intro_purposes]
        own = {id(x) for x in self.exercises if x.purpose}  # before any intro is given out
        for k, s, e, doc, line, goal_at in self._intro_purposes:
            if k >= len(self.exercises):
                continue
            stop = min((j for j in starts if j > k), default=len(self.exercises))
            part = self.exercises[k].section
            listed = [x for x in self.exercises[k:stop] if x.section is part]
            if 2 * sum(1 for x in listed if id(x) in own) >= len(listed):
                continue  # each says what it is for ("This one trains ..."): the intro only leads into the page
            self.add_sentence(listed, s, e, doc, line, terms_from=goal_at)

    def _walk_sentences(self, line: Line, doc: Doc, current: list[Ex], section: Section | None) -> None:
        paragraph = list(current)
        # The paragraph's first sentences are not about its owner when _named_later found it further on.
        skip = self._starts_at[1] if self._starts_at is not None and self._starts_at[0] == line.index else 0
        whole: list[Ex] = []  # the list, once a sentence of the paragraph spoke of all of it
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
                    if not in_family_of(span, doc, current):
                        name = self.text[line.start + span.start_char: line.start + span.end_char]
                        ex = self.register(name, line.start + span.start_char, line.start + span.end_char, doc, span.start_char, section)
                        current[:] = [ex]
                        if ex not in paragraph:
                            paragraph.append(ex)
            sent_text = self.view(doc)[s:e]
            if _EVERY_EXERCISE_RE.search(sent_text) and not _progression(sent_text.lower()):
                rule = [m for m in dz.parse_dosages(sent_text) if m.stage != "progression" and (m.sets or m.reps or m.seconds)]
                if rule:
                    # "Start with 5 reps of each exercise" after the last one's description: the routine's rule
                    self._rule_sink(section).extend(rule)
                    continue
            targets = paragraph if _PLURAL_SUBJECT.match(sent_text.strip()) and len(paragraph) > 1 else current
            if self._whole_list(sent_text):
                targets = [x for x in self.exercises if x.section is section] or current
                # an aside on the list ("If you dislike some of these, swap them ...") says nothing on doing them:
                # the advice after it is its last exercise's again
                whole = targets if classify(sent_text) is not None else []
            elif len(whole) > 1 and targets is current and (classify(sent_text) or ("",))[0] == "cue":
                # "Ease into each stretch. Never force the end range.": the advice after it goes on about every stretch (a
                # purpose there is more often about some of them: "Variations of some of these add a challenge")
                targets = whole
            self.add_sentence(targets, s, e, doc, line, under=self._under)

    def _group_rule(self, line: Line, doc: Doc, section: Section | None, doses, *, last_kind: str = "") -> None:
        """Dosage in text no exercise owns: a rule for every exercise of its section, or of the article.

        `doses`: the mentions of a dose-only line ("40 seconds on, 20 seconds off, 3 rounds"), a rule
        as a whole.  In prose, a sentence is a rule when it is about all exercises ("Do each move for
        40 seconds"), repeats the whole routine, or, before the first exercise of its part, prescribes
        rounds or sets ("Complete 3 rounds."); a time alone there is more often a warm-up or an
        aside ("Jog for 10 minutes first") than a rule, unless a rest follows it (an interval).
        `last_kind`: the kind of the line before; a part's instructions follow its heading.
        """
        sink = self._rule_sink(section)
        if doses is not None and _ARTICLE_WIDE_RE.search(line.text.lower()):
            # "Run through six reps of every drill twice." on its own line, under a heading that is
            # no part's ("Sets and reps"): a rule for all, read as prose below so that the rounds
            # ("twice") count as well as the reps
            doses = None
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
            if _for_every_move(st):
                # a harder variant's numbers ("add weight and drop back to 8 reps") are no rule for all
                scope = "stretch" if _STRETCH_RULE_RE.search(st) else ""
                got = [replace(m, scope=scope) for m in dz.parse_dosages(sent_text)
                       if (m.sets or m.reps or m.seconds) and m.stage != "progression"]
                sink.extend(got)
                sets = None if any(m.sets for m in got) or not REPEAT_BLOCK_RE.search(st) else dz.parse_block_sets(sent_text)
                times = None if sets or any(m.sets for m in got) else _EACH_TIMES_RE.search(st)
                if times:
                    w = times.group("w")
                    sets = (WORD_VALUES[w], WORD_VALUES[w]) if w else int_range(times.group("n"))
                    if sets and sets[0] >= MAX_PASSES:
                        sets = None  # "do every exercise 12-15 times": each move's reps (parsed above), not rounds
                if sets:
                    sink.append(dz.DoseMention(stage="main", sets=sets, text=sent_text, scope=scope))  # "Do this circuit twice"
            elif _REPEAT_WHOLE_RE.search(st) or intro and REPEAT_BLOCK_RE.search(st):
                # "Do this circuit twice" before the part's first exercise: its rounds
                sets = dz.parse_block_sets(sent_text)
                if sets:
                    sink.append(dz.DoseMention(stage="main", sets=sets, text=sent_text))
            elif intro and _RULE_VERB_RE.match(st):
                mentions = dz.parse_dosages(sent_text)
                # a time said with the rest after it ("Work for 40 seconds, rest for 20") is the part's
                # interval, not an aside like "Jog for 10 minutes first"
                if any(m.sets for m in mentions) or (any(m.seconds for m in mentions) and dz.parse_rest(sent_text)):
                    sink.extend(m for m in mentions if m.stage == "main")

    def _named_section(self, text: str) -> Section | None:
        """The part a count line names by its label ("Circuit B: 2 rounds" after a "Circuit B - Power" heading)."""
        m = PART_LABEL_RE.match(text)
        if not m:
            return None
        key = tuple(norm_tokens(m.group(0)))
        return next((sec for sec in self.sections if tuple(norm_tokens(sec.title))[:len(key)] == key), None)

    def _part_rounds(self, section: Section | None, sets: dz.Range, line: Line) -> None:
        """Rounds said once for a part ("Circuit B: 3 rounds", "Repeat four times" under a circuit card): the
        part's when it has none yet, else the whole article's."""
        if section is not None and section.sets_min is None:
            section.sets_min, section.sets_max = sets
        else:
            self.article_doses.append(dz.DoseMention(stage="main", sets=sets, start=0, end=len(line.text), text=line.text))

    def _repeats_of_list(self, line: Line, doses: list[dz.DoseMention], current: list[Ex], last_kind: str,
                         run: int) -> dz.Range | None:
        """The rounds of a list of moves that carry their doses on their own name's lines, said on a line set
        apart from the last move: after the rest line that closes the list ("B1 - Lunges - 45 seconds ...
        45 seconds rest / Repeat four times"), or after a blank line ("- 10 squats / - 10 push-ups / (blank
        line) / Do 3 rounds." or "Repeat 3 times."). A bare repeat there repeats the list, not the last
        move's reps, and below a blank line a count of sets cannot be a move's own, which is on its line. A
        move dosed on lines of its own ("Hold 20 seconds / Rest 10 seconds / Repeat 4 times") repeats its
        hold, and a count right under the last move may be its own (see _list_rounds)."""
        if len(doses) != 1 or doses[0].stage != "main":
            return None
        if last_kind == "rest":
            listed = self.exercises[-2:]
            if (len(listed) < 2 or not current or current[-1] is not listed[-1]
                    or listed[0].section is not listed[1].section):
                return None
        elif last_kind == "exercise" and run >= 2 and (line.gap >= 1 or _BARE_REPEAT_RE.match(line.text)):
            # right under the list too: "Pogo hops x 20 / Repeat x2" cannot be more reps of a move whose
            # count is on its line (every move's is, checked below)
            listed = self.exercises[-run:]
        else:
            return None
        if not self._dosed_on_name_lines(listed):
            return None
        d = doses[0]
        if d.reps and not d.sets and not d.seconds and _BARE_REPEAT_RE.match(line.text):
            return d.reps
        if last_kind == "exercise" and d.sets and not d.reps and not d.seconds:
            return d.sets
        return None

    def _dosed_on_name_lines(self, listed: list[Ex]) -> bool:
        """Every move carries its dose on its own name's line ("- 10 squats", "Lunges - 45 seconds")."""
        return all(x.doses and all("\n" not in self.text[min(x.start, base + m.start):max(x.start, base + m.start)]
                                   for m, base, _ in x.doses) for x in listed)

    @staticmethod
    def _list_rule(line: Line) -> bool:
        """A dose line under a list that says it is for every move ("Complete 20 reps of each.", "8 per
        exercise"): each item's dose, not the last one's."""
        return _for_every_move(line.text.lower())

    @staticmethod
    def _list_rounds(doses: list[dz.DoseMention], listed: list[Ex]) -> bool:
        """A count of sets alone under a list of bare names ("1. Squats / 2. Step-ups / 3. Dips / Do 3 sets"):
        the rounds of the whole list, not of its last item.  Reps or a time there may be the last item's own
        dose line, so only sets are read this way; under names dosed on their lines ("Slow holds: do 10 /
        Fast ones: 10 quick squeezes / three rounds a day") the line may be the last one's."""
        return (bool(doses) and all(d.sets and not d.reps and not d.seconds for d in doses)
                and not any(x.doses for x in listed))

    def _block_amounts(self, line: Line, section: Section | None) -> None:
        """The count of each move said with a part's rounds ("Do 12 reps of every move and repeat the
        circuit twice"): the rounds go to the part (or article), the reps or time are a rule for all."""
        if not _for_every_move(line.text.lower()):
            return
        self._rule_sink(section).extend(
            replace(m, sets=None) for m in dz.parse_dosages(line.text)
            if m.stage == "main" and (m.reps or m.seconds))

    def _rule_sink(self, section: Section | None) -> list[dz.DoseMention]:
        """Where a rule found under `section` goes: that section's rules, else the article's."""
        if section is None:
            return self.article_doses
        return self.section_doses.setdefault(id(section), [])


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
                if (a < me <= b and ms < a and m.reps and any(map(str.isdigit, sentence[ms:a]))
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
