"""Find, read and decode raw articles; every bad file becomes a Reject, never an exception.

What text offsets refer to
--------------------------
`RawArticle.text` is published as `articles.text`, and every character offset
in the dataset (section, exercise, dosage, cue start/end) points into it. It is:

- .txt: the file decoded (BOM, strict UTF-8, else detected Western encoding),
  mojibake repaired ("Itâ€™s" -> "It’s"), CRLF/CR turned into LF, NFC-normalised,
  with YAML front matter (if any) removed from the top;
- .md: the same, then rendered to plain lines (see ingest/markdown.py: '#',
  '**', '`', link syntax dropped; list items keep a "- " / "1. " marker);
- .html/.htm: the main content trafilatura extracts from the decoded page,
  rendered to plain lines the same way, then cleaned like .txt.

Each cleaning step only runs when it changes something, so a clean UTF-8, LF,
NFC .txt file is published byte for byte (the five seed articles are). Typographic
characters (curly quotes, dashes, "½") are kept as written: the extractor maps
them 1:1 for matching. `sha256` is always the hash of the raw file bytes.

Reject reasons (table "source", key = the file relative to the raw directory)
---------------------------------------------------------------------------
empty_file, whitespace_only, binary, undecodable, too_large, symlink_outside,
unreadable, unsupported_extension, duplicate, no_main_content (HTML page with no
extractable main text), invalid_sidecar (the `.meta.json` file is keyed by its
own path; invalid front matter is keyed by the article). An invalid sidecar or
front matter does not stop the article: it is read without that metadata and
carries the flag "invalid_sidecar".
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Protocol, TypeVar

from runstrength.ingest.decode import UTF16_32_BOMS, Undecodable, clean_text, declared_charset, decode_bytes
from runstrength.ingest.html import extract_main_text, extract_page_meta
from runstrength.ingest.markdown import render_lines
from runstrength.ingest.sidecar import (
    FIELDS as META_FIELDS,
    SIDECAR_SUFFIX,
    InvalidSidecar,
    read_json_sidecar,
    sidecar_path,
    split_front_matter,
)
from runstrength.model import Reject

FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
SUPPORTED_SUFFIXES = tuple(FORMATS)
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Article fields the flow copies onto the extracted Article (see RawArticle.overrides).
OVERRIDE_FIELDS = ("title", "organization", "author")
_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".bak", ".tmp")
_CHARSET_SNIFF_BYTES = 4096


class ArticleMeta:
    """metadata()/overrides() for RawArticle and ingest.scan.ArticleRef (same field names)."""

    __slots__ = ()

    def metadata(self) -> dict[str, str]:
        """Every metadata field that has a value."""
        return {name: v for name in META_FIELDS if (v := getattr(self, name)) is not None}

    def overrides(self) -> dict[str, str]:
        """Values that replace what text extraction found on the Article (title/organization/author)."""
        return {name: v for name in OVERRIDE_FIELDS if (v := getattr(self, name)) is not None}


@dataclass(frozen=True)
class RawArticle(ArticleMeta):
    article_id: str
    source_file: str  # relative to the raw directory, POSIX separators
    sha256: str  # of the raw file bytes
    text: str  # the published text every offset points into (see module docstring)
    encoding: str
    format: str = "txt"  # "txt" | "md" | "html"
    # Metadata from the page (<meta>, for HTML), overridden field by field by front
    # matter, overridden in turn by a .meta.json sidecar. None where nobody says.
    title: str | None = None
    author: str | None = None
    organization: str | None = None
    url: str | None = None
    license: str | None = None
    retrieved: str | None = None
    published: str | None = None
    # What reading did to the file, e.g. "mojibake_repaired", "newlines_normalized",
    # "nfc_normalized", "encoding_detected", "front_matter", "sidecar", "invalid_sidecar".
    flags: tuple[str, ...] = ()


class NoArticles(RuntimeError):
    """The raw directory holds no readable article: nothing can be published."""


def article_id_for(rel_path: str) -> str:
    """Stable id from the relative path: the stem for top-level files, path parts joined by '__' below."""
    p = Path(rel_path)
    parts = [*p.parent.parts, p.stem] if p.parent != Path(".") else [p.stem]
    return "__".join(parts)


def _is_ignored(rel: str) -> bool:
    # Hidden files and editor leftovers (vim swap, backups, emacs autosave "#x#") are never articles.
    name = rel.rpartition("/")[2]
    return (
        rel.startswith(".") or "/." in rel  # any hidden part
        or name.endswith(_BACKUP_SUFFIXES)
        or (name.startswith("#") and name.endswith("#"))
    )


def listing(raw_dir: Path) -> tuple[list[str], set[str]]:
    """(candidates(raw_dir), the relative POSIX path of every entry named like a sidecar).

    The second lets ingest.scan stat only the sidecars that exist. Plain strings,
    no pathlib: a warm ingest.scan over 100,000 files is mostly this and stat calls.
    """
    top = os.fspath(raw_dir)
    found: list[str] = []
    sidecars: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        reldir = os.path.relpath(dirpath, top)
        prefix = "" if reldir == os.curdir else reldir.replace(os.sep, "/") + "/"
        # read_one looks at a sidecar path whatever it is, even a directory (then invalid).
        sidecars.update(prefix + d for d in dirnames if d.endswith(SIDECAR_SUFFIX))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            rel = prefix + name
            if name.endswith(SIDECAR_SUFFIX):
                sidecars.add(rel)
            elif not _is_ignored(rel):
                found.append(rel)
    found.sort()
    return found, sidecars


def candidates(raw_dir: Path) -> list[str]:
    """The relative POSIX path of every candidate file below raw_dir, sorted (what discover yields)."""
    return listing(raw_dir)[0]


def discover(raw_dir: Path) -> Iterator[Path]:
    """Every candidate file below raw_dir, in a stable order (sorted relative paths).

    Symlinked directories are not followed (no loops, nothing outside raw_dir);
    symlinked files are listed and checked by read_one.
    """
    for rel in candidates(raw_dir):
        yield raw_dir / rel


def _reject(key: str, reason: str, message: str) -> Reject:
    return Reject("source", key, reason, f"{key}: {message}")


def _outside(path: Path, raw_dir: Path) -> bool:
    return not path.resolve().is_relative_to(raw_dir.resolve())


def _read_bytes(path: Path, rel: str, max_bytes: int) -> bytes | Reject:
    """The file's bytes, read once; size is checked from stat before reading anything."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            # FIFOs and devices would block or never end.
            return _reject(rel, "unreadable", "not a regular file")
        if st.st_size > max_bytes:
            return _reject(rel, "too_large", f"{st.st_size} bytes exceeds the limit of {max_bytes}")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return _reject(rel, "unreadable", f"cannot be read ({exc.strerror or exc})")
    if len(data) > max_bytes:  # grew between stat and read
        return _reject(rel, "too_large", f"more than {max_bytes} bytes")
    return data


def _sidecar_fields(path: Path, raw_dir: Path) -> tuple[dict[str, str], Reject | None]:
    side = sidecar_path(path)
    if not os.path.lexists(side):
        return {}, None
    rel = side.relative_to(raw_dir).as_posix()
    if side.is_symlink() and _outside(side, raw_dir):
        return {}, _reject(rel, "invalid_sidecar", "symbolic link points outside the raw directory")
    try:
        return read_json_sidecar(side), None
    except InvalidSidecar as exc:
        return {}, _reject(rel, "invalid_sidecar", f"{exc}; article read without it")


def read_one(path: Path, raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[RawArticle | None, list[Reject]]:
    """Read one file: the article (or None) and every Reject it caused.

    A rejected file gives (None, [its one reject]); a read article may still come
    with an invalid_sidecar reject for its metadata.
    """
    rel = path.relative_to(raw_dir).as_posix()
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return None, [_reject(rel, "unsupported_extension",
                              f"'{path.suffix}' files are not read (supported: {', '.join(SUPPORTED_SUFFIXES)})")]
    if path.is_symlink() and _outside(path, raw_dir):
        return None, [_reject(rel, "symlink_outside", "symbolic link points outside the raw directory")]
    data = _read_bytes(path, rel, max_bytes)
    if isinstance(data, Reject):
        return None, [data]
    if not data:
        return None, [_reject(rel, "empty_file", "empty file")]
    if b"\x00" in data and not data.startswith(UTF16_32_BOMS):
        return None, [_reject(rel, "binary", "contains NUL bytes, not a text file")]
    declared = declared_charset(data[:_CHARSET_SNIFF_BYTES]) if fmt == "html" else None
    try:
        decoded = decode_bytes(data, declared=declared)
    except Undecodable as exc:
        return None, [_reject(rel, "undecodable", f"not valid text ({exc})")]
    if "\x00" in decoded.text:
        return None, [_reject(rel, "binary", "contains NUL characters, not a text file")]
    if not decoded.text.strip():
        if not decoded.text:
            return None, [_reject(rel, "empty_file", "no text after the byte-order mark")]
        return None, [_reject(rel, "whitespace_only", "only whitespace")]

    text, clean_flags = clean_text(decoded.text)
    flags = list(clean_flags)
    if decoded.detected:
        flags.append("encoding_detected")
    rejects: list[Reject] = []
    meta: dict[str, str] = {}
    if fmt == "html":
        page = extract_page_meta(text)
        meta.update({f.name: v for f in fields(page) if (v := getattr(page, f.name)) is not None})
        text, more = clean_text(extract_main_text(text))
        flags.extend(f for f in more if f not in flags)
        if not text.strip():
            return None, [_reject(rel, "no_main_content", "no main text found in the page")]
    else:
        text, front, error = split_front_matter(text)
        if front is not None:
            flags.append("front_matter")
            meta.update(front)
        if error:
            flags.append("invalid_sidecar")
            rejects.append(_reject(rel, "invalid_sidecar", f"{error}; article read without it"))
        if fmt == "md":
            text = render_lines(text)
        if not text.strip():
            return None, [_reject(rel, "whitespace_only", "no text besides front matter")]

    side, side_reject = _sidecar_fields(path, raw_dir)
    if side_reject is not None:
        rejects.append(side_reject)
        if "invalid_sidecar" not in flags:
            flags.append("invalid_sidecar")
    elif side:
        flags.append("sidecar")
    meta.update(side)

    article = RawArticle(
        article_id=article_id_for(rel),
        source_file=rel,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding=decoded.encoding,
        format=fmt,
        flags=tuple(flags),
        **meta,
    )
    return article, rejects


def read_article(path: Path, raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle | Reject:
    """One file as an article or its reject (sidecar rejects are only reported by read_one/read_all)."""
    article, rejects = read_one(path, raw_dir, max_bytes=max_bytes)
    return article if article is not None else rejects[0]


def text_sha256(text: str) -> str:
    """Hash of the published text; surrogatepass so a lone surrogate cannot make hashing fail."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_raw_dir(raw_dir: Path) -> Path:
    """raw_dir as a Path; NoArticles if it is not a directory."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise NoArticles(f"raw directory {raw_dir} does not exist")
    return raw_dir


def read_all(raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[RawArticle], list[Reject]]:
    """Read every article below raw_dir, in sorted path order.

    The same content under two names (same raw bytes, or the same published text,
    e.g. one file saved as UTF-8 and as UTF-16) is kept once, under the first path;
    each later copy is rejected as a duplicate naming the kept one. ingest.scan.scan_all
    gives the same without the texts, and can skip unchanged files.
    """
    raw_dir = check_raw_dir(raw_dir)
    results = (read_one(path, raw_dir, max_bytes=max_bytes) for path in discover(raw_dir))
    return keep_unique(results, raw_dir, lambda a: text_sha256(a.text))


class _Readable(Protocol):
    # What keep_unique needs of an article: RawArticle and ingest.scan.ArticleRef both fit.
    @property
    def article_id(self) -> str: ...
    @property
    def source_file(self) -> str: ...
    @property
    def sha256(self) -> str: ...


A = TypeVar("A", bound=_Readable)


def keep_unique(results: Iterable[tuple[A | None, list[Reject]]], raw_dir: Path,
                text_hash: Callable[[A], str]) -> tuple[list[A], list[Reject]]:
    """Turn read_one results (in discovery order) into the kept articles and every reject.

    Shared by read_all and ingest.scan so duplicate detection and id assignment
    cannot drift apart; `text_hash` gives the hash of the article's published text.
    Raises NoArticles when nothing is kept.
    """
    articles: list[A] = []
    rejects: list[Reject] = []
    seen: dict[str, str] = {}
    ids: set[str] = set()
    for got, problems in results:
        if got is None:
            rejects.extend(problems)
            continue
        text_key = "text:" + text_hash(got)
        kept = seen.get(got.sha256) or seen.get(text_key)
        if kept is not None:
            # One reject per bad file: a duplicate's own front-matter problem is moot.
            rejects.extend(r for r in problems if r.key != got.source_file)
            rejects.append(_reject(got.source_file, "duplicate", f"same content as {kept}"))
            continue
        rejects.extend(problems)
        seen[got.sha256] = seen[text_key] = got.source_file
        articles.append(_unique_id(got, ids))
    if not articles:
        # The reasons are the one thing a user can act on ("all 371 are symlink_outside").
        reasons = Counter(r.reason for r in rejects)
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
        detail = f" ({len(rejects)} file(s) rejected: {why})" if rejects else " (no candidate files)"
        raise NoArticles(f"no readable article in {raw_dir}{detail}")
    return articles, rejects


def _unique_id(article: A, ids: set[str]) -> A:
    # "a.txt" and "a.html" (or "x__y.txt" and "x/y.txt") share a stem-based id; the later
    # path (sorted order, so stable across rebuilds) gets its extension appended.
    aid = article.article_id
    if aid in ids:
        base = f"{aid}__{Path(article.source_file).suffix.lstrip('.').lower() or 'file'}"
        aid, n = base, 2
        while aid in ids:
            aid, n = f"{base}{n}", n + 1
        article = replace(article, article_id=aid)
    ids.add(aid)
    return article
