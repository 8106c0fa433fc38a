"""The muscles and equipment a line gives an exercise (what terms.py says each word means there)."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from runstrength.extract import lexicon
from runstrength.extract.nlp import EQUIPMENT_KEY, MUSCLE_KEY, norm_tokens
from runstrength.extract.registry import Ex
from runstrength.extract.roles import doc_spans
from runstrength.extract.terms import (
    VAGUE_MUSCLES,
    acting_ranges,
    back_region,
    does_work,
    elided_muscle,
    equipment_rx,
    held_or_faulted,
    inside_equipment,
    listed_after_equipment,
    modifies_body_part,
    muscle_subject,
    muscle_term,
    name_equipment,
    noun_use,
    paces,
    positional,
    set_against,
    taken_over,
    vague_as_noun,
)
from runstrength.extract.vocab import vocab
from runstrength.model import Section


# In a cue, relaxing a body part is about posture, not what the exercise trains ("relax your shoulders");
# not in the third person, where the move is what loosens it ("it loosens the shoulders").
_RELAX_RE = re.compile(r"(relax|releas|loosen)(?!e?s\b)", re.I)
# "imagine a tray on your head", "as if holding a box": things pictured, not used.
_IMAGERY_RE = re.compile(r"\b(imagin\w*|pretend\w*|visuali[sz]\w*|as if|as though|think of)\b", re.I)
# A muscle word naming a complaint or a body position, not a muscle worked ("hip pain", "a neutral back position").
_NOT_MUSCLE_AFTER = {"pain", "pains", "ache", "aches", "movement", "movements", "motion", "position", "posture", "arch", "curve",
                     "stress", "strain", "strains", "injury", "injuries", "issues", "problems", "trouble", "syndrome",
                     "tightness", "soreness", "tendinitis", "tendonitis", "tendinopathy", "cramps", "cramping"}
# An equipment word written as a capitalised abbreviation ("KB", "DBs"): reported by its full name.
_ABBREVIATION_RE = re.compile(r"[A-Z]{2,3}s?")


def _adjective(term: str) -> bool:
    """ "banded", "weighted": an equipment word said of an exercise (a band is what it uses)."""
    return term.endswith("ed") and term not in ("bed",)


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


def text_muscles(ex: Ex) -> list[str]:
    """The exercise's muscles, without one named only by its name when the text names the same muscle
    in another form of the word ("calf" from "Calf raises" when the text says "calves"); a different
    word for it ("pec" and "chest") is kept."""
    if not ex.name_muscles:
        return ex.muscles
    canon = _muscle_canonical()
    told = {(canon.get(norm_tokens(m)), m[:3]) for m in ex.muscles if m not in ex.name_muscles}
    return [m for m in ex.muscles if m not in ex.name_muscles or (canon.get(norm_tokens(m)), m[:3]) not in told]


class TermsMixin:
    """Muscles and equipment of a line tied to an exercise."""

    def add_terms(self, ex: Ex, doc: Doc, start: int = 0, end: int | None = None, *, purpose: bool = False, in_name: bool = False,
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
                if _adjective(term) or _ABBREVIATION_RE.fullmatch(span.text):
                    term = span.label_  # "banded clams" use a band; "a KB" is a kettlebell
                toks = set(norm_tokens(term))
                if any(toks <= set(norm_tokens(t)) or _short_form(term, t) for t in ex.equipment):
                    continue  # "the roller" after "foam roller", "the bar" after "barbell"
                general = [t for t in ex.equipment if set(norm_tokens(t)) < toks or _short_form(t, term)]
                if general:  # "resistance band" after "band", "barbell" after "bar"
                    ex.equipment[ex.equipment.index(general[0])] = term
                    continue
                ex.equipment.append(term)

    def _section_terms(self, ex: Ex, section: Section) -> None:
        """Equipment a section title names ("Foam Roller Exercises") is used by its exercises."""
        for m in equipment_rx().finditer(section.title.lower()):
            term = m.group(0)
            if term in _AMOUNT_WORDS:
                continue  # "Phase 2: add load" says how much, not with what
            if _adjective(term):
                continue  # "Stage 2: Banded and standing work" describes some of the part's exercises, not all
            if term not in ex.equipment:
                ex.equipment.append(term)
