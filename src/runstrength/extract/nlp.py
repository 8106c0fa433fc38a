"""The rule-based spaCy pipeline: blank English, sentencizer, and one phrase matcher built from the lexicons.

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
from spacy.attrs import IS_UPPER, LENGTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex, filter_spans

from runstrength.extract import lexicon

EXERCISE_KEY = "exercise"
MUSCLE_KEY = "muscle"
EQUIPMENT_KEY = "equipment"
# doc.user_data key prefix under which a doc's span groups are kept as tuples (roles.doc_spans).
SPANS_CACHE = "runstrength.spans"
TOKENIZER_CACHE_SIZE = 200_000
GLUED_DASH_SUFFIX = r"(?<=[A-Za-z)])[-\u2013\u2014]"


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
    """Undo sentence breaks the sentencizer makes inside scraped text, add the ones it misses.

    A "?" that stands for a lost character ("a 16-18? box") or a colon-less
    heading glued to its text is followed by a lower-case word; a real
    sentence never starts lower-case in these articles, nor right after a
    comma ("hold a rail, a chair, etc., then ..."). A capital letter with a full
    stop after a lower-case word is a shape that ends a sentence ("so your
    arms form a T. Keep ..."), not an initial: the tokenizer keeps "T." as one
    token, so the sentencizer does not split there.
    """
    # Only sentence starts and one-letter tokens can change: find them in one array
    # instead of making a Token object for every token of every line.
    arr = doc.to_array([SENT_START, LENGTH, IS_UPPER])
    for i in np.flatnonzero(arr[1:, 0] == 1).tolist():
        tok = doc[i + 1]
        if tok.text[:1].islower() and doc[i].text in _NO_BREAK_AFTER:
            tok.is_sent_start = False
    n = len(doc)
    for i in np.flatnonzero((arr[:, 1] == 2) & (arr[:, 2] == 1)).tolist():
        if i == 0 or i + 1 >= n or doc[i].text[1] != "." or not doc[i - 1].text.islower():
            continue
        j = i + 1
        while j < n and doc[j].is_space:
            j += 1
        if j < n and (j > i + 1 or doc[i].whitespace_) and doc[j].text[:1].isupper():
            doc[j].is_sent_start = True
    return doc


# ")": a "!" inside brackets ends no sentence ("bring a towel (or a chair!) and a band").
_NO_BREAK_AFTER = frozenset({"?", "!", ",", ";", ")"})


def _ruler_patterns(entries: Iterable[tuple[str, Iterable[str]]], *, plural: bool) -> list[tuple[str, str]]:
    """(label, surface form) pairs for one lexicon, unique and sorted."""
    patterns: dict[tuple[str, str], None] = {}
    for label, terms in entries:
        for term in terms:
            for form in surface_variants(term, plural=plural):
                patterns.setdefault((label, form), None)
    return sorted(patterns)


def exercise_terms() -> list[tuple[str, list[str]]]:
    return [(e["canonical"], [e["canonical"], *e.get("aliases", [])]) for e in lexicon.load_exercises()]


def lexicon_entries() -> list[tuple[str, list[tuple[str, Iterable[str]]]]]:
    """(spans key, [(label, terms)]) for every lexicon the pipeline marks."""
    return [
        (EXERCISE_KEY, exercise_terms()),
        (MUSCLE_KEY, list(lexicon.load_muscles().items())),
        # Words that are equipment only in context ("a table", not "take a step") are matched under
        # their own label; the assembler keeps them only where they are used as a noun.
        (EQUIPMENT_KEY, list(lexicon.load_equipment().items()) + [(w, [w]) for w in lexicon.load_ambiguous_equipment()]),
    ]


class LexiconSpans:
    """Every lexicon's phrases in one PhraseMatcher, its matches split into one span group per lexicon.

    Each group is what a SpanRuler (LOWER phrase patterns, first-longest filter)
    for that lexicon alone would set: duplicates dropped, then the first
    longest of overlapping spans kept. One matcher pass instead of one ruler
    per lexicon: a ruler also runs an empty token Matcher under a warnings
    filter on every doc, which cost more than the phrase matching itself.
    """

    def __init__(self, nlp: Language, entries: list[tuple[str, list[tuple[str, Iterable[str]]]]]):
        self.keys = [key for key, _ in entries]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.targets: dict[int, tuple[str, str]] = {}  # match id -> (spans key, label)
        for key, pairs in entries:
            forms: dict[str, list[str]] = {}
            for label, form in _ruler_patterns(pairs, plural=True):
                forms.setdefault(label, []).append(form)
            for label, texts in forms.items():
                match_key = f"{key}\x1f{label}"
                self.targets[nlp.vocab.strings.add(match_key)] = (key, label)
                # Tokenizer only: LOWER phrase patterns need no other annotation.
                self.matcher.add(match_key, list(nlp.tokenizer.pipe(texts)))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, set[Span]] = {key: set() for key in self.keys}
        for match_id, start, end in self.matcher(doc):
            key, label = self.targets[match_id]
            if end - start >= 2 and doc[start].text == "a" and doc[start + 1].text != "-":
                continue  # "take a walk break": the article, not a lettered drill ("A-walk", "A skips")
            found[key].add(Span(doc, start, end, label=label))
        for key, spans in found.items():
            kept = filter_spans(sorted(spans)) if spans else []
            doc.spans[key] = kept
            # What doc_spans would rebuild from the group: iterating a SpanGroup makes new Spans.
            doc.user_data[(SPANS_CACHE, key)] = tuple(kept)
        return doc


@Language.factory("rs_lexicon_spans")
def make_lexicon_spans(nlp: Language, name: str) -> LexiconSpans:
    return LexiconSpans(nlp, lexicon_entries())


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The extractor's pipeline; built once per process (it is the expensive part of start-up)."""
    nlp = spacy.blank("en")
    # The tokenizer caches at most max_cache_size (default 10,000) distinct chunks, first come
    # first kept, and the lexicon phrases alone hold more than that: with the default no word
    # of the corpus would ever be cached and every token would be split afresh (~10x slower
    # tokenizing). Only chunks seen outside a memory zone are cached (see pipeline.py), so the
    # cache stays bounded by the phrases plus a process's first batch.
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
    # "Knee to chest- Lie on your back": a dash glued to the word before it and spaced from the next parts
    # a name from its description as a spaced dash does. The stock suffixes leave "chest-" one token, so
    # the lexicon's "knee to chest" could not match; split off, the dash is the token a spaced one is.
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, GLUED_DASH_SUFFIX]).search
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rs_sentence_fixes")
    nlp.add_pipe("rs_lexicon_spans")
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
