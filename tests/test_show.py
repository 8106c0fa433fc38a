"""`runstrength show` and the dosage text it prints."""
from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from runstrength.show import dose_text, show

BASE = {"stage": "main", "sets_min": None, "sets_max": None, "reps_min": None, "reps_max": None, "per_side": False,
        "hold_seconds_min": None, "hold_seconds_max": None, "duration_seconds_min": None, "duration_seconds_max": None}


@pytest.mark.parametrize("fields, expected", [
    ({"sets_min": 3, "sets_max": 3, "reps_min": 10, "reps_max": 10, "per_side": True}, "3 x 10/side"),
    ({"reps_min": 12, "reps_max": 15}, "12-15 reps"),
    ({"hold_seconds_min": 30, "hold_seconds_max": 60}, "hold 30-60s"),
    ({"stage": "start", "reps_min": 5, "reps_max": 5}, "start: 5 reps"),
    ({"sets_min": 2, "sets_max": 2, "duration_seconds_min": 60, "duration_seconds_max": 60}, "2 sets 60s"),
])
def test_dose_text(fields: dict, expected: str) -> None:
    assert dose_text({**BASE, **fields}) == expected


def test_show_summary_and_one_routine(root: Path) -> None:
    console = Console(record=True, width=200)
    show(root / "dataset", console=console)
    out = console.export_text()
    assert "000_f0f633a0992ee684" in out and "004_5e1c8f6d41d6d555" in out
    console = Console(record=True, width=250)
    show(root / "dataset", "000_f0f633a0992ee684", console=console)
    out = console.export_text()
    assert "Circuit 2" in out and "Front-foot elevated split-squats" in out and "3 x 10/side" in out


def test_show_unknown_article(root: Path) -> None:
    with pytest.raises(KeyError):
        show(root / "dataset", "no-such-article", console=Console(record=True))
