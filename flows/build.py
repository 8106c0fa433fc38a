"""The Prefect flow that builds the dataset: ingest -> extract & validate (batches) -> publish.

Tasks are thin wrappers over library functions. Extraction runs per batch of
articles (one `nlp.pipe` stream per batch), never per sentence or per line,
so task overhead stays small next to the work.

Scale:

* Each batch task extracts, tabulates and validates its articles and returns
  one validated `ArticleRecord` per article, encoded as JSON for the trip
  (`EncodedBatch`).  Every validation rule but the uniqueness of article ids
  stays inside one article; see runstrength.publish.records.  Batches run
  on the flow's task runner: a process pool over every local core by
  default, or a Dask cluster
  (`build_dataset.with_options(task_runner=...)`, see runstrength.runners).
  A build with a single batch runs it in the flow's process (no pool start-up
  for tiny or incremental builds), extracted by the CLI's standby process
  when there is one (runstrength.standby).
* Ingest is a scan (runstrength.ingest.scan): the flow keeps one small
  `ArticleRef` per article (every field but the text, plus the text's hash)
  and a stat index in the cache lets it skip files that did not change since
  the last scan.  The batch tasks read the texts of the articles they extract,
  checking that each still reads to its ref.  When the scan is about to read
  more files than one batch holds, it first starts the pool's workers
  (`PoolStart`), which load the extractor while the flow reads.
* Streaming: articles are processed in article_id order and the publish task
  writes each record as soon as it is ready (Parquet row groups, routines.json
  and JSON-LD item by item), so memory does not grow with the corpus beyond
  one reference per article.  The scan and publishing run in the flow's
  process: they read raw_dir and write out_dir on this machine.
* Incremental: validated records are cached per input article (see
  runstrength.cache); only new or changed articles are extracted.  Articles
  unchanged since the dataset in out_dir was published are copied from it
  (rows and JSON bytes, see publish_records); others come from the cache.  When the output
  directory still holds the dataset built from exactly these inputs, code and
  versions, publishing is skipped.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, wait
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from runstrength import DATASET_NAME, DATASET_VERSION, standby
from runstrength.cache import BuildCache, build_context, build_fingerprint, cache_disabled_by_env, raw_key
from runstrength.extract.pipeline import extract_articles, extractor_version
from runstrength.ingest.reader import DEFAULT_MAX_BYTES, RawArticle
from runstrength.ingest.scan import ArticleRef, load_article, load_articles, scan
from runstrength.model import Reject
from runstrength.progress import Throttle
from runstrength.runners import adaptive_batch_size, local_cores, make_task_runner

if TYPE_CHECKING:
    from runstrength.publish.records import ArticleRecord, EncodedBatch
    from runstrength.publish.writer import PreviousDataset, PublishStats
# publish.* (pandas, pandera, pyarrow) and the spaCy pipeline are imported where they
# are used, so a build that has nothing to do starts quickly.

# Tasks never use Prefect's result cache: their inputs are large and the build has its own cache.
TASK_OPTS = {"cache_policy": NO_CACHE, "persist_result": False}
# Share of a corpus whose failed extractions a build quarantines instead of failing (see build_dataset).
DEFAULT_MAX_FAILED_SHARE = 0.01
# A long scan or build logs how far it is this often (seconds).
PROGRESS_EVERY_S = 5.0


@dataclass(frozen=True)
class PoolStart:
    """Start the process pool's workers before a scan that reads more files than one batch holds.

    A cold scan reads and decodes every file in the flow's process (seconds per
    10,000 files); the workers load the extractor meanwhile instead of after it.
    """

    workers: int
    batch_articles: int | None = None

    def due(self, to_read: int) -> bool:
        return to_read > (self.batch_articles or adaptive_batch_size(to_read, self.workers))


@task(name="ingest", **TASK_OPTS)
def ingest(raw_dir: Path, max_bytes: int, index_path: Path | None,
           pool: PoolStart | None = None) -> tuple[list[ArticleRef], list[Reject], list[PrefectFuture]]:
    """Scan raw_dir into references (no texts kept); with a stat index, unchanged files are not read.

    With `pool`, the pool's workers are started before a long read; their futures come back last.
    """
    log = get_run_logger()
    started: list[PrefectFuture] = []

    def on_plan(to_read: int) -> None:
        if pool is not None and pool.due(to_read):
            log.info("extract: starting %d worker process(es) while %d file(s) are read", pool.workers, to_read)
            started.extend(start_worker.submit() for _ in range(pool.workers))
    clock = Throttle(PROGRESS_EVERY_S)

    def progress(done: int, total: int) -> None:
        # Only a long scan (a cold one of many files) says how far it is.
        if clock.due(done, total):
            log.info("ingest: %d/%d new or changed file(s) read (%d%%), %.0f s elapsed", done, total,
                     100 * done // total, clock.elapsed())

    found = scan(raw_dir, max_bytes=max_bytes, index_path=index_path, progress=progress, on_plan=on_plan)
    log.info("ingest: %d article(s) in %s (%d file(s) read, %d unchanged since the last scan), "
             "%d file(s) rejected", len(found.refs), raw_dir, found.read, found.reused, len(found.rejects))
    for r in found.rejects:
        log.warning("rejected %s: %s (%s)", r.key, r.message, r.reason)
    return found.refs, found.rejects, started


@task(name="start-worker", **TASK_OPTS)
def start_worker() -> None:
    """Nothing: submitting it starts a pool worker, whose initializer (runners.warm_worker) loads the extractor."""


class Batch:
    """The articles of one extraction task, as a single value Prefect does not look into.

    Prefect walks a task's parameters for futures: a plain list of refs (or of
    texts, for Dask) made it visit every field of every article, in the flow
    and again in the worker.  Not a dataclass, so it is not walked.
    """

    __slots__ = ("items", "keys")

    def __init__(self, items: list[ArticleRef] | list[RawArticle], keys: list[str] | None = None):
        self.items = items
        self.keys = keys  # the articles' cache keys, when the task leaves its records in the cache

    def __repr__(self) -> str:
        return f"Batch({len(self.items)} article(s))"


@task(name="extract-validate", **TASK_OPTS)
def extract_validate(batch: Batch, raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                     store: BuildCache | None = None) -> EncodedBatch:
    """Read, extract, tabulate and validate a batch: one validated record per article, encoded.

    Refs are read here, in the worker, not shipped from the flow; a file that
    changed since the scan fails the build (SourceChanged) rather than
    publishing rows that do not match its manifest hash.  A batch for workers
    that may not see raw_dir (a Dask cluster) arrives as RawArticles, read and
    checked by the flow.  Records come back as JSON payloads (EncodedBatch):
    cheap to ship, and what the cache stores.  With a store (the build cache,
    for workers on this machine) they are written there under `batch.keys` and
    only their ids come back.
    """
    from runstrength.publish.records import EncodedBatch, failed_record, records_from_articles

    log = get_run_logger()
    raws = [a if isinstance(a, RawArticle) else load_article(raw_dir, a, max_bytes=max_bytes) for a in batch.items]
    failed: list[tuple[RawArticle, str]] = []
    articles = standby.extract(raws, failed)  # the CLI's standby process, when it has one loaded
    where = "" if articles is None else " in the standby process"
    if articles is None:
        articles = list(extract_articles(raws, failed=failed))
    records = records_from_articles(articles, dataset_name=DATASET_NAME, version=DATASET_VERSION)
    if failed:
        # Quarantined, in batch order (results travel by position): the flow decides whether too many failed.
        by_id = {r.article_id: r for r in records}
        for raw, reason in failed:
            log.warning("extract: %s quarantined, extraction failed: %s", raw.source_file, reason)
            by_id[raw.article_id] = failed_record(raw.article_id, raw.source_file, raw.sha256, reason, raw.flags)
        records = [by_id[raw.article_id] for raw in raws]
    log.info(
        "extract: %d article(s)%s -> %d exercise(s), %d dosage(s), %d sentence(s), %d row(s) rejected%s",
        len(records), where, sum(r.n_rows("exercises") for r in records), sum(r.n_rows("dosages") for r in records),
        sum(r.n_rows("cues") for r in records), sum(len(r.rejects) for r in records),
        f", {len(failed)} article(s) quarantined" if failed else "")
    return EncodedBatch.of(records, store, batch.keys)


@dataclass
class _Inline:
    """A batch that runs in the flow's own process when the stream first needs it."""

    refs: list[ArticleRef]


class TooManyFailures(RuntimeError):
    """More articles failed extraction than a build may quarantine: likely a bug, not odd pages."""


class RecordStream:
    """Validated records in article_id order: copied, cached or freshly extracted.

    Iterated once by the publish task, which writes each record as it comes.
    Articles unchanged since the dataset in out_dir come as `Reuse` markers
    (copied from that dataset), others from the cache or a batch task.  The
    batches are submitted when the stream is made (from the flow, which owns
    the task runner) in article_id order, so results arrive roughly in the
    order they are written; each batch's result is dropped once written.
    Workers on this machine leave their records in the cache and the stream
    reads each back as it is written; records extracted in the flow's process
    or shipped back from a Dask worker go to the cache as they pass.
    """

    def __init__(self, refs: list[ArticleRef], keys: list[str], cache: BuildCache | None, todo: list[int],
                 size: int, inline: bool, raw_dir: Path, max_bytes: int, reuse: dict[int, int] | None = None,
                 previous: PreviousDataset | None = None, ship_texts: bool = False, max_failed: int = 0):
        self.refs, self.keys, self.cache = refs, keys, cache
        # Articles whose extraction raised are quarantined (a 'source' reject) up to this many;
        # beyond it the stream raises after its last record, before the writer commits.
        self.max_failed = max_failed
        self.failed: list[str] = []
        self.raw_dir, self.max_bytes = raw_dir, max_bytes
        # Article i -> its position in the previous dataset, copied from there (see publish_records).
        self.reuse, self.previous = reuse or {}, previous
        # Workers that share this machine's disk leave their records in the cache (see EncodedBatch).
        store = cache if cache is not None and not ship_texts else None
        groups = batches(todo, size)
        self.batch_of = {i: (b, j) for b, g in enumerate(groups) for j, i in enumerate(g)}
        # Inline (one batch, or no pool to gain from): run it when first needed, in this process.
        self.pending: dict[int, _Inline | PrefectFuture | EncodedBatch] = {
            b: (_Inline([refs[i] for i in g]) if inline
                else extract_validate.submit(Batch(self._payload([refs[i] for i in g], ship_texts),
                                                   [keys[i] for i in g] if store else None),
                                             raw_dir, max_bytes, store))
            for b, g in enumerate(groups)}
        self.fresh = self.corrupt_recomputed = 0
        self.empty: list[str] = []

    def _payload(self, refs: list[ArticleRef], ship_texts: bool) -> list[ArticleRef] | list[RawArticle]:
        # Workers on other machines may not see raw_dir: send them the texts, read and checked here.
        return load_articles(self.raw_dir, refs, max_bytes=self.max_bytes) if ship_texts else refs

    def _result(self, b: int) -> EncodedBatch:
        res = self.pending[b]
        if isinstance(res, _Inline):
            res = extract_validate(Batch(res.refs), self.raw_dir, self.max_bytes)
        elif isinstance(res, PrefectFuture):
            res = res.result()
        self.pending[b] = res
        return res

    def _read_back(self, i: int, ref: ArticleRef) -> ArticleRecord:
        rec = self.cache.get(self.keys[i])
        if rec is None:  # corrupt, or vanished since it was written: recompute it here
            again = extract_validate.fn(Batch([ref]), self.raw_dir, self.max_bytes)
            rec = again.record(0)
            self.corrupt_recomputed += 1
            self.cache.put_payload(self.keys[i], again.payloads[0])
        return rec

    def __iter__(self):
        from runstrength.publish.writer import Reuse

        for i, ref in enumerate(self.refs):
            j = self.reuse.get(i)
            if j is not None:
                if "no_exercises" in self.previous.index.flags[j]:
                    self.empty.append(ref.source_file)
                self._note_failure(self.previous.index.rejects[j])
                yield Reuse(j)
                continue
            if i not in self.batch_of:
                rec = self._read_back(i, ref)
            else:
                b, j = self.batch_of[i]
                encoded = self._result(b)
                if encoded.article_ids[j] != ref.article_id:
                    raise RuntimeError(f"batch {b} returned {encoded.article_ids[j]!r} for {ref.article_id!r}")
                if j == len(encoded) - 1:
                    del self.pending[b]  # the batch is written: let it go
                self.fresh += 1
                if encoded.stored(j):
                    rec = self._read_back(i, ref)
                else:
                    rec = encoded.record(j)
                    if self.cache is not None:
                        self.cache.put_payload(self.keys[i], encoded.payloads[j])
            if "no_exercises" in rec.flags:
                self.empty.append(rec.source_file)
            self._note_failure(rec.rejects)
            yield rec
        if len(self.failed) > self.max_failed:
            raise TooManyFailures(
                f"extraction failed on {len(self.failed)} of {len(self.refs)} article(s), more than the "
                f"{self.max_failed} allowed (--max-failed-share); first: {self.failed[0]}")

    def _note_failure(self, rejects) -> None:
        from runstrength.publish.records import EXTRACTION_FAILED

        for r in rejects:
            if r.get("reason") == EXTRACTION_FAILED:
                self.failed.append(r.get("message") or r.get("key"))


@task(name="publish", **TASK_OPTS)
def publish_dataset(out_dir: Path, stream: RecordStream, rejects: list[Reject]) -> PublishStats:
    from runstrength.publish.writer import publish_records

    log = get_run_logger()
    total = len(stream.refs)
    t0 = time.perf_counter()
    clock = Throttle(PROGRESS_EVERY_S)

    def progress(n: int) -> None:
        # Progress of a long run, in the log every Prefect user already watches.
        if clock.due(n, total):
            left = clock.remaining(n, total)
            log.info("build: %d/%d articles (%d%%) extracted, validated and written, %.0f s elapsed%s",
                     n, total, 100 * n // total, clock.elapsed(), "" if left is None else f", ~{left:.0f} s left")

    stats = publish_records(out_dir, stream, name=DATASET_NAME, version=DATASET_VERSION,
                            ingest_rejects=rejects, progress=progress, previous=stream.previous)
    counts = ", ".join(f"{k}={v}" for k, v in stats.row_counts.items())
    copied = f", {stats.reused} unchanged article(s) copied from the previous dataset" if stats.reused else ""
    log.info("publish: dataset %s %s written to %s (%s%s) in %.1f s", DATASET_NAME, DATASET_VERSION, out_dir,
             counts, copied, time.perf_counter() - t0)
    create_markdown_artifact(key="runstrength-build-report", markdown=stats.report_markdown,
                             description="What this run published: counts, top exercises, rejects")
    return stats


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@flow(name="runstrength-build", log_prints=False, validate_parameters=False,
      task_runner=make_task_runner("process"))
def build_dataset(raw_dir: Path = Path("raw"), out_dir: Path = Path("dataset"), *, batch_articles: int | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, cache_dir: Path | None = None, use_cache: bool | None = None,
                  clear_cache: bool = False, parallelism: int | None = None,
                  max_failed_share: float = DEFAULT_MAX_FAILED_SHARE) -> Path:
    """Read every article in raw_dir, extract, validate and publish atomically into out_dir.

    batch_articles: articles per extraction task (None: adaptive).  cache_dir: the
    build cache (None: $RUNSTRENGTH_CACHE_DIR or .cache/runstrength).  use_cache:
    None means on unless $RUNSTRENGTH_NO_CACHE is set.  clear_cache: empty the
    cache first.  parallelism: batches that can run at once (None: local cores).
    max_failed_share: articles whose extraction raises are quarantined (listed in
    rejects with reason 'extraction_failed') while they are at most this share of
    the corpus; past it the build fails and out_dir keeps its previous dataset.
    """
    log = get_run_logger()
    version = extractor_version()
    out_dir = Path(out_dir)
    log.info("build: raw=%s out=%s extractor=%s", raw_dir, out_dir, version)
    if use_cache is None:
        use_cache = not cache_disabled_by_env()
    cache = BuildCache.open(cache_dir, version, out_dir=out_dir, clear=clear_cache) if (use_cache or clear_cache) else None
    if cache is not None and not use_cache:
        cache = None  # --clear-cache --no-cache: cleared, then not used
    ctx = FlowRunContext.get()
    runner = ctx.task_runner if ctx else None
    workers = parallelism or local_cores()
    pool = PoolStart(workers, batch_articles) if isinstance(runner, ProcessPoolTaskRunner) else None
    refs, rejects, started = ingest(Path(raw_dir), max_bytes,
                                    cache.ingest_index(raw_dir) if cache is not None else None, pool)

    fingerprint = None
    # article_id order is publication order, so records can be written as they arrive.
    refs = sorted(refs, key=lambda r: r.article_id)
    keys = [raw_key(r) for r in refs] if cache is not None else []
    if cache is not None:
        fingerprint = build_fingerprint(refs, rejects, dataset_version=DATASET_VERSION, extractor=version,
                                        keys=keys)
        if cache.published_matches(out_dir, fingerprint):
            standby.stop()
            log.info("publish: skipped, %s already holds this build (same %d source(s) and rejects, extractor %s, "
                     "dataset %s %s, same code)", out_dir, len(refs), version, DATASET_NAME, DATASET_VERSION)
            return out_dir

    # Articles unchanged since the dataset in out_dir was published are copied from it, not rewritten.
    context = build_context(dataset_version=DATASET_VERSION, extractor=version)
    found = cache.previous_dataset(out_dir, context) if cache is not None else None
    previous, reuse = (found[0], unchanged(refs, keys, *found)) if found else (None, {})
    todo = [i for i in range(len(refs)) if i not in reuse and (cache is None or not cache.has(keys[i]))]
    if cache is not None:
        log.info("cache: %d article(s) unchanged in %s, %d from the cache, %d to extract (cache %s)",
                 len(reuse), out_dir, len(refs) - len(reuse) - len(todo), len(todo), cache.articles_dir)
    size = batch_articles or adaptive_batch_size(len(todo), workers)
    n_batches = -(-len(todo) // size) if todo else 0
    inline = n_batches <= 1 and (runner is None or isinstance(runner, ProcessPoolTaskRunner))
    if not (todo and inline):
        standby.stop()  # started by the CLI in case this build ran one batch here; it does not
    if todo and not inline:
        log.info("extract: %d article(s) in %d batch(es) of <= %d on %s", len(todo), n_batches, size,
                 type(runner).__name__ if runner else "the flow's process")
    # Local pools read the texts themselves; any other runner (Dask) gets them from the flow.
    ship_texts = runner is not None and not isinstance(runner, (ProcessPoolTaskRunner, ThreadPoolTaskRunner))
    stream = RecordStream(refs, keys, cache, todo, size, inline=inline, raw_dir=Path(raw_dir), max_bytes=max_bytes,
                          reuse=reuse, previous=previous, ship_texts=ship_texts,
                          max_failed=int(max_failed_share * len(refs)))
    wait(started)  # long done: they ran before the first batch on each worker
    stats = publish_dataset(out_dir, stream, rejects)
    if stream.corrupt_recomputed:
        log.warning("cache: %d corrupt entr%s recomputed", stream.corrupt_recomputed,
                    "y" if stream.corrupt_recomputed == 1 else "ies")
    if stream.failed:
        log.warning("%d article(s) quarantined, extraction failed (see rejects): %s", len(stream.failed),
                    "; ".join(stream.failed[:5]))
    if stream.empty:
        log.warning("%d article(s) with no exercise found: %s", len(stream.empty), ", ".join(stream.empty[:10]))
    if cache is not None:
        cache.record_published(out_dir, fingerprint, {"extractor_version": version, "dataset_version": DATASET_VERSION,
                                                      "sources": len(refs)})
        cache.record_index(out_dir, stats.index, keys, context)
        cache.prune()
    return out_dir


def unchanged(refs: list[ArticleRef], keys: list[str], previous: PreviousDataset,
              previous_keys: list[str]) -> dict[int, int]:
    """Article i -> its position in the previous dataset, for every article published there from the same input."""
    position = {aid: j for j, aid in enumerate(previous.index.article_ids)}
    reuse = {}
    for i, ref in enumerate(refs):
        j = position.get(ref.article_id)
        if j is not None and previous_keys[j] == keys[i]:
            reuse[i] = j
    return reuse
