"""Validation and publishing: Article records -> validated tables -> an atomically published dataset.

Typical use (see the flow)::

    tables = to_tables(articles)
    tables, rejects = validate_tables(tables, ingest_rejects)
    export = to_export(articles, name, version, tables=tables)
    publish(out_dir, tables, rejects, export, version=version, sources=sources)
"""
from .check import verify_dataset
from .tables import to_export, to_tables
from .validate import DatasetInvalid, validate_tables
from .writer import PublishError, publish, read_parquet, write_json, write_parquet

__all__ = [
    "DatasetInvalid",
    "PublishError",
    "publish",
    "read_parquet",
    "to_export",
    "to_tables",
    "validate_tables",
    "verify_dataset",
    "write_json",
    "write_parquet",
]
