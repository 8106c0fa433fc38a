"""Per-article published records: the unit the build caches, ships between processes and streams to disk.

An `ArticleRecord` is everything one input article contributes to the dataset
once it has been extracted *and* validated: its rows in the five tables, the
rows it lost to validation (rejects), and its item of routines.json.

Why per article: every rule of the models and of `check_integrity` stays
inside one article (ids are ``<article_id>/...``, foreign keys and offsets
point into the same article), so validating a batch and splitting the result
per article gives the same rows as validating the whole dataset.  The only
cross-article rules, unique `article_id` and `source_file`, are checked by the
writer as records stream past.  That is what lets a worker validate its own
batch, the cache keep validated records, and the writer hold one record at a
time instead of the whole dataset.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable, Iterable, Protocol

import orjson
import pandas as pd

from runstrength.model import Article, Reject
from schemas.tables import PRIMARY_KEYS, TABLE_MODELS

from .tables import export_item_ids, to_export, to_tables
from .validate import DatasetInvalid, validate_tables

Columns = dict[str, list[Any]]


@dataclass
class ArticleRecord:
    """One article's validated contribution to the dataset (JSON-safe values only)."""

    article_id: str
    source_file: str
    sha256: str
    flags: list[str] = field(default_factory=list)
    # table name -> column name -> values, rows sorted by primary key.
    tables: dict[str, Columns] = field(default_factory=dict)
    # Rows of the rejects table this article produced (dicts with the RejectsModel columns).
    rejects: list[dict[str, Any]] = field(default_factory=list)
    # The article's item of routines.json, or None when its articles row was rejected.
    export: dict[str, Any] | None = None

    def n_rows(self, table: str) -> int:
        cols = self.tables.get(table) or {}
        return len(next(iter(cols.values()), []))

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "source_file": self.source_file, "sha256": self.sha256,
                "flags": list(self.flags), "tables": self.tables, "rejects": self.rejects,
                "export": self.export}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleRecord:
        return cls(article_id=d["article_id"], source_file=d["source_file"], sha256=d["sha256"],
                   flags=list(d["flags"]), tables=d["tables"], rejects=d["rejects"], export=d["export"])


def encode_record(record: ArticleRecord) -> bytes | None:
    """The record as JSON bytes (the build cache's payload), or None when JSON cannot carry it exactly.

    Key order is kept, not sorted: routines.json items are written in the order they were made.
    """
    payload = orjson.dumps(record.to_dict())
    if decode_record(payload) != record:
        return None  # e.g. a tuple where a list belongs, or a float NaN
    return payload


def decode_record(payload: bytes) -> ArticleRecord:
    return ArticleRecord.from_dict(orjson.loads(payload))


class PayloadStore(Protocol):
    """Where a worker can leave payloads for the flow: the build cache (runstrength.cache.BuildCache)."""

    def put_payload(self, key: str, payload: bytes | None) -> bool: ...


@dataclass
class EncodedBatch:
    """A batch's records as they travel from a worker to the flow: one JSON payload per record.

    Why not the records themselves: Prefect's process pool unpickles every
    result twice in the flow's process (once in a callback thread), and
    unpickling ~200,000 small objects per batch there held the GIL against
    the writer; a list of bytes unpickles in microseconds.  The payload is what
    the cache stores, and the writer decodes one record at a time.  Records
    JSON cannot carry exactly travel as objects (`fallback`).

    With a store (the build cache, when workers share this machine's disk) the
    payloads are written there by the worker and not carried at all (`in_store`):
    the flow reads each back as it writes it.  Prefect keeps every finished
    task's pickled result until the flow ends, so carried payloads would hold
    the whole corpus's records in the flow's memory by the end of a long build.
    """

    article_ids: list[str]
    payloads: list[bytes | None]
    fallback: dict[int, ArticleRecord] = field(default_factory=dict)
    in_store: bool = False

    @classmethod
    def of(cls, records: list[ArticleRecord], store: PayloadStore | None = None,
           keys: list[str] | None = None) -> EncodedBatch:
        payloads = [encode_record(r) for r in records]
        fallback = {j: r for j, (r, p) in enumerate(zip(records, payloads)) if p is None}
        if store is None:
            return cls([r.article_id for r in records], payloads, fallback)
        if keys is None or len(keys) != len(records):
            raise ValueError("a store needs one key per record")
        for key, payload in zip(keys, payloads):
            if payload is not None:
                store.put_payload(key, payload)
        return cls([r.article_id for r in records], [None] * len(records), fallback, in_store=True)

    def __len__(self) -> int:
        return len(self.payloads)

    def stored(self, j: int) -> bool:
        """Whether record j is in the store (read it from there) rather than in this batch."""
        return self.in_store and j not in self.fallback

    def record(self, j: int) -> ArticleRecord:
        if self.stored(j):
            raise LookupError(f"record {j} ({self.article_ids[j]}) was written to the store, not carried")
        payload = self.payloads[j]
        return self.fallback[j] if payload is None else decode_record(payload)


def _plain(s: pd.Series) -> list[Any]:
    """A column as plain Python values: <NA> -> None, list cells as lists."""
    if isinstance(s.dtype, pd.api.extensions.ExtensionDtype):
        return s.to_numpy(dtype=object, na_value=None).tolist()
    return [list(v) if isinstance(v, (list, tuple)) else v for v in s]


def _split_by_article(df: pd.DataFrame, table: str) -> dict[str, Columns]:
    """Rows of one table grouped per article, each group sorted by primary key."""
    if not len(df):
        return {}
    df = df.sort_values(["article_id", *PRIMARY_KEYS[table]], kind="mergesort").reset_index(drop=True)
    cols = {c: _plain(df[c]) for c in df.columns}
    aids = cols["article_id"]
    out: dict[str, Columns] = {}
    start = 0
    for i in range(1, len(aids) + 1):
        if i == len(aids) or aids[i] != aids[start]:
            out[aids[start]] = {c: v[start:i] for c, v in cols.items()}
            start = i
    return out


def _empty_columns(table: str) -> Columns:
    return {c: [] for c in TABLE_MODELS[table].to_schema().columns}


def _reject_article(rec: dict[str, Any], known: set[str], fallback: str) -> str:
    # Which article a rejected row came from: its own article_id column, else its key's prefix.
    try:
        aid = json.loads(rec["row"]).get("article_id") if rec.get("row") else None
    except ValueError:
        aid = None
    if aid in known:
        return aid
    prefix = str(rec.get("key", "")).split("/", 1)[0]
    return prefix if prefix in known else fallback


@lru_cache(maxsize=1)
def article_item_validator() -> Callable[[dict[str, Any]], Any]:
    """routines.json's schema for one item of `articles`, compiled once per process.

    fastjsonschema turns the schema into Python code: it checks an item in
    microseconds where the interpreting validator takes milliseconds, which
    matters when every article of a large build is checked.
    """
    import fastjsonschema

    schema = json.loads((files("schemas") / "routines.schema.json").read_bytes())
    item = dict(schema["properties"]["articles"]["items"])
    item["$defs"] = schema.get("$defs", {})
    return fastjsonschema.compile(item)


def check_export_item(item: dict[str, Any]) -> None:
    """Raise `DatasetInvalid` when an export item breaks routines.schema.json."""
    import fastjsonschema

    try:
        article_item_validator()(item)
    except fastjsonschema.JsonSchemaException as exc:
        where = ".".join(str(p) for p in (exc.path or [])[1:])
        raise DatasetInvalid(f"routines.json article {item.get('article_id')!r} does not match its schema "
                             f"at {where or '/'}: {exc.message}") from exc


def check_record(record: ArticleRecord) -> None:
    """Raise `DatasetInvalid` when a record's export item and its table rows disagree."""
    if record.export is None:
        if record.n_rows("articles"):
            raise DatasetInvalid(f"article {record.article_id!r}: published rows but no routines.json item")
        return
    if record.export.get("article_id") != record.article_id:
        raise DatasetInvalid(f"article {record.article_id!r}: routines.json item is for "
                             f"{record.export.get('article_id')!r}")
    # Rows validation rejected are left out of the export; the ids around them keep their numbers.
    rejected = {r["key"] for r in record.rejects if r.get("table") in ("dosages", "cues")}
    for table, ids in export_item_ids(record.export, rejected).items():
        pk = PRIMARY_KEYS[table][0]
        in_table = (record.tables.get(table) or {}).get(pk, [])
        if sorted(ids) != sorted(in_table):
            only_json = sorted(set(ids) - set(in_table))[:5]
            only_rows = sorted(set(in_table) - set(ids))[:5]
            raise DatasetInvalid(f"article {record.article_id!r}: routines.json and {table} disagree "
                                 f"(only in json: {only_json}, only in rows: {only_rows})")


def records_from_articles(articles: list[Article], *, dataset_name: str = "", version: str = "") -> list[ArticleRecord]:
    """Tabulate, validate and export a batch of extracted articles, then split the result per article.

    Rejected rows stay with the article they came from.  Raises `DatasetInvalid`
    when the batch is broken as a whole (a producer bug), as `validate_tables` does.
    """
    if not articles:
        return []
    valid, rejects_df = validate_tables(to_tables(articles), ())
    per_table = {name: _split_by_article(valid[name], name) for name in TABLE_MODELS}
    items = {it["article_id"]: it for it in to_export(articles, dataset_name, version, tables=valid)["articles"]}
    known = {a.article_id for a in articles}
    rejects: dict[str, list[dict[str, Any]]] = {}
    for rec in rejects_df.to_dict("records"):
        rec = {k: (None if v is None or v is pd.NA else v) for k, v in rec.items()}
        rejects.setdefault(_reject_article(rec, known, articles[0].article_id), []).append(rec)
    out = []
    for a in articles:
        record = ArticleRecord(
            article_id=a.article_id, source_file=a.source_file, sha256=a.sha256, flags=list(a.flags),
            tables={name: per_table[name].get(a.article_id) or _empty_columns(name) for name in TABLE_MODELS},
            rejects=rejects.get(a.article_id, []),
            export=items.get(a.article_id),
        )
        if record.export is not None:
            check_export_item(record.export)
        check_record(record)
        out.append(record)
    return out


EXTRACTION_FAILED = "extraction_failed"


def failed_record(article_id: str, source_file: str, sha256: str, reason: str,
                  flags: Iterable[str] = ()) -> ArticleRecord:
    """The record of an article extraction raised on: no rows, one 'source' reject saying why."""
    reject = {"table": "source", "key": source_file, "reason": EXTRACTION_FAILED,
              "message": f"{source_file}: extraction failed: {reason}", "row": None}
    return ArticleRecord(article_id=article_id, source_file=source_file, sha256=sha256, flags=list(flags),
                         tables={name: _empty_columns(name) for name in TABLE_MODELS}, rejects=[reject])


def records_from_tables(tables: dict[str, pd.DataFrame], export: dict[str, Any],
                        sources: Iterable[dict[str, Any]] = ()) -> list[ArticleRecord]:
    """Records from already validated tables and an export (the in-memory publishing API).

    Every article of `tables` and of `export` gets a record; the caller's
    export is checked against the rows by the writer like any other record.
    """
    per_table = {name: _split_by_article(tables[name], name) for name in TABLE_MODELS}
    items = {it["article_id"]: it for it in export.get("articles", [])}
    arts = tables["articles"]
    meta = {aid: (sf, sha, list(fl)) for aid, sf, sha, fl in
            zip(arts["article_id"], arts["source_file"], arts["source_sha256"], arts["flags"])}
    for it in items.values():
        meta.setdefault(it["article_id"], (it.get("source_file"), it.get("source_sha256"), []))
    sha_of = {s["source_file"]: s["sha256"] for s in sources}
    out = []
    for aid in sorted(meta):
        sf, sha, flags = meta[aid]
        out.append(ArticleRecord(
            article_id=aid, source_file=sf, sha256=sha or sha_of.get(sf, ""), flags=flags,
            tables={name: per_table[name].get(aid) or _empty_columns(name) for name in TABLE_MODELS},
            export=items.get(aid)))
    return out
