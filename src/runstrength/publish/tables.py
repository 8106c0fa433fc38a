"""Turn extracted `Article` records into the published tables and the JSON export.

Column dtypes come from the pandera models in `schemas.tables`, so an empty
table has the same schema as a full one and the Parquet files never depend on
what pandas would have inferred from the data.
"""
from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from runstrength.model import Article, Dosage, Exercise, Sentence
from schemas.tables import PRIMARY_KEYS, TABLE_MODELS

DOSAGE_NUMBERS = (
    "sets_min", "sets_max", "reps_min", "reps_max", "per_side",
    "hold_seconds_min", "hold_seconds_max", "duration_seconds_min", "duration_seconds_max",
)


def dosage_id(exercise_id: str, n: int) -> str:
    """Id of the n-th (1-based) dosage of an exercise."""
    return f"{exercise_id}/d{n}"


def cue_id(exercise_id: str, n: int, role: str) -> str:
    """Id of the n-th (1-based) cue ("c") or purpose ("p") sentence of an exercise."""
    return f"{exercise_id}/{'c' if role == 'cue' else 'p'}{n}"


def export_item_ids(item: dict[str, Any], rejected: Container[str] = frozenset()) -> dict[str, list[str]]:
    """Ids of the table rows one routines.json article item stands for, per table.

    Dosages and cues are numbered by their place among everything extracted for
    the exercise.  Validation may reject some of those rows, and the export leaves
    them out, so the numbering steps over the ids in `rejected` (the keys of the
    article's rejected rows); the export's n-th dosage is not always d<n>.
    """
    def numbered(make: Callable[[int], str], count: int) -> list[str]:
        if not rejected:  # almost every article
            return [make(n) for n in range(1, count + 1)]
        out: list[str] = []
        n = 0
        while len(out) < count:  # ends: each step either keeps an id or skips one of finitely many
            n += 1
            key = make(n)
            if key not in rejected:
                out.append(key)
        return out

    ids: dict[str, list[str]] = {name: [] for name in TABLE_MODELS}
    ids["articles"].append(item["article_id"])
    ids["sections"] += [s["section_id"] for s in item.get("sections", [])]
    for ex in item.get("exercises", []):
        eid = ex["exercise_id"]
        ids["exercises"].append(eid)
        ids["dosages"] += numbered(lambda n: dosage_id(eid, n), len(ex.get("dosages", [])))
        ids["cues"] += numbered(lambda n: cue_id(eid, n, "cue"), len(ex.get("cues", [])))
        ids["cues"] += numbered(lambda n: cue_id(eid, n, "purpose"), len(ex.get("purpose", [])))
    return ids


def frame(rows: list[dict[str, Any]], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Build a DataFrame with exactly the model's columns, in its order, with its dtypes."""
    columns = model.to_schema().columns
    data: dict[str, pd.Series] = {}
    for name, col in columns.items():
        values = [r.get(name) for r in rows]
        dtype = col.dtype.type
        if isinstance(dtype, pd.api.extensions.ExtensionDtype):
            # None -> <NA>; the extension array refuses anything it cannot hold exactly.
            data[name] = pd.Series(pd.array(values, dtype=dtype), dtype=dtype)
        else:
            # List columns: keep the Python lists as they are (object dtype). Filled element by
            # element so numpy never reads the lists as a second dimension.
            arr = np.empty(len(values), dtype=object)
            for i, v in enumerate(values):
                arr[i] = list(v) if isinstance(v, (list, tuple)) else v
            data[name] = pd.Series(arr, dtype=object)
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))


def _sorted_frame(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    df = frame(rows, TABLE_MODELS[table])
    return df.sort_values(PRIMARY_KEYS[table], kind="mergesort").reset_index(drop=True)


def _dosage_row(ex: Exercise, article_id: str, n: int, d: Dosage) -> dict[str, Any]:
    row = {k: getattr(d, k) for k in DOSAGE_NUMBERS}
    row.update(
        dosage_id=dosage_id(ex.exercise_id, n), exercise_id=ex.exercise_id, article_id=article_id,
        order=n, stage=d.stage, inherited_from=d.inherited_from, text=d.text,
        start=d.start, end=d.end, rest_text=d.rest_text,
    )
    return row


def _sentence_rows(ex: Exercise, article_id: str, role: str,
                   sentences: Iterable[Sentence]) -> list[dict[str, Any]]:
    return [
        dict(cue_id=cue_id(ex.exercise_id, n, role), exercise_id=ex.exercise_id,
             article_id=article_id, order=n, role=role,
             kind=s.kind if role == "cue" else None,
             text=s.text, start=s.start, end=s.end)
        for n, s in enumerate(sentences, start=1)
    ]


def to_tables(articles: list[Article]) -> dict[str, pd.DataFrame]:
    """The five published tables (articles, sections, exercises, dosages, cues), unvalidated.

    Rows are sorted by primary key and carry the model dtypes; run
    `validate_tables` on the result before publishing.
    """
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_MODELS}
    for a in articles:
        rows["articles"].append(dict(
            article_id=a.article_id, source_file=a.source_file, source_sha256=a.sha256,
            title=a.title, organization=a.organization, author=a.author,
            frequency_per_week_min=a.frequency_min, frequency_per_week_max=a.frequency_max,
            n_sections=len(a.sections), n_exercises=len(a.exercises), n_chars=len(a.text),
            text=a.text, flags=list(a.flags),
            url=a.url, license=a.license, retrieved=a.retrieved, published=a.published,
        ))
        for s in a.sections:
            rows["sections"].append(dict(
                section_id=s.section_id, article_id=a.article_id, title=s.title, order=s.order,
                sets_min=s.sets_min, sets_max=s.sets_max, start=s.start, end=s.end,
            ))
        for ex in a.exercises:
            rows["exercises"].append(dict(
                exercise_id=ex.exercise_id, article_id=a.article_id, section_id=ex.section_id,
                order=ex.order, name=ex.name, canonical_name=ex.canonical_name,
                category=ex.category, aliases=list(ex.aliases), named_in_text=ex.named_in_text,
                muscles=list(ex.muscles), equipment=list(ex.equipment), start=ex.start, end=ex.end,
            ))
            for n, d in enumerate(ex.dosages, start=1):
                rows["dosages"].append(_dosage_row(ex, a.article_id, n, d))
            rows["cues"] += _sentence_rows(ex, a.article_id, "cue", ex.cues)
            rows["cues"] += _sentence_rows(ex, a.article_id, "purpose", ex.purpose)
    return {name: _sorted_frame(r, name) for name, r in rows.items()}


def _keep(tables: dict[str, pd.DataFrame] | None, table: str) -> set[str] | None:
    if tables is None:
        return None
    return set(tables[table][PRIMARY_KEYS[table][0]].dropna().tolist())


def to_export(articles: list[Article], dataset_name: str, version: str, *,
              tables: dict[str, pd.DataFrame] | None = None) -> dict[str, Any]:
    """routines.json as a dict, keys in CONTRACT.md order, extra fields after them.

    Pass the *validated* `tables` so rows rejected by validation are left out of
    the export as well; without it every record is exported.  (`publish`
    refuses an export whose ids disagree with the Parquet tables.)
    """
    keep = {name: _keep(tables, name) for name in TABLE_MODELS}

    def kept(table: str, key: str) -> bool:
        return keep[table] is None or key in keep[table]

    out_articles = []
    for a in sorted(articles, key=lambda a: a.article_id):
        if not kept("articles", a.article_id):
            continue
        freq = None
        if a.frequency_min is not None or a.frequency_max is not None:
            freq = {"min": a.frequency_min, "max": a.frequency_max}
        sections = [
            {"section_id": s.section_id, "title": s.title, "order": s.order}
            for s in sorted(a.sections, key=lambda s: (s.order, s.section_id))
            if kept("sections", s.section_id)
        ]
        exercises = []
        for ex in sorted(a.exercises, key=lambda e: (e.order, e.exercise_id)):
            if not kept("exercises", ex.exercise_id):
                continue
            dosages = []
            for n, d in enumerate(ex.dosages, start=1):
                if not kept("dosages", dosage_id(ex.exercise_id, n)):
                    continue
                item: dict[str, Any] = {"stage": d.stage}
                item.update({k: getattr(d, k) for k in DOSAGE_NUMBERS})
                item.update(inherited_from=d.inherited_from, text=d.text,
                            start=d.start, end=d.end, rest_text=d.rest_text)
                dosages.append(item)
            cues = [
                {"text": s.text, "kind": s.kind, "start": s.start, "end": s.end}
                for n, s in enumerate(ex.cues, start=1)
                if kept("cues", cue_id(ex.exercise_id, n, "cue"))
            ]
            purpose = [
                {"text": s.text, "start": s.start, "end": s.end}
                for n, s in enumerate(ex.purpose, start=1)
                if kept("cues", cue_id(ex.exercise_id, n, "purpose"))
            ]
            exercises.append({
                "exercise_id": ex.exercise_id,
                "name": ex.name,
                "canonical_name": ex.canonical_name,
                "aliases": list(ex.aliases),
                "named_in_text": ex.named_in_text,
                "section_id": ex.section_id,
                "order": ex.order,
                "dosages": dosages,
                "cues": cues,
                "purpose": purpose,
                "muscles": list(ex.muscles),
                "equipment": list(ex.equipment),
                "category": ex.category,
            })
        out_articles.append({
            "article_id": a.article_id,
            "source_file": a.source_file,
            "title": a.title,
            "organization": a.organization,
            "author": a.author,
            "frequency_per_week": freq,
            "sections": sections,
            "exercises": exercises,
            "source_sha256": a.sha256,
        })
    return {"dataset": {"name": dataset_name, "version": version}, "articles": out_articles}
