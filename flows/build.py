"""The Prefect flow that builds the dataset: ingest -> extract -> validate -> publish.

Tasks are thin wrappers over library functions. Extraction runs per batch of
articles (one `nlp.pipe` stream per batch), never per sentence or per line,
so task overhead stays small next to the work.
"""
from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from runstrength import DATASET_NAME, DATASET_VERSION
from runstrength.extract.pipeline import extract_articles, extractor_version
from runstrength.ingest.reader import DEFAULT_MAX_BYTES, RawArticle, read_all
from runstrength.model import Article, Reject
from runstrength.publish.tables import to_export, to_tables
from runstrength.publish.validate import validate_tables
from runstrength.publish.report import report_markdown
from runstrength.publish.writer import publish


@task(name="ingest")
def ingest(raw_dir: Path, max_bytes: int) -> tuple[list[RawArticle], list[Reject]]:
    log = get_run_logger()
    articles, rejects = read_all(raw_dir, max_bytes=max_bytes)
    log.info("ingest: %d article(s) read from %s, %d file(s) rejected", len(articles), raw_dir, len(rejects))
    for r in rejects:
        log.warning("rejected %s: %s (%s)", r.key, r.message, r.reason)
    return articles, rejects


@task(name="extract")
def extract(batch: list[RawArticle]) -> list[Article]:
    articles = list(extract_articles(batch))
    get_run_logger().info(
        "extract: %d article(s) -> %d exercise(s), %d dosage(s), %d sentence(s)",
        len(articles),
        sum(len(a.exercises) for a in articles),
        sum(len(e.dosages) for a in articles for e in a.exercises),
        sum(len(e.cues) + len(e.purpose) for a in articles for e in a.exercises),
    )
    return articles


@task(name="validate")
def validate(articles: list[Article], rejects: list[Reject]):
    log = get_run_logger()
    tables = to_tables(articles)
    valid, rejects_df = validate_tables(tables, rejects)
    counts = ", ".join(f"{name}={len(df)}" for name, df in valid.items())
    log.info("validate: %s; %d reject(s)", counts, len(rejects_df))
    return valid, rejects_df


@task(name="publish")
def publish_dataset(out_dir: Path, tables, rejects_df, articles: list[Article]) -> Path:
    # Built from the validated tables so a rejected row never reaches the JSON export.
    export = to_export(articles, DATASET_NAME, DATASET_VERSION, tables=tables)
    sources = [{"source_file": a.source_file, "sha256": a.sha256} for a in articles]
    path = publish(out_dir, tables, rejects_df, export, version=DATASET_VERSION, sources=sources)
    get_run_logger().info("publish: dataset %s %s written to %s", DATASET_NAME, DATASET_VERSION, path)
    create_markdown_artifact(key="runstrength-build-report", markdown=report_markdown(tables, rejects_df),
                             description="What this run published: counts, top exercises, rejects")
    return path


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@flow(name="runstrength-build", log_prints=False, validate_parameters=False)
def build_dataset(raw_dir: Path = Path("raw"), out_dir: Path = Path("dataset"), *, batch_articles: int = 500,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Path:
    """Read every article in raw_dir, extract, validate and publish atomically into out_dir."""
    log = get_run_logger()
    log.info("build: raw=%s out=%s extractor=%s", raw_dir, out_dir, extractor_version())
    raws, rejects = ingest(Path(raw_dir), max_bytes)
    articles: list[Article] = []
    for batch in batches(raws, batch_articles):
        articles.extend(extract(batch))
    empty = [a.source_file for a in articles if "no_exercises" in a.flags]
    if empty:
        log.warning("%d article(s) with no exercise found: %s", len(empty), ", ".join(empty[:10]))
    tables, rejects_df = validate(articles, rejects)
    return publish_dataset(Path(out_dir), tables, rejects_df, articles)
