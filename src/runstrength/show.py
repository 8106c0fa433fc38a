"""`runstrength show`: the published dataset as terminal tables (rich, which Prefect already ships)."""
from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table


def _load(dataset: Path) -> dict:
    path = dataset / "json" / "routines.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: is {dataset} a published dataset?")
    return json.loads(path.read_text(encoding="utf-8"))


def _range(lo, hi, unit: str = "") -> str:
    if lo is None:
        return ""
    text = str(lo) if hi in (None, lo) else f"{lo}-{hi}"
    return text + unit


def dose_text(d: dict) -> str:
    """One dosage as a coach would write it: '3 x 10/side', 'hold 30-60s', 'start: 5 reps'."""
    parts = []
    sets, reps = _range(d["sets_min"], d["sets_max"]), _range(d["reps_min"], d["reps_max"])
    if sets and reps:
        parts.append(f"{sets} x {reps}")
    elif reps:
        parts.append(f"{reps} reps")
    elif sets:
        parts.append(f"{sets} sets")
    if d["hold_seconds_min"] is not None:
        parts.append("hold " + _range(d["hold_seconds_min"], d["hold_seconds_max"], "s"))
    if d["duration_seconds_min"] is not None:
        parts.append(_range(d["duration_seconds_min"], d["duration_seconds_max"], "s"))
    text = " ".join(parts) + ("/side" if d["per_side"] else "")
    return text if d["stage"] == "main" else f"{d['stage']}: {text}"


def summary_table(data: dict) -> Table:
    table = Table(title=f"{data['dataset']['name']} {data['dataset']['version']}")
    for col in ("article_id", "title", "exercises", "dosages", "cues", "purpose", "per week"):
        table.add_column(col, overflow="fold")
    for a in data["articles"]:
        ex = a["exercises"]
        fw = a["frequency_per_week"]
        table.add_row(
            a["article_id"], a["title"] or "", str(len(ex)), str(sum(len(e["dosages"]) for e in ex)),
            str(sum(len(e["cues"]) for e in ex)), str(sum(len(e["purpose"]) for e in ex)),
            _range(fw["min"], fw["max"]) + ("+" if fw and fw["max"] is None else "") if fw else "",
        )
    return table


def routine_table(data: dict, article_id: str) -> Table:
    article = next((a for a in data["articles"] if a["article_id"] == article_id), None)
    if article is None:
        raise KeyError(f"no article {article_id!r} in the dataset")
    sections = {s["section_id"]: s["title"] for s in article["sections"]}
    table = Table(title=article["title"] or article_id)
    for col in ("#", "section", "exercise", "dosage", "muscles", "equipment", "cues"):
        table.add_column(col, overflow="fold")
    for e in article["exercises"]:
        name = e["name"] + ("" if e["named_in_text"] else " (unnamed in text)")
        table.add_row(
            str(e["order"]), sections.get(e["section_id"], ""), name,
            "; ".join(dose_text(d) for d in e["dosages"]), ", ".join(e["muscles"]), ", ".join(e["equipment"]),
            str(len(e["cues"])),
        )
    return table


def show(dataset: Path, article_id: str | None = None, console: Console | None = None) -> None:
    console = console or Console()
    data = _load(dataset)
    console.print(routine_table(data, article_id) if article_id else summary_table(data))
