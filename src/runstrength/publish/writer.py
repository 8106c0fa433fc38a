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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import orjson
import pandas as pd
import pandera.pandas as pa
import pyarrow as pyarrow_mod
import pyarrow.parquet as pq

from runstrength.model import Reject
from schemas.tables import ALL_MODELS, LIST_OF_STRINGS, PRIMARY_KEYS, TABLE_MODELS

if TYPE_CHECKING:
    from .records import ArticleRecord

SCHEMA_RESOURCE = "routines.schema.json"
PARQUET_TABLES = ("articles", "sections", "exercises", "dosages", "cues", "rejects")
TABLE_NAMES = tuple(TABLE_MODELS)
# Rows per Parquet row group: a fixed number keeps files byte-identical between
# runs, and bounds what the streaming writer buffers per table.  Articles rows
# carry the whole text, so their groups are smaller.
ROW_GROUP_ROWS = 64_000
ARTICLE_GROUP_ROWS = 4_000
# What the card/report/datapackage summaries never read (long text bodies).
LEAN_DROP = {"articles": ("text",), "sections": ("title",), "dosages": ("text", "rest_text"),
             "cues": ("text", "exercise_id", "cue_id", "kind", "role", "order", "start", "end"),
             "exercises": ("name", "aliases", "start", "end"), "rejects": ()}
LEAN_DICTIONARY = ("article_id", "exercise_id", "section_id")


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


def read_parquet(path: Path, model: type[pa.DataFrameModel], *, columns: list[str] | None = None,
                 dictionary: list[str] | tuple[str, ...] = ()) -> pd.DataFrame:
    """Read a published table back with the model's pandas dtypes (inverse of write_parquet).

    `columns` reads only those; `dictionary` columns come back as pandas categoricals
    (repeated ids then cost one string each, not one per row).
    """
    table = pq.read_table(path, columns=columns, read_dictionary=list(dictionary) or None)
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


def lean_tables(root: Path) -> dict[str, pd.DataFrame]:
    """The published tables without their long text columns, for the card, report and datapackage.

    Read back from the staged Parquet so the summaries describe exactly the
    published rows without holding the whole dataset: id columns come back
    dictionary-encoded (categoricals), text bodies are left on disk.
    """
    out = {}
    for name in PARQUET_TABLES:
        path = root / "parquet" / f"{name}.parquet"
        cols = [c for c in pq.read_schema(path).names if c not in LEAN_DROP.get(name, ())]
        out[name] = read_parquet(path, ALL_MODELS[name], columns=cols,
                                 dictionary=[c for c in cols if c in LEAN_DICTIONARY])
    return out


def _write_artefacts(staging: Path, sources: list[dict[str, Any]], *, name: str, version: str) -> str:
    """Card, report and datapackage.json, derived from the data just staged.

    datapackage.json hashes the files on disk, so it is written after the data
    files it lists; the manifest (written after this) then covers all of them.
    """
    from .card import dataset_card
    from .datapackage import build_datapackage
    from .report import report_html, report_markdown

    tables = lean_tables(staging)
    rejects = tables.pop("rejects")
    _fsync_write(staging / "README.md",
                 dataset_card(tables, rejects, name=name, version=version, sources=sources).encode("utf-8"))
    _fsync_write(staging / "report.html", report_html(tables, rejects, version=version).encode("utf-8"))
    write_json(build_datapackage(staging, name=name, version=version, tables={**tables, "rejects": rejects},
                                 sources=sources), staging / "datapackage.json")
    # Returned for the Prefect artifact: the published tables are read back once, here.
    return report_markdown(tables, rejects)


def _indented(data: bytes, level: int) -> bytes:
    # JSON text never holds a raw newline inside a string, so re-indenting line starts is exact.
    return data.replace(b"\n", b"\n" + b" " * level)


class _JsonListStream:
    """Write `{...head..., "<key>": [items]}` item by item, byte-identical to `json_bytes` of the whole."""

    def __init__(self, path: Path, head: dict[str, Any], key: str):
        self.fh = open(path, "wb")
        self.n = 0
        body = orjson.dumps({**head, key: []}, option=orjson.OPT_INDENT_2)
        # Everything up to the (empty) list of the last key; items go where the "[]" was.
        self.prefix, self.suffix = body[:-len(b"[]\n}")], body[-len(b"]\n}"):]
        self.fh.write(self.prefix + b"[")

    def write(self, item: dict[str, Any]) -> None:
        sep = b"\n    " if self.n == 0 else b",\n    "
        self.fh.write(sep + _indented(orjson.dumps(item, option=orjson.OPT_INDENT_2), 4))
        self.n += 1

    def close(self) -> None:
        self.fh.write((b"\n  " if self.n else b"") + self.suffix + b"\n")
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


class _TableStream:
    """Rows appended per article, written as Parquet row groups of a fixed size (deterministic)."""

    def __init__(self, path: Path, model: type[pa.DataFrameModel]):
        self.name = _model_name(model)
        self.group_rows = ARTICLE_GROUP_ROWS if self.name == "articles" else ROW_GROUP_ROWS
        self.schema = arrow_schema(model)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd", write_statistics=True)
        self.buf: dict[str, list[Any]] = {f.name: [] for f in self.schema}
        self.rows = 0
        self.buffered = 0

    def append(self, columns: dict[str, list[Any]]) -> None:
        n = len(next(iter(columns.values()), []))
        if not n:
            return
        if set(columns) != set(self.buf):
            raise PublishError(f"{self.name}: columns {sorted(columns)} != {sorted(self.buf)}")
        for name, values in columns.items():
            self.buf[name].extend(values)
        self.buffered += n
        if self.buffered >= self.group_rows:
            self.flush(whole_groups_only=True)

    def flush(self, whole_groups_only: bool = False) -> None:
        """Write buffered rows; with `whole_groups_only`, full row groups only (the rest stays buffered)."""
        take = self.buffered - self.buffered % self.group_rows if whole_groups_only else self.buffered
        if not take:
            return
        table = pyarrow_mod.Table.from_pydict({k: v[:take] for k, v in self.buf.items()}, schema=self.schema)
        self.writer.write_table(table, row_group_size=self.group_rows)
        self.rows += take
        self.buf = {k: v[take:] for k, v in self.buf.items()}
        self.buffered -= take

    def close(self) -> None:
        self.flush()
        self.writer.close()


@dataclass
class PublishStats:
    """What a streamed publish wrote (row counts per Parquet table, sources)."""

    row_counts: dict[str, int]
    sources: list[dict[str, Any]]
    articles: int
    report_markdown: str | None = None  # the build report as markdown, when artefacts were written


def _stream_records(staging: Path, records: Iterable[ArticleRecord], ingest_rejects: Iterable[Reject], *,
                    name: str, version: str, jsonld: bool, check_items: bool,
                    progress: Callable[[int], None] | None = None) -> PublishStats:
    """Write the data files of the dataset from records in article_id order, one record in memory at a time."""
    from .jsonld import exercise_plan, jsonld_head
    from .records import check_export_item, check_record
    from .validate import DatasetInvalid, reject_frame

    (staging / "json").mkdir(parents=True)
    (staging / "parquet").mkdir()
    _fsync_write(staging / "json" / SCHEMA_RESOURCE, routines_schema_bytes())
    head = {"dataset": {"name": name, "version": version}}
    check_dataset_head(head)
    streams = {t: _TableStream(staging / "parquet" / f"{t}.parquet", ALL_MODELS[t]) for t in TABLE_NAMES}
    export = _JsonListStream(staging / "json" / "routines.json", head, "articles")
    ld = _JsonListStream(staging / "json" / "routines.jsonld", jsonld_head(name, version), "hasPart") \
        if jsonld else None
    rejects = [dict(table=r.table, key=r.key, reason=r.reason, message=r.message, row=r.row)
               for r in ingest_rejects]
    sources: list[dict[str, Any]] = []
    seen_files: set[str] = set()
    last: str | None = None
    n = 0
    try:
        for rec in records:
            # Sorted, strictly increasing ids: unique across the whole dataset without keeping them all.
            if last is not None and rec.article_id <= last:
                raise DatasetInvalid(f"article ids out of order or repeated: {rec.article_id!r} after {last!r}")
            if rec.source_file in seen_files:
                raise DatasetInvalid(f"source_file {rec.source_file!r} appears twice")
            last = rec.article_id
            seen_files.add(rec.source_file)
            if check_items and rec.export is not None:
                check_export_item(rec.export)
            check_record(rec)
            for t in TABLE_NAMES:
                streams[t].append(rec.tables.get(t) or {})
            rejects.extend(rec.rejects)
            sources.append({"source_file": rec.source_file, "sha256": rec.sha256})
            if rec.export is not None:
                export.write(rec.export)
                if ld is not None:
                    for ex in rec.export.get("exercises", []):
                        ld.write(exercise_plan(rec.export, ex))
            n += 1
            if progress is not None:
                progress(n)
        for s in streams.values():
            s.close()
        export.close()
        if ld is not None:
            ld.close()
    except BaseException:
        for s in streams.values():
            try:
                s.writer.close()
            except Exception:  # noqa: BLE001 - the staging directory is deleted anyway
                pass
        export.abort()
        if ld is not None:
            ld.abort()
        raise
    reject_df = reject_frame(rejects)
    write_parquet(reject_df, staging / "parquet" / "rejects.parquet", ALL_MODELS["rejects"])
    counts = {t: streams[t].rows for t in TABLE_NAMES}
    counts["rejects"] = int(len(reject_df))
    return PublishStats(row_counts=counts, sources=sources, articles=n)


def check_dataset_head(head: dict[str, Any]) -> None:
    """The part of routines.json outside `articles` against the schema (items are checked per record)."""
    schema = routines_schema()
    props = {k: v for k, v in schema["properties"].items() if k != "articles"}
    sub = {**schema, "properties": props, "required": [r for r in schema.get("required", []) if r != "articles"]}
    errors = list(jsonschema.Draft202012Validator(sub).iter_errors(head))
    if errors:
        raise PublishError("routines.json does not match its schema: "
                           + "; ".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors))


def publish_records(out_dir: Path, records: Iterable[ArticleRecord], *, name: str, version: str,
                    ingest_rejects: Iterable[Reject] = (), sources: list[dict[str, Any]] | None = None,
                    artefacts: bool = True, check_items: bool = False,
                    progress: Callable[[int], None] | None = None) -> PublishStats:
    """Stream validated records (in article_id order) into `out_dir`, all or nothing.

    Memory holds one record and one Parquet row group per table, whatever the
    size of the dataset.  Everything goes to a staging directory beside
    `out_dir`, is verified (layout, checksums, Parquet schemas and row counts)
    and swapped in with two renames; on any failure the previous contents of
    `out_dir` are left exactly as they were.

    With `artefacts=True` the dataset also gets its publication files: the
    dataset card (README.md), datapackage.json, json/routines.jsonld and
    report.html, all listed in the manifest.  `sources` overrides the source
    list of the manifest (default: one per record).  `check_items=True` checks
    every routines.json item against the schema here; records from
    `records_from_articles` (the flow, the cache) were already checked when made.
    """
    out_dir = Path(out_dir).absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover_stale(out_dir)
    pid = os.getpid()
    staging = out_dir.parent / f".{out_dir.name}.staging-{pid}"
    old = out_dir.parent / f".{out_dir.name}.old-{pid}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        stats = _stream_records(staging, records, ingest_rejects, name=name, version=version,
                                jsonld=artefacts, check_items=check_items, progress=progress)
        if sources is not None:
            stats.sources = list(sources)
        if artefacts:
            stats.report_markdown = _write_artefacts(staging, stats.sources, name=name, version=version)
        write_json(_manifest(staging, {"dataset": {"name": name, "version": version}}, stats.row_counts,
                             stats.sources), staging / "manifest.json")
        from .check import verify_dataset  # late: check imports this module

        problems = verify_dataset(staging, deep=False)
        if problems:
            raise PublishError("staged dataset failed verification: " + "; ".join(problems[:10]))
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
    return stats


def publish(out_dir: Path, tables: dict[str, pd.DataFrame], rejects: pd.DataFrame,
            export: dict[str, Any], *, version: str, sources: list[dict[str, Any]],
            artefacts: bool = True) -> Path:
    """Publish validated in-memory tables and their export into `out_dir`, all or nothing.

    The same writer as the flow's (`publish_records`), fed from whole tables:
    the export must describe exactly the rows of the tables (`PublishError`
    otherwise), and `rejects` (already a rejects table) is published as is.
    Raises on any failure; the previous contents of `out_dir` are then untouched.
    """
    from .records import records_from_tables
    from .validate import DatasetInvalid

    if export.get("dataset", {}).get("version") != version:
        raise PublishError(f"export version {export.get('dataset', {}).get('version')!r} != {version!r}")
    name = export.get("dataset", {}).get("name", "")
    ingest = [Reject(table=r["table"], key=r["key"], reason=r["reason"], message=r["message"],
                     row=None if pd.isna(r["row"]) else r["row"]) for r in rejects.to_dict("records")]
    try:
        records = records_from_tables(tables, export, sources)
        publish_records(out_dir, records, name=name, version=version, ingest_rejects=ingest,
                        sources=sources, artefacts=artefacts, check_items=True)
    except DatasetInvalid as exc:
        raise PublishError(str(exc)) from exc
    return Path(out_dir).absolute()
