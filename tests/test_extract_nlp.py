"""The spaCy pipeline itself: lexicon span groups and tokenizer set-up."""

from __future__ import annotations

import gc

import pytest
import spacy

from runstrength.extract import pipeline
from runstrength.extract.nlp import (
    EQUIPMENT_KEY,
    EXERCISE_KEY,
    MUSCLE_KEY,
    _ruler_patterns,
    build_nlp,
    lexicon_entries,
)

KEYS = (EXERCISE_KEY, MUSCLE_KEY, EQUIPMENT_KEY)

# Written for these tests: overlapping names (split squat / Bulgarian split squat), plurals,
# hyphen and closed spellings, muscles and equipment next to each other, and lines with nothing.
LINES = [
    "Bulgarian split squats with a dumbbell in each hand work the glutes and quads.",
    "Do 3 sets of 10 push-ups, then 3 x 8 pushups on a bench.",
    "Single-leg deadlift: hinge at the hip, keep the hamstrings long, hold a kettlebell.",
    "Step ups onto a box or a sturdy chair strengthen the gluteus medius.",
    "Calf raises off a step, slowly, for the soleus and gastrocnemius.",
    "Rest for two minutes between rounds.",
    "",
    "Side plank 3x30s; resistance band clamshells; glute bridge march.",
]


@pytest.fixture(scope="module")
def reference() -> spacy.language.Language:
    """One SpanRuler per lexicon, as spaCy's docs build them: what LexiconSpans must reproduce."""
    nlp = spacy.blank("en")
    for key, entries in lexicon_entries():
        ruler = nlp.add_pipe(
            "span_ruler", name=f"{key}_ruler",
            config={"spans_key": key, "phrase_matcher_attr": "LOWER", "validate": False,
                    "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}})
        ruler.add_patterns([{"label": label, "pattern": form}
                            for label, form in _ruler_patterns(entries, plural=True)])
    return nlp


def _groups(doc) -> dict[str, list[tuple[int, int, str]]]:
    return {key: [(s.start, s.end, s.label_) for s in doc.spans[key]] for key in KEYS}


def test_lexicon_spans_equal_one_span_ruler_per_lexicon(reference) -> None:
    nlp = build_nlp()
    for line in LINES:
        assert _groups(nlp(line)) == _groups(reference(line)), line


def test_lexicon_spans_are_found_and_do_not_overlap() -> None:
    doc = build_nlp()(LINES[0])
    exercises = [(s.text, s.label_) for s in doc.spans[EXERCISE_KEY]]
    # The longest name wins over the shorter one inside it.
    assert [t for t, _ in exercises] == ["Bulgarian split squats"]
    assert "dumbbell" in {s.text for s in doc.spans[EQUIPMENT_KEY]}
    assert {"glutes", "quads"} <= {s.text for s in doc.spans[MUSCLE_KEY]}
    for key in KEYS:
        spans = list(doc.spans[key])
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_every_lexicon_has_a_span_group_even_when_empty() -> None:
    doc = build_nlp()("Rest for two minutes.")
    assert all(list(doc.spans[key]) == [] for key in KEYS)


def test_tokenizer_cache_has_room_for_the_corpus_beyond_the_lexicon_phrases() -> None:
    """spaCy caches at most max_cache_size chunks, first come first kept. The lexicon phrases
    are tokenized when the pipeline is built; if they filled the cache, no word of any
    article would be cached and tokenizing would run ~10x slower."""
    phrase_chunks = {chunk for _, entries in lexicon_entries()
                     for _, form in _ruler_patterns(entries, plural=True) for chunk in form.split()}
    assert len(phrase_chunks) > 10_000  # spaCy's default size: the reason for the setting
    assert build_nlp().tokenizer.max_cache_size >= len(phrase_chunks) + 50_000


def test_extraction_keeps_the_pipeline_out_of_the_cycle_collector() -> None:
    from runstrength.ingest.reader import RawArticle

    raw = RawArticle(article_id="g001", source_file="g001.txt", sha256="0" * 64,
                     text="Squat\n\n3 x 10.\n", encoding="utf-8")
    list(pipeline.extract_articles([raw]))
    # The pipeline's objects were frozen (counted as permanent) and young collections are rarer.
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold()[0] == pipeline.GC_THRESHOLDS[0] > 700


def test_the_article_a_does_not_start_a_lettered_drill() -> None:
    nlp = build_nlp()
    article = nlp("Most of the group start a walk-run plan in week two.")
    assert [s.label_ for s in article.spans[EXERCISE_KEY]] == []
    drill = nlp("Finish with the A-walk drill down the straight.")
    assert [s.label_ for s in drill.spans[EXERCISE_KEY]] == ["a-march"]


def test_a_lower_case_word_after_a_closing_bracket_goes_on_the_sentence() -> None:
    doc = build_nlp()("Bring two cones (or two shoes!) and a towel. Then begin.")
    assert [s.text for s in doc.sents] == ["Bring two cones (or two shoes!) and a towel.", "Then begin."]


def test_cached_span_tuples_equal_the_span_groups() -> None:
    """doc_spans reads the tuples the pipeline keeps; they must be what the groups hold."""
    from runstrength.extract.roles import doc_spans

    for text in (*LINES, "Rest for two minutes."):
        doc = build_nlp()(text)
        for key in KEYS:
            got = [(s.start, s.end, s.label_) for s in doc_spans(doc, key)]
            assert got == [(s.start, s.end, s.label_) for s in doc.spans[key]]



@pytest.mark.parametrize("text,tokens,move", [
    ("Knee to chest- lie down", ["Knee", "to", "chest", "-", "lie", "down"], "Knee to chest"),
    ("Cobra\u2013 lie face down", ["Cobra", "\u2013", "lie", "face", "down"], "Cobra"),
    # a hyphen inside a word or between numbers is no glued dash
    ("step-ups, 8-10 reps", ["step", "-", "ups", ",", "8", "-", "10", "reps"], "step-ups"),
])
def test_a_dash_glued_to_a_word_is_split_off_as_a_spaced_dash_is(text, tokens, move):
    doc = build_nlp()(text)
    assert [t.text for t in doc] == tokens
    assert [s.text for s in doc.spans[EXERCISE_KEY]] == [move]


@pytest.mark.parametrize("text,moves", [
    # a muscle named in the plural before "stretch", and the wall it is done against
    ("Finish with the quads stretch and a calf wall stretch.", [("quads stretch", "quad stretch"), ("calf wall stretch", "calf stretch")]),
    ("Hip raises, kick backs and calf drops, then roll downs.",
     [("Hip raises", "glute bridge"), ("kick backs", "standing hip extension"), ("calf drops", "eccentric calf raise"),
      ("roll downs", "pilates roll-up")]),
])
def test_common_short_names_of_known_moves_are_matched(text, moves):
    assert [(s.text, s.label_) for s in build_nlp()(text).spans[EXERCISE_KEY]] == moves
