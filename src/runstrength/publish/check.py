"""Verify a published dataset directory from the files alone (`runstrength validate DIR`)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pandera.errors
import pyarrow as pa
import pyarrow.parquet as pq

from schemas.tables import ALL_MODELS, PRIMARY_KEYS, TABLE_MODELS, check_integrity

from .writer import PARQUET_TABLES, arrow_schema, read_parquet, sha256_file

EXPECTED_FILES = sorted(
    ["json/routines.json", "json/routines.schema.json"]
    + [f"parquet/{name}.parquet" for name in PARQUET_TABLES]
)


def _export_ids(export: dict[str, Any], rejected: set[str]) -> dict[str, set[str]]:
    """Ids the export implies, by the tables' id rules (see export_item_ids)."""
    from .tables import export_item_ids

    ids: dict[str, set[str]] = {name: set() for name in TABLE_MODELS}
    for item in export.get("articles", []):
        for name, keys in export_item_ids(item, rejected).items():
            ids[name].update(keys)
    return ids


def _schema_shape(schema: pa.Schema) -> list[tuple[str, str, bool]]:
    # Parquet names a list's child "element" where Arrow says "item"; the value type is what matters.
    def typ(t: pa.DataType) -> str:
        return f"list<{t.value_type}>" if pa.types.is_list(t) else str(t)

    return [(f.name, typ(f.type), f.nullable) for f in schema]


def _shallow_tables(root: Path, manifest: dict[str, Any]) -> list[str]:
    """Parquet files against the models' Arrow schemas and the manifest's row counts, from file footers."""
    problems = []
    for name in PARQUET_TABLES:
        path = root / "parquet" / f"{name}.parquet"
        if not path.is_file():
            continue
        try:
            meta = pq.read_metadata(path)
            schema = pq.read_schema(path)
        except Exception as exc:  # a corrupt file can fail in many ways inside pyarrow
            problems.append(f"parquet/{name}.parquet unreadable: {exc}")
            continue
        if _schema_shape(schema) != _schema_shape(arrow_schema(ALL_MODELS[name])):
            problems.append(f"parquet/{name}.parquet: schema differs from the {name} model")
        expected = manifest.get("row_counts", {}).get(name)
        if expected != meta.num_rows:
            problems.append(f"parquet/{name}.parquet: {meta.num_rows} rows, manifest says {expected}")
    return problems


def verify_dataset(path: Path, *, deep: bool = True) -> list[str]:
    """Problems found in the dataset at `path`; an empty list means it checks out.

    `deep=False` checks layout, checksums, Parquet schemas and row counts only,
    in constant memory: what the writer runs on its staging directory, whose
    rows and routines.json items were validated as they were written.  The
    default re-validates everything from the files (`runstrength validate`).
    """
    root = Path(path)
    problems: list[str] = []

    # 1. Layout and checksums.
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"manifest.json unreadable: {exc}"]
    listed = {f["path"]: f for f in manifest.get("files", [])}
    on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                     if p.is_file() and p != root / "manifest.json")
    for rel in sorted(set(EXPECTED_FILES) - set(on_disk)):
        problems.append(f"{rel}: missing")
    for rel in sorted(set(on_disk) - set(listed)):
        problems.append(f"{rel}: not listed in manifest")
    for rel, entry in sorted(listed.items()):
        p = root / rel
        if not p.is_file():
            problems.append(f"{rel}: listed in manifest but missing")
            continue
        if p.stat().st_size != entry.get("bytes"):
            problems.append(f"{rel}: size {p.stat().st_size} != manifest {entry.get('bytes')}")
        if sha256_file(p) != entry.get("sha256"):
            problems.append(f"{rel}: sha256 does not match manifest")

    if not deep:
        return problems + _shallow_tables(root, manifest)

    # 2. routines.json against the schema shipped beside it.
    export: dict[str, Any] | None = None
    try:
        export = json.loads((root / "json/routines.json").read_text(encoding="utf-8"))
        schema = json.loads((root / "json/routines.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        for err in sorted(validator.iter_errors(export), key=lambda e: list(e.absolute_path))[:20]:
            problems.append(f"routines.json /{'/'.join(map(str, err.absolute_path))}: {err.message}")
    except (OSError, ValueError, jsonschema.SchemaError) as exc:
        problems.append(f"routines.json not checkable: {exc}")

    # 3. Tables against their models, then against each other.
    tables = {}
    for name in PARQUET_TABLES:
        try:
            df = read_parquet(root / "parquet" / f"{name}.parquet", ALL_MODELS[name])
        except Exception as exc:  # a corrupt file can fail in many ways inside pyarrow
            problems.append(f"parquet/{name}.parquet unreadable: {exc}")
            continue
        try:
            ALL_MODELS[name].validate(df, lazy=True)
        except pandera.errors.SchemaErrors as err:
            for r in err.failure_cases.head(20).itertuples():
                problems.append(f"parquet/{name}.parquet: {r.column}: {r.check} "
                                f"(value {r.failure_case!r}, row {r.index})")
            continue
        tables[name] = df
        expected = manifest.get("row_counts", {}).get(name)
        if expected != len(df):
            problems.append(f"parquet/{name}.parquet: {len(df)} rows, manifest says {expected}")

    if all(name in tables for name in TABLE_MODELS):
        for f in check_integrity(tables):
            problems.append(f"integrity {f.table} {f.key}: {f.reason}: {f.message}")
        if export is not None:
            # The two views of the data must describe the same records.
            try:
                rejected = set()
                if "rejects" in tables:
                    rj = tables["rejects"]
                    rejected = set(rj["key"][rj["table"].isin(["dosages", "cues"])])
                ids = _export_ids(export, rejected)
            except (KeyError, TypeError, AttributeError) as exc:
                problems.append(f"routines.json: cannot collect ids: {exc!r}")
            else:
                for name in TABLE_MODELS:
                    in_table = set(tables[name][PRIMARY_KEYS[name][0]])
                    if ids[name] != in_table:
                        only_json = sorted(ids[name] - in_table)[:5]
                        only_pq = sorted(in_table - ids[name])[:5]
                        problems.append(f"{name}: routines.json and parquet disagree "
                                        f"(only in json: {only_json}, only in parquet: {only_pq})")
    return problems
