"""Write a validated dataset to disk, deterministically and atomically.

Deterministic: identical input gives byte-identical files (no timestamps, run
ids or absolute paths anywhere), so checksums in the manifest double as change
detection between builds.

Atomic: everything is written to a staging directory beside the target,
checked, and swapped in with two renames; on any failure the previous dataset
is left exactly as it was.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import os
import shutil
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import jsonschema
import orjson
import pandas as pd
import pandera.pandas as pa
import pyarrow as pyarrow_mod
import pyarrow.parquet as pq

from runstrength.model import Reject
from runstrength.publish.columns import Spans, StringLists, Strings
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
# Buffered rows turn into Arrow (compact, contiguous) every this many rows: as
# Python objects a 64,000-row group of five tables costs hundreds of MB.
SEAL_ROWS = 2_048
# The columns the card, report and datapackage summaries read (everything else stays
# on disk: at 100,000 articles the whole tables would cost GBs of pandas objects).
LEAN_COLUMNS = {
    "articles": ("article_id", "source_file", "title", "organization", "author", "url", "license"),
    "sections": ("article_id",),
    "exercises": ("article_id", "canonical_name", "muscles", "equipment"),
    "dosages": ("article_id", "sets_min", "reps_min", "hold_seconds_min", "duration_seconds_min"),
    "cues": ("article_id",),
}
LEAN_DICTIONARY = ("article_id", "exercise_id", "section_id", "canonical_name")


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
              sources: list[dict[str, Any]], sha256: Callable[[Path], str] = sha256_file) -> dict[str, Any]:
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    return {
        "dataset": {"name": export["dataset"]["name"], "version": export["dataset"]["version"]},
        "row_counts": counts,
        "files": [
            {"path": p.relative_to(root).as_posix(), "sha256": sha256(p), "bytes": p.stat().st_size}
            for p in paths
        ],
        "sources": sorted(
            ({"source_file": s["source_file"], "sha256": s["sha256"]} for s in sources),
            key=lambda s: (s["source_file"], s["sha256"]),
        ),
    }


def lean_tables(root: Path) -> dict[str, pd.DataFrame]:
    """The columns of the published tables that the card, report and datapackage read (LEAN_COLUMNS).

    Read back from the staged Parquet so the summaries describe exactly the
    published rows without holding the whole dataset: ids and exercise names
    come back dictionary-encoded (categoricals), everything else stays on disk.
    """
    out = {}
    for name in PARQUET_TABLES:
        path = root / "parquet" / f"{name}.parquet"
        keep = LEAN_COLUMNS.get(name)
        cols = [c for c in pq.read_schema(path).names if keep is None or c in keep]
        out[name] = read_parquet(path, ALL_MODELS[name], columns=cols,
                                 dictionary=[c for c in cols if c in LEAN_DICTIONARY])
    return out


def _write_artefacts(staging: Path, sources: list[dict[str, Any]], *, name: str, version: str,
                     sha256: Callable[[Path], str] = sha256_file) -> str:
    """Card, report and datapackage.json, derived from the data just staged.

    datapackage.json hashes the files on disk, so it is written after the data
    files it lists; the manifest (written after this) then covers all of them.
    """
    from .card import dataset_card
    from .datapackage import build_datapackage, source_records
    from .report import report_html, report_markdown, summarize

    tables = lean_tables(staging)
    rejects = tables.pop("rejects")
    # Each summary is computed once and shared: at 100,000 articles each costs seconds.
    summary = summarize(tables, rejects)
    recs = source_records(tables, sources)
    _fsync_write(staging / "README.md", dataset_card(tables, rejects, name=name, version=version, sources=sources,
                                                     source_recs=recs).encode("utf-8"))
    _fsync_write(staging / "report.html", report_html(tables, rejects, version=version, summary=summary)
                 .encode("utf-8"))
    write_json(build_datapackage(staging, name=name, version=version, tables={**tables, "rejects": rejects},
                                 sources=sources, source_recs=recs, sha256=sha256), staging / "datapackage.json")
    # Returned for the Prefect artifact: the published tables are read back once, here.
    return report_markdown(tables, rejects, summary=summary)


class _HashOnce:
    """sha256 of staged files, each read once although the datapackage and the manifest both list it.

    Only for one staging directory, whose files are not changed once hashed.
    """

    def __init__(self) -> None:
        self.seen: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        path = Path(path)
        if path not in self.seen:
            self.seen[path] = sha256_file(path)
        return self.seen[path]


def _indented(data: bytes, level: int) -> bytes:
    # JSON text never holds a raw newline inside a string, so re-indenting line starts is exact.
    return data.replace(b"\n", b"\n" + b" " * level)


def _copy_range(src: BinaryIO, dst: BinaryIO, start: int, end: int) -> int:
    """Append bytes [start, end) of src to dst; returns how many were copied (fewer: src ended).

    In the kernel (copy_file_range) where it can, so a big unchanged range never
    passes through Python; by read/write where it cannot (other OS, filesystems).
    """
    dst.flush()
    done = 0
    if hasattr(os, "copy_file_range"):
        try:
            while done < end - start:
                n = os.copy_file_range(src.fileno(), dst.fileno(), end - start - done, start + done)
                if n == 0:
                    return done
                done += n
            return done
        except OSError:
            pass  # not supported here: the rest by read/write
    src.seek(start + done)
    while done < end - start:
        chunk = src.read(min(end - start - done, 1 << 22))
        if not chunk:
            break
        dst.write(chunk)
        done += len(chunk)
    return done


class _JsonListStream:
    """Write `{...head..., "<key>": [items]}` item by item, byte-identical to `json_bytes` of the whole.

    Items are written fresh (`write`) or copied as raw bytes from the same list
    in a previous file (`copy`): an item's bytes do not depend on its
    neighbours, so a run of consecutive old items is one byte range.
    """

    SEP_FIRST, SEP = b"\n    ", b",\n    "

    def __init__(self, path: Path, head: dict[str, Any], key: str):
        self.fh = open(path, "wb")
        self.n = 0
        body = orjson.dumps({**head, key: []}, option=orjson.OPT_INDENT_2)
        # Everything up to the (empty) list of the last key; items go where the "[]" was.
        self.prefix, self.suffix = body[:-len(b"[]\n}")], body[-len(b"]\n}"):]
        self.fh.write(self.prefix + b"[")
        self.pos = len(self.prefix) + 1

    def _sep(self) -> None:
        sep = self.SEP_FIRST if self.n == 0 else self.SEP
        self.fh.write(sep)
        self.pos += len(sep)

    def write(self, item: dict[str, Any]) -> tuple[int, int]:
        """Write one item; returns its byte span in the file."""
        data = _indented(orjson.dumps(item, option=orjson.OPT_INDENT_2), 4)
        self._sep()
        start = self.pos
        self.fh.write(data)
        self.pos += len(data)
        self.n += 1
        return start, self.pos

    def copy(self, src: BinaryIO, start: int, end: int, count: int) -> int:
        """Copy `count` consecutive items spanning bytes [start, end) of `src`; returns the shift of their offsets."""
        if not count:
            return 0
        self._sep()
        shift = self.pos - start
        done = _copy_range(src, self.fh, start, end)
        if done != end - start:
            raise PublishError(f"previous {Path(src.name).name} ends before byte {end}")
        self.pos += done
        self.n += count
        return shift

    def close(self) -> None:
        self.fh.write((b"\n  " if self.n else b"") + self.suffix + b"\n")
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


class _TableStream:
    """Rows appended per article, written as Parquet row groups of a fixed size (deterministic).

    Fresh rows arrive as Python column lists and are turned into Arrow every
    SEAL_ROWS rows; rows reused from a previous file arrive as Arrow tables.
    Row groups depend only on the row sequence, not on how it was chunked, so
    every path gives the same bytes.
    """

    def __init__(self, path: Path, model: type[pa.DataFrameModel]):
        self.name = _model_name(model)
        self.group_rows = ARTICLE_GROUP_ROWS if self.name == "articles" else ROW_GROUP_ROWS
        self.schema = arrow_schema(model)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd", write_statistics=True)
        self.buf: dict[str, list[Any]] = {f.name: [] for f in self.schema}
        self.chunks: list[pyarrow_mod.Table] = []  # rows before those in `buf`
        self.rows = 0
        self.buffered = 0  # rows in chunks + buf
        self.in_buf = 0

    def append(self, columns: dict[str, list[Any]]) -> int:
        n = len(next(iter(columns.values()), []))
        if not n:
            return 0
        if set(columns) != set(self.buf):
            raise PublishError(f"{self.name}: columns {sorted(columns)} != {sorted(self.buf)}")
        for name, values in columns.items():
            self.buf[name].extend(values)
        self.in_buf += n
        if self.in_buf >= SEAL_ROWS:
            self._seal()
        self._added(n)
        return n

    def append_arrow(self, table: pyarrow_mod.Table) -> None:
        if not table.num_rows:
            return
        self._seal()
        self.chunks.append(pyarrow_mod.Table.from_arrays(table.columns, schema=self.schema))
        self._added(table.num_rows)

    def _added(self, n: int) -> None:
        self.buffered += n
        if self.buffered >= self.group_rows:
            self.flush(whole_groups_only=True)

    def _seal(self) -> None:
        if self.in_buf:
            self.chunks.append(pyarrow_mod.Table.from_pydict(self.buf, schema=self.schema))
            self.buf = {k: [] for k in self.buf}
            self.in_buf = 0

    def flush(self, whole_groups_only: bool = False) -> None:
        """Write buffered rows; with `whole_groups_only`, full row groups only (the rest stays buffered)."""
        take = self.buffered - self.buffered % self.group_rows if whole_groups_only else self.buffered
        if not take:
            return
        if not self.chunks:  # only fresh rows: slice the Python lists (the cold build's path)
            table = pyarrow_mod.Table.from_pydict({k: v[:take] for k, v in self.buf.items()}, schema=self.schema)
            self.buf = {k: v[take:] for k, v in self.buf.items()}
            self.in_buf -= take
        else:
            self._seal()
            whole = pyarrow_mod.concat_tables(self.chunks)
            # One contiguous chunk per column: Parquet pages break at chunk boundaries,
            # so without this the bytes would depend on how the rows were buffered.
            table = whole.slice(0, take).combine_chunks()
            self.chunks = [whole.slice(take)] if whole.num_rows > take else []
        self.writer.write_table(table, row_group_size=self.group_rows)
        self.rows += take
        self.buffered -= take

    def close(self) -> None:
        self.flush()
        self.writer.close()


class _OldRows:
    """Row ranges of a previous Parquet file, read one row group at a time (ranges come in increasing order)."""

    def __init__(self, path: Path):
        self.file = pq.ParquetFile(path)
        meta = self.file.metadata
        self.starts = list(itertools.accumulate((meta.row_group(i).num_rows for i in range(meta.num_row_groups)),
                                                initial=0))
        self.group: int | None = None
        self.table: pyarrow_mod.Table | None = None

    def slice(self, start: int, end: int) -> list[pyarrow_mod.Table]:
        out = []
        while start < end:
            g = bisect.bisect_right(self.starts, start) - 1
            if g >= len(self.starts) - 1:
                raise PublishError(f"previous {Path(self.file.metadata.schema.name or '').name or 'table'} "
                                   f"has no row {start}")
            if g != self.group:
                self.group, self.table = g, self.file.read_row_group(g)
            lo, hi = start - self.starts[g], min(end, self.starts[g + 1]) - self.starts[g]
            out.append(self.table.slice(lo, hi - lo))
            start += hi - lo
        return out

    def close(self) -> None:
        self.file.close()


@dataclass(frozen=True)
class Reuse:
    """Stands for an unchanged article in the record stream: its rows and items are copied from `previous`."""

    index: int  # the article's position in the previous dataset's PublishedIndex


_NO_REJECTS: tuple = ()  # shared by every article without rejects (most of them)


@dataclass
class PublishedIndex:
    """Where each article's rows and JSON items sit in a published dataset, in article_id order.

    The writer returns it for what it wrote; the build keeps it (in its cache)
    so the next build can copy unchanged articles instead of rewriting them.
    Spans are byte offsets of the article's routines.json item (start == end:
    no item) and of its run of JSON-LD items.  Columns are compact (see
    publish/columns.py): the index grows with every article a build writes.
    """

    article_ids: Strings = field(default_factory=Strings)
    source_files: Strings = field(default_factory=Strings)
    sha256: Strings = field(default_factory=Strings)
    flags: StringLists = field(default_factory=StringLists)
    rejects: list[Sequence[dict[str, Any]]] = field(default_factory=list)
    json: Spans = field(default_factory=lambda: Spans(2))
    jsonld: Spans = field(default_factory=lambda: Spans(3))  # start, end, items
    rows: dict[str, array] = field(default_factory=lambda: {t: array("q") for t in TABLE_NAMES})

    def __len__(self) -> int:
        return len(self.article_ids)

    def to_dict(self) -> dict[str, Any]:
        return {"article_ids": list(self.article_ids), "source_files": list(self.source_files),
                "sha256": list(self.sha256), "flags": list(self.flags), "rejects": [list(r) for r in self.rejects],
                "json": [list(s) for s in self.json], "jsonld": [list(s) for s in self.jsonld],
                "rows": {t: list(v) for t, v in self.rows.items()}}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PublishedIndex:
        idx = cls(article_ids=Strings(d["article_ids"]), source_files=Strings(d["source_files"]),
                  sha256=Strings(d["sha256"]), flags=StringLists(d["flags"]),
                  rejects=[list(r) if r else _NO_REJECTS for r in d["rejects"]],
                  json=Spans(2, d["json"]), jsonld=Spans(3, d["jsonld"]),
                  rows={t: array("q", d["rows"][t]) for t in TABLE_NAMES})
        n = len(idx.article_ids)
        if any(len(v) != n for v in (idx.source_files, idx.sha256, idx.flags, idx.rejects, idx.json, idx.jsonld,
                                     *idx.rows.values())):
            raise ValueError("published index: columns of different lengths")
        return idx


@dataclass
class PreviousDataset:
    """A published dataset and its index: the source of `Reuse` items."""

    root: Path
    index: PublishedIndex

    def problem(self, *, jsonld: bool) -> str | None:
        """Why the files on disk cannot be what the index describes (None: they can)."""
        try:
            for t in TABLE_NAMES:
                n = pq.ParquetFile(self.root / "parquet" / f"{t}.parquet").metadata.num_rows
                if n != sum(self.index.rows[t]):
                    return f"{t}.parquet has {n} rows, the index {sum(self.index.rows[t])}"
            ends = [("routines.json", max((e for _, e in self.index.json), default=0))]
            if jsonld:
                ends.append(("routines.jsonld", max((e for _, e, _ in self.index.jsonld), default=0)))
            for name, end in ends:
                if (self.root / "json" / name).stat().st_size < end:
                    return f"{name} is shorter than the index says"
        except (OSError, pyarrow_mod.ArrowException) as exc:
            return f"cannot read the previous dataset ({exc})"
        return None


@dataclass
class PublishStats:
    """What a streamed publish wrote (row counts per Parquet table, sources)."""

    row_counts: dict[str, int]
    sources: list[dict[str, Any]]
    articles: int
    report_markdown: str | None = None  # the build report as markdown, when artefacts were written
    index: PublishedIndex | None = None  # where each article went (for the next incremental build)
    reused: int = 0  # articles copied from the previous dataset


def _stream_records(staging: Path, records: Iterable[ArticleRecord | Reuse], ingest_rejects: Iterable[Reject], *,
                    name: str, version: str, jsonld: bool, check_items: bool,
                    progress: Callable[[int], None] | None = None,
                    previous: PreviousDataset | None = None) -> PublishStats:
    """Write the data files of the dataset from records in article_id order, one record in memory at a time.

    `Reuse(j)` items copy article j of `previous` (rows, JSON bytes) instead;
    consecutive ones are copied as one range.
    """
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
    index = PublishedIndex()
    last: str | None = None
    n = reused = 0
    old: _Previous | None = _Previous(previous, jsonld) if previous is not None else None
    run: list[int] = []  # consecutive previous positions waiting to be copied

    def admit(article_id: str, source_file: str) -> None:
        nonlocal last
        # Sorted, strictly increasing ids: unique across the whole dataset without keeping them all.
        # (Unique source files are checked once at the end, from the index.)
        if last is not None and article_id <= last:
            raise DatasetInvalid(f"article ids out of order or repeated: {article_id!r} after {last!r}")
        last = article_id

    def copy_run() -> None:
        nonlocal n, reused
        if not run:
            return
        assert old is not None
        old.copy(run[0], run[-1] + 1, streams, export, ld, index, rejects)
        for _ in run:
            n += 1
            if progress is not None:
                progress(n)
        reused += len(run)
        run.clear()

    try:
        for rec in records:
            if isinstance(rec, Reuse):
                if old is None:
                    raise PublishError("a reused article but no previous dataset")
                j = rec.index
                admit(old.index.article_ids[j], old.index.source_files[j])
                if run and j != run[-1] + 1:
                    copy_run()
                run.append(j)
                continue
            copy_run()
            admit(rec.article_id, rec.source_file)
            if check_items and rec.export is not None:
                check_export_item(rec.export)
            check_record(rec)
            for t in TABLE_NAMES:
                index.rows[t].append(streams[t].append(rec.tables.get(t) or {}))
            rejects.extend(rec.rejects)
            span = (export.pos, export.pos)
            ld_span = (ld.pos, ld.pos, 0) if ld is not None else (0, 0, 0)
            if rec.export is not None:
                span = export.write(rec.export)
                if ld is not None:
                    spans = [ld.write(exercise_plan(rec.export, ex)) for ex in rec.export.get("exercises", [])]
                    if spans:
                        ld_span = (spans[0][0], spans[-1][1], len(spans))
            index.article_ids.append(rec.article_id)
            index.source_files.append(rec.source_file)
            index.sha256.append(rec.sha256)
            index.flags.append(rec.flags)
            index.rejects.append(list(rec.rejects) if rec.rejects else _NO_REJECTS)
            index.json.append(span)
            index.jsonld.append(ld_span)
            n += 1
            if progress is not None:
                progress(n)
        copy_run()
        _check_unique(index.source_files)
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
    finally:
        if old is not None:
            old.close()
    reject_df = reject_frame(rejects)
    write_parquet(reject_df, staging / "parquet" / "rejects.parquet", ALL_MODELS["rejects"])
    counts = {t: streams[t].rows for t in TABLE_NAMES}
    counts["rejects"] = int(len(reject_df))
    sources = [{"source_file": f, "sha256": h} for f, h in zip(index.source_files, index.sha256)]
    return PublishStats(row_counts=counts, sources=sources, articles=n, index=index, reused=reused)


def _check_unique(source_files: Strings) -> None:
    from .validate import DatasetInvalid

    seen: set[str] = set()
    for f in source_files:
        if f in seen:
            raise DatasetInvalid(f"source_file {f!r} appears twice")
        seen.add(f)


class _Previous:
    """Open handles on a previous dataset while its unchanged articles are copied."""

    def __init__(self, previous: PreviousDataset, jsonld: bool):
        self.index = previous.index
        root = previous.root
        self.tables = {t: _OldRows(root / "parquet" / f"{t}.parquet") for t in TABLE_NAMES}
        self.row_start = {t: array("q", itertools.accumulate(previous.index.rows[t], initial=0)) for t in TABLE_NAMES}
        self.json = open(root / "json" / "routines.json", "rb")
        self.jsonld = open(root / "json" / "routines.jsonld", "rb") if jsonld else None

    def copy(self, j0: int, j1: int, streams: dict[str, _TableStream], export: _JsonListStream,
             ld: _JsonListStream | None, index: PublishedIndex, rejects: list[dict[str, Any]]) -> None:
        """Copy previous articles j0..j1-1 (consecutive) and append their entries to `index`."""
        old = self.index
        for t in TABLE_NAMES:
            for part in self.tables[t].slice(self.row_start[t][j0], self.row_start[t][j1]):
                streams[t].append_arrow(part)
            index.rows[t].extend(old.rows[t][j0:j1])
        spans = [s for s in old.json[j0:j1] if s[1] > s[0]]
        shift = export.copy(self.json, spans[0][0], spans[-1][1], len(spans)) if spans else 0
        index.json.extend((a + shift, b + shift) if b > a else (export.pos, export.pos) for a, b in old.json[j0:j1])
        if ld is not None and self.jsonld is not None:
            runs = [s for s in old.jsonld[j0:j1] if s[2]]
            shift = ld.copy(self.jsonld, runs[0][0], runs[-1][1], sum(s[2] for s in runs)) if runs else 0
            index.jsonld.extend((a + shift, b + shift, k) if k else (ld.pos, ld.pos, 0) for a, b, k in old.jsonld[j0:j1])
        else:
            index.jsonld.extend((0, 0, 0) for _ in range(j0, j1))
        index.article_ids.extend(old.article_ids[j0:j1])
        index.source_files.extend(old.source_files[j0:j1])
        index.sha256.extend(old.sha256[j0:j1])
        index.flags.extend(old.flags[j0:j1])
        index.rejects.extend(old.rejects[j0:j1])
        for rs in old.rejects[j0:j1]:
            rejects.extend(rs)

    def close(self) -> None:
        for t in self.tables.values():
            t.close()
        self.json.close()
        if self.jsonld is not None:
            self.jsonld.close()


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
                    progress: Callable[[int], None] | None = None,
                    previous: PreviousDataset | None = None) -> PublishStats:
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

    Incremental: `records` may hold `Reuse(j)` items for articles unchanged
    since `previous` (normally `out_dir` itself, still intact until the swap);
    their rows and JSON items are copied from it, giving the same bytes as
    writing them again.  `PublishStats.index` describes what was written.
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
        if previous is not None and Path(previous.root).absolute() == staging:
            raise PublishError("the previous dataset cannot be the staging directory")
        stats = _stream_records(staging, records, ingest_rejects, name=name, version=version,
                                jsonld=artefacts, check_items=check_items, progress=progress,
                                previous=previous)
        if sources is not None:
            stats.sources = list(sources)
        hashes = _HashOnce()
        if artefacts:
            stats.report_markdown = _write_artefacts(staging, stats.sources, name=name, version=version,
                                                     sha256=hashes)
        write_json(_manifest(staging, {"dataset": {"name": name, "version": version}}, stats.row_counts,
                             stats.sources, sha256=hashes), staging / "manifest.json")
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
