#!/usr/bin/env python3
"""Benchmark the build on a synthetic corpus: throughput, incremental rebuilds, memory.

    .venv/bin/python bench/run.py                       # N = 1000 and 10000
    .venv/bin/python bench/run.py --sizes 100000        # on request
    .venv/bin/python bench/run.py --sizes 30 --out /tmp/r.md

For each N it generates a deterministic corpus (bench/corpus.py) into a
temporary raw directory and measures, each in its own subprocess:

  a. tokenizer: spaCy blank("en") tokenizer only over the article texts, one process;
  b. cold: `python -m runstrength.cli build` through the real flow with an empty cache;
  c. no-op: the same build again (same input, warm cache);
  d. one changed: the build after changing one article.

Reported per run: wall time, words/s, articles/s and peak RSS (the sum over the
process tree: the build, its worker processes, a temporary Dask cluster; not
the Prefect server).  Ratios: b/a compares words/s, c/b and d/b wall times.

The Prefect API server is a fixed cost that is not part of the build: by
default one server is started for the whole benchmark and its start-up time is
reported on its own line; `--api-url` uses a running server instead and
`--ephemeral` lets every build start its own temporary server (its start-up is
then inside every build's wall time).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


# --------------------------------------------------------------------------
# Process measurement
# --------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                out += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kib(pid: int, exclude: set[int]) -> int:
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen or p in exclude:
            continue
        seen.add(p)
        total += _rss_kib(p)
        stack += _children(p)
    return total


def measure(cmd: list[str], env: dict[str, str] | None = None, exclude: set[int] = frozenset()) -> dict:
    """Run cmd; wall time, exit code, peak RSS of its process tree (polled) and of the largest process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_kib(proc.pid, set(exclude)))
            stop.wait(0.1)

    th = threading.Thread(target=poll, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    import resource

    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux, largest child so far
    return {"wall": wall, "code": proc.returncode, "stdout": out, "stderr": err,
            "peak_tree_kib": peak, "max_child_kib": maxrss}


# --------------------------------------------------------------------------
# Prefect server
# --------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path) -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_SERVER_LOGGING_LEVEL="WARNING", PREFECT_UI_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port), "--no-ui"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("bench: the Prefect server exited during start-up")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url, time.perf_counter() - t0
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("bench: the Prefect server did not start within 120 s")


def stop_server(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# --------------------------------------------------------------------------
# The measurements
# --------------------------------------------------------------------------

def tokenize_only(raw_dir: str) -> None:
    """(a) in this process: spaCy blank("en") tokenizer over every article text."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(raw_dir).iterdir()) if p.suffix == ".txt"]
    nlp = spacy.blank("en")
    t0 = time.perf_counter()
    tokens = 0
    for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
        tokens += len(doc)
    print(json.dumps({"seconds": time.perf_counter() - t0, "tokens": tokens}))


def change_one_article(raw_dir: Path) -> Path:
    path = sorted(raw_dir.glob("*.txt"))[len(list(raw_dir.glob("*.txt"))) // 2]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n\n", "\n\nDo 4 sets of 9 reps each side, then rest for 45 seconds.\n\n", 1),
                    encoding="utf-8")
    return path


def run_size(n: int, args, api_env: dict[str, str], exclude: set[int], log) -> dict:
    from corpus import generate

    work = Path(tempfile.mkdtemp(prefix=f"rs-bench-{n}-"))
    try:
        raw, out, cache = work / "raw", work / "dataset", work / "cache"
        t0 = time.perf_counter()
        generate(raw, n, seed=args.seed)
        gen_s = time.perf_counter() - t0
        texts = [p.read_text(encoding="utf-8") for p in sorted(raw.iterdir())]
        words = sum(len(t.split()) for t in texts)
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
        log(f"N={n}: corpus of {words} words, {nbytes / 1e6:.1f} MB generated in {gen_s:.1f} s")

        rows = {}
        tok = measure([sys.executable, str(Path(__file__).resolve()), "--_tokenize", str(raw)])
        if tok["code"] != 0:
            raise SystemExit(f"bench: tokenizer run failed:\n{tok['stderr'][-2000:]}")
        tok_inner = json.loads(tok["stdout"].strip().splitlines()[-1])
        rows["a. tokenizer only (blank en, 1 process)"] = {**tok, "wall": tok_inner["seconds"], "note": "tokenizing time only"}
        log(f"N={n}: a. tokenizer {tok_inner['seconds']:.2f} s")

        build = [sys.executable, "-m", "runstrength.cli", "build", "--raw-dir", str(raw), "--out-dir", str(out),
                 "--cache-dir", str(cache), "-q"] + (["--workers", str(args.workers)] if args.workers else [])
        env = dict(os.environ, **api_env)
        env.pop("RUNSTRENGTH_NO_CACHE", None)
        for label, extra, prepare in (
            ("b. cold build (empty cache)", ["--clear-cache"], None),
            ("c. no-op rebuild (warm cache)", [], None),
            ("d. rebuild, one article changed", [], lambda: change_one_article(raw)),
        ):
            if prepare:
                prepare()
            r = measure(build + extra, env=env, exclude=exclude)
            if r["code"] != 0:
                raise SystemExit(f"bench: {label} failed:\n{r['stderr'][-3000:]}")
            rows[label] = r
            log(f"N={n}: {label} {r['wall']:.1f} s, peak RSS {r['peak_tree_kib'] / 1024:.0f} MiB")
        manifest = json.loads((out / "manifest.json").read_text())
        return {"n": n, "words": words, "bytes": nbytes, "rows": rows, "row_counts": manifest["row_counts"]}
    finally:
        if args.keep:
            print(f"bench: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def report(results: list[dict], server_s: float | None, mode: str, workers: int) -> str:
    lines = [
        "# runstrength build benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; build workers: {workers}.",
        f"Prefect API: {mode}" + (f"; server start-up {server_s:.1f} s (fixed cost, not in the rows below)" if server_s is not None else "") + ".",
        "Peak RSS: sum over the measured process tree (build + workers), Prefect server excluded.",
        "",
    ]
    for res in results:
        rows = res["rows"]
        a, b, c, d = (rows[k] for k in rows)
        lines += [
            f"## N = {res['n']:,} articles ({res['words']:,} words, {res['bytes'] / 1e6:.1f} MB)",
            "",
            "| run | wall s | words/s | articles/s | peak RSS MiB |",
            "|---|---:|---:|---:|---:|",
        ]
        for label, r in rows.items():
            lines.append(f"| {label} | {r['wall']:.2f} | {res['words'] / r['wall']:,.0f} | {res['n'] / r['wall']:,.1f} "
                         f"| {r['peak_tree_kib'] / 1024:,.0f} |")
        lines += [
            "",
            f"- b/a (words/s, target >= 1.0): **{a['wall'] / b['wall']:.4f}**",
            f"- c/b (wall, target <= 0.05): **{c['wall'] / b['wall']:.3f}**",
            f"- d/b (wall, target <= 0.10): **{d['wall'] / b['wall']:.3f}**",
            f"- published rows: {', '.join(f'{k}={v}' for k, v in res['row_counts'].items())}",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default: 1000 10000)")
    p.add_argument("--out", default=None, help="also write the markdown table to this file")
    p.add_argument("--workers", type=int, default=None, help="build worker processes (default: all cores)")
    p.add_argument("--seed", type=int, default=20240611, help="corpus seed")
    p.add_argument("--api-url", default=None, help="use this running Prefect API instead of starting one")
    p.add_argument("--ephemeral", action="store_true", help="every build starts its own temporary Prefect server")
    p.add_argument("--keep", action="store_true", help="keep the temporary corpus, cache and dataset")
    p.add_argument("--_tokenize", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args._tokenize:
        tokenize_only(args._tokenize)
        return 0

    def log(msg: str) -> None:
        print(f"bench: {msg}", file=sys.stderr, flush=True)

    server = None
    server_s = None
    exclude: set[int] = set()
    home = Path(tempfile.mkdtemp(prefix="rs-bench-prefect-"))
    try:
        if args.api_url:
            api_env, mode = {"PREFECT_API_URL": args.api_url}, f"existing server {args.api_url}"
        elif args.ephemeral:
            api_env, mode = {}, "temporary server per build (start-up included in every build)"
        else:
            server, url, server_s = start_server(home)
            exclude = {server.pid}
            api_env, mode = {"PREFECT_API_URL": url}, "one local server for the whole benchmark"
            log(f"Prefect server up in {server_s:.1f} s at {url}")
        results = [run_size(n, args, api_env, exclude, log) for n in args.sizes]
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(home, ignore_errors=True)
    from runstrength.runners import local_cores

    text = report(results, server_s, mode, args.workers or local_cores())
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
