"""The Prefect flow that builds the dataset: ingest -> extract -> validate -> publish.

Tasks are thin wrappers over library functions. Extraction runs per batch of
articles (one `nlp.pipe` stream per batch), never per sentence or per line,
so task overhead stays small next to the work.

Scale:

* Extraction batches are Prefect tasks submitted to the flow's task runner:
  a process pool over every local core by default, or a Dask cluster
  (`build_dataset.with_options(task_runner=...)`, see runstrength.runners).
  Batch size adapts to the work (runners.adaptive_batch_size).  A build with a
  single batch runs it in the flow's process (no pool start-up for tiny or
  incremental builds).  Ingest, validation and publishing run in the flow's
  process: they read raw_dir and write out_dir on this machine.
* Incremental: extracted articles are cached per input article (see
  runstrength.cache); only new or changed articles are extracted.  When the
  output directory still holds the dataset built from exactly these inputs,
  code and versions, validation and publishing are skipped.
"""
from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ProcessPoolTaskRunner

from runstrength import DATASET_NAME, DATASET_VERSION
from runstrength.cache import BuildCache, build_fingerprint, cache_disabled_by_env, raw_key
from runstrength.extract.pipeline import extract_articles, extractor_version
from runstrength.ingest.reader import DEFAULT_MAX_BYTES, RawArticle, read_all
from runstrength.model import Article, Reject
# publish.* (pandas, pandera, pyarrow) and the spaCy pipeline are imported where they
# are used, so a build that has nothing to do starts quickly.
from runstrength.runners import adaptive_batch_size, local_cores, make_task_runner

# Tasks never use Prefect's result cache: their inputs are large and the build has its own cache.
TASK_OPTS = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="ingest", **TASK_OPTS)
def ingest(raw_dir: Path, max_bytes: int) -> tuple[list[RawArticle], list[Reject]]:
    log = get_run_logger()
    articles, rejects = read_all(raw_dir, max_bytes=max_bytes)
    log.info("ingest: %d article(s) read from %s, %d file(s) rejected", len(articles), raw_dir, len(rejects))
    for r in rejects:
        log.warning("rejected %s: %s (%s)", r.key, r.message, r.reason)
    return articles, rejects


@task(name="extract", **TASK_OPTS)
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


@task(name="validate", **TASK_OPTS)
def validate(articles: list[Article], rejects: list[Reject]):
    from runstrength.publish.tables import to_tables
    from runstrength.publish.validate import validate_tables

    log = get_run_logger()
    tables = to_tables(articles)
    valid, rejects_df = validate_tables(tables, rejects)
    counts = ", ".join(f"{name}={len(df)}" for name, df in valid.items())
    log.info("validate: %s; %d reject(s)", counts, len(rejects_df))
    return valid, rejects_df


@task(name="publish", **TASK_OPTS)
def publish_dataset(out_dir: Path, tables, rejects_df, articles: list[Article]) -> Path:
    from runstrength.publish.report import report_markdown
    from runstrength.publish.tables import to_export
    from runstrength.publish.writer import publish

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


def _extract_all(raws: list[RawArticle], batch_articles: int | None, parallelism: int | None) -> list[Article]:
    """Extract `raws` in batches; returns articles in input order."""
    log = get_run_logger()
    if not raws:
        return []
    ctx = FlowRunContext.get()
    runner = ctx.task_runner if ctx else None
    size = batch_articles or adaptive_batch_size(len(raws), parallelism or local_cores())
    groups = batches(raws, size)
    if len(groups) == 1 and (runner is None or isinstance(runner, ProcessPoolTaskRunner)):
        # One batch: no parallelism to gain, so skip the worker start-up (spawn + spaCy load).
        return list(extract(groups[0]))
    log.info("extract: %d article(s) in %d batch(es) of <= %d on %s", len(raws), len(groups), size,
             type(runner).__name__ if runner else "the flow's process")
    futures = [extract.submit(g) for g in groups]
    out: list[Article] = []
    t0 = time.perf_counter()
    for n, f in enumerate(futures, 1):
        out.extend(f.result())
        # Progress of a long run, in the log every Prefect user already watches.
        elapsed = time.perf_counter() - t0
        eta = elapsed / len(out) * (len(raws) - len(out)) if out else 0.0
        log.info("extract: %d/%d batches, %d/%d articles (%d%%), %.0f s elapsed, ~%.0f s left",
                 n, len(groups), len(out), len(raws), 100 * len(out) // len(raws), elapsed, eta)
    return out


@flow(name="runstrength-build", log_prints=False, validate_parameters=False,
      task_runner=make_task_runner("process"))
def build_dataset(raw_dir: Path = Path("raw"), out_dir: Path = Path("dataset"), *, batch_articles: int | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, cache_dir: Path | None = None, use_cache: bool | None = None,
                  clear_cache: bool = False, parallelism: int | None = None) -> Path:
    """Read every article in raw_dir, extract, validate and publish atomically into out_dir.

    batch_articles: articles per extraction task (None: adaptive).  cache_dir: the
    build cache (None: $RUNSTRENGTH_CACHE_DIR or .cache/runstrength).  use_cache:
    None means on unless $RUNSTRENGTH_NO_CACHE is set.  clear_cache: empty the
    cache first.  parallelism: batches that can run at once (None: local cores).
    """
    log = get_run_logger()
    version = extractor_version()
    out_dir = Path(out_dir)
    log.info("build: raw=%s out=%s extractor=%s", raw_dir, out_dir, version)
    raws, rejects = ingest(Path(raw_dir), max_bytes)

    if use_cache is None:
        use_cache = not cache_disabled_by_env()
    cache = BuildCache.open(cache_dir, version, out_dir=out_dir, clear=clear_cache) if (use_cache or clear_cache) else None
    if cache is not None and not use_cache:
        cache = None  # --clear-cache --no-cache: cleared, then not used
    fingerprint = None
    if cache is not None:
        fingerprint = build_fingerprint(raws, rejects, dataset_version=DATASET_VERSION, extractor=version)
        if cache.published_matches(out_dir, fingerprint):
            log.info("publish: skipped, %s already holds this build (same %d source(s) and rejects, extractor %s, "
                     "dataset %s %s, same code)", out_dir, len(raws), version, DATASET_NAME, DATASET_VERSION)
            return out_dir

    t0 = time.perf_counter()
    keys = [raw_key(r) for r in raws] if cache is not None else []
    found: dict[int, Article] = {}
    if cache is not None:
        for i, k in enumerate(keys):
            hit = cache.get(k)
            if hit is not None:
                found[i] = hit
    todo = [i for i in range(len(raws)) if i not in found]
    if cache is not None:
        log.info("cache: %d article(s) reused, %d to extract (%d corrupt entr%s recomputed) from %s",
                 len(found), len(todo), cache.corrupt, "y" if cache.corrupt == 1 else "ies", cache.articles_dir)
    fresh = _extract_all([raws[i] for i in todo], batch_articles, parallelism)
    if len(fresh) != len(todo):
        raise RuntimeError(f"extraction returned {len(fresh)} article(s) for {len(todo)} input(s)")
    for i, art in zip(todo, fresh):
        found[i] = art
        if cache is not None:
            cache.put(keys[i], art)
    articles: list[Article] = [found[i] for i in range(len(raws))]
    log.info("extract: %d article(s) ready in %.1f s", len(articles), time.perf_counter() - t0)

    empty = [a.source_file for a in articles if "no_exercises" in a.flags]
    if empty:
        log.warning("%d article(s) with no exercise found: %s", len(empty), ", ".join(empty[:10]))
    tables, rejects_df = validate(articles, rejects)
    path = publish_dataset(out_dir, tables, rejects_df, articles)
    if cache is not None:
        cache.record_published(out_dir, fingerprint, {"extractor_version": version, "dataset_version": DATASET_VERSION,
                                                      "sources": len(raws)})
        cache.prune()
    return path
