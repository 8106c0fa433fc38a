"""Build cache: extracted articles per input article, and what was last published where.

Layout (default `.cache/runstrength/` in the working directory, or
`$RUNSTRENGTH_CACHE_DIR`; never inside the dataset)::

    articles/<namespace>/<kk>/<key>.json   one validated ArticleRecord per input article
    published/<out-dir-hash>.json         fingerprint of the last build published into a directory
    published/<out-dir-hash>.index        where each article sits in that dataset (incremental publishing)
    ingest/<raw-dir-hash>.index           stat index of a raw directory (see runstrength.ingest.scan)

* `namespace` is the extractor version (`extractor_version()`: code, patterns
  and lexicons of extraction) combined with the code that turns an extracted
  article into a validated record (record model, table models, JSON Schema,
  tabulation, validation) and this cache's format, so any change that can
  alter a record starts a fresh namespace: a changed pattern file or schema
  re-extracts everything.
* `key` is the sha256 of the article's `ArticleRef` (hash of the published
  text, raw-bytes sha256, path/id, sidecar and front-matter metadata, reading
  flags): every input extraction sees, so an unchanged article is never
  re-extracted and a changed one (or one whose sidecar changed) always is.
* An entry is one header line (JSON: format, namespace, key, sha256 and size of
  the payload) followed by the payload (the record as JSON).  Entries are
  written to a temporary file and renamed into place, so a reader sees a whole
  entry or none; a truncated or corrupted entry fails its checksum, is logged,
  deleted and recomputed, and never reaches the published dataset.
* A record is only cached if it survives the JSON round trip unchanged, so a
  cache hit always gives exactly what extraction and validation would.
* The publish index (`PublishedIndex`: each article's key, rows per table and
  byte spans in routines.json / routines.jsonld) lets the next build copy
  unchanged articles straight from the dataset it replaces.  It is only used
  when the dataset is provably the one it describes: same manifest bytes,
  same size/mtime/inode for every data file, same code, versions and options
  (the `context`); anything else and the build writes every article again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from runstrength.publish.records import ArticleRecord
    from runstrength.publish.writer import PreviousDataset, PublishedIndex

CACHE_DIR_ENV = "RUNSTRENGTH_CACHE_DIR"
NO_CACHE_ENV = "RUNSTRENGTH_NO_CACHE"
DEFAULT_CACHE_DIR = Path(".cache") / "runstrength"
FORMAT = 3  # 3: keys over ArticleRefs (2: validated ArticleRecord payloads, 1: extracted Articles)
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


def raw_key(article: Any) -> str:
    """Content key of one input article: sha256 over every field of its ArticleRef (the text by its hash).

    A RawArticle and the ArticleRef the scan made for the same file give the same key.
    """
    from runstrength.ingest.scan import REF_FIELDS, ArticleRef, ref_of

    ref = article if isinstance(article, ArticleRef) else ref_of(article)
    return _sha256(_canonical({name: getattr(ref, name) for name in REF_FIELDS}))


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
    import runstrength
    import schemas

    # Paths, not imports: importing runstrength.publish would pull in pandas and pandera,
    # which a build with nothing to do never needs.
    pkg, root = Path(runstrength.__file__).parent, Path(schemas.__file__).parent
    return code_fingerprint(pkg / "model.py", pkg / "publish" / "records.py", pkg / "publish" / "tables.py",
                            pkg / "publish" / "validate.py", root / "tables.py", root / "routines.schema.json")


# --------------------------------------------------------------------------
# The cache
# --------------------------------------------------------------------------

class BuildCache:
    def __init__(self, root: Path, extractor: str):
        self.root = Path(root).absolute()
        self.namespace = f"{extractor}-{record_fingerprint()}-f{FORMAT}"
        self.articles_dir = self.root / "articles" / self.namespace
        self.hits = self.misses = self.corrupt = self.uncacheable = 0
        self._dirs: set[Path] = set()  # entry directories known to exist

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
        """Remove every entry (all extractor versions), every publish record and ingest index."""
        for sub in ("articles", "published", "ingest"):
            shutil.rmtree(self.root / sub, ignore_errors=True)
        self._dirs.clear()
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
        from runstrength.publish.records import decode_record  # late: pandas/pandera are not needed for a no-op

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
            record = decode_record(payload)
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
        from runstrength.publish.records import encode_record

        return self.put_payload(key, encode_record(record))

    def put_payload(self, key: str, payload: bytes | None) -> bool:
        """Store a record already encoded by `encode_record`; None (JSON cannot carry it) is not cached."""
        if payload is None:
            self.uncacheable += 1
            return False
        header = _canonical({"format": FORMAT, "namespace": self.namespace, "key": key,
                             "sha256": _sha256(payload), "bytes": len(payload)})
        path = self._path(key)
        # One mkdir per entry directory, not per entry: a cold build writes an entry per article.
        fresh = path.parent not in self._dirs
        try:
            _atomic_write(path, header + b"\n" + payload, mkdir=fresh)
        except FileNotFoundError:  # the directory went away (cleared by another build): make it again
            _atomic_write(path, header + b"\n" + payload)
        self._dirs.add(path.parent)
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
        _atomic_write(self._published_path(out_dir), _canonical(record))

    def forget_published(self, out_dir: Path) -> None:
        for path in (self._published_path(out_dir), self._index_path(out_dir)):
            try:
                path.unlink()
            except OSError:
                pass

    def ingest_index(self, raw_dir: Path) -> Path:
        """Where the stat index of raw_dir lives (runstrength.ingest.scan)."""
        return self.root / "ingest" / f"{_sha256(str(Path(raw_dir).absolute()).encode())[:24]}.index"

    # -- publish index (incremental publishing) -------------------------------

    def _index_path(self, out_dir: Path) -> Path:
        return self._published_path(out_dir).with_suffix(".index")

    def record_index(self, out_dir: Path, index: PublishedIndex, keys: list[str], context: str) -> None:
        """Remember where each article of the dataset just published into out_dir sits."""
        out_dir = Path(out_dir).absolute()
        if len(keys) != len(index):
            raise ValueError(f"{len(keys)} keys for {len(index)} published articles")
        doc = {"format": FORMAT, "out_dir": str(out_dir), "context": context,
               "manifest_sha256": _sha256((out_dir / "manifest.json").read_bytes()),
               "files": _data_file_stats(out_dir), "keys": keys, "index": index.to_dict()}
        _atomic_write(self._index_path(out_dir), orjson.dumps(doc))

    def previous_dataset(self, out_dir: Path, context: str) -> tuple[PreviousDataset, list[str]] | None:
        """The dataset in out_dir and its articles' keys, if it is exactly what the last build wrote there."""
        from runstrength.publish.writer import PreviousDataset, PublishedIndex

        out_dir = Path(out_dir).absolute()
        try:
            doc = orjson.loads(self._index_path(out_dir).read_bytes())
            if (doc.get("format") != FORMAT or doc.get("out_dir") != str(out_dir) or doc.get("context") != context
                    or doc.get("manifest_sha256") != _sha256((out_dir / "manifest.json").read_bytes())
                    or doc.get("files") != _data_file_stats(out_dir)):
                return None
            index = PublishedIndex.from_dict(doc["index"])
            keys = list(doc["keys"])
            if len(keys) != len(index):
                return None
        except (OSError, ValueError, KeyError, TypeError, orjson.JSONDecodeError):
            return None
        previous = PreviousDataset(out_dir, index)
        problem = previous.problem(jsonld=(out_dir / "json" / "routines.jsonld").exists())
        if problem:
            log.warning("cache: not reusing %s (%s)", out_dir, problem)
            return None
        return previous, keys


# The files incremental publishing copies from.
_DATA_FILES = ("json/routines.json", "json/routines.jsonld",
               *(f"parquet/{t}.parquet" for t in ("articles", "sections", "exercises", "dosages", "cues", "rejects")))


def _data_file_stats(root: Path) -> dict[str, list[int] | None]:
    # Any write to a file changes its ctime (which no tool can set back) or its inode: cheap proof it is untouched.
    out: dict[str, list[int] | None] = {}
    for rel in _DATA_FILES:
        try:
            st = os.stat(root / rel)
            out[rel] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        except FileNotFoundError:
            out[rel] = None
    return out


def _atomic_write(path: Path, data: bytes, *, mkdir: bool = True) -> None:
    if mkdir:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def build_context(*, dataset_version: str, extractor: str, options: dict[str, Any] | None = None) -> str:
    """Everything but the inputs that shapes the published bytes: versions, all code and data, options."""
    return _sha256(_canonical({"dataset_version": dataset_version, "extractor": extractor,
                               "code": package_fingerprint(), "options": options or {}}))


def build_fingerprint(raws: list, rejects: list, *, dataset_version: str, extractor: str,
                      options: dict[str, Any] | None = None, keys: list[str] | None = None) -> str:
    """What a published dataset depends on: inputs (incl. rejects), all code and data, versions, options.

    `keys`: the inputs' `raw_key`s when the caller has them already.
    """
    h = hashlib.sha256()
    h.update(build_context(dataset_version=dataset_version, extractor=extractor, options=options).encode())
    for k in keys if keys is not None else map(raw_key, raws):
        h.update(k.encode())
    h.update(_canonical([asdict(r) for r in rejects]))
    return h.hexdigest()
