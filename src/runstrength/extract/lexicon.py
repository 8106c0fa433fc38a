"""Loaders for the curated vocabularies in ``extract/data``.

The YAML files are hand-curated lexicons (exercises, muscles, equipment, movement
signatures). Each loader reads its file once (``functools.lru_cache``); callers must
treat the returned objects as read-only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR: Path = Path(__file__).parent / "data"

EXERCISES_FILE = "exercises.yaml"
MUSCLES_FILE = "muscles.yaml"
EQUIPMENT_FILE = "equipment.yaml"
SIGNATURES_FILE = "signatures.yaml"

#: Top-level keys of muscles.yaml / equipment.yaml that are not vocabulary entries.
MUSCLES_META_KEYS = frozenset({"regions", "connective_tissue"})
EQUIPMENT_META_KEYS = frozenset({"ambiguous"})

EXERCISE_CATEGORIES = frozenset(
    {"strength", "plyometric", "core", "mobility", "stretch", "rehab", "foam_rolling", "cardio", "balance"}
)


# libyaml's parser builds the same safe-loaded objects as PyYAML's pure-Python one,
# about six times faster (loading the lexicons is part of every worker's start-up).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """yaml.safe_load of a UTF-8 file."""
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_SafeLoader)


def _read(name: str) -> Any:
    return read_yaml(DATA_DIR / name)


@lru_cache(maxsize=None)
def _muscles_raw() -> dict[str, Any]:
    data = _read(MUSCLES_FILE)
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=None)
def _equipment_raw() -> dict[str, Any]:
    data = _read(EQUIPMENT_FILE)
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=None)
def load_exercises() -> list[dict]:
    """Exercise entries: canonical, category, aliases, muscles, equipment, isometric."""
    data = _read(EXERCISES_FILE) or []
    out: list[dict] = []
    for entry in data:
        out.append(
            {
                "canonical": str(entry["canonical"]),
                "category": str(entry["category"]),
                "aliases": [str(a) for a in entry.get("aliases") or []],
                "muscles": [str(m) for m in entry.get("muscles") or []],
                "equipment": [str(q) for q in entry.get("equipment") or []],
                "isometric": bool(entry.get("isometric", False)),
            }
        )
    return out


@lru_cache(maxsize=None)
def load_muscles() -> dict[str, list[str]]:
    """Canonical muscle name -> surface variants (lower case)."""
    return {
        str(k): [str(v) for v in (vs or [])]
        for k, vs in _muscles_raw().items()
        if k not in MUSCLES_META_KEYS
    }


@lru_cache(maxsize=None)
def load_connective_tissue() -> frozenset[str]:
    """Canonical entries of muscles.yaml that are tendons or fascia: recognised, not reported as muscles."""
    return frozenset(str(c) for c in _muscles_raw().get("connective_tissue") or [])


@lru_cache(maxsize=None)
def load_regions() -> list[str]:
    """Body regions / joints that are not muscles (hips, knees, thoracic spine...)."""
    return [str(r) for r in _muscles_raw().get("regions") or []]


@lru_cache(maxsize=None)
def load_equipment() -> dict[str, list[str]]:
    """Canonical equipment name -> surface variants (lower case)."""
    return {
        str(k): [str(v) for v in (vs or [])]
        for k, vs in _equipment_raw().items()
        if k not in EQUIPMENT_META_KEYS
    }


@lru_cache(maxsize=None)
def load_ambiguous_equipment() -> list[str]:
    """Surface words that are equipment only in context (weight, bar, step...)."""
    return [str(w) for w in _equipment_raw().get("ambiguous") or []]


@lru_cache(maxsize=None)
def load_signatures() -> list[dict]:
    """Movement signatures: canonical, name, aliases, all_of, any_of, min_any, none_of, strict."""
    data = _read(SIGNATURES_FILE) or []
    out: list[dict] = []
    for entry in data:
        out.append(
            {
                "canonical": str(entry["canonical"]),
                "name": str(entry.get("name") or entry["canonical"]),
                "aliases": [str(a) for a in entry.get("aliases") or []],
                "all_of": [[str(p) for p in group] for group in entry.get("all_of") or []],
                "any_of": [[str(p) for p in group] for group in entry.get("any_of") or []],
                "min_any": int(entry.get("min_any") or 0),
                "none_of": [str(p) for p in entry.get("none_of") or []],
                "strict": bool(entry.get("strict", False)),
            }
        )
    return out


def data_files() -> list[Path]:
    """Every data file of the extractor (sorted), e.g. to fingerprint the extractor version."""
    return sorted(p for p in DATA_DIR.iterdir() if p.is_file() and p.suffix in {".yaml", ".yml", ".json", ".txt"})
