"""The number words of the dose grammar: the compact regex reads exactly what the plain word trie reads."""
from __future__ import annotations

import itertools
import re

from runstrength.extract import quantities

_PIECES = sorted({p for w in quantities.WORD_VALUES for p in re.split(r"[\s-]+", w)}) + ["reps", "x"]
_SEPS = ["", " ", "-", "  "]


def _candidates(alternation: str, text: str) -> list[int]:
    """End offsets of the words `alternation` can match at the start of `text`, in the order it tries them."""
    ends: list[int] = []
    while True:
        # Each found end is ruled out in turn, so the next match is the next word tried.
        skip = "".join(f"(?!(?<=^.{{{n}}}))" for n in ends)
        m = re.match(r"^(?:" + alternation + r")\b" + skip, text, re.I)
        if m is None:
            return ends
        ends.append(m.end())


def test_number_words_match_the_plain_trie_in_the_same_order():
    plain = quantities.trie_alternation(quantities._NUM_WORDS)
    assert len(quantities._WORDNUM) < len(plain) / 2
    texts = [a + sep + b + " x" for a, sep, b in itertools.product(_PIECES, _SEPS, _PIECES)]
    several = 0
    for text in texts:
        expected = _candidates(plain, text)
        assert _candidates(quantities._WORDNUM, text) == expected, text
        several += len(expected) > 1
    assert several > 100  # texts where a shorter word ("sixty") could stand for a longer one ("sixty-six")


def test_every_number_word_is_read_whole():
    rx = re.compile(r"\b" + quantities._WORDNUM + r"\b", re.I)
    for word, value in quantities.WORD_VALUES.items():
        if word in quantities._NUM_WORDS:
            assert rx.fullmatch(word) and quantities.to_number(word) == value, word
            assert rx.fullmatch(word.upper().replace(" ", " \t")), word
    for other in ("sixtyish", "seventeenth", "twenty-zero", "a couple off", "tenfold", "one-ty"):
        assert not rx.fullmatch(other), other


def test_num_start_is_where_every_number_starts():
    """NUM_START gates patterns led by a number: it must hold wherever a NUM match starts."""
    gate = re.compile(quantities.NUM_START, re.I)
    texts = [*quantities.WORD_VALUES, "12", "1 1/2", "3/4", "½", "2½", "1.5", "A Dozen", "a  couple of"]
    for text in texts:
        for m in re.finditer(quantities.NUM, f"do {text} reps", re.I):
            assert gate.match(f"do {text} reps", m.start()), text
