"""Recognise an exercise from a paragraph that describes it without naming it.

Signatures (data/signatures.yaml) list phrase groups: every `all_of` group must
match, at least `min_any` of the `any_of` groups must match, and no `none_of`
phrase may appear. The best-scoring signature wins.
"""
from __future__ import annotations

import re
from functools import lru_cache

from runstrength.extract import lexicon


def _rx(phrases: list[str]) -> re.Pattern[str]:
    alts = sorted({re.escape(" ".join(p.lower().split())) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])")


@lru_cache(maxsize=1)
def compiled() -> list[dict]:
    out = []
    for sig in lexicon.load_signatures():
        out.append({
            "sig": sig,
            "all": [_rx(g) for g in sig.get("all_of") or [] if g],
            "any": [_rx(g) for g in sig.get("any_of") or [] if g],
            "none": _rx(sig["none_of"]) if sig.get("none_of") else None,
            "min_any": int(sig.get("min_any", 1)),
        })
    return out


def match_signature(text: str) -> dict | None:
    """The signature entry that best describes `text` (lower-cased paragraph), or None.

    Scored rather than all-or-nothing: real descriptions skip a detail the
    signature expects, or mention a neighbouring movement in passing ("use a
    bench behind you as a guide"). Required groups weigh 2, optional groups 1,
    a ruling-out phrase costs 2; one required group may be missing.
    """
    text = " ".join(text.lower().replace("-", " ").split())
    best, best_score = None, 0.0
    for c in compiled():
        all_hits = sum(1 for rx in c["all"] if rx.search(text))
        if all_hits < len(c["all"]) - 1:
            continue
        any_hits = sum(1 for rx in c["any"] if rx.search(text))
        if any_hits < c["min_any"]:
            continue
        none_hits = len(set(c["none"].findall(text))) if c["none"] is not None else 0
        score = 2 * all_hits + any_hits - 2 * none_hits
        needed = 2 * len(c["all"]) + c["min_any"] - 1
        if score >= needed and score > best_score:
            best, best_score = c["sig"], score
    return best
