"""Where the flow's extraction batches run: every local core by default, or a Dask cluster.

The flow submits one Prefect task per batch of articles; the task runner chosen
here decides where those tasks execute.  Ingest, validation and publishing are
always called directly in the flow's process (they read `raw_dir` and write
`out_dir` on this machine), so only extraction is distributed.

* ``process`` (default): `prefect.task_runners.ProcessPoolTaskRunner`, one
  worker process per core; each worker builds the spaCy pipeline once.
* ``thread``: Prefect's thread pool (no parallel speed-up for this CPU-bound
  work; useful for debugging).
* ``dask``: prefect-dask's `DaskTaskRunner` on an existing cluster
  (``address="tcp://host:8786"``) or, without an address, on a temporary
  `distributed.LocalCluster` with one single-threaded worker process per core.
  Workers must be able to import runstrength (same version) and reach the
  Prefect API the flow uses.
"""
from __future__ import annotations

import os

RUNNERS = ("process", "thread", "dask")
MIN_BATCH = 50
# A batch's articles, docs, tables and records live in a worker at once, and a finished
# batch waits in the flow until written: 250 articles keep both to tens of MiB while
# per-task overhead stays ~1% of the batch's work.
MAX_BATCH = 250


def local_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def adaptive_batch_size(n_articles: int, workers: int) -> int:
    """Articles per extraction task: ~4 tasks per worker for load balance, so the
    per-task overhead (scheduling, state reporting, pickling) stays small next
    to the work; never below MIN_BATCH, never above MAX_BATCH (memory)."""
    return max(MIN_BATCH, min(MAX_BATCH, n_articles // (4 * max(1, workers))))


def warm_worker() -> None:
    """Process-pool initializer: build the spaCy pipeline once per worker, at start-up."""
    from runstrength.extract.nlp import build_nlp

    build_nlp()


def make_task_runner(kind: str = "process", *, workers: int | None = None, dask_address: str | None = None):
    """A Prefect task runner for the extraction batches."""
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers or local_cores(), initializer=warm_worker)
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers or local_cores())
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={"n_workers": workers or local_cores(), "threads_per_worker": 1,
                            "processes": True, "dashboard_address": None},
        )
    raise ValueError(f"unknown task runner {kind!r} (choose from {', '.join(RUNNERS)})")


def runner_workers(kind: str, workers: int | None, dask_address: str | None) -> int:
    """How many batches can run at once, for sizing batches."""
    if kind == "dask" and dask_address:
        try:
            from distributed import Client

            with Client(dask_address, timeout="10s", set_as_default=False) as client:
                return max(1, sum(client.nthreads().values()))
        except Exception:  # noqa: BLE001 - sizing only; the run itself reports connection problems
            return workers or local_cores()
    return workers or local_cores()
