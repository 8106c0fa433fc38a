"""Write a validated dataset to disk, deterministically and atomically.

Deterministic: identical input gives byte-identical files (no timestamps, run
ids or absolute paths anywhere), so checksums in the manifest double as change
detection between builds.

Atomic: everything is written to a staging directory beside the target,
checked, and swapped in with two renames; on any failure the previous dataset
is left exactly as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pandera.pandas as pa
import pyarrow as pyarrow_mod
import pyarrow.parquet as pq

from schemas.tables import ALL_MODELS, LIST_OF_STRINGS, PRIMARY_KEYS

SCHEMA_RESOURCE = "routines.schema.json"
PARQUET_TABLES = ("articles", "sections", "exercises", "dosages", "cues", "rejects")


class PublishError(Exception):
    """Publishing failed; the previous dataset (if any) is untouched."""


def routines_schema_bytes() -> bytes:
    """The packaged JSON Schema of routines.json, as published."""
    return (files("schemas") / SCHEMA_RESOURCE).read_bytes()


def routines_schema() -> dict[str, Any]:
    return json.loads(routines_schema_bytes())


def _model_name(model: type[pa.DataFrameModel]) -> str:
    return model.to_schema().name


def arrow_schema(model: type[pa.DataFrameModel]) -> pyarrow_mod.Schema:
    """Arrow schema from the pandera model: types, nullability, descriptions."""
    schema = model.to_schema()
    fields = []
    for name, col in schema.columns.items():
        dtype = col.dtype.type
        if (col.metadata or {}).get("arrow_type") == LIST_OF_STRINGS["arrow_type"]:
            typ = pyarrow_mod.list_(pyarrow_mod.string())
        elif isinstance(dtype, pd.Int64Dtype):
            typ = pyarrow_mod.int64()
        elif isinstance(dtype, pd.StringDtype):
            typ = pyarrow_mod.string()
        elif isinstance(dtype, pd.BooleanDtype):
            typ = pyarrow_mod.bool_()
        else:
            raise TypeError(f"{schema.name}.{name}: no Arrow type for {dtype!r}")
        meta = {b"description": (col.description or "").encode("utf-8")}
        fields.append(pyarrow_mod.field(name, typ, nullable=bool(col.nullable), metadata=meta))
    info = {
        "table": schema.name,
        "description": schema.description or "",
        "primary_key": PRIMARY_KEYS[schema.name],
        "fields": {n: c.description or "" for n, c in schema.columns.items()},
    }
    return pyarrow_mod.schema(fields, metadata={
        b"runstrength": json.dumps(info, ensure_ascii=False, sort_keys=True).encode("utf-8")})


def _fsync_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_parquet(df: pd.DataFrame, path: Path, model: type[pa.DataFrameModel]) -> None:
    """Write one table with the model's explicit schema, rows sorted by primary key."""
    schema = arrow_schema(model)
    name = _model_name(model)
    df = df.sort_values(PRIMARY_KEYS[name], kind="mergesort", na_position="first").reset_index(drop=True)
    # Lists may arrive as numpy arrays (after a Parquet round trip); Arrow wants sequences.
    columns = {}
    for f in schema:
        s = df[f.name]
        if pyarrow_mod.types.is_list(f.type):
            columns[f.name] = pyarrow_mod.array([list(v) for v in s], type=f.type)
        else:
            columns[f.name] = pyarrow_mod.array(s, type=f.type, from_pandas=True)
    # Built column by column rather than Table.from_pandas: no b"pandas" metadata,
    # which would otherwise embed index details and library versions.
    table = pyarrow_mod.Table.from_arrays(list(columns.values()), schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", write_statistics=True)


def read_parquet(path: Path, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Read a published table back with the model's pandas dtypes (inverse of write_parquet)."""
    table = pq.read_table(path)
    mapping = {
        pyarrow_mod.int64(): pd.Int64Dtype(),
        pyarrow_mod.string(): pd.StringDtype(),
        pyarrow_mod.bool_(): pd.BooleanDtype(),
    }
    df = table.to_pandas(types_mapper=mapping.get)
    for name, col in model.to_schema().columns.items():
        if (col.metadata or {}).get("arrow_type") == LIST_OF_STRINGS["arrow_type"] and name in df:
            df[name] = pd.Series([None if v is None else list(v) for v in df[name]],
                                 index=df.index, dtype=object)
    return df


def json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def write_json(obj: Any, path: Path) -> None:
    """Deterministic JSON: UTF-8, indent 2, trailing newline, NaN refused; key order kept."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _fsync_write(path, json_bytes(obj))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recover_stale(out_dir: Path) -> None:
    """Clean up after runs that died mid-publish.

    A dead run's `.old-PID` directory is the previous dataset if it died
    between the two renames; put it back instead of deleting it.
    """
    for prefix in (f".{out_dir.name}.old-", f".{out_dir.name}.staging-"):
        for p in sorted(out_dir.parent.glob(prefix + "*")):
            suffix = p.name[len(prefix):]
            if not suffix.isdigit() or int(suffix) == os.getpid() or _pid_alive(int(suffix)):
                continue
            if prefix.endswith(".old-") and not out_dir.exists():
                os.rename(p, out_dir)
            else:
                shutil.rmtree(p, ignore_errors=True)


def _manifest(root: Path, export: dict[str, Any], counts: dict[str, int],
              sources: list[dict[str, Any]]) -> dict[str, Any]:
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    return {
        "dataset": {"name": export["dataset"]["name"], "version": export["dataset"]["version"]},
        "row_counts": counts,
        "files": [
            {"path": p.relative_to(root).as_posix(), "sha256": sha256_file(p), "bytes": p.stat().st_size}
            for p in paths
        ],
        "sources": sorted(
            ({"source_file": s["source_file"], "sha256": s["sha256"]} for s in sources),
            key=lambda s: (s["source_file"], s["sha256"]),
        ),
    }


def _write_artefacts(staging: Path, tables: dict[str, pd.DataFrame], rejects: pd.DataFrame,
                     export: dict[str, Any], sources: list[dict[str, Any]]) -> None:
    """Card, JSON-LD, report and datapackage.json, derived from the data just staged.

    datapackage.json hashes the files on disk, so it is written after the data
    files it lists; the manifest (written after this) then covers all of them.
    """
    from .card import dataset_card
    from .datapackage import build_datapackage
    from .jsonld import routines_jsonld
    from .report import report_html

    name, version = export["dataset"]["name"], export["dataset"]["version"]
    write_json(routines_jsonld(export), staging / "json" / "routines.jsonld")
    _fsync_write(staging / "README.md",
                 dataset_card(tables, rejects, name=name, version=version, sources=sources).encode("utf-8"))
    _fsync_write(staging / "report.html", report_html(tables, rejects, version=version).encode("utf-8"))
    write_json(build_datapackage(staging, name=name, version=version, tables={**tables, "rejects": rejects},
                                 sources=sources), staging / "datapackage.json")


def _write_staging(staging: Path, tables: dict[str, pd.DataFrame], rejects: pd.DataFrame,
                   export: dict[str, Any], sources: list[dict[str, Any]], artefacts: bool = True) -> None:
    (staging / "json").mkdir(parents=True)
    (staging / "parquet").mkdir()
    write_json(export, staging / "json" / "routines.json")
    _fsync_write(staging / "json" / SCHEMA_RESOURCE, routines_schema_bytes())
    all_tables = {**tables, "rejects": rejects}
    for name in PARQUET_TABLES:
        write_parquet(all_tables[name], staging / "parquet" / f"{name}.parquet", ALL_MODELS[name])

    # The export is checked as written to disk, before anyone can see it.
    written = json.loads((staging / "json" / "routines.json").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(routines_schema()).iter_errors(written),
                    key=lambda e: list(e.absolute_path))
    if errors:
        detail = "; ".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])
        raise PublishError(f"routines.json does not match its schema ({len(errors)} errors): {detail}")

    if artefacts:
        _write_artefacts(staging, tables, rejects, export, sources)

    counts = {name: int(len(all_tables[name])) for name in PARQUET_TABLES}
    write_json(_manifest(staging, export, counts, sources), staging / "manifest.json")

    from .check import verify_dataset  # late: check imports this module

    problems = verify_dataset(staging)
    if problems:
        raise PublishError("staged dataset failed verification: " + "; ".join(problems[:10]))


def publish(out_dir: Path, tables: dict[str, pd.DataFrame], rejects: pd.DataFrame,
            export: dict[str, Any], *, version: str, sources: list[dict[str, Any]],
            artefacts: bool = True) -> Path:
    """Publish a validated dataset into `out_dir`, all or nothing. Returns `out_dir`.

    With `artefacts=True` the dataset also gets its publication files: the
    dataset card (README.md), datapackage.json, json/routines.jsonld and
    report.html, all listed in the manifest.  Off by default so the core
    layout stays exactly the contract's.

    Raises on any failure (`PublishError` for a dataset that does not check
    out); the previous contents of `out_dir` are then left untouched.
    """
    out_dir = Path(out_dir).absolute()
    if export.get("dataset", {}).get("version") != version:
        raise PublishError(f"export version {export.get('dataset', {}).get('version')!r} != {version!r}")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover_stale(out_dir)

    pid = os.getpid()
    staging = out_dir.parent / f".{out_dir.name}.staging-{pid}"
    old = out_dir.parent / f".{out_dir.name}.old-{pid}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        _write_staging(staging, tables, rejects, export, sources, artefacts)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    # Swap: between the two renames out_dir is briefly absent, never half-written.
    had_old = out_dir.exists()
    if had_old:
        os.rename(out_dir, old)
    try:
        os.rename(staging, out_dir)
    except BaseException:
        if had_old:
            os.rename(old, out_dir)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if had_old:
        shutil.rmtree(old, ignore_errors=True)
    return out_dir
