"""The real Prefect flow end to end: publish, determinism, the committed dataset, failures."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from runstrength import cli

pytestmark = pytest.mark.flow


def tree_bytes(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(prefect_harness, root: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "dataset"
    cli.run_build(root / "raw", out)
    return out


def test_layout_matches_contract(built: Path) -> None:
    for rel in ("json/routines.json", "json/routines.schema.json", "manifest.json",
                *(f"parquet/{t}.parquet" for t in ("articles", "sections", "exercises", "dosages", "cues"))):
        assert (built / rel).is_file(), rel


def test_manifest_checksums_match(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    files = manifest["files"]
    assert files, "manifest lists no file"
    listed = {f["path"] for f in files}
    on_disk = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file() and p.name != "manifest.json"}
    assert listed == on_disk
    for f in files:
        assert hashlib.sha256((built / f["path"]).read_bytes()).hexdigest() == f["sha256"], f["path"]


def test_export_validates_against_its_schema(built: Path) -> None:
    import jsonschema

    schema = json.loads((built / "json/routines.schema.json").read_text())
    export = json.loads((built / "json/routines.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(export)
    assert len(export["articles"]) == 5


def test_second_build_is_byte_identical(built: Path, prefect_harness, root: Path, tmp_path: Path) -> None:
    again = tmp_path / "dataset"
    cli.run_build(root / "raw", again)
    assert tree_bytes(again) == tree_bytes(built)


def test_committed_dataset_is_current(built: Path, root: Path) -> None:
    """Extraction changes must be re-published: the committed dataset/ equals a fresh build."""
    committed = tree_bytes(root / "dataset")
    fresh = tree_bytes(built)
    assert sorted(committed) == sorted(fresh), "dataset/ lists other files than a fresh build: run `python3 dev.py build`"
    stale = [k for k in fresh if committed[k] != fresh[k]]
    assert not stale, f"dataset/ is stale ({', '.join(stale)}): run `python3 dev.py build` and commit"


def test_failure_in_extraction_keeps_previous_dataset(built: Path, prefect_harness, root: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "dataset"
    shutil.copytree(built, out)
    before = tree_bytes(out)

    def boom(*args, **kwargs):
        raise RuntimeError("injected extraction failure")

    import flows.build

    monkeypatch.setattr(flows.build, "extract_articles", boom)
    code = cli.main(["build", "--raw-dir", str(root / "raw"), "--out-dir", str(out)])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "NOT published" in err[-1] and "injected extraction failure" in err[-1]
    assert tree_bytes(out) == before
    assert not list(tmp_path.glob(".dataset.*")), "staging left behind"


def test_empty_raw_dir_is_an_error(prefect_harness, tmp_path: Path, capsys) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_text("")
    code = cli.main(["build", "--raw-dir", str(raw), "--out-dir", str(tmp_path / "out")])
    assert code == 1
    assert "no readable article" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_prefect_does_not_walk_the_articles_of_a_batch() -> None:
    """A batch task's input is one value to Prefect: walking every article's fields for futures
    cost the flow and each worker CPU time per batch."""
    from prefect.utilities.collections import visit_collection

    from flows.build import Batch
    from runstrength.ingest.reader import RawArticle

    arts = [RawArticle(article_id=f"a{i}", source_file=f"a{i}.txt", sha256="0" * 64, text="Squat 3 x 5.",
                       encoding="utf-8") for i in range(3)]
    visited: list[object] = []
    visit_collection(Batch(arts), lambda x: visited.append(x) or x, return_data=True)
    assert len(visited) == 1 and isinstance(visited[0], Batch)
    visited.clear()
    visit_collection(arts, lambda x: visited.append(x) or x, return_data=True)
    assert len(visited) > len(arts)  # a plain list is walked down to every field


def _articles_with_one_that_breaks(tmp_path: Path, monkeypatch) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hips.txt").write_text("Hip day\n\nClamshells: 2 sets of 15 per side. Keep your feet together.\n")
    (raw / "odd.txt").write_text("Odd page\n\nWall sit: hold 40 seconds. TRIPWIRE\n")
    (raw / "calves.txt").write_text("Calf day\n\nCalf raises: 3 x 20. Rise slowly onto your toes.\n")
    import runstrength.extract.assemble as assemble

    real = assemble.build_article

    def fragile(raw_article, lines, docs):
        if "TRIPWIRE" in raw_article.text:
            raise ValueError("injected rule failure")
        return real(raw_article, lines, docs)

    monkeypatch.setattr(assemble, "build_article", fragile)
    return raw


def test_an_article_extraction_raises_on_is_quarantined_and_the_rest_published(
        prefect_harness, tmp_path: Path, monkeypatch) -> None:
    import pandas as pd

    raw = _articles_with_one_that_breaks(tmp_path, monkeypatch)
    out = tmp_path / "out"
    code = cli.main(["build", "--raw-dir", str(raw), "--out-dir", str(out), "--no-cache", "-q",
                     "--max-failed-share", "0.5"])
    assert code == 0
    export = json.loads((out / "json/routines.json").read_text())
    assert sorted(a["source_file"] for a in export["articles"]) == ["calves.txt", "hips.txt"]
    rejects = pd.read_parquet(out / "parquet/rejects.parquet")
    (row,) = rejects[rejects["reason"] == "extraction_failed"].itertuples()
    assert (row.table, row.key) == ("source", "odd.txt")
    assert "ValueError: injected rule failure" in row.message
    assert cli.main(["validate", str(out)]) == 0


def test_more_failures_than_the_share_allows_fail_the_build(
        built: Path, prefect_harness, tmp_path: Path, monkeypatch, capsys) -> None:
    raw = _articles_with_one_that_breaks(tmp_path, monkeypatch)
    out = tmp_path / "dataset"
    shutil.copytree(built, out)
    before = tree_bytes(out)
    # One of three is a third of the corpus: over the default 1%.
    code = cli.main(["build", "--raw-dir", str(raw), "--out-dir", str(out), "--no-cache", "-q"])
    assert code == 1
    err = capsys.readouterr().err
    assert "TooManyFailures" in err and "1 of 3" in err and "odd.txt" in err
    assert tree_bytes(out) == before


def test_a_quarantined_article_copied_from_the_previous_dataset_still_counts(
        prefect_harness, tmp_path: Path, monkeypatch, capsys) -> None:
    import pandas as pd

    raw = _articles_with_one_that_breaks(tmp_path, monkeypatch)
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = ["build", "--raw-dir", str(raw), "--out-dir", str(out), "--cache-dir", str(cache), "-q"]
    assert cli.main(args + ["--max-failed-share", "0.5"]) == 0
    (raw / "calves.txt").write_text("Calf day\n\nCalf raises: 3 x 25. Rise slowly onto your toes.\n")
    # The broken article is copied from the dataset it failed in, not extracted again: it still counts.
    assert cli.main(args) == 1
    assert "1 of 3" in capsys.readouterr().err
    assert cli.main(args + ["--max-failed-share", "0.5"]) == 0
    rejects = pd.read_parquet(out / "parquet/rejects.parquet")
    assert list(rejects.loc[rejects["reason"] == "extraction_failed", "key"]) == ["odd.txt"]
    reps = pd.read_parquet(out / "parquet/dosages.parquet")["reps_min"]
    assert 25 in set(reps)


def test_a_cold_build_of_several_batches_starts_its_workers_before_the_scan_reads(
        prefect_harness, root: Path, tmp_path: Path, caplog) -> None:
    import logging
    import re

    def messages(**kw) -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.INFO):
            cli.run_build(root / "raw", tmp_path / str(len(kw)), use_cache=False, **kw)
        return [r.getMessage() for r in caplog.records]

    # Batches of 2 articles: 3 tasks for the pool, whose workers load while the scan reads.
    pooled = messages(batch_articles=2)
    start = next(i for i, m in enumerate(pooled) if m.startswith("extract: starting"))
    scanned = next(i for i, m in enumerate(pooled) if m.startswith("ingest: 5 article(s)"))
    assert start < scanned
    assert re.fullmatch(r"extract: starting \d+ worker process\(es\) while 5 file\(s\) are read", pooled[start])
    # One batch runs in the flow's process: no worker is started for it.
    assert not any(m.startswith("extract: starting") for m in messages())
    assert tree_bytes(tmp_path / "1") == tree_bytes(tmp_path / "0")
