"""`datapackage.json`: the dataset described as a Frictionless Data Package v2.

Every Parquet and JSON file of a published dataset becomes a resource with its
size and SHA-256, and every table gets a Table Schema derived from the pandera
models in `schemas.tables` (types, descriptions, constraints, primary and
foreign keys), so the descriptor cannot drift from what the writer enforces.

Dataset versioning (the `version` property) is semantic and describes the
*data*, not the code:

- patch (1.0.x): the same records re-serialised (e.g. a writer fix that
  changes bytes but not values);
- minor (1.x.0): additions (new articles, new rows, new optional fields);
- major (x.0.0): a field renamed, removed or changed in meaning or type.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from schemas.tables import ALL_MODELS, LIST_OF_STRINGS, PARENTS, PRIMARY_KEYS

from .writer import sha256_file

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

TITLE = "Strength training for runners: exercises, dosages and cues"
DESCRIPTION = (
    "Articles about strength training for runners, turned into linked tables of routines: "
    "sections, exercises (with canonical names, muscles and equipment), dosages (sets, reps, "
    "holds, durations) and cue/purpose sentences with character offsets into the article text. "
    "Version follows semantic versioning of the data: patch = same data re-serialised, "
    "minor = additions, major = changed or removed fields."
)
KEYWORDS = ["running", "strength training", "exercise", "information extraction"]

# The extraction is the project's work; the article texts it quotes are not, so
# no open licence is claimed for them.  One place to change if that is settled.
LICENSES: list[dict[str, str]] = [{
    "name": "other",
    "title": "Structured extraction by the runstrength project; article texts and quoted "
             "sentences remain under their publishers' terms (see sources).",
}]

# Stable order of the files a resource is made for; anything else is ignored.
PARQUET_TABLES = ("articles", "sections", "exercises", "dosages", "cues", "rejects")
JSON_RESOURCES: tuple[tuple[str, str, str, str], ...] = (
    # (resource name, path, mediatype, description)
    ("routines", "json/routines.json", "application/json",
     "The whole dataset as nested JSON (articles > sections/exercises > dosages/cues); "
     "see json/routines.schema.json."),
    ("routines-schema", "json/routines.schema.json", "application/schema+json",
     "JSON Schema (draft 2020-12) of json/routines.json."),
    ("routines-jsonld", "json/routines.jsonld", "application/ld+json",
     "Every exercise prescription as a schema.org ExercisePlan (JSON-LD)."),
)
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def field_type(col: pa.Column) -> dict[str, Any]:
    """Table Schema type of a pandera column (v2 `list` for the list<string> columns)."""
    dtype = col.dtype.type
    if (col.metadata or {}).get("arrow_type") == LIST_OF_STRINGS["arrow_type"]:
        return {"type": "list", "itemType": "string"}
    if isinstance(dtype, pd.Int64Dtype):
        return {"type": "integer"}
    if isinstance(dtype, pd.BooleanDtype):
        return {"type": "boolean"}
    if isinstance(dtype, pd.StringDtype):
        return {"type": "string"}
    raise TypeError(f"{col.name}: no Table Schema type for {dtype!r}")


def _constraints(col: pa.Column) -> dict[str, Any]:
    """Constraints the pandera column enforces, in Table Schema terms.

    Only checks with an exact Table Schema equivalent are translated; custom
    checks (list_of_strings, dataframe checks) stay documented in the models.
    """
    out: dict[str, Any] = {}
    if not col.nullable:
        out["required"] = True
    # Primary keys are unique by definition; saying it twice is harmless and explicit.
    if col.unique:
        out["unique"] = True
    for check in col.checks:
        stats = check.statistics or {}
        if check.name == "in_range":
            out["minimum"], out["maximum"] = stats["min_value"], stats["max_value"]
        elif check.name == "greater_than_or_equal_to":
            out["minimum"] = stats["min_value"]
        elif check.name == "isin":
            out["enum"] = list(stats["allowed_values"])
        elif check.name == "str_matches":
            out["pattern"] = stats["pattern"]
        elif check.name == "str_length" and stats.get("min_value"):
            out["minLength"] = stats["min_value"]
    return out


def table_schema(name: str) -> dict[str, Any]:
    """Table Schema of one published table, from its pandera model."""
    model: type[pa.DataFrameModel] = ALL_MODELS[name]
    schema = model.to_schema()
    fields = []
    for col_name, col in schema.columns.items():
        f: dict[str, Any] = {"name": col_name, **field_type(col)}
        if col.description:
            f["description"] = col.description
        cons = _constraints(col)
        if cons:
            f["constraints"] = cons
        fields.append(f)
    out: dict[str, Any] = {"fields": fields}
    # rejects has no natural key (its sort key includes a nullable column), so no primaryKey.
    if name != "rejects":
        out["primaryKey"] = list(PRIMARY_KEYS[name])
    fks = [
        {"fields": [col], "reference": {"resource": parent, "fields": list(PRIMARY_KEYS[parent])}}
        for col, parent in PARENTS.get(name, [])
    ]
    if fks:
        out["foreignKeys"] = fks
    return out


def source_records(tables: dict[str, pd.DataFrame] | None,
                   sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per source file: file, sha256 and whatever the articles table knows.

    url / organization / license columns are used when the articles table has
    them and left out otherwise, so a leaner or richer articles table both work.
    """
    by_file: dict[str, dict[str, Any]] = {}
    articles = (tables or {}).get("articles")
    if articles is not None and "source_file" in articles:
        for rec in articles.to_dict("records"):
            extra = {}
            for key in ("title", "organization", "author", "url", "license", "licence"):
                value = rec.get(key)
                if _present(value):
                    extra["license" if key == "licence" else key] = str(value)
            by_file[str(rec["source_file"])] = extra
    out = []
    for s in sorted(sources, key=lambda s: (s["source_file"], s["sha256"])):
        rec = {"source_file": s["source_file"], "sha256": s["sha256"]}
        for key in ("url", "organization", "license"):
            if s.get(key):
                rec[key] = s[key]
        rec.update({k: v for k, v in by_file.get(s["source_file"], {}).items() if k not in rec})
        out.append(rec)
    return out


def _present(value: Any) -> bool:
    # pandas hands back None, NaN or <NA> for a missing cell depending on dtype.
    return value is not None and not (isinstance(value, (float, type(pd.NA))) and pd.isna(value))


def _package_source(rec: dict[str, Any]) -> dict[str, Any]:
    # v2 sources know title/path/email/version; the rest rides along as extra properties.
    out: dict[str, Any] = {"title": rec.get("title") or rec["source_file"]}
    if rec.get("url"):
        out["path"] = rec["url"]
    out["source_file"] = rec["source_file"]
    out["hash"] = f"sha256:{rec['sha256']}"
    for key in ("organization", "author", "license"):
        if rec.get(key):
            out[key] = rec[key]
    return out


def build_datapackage(root: Path, *, name: str, version: str,
                      tables: dict[str, pd.DataFrame] | None = None,
                      sources: list[dict[str, Any]] | None = None,
                      source_recs: list[dict[str, Any]] | None = None,
                      sha256: Callable[[Path], str] | None = None) -> dict[str, Any]:
    """The Data Package v2 descriptor of the dataset files already written under `root`.

    Files are hashed as they are on disk, so call this after every data file is
    written and before anything that hashes datapackage.json itself (the manifest).
    Missing optional files (e.g. no JSON-LD) are simply not listed.
    `source_recs` (what `source_records(tables, sources)` gives) and `sha256`
    (a file hasher) let a caller that already has them skip the work.
    """
    root = Path(root)
    sha256 = sha256 or sha256_file
    resources: list[dict[str, Any]] = []
    for table in PARQUET_TABLES:
        rel = f"parquet/{table}.parquet"
        p = root / rel
        if not p.is_file():
            continue
        model_schema = ALL_MODELS[table].to_schema()
        res: dict[str, Any] = {
            "name": table,
            "type": "table",
            "path": rel,
            "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE,
            "bytes": p.stat().st_size,
            "hash": f"sha256:{sha256(p)}",
        }
        if model_schema.description:
            res["description"] = model_schema.description
        if tables is not None and table in tables:
            res["rows"] = int(len(tables[table]))
        res["schema"] = table_schema(table)
        resources.append(res)
    for res_name, rel, mediatype, description in JSON_RESOURCES:
        p = root / rel
        if not p.is_file():
            continue
        resources.append({
            "name": res_name,
            "path": rel,
            "format": rel.rsplit(".", 1)[1],
            "mediatype": mediatype,
            "encoding": "utf-8",
            "bytes": p.stat().st_size,
            "hash": f"sha256:{sha256(p)}",
            "description": description,
        })
    return {
        "$schema": PROFILE,
        "name": name,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": version,
        "keywords": list(KEYWORDS),
        "licenses": [dict(x) for x in LICENSES],
        "sources": [_package_source(r) for r in (source_recs if source_recs is not None
                                                  else source_records(tables, sources or []))],
        "resources": resources,
    }
