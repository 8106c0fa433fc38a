"""Scan a raw directory into light article references, skipping files that did not change.

Why
---
`read_all` decodes every file (encoding detection, mojibake repair, HTML
extraction...) and keeps every article's full text: ~30 s and hundreds of MB
per build at 100,000 articles, even when nothing changed. `scan_all` has the
same semantics (same order, same rejects and messages, same duplicate and id
rules: both are built on `reader.keep_unique`) but returns `ArticleRef`s, which
carry everything but the text (plus the text's hash). Whoever needs the text
(the extraction workers) re-reads it with `load_article`, which checks that
the file still reads to the very same ref.

The stat index
--------------
Like git's index, an optional file remembers, per candidate file (relative
path), a stat signature and what `read_one` produced for it: the ref before
duplicate/id processing (or None) and its rejects. The signature is
(st_dev, st_ino, st_size, st_mtime_ns, st_ctime_ns, st_mode) of `os.lstat`, plus
the same of `os.stat` when the file is a symlink (so a changed target counts),
and likewise for its `.meta.json` sidecar (None when there is none). A file
whose signature matches its entry is not opened; any difference re-reads it.
Duplicate detection and unique ids are always recomputed over all files, since
they depend on the other files.

Racy writes: a file written in the same timestamp tick as (or just after) our
stat could change without changing its signature (coarse mtime granularity,
"racy git"). So an entry is stored only when every mtime in its signature is
more than `RACY_NS` (2 s) older than the moment the index is written; a file
modified more recently is simply read again by the next scan. Signatures are
taken before reading, so a change during the read shows up as a mismatch next
time rather than being cached under the new signature. (Sidecars are only
stat'ed when the directory walk listed one; one created after the walk is
recorded as absent, so its presence is a mismatch next time.)

The file is two orjson lines: a header (format number, fingerprint of the
ingest code and of the libraries/Unicode data it depends on, max_bytes, the
resolved raw directory), then {relative path: entry}. A header mismatch, or an
unreadable or corrupt file, means the index is ignored and every file read;
it never raises. It is rewritten atomically (temp file in the same directory,
then os.replace) only when its content changes, and holds entries only for
files present in this scan. A file that could not be read ("unreadable") is
never stored: the cause (permissions, I/O error) may not show in its stat.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import os
import stat
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import orjson

from runstrength.ingest.reader import (
    DEFAULT_MAX_BYTES,
    ArticleMeta,
    RawArticle,
    check_raw_dir,
    discover,
    keep_unique,
    listing,
    read_one,
    text_sha256,
)
from runstrength.ingest.sidecar import SIDECAR_SUFFIX
from runstrength.model import Reject

log = logging.getLogger(__name__)

INDEX_FORMAT = 1
RACY_NS = 2_000_000_000
# Output of read_one also depends on these libraries (and on Python's Unicode
# tables, for NFC): upgrading one must invalidate the index like a code change.
_FINGERPRINT_DISTS = ("ftfy", "charset-normalizer", "trafilatura", "lxml", "justext", "PyYAML")


@dataclass(frozen=True, slots=True)
class ArticleRef(ArticleMeta):
    """A RawArticle without its text: small to keep and to pickle to workers."""

    article_id: str
    source_file: str  # relative to the raw directory, POSIX separators
    sha256: str  # of the raw file bytes
    encoding: str
    format: str = "txt"
    title: str | None = None
    author: str | None = None
    organization: str | None = None
    url: str | None = None
    license: str | None = None
    retrieved: str | None = None
    published: str | None = None
    flags: tuple[str, ...] = ()
    text_sha256: str = field(kw_only=True)  # of text.encode("utf-8", "surrogatepass")


_SHARED_FIELDS = tuple(f.name for f in fields(RawArticle) if f.name != "text")
REF_FIELDS = tuple(f.name for f in fields(ArticleRef))


class SourceChanged(RuntimeError):
    """A raw file no longer reads to the ref the scan produced for it."""


@dataclass(frozen=True)
class Scan:
    """What scan() found, and how much of it came from the index."""

    refs: list[ArticleRef]
    rejects: list[Reject]
    read: int  # files read and decoded
    reused: int  # files whose result was taken from the index


def ref_of(raw: RawArticle) -> ArticleRef:
    """The light reference to a read article."""
    return ArticleRef(**{name: getattr(raw, name) for name in _SHARED_FIELDS},
                      text_sha256=text_sha256(raw.text))


def scan_all(raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
             index_path: Path | None = None) -> tuple[list[ArticleRef], list[Reject]]:
    """read_all, returning refs instead of articles (see scan() for the counts)."""
    result = scan(raw_dir, max_bytes=max_bytes, index_path=index_path)
    return result.refs, result.rejects


Progress = Callable[[int, int], None]  # (files read so far, files to read)


def scan(raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, index_path: Path | None = None,
         progress: Progress | None = None, on_plan: Callable[[int], None] | None = None) -> Scan:
    """Refs and rejects exactly as read_all would give them; with index_path, unchanged files are not read.

    Keep index_path outside raw_dir (or give it a dot name): otherwise it is a candidate file itself.
    `progress` is called after each file read (a cold scan of 100,000 files takes a while).
    `on_plan` is called once with the number of files about to be read, before the first is read,
    so the caller can start work that does not need the scan's result.
    """
    raw_dir = check_raw_dir(raw_dir)
    if index_path is None:
        paths = list(discover(raw_dir))
        if on_plan is not None:
            on_plan(len(paths))
        results = []
        for k, path in enumerate(paths, 1):
            results.append(_ref_result(read_one(path, raw_dir, max_bytes=max_bytes)))
            if progress is not None:
                progress(k, len(paths))
        reused = 0
    else:
        results, reused = _scan_indexed(raw_dir, max_bytes, Path(index_path), progress, on_plan)
    with _gc_paused():
        refs, rejects = keep_unique(results, raw_dir, lambda ref: ref.text_sha256)
    return Scan(refs, rejects, read=len(results) - reused, reused=reused)


def load_article(raw_dir: Path, ref: ArticleRef, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle:
    """Re-read the article a ref stands for; SourceChanged unless it reads to exactly that ref."""
    raw_dir = Path(raw_dir)
    got, problems = read_one(raw_dir / ref.source_file, raw_dir, max_bytes=max_bytes)
    if got is None:
        why = problems[0].message if problems else "no longer an article"
        raise SourceChanged(f"{ref.source_file} changed while the build was running ({why}); run the build again")
    got = replace(got, article_id=ref.article_id)
    if ref_of(got) != ref:
        raise SourceChanged(f"{ref.source_file} changed while the build was running (its content or metadata "
                            "differ from the scan); run the build again")
    return got


def load_articles(raw_dir: Path, refs: Iterable[ArticleRef], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[RawArticle]:
    """load_article for each ref, in order."""
    return [load_article(raw_dir, ref, max_bytes=max_bytes) for ref in refs]


# -- the index -----------------------------------------------------------------

_Result = tuple[ArticleRef | None, list[Reject]]


@dataclass(frozen=True, slots=True)
class _Stamp:
    file: str
    sidecar: str | None
    newest_mtime_ns: int


def _ref_result(result: tuple[RawArticle | None, list[Reject]]) -> _Result:
    raw, rejects = result
    return (None if raw is None else ref_of(raw)), rejects


def _scan_indexed(raw_dir: Path, max_bytes: int, index_path: Path, progress: Progress | None = None,
                  on_plan: Callable[[int], None] | None = None) -> tuple[list[_Result], int]:
    header = _header(raw_dir, max_bytes)
    # Phase 1, pure bookkeeping: stat everything (before any read, see the module
    # docstring) and take what the index already knows.
    with _gc_paused():
        loaded = _load_entries(index_path, header)
        old = loaded or {}
        files = _stamps(raw_dir)
        hits = [_reuse(old.get(rel), stamp) for rel, stamp in files]
    # Phase 2: read what changed.
    entries = {rel: old[rel] for (rel, _), hit in zip(files, hits) if hit is not None}
    reused = len(entries)
    fresh: list[tuple[str, _Stamp, _Result]] = []
    results: list[_Result] = []
    to_read, done = len(files) - reused, 0
    if on_plan is not None:
        on_plan(to_read)
    for (rel, stamp), hit in zip(files, hits):
        if hit is None:
            hit = _ref_result(read_one(raw_dir / rel, raw_dir, max_bytes=max_bytes))
            if stamp is not None and not any(r.reason == "unreadable" for r in hit[1]):
                fresh.append((rel, stamp, hit))
            done += 1
            if progress is not None:
                progress(done, to_read)
        results.append(hit)
    cutoff = time.time_ns() - RACY_NS  # the index is written right after this
    for rel, stamp, result in fresh:
        if stamp.newest_mtime_ns < cutoff:
            entries[rel] = _encode(stamp, result)
    if loaded is None or len(entries) != reused or reused != len(old):
        _write_index(index_path, header, entries)
    return results, reused


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    # Loading a 100,000-entry index (or de-duplicating 100,000 refs) creates about a
    # million objects and no reference cycles; collections triggered meanwhile would
    # rescan them all again and again (this more than doubles a warm scan). Files are
    # never read while paused: decoding may create cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stat_sig(path: str) -> tuple[str, int]:
    """(signature, newest mtime_ns) of lstat, extended by stat of the target for a symlink; raises OSError."""
    st = os.lstat(path)
    # One string rather than a list of ints: a tenth of the objects to load from the index.
    sig = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_mode}"
    newest = st.st_mtime_ns
    if stat.S_ISLNK(st.st_mode):
        t = os.stat(path)
        sig += f">{t.st_dev}:{t.st_ino}:{t.st_size}:{t.st_mtime_ns}:{t.st_ctime_ns}:{t.st_mode}"
        newest = max(newest, t.st_mtime_ns)
    return sig, newest


def sidecar_of(path: str) -> str:
    """sidecar_path() on a plain string (pathlib costs more than the stat calls in a warm scan)."""
    head, sep, name = path.rpartition("/")
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name  # pathlib's suffix rule
    return head + sep + stem + SIDECAR_SUFFIX


def _stamps(raw_dir: Path) -> list[tuple[str, _Stamp | None]]:
    """Every candidate file (discovery order) with its stamp."""
    rels, sidecars = listing(raw_dir)
    prefix = os.path.join(os.fspath(raw_dir), "")
    return [(rel, _stamp(prefix, rel, sidecars)) for rel in rels]


def _stamp(prefix: str, rel: str, sidecars: set[str]) -> _Stamp | None:
    """The file's and its sidecar's signatures; None (do not use the index) if either cannot be taken."""
    try:
        file_sig, newest = _stat_sig(prefix + rel)
    except OSError:
        return None
    side_sig, side_newest = None, newest
    side = sidecar_of(rel)
    if side in sidecars:  # listed by the same walk: no stat call for the usual missing sidecar
        try:
            side_sig, side_newest = _stat_sig(prefix + side)
        except FileNotFoundError:
            pass
        except OSError:  # e.g. a dangling sidecar symlink: read_one reports it, we just don't cache it
            return None
    return _Stamp(file_sig, side_sig, max(newest, side_newest))


def _encode(stamp: _Stamp, result: _Result) -> list[Any]:
    ref, rejects = result
    values = None if ref is None else [getattr(ref, name) for name in REF_FIELDS]
    return [stamp.file, stamp.sidecar, values, [[r.table, r.key, r.reason, r.message, r.row] for r in rejects]]


def _reuse(entry: Any, stamp: _Stamp | None) -> _Result | None:
    """The entry's result when its signatures match the stamp; None on mismatch or a malformed entry."""
    if entry is None or stamp is None:
        return None
    try:
        file_sig, side_sig, values, rejects = entry
        if file_sig != stamp.file or side_sig != stamp.sidecar:
            return None
        ref = None
        if values is not None:
            *head, flags, text_hash = values
            ref = ArticleRef(*head, tuple(flags), text_sha256=text_hash)
        return ref, [Reject(*r) for r in rejects]
    except (TypeError, ValueError):
        return None


def _header(raw_dir: Path, max_bytes: int) -> dict[str, Any]:
    return {"format": INDEX_FORMAT, "fingerprint": code_fingerprint(), "max_bytes": max_bytes,
            "raw_dir": os.fspath(raw_dir.resolve())}


def _load_entries(index_path: Path, header: dict[str, Any]) -> dict[str, Any] | None:
    """The index's entries, or None when it is absent, stale or corrupt (then everything is read)."""
    try:
        data = index_path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("ingest index %s ignored: cannot be read (%s)", index_path, exc.strerror or exc)
        return None
    head, newline, body = data.partition(b"\n")
    try:
        if not newline or orjson.loads(head) != header:
            log.info("ingest index %s ignored: written by other ingest code or settings", index_path)
            return None
        entries = orjson.loads(body)
    except orjson.JSONDecodeError:
        entries = None
    if not isinstance(entries, dict):
        log.warning("ingest index %s ignored: corrupt", index_path)
        return None
    return entries


def _write_index(index_path: Path, header: dict[str, Any], entries: dict[str, list[Any]]) -> None:
    # A failed write only costs the next build its speed-up, so it must not fail this one.
    # No fsync: a torn file after a crash is detected as corrupt and ignored.
    data = orjson.dumps(header) + b"\n" + orjson.dumps(entries)
    tmp = None
    try:
        index_path.parent.mkdir(parents=True, exist_ok=True)
        # Dot-prefixed and ".tmp": never taken for an article should the index live in raw_dir.
        fd, tmp = tempfile.mkstemp(dir=index_path.parent, prefix=f".{index_path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, index_path)
    except OSError as exc:
        log.warning("ingest index %s not written (%s)", index_path, exc.strerror or exc)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@functools.cache
def code_fingerprint() -> str:
    """Hash of the ingest package's source and of what else decides read_one's output."""
    return fingerprint_of(Path(__file__).resolve().parent)


def fingerprint_of(package: Path) -> str:
    """code_fingerprint for the package directory `package` (separate so it can be tested on a copy)."""
    h = hashlib.sha256()
    for src in sorted(package.rglob("*.py")):
        h.update(src.relative_to(package).as_posix().encode() + b"\0" + src.read_bytes() + b"\0")
    for dist in _FINGERPRINT_DISTS:
        try:
            version = importlib_metadata.version(dist)
        except importlib_metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{dist}={version}\0".encode())
    h.update(f"python={sys.version_info[:2]} unicode={unicodedata.unidata_version}".encode())
    return h.hexdigest()
