"""The standby extraction process the CLI starts while Prefect is imported (runstrength.standby)."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from runstrength import cli, standby
from runstrength.ingest.reader import read_all

INVENTED = Path(__file__).parent / "invented" / "raw"


def tree_bytes(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture
def standby_on(monkeypatch):
    """conftest keeps extraction in the test process; these tests want the standby process back."""
    monkeypatch.delenv(standby.NO_STANDBY_ENV, raising=False)
    yield
    standby.stop()


@pytest.fixture(scope="module")
def raws(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for f in sorted(INVENTED.glob("*.txt"))[:3]:
        shutil.copy(f, raw)
    found, rejects = read_all(raw)
    assert len(found) == 3 and not rejects
    return found


def test_the_standby_process_extracts_what_this_process_would(standby_on, raws) -> None:
    from runstrength.extract.pipeline import extract_articles

    standby.start()
    proc = standby._standby.proc
    failed: list = []
    got = standby.extract(raws, failed)
    assert got == list(extract_articles(raws)) and failed == []
    assert all(a.exercises for a in got)
    # One batch per build: the process is gone once it has served it.
    assert not standby.running() and proc.poll() is not None
    assert standby.extract(raws, failed) is None


def test_a_standby_process_that_died_leaves_the_batch_to_the_caller(standby_on, raws, caplog) -> None:
    standby.start()
    standby._standby.proc.kill()
    standby._standby.proc.wait()
    with caplog.at_level(logging.WARNING, logger="runstrength.standby"):
        assert standby.extract(raws, []) is None
    assert "standby extractor unavailable" in caplog.text
    assert not standby.running()


def test_a_standby_process_that_cannot_start_is_only_a_warning(standby_on, monkeypatch, caplog) -> None:
    import subprocess

    def no_processes(*args, **kwargs):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "Popen", no_processes)
    with caplog.at_level(logging.WARNING, logger="runstrength.standby"):
        standby.start()
    assert not standby.running()
    assert "standby extractor not started" in caplog.text


def test_the_environment_can_turn_the_standby_process_off(monkeypatch, raws) -> None:
    monkeypatch.setenv(standby.NO_STANDBY_ENV, "1")
    standby.start()
    assert not standby.running()
    assert standby.extract(raws, []) is None


def test_a_one_article_rebuild_extracts_in_the_standby_process(prefect_harness, standby_on, monkeypatch,
                                                               tmp_path: Path, caplog) -> None:
    import flows.build

    raw, out, cache_dir = tmp_path / "raw", tmp_path / "dataset", tmp_path / "cache"
    raw.mkdir()
    for f in sorted(INVENTED.glob("*.txt"))[:4]:
        shutil.copy(f, raw)
    monkeypatch.delenv("RUNSTRENGTH_NO_CACHE", raising=False)
    cli.run_build(raw, out, cache_dir=cache_dir)
    assert not standby.running()

    victim = sorted(raw.iterdir())[1]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nFinish with 2 sets of 15 calf raises.\n",
                      encoding="utf-8")

    def in_this_process(*args, **kwargs):
        raise AssertionError("the batch was extracted in the flow's process")

    monkeypatch.setattr(flows.build, "extract_articles", in_this_process)
    with caplog.at_level(logging.INFO):
        cli.run_build(raw, out, cache_dir=cache_dir)
    assert "extract: 1 article(s) in the standby process" in caplog.text
    assert not standby.running()

    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    cli.run_build(raw, fresh, use_cache=False)
    assert tree_bytes(out) == tree_bytes(fresh)
