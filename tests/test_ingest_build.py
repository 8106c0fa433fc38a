"""Bad input end to end: the real flow publishes the good articles exactly as a clean build would."""
from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from runstrength import cli
from runstrength.evaluate import export_for

pytestmark = pytest.mark.flow

SEED_TABLES = ("articles", "sections", "exercises", "dosages", "cues")


def _bad_files(raw: Path, outside: Path) -> dict[str, str]:
    """One file of every bad kind; returns {rejected key: expected reason}."""
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_text("   \n\t\n")
    (raw / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (raw / "undecodable.txt").write_bytes("Squats 3 x 10\n".encode() + b"\x81\x8d\x8f\x90\x9d" * 4)
    (raw / "huge.txt").write_text("Lunges 10/side\n" * 80_000)  # about 1.2 MB, over the 1 MB limit used below
    outside.write_text("Plank: hold 30 seconds.\n")
    os.symlink(outside, raw / "escape.txt")
    (raw / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    shutil.copy(raw / "000_f0f633a0992ee684.txt", raw / "zz_copy_of_first.txt")
    (raw / "with_sidecar.txt").write_text("Hip routine\n\nClamshells 3 x 15 each side\n")
    (raw / "with_sidecar.meta.json").write_text("{not json")
    return {
        "empty.txt": "empty_file", "blank.txt": "whitespace_only", "binary.txt": "binary",
        "undecodable.txt": "undecodable", "huge.txt": "too_large", "escape.txt": "symlink_outside",
        "notes.docx": "unsupported_extension", "zz_copy_of_first.txt": "duplicate",
        "with_sidecar.meta.json": "invalid_sidecar",
    }


def _read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / "parquet" / f"{table}.parquet")


def test_seeds_plus_every_bad_kind_build_like_a_clean_build(prefect_harness, root: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(root / "raw", raw)
    expected = _bad_files(raw, tmp_path / "outside.txt")
    out = tmp_path / "dataset"
    assert cli.main(["build", "--raw-dir", str(raw), "--out-dir", str(out), "--max-bytes", str(1024 * 1024), "-q"]) == 0

    rejects = _read(out, "rejects")
    source = rejects[rejects["table"] == "source"]
    got = dict(zip(source["key"], source["reason"]))
    assert got == expected
    assert source["key"].is_unique

    clean = tmp_path / "clean"
    assert cli.main(["build", "--raw-dir", str(root / "raw"), "--out-dir", str(clean), "-q"]) == 0
    seeds = set(_read(clean, "articles")["article_id"])
    for table in SEED_TABLES:
        dirty = _read(out, table)
        dirty = dirty[dirty["article_id"].isin(seeds)].reset_index(drop=True)
        pd.testing.assert_frame_equal(dirty, _read(clean, table), obj=table)


def test_saved_html_page_and_text_give_same_exercises_and_dosages(tmp_path: Path) -> None:
    body = [
        ("h1", "Four Moves for Stronger Hips"),
        ("p", "Do this circuit twice a week."),
        ("h2", "Circuit 1 (3 sets):"),
        ("li", "Clamshells 15/side"),
        ("li", "Glute bridge 12-15"),
        ("li", "Side plank 30 seconds each side"),
        ("h2", "Finisher"),
        ("li", "Wall sit 45 seconds"),
    ]
    text = "\n\n".join(t for _, t in body) + "\n"
    html_parts = []
    for tag, t in body:
        html_parts.append(f"<ul><li>{t}</li></ul>" if tag == "li" else f"<{tag}>{t}</{tag}>")
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Four Moves for Stronger Hips</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav><article>" + "".join(html_parts) +
            "</article><footer>Subscribe to our newsletter</footer></body></html>")
    (tmp_path / "txt").mkdir()
    (tmp_path / "html").mkdir()
    (tmp_path / "txt" / "hips.txt").write_text(text)
    (tmp_path / "html" / "hips.html").write_text(html)

    def summary(raw: Path) -> list[tuple]:
        art = export_for(raw)["articles"][0]
        return [(e["canonical_name"], [(d["stage"], d["sets_min"], d["reps_min"], d["reps_max"], d["per_side"],
                                        d["hold_seconds_min"], d["duration_seconds_min"]) for d in e["dosages"]])
                for e in art["exercises"]]

    from_text = summary(tmp_path / "txt")
    assert [name for name, _ in from_text] == ["clamshell", "glute bridge", "side plank", "wall sit"]
    assert from_text[0][1][0][1:5] == (3, 15, 15, True)
    assert summary(tmp_path / "html") == from_text


def test_sidecar_metadata_is_published_in_the_articles_table(tmp_path: Path) -> None:
    import json

    from runstrength.extract.pipeline import extract_articles
    from runstrength.ingest.reader import read_all
    from runstrength.publish.tables import to_tables

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hips.txt").write_text("Hip Day\n\nClamshells 3 x 15 each side\n")
    (raw / "hips.meta.json").write_text(json.dumps({
        "url": "https://example.org/hips", "organization": "Example Physio", "author": "Sam Lee",
        "license": "CC-BY-4.0", "retrieved": "2026-01-02"}))
    raws, rejects = read_all(raw)
    assert rejects == []
    row = to_tables(list(extract_articles(raws)))["articles"].iloc[0]
    assert (row["url"], row["organization"], row["author"], row["license"], row["retrieved"]) == (
        "https://example.org/hips", "Example Physio", "Sam Lee", "CC-BY-4.0", "2026-01-02")
