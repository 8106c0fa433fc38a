"""The rule-based spaCy pipeline: blank English, sentencizer, and span rulers built from the lexicons.

Docs are made per line of an article (lines carry the layout: headings,
bullets, paragraphs), so every sentence and span lies inside one line and its
offset in the article is `line.start + span.start_char`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from runstrength.extract import lexicon

EXERCISE_KEY = "exercise"
MUSCLE_KEY = "muscle"
EQUIPMENT_KEY = "equipment"


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def surface_variants(term: str, *, plural: bool = True) -> set[str]:
    """Spelling variants writers use for one lexicon term: hyphen/space/closed forms and plurals."""
    term = " ".join(term.lower().split())
    forms = {term}
    if "-" in term:
        forms.add(term.replace("-", " "))
        forms.add(term.replace("-", ""))
    words = term.split()
    if len(words) >= 2:
        forms.add("-".join(words))
        if len(words) == 2 and len(words[1]) <= 4:
            forms.add("".join(words))  # push up -> pushup, step up -> stepup
    if plural:
        for f in list(forms):
            head, _, last = f.rpartition(" ")
            if last and not last.endswith("ss") and last.endswith("s"):
                continue
            forms.add((head + " " if head else "") + _plural(last))
            if "-" in last:  # step-up -> step-ups; split-squat -> split-squats
                forms.add(f + "s")
    return {f for f in forms if f}


@Language.component("rs_sentence_fixes")
def sentence_fixes(doc: Doc) -> Doc:
    """Undo sentence breaks the sentencizer makes inside scraped text.

    A "?" that stands for a lost character ("a 16-18? box") or a colon-less
    heading glued to its text is followed by a lower-case word; a real
    sentence never starts lower-case in these articles.
    """
    # Only sentence starts can change: find them in one array instead of making a
    # Token object for every token of every line.
    starts = doc.to_array(SENT_START)
    for i in np.flatnonzero(starts[1:] == 1).tolist():
        tok = doc[i + 1]
        if tok.text[:1].islower() and doc[i].text in {"?", "!"}:
            tok.is_sent_start = False
    return doc


def _ruler_patterns(entries: Iterable[tuple[str, Iterable[str]]], *, plural: bool) -> list[dict]:
    patterns: dict[tuple[str, str], None] = {}
    for label, terms in entries:
        for term in terms:
            for form in surface_variants(term, plural=plural):
                patterns.setdefault((label, form), None)
    return [{"label": label, "pattern": form} for label, form in sorted(patterns)]


def exercise_terms() -> list[tuple[str, list[str]]]:
    return [(e["canonical"], [e["canonical"], *e.get("aliases", [])]) for e in lexicon.load_exercises()]


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The extractor's pipeline; built once per process (it is the expensive part of start-up)."""
    nlp = spacy.blank("en")
    rulers = (
        (EXERCISE_KEY, exercise_terms(), True),
        (MUSCLE_KEY, list(lexicon.load_muscles().items()), True),
        # Words that are equipment only in context ("a table", not "take a step") are matched under
        # their own label; the assembler keeps them only where they are used as a noun.
        (EQUIPMENT_KEY, list(lexicon.load_equipment().items()) + [(w, [w]) for w in lexicon.load_ambiguous_equipment()], True),
    )
    # SpanRuler.add_patterns runs each of its ~20,000 pattern texts through the components
    # placed before the ruler, though LOWER phrase patterns only need the tokenizer. So each
    # ruler is filled while nothing precedes it (rulers are put in front last to first) and the
    # sentence components go in front at the end: the order is still sentencizer,
    # rs_sentence_fixes, exercise, muscle and equipment rulers.
    for key, entries, plural in reversed(rulers):
        ruler = nlp.add_pipe(
            "span_ruler",
            name=f"{key}_ruler",
            config={"spans_key": key, "phrase_matcher_attr": "LOWER", "validate": False, "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}},
            first=True,
        )
        ruler.add_patterns(_ruler_patterns(entries, plural=plural))
    nlp.add_pipe("rs_sentence_fixes", first=True)
    nlp.add_pipe("sentencizer", first=True)
    return nlp


_NORM_RE = re.compile(r"[^a-z0-9½]+")


@lru_cache(maxsize=8192)  # pure; names are compared again and again while assembling
def norm_tokens(text: str) -> tuple[str, ...]:
    """Tokens for comparing names: lower case, punctuation dropped, plural s dropped, ½ read as half."""
    text = text.lower().replace("½", " half ").replace("1/2", " half ")
    out = []
    for t in _NORM_RE.sub(" ", text).split():
        if len(t) >= 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        out.append(t)
    return tuple(out)
