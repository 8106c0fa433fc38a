"""Smoke test of the benchmark script on a tiny corpus (no timing assertions)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.flow


def test_corpus_is_deterministic_and_varied(root: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(root / "bench"))
    try:
        from corpus import generate
    finally:
        sys.path.remove(str(root / "bench"))
    a = [p.read_bytes() for p in generate(tmp_path / "a", 40)]
    b = [p.read_bytes() for p in generate(tmp_path / "b", 40)]
    assert a == b
    assert len(set(a)) == 40
    assert any("•" in t.decode() for t in a) and any("Circuit" in t.decode() for t in a)


def test_bench_smoke(prefect_harness, root: Path, tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    out = tmp_path / "results.md"
    env = {k: v for k, v in os.environ.items() if k != "RUNSTRENGTH_NO_CACHE"}
    proc = subprocess.run(
        [sys.executable, str(root / "bench" / "run.py"), "--sizes", "30", "--out", str(out),
         "--api-url", PREFECT_API_URL.value()],
        cwd=root, env=env, capture_output=True, text=True, timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text()
    for row in ("a. tokenizer only", "b. cold build", "c. no-op rebuild", "d. rebuild, one article changed",
                "b/a", "c/b", "d/b", "peak RSS"):
        assert row in text
    assert "articles=30" in text
