"""Speed pre-tests (extract/gates.py and the gated patterns of the dose grammar).

A gate may only skip a scan that would find nothing: these tests check the
facts the gates rest on, and compare gated and ungated results on generated
text. Every text here is written or generated for the test.
"""
from __future__ import annotations

import random
import re
import string

import pytest

from runstrength.extract import dose_atoms, dose_masks, quantities
from runstrength.extract.gates import (REI_ASCII_FOLDS, AnyOf, ascii_fold, compile_gated, first_char_gate, literal_gate,
                                      required_literal_sets)


def _all_non_ascii() -> str:
    return "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)


def test_rei_ascii_folds_is_every_non_ascii_character_re_i_matches_to_ascii():
    text = _all_non_ascii()
    found = {m.group() for ch in string.ascii_letters for m in re.finditer(ch, text, re.I)}
    assert found == set(REI_ASCII_FOLDS)


def test_lower_maps_no_other_non_ascii_character_to_ascii():
    assert {ch for ch in _all_non_ascii() if any(c.isascii() for c in ch.lower())} <= set(REI_ASCII_FOLDS)


def test_ascii_fold_gives_up_on_characters_re_i_folds_onto_ascii():
    assert ascii_fold("Rest Day") == "rest day"
    assert ascii_fold("Ça va, ½ rep") == "ça va, ½ rep"
    for ch in REI_ASCII_FOLDS:
        assert ascii_fold(f"Rest {ch}") is None


_ALPHABET = list("adeiknrstwy -.,") + ["Y", "D", "A", "K", "é", "ß", "½", *REI_ASCII_FOLDS]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(n)]


@pytest.mark.parametrize("words", [("day", "daily", "week", "wk"), ("rest", "take"), ("side", "arm", "skin"),
                                   ("rest", "Rest", "rested", "stake", "take", "a day", "day")])
def test_any_of_agrees_with_the_regex(words):
    gate = AnyOf(*words)
    case_sensitive = AnyOf(*words, ignore_case=False)
    rx = re.compile("|".join(words), re.I)
    exact = re.compile("|".join(words))
    for text in _random_texts(20000, seed=len(words)) + ["Rest DAY", "tıke", "ſide", "sKin", "Week"]:
        assert gate(text) == bool(rx.search(text)), text
        assert case_sensitive(text) == bool(exact.search(text)), text


def test_any_of_tests_the_fewest_words():
    # repeats (once lower-cased) and words that hold another word add nothing to the answer
    assert AnyOf("rest", "Rest", "rested", "stake", "take", "a day", "day").words == ("rest", "take", "day")
    assert AnyOf("Rest", "rest", ignore_case=False).words == ("Rest", "rest")


def test_required_literal_sets():
    assert required_literal_sets(r"\b(to|in|check) your (e-?mail|inbox)\b") == [
        (" your ",), ("check", "in", "to"), ("inbox", "mail")]
    assert required_literal_sets(r"\bcookies?\b.*\b(accept|use)\b") == [("cookie",), ("accept", "use")]
    assert required_literal_sets(r"(?:^|[.!?]\s+)At (?=[A-Z])", re.M) == [("At ",)]
    assert required_literal_sets(r"(?:^|[.!?]\s+)At (?=[A-Z])", re.I) == [("at ",)]
    assert required_literal_sets(r"\d+|x?") == []
    # Case-sensitive, a (?i:...) group's literal may come in any case: no test can use it ...
    assert required_literal_sets(r"a(?i:b)c", 0) == [("a",), ("c",)]
    # ... under re.I every literal holds lower-cased, inside (?i:...) or (?-i:...) groups too.
    assert required_literal_sets(r"a(?i:b)c") == [("a",), ("b",), ("c",)]
    assert required_literal_sets(r"a(?-i:B)c") == [("a",), ("b",), ("c",)]
    assert required_literal_sets(r"(?i:by|from)\s+[A-Z]\w+", 0) == []
    assert required_literal_sets(r"(?i:by|from)\s+[A-Z]\w+", re.I) == [("by", "from")]


def test_literal_gate_never_rules_out_a_match():
    patterns = [
        re.compile(r"\b(?:founder|owner|head coach|coach) (?:of|at) (?=[A-Z])"),
        re.compile(r"(?:^|[.!?]\s+)At (?=[A-Z])", re.M),
        re.compile(r"\b(?:here at|team at|we at|visit us at|welcome to) (?=[A-Z])", re.I),
    ]
    pieces = ["At ", "at ", "AT ", "here at ", "Welcome To ", "coach of ", "Coach at ", "founder of ", "We at ",
              "Oak", "the", ". ", "\n", "ſ", "ı"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(5000)]
    for rx in patterns:
        gate = literal_gate(rx)
        assert gate is not None
        for text in texts:
            assert gate(text) or not rx.search(text), (rx.pattern, text)


def test_first_char_gate_reads_word_boundaries():
    assert first_char_gate(r"between|\bone|\d", re.I) == r"[\db]|\b[o]"
    assert first_char_gate(r"(?:\bone)?x", 0) == r"[x]|\b[o]"
    assert first_char_gate(r"x?", 0) is None


_DOSE_PIECES = ["3", "10", "2-3", "1 1/2", "½", "one", "twenty-two", "ten", "between", "and", "x", "×", "sets", "reps",
                "seconds", "s", "min", "minute", "a", "of", "per", "side", "each", "leg", "times", "a week", "daily",
                "%", "lbs", "kg", "inch", "\"", "°", "rest", "hold", "add", "extra", "routine", "do", "repeat", "once",
                "twice", "tendon", "attention", "(", ")", ":", ",", ".", "-", "#", "/"]


def _dose_texts(n: int) -> list[str]:
    rng = random.Random(11)
    out = []
    for _ in range(n):
        parts = [rng.choice(_DOSE_PIECES) for _ in range(rng.randint(1, 12))]
        out.append("".join(p + rng.choice(["", " ", " ", "  "]) for p in parts))
    return out


def _ungated(rx: re.Pattern[str]) -> str:
    """The pattern compile_gated was given: what follows its "(?=gate)(?:" prefix, without the ")"."""
    m = re.match(r"\(\?=.*?\)\(\?:", rx.pattern)
    assert m is not None and rx.pattern.endswith(")")
    return rx.pattern[m.end():-1]


@pytest.mark.parametrize("pattern", [
    "|".join(f"(?:{p})" for p in dose_masks._MASK_PATTERNS),
    "|".join(f"(?:{p})" for p in dose_masks._FREQ_PATTERNS),
    _ungated(dose_atoms._NXM_RE),
    _ungated(dose_atoms._REPS_RE),
    _ungated(dose_atoms._TIMES_RE),
    _ungated(dose_atoms._TIME_RE),
    r"\b" + quantities.trie_alternation(quantities._NUM_HINTS) + r"\b",
])
def test_gated_patterns_find_the_same_matches(pattern):
    plain, gated = re.compile(pattern, re.I), compile_gated(pattern, re.I)
    assert gated.pattern != plain.pattern
    for text in _dose_texts(3000):
        assert [(m.span(), m.groups()) for m in plain.finditer(text)] == \
            [(m.span(), m.groups()) for m in gated.finditer(text)], text


def test_number_hint_split_agrees_with_one_alternation():
    one = re.compile(r"\d|[½¼¾]|\b" + quantities.trie_alternation(quantities._NUM_HINTS) + r"\b", re.I)
    for text in _dose_texts(3000) + _random_texts(3000, seed=3):
        assert quantities.has_number_hint(text) == bool(one.search(text)), text


def test_masking_frequency_needs_a_period_word():
    rx = re.compile("|".join(f"(?:{p})" for p in dose_masks._FREQ_PATTERNS), re.I)
    for text in _dose_texts(5000):
        assert dose_masks._FREQ_MASK_HINT(text) or not rx.search(text), text


# Written for this test: lines that hit a boilerplate pattern, lines that only share a gating word with one.
_BOILER_PROBES = (
    "Tap here to get our weekly plan", "Like  Share  Reply", "Please like this drill", "Sent: Monday 4 May",
    "Sent from my phone", "Call 555 201 4433 today", "Read 4 min read", "Watch the video below, it shows the cue",
    "Keep your back flat.", "Hold the plank for 30 seconds", "Copyright 2031 Hill Strides", "Caf\u00e9 newsletter",
    "Page 3 of 12", "J\u00f6rg wrote:", "IMG_2201 IMG_2202", "Photo by Ana Ruiz", "9 Mill Lane Suite #3",
    "Step 4", "Image of the week",
)


@pytest.mark.parametrize("text", _BOILER_PROBES)
def test_boilerplate_gating_agrees_with_scanning_every_pattern(text):
    from runstrength.extract.vocab import is_boilerplate, vocab

    assert is_boilerplate(text) == any(rx.search(text) for _, _, rx in vocab()["boiler"])


@pytest.mark.parametrize("pattern, words", [
    ("_SETS_RE", "_SETU_WORDS"), ("_SETS_OF_RE", "_SETU_WORDS"), ("_BARE_SETS_OF_RE", "_SET_WORDS"),
    ("_COUNTED_RE", "_COUNTED_WORDS"), ("_TIMES_RE", "_TIMES_WORDS"), ("_HOLD_COUNT_RE", "_HOLD_COUNT_WORDS"),
    ("_HOLDS_RE", "_HOLDS_WORDS"), ("_REST_LEAD_RE", "_REST_WORDS"), ("_REST_TRAIL_RE", "_REST_WORDS"),
    ("_TAKE_BREAK_RE", "_REST_WORDS"),
])
def test_dose_atom_gate_words_are_implied_by_their_patterns(pattern: str, words: str) -> None:
    """_core_atoms skips a pattern on a sentence holding none of its gate words. That is only sound while
    every match holds one: each string of one of the pattern's required-literal sets must contain a gate
    word. Widening a pattern (a new set unit, a new rest verb) without its word list fails here."""
    gate = getattr(dose_atoms, words)
    rx = getattr(dose_atoms, pattern)
    sets = required_literal_sets(rx.pattern, rx.flags)
    assert any(all(any(w in s for w in gate) for s in strings) for strings in sets), (pattern, sets)


def _lowered(gate):
    return lambda text: gate(text.lower())


def _guarded() -> dict[str, tuple]:
    """Each hand-written gate (or one read from its pattern), the pattern it lets run, and texts written for this
    test that the pattern matches: the wordings and spacings a gate can miss (a label lead, two spaces, a line
    break, a typographic apostrophe, a race effort)."""
    from runstrength.extract import assemble, attach, line_names, meta, ownership

    return {
        "byline": (meta._BYLINE_TAIL_HINT, meta._BYLINE_TAIL_RE,
                   ["Author: Jo Lee, Harbour Run Physiotherapy", "Clinician: Sam Ortiz, Physiotherapist",
                    "Posted on 3 May 2031 by Jo Lee, Coach", "Words by Ana Ruiz, Quayside Strength Studio"]),
        "is a": (meta._is_a_hint(), meta._is_a_re(),
                 ["Harbour Run Physio is  a sports clinic.", "Quayside Strength is a\nsmall gym in town."]),
        "page mark": (meta._PAGE_MARK_HINT, meta._PAGE_MARK_RE, ["Page 3 of 12", "3 / 12"]),
        "intro": (line_names.INTRO_HINT, line_names.INTRO_RE,
                  ["Next we are  going to do a bridge", "Now you will\tdo a clamshell", "Then we\u2019LL do some planks",
                   "Once that is easy, add a side plank", "Move on to the step-ups"]),
        "avoid heading": (_lowered(assemble._AVOID_HEAD_HINT), assemble._AVOID_HEAD_RE,
                          ["Dont do these", "Moves to leave out for now", "What to Avoid", "NEVER TRY THESE"]),
        "other side": (attach._OTHER_SIDE_HINT, attach._OTHER_SIDE_RE,
                       ["Switch sides.", "Repeat on your left foot.", "Then repeat, twisting to the right."]),
        "whole list": (attach._WHOLE_LIST_HINT, attach._WHOLE_LIST_RE,
                       ["Here are five moves to loosen up", "These drills build speed", "Listed below are three stretches"]),
        "dismissed": (ownership._DISMISSED_HINT, ownership._DISMISSED_AFTER_RE,
                      [" wouldn't\thelp", " cannot help here", " are far too easy to make a dent"]),
        "asked": (ownership._ASKED_HINT, ownership._ASKED_RE, ["Runners often ask whether they should roll"]),
        "race effort": (dose_masks._running_hint, next(rx for g, rx in dose_masks._CONTEXT_MASKS if g is dose_masks._running_hint),
                        ["3 x 10 min at half marathon effort", "4 x 3 min at 5k speed", "20 minutes of easy running"]),
    }


@pytest.mark.parametrize("name", ["byline", "is a", "page mark", "intro", "avoid heading", "other side", "whole list",
                                  "dismissed", "asked", "race effort"])
def test_hand_written_gates_let_through_what_their_patterns_match(name: str) -> None:
    """A gate skips its pattern on a text without its words: each text here is matched by the pattern (so the
    test checks what it means to), and the gate must let it through."""
    gate, rx, texts = _guarded()[name]
    for text in texts:
        assert rx.search(text), (name, text)
        assert gate(text), (name, text)


def test_hand_written_gates_pass_every_match_in_the_invented_articles() -> None:
    """The same on every line and sentence of the invented articles, which are written for the test suite."""
    from pathlib import Path

    texts = []
    for path in sorted((Path(__file__).parent / "invented" / "raw").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            texts += [line, *re.split(r"(?<=[.!?])\s+", line)]
    assert len(texts) > 5000
    guarded = list(_guarded().items()) + [(f"context mask {i}", (g, rx, [])) for i, (g, rx) in enumerate(dose_masks._CONTEXT_MASKS)]
    missed = [(name, t) for name, (gate, rx, _) in guarded for t in texts if not gate(t) and rx.search(t)]
    assert missed == []
