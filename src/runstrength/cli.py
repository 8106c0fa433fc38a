"""Command line: `runstrength build | eval | validate`."""
from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import runpy
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from runstrength import __version__

DEFAULT_SCORER = Path("..") / "shared" / "eval" / "score.py"


def quiet_prefect(level: str = "INFO", *, explicit: bool = False) -> None:
    """Settings that keep a local run offline and its output free of noise. Must run before prefect is imported.

    explicit: the level was asked for on the command line (-q, -v), so it wins over a
    PREFECT_LOGGING_LEVEL already in the environment; otherwise that one is kept.
    """
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    if explicit:
        os.environ["PREFECT_LOGGING_LEVEL"] = level
    else:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", level)
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    # The temporary server logs uvicorn/alembic chatter and, at shutdown, cancellation tracebacks.
    # Prefect's events worker warns "Still processing items" while it drains its queue at exit,
    # which a run that ends in milliseconds (a no-op rebuild) always hits: the events are still sent.
    for name in ("uvicorn", "uvicorn.error", "alembic", "prefect.server", "prefect._internal", "httpx", "EventsWorker"):
        logging.getLogger(name).setLevel(logging.ERROR)


def run_build(raw_dir: Path, out_dir: Path, *, task_runner: str | None = None, workers: int | None = None,
              dask_address: str | None = None, **kwargs) -> Path:
    """Run the Prefect flow (imported lazily so the settings above apply).

    task_runner: None keeps the flow's default (a process pool over every local
    core); "process", "thread" or "dask" (on `dask_address`, else a temporary
    LocalCluster) replace it for this run via `build_dataset.with_options`.
    """
    from runstrength import standby

    # A build on this machine may run its one batch in this process: have the extractor load
    # in a standby process while Prefect is imported (see runstrength.standby).
    if task_runner in (None, "process") and dask_address is None:
        standby.start()
    try:
        return _run_flow(raw_dir, out_dir, task_runner=task_runner, workers=workers, dask_address=dask_address,
                         **kwargs)
    finally:
        standby.stop()


def _run_flow(raw_dir: Path, out_dir: Path, *, task_runner: str | None, workers: int | None,
              dask_address: str | None, **kwargs) -> Path:
    from flows.build import build_dataset
    from runstrength.runners import make_task_runner, one_prefect_api, runner_workers

    flow_fn = build_dataset
    if task_runner is not None or workers is not None or dask_address is not None:
        kind = task_runner or ("dask" if dask_address else "process")
        flow_fn = build_dataset.with_options(
            task_runner=make_task_runner(kind, workers=workers, dask_address=dask_address))
        kwargs.setdefault("parallelism", runner_workers(kind, workers, dask_address))
    # Heartbeats let a Prefect worker spot a crashed run of a deployment; a build started here
    # has no one to report to, and their thread is joined at exit (up to 1 s of every build).
    # `runstrength serve` (a deployment) keeps them.
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with one_prefect_api(remote_workers=bool(dask_address)), \
            temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        return flow_fn(raw_dir=raw_dir, out_dir=out_dir, **kwargs)


def _share(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a share between 0 and 1")
    return value


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or exc.__class__.__name__
    return msg if len(msg) < 400 else msg[:397] + "..."


def cmd_build(args: argparse.Namespace) -> int:
    raw_dir, out_dir = Path(args.raw_dir), Path(args.out_dir)
    try:
        path = run_build(raw_dir, out_dir, batch_articles=args.batch_articles, max_bytes=args.max_bytes,
                         task_runner=args.task_runner, workers=args.workers, dask_address=args.dask_address,
                         cache_dir=Path(args.cache_dir) if args.cache_dir else None,
                         use_cache=False if args.no_cache else None, clear_cache=args.clear_cache,
                         max_failed_share=args.max_failed_share)
    except Exception as exc:  # noqa: BLE001 - the CLI's job is a one-line reason and a non-zero exit
        print(f"runstrength build: dataset NOT published ({exc.__class__.__name__}: {_one_line(exc)}); "
              f"previous contents of {out_dir} left untouched", file=sys.stderr)
        return 1
    manifest = json.loads((path / "manifest.json").read_text())
    counts = ", ".join(f"{k}={v}" for k, v in manifest.get("row_counts", {}).items())
    if not args.quiet:
        print(f"runstrength build: published {path} ({counts})")
    return 0


def load_scorer(path: Path):
    if not path.is_file():
        raise SystemExit(f"runstrength eval: scorer not found at {path} (pass --scorer)")
    return runpy.run_path(str(path))


def cmd_eval(args: argparse.Namespace) -> int:
    scorer = load_scorer(Path(args.scorer))
    with tempfile.TemporaryDirectory(prefix="runstrength-eval-") as tmp:
        out = Path(tmp) / "dataset"
        try:
            run_build(Path(args.raw_dir), out)
        except Exception as exc:  # noqa: BLE001
            print(f"runstrength eval: build failed: {_one_line(exc)}", file=sys.stderr)
            return 1
        export = json.loads((out / "json" / "routines.json").read_text())
    result = scorer["score"](args.gold_dir, export)
    print_scores(result)
    if args.history:
        append_history(Path(args.history), result, label=args.label or "", gold=str(args.gold_dir))
    return 0


def print_scores(result: dict) -> None:
    for k, v in result.items():
        if k in ("per_article", "fields_accuracy", "articles_missing"):
            continue
        print(f"{k:18s} P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f}  (tp={v['tp']} fp={v['fp']} fn={v['fn']})")
    print("fields accuracy  ", json.dumps(result["fields_accuracy"]))
    if result.get("articles_missing"):
        print("articles missing ", result["articles_missing"])


def append_history(path: Path, result: dict, *, label: str, gold: str) -> None:
    """One JSON line per evaluation, so score changes show up in review like a performance history."""
    row = {
        "date": date.today().isoformat(),
        "version": __version__,
        "label": label,
        "gold": gold,
        **{k: v["f1"] for k, v in result.items() if isinstance(v, dict) and "f1" in v},
        "fields": result["fields_accuracy"],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, sort_keys=True) + "\n")


def cmd_validate(args: argparse.Namespace) -> int:
    from runstrength.publish.check import verify_dataset

    problems = verify_dataset(Path(args.dir))
    if problems:
        print(f"runstrength validate: {args.dir} is NOT valid ({len(problems)} problem(s)):", file=sys.stderr)
        for p in problems[:20]:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print(f"runstrength validate: {args.dir} is valid")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from runstrength.show import show

    try:
        show(Path(args.dir), args.article)
    except (FileNotFoundError, KeyError) as exc:
        print(f"runstrength show: {_one_line(exc)}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    serve(Path(args.raw_dir), Path(args.out_dir), cron=args.cron)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="runstrength", description=__doc__)
    p.add_argument("--version", action="version", version=f"runstrength {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build and publish the dataset from raw articles")
    b.add_argument("--raw-dir", default="raw", help="directory of raw articles (default: raw)")
    b.add_argument("--out-dir", default="dataset", help="where to publish (default: dataset)")
    b.add_argument("--batch-articles", type=int, default=None,
                   help="articles per extraction task (default: adaptive, 50-1000 by corpus size and workers)")
    b.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="reject files larger than this (default: 5 MB)")
    b.add_argument("--task-runner", choices=("process", "thread", "dask"), default=None,
                   help="where extraction batches run: process (default: a process pool over every core), "
                        "thread, or dask (--dask-address, else a temporary LocalCluster)")
    b.add_argument("--workers", type=int, default=None, help="worker processes for process/thread/local dask (default: all cores)")
    b.add_argument("--dask-address", default=None, metavar="tcp://HOST:PORT",
                   help="run extraction batches on this existing Dask scheduler (implies --task-runner dask)")
    b.add_argument("--cache-dir", default=None,
                   help="build cache (default: $RUNSTRENGTH_CACHE_DIR or .cache/runstrength; never inside --out-dir)")
    b.add_argument("--no-cache", action="store_true", help="extract every article and publish, without reading or writing the cache")
    b.add_argument("--clear-cache", action="store_true",
                   help="empty the build cache (cached records, publish indexes, ingest stat index) before building")
    b.add_argument("--max-failed-share", type=_share, default=0.01, metavar="FRACTION",
                   help="articles whose extraction raises are quarantined (rejects, reason extraction_failed) "
                        "up to this share of the corpus; past it the build fails (default: 0.01)")
    b.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    b.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("eval", help="build into a temporary directory and score it against gold annotations")
    e.add_argument("gold_dir", help="directory of gold JSON files")
    e.add_argument("--raw-dir", default="raw", help="raw articles the gold describes (default: raw)")
    e.add_argument("--scorer", default=str(DEFAULT_SCORER), help=f"score.py to use (default: {DEFAULT_SCORER})")
    e.add_argument("--history", help="append the scores as a JSON line to this file")
    e.add_argument("--label", help="label for the history line (e.g. the change)")
    e.set_defaults(func=cmd_eval, quiet=False, verbose=False)

    s = sub.add_parser("show", help="summary of a published dataset, or one article's routine")
    s.add_argument("article", nargs="?", help="article_id whose routine to print")
    s.add_argument("--dir", default="dataset", help="dataset directory (default: dataset)")
    s.set_defaults(func=cmd_show, quiet=False, verbose=False)

    r = sub.add_parser("serve", help="rebuild on a schedule as a Prefect deployment served from this process")
    r.add_argument("--raw-dir", default="raw")
    r.add_argument("--out-dir", default="dataset")
    r.add_argument("--cron", default="0 3 * * *", help='schedule (default: "0 3 * * *", daily at 03:00 UTC)')
    r.set_defaults(func=cmd_serve, quiet=False, verbose=False)

    v = sub.add_parser("validate", help="check a published dataset: checksums, schemas, contract")
    v.add_argument("dir", help="dataset directory")
    v.set_defaults(func=cmd_validate, quiet=False, verbose=False)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    level = "WARNING" if args.quiet else "DEBUG" if args.verbose else "INFO"
    quiet_prefect(level, explicit=args.quiet or args.verbose)
    return args.func(args)


def console() -> None:
    """The `runstrength` command: main(), then exit without a last sweep of the heap.

    Interpreter shutdown ends with a full garbage collection over every object
    Prefect, pandas and spaCy created (~0.3 s, a fifth of a build that has
    nothing to do) only to free memory the OS takes back anyway.  Frozen objects
    are left out of it; atexit handlers, log handlers and file flushes still run.
    Not in main(), which tests and other programs call in their own process.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    console()
