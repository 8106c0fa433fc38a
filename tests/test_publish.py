"""Publishing: layout, manifest, JSON schema, determinism, atomicity, verification."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import runstrength.publish.writer as writer
from runstrength.publish import (
    PublishError,
    publish,
    read_parquet,
    to_export,
    verify_dataset,
)
from schemas.tables import ALL_MODELS
from test_schemas import A, B, TEXT_A, flow_outputs, make_articles

VERSION = "1.2.0"
LAYOUT = [
    "README.md",
    "datapackage.json",
    "json/routines.json",
    "json/routines.jsonld",
    "json/routines.schema.json",
    "manifest.json",
    "parquet/articles.parquet",
    "parquet/cues.parquet",
    "parquet/dosages.parquet",
    "parquet/exercises.parquet",
    "parquet/rejects.parquet",
    "parquet/sections.parquet",
    "report.html",
]


def build(break_row: bool = False):
    """Everything publish() needs, the way the flow produces it (sources in reverse order)."""
    return flow_outputs(VERSION, break_row=break_row, reverse_sources=True)


def do_publish(out: Path, break_row: bool = False) -> Path:
    tables, rejects, export, sources = build(break_row)
    return publish(out, tables, rejects, export, version=VERSION, sources=sources)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden ones included), so leftovers show up too."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def published(tmp_path: Path) -> Path:
    return do_publish(tmp_path / "dataset")


def test_layout(published):
    assert sorted(snapshot(published)) == LAYOUT
    # Nothing but the dataset is left beside it.
    assert [p.name for p in published.parent.iterdir()] == ["dataset"]


def test_manifest_checksums_counts_and_sources(published):
    manifest = json.loads((published / "manifest.json").read_text())
    assert manifest["dataset"] == {"name": "runstrength", "version": VERSION}
    assert manifest["row_counts"] == {
        "articles": 2, "sections": 1, "exercises": 3, "dosages": 4, "cues": 5, "rejects": 0}
    paths = [f["path"] for f in manifest["files"]]
    assert paths == sorted(p for p in LAYOUT if p != "manifest.json")
    for f in manifest["files"]:
        data = (published / f["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"]
        assert len(data) == f["bytes"]
    assert [s["source_file"] for s in manifest["sources"]] == [f"{A}.txt", f"{B}.txt"]
    # Nothing that varies between runs or machines.
    blob = b"".join(snapshot(published).values())
    assert str(published).encode() not in blob


def test_routines_json_matches_schema_and_contract(published):
    export = json.loads((published / "json/routines.json").read_text(encoding="utf-8"))
    schema = json.loads((published / "json/routines.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(export)
    assert (published / "json/routines.schema.json").read_bytes() == writer.routines_schema_bytes()
    art = export["articles"][0]
    assert list(art)[:8] == ["article_id", "source_file", "title", "organization", "author",
                             "frequency_per_week", "sections", "exercises"]
    assert art["frequency_per_week"] == {"min": 2, "max": 3}
    assert export["articles"][1]["frequency_per_week"] == {"min": 2, "max": None}
    ex = art["exercises"][0]
    assert list(ex)[:12] == ["exercise_id", "name", "canonical_name", "aliases", "named_in_text",
                             "section_id", "order", "dosages", "cues", "purpose", "muscles", "equipment"]
    assert list(ex["dosages"][0])[:12] == [
        "stage", "sets_min", "sets_max", "reps_min", "reps_max", "per_side", "hold_seconds_min",
        "hold_seconds_max", "duration_seconds_min", "duration_seconds_max", "inherited_from", "text"]
    cue = ex["cues"][0]
    assert cue["kind"] == "form" and TEXT_A[cue["start"]:cue["end"]] == cue["text"]
    assert set(ex["purpose"][0]) == {"text", "start", "end"}


@pytest.mark.parametrize("breakage", ["unknown_stage", "extra_field", "missing_field", "null_kind"])
def test_broken_export_fails_schema(breakage):
    _, _, export, _ = build()
    ex = export["articles"][0]["exercises"][0]
    if breakage == "unknown_stage":
        ex["dosages"][0]["stage"] = "warmup"
    elif breakage == "extra_field":
        ex["difficulty"] = "hard"
    elif breakage == "missing_field":
        del ex["named_in_text"]
    else:
        ex["cues"][0]["kind"] = None
    validator = jsonschema.Draft202012Validator(writer.routines_schema())
    assert not validator.is_valid(export)


def test_failed_schema_validation_leaves_previous_dataset(published):
    before = snapshot(published.parent)
    tables, rejects, export, sources = build()
    export["articles"][0]["exercises"][0]["dosages"][0]["stage"] = "warmup"
    with pytest.raises(PublishError, match="schema"):
        publish(published, tables, rejects, export, version=VERSION, sources=sources)
    assert snapshot(published.parent) == before


def test_export_disagreeing_with_tables_is_refused(published):
    before = snapshot(published.parent)
    articles = make_articles()
    tables, rejects, _, sources = build(break_row=True)
    unfiltered = to_export(articles, "runstrength", VERSION)  # forgot tables=..., keeps the bad dosage
    with pytest.raises(PublishError, match="disagree"):
        publish(published, tables, rejects, unfiltered, version=VERSION, sources=sources)
    assert snapshot(published.parent) == before


def test_two_publishes_are_byte_identical(tmp_path):
    first = snapshot(do_publish(tmp_path / "one"))
    second = snapshot(do_publish(tmp_path / "two"))
    assert first == second
    # Republishing in place swaps in identical bytes and leaves no old/staging dirs.
    do_publish(tmp_path / "one")
    assert snapshot(tmp_path / "one") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "two"]


def test_failure_mid_publish_leaves_previous_dataset(published, monkeypatch):
    before = snapshot(published.parent)
    real = writer._TableStream.flush
    calls = []

    def flaky(self, **kwargs):
        # Fails while the third table is being written, after two are on disk.
        calls.append(self.name)
        if len(calls) == 3:
            raise OSError("disk full (injected)")
        real(self, **kwargs)

    monkeypatch.setattr(writer._TableStream, "flush", flaky)
    # A different dataset, so a partial swap could not go unnoticed.
    with pytest.raises(OSError, match="injected"):
        do_publish(published, break_row=True)
    assert calls == ["articles", "sections", "exercises"]
    assert snapshot(published.parent) == before


def test_failure_in_swap_restores_previous_dataset(published, monkeypatch):
    before = snapshot(published.parent)
    real_rename = writer.os.rename

    def rename(src, dst):
        if ".staging-" in str(src):
            raise OSError("rename failed (injected)")
        real_rename(src, dst)

    monkeypatch.setattr(writer.os, "rename", rename)
    with pytest.raises(OSError, match="injected"):
        do_publish(published, break_row=True)
    assert snapshot(published.parent) == before


def test_rejects_are_published(tmp_path):
    out = do_publish(tmp_path / "dataset", break_row=True)
    assert verify_dataset(out) == []
    rejects = read_parquet(out / "parquet/rejects.parquet", ALL_MODELS["rejects"])
    assert list(rejects["key"]) == [f"{A}/e01/d1"]
    assert list(rejects["reason"]) == ["in_range(1, 50)"]
    dosages = read_parquet(out / "parquet/dosages.parquet", ALL_MODELS["dosages"])
    assert f"{A}/e01/d1" not in set(dosages["dosage_id"])
    export = json.loads((out / "json/routines.json").read_text())
    assert export["articles"][0]["exercises"][0]["dosages"] == []


def test_parquet_schema_metadata_and_round_trip(published):
    schema = pq.read_schema(published / "parquet/exercises.parquet")
    info = json.loads(schema.metadata[b"runstrength"])
    assert info["table"] == "exercises" and info["primary_key"] == ["exercise_id"]
    assert info["fields"]["section_id"].startswith("Section the exercise")
    assert pa.types.is_list(schema.field("aliases").type)
    assert schema.field("aliases").type.value_type == pa.string()
    assert schema.field("section_id").nullable and not schema.field("exercise_id").nullable
    assert schema.field("name").metadata[b"description"]
    assert b"pandas" not in schema.metadata
    tables, _, _, _ = build()
    back = read_parquet(published / "parquet/exercises.parquet", ALL_MODELS["exercises"])
    pd.testing.assert_frame_equal(back, tables["exercises"])


def test_verify_clean_dataset(published):
    assert verify_dataset(published) == []


@pytest.mark.parametrize("rel", ["parquet/dosages.parquet", "json/routines.json"])
def test_verify_finds_flipped_byte(published, rel):
    path = published / rel
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    problems = verify_dataset(published)
    assert any(p.startswith(rel) and "sha256" in p for p in problems), problems


def test_verify_finds_stray_and_missing_files(published):
    (published / "parquet/cues.parquet").unlink()
    (published / "notes.txt").write_text("hi")
    problems = verify_dataset(published)
    assert "parquet/cues.parquet: missing" in problems
    assert "notes.txt: not listed in manifest" in problems


def test_stale_staging_of_dead_run_is_cleaned(published, tmp_path):
    stale = tmp_path / ".dataset.staging-999999999"
    (stale / "json").mkdir(parents=True)
    do_publish(published)
    assert not stale.exists()
