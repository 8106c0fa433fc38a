"""Metadata supplied beside an article: a `<name>.meta.json` file or YAML front matter.

Both carry facts the text may not state reliably (where it was published,
by whom, under which licence, when it was fetched); their fields override
whatever page metadata or text extraction found.

Accepted keys (unknown keys are ignored so richer sidecars stay usable):
title, author, organization, url, license, retrieved, published, plus the
common spellings in `_ALIASES`. Values must be scalars (strings, numbers,
dates) or, for author, a list of names; anything else makes the sidecar invalid.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml

from runstrength.ingest.decode import clean_field

FIELDS = ("title", "author", "organization", "url", "license", "retrieved", "published")
SIDECAR_SUFFIX = ".meta.json"
MAX_SIDECAR_BYTES = 1024 * 1024

_ALIASES = {
    "organisation": "organization", "site_name": "organization", "sitename": "organization",
    "site": "organization", "publisher": "organization",
    "authors": "author",
    "source_url": "url", "link": "url",
    "licence": "license",
    "retrieved_at": "retrieved", "retrieved_on": "retrieved", "accessed": "retrieved", "fetched": "retrieved",
    "date": "published", "published_at": "published", "published_on": "published", "date_published": "published",
}

# Front matter must open on the very first line and its first entry must look like
# "key:", so a plain-text article that merely starts with a "---" rule is left alone.
_FRONT_RE = re.compile(r"\A---[ \t]*\n(?=[A-Za-z_][\w -]*:)")
_FRONT_END_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.M)
_MAX_FRONT_CHARS = 64 * 1024


class InvalidSidecar(ValueError):
    """The sidecar or front matter is present but cannot be used."""


def sidecar_path(article: Path) -> Path:
    """`dir/name.txt` -> `dir/name.meta.json`."""
    return article.with_name(article.stem + SIDECAR_SUFFIX)


def _value(key: str, value: object) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        raise InvalidSidecar(f"'{key}' must be text, not {value!r}")
    if isinstance(value, (str, int, float)) or value is None:
        return clean_field(value)
    if key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return clean_field(", ".join(v.strip() for v in value if v.strip()))
    raise InvalidSidecar(f"'{key}' must be text, not {type(value).__name__}")


def fields_from_mapping(data: object) -> dict[str, str]:
    """The known fields of a parsed sidecar, cleaned; raises InvalidSidecar for a non-mapping or bad values."""
    if not isinstance(data, dict):
        raise InvalidSidecar(f"expected an object of fields, got {type(data).__name__}")
    out: dict[str, str] = {}
    for raw_key, value in data.items():
        norm = str(raw_key).strip().lower().replace("-", "_")
        key = _ALIASES.get(norm, norm)
        if key not in FIELDS:
            continue
        cleaned = _value(key, value)
        # An explicit canonical key wins over an alias that appears after it.
        if cleaned is not None and (key not in out or norm == key):
            out[key] = cleaned
    return out


def parse_json_sidecar(data: bytes) -> dict[str, str]:
    """Fields of a .meta.json file's bytes; raises InvalidSidecar."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InvalidSidecar(f"not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise InvalidSidecar(f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from exc
    return fields_from_mapping(obj)


def read_json_sidecar(path: Path) -> dict[str, str]:
    """Fields of the sidecar file at `path`; raises InvalidSidecar (also for unreadable or oversized files)."""
    try:
        size = path.stat().st_size
        if size > MAX_SIDECAR_BYTES:
            raise InvalidSidecar(f"{size} bytes exceeds the sidecar limit of {MAX_SIDECAR_BYTES}")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidSidecar(f"cannot be read ({exc.strerror or exc})") from exc
    return parse_json_sidecar(data)


def split_front_matter(text: str) -> tuple[str, dict[str, str] | None, str | None]:
    """Split YAML front matter off the top of `text`.

    Returns (body, fields, error): fields is None when there is no front matter;
    error is set when a delimited block is there but is not a valid mapping. The
    block is removed either way, since it is metadata, not article text.
    """
    m = _FRONT_RE.match(text)
    if not m:
        return text, None, None
    end = _FRONT_END_RE.search(text, m.end(), min(len(text), m.end() + _MAX_FRONT_CHARS))
    if not end:
        return text, None, None
    block = text[m.end():end.start()]
    body = text[end.end():].lstrip("\n")
    try:
        return body, fields_from_mapping(yaml.safe_load(block)), None
    except yaml.YAMLError as exc:
        return body, {}, f"invalid YAML front matter ({str(exc).splitlines()[0]})"
    except InvalidSidecar as exc:
        return body, {}, f"invalid front matter: {exc}"
