"""Validate the tables, move bad rows into `rejects`, refuse datasets that are broken as a whole.

Two kinds of failure:

* a row breaks a check (value range, enum, uniqueness, a cross-table rule):
  the row leaves its table and becomes a row of `rejects`, and so do its
  children (reason ``parent_rejected``), so the published tables stay joinable;
* the table itself is wrong (missing/extra column, dtype of a column, a check
  that crashed): the producer is broken and no row can be trusted, so
  `DatasetInvalid` is raised and nothing may be published.
"""
from __future__ import annotations

import json
import math
import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa

from runstrength.model import Reject
from schemas.tables import (
    PARENTS,
    PRIMARY_KEYS,
    TABLE_MODELS,
    RejectsModel,
    check_integrity,
)

from .tables import frame


class DatasetInvalid(Exception):
    """The dataset as a whole is invalid and must not be published."""


def to_jsonable(value: Any) -> Any:
    """A cell value as plain JSON data (NA -> None, numpy scalars -> Python, arrays -> lists)."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [to_jsonable(v) for v in value]
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        return to_jsonable(value.item())
    return value


def row_json(row: pd.Series) -> str:
    return json.dumps({str(k): to_jsonable(v) for k, v in row.items()},
                      ensure_ascii=False, allow_nan=False, default=str)


def _key(df: pd.DataFrame, table: str, idx: Any) -> str:
    value = df.at[idx, PRIMARY_KEYS[table][0]]
    # A row without a usable key is still reported, by its position.
    return f"#{idx}" if pd.isna(value) else str(value)


def _schema_failures(model: type[pa.DataFrameModel], df: pd.DataFrame) -> pd.DataFrame | None:
    try:
        with warnings.catch_warnings():
            # pandera's failure-case concat triggers a pandas FutureWarning that is not ours to fix.
            warnings.simplefilter("ignore", FutureWarning)
            model.validate(df, lazy=True)
    except pandera.errors.SchemaErrors as err:
        return err.failure_cases
    return None


def _describe_tablewide(table: str, fc: pd.DataFrame) -> str:
    parts = [f"{r.column}: {r.check} ({r.failure_case})" for r in fc.itertuples()]
    return f"table {table!r} is invalid: " + "; ".join(sorted(set(parts)))


def _row_rejects(table: str, df: pd.DataFrame, fc: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    fc = fc.assign(index=fc["index"].astype(int))
    for (idx, check), group in fc.groupby(["index", "check"], sort=True):
        if (group["schema_context"] == "Column").all():
            details = "; ".join(
                f"{r.column}={to_jsonable(r.failure_case)!r}" for r in group.itertuples())
            message = f"{check} failed: {details}"
        else:
            # Dataframe-level checks are reported once per column; the row is what failed.
            message = f"row check {check} failed"
        out.append(dict(table=table, key=_key(df, table, idx), reason=str(check),
                        message=message, row=row_json(df.loc[idx]), _index=idx))
    return out


def reject_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """The rejects table from reject dicts, sorted by every column (deterministic)."""
    df = frame(records, RejectsModel)
    return df.sort_values(PRIMARY_KEYS["rejects"], kind="mergesort", na_position="first") \
             .reset_index(drop=True)


def _refresh_counts(work: dict[str, pd.DataFrame]) -> None:
    # Counts describe the published rows, so they follow every rejection.
    articles = work["articles"]
    for counted, col in (("sections", "n_sections"), ("exercises", "n_exercises")):
        counts = work[counted]["article_id"].value_counts()
        articles[col] = articles["article_id"].map(counts).fillna(0).astype("Int64")


def validate_tables(
    tables: dict[str, pd.DataFrame],
    ingest_rejects: Iterable[Reject] = (),
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Validate the five tables; return (clean tables, rejects).

    Every removed row is in rejects with the failing check as reason.  Raises
    `DatasetInvalid` when a failure cannot be tied to a row.
    """
    missing = sorted(set(TABLE_MODELS) - set(tables))
    extra = sorted(set(tables) - set(TABLE_MODELS))
    if missing or extra:
        raise DatasetInvalid(f"expected tables {list(TABLE_MODELS)}; missing {missing}, unexpected {extra}")

    work = {name: tables[name].reset_index(drop=True).copy() for name in TABLE_MODELS}
    rejects: list[dict[str, Any]] = [
        dict(table=r.table, key=r.key, reason=r.reason, message=r.message, row=r.row)
        for r in ingest_rejects
    ]
    rejected_keys: dict[str, set[str]] = {name: set() for name in TABLE_MODELS}

    def drop(table: str, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        rejects.extend({k: v for k, v in r.items() if k != "_index"} for r in records)
        rejected_keys[table].update(r["key"] for r in records)
        work[table] = work[table].drop(index=sorted({r["_index"] for r in records}))

    # 1. Per-table checks.
    for name, model in TABLE_MODELS.items():
        fc = _schema_failures(model, work[name])
        if fc is None:
            continue
        tablewide = fc[fc["index"].isna()]
        if len(tablewide):
            raise DatasetInvalid(_describe_tablewide(name, tablewide))
        drop(name, _row_rejects(name, work[name], fc))

    # 2. Cascade and cross-table checks until nothing changes: an integrity
    #    reject can orphan further children.
    while True:
        for child, links in PARENTS.items():
            if not any(rejected_keys[parent] for _, parent in links):
                continue  # no parent row gone: no child can be orphaned (skip the row scan)
            df = work[child]
            records = []
            for idx, rec in df.iterrows():
                for col, parent in links:
                    ref = rec[col]
                    if not pd.isna(ref) and ref in rejected_keys[parent]:
                        records.append(dict(
                            table=child, key=_key(df, child, idx), reason="parent_rejected",
                            message=f"{col} {ref!r} was rejected from {parent}",
                            row=row_json(rec), _index=idx))
                        break
            drop(child, records)
        _refresh_counts(work)
        failures = check_integrity(work)
        if not failures:
            break
        for table in TABLE_MODELS:
            mine = [f for f in failures if f.table == table]
            if not mine:
                continue
            df = work[table]
            index_of = {str(k): i for i, k in zip(df.index, df[PRIMARY_KEYS[table][0]])}
            drop(table, [dict(table=table, key=f.key, reason=f.reason, message=f.message,
                              row=row_json(df.loc[index_of[f.key]]), _index=index_of[f.key])
                         for f in mine])

    clean = {name: df.reset_index(drop=True) for name, df in work.items()}
    reject_df = reject_frame(rejects)
    try:
        RejectsModel.validate(reject_df, lazy=True)
    except pandera.errors.SchemaErrors as err:
        raise DatasetInvalid(f"rejects table is invalid: {err.failure_cases.to_dict('records')}") from err
    return clean, reject_df
