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
from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def one_prefect_api(*, remote_workers: bool = False) -> Iterator[str | None]:
    """Give the flow and every local worker one Prefect API for the whole build.

    With no PREFECT_API_URL, Prefect starts a temporary server per process that
    needs one: the flow's process and then each pool worker (a process-pool
    worker does not inherit an ephemeral server, only settings that were set).
    Three SQLite-backed servers on two cores slowed a 10,000-article cold build
    from ~45 s to ~75 s.  So the flow's temporary server is started here and its
    address exported, in the settings (the process pool copies those into its
    workers) and in the environment (a LocalCluster's workers inherit that).

    remote_workers: the batches run on an existing Dask cluster, which cannot
    reach a server on this machine's loopback; Prefect's own behaviour is kept.
    Yields the API URL the build uses (None: Prefect's default for remote workers).
    """
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_ALLOW_EPHEMERAL_MODE, temporary_settings

    if PREFECT_API_URL.value() or remote_workers or not PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value():
        yield PREFECT_API_URL.value() or None
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the same one Prefect's client would start; stopped at exit
    server.start()
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
