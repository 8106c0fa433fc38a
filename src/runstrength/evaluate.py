"""Extraction without Prefect: raw directory in, validated JSON export out.

Used by the score tests and for quick iteration on rules; `runstrength eval`
goes through the real flow instead.
"""
from __future__ import annotations

from pathlib import Path

from runstrength import DATASET_NAME, DATASET_VERSION
from runstrength.extract.pipeline import extract_articles
from runstrength.ingest.reader import read_all
from runstrength.publish.tables import to_export, to_tables
from runstrength.publish.validate import validate_tables


def export_for(raw_dir: Path) -> dict:
    raws, rejects = read_all(Path(raw_dir))
    articles = list(extract_articles(raws))
    tables, _ = validate_tables(to_tables(articles), rejects)
    return to_export(articles, DATASET_NAME, DATASET_VERSION, tables=tables)
