"""A minimal downstream consumer of a published runstrength dataset.

    python examples/consumer.py [DATASET_DIR] [ARTICLE_ID]    # default: dataset, first article

Validates json/routines.json against the JSON Schema shipped beside it (so a
consumer finds out about a breaking change before it misreads data), then
prints one article's routine in a readable form.  Needs only jsonschema.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema


def span(lo: int | None, hi: int | None, unit: str = "") -> str | None:
    if lo is None and hi is None:
        return None
    if hi is None:
        text = f"{lo}+"
    elif lo is None or lo == hi:
        text = str(hi)
    else:
        text = f"{lo}-{hi}"
    return text + unit


def dosage_line(d: dict[str, Any]) -> str:
    parts = []
    sets, reps = span(d["sets_min"], d["sets_max"]), span(d["reps_min"], d["reps_max"])
    if sets and reps:
        parts.append(f"{sets} x {reps}")
    elif sets:
        parts.append(f"{sets} sets")
    elif reps:
        parts.append(f"{reps} reps")
    hold = span(d["hold_seconds_min"], d["hold_seconds_max"], " s")
    if hold:
        parts.append(f"hold {hold}")
    dur = span(d["duration_seconds_min"], d["duration_seconds_max"], " s")
    if dur:
        parts.append(f"for {dur}")
    if d["per_side"]:
        parts.append("per side")
    line = ", ".join(parts) or d["text"]
    if d["stage"] != "main":
        line = f"{d['stage']}: {line}"
    if d.get("rest_text"):
        line += f" ({d['rest_text']})"
    return line


def print_routine(article: dict[str, Any]) -> None:
    print(f"{article['title'] or article['article_id']}")
    by = ", ".join(x for x in (article.get("author"), article.get("organization")) if x)
    if by:
        print(f"by {by}")
    freq = article.get("frequency_per_week")
    if freq:
        print(f"Frequency: {span(freq['min'], freq['max'])} times per week")
    sections = {s["section_id"]: s["title"] for s in article["sections"]}
    current: object = object()
    for ex in article["exercises"]:
        if ex["section_id"] != current:
            current = ex["section_id"]
            print()
            print(f"[{sections.get(current, 'Exercises')}]" if current else "[Exercises]")
        print(f"{ex['order']}. {ex['name']}")
        for d in ex["dosages"]:
            print(f"   - {dosage_line(d)}")
        for c in ex["cues"]:
            print(f"   * {c['text']}")
        for p in ex["purpose"]:
            print(f"   why: {p['text']}")
        if ex["muscles"]:
            print(f"   muscles: {', '.join(ex['muscles'])}")
        if ex["equipment"]:
            print(f"   equipment: {', '.join(ex['equipment'])}")


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else "dataset")
    try:
        data = json.loads((root / "json/routines.json").read_text(encoding="utf-8"))
        schema = json.loads((root / "json/routines.schema.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"consumer: cannot read the dataset in {root}: {exc}", file=sys.stderr)
        return 2
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if errors:
        for e in errors[:10]:
            print(f"consumer: /{'/'.join(map(str, e.absolute_path))}: {e.message}", file=sys.stderr)
        return 1
    ds = data["dataset"]
    print(f"{ds['name']} {ds['version']}: routines.json is valid ({len(data['articles'])} articles)")
    if not data["articles"]:
        return 0
    wanted = argv[2] if len(argv) > 2 else data["articles"][0]["article_id"]
    article = next((a for a in data["articles"] if a["article_id"] == wanted), None)
    if article is None:
        print(f"consumer: no article {wanted!r}", file=sys.stderr)
        return 1
    print()
    print_routine(article)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
