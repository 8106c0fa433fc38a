"""Dataset card (README.md): front matter, structure from the schemas, sources, runnable snippets."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from runstrength.publish import publish, verify_dataset
from runstrength.publish.card import dataset_card, size_category
from runstrength.publish.datapackage import source_records
from schemas.tables import ALL_MODELS
from test_schemas import flow_outputs

VERSION = "1.2.0"
ARTEFACTS = ["README.md", "datapackage.json", "json/routines.jsonld", "report.html"]


def sample(break_row: bool = False):
    return flow_outputs(VERSION, break_row=break_row)


def publish_sample(out: Path, break_row: bool = False) -> Path:
    tables, rejects, export, sources = sample(break_row)
    return publish(out, tables, rejects, export, version=VERSION, sources=sources, artefacts=True)


def front_matter(card: str) -> dict:
    assert card.startswith("---\n")
    return yaml.safe_load(card.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return publish_sample(tmp_path_factory.mktemp("card") / "dataset", break_row=True)


@pytest.fixture(scope="module")
def card(dataset) -> str:
    return (dataset / "README.md").read_text(encoding="utf-8")


def test_artefacts_are_published_and_in_the_manifest(dataset):
    manifest = json.loads((dataset / "manifest.json").read_text())
    listed = {f["path"]: f for f in manifest["files"]}
    for rel in ARTEFACTS:
        data = (dataset / rel).read_bytes()
        assert listed[rel]["sha256"] == hashlib.sha256(data).hexdigest(), rel
        assert listed[rel]["bytes"] == len(data)
    assert verify_dataset(dataset) == []


def test_two_publishes_are_byte_identical(tmp_path):
    def snap(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert snap(publish_sample(tmp_path / "one")) == snap(publish_sample(tmp_path / "two"))


def test_front_matter(card, dataset):
    meta = front_matter(card)
    assert meta["pretty_name"]
    assert meta["license"] and meta["language"] == ["en"]
    assert meta["task_categories"] and meta["size_categories"] == ["n<1K"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert set(configs) == {"articles", "sections", "exercises", "dosages", "cues", "rejects"}
    assert [c["config_name"] for c in meta["configs"] if c.get("default")] == ["exercises"]
    for name, c in configs.items():
        (split,) = c["data_files"]
        assert split["path"] == f"parquet/{name}.parquet" and (dataset / split["path"]).is_file()


def test_sections_follow_the_template(card):
    headings = re.findall(r"^## (.+)$", card, flags=re.M)
    assert headings == ["Dataset Summary", "Dataset Structure", "Source Data",
                        "Data Collection and Processing", "Known Limitations", "How to load", "Citation"]
    assert "@misc{runstrength," in card and f"version      = {{{VERSION}}}" in card
    assert "spaCy" in card and "pandera" in card


def test_structure_documents_every_table_and_field_with_counts(card):
    counts = {"articles": 2, "sections": 1, "exercises": 3, "dosages": 3, "cues": 5, "rejects": 1}
    for table, model in ALL_MODELS.items():
        n = counts[table]
        assert f"### `{table}` ({n} {'row' if n == 1 else 'rows'})" in card
        for name, col in model.to_schema().columns.items():
            row = next(line for line in card.splitlines() if line.startswith(f"| `{name}` |")
                       and col.description.replace("|", "\\|") in line)
            assert ("nullable" in row) == bool(col.nullable), (table, name)
    assert "| `aliases` | list<string> |" in card
    assert "| `sets_min` | integer, nullable |" in card


def test_source_data_lists_files_and_hashes(card):
    tables, _, _, sources = sample()
    for s in sources:
        row = next(line for line in card.splitlines() if line.startswith(f"| {s['source_file']} |"))
        assert f"`{s['sha256']}`" in row
    assert "Run Clinic" in card


def test_card_is_deterministic_and_timeless(card):
    tables, rejects, _, sources = sample(break_row=True)
    again = dataset_card(tables, rejects, name="runstrength", version=VERSION, sources=list(reversed(sources)))
    assert again == card
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", card)


def test_source_records_tolerate_missing_and_extra_columns():
    tables, _, _, sources = sample()
    lean = {"articles": tables["articles"].drop(columns=["organization", "title"])}
    recs = source_records(lean, sources)
    assert [set(r) for r in recs] == [{"source_file", "sha256", "author"}, {"source_file", "sha256"}]
    rich = tables["articles"].assign(url=["https://example.org/a", None], licence=["CC-BY-4.0", None])
    recs = source_records({"articles": rich}, sources)
    assert recs[0]["url"] == "https://example.org/a" and recs[0]["license"] == "CC-BY-4.0"
    assert "url" not in recs[1]
    assert source_records(None, sources) == [{"source_file": s["source_file"], "sha256": s["sha256"]}
                                             for s in sources]
    tables_rich = {**tables, "articles": rich}
    _, rejects, _, _ = sample()
    card = dataset_card(tables_rich, rejects, name="runstrength", version=VERSION, sources=sources)
    assert "| source_file | sha256 | title | organization | url | license |" in card
    assert "https://example.org/a" in card


def test_size_categories():
    assert [size_category(n) for n in (0, 999, 1000, 99_999, 5_000_000, 10**8)] == [
        "n<1K", "n<1K", "1K<n<10K", "10K<n<100K", "1M<n<10M", "n>10M"]


def test_how_to_load_snippets_run(card, dataset):
    python_blocks = re.findall(r"```python\n(.*?)```", card, flags=re.S)
    sql_blocks = re.findall(r"```sql\n(.*?)```", card, flags=re.S)
    assert len(python_blocks) == 2 and len(sql_blocks) == 1
    for code in python_blocks:
        res = subprocess.run([sys.executable, "-c", code], cwd=dataset, capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
    # The SQL uses paths relative to the dataset dir, as a reader would run it there.
    runner = "import duckdb, json, sys; print(json.dumps(duckdb.sql(sys.argv[1]).fetchall()))"
    res = subprocess.run([sys.executable, "-c", runner, sql_blocks[0]], cwd=dataset,
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    # The glute bridge's only main dosage was rejected and calf raise has no canonical name.
    assert rows == [["side plank", 1, 3.0, None]]
