"""Extraction quality floors on the seed and development gold sets; score history for those and the invented set.

The dev articles come from other sites than the seeds and are read from
../shared/dev (never copied into raw/). Floors are those of the extraction issue;
a rule change that drops below them fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from runstrength.evaluate import export_for

SEED_FLOORS = {
    "exercises": 0.95, "dosage_facts": 0.95, "sentences_any": 0.85, "cues": 0.8, "purpose": 0.8,
    "muscles": 0.8, "equipment": 0.8,
}
SEED_FIELD_FLOORS = {"title": 0.9, "frequency_per_week": 0.9}
DEV_FLOORS = {"exercises": 0.9, "dosage_facts": 0.9, "sentences_any": 0.8}


@pytest.fixture(scope="module")
def seed_scores(root: Path, shared: Path, scorer) -> dict:
    return scorer(str(shared / "gold"), export_for(root / "raw"))


@pytest.fixture(scope="module")
def dev_scores(shared: Path, scorer) -> dict:
    return scorer(str(shared / "dev" / "gold"), export_for(shared / "dev" / "raw"))


@pytest.mark.parametrize("category", sorted(SEED_FLOORS))
def test_seed_floor(seed_scores: dict, category: str) -> None:
    f1 = seed_scores[category]["f1"]
    assert f1 >= SEED_FLOORS[category], f"seeds {category} F1 {f1} < {SEED_FLOORS[category]}: {seed_scores[category]}"


@pytest.mark.parametrize("field", sorted(SEED_FIELD_FLOORS))
def test_seed_field_floor(seed_scores: dict, field: str) -> None:
    acc = seed_scores["fields_accuracy"][field]
    assert acc is not None and acc >= SEED_FIELD_FLOORS[field], f"seeds {field} accuracy {acc}"


@pytest.mark.parametrize("category", sorted(DEV_FLOORS))
def test_dev_floor(dev_scores: dict, category: str) -> None:
    f1 = dev_scores[category]["f1"]
    assert f1 >= DEV_FLOORS[category], f"dev {category} F1 {f1} < {DEV_FLOORS[category]}: {dev_scores[category]}"


def test_every_seed_and_dev_article_is_exported(seed_scores: dict, dev_scores: dict) -> None:
    assert seed_scores["articles_missing"] == [] and dev_scores["articles_missing"] == []


def _last_history(root: Path, gold: str) -> dict:
    import json

    rows = [json.loads(l) for l in (root / "scores" / "history.jsonl").read_text().splitlines() if l.strip()]
    mine = [r for r in rows if r["gold"].rstrip("/").endswith(gold)]
    assert mine, f"scores/history.jsonl has no line for {gold}"
    return mine[-1]


@pytest.fixture(scope="module")
def invented_scores(root: Path, scorer) -> dict:
    invented = root / "tests" / "invented"
    return scorer(str(invented / "gold"), export_for(invented / "raw"))


@pytest.mark.parametrize("gold", ["shared/gold", "dev/gold", "tests/invented/gold"])
def test_score_history_records_current_scores(root: Path, seed_scores: dict, dev_scores: dict,
                                              invented_scores: dict, gold: str) -> None:
    """A change that moves scores must be recorded: `runstrength eval GOLD --history scores/history.jsonl --label ...`."""
    current = {"shared/gold": seed_scores, "dev/gold": dev_scores, "tests/invented/gold": invented_scores}[gold]
    last = _last_history(root, gold)
    moved = {k: (last.get(k), v["f1"]) for k, v in current.items() if isinstance(v, dict) and "f1" in v and last.get(k) != v["f1"]}
    assert not moved, f"scores changed since the last history line for {gold} (recorded, now): {moved}"


_README_ROWS = {"exercises": "exercises", "dosage facts": "dosage_facts", "cues": "cues", "purpose": "purpose",
                "sentences (any role)": "sentences_any", "muscles": "muscles", "equipment": "equipment"}


def test_readme_f1_table_shows_the_current_scores(root: Path, seed_scores: dict, dev_scores: dict,
                                                  invented_scores: dict) -> None:
    """The README's table of seeds, dev and invented F1 is what the committed code scores."""
    table = (root / "README.md").read_text().split("| category | seeds (5) | dev (10) | invented (110) |", 1)[1]
    shown = {}
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        shown[_README_ROWS[cells[0]]] = [float(c) for c in cells[1:]]
    assert sorted(shown) == sorted(_README_ROWS.values())
    current = {k: [round(s[k]["f1"], 3) for s in (seed_scores, dev_scores, invented_scores)] for k in shown}
    assert shown == current
