"""The build cache: per-article reuse by content and extractor version, corruption, clearing, publish skip."""
from __future__ import annotations

import logging
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from runstrength import cli
from runstrength.cache import BuildCache, CacheError, raw_key
from runstrength.ingest.reader import read_all


def tree_bytes(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def extracted(root: Path):
    """The raw articles and their validated records, as the flow caches them."""
    from runstrength.extract.pipeline import extract_articles
    from runstrength.publish.records import records_from_articles

    raws, _ = read_all(root / "raw")
    return raws, records_from_articles(list(extract_articles(raws)))


@pytest.fixture
def cache_on(monkeypatch):
    """Builds in this test use the cache (conftest turns it off for every other test)."""
    monkeypatch.delenv("RUNSTRENGTH_NO_CACHE", raising=False)
    monkeypatch.delenv("RUNSTRENGTH_CACHE_DIR", raising=False)


# --------------------------------------------------------------------------
# Unit: entries
# --------------------------------------------------------------------------

def test_record_json_round_trip(extracted) -> None:
    import json

    from runstrength.publish.records import ArticleRecord

    for rec in extracted[1]:
        assert rec.n_rows("exercises") > 0
        assert ArticleRecord.from_dict(json.loads(json.dumps(rec.to_dict()))) == rec


def test_hit_and_miss_by_content(tmp_path: Path, extracted) -> None:
    raws, arts = extracted
    cache = BuildCache.open(tmp_path / "c", "v1")
    k = raw_key(raws[0])
    assert cache.get(k) is None
    assert cache.put(k, arts[0])
    assert cache.get(k) == arts[0]
    # Changed text, changed raw bytes, or changed sidecar metadata: a different key, a miss.
    for changed in (replace(raws[0], text=raws[0].text + "\nMore."), replace(raws[0], sha256="0" * 64),
                    replace(raws[0], title="Another title")):
        assert raw_key(changed) != k
        assert cache.get(raw_key(changed)) is None
    assert raw_key(replace(raws[0])) == k


def test_a_record_json_cannot_carry_exactly_is_not_cached(tmp_path: Path, extracted) -> None:
    raws, arts = extracted
    cache = BuildCache.open(tmp_path / "c", "v1")
    odd = replace(arts[0], flags=("from_sidecar",))  # JSON would bring the tuple back as a list
    assert not cache.put(raw_key(raws[0]), odd)
    assert cache.uncacheable == 1 and cache.get(raw_key(raws[0])) is None


def test_an_entry_directory_removed_during_a_build_is_made_again(tmp_path: Path, extracted) -> None:
    import shutil

    raws, arts = extracted
    cache = BuildCache.open(tmp_path / "c", "v1")
    assert cache.put(raw_key(raws[0]), arts[0])
    shutil.rmtree(cache.articles_dir)  # e.g. another build cleared the cache meanwhile
    assert cache.put(raw_key(raws[0]), arts[0])
    assert cache.get(raw_key(raws[0])) == arts[0]


def test_extractor_version_change_invalidates(tmp_path: Path, extracted) -> None:
    raws, arts = extracted
    k = raw_key(raws[0])
    BuildCache.open(tmp_path / "c", "v1").put(k, arts[0])
    assert BuildCache.open(tmp_path / "c", "v1").get(k) == arts[0]
    assert BuildCache.open(tmp_path / "c", "v2").get(k) is None


def test_extractor_version_follows_pattern_files(monkeypatch, tmp_path: Path) -> None:
    from runstrength.extract import pipeline

    data = tmp_path / "data"
    shutil.copytree(pipeline.DATA_DIR, data)
    monkeypatch.setattr(pipeline, "DATA_DIR", data)
    pipeline.extractor_version.cache_clear()
    try:
        before = pipeline.extractor_version()
        pipeline.extractor_version.cache_clear()
        assert pipeline.extractor_version() == before
        first = sorted(data.glob("*.yaml"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        pipeline.extractor_version.cache_clear()
        assert pipeline.extractor_version() != before
    finally:
        pipeline.extractor_version.cache_clear()


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_corrupted_entry_is_detected_and_dropped(tmp_path: Path, extracted, caplog, damage: str) -> None:
    raws, arts = extracted
    cache = BuildCache.open(tmp_path / "c", "v1")
    k = raw_key(raws[1])
    cache.put(k, arts[1])
    path = cache._path(k)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        i = len(data) - 40
        path.write_bytes(data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:])
    elif damage == "garbage":
        path.write_bytes(b"not a cache entry")
    else:
        path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="runstrength.cache"):
        assert cache.get(k) is None
    assert "corrupt entry" in caplog.text
    assert not path.exists()
    assert cache.corrupt == 1


def test_entries_are_written_atomically(tmp_path: Path, extracted) -> None:
    raws, arts = extracted
    cache = BuildCache.open(tmp_path / "c", "v1")
    for r, a in zip(raws, arts):
        cache.put(raw_key(r), a)
    leftovers = [p for p in (tmp_path / "c").rglob("*") if p.name.startswith(".tmp-")]
    assert not leftovers


def test_cache_dir_inside_dataset_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CacheError):
        BuildCache.open(tmp_path / "dataset" / ".cache", "v1", out_dir=tmp_path / "dataset")
    with pytest.raises(CacheError):
        BuildCache.open(tmp_path / "dataset", "v1", out_dir=tmp_path / "dataset")
    BuildCache.open(tmp_path / "cache", "v1", out_dir=tmp_path / "dataset")


# --------------------------------------------------------------------------
# The real flow
# --------------------------------------------------------------------------

def _spy_extraction(monkeypatch) -> list[str]:
    """Count the articles the flow extracts (in-process: every build here is one batch)."""
    import flows.build
    from runstrength.extract.pipeline import extract_articles

    seen: list[str] = []

    def spy(batch, *args, **kwargs):
        seen.extend(r.source_file for r in batch)
        return extract_articles(batch, *args, **kwargs)

    monkeypatch.setattr(flows.build, "extract_articles", spy)
    return seen


def _boom(monkeypatch) -> None:
    import flows.build

    def boom(*args, **kwargs):
        raise RuntimeError("extraction must not run")

    monkeypatch.setattr(flows.build, "extract_articles", boom)


@pytest.fixture(scope="module")
def clean_build(prefect_harness, root: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "dataset"
    cli.run_build(root / "raw", out, use_cache=False)
    return out


def test_incremental_builds(prefect_harness, cache_on, clean_build: Path, root: Path, tmp_path: Path, monkeypatch, caplog) -> None:
    cache_dir, out = tmp_path / "cache", tmp_path / "dataset"
    seen = _spy_extraction(monkeypatch)
    cli.run_build(root / "raw", out, cache_dir=cache_dir)
    assert len(seen) == 5
    assert tree_bytes(out) == tree_bytes(clean_build)
    assert (cache_dir / "articles").is_dir() and not (out / ".cache").exists()

    # Unchanged input: nothing extracted, nothing re-published.
    _boom(monkeypatch)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    with caplog.at_level(logging.INFO):
        cli.run_build(root / "raw", out, cache_dir=cache_dir)
    assert "publish: skipped" in caplog.text
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before

    # A new output directory: published from cached articles only, byte-identical.
    out2 = tmp_path / "dataset2"
    cli.run_build(root / "raw", out2, cache_dir=cache_dir)
    assert tree_bytes(out2) == tree_bytes(clean_build)

    # A dataset changed behind the build's back is re-published, not skipped.
    (out2 / "json" / "routines.json").write_text("{}")
    cli.run_build(root / "raw", out2, cache_dir=cache_dir)
    assert tree_bytes(out2) == tree_bytes(clean_build)

    # One changed article: only that one is extracted.
    raw = tmp_path / "raw"
    shutil.copytree(root / "raw", raw)
    victim = sorted(raw.iterdir())[2]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nDo 3 sets of 12 reps.\n", encoding="utf-8")
    seen = _spy_extraction(monkeypatch)
    out3 = tmp_path / "dataset3"
    cli.run_build(raw, out3, cache_dir=cache_dir)
    assert seen == [victim.name]
    fresh = tmp_path / "fresh"
    cli.run_build(raw, fresh, use_cache=False)
    assert tree_bytes(out3) == tree_bytes(fresh)


def test_pool_workers_leave_their_records_in_the_cache(prefect_harness, cache_on, clean_build: Path, root: Path,
                                                       tmp_path: Path, monkeypatch) -> None:
    """Batches on the process pool write their records to the cache; the flow reads them back
    (a corrupt one is recomputed) and only ids travel through Prefect."""
    import flows.build

    got: list[object] = []
    real = flows.build.RecordStream._result

    def spy(self, b):
        res = real(self, b)
        if not any(res is g for g in got):  # the batch's first record: it was just received
            got.append(res)
            if len(got) == 1:  # damage what the worker wrote for its first article
                i = next(k for k, r in enumerate(self.refs) if r.article_id == res.article_ids[0])
                path = self.cache._path(self.keys[i])
                path.write_bytes(path.read_bytes()[:-20])
        return res

    monkeypatch.setattr(flows.build.RecordStream, "_result", spy)
    cache_dir, out = tmp_path / "cache", tmp_path / "dataset"
    cli.run_build(root / "raw", out, cache_dir=cache_dir, batch_articles=2)
    assert tree_bytes(out) == tree_bytes(clean_build)
    assert len(got) >= 3 and all(r.in_store and r.payloads == [None] * len(r) for r in got)
    # Every article is cached (the damaged entry was written again): the next build extracts nothing.
    out2 = tmp_path / "dataset2"
    _boom(monkeypatch)
    cli.run_build(root / "raw", out2, cache_dir=cache_dir)
    assert tree_bytes(out2) == tree_bytes(clean_build)


def test_unchanged_articles_are_copied_from_the_previous_dataset(prefect_harness, cache_on, root: Path,
                                                                 tmp_path: Path, monkeypatch, caplog) -> None:
    from runstrength.cache import BuildCache

    raw, out, cache_dir = tmp_path / "raw", tmp_path / "dataset", tmp_path / "cache"
    shutil.copytree(root / "raw", raw)
    cli.run_build(raw, out, cache_dir=cache_dir)
    victim = sorted(raw.iterdir())[1]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nFinish with 2 sets of 15 calf raises.\n",
                      encoding="utf-8")
    gets: list[str] = []
    real_get = BuildCache.get
    monkeypatch.setattr(BuildCache, "get", lambda self, key: gets.append(key) or real_get(self, key))
    seen = _spy_extraction(monkeypatch)
    with caplog.at_level(logging.INFO):
        cli.run_build(raw, out, cache_dir=cache_dir)
    assert seen == [victim.name] and gets == []  # the other four come from the old dataset, not the cache
    assert "4 unchanged article(s) copied from the previous dataset" in caplog.text
    fresh = tmp_path / "fresh"
    cli.run_build(raw, fresh, use_cache=False)
    assert tree_bytes(out) == tree_bytes(fresh)

    # Edited behind the build's back, same size and mtime: not trusted, every article is written again.
    victim.write_text(victim.read_text(encoding="utf-8") + "Rest 60 seconds.\n", encoding="utf-8")
    routines = out / "json" / "routines.json"
    st = routines.stat()
    data = bytearray(routines.read_bytes())
    data[data.index(b'"title": "') + 10] ^= 0x01
    routines.write_bytes(bytes(data))
    os.utime(routines, ns=(st.st_atime_ns, st.st_mtime_ns))
    caplog.clear()
    with caplog.at_level(logging.INFO):
        cli.run_build(raw, out, cache_dir=cache_dir)
    assert "copied from the previous dataset" not in caplog.text
    cli.run_build(raw, fresh, use_cache=False)
    assert tree_bytes(out) == tree_bytes(fresh)


def _age(raw: Path, seconds: int = 3600) -> None:
    """Date every file back, so the ingest index trusts it (files written in its last 2 s are re-read)."""
    import time

    for p in raw.iterdir():
        os.utime(p, (time.time() - seconds, time.time() - seconds))


def test_unchanged_raw_files_are_not_read_again(prefect_harness, cache_on, root: Path, tmp_path: Path,
                                                monkeypatch, caplog) -> None:
    from runstrength.ingest import scan

    raw, out, cache_dir = tmp_path / "raw", tmp_path / "dataset", tmp_path / "cache"
    shutil.copytree(root / "raw", raw)
    _age(raw)
    with caplog.at_level(logging.INFO):
        cli.run_build(raw, out, cache_dir=cache_dir)
    assert "(5 file(s) read, 0 unchanged since the last scan)" in caplog.text
    reads: list[str] = []
    real = scan.read_one
    monkeypatch.setattr(scan, "read_one", lambda path, *a, **k: reads.append(path.name) or real(path, *a, **k))
    victim = sorted(raw.iterdir())[3]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nAdd 3 sets of 8 step-ups.\n", encoding="utf-8")
    caplog.clear()
    seen = _spy_extraction(monkeypatch)
    with caplog.at_level(logging.INFO):
        cli.run_build(raw, out, cache_dir=cache_dir)
    # The scan reads the edited file only; its batch task reads it once more for extraction.
    assert "(1 file(s) read, 4 unchanged since the last scan)" in caplog.text
    assert reads == [victim.name, victim.name] and seen == [victim.name]
    fresh = tmp_path / "fresh"
    cli.run_build(raw, fresh, use_cache=False)
    assert tree_bytes(out) == tree_bytes(fresh)


def test_a_file_changed_during_the_build_fails_it(prefect_harness, cache_on, root: Path, tmp_path: Path,
                                                  monkeypatch, capsys) -> None:
    import flows.build

    raw, out, cache_dir = tmp_path / "raw", tmp_path / "dataset", tmp_path / "cache"
    shutil.copytree(root / "raw", raw)
    cli.run_build(raw, out, cache_dir=cache_dir)
    before = tree_bytes(out)
    victim = sorted(raw.iterdir())[0]
    real_scan = flows.build.scan

    def scan_then_edit(*args, **kwargs):
        found = real_scan(*args, **kwargs)
        victim.write_text(victim.read_text(encoding="utf-8") + "\nEdited mid-build.\n", encoding="utf-8")
        return found

    victim.write_text(victim.read_text(encoding="utf-8") + "\nDo 2 sets of 10 squats.\n", encoding="utf-8")
    monkeypatch.setattr(flows.build, "scan", scan_then_edit)
    code = cli.main(["build", "--raw-dir", str(raw), "--out-dir", str(out), "--cache-dir", str(cache_dir), "-q"])
    assert code == 1
    err = capsys.readouterr()
    assert f"SourceChanged: {victim.name} changed while the build was running" in err.out + err.err
    assert tree_bytes(out) == before


def test_corrupted_entry_is_recomputed_in_a_build(prefect_harness, cache_on, clean_build: Path, root: Path,
                                                  tmp_path: Path, monkeypatch, caplog) -> None:
    cache_dir = tmp_path / "cache"
    cli.run_build(root / "raw", tmp_path / "first", cache_dir=cache_dir)
    entries = sorted((cache_dir / "articles").rglob("*.json"))
    assert len(entries) == 5
    data = entries[0].read_bytes()
    entries[1].write_bytes(data[: len(data) - 100])  # truncated
    entries[3].write_bytes(data.replace(b'"exercises"', b'"exercisez"', 1))  # another entry's bytes, edited
    seen = _spy_extraction(monkeypatch)
    out = tmp_path / "second"
    with caplog.at_level(logging.WARNING):
        cli.run_build(root / "raw", out, cache_dir=cache_dir)
    assert caplog.text.count("corrupt entry") == 2
    assert len(seen) == 2
    assert tree_bytes(out) == tree_bytes(clean_build)


def test_cli_clear_cache_and_no_cache(prefect_harness, cache_on, root: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    cache_dir, out = tmp_path / "cache", tmp_path / "dataset"
    base = ["build", "--raw-dir", str(root / "raw"), "--out-dir", str(out), "--cache-dir", str(cache_dir), "-q"]
    assert cli.main(base) == 0
    assert list((cache_dir / "articles").rglob("*.json"))
    _boom(monkeypatch)
    assert cli.main(base) == 0  # warm: no extraction needed
    # --clear-cache empties the cache first: extraction must run (and here fails).
    assert cli.main(base + ["--clear-cache"]) == 1
    assert "extraction must not run" in capsys.readouterr().err
    assert not list((cache_dir / "articles").rglob("*.json"))
    assert (out / "manifest.json").is_file()  # previous dataset untouched
    # --no-cache neither reads nor writes the cache.
    monkeypatch.undo()
    monkeypatch.delenv("RUNSTRENGTH_NO_CACHE", raising=False)
    assert cli.main(base + ["--no-cache"]) == 0
    assert not list((cache_dir / "articles").rglob("*.json"))


def test_default_cache_dir_is_outside_the_dataset(prefect_harness, cache_on, root: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert cli.main(["build", "--raw-dir", str(root / "raw"), "--out-dir", "dataset", "-q"]) == 0
    assert list((work / ".cache" / "runstrength" / "articles").rglob("*.json"))
    assert not [p for p in (work / "dataset").rglob("*") if "cache" in p.relative_to(work).as_posix()]
    # An explicit cache inside the dataset directory is refused, nothing published.
    code = cli.main(["build", "--raw-dir", str(root / "raw"), "--out-dir", "other", "--cache-dir", "other/.cache", "-q"])
    assert code == 1
    assert "inside the dataset directory" in capsys.readouterr().err
    assert not (work / "other").exists()
