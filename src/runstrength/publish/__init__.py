"""Validation and publishing: Article records -> validated tables -> an atomically published dataset.

The flow's way, streaming (memory independent of the corpus size)::

    records = records_from_articles(batch)          # per batch: tabulate, validate, split per article
    publish_records(out_dir, records_in_id_order, name=name, version=version, ingest_rejects=rejects)

The in-memory way, for whole tables (tests, small tools)::

    tables, rejects = validate_tables(to_tables(articles), ingest_rejects)
    export = to_export(articles, name, version, tables=tables)
    publish(out_dir, tables, rejects, export, version=version, sources=sources)
"""
from .check import verify_dataset
from .records import ArticleRecord, records_from_articles
from .tables import to_export, to_tables
from .validate import DatasetInvalid, validate_tables
from .writer import PublishError, publish, publish_records, read_parquet, write_json, write_parquet

__all__ = [
    "ArticleRecord",
    "records_from_articles",
    "publish_records",
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
