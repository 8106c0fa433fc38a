"""Recognise an exercise from a paragraph that describes it without naming it.

Signatures (data/signatures.yaml) list phrase groups: every `all_of` group must
match, at least `min_any` of the `any_of` groups must match, and no `none_of`
phrase may appear. The best-scoring signature wins.
"""
from __future__ import annotations

import re
from functools import lru_cache

from runstrength.extract import lexicon

_WORD_RE = re.compile(r"[a-z0-9]+")


class _Group:
    """One phrase group: a regex over the whole paragraph, plus cheap tests that rule most paragraphs out.

    A phrase matches only between non-[a-z0-9] characters, so each of its words
    (its maximal [a-z0-9] runs) is then a whole word of the paragraph: a paragraph
    that lacks a word of every phrase of the group cannot match, and the regex scan
    is skipped. The first words are tested first, in one set operation.
    """

    __slots__ = ("rx", "firsts", "needs")

    def __init__(self, phrases: list[str]):
        alts = sorted({re.escape(" ".join(p.lower().split())) for p in phrases}, key=len, reverse=True)
        self.rx = re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])")
        firsts = [_WORD_RE.match(" ".join(p.lower().split())) for p in phrases]
        # None: some phrase does not start with a word character, so no shortcut.
        self.firsts = frozenset(m.group(0) for m in firsts) if all(firsts) else None
        # The words of each phrase (a phrase without any could match anywhere: then no shortcut).
        needs = [frozenset(_WORD_RE.findall(" ".join(p.lower().split()))) for p in phrases]
        self.needs = tuple(needs) if all(needs) else None

    def possible(self, words: set[str]) -> bool:
        if self.firsts is not None and self.firsts.isdisjoint(words):
            return False
        return self.needs is None or any(n <= words for n in self.needs)

    def search(self, text: str, words: set[str]) -> bool:
        return self.possible(words) and self.rx.search(text) is not None


@lru_cache(maxsize=1)
def compiled() -> list[dict]:
    out = []
    for sig in lexicon.load_signatures():
        out.append({
            "sig": sig,
            "all": [_Group(g) for g in sig.get("all_of") or [] if g],
            "any": [_Group(g) for g in sig.get("any_of") or [] if g],
            "none": _Group(sig["none_of"]) if sig.get("none_of") else None,
            "min_any": int(sig.get("min_any", 1)),
            "strict": bool(sig.get("strict", False)),
        })
    return out


def _required_hits(groups: list[_Group], text: str, words: set[str], allowed: int = 1) -> int | None:
    """How many of `groups` match; None once more than `allowed` do not (the rest are then not searched)."""
    misses = 0
    for g in groups:
        if not g.search(text, words):
            misses += 1
            if misses > allowed:
                return None
    return len(groups) - misses


@lru_cache(maxsize=4096)  # pure (the entries returned are the shared, read-only lexicon ones)
def match_signature(text: str) -> dict | None:
    """The signature entry that best describes `text` (lower-cased paragraph), or None.

    Scored rather than all-or-nothing: real descriptions skip a detail the
    signature expects, or mention a neighbouring movement in passing ("with a
    chair behind you to catch you"). Required groups weigh 2, optional groups 1,
    a ruling-out phrase costs 2; one required group may be missing, unless the
    signature is `strict` (its required groups are a posture any leaflet move
    shares plus the one detail that tells the move apart, which must be there).
    """
    text = " ".join(text.lower().replace("-", " ").split())
    words = set(_WORD_RE.findall(text))
    best, best_score = None, 0.0
    for c in compiled():
        all_hits = _required_hits(c["all"], text, words, 0 if c["strict"] else 1)
        if all_hits is None:
            continue
        any_hits = sum(1 for g in c["any"] if g.search(text, words))
        if any_hits < c["min_any"]:
            continue
        none = c["none"]
        none_hits = len(set(none.rx.findall(text))) if none is not None and none.possible(words) else 0
        score = 2 * all_hits + any_hits - 2 * none_hits
        needed = 2 * len(c["all"]) + c["min_any"] - 1
        if score >= needed and score > best_score:
            best, best_score = c["sig"], score
    return best
