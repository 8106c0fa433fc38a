"""Build cache: extracted articles per input article, and what was last published where.

Layout (default `.cache/runstrength/` in the working directory, or
`$RUNSTRENGTH_CACHE_DIR`; never inside the dataset)::

    articles/<namespace>/<kk>/<key>.json   one validated ArticleRecord per input article
    published/<out-dir-hash>.json         fingerprint of the last build published into a directory

* `namespace` is the extractor version (`extractor_version()`: code, patterns
  and lexicons of extraction) combined with the code that turns an extracted
  article into a validated record (record model, table models, JSON Schema,
  tabulation, validation) and this cache's format, so any change that can
  alter a record starts a fresh namespace: a changed pattern file or schema
  re-extracts everything.
* `key` is the sha256 of the whole `RawArticle` (published text, raw-bytes
  sha256, path/id, sidecar and front-matter metadata, reading flags): every
  input extraction sees, so an unchanged article is never re-extracted and a
  changed one (or one whose sidecar changed) always is.
* An entry is one header line (JSON: format, namespace, key, sha256 and size of
  the payload) followed by the payload (the record as JSON).  Entries are
  written to a temporary file and renamed into place, so a reader sees a whole
  entry or none; a truncated or corrupted entry fails its checksum, is logged,
  deleted and recomputed, and never reaches the published dataset.
* A record is only cached if it survives the JSON round trip unchanged, so a
  cache hit always gives exactly what extraction and validation would.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import orjson

from runstrength.publish.records import ArticleRecord

CACHE_DIR_ENV = "RUNSTRENGTH_CACHE_DIR"
NO_CACHE_ENV = "RUNSTRENGTH_NO_CACHE"
DEFAULT_CACHE_DIR = Path(".cache") / "runstrength"
FORMAT = 2  # 2: validated ArticleRecord payloads (1: extracted Articles)
KEEP_NAMESPACES = 3  # older extractor versions beyond this many are pruned

log = logging.getLogger("runstrength.cache")


class CacheError(Exception):
    """A cache directory that cannot be used (e.g. inside the dataset directory)."""


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_DIR_ENV)
    return Path(env) if env else Path.cwd() / DEFAULT_CACHE_DIR


def cache_disabled_by_env() -> bool:
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(obj: Any) -> bytes:
    # Compact, sorted keys, UTF-8: one byte string per value, so it can be hashed.
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


def raw_key(raw: Any) -> str:
    """Content key of one input article: sha256 over every field of the RawArticle."""
    # A flat record of strings and a tuple: read the fields instead of asdict's deep copy.
    return _sha256(_canonical({f.name: getattr(raw, f.name) for f in fields(raw)}))


def code_fingerprint(*files: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def package_fingerprint() -> str:
    """Every source and data file of runstrength and schemas: anything that can change published bytes."""
    import runstrength
    import schemas

    files: list[Path] = []
    for pkg in (runstrength, schemas):
        root = Path(pkg.__file__).parent
        files += sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                        and p.suffix not in (".pyc", ".pyo"))
    h = hashlib.sha256()
    for f in files:
        h.update(f.as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def record_fingerprint() -> str:
    """Everything besides extraction that shapes a cached ArticleRecord."""
    import schemas
    from runstrength import model
    from runstrength.publish import records, tables, validate

    root = Path(schemas.__file__).parent
    return code_fingerprint(Path(model.__file__), Path(records.__file__), Path(tables.__file__),
                            Path(validate.__file__), root / "tables.py", root / "routines.schema.json")


# --------------------------------------------------------------------------
# The cache
# --------------------------------------------------------------------------

class BuildCache:
    def __init__(self, root: Path, extractor: str):
        self.root = Path(root).absolute()
        self.namespace = f"{extractor}-{record_fingerprint()}-f{FORMAT}"
        self.articles_dir = self.root / "articles" / self.namespace
        self.hits = self.misses = self.corrupt = self.uncacheable = 0

    # -- setup --------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | None, extractor: str, *, out_dir: Path | None = None, clear: bool = False) -> BuildCache:
        root = Path(root) if root is not None else default_cache_dir()
        root = root.absolute()
        if out_dir is not None:
            out = Path(out_dir).absolute()
            if root == out or root.is_relative_to(out):
                raise CacheError(f"cache directory {root} lies inside the dataset directory {out}")
        cache = cls(root, extractor)
        if clear:
            cache.clear()
        return cache

    def clear(self) -> None:
        """Remove every entry (all extractor versions) and every publish record."""
        for sub in ("articles", "published"):
            shutil.rmtree(self.root / sub, ignore_errors=True)
        log.info("cache: cleared %s", self.root)

    def prune(self, keep: int = KEEP_NAMESPACES) -> None:
        """Drop the entries of old extractor versions, keeping the `keep` most recently used."""
        base = self.root / "articles"
        if not base.is_dir():
            return
        if self.articles_dir.is_dir():
            os.utime(self.articles_dir)  # mark the current version as most recently used
        others = sorted((p for p in base.iterdir() if p.is_dir() and p.name != self.namespace),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for p in others[keep - 1:]:
            shutil.rmtree(p, ignore_errors=True)

    # -- entries -------------------------------------------------------------

    def _path(self, key: str) -> Path:
        return self.articles_dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> ArticleRecord | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            log.warning("cache: cannot read %s (%s); recomputing", path, exc)
            self.misses += 1
            return None
        try:
            head, sep, payload = data.partition(b"\n")
            if not sep:
                raise ValueError("no header line")
            header = json.loads(head)
            if header.get("format") != FORMAT or header.get("namespace") != self.namespace or header.get("key") != key:
                raise ValueError("header does not match the entry's key")
            if header.get("bytes") != len(payload) or header.get("sha256") != _sha256(payload):
                raise ValueError("payload checksum mismatch (truncated or corrupted)")
            record = ArticleRecord.from_dict(orjson.loads(payload))
        except Exception as exc:  # noqa: BLE001 - any bad entry is a miss, never an error
            log.warning("cache: corrupt entry %s (%s); recomputing", path.name, exc)
            self.corrupt += 1
            self.misses += 1
            try:
                path.unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return record

    def has(self, key: str) -> bool:
        """Whether an entry exists (not whether it is intact: `get` checks that)."""
        return self._path(key).is_file()

    def put(self, key: str, record: ArticleRecord) -> bool:
        # Key order is kept (not sorted): routines.json items are written in the order they were made.
        payload = orjson.dumps(record.to_dict())
        if orjson.dumps(ArticleRecord.from_dict(orjson.loads(payload)).to_dict()) != payload:
            # A record JSON cannot carry exactly (e.g. a tuple field): do not cache it.
            self.uncacheable += 1
            return False
        header = _canonical({"format": FORMAT, "namespace": self.namespace, "key": key,
                             "sha256": _sha256(payload), "bytes": len(payload)})
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(header + b"\n" + payload)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return True

    # -- publish records -----------------------------------------------------

    def _published_path(self, out_dir: Path) -> Path:
        return self.root / "published" / f"{_sha256(str(Path(out_dir).absolute()).encode())[:24]}.json"

    def published_matches(self, out_dir: Path, fingerprint: str) -> bool:
        """True when out_dir still holds, untouched, the build this fingerprint describes."""
        out_dir = Path(out_dir).absolute()
        try:
            record = json.loads(self._published_path(out_dir).read_bytes())
            manifest_bytes = (out_dir / "manifest.json").read_bytes()
        except (OSError, ValueError):
            return False
        if record.get("fingerprint") != fingerprint or record.get("out_dir") != str(out_dir):
            return False
        if record.get("manifest_sha256") != _sha256(manifest_bytes):
            return False
        try:
            manifest = json.loads(manifest_bytes)
            for f in manifest["files"]:
                if (out_dir / f["path"]).stat().st_size != f["bytes"]:
                    return False
        except (OSError, ValueError, KeyError, TypeError):
            return False
        return True

    def record_published(self, out_dir: Path, fingerprint: str, info: dict[str, Any]) -> None:
        out_dir = Path(out_dir).absolute()
        record = {"out_dir": str(out_dir), "fingerprint": fingerprint,
                  "manifest_sha256": _sha256((out_dir / "manifest.json").read_bytes()), **info}
        path = self._published_path(out_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_canonical(record))
        os.replace(tmp, path)

    def forget_published(self, out_dir: Path) -> None:
        try:
            self._published_path(out_dir).unlink()
        except OSError:
            pass


def build_fingerprint(raws: list, rejects: list, *, dataset_version: str, extractor: str,
                      options: dict[str, Any] | None = None, keys: list[str] | None = None) -> str:
    """What a published dataset depends on: inputs (incl. rejects), all code and data, versions, options.

    `keys`: the inputs' `raw_key`s when the caller has them already.
    """
    h = hashlib.sha256()
    h.update(_canonical({"dataset_version": dataset_version, "extractor": extractor,
                         "code": package_fingerprint(), "options": options or {}}))
    for k in keys if keys is not None else map(raw_key, raws):
        h.update(k.encode())
    h.update(_canonical([asdict(r) for r in rejects]))
    return h.hexdigest()
