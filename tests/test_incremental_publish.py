"""Incremental publishing: unchanged articles are copied from the previous dataset, byte for byte.

The articles are written for this test (made-up routines), none comes from the
seed or dev articles.  Row groups are made tiny so copied runs start and end
inside row groups and span several of them.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from runstrength.extract.pipeline import extract_articles
from runstrength.ingest.reader import RawArticle
from runstrength.publish import check, writer
from runstrength.publish.records import ArticleRecord, records_from_articles

EXERCISES = ["Goblet squats", "Step-ups", "Single-leg deadlifts", "Side planks", "Calf raises", "Clamshells",
             "Glute bridges", "Reverse lunges"]
CUES = ["Keep your chest tall.", "Move slowly on the way down.", "Brace your core throughout.",
        "Push through your heel."]


def text(i: int, variant: int = 0) -> str:
    lines = [f"Runner strength plan {i}", ""]
    for k in range(1 + i % 3):
        name = EXERCISES[(i + k) % len(EXERCISES)]
        lines.append(f"{name}: {2 + (i + k + variant) % 3} sets of {8 + 2 * k + variant} reps. {CUES[(i + k) % 4]}")
        lines.append("")
    return "\n".join(lines)


def raw(i: int, variant: int = 0) -> RawArticle:
    aid = f"art-{i:02d}"
    return RawArticle(article_id=aid, source_file=f"{aid}.txt", sha256=f"{i:064x}", text=text(i, variant),
                      encoding="utf-8")


def records(raws: list[RawArticle]) -> list[ArticleRecord]:
    return sorted(records_from_articles(list(extract_articles(raws))), key=lambda r: r.article_id)


@pytest.fixture(autouse=True)
def tiny_row_groups(monkeypatch):
    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 5)
    monkeypatch.setattr(writer, "ARTICLE_GROUP_ROWS", 2)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def publish(out: Path, items, previous=None) -> writer.PublishStats:
    return writer.publish_records(out, items, name="t", version="0.0.1", previous=previous)


@pytest.fixture(scope="module")
def before() -> list[ArticleRecord]:
    return records([raw(i) for i in range(12)])


@pytest.mark.parametrize("kernel_copy", [True, False], ids=["copy_file_range", "read-write"])
def test_copying_unchanged_articles_gives_the_bytes_of_a_full_rewrite(tmp_path: Path, before, monkeypatch,
                                                                      kernel_copy: bool) -> None:
    if not kernel_copy:  # a system without copy_file_range (or a filesystem refusing it)
        def refuse(*args):
            raise OSError(95, "Operation not supported")

        monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    out = tmp_path / "ds"
    first = publish(out, before)
    assert first.reused == 0 and len(first.index) == 12
    # Change articles 3 and 7, drop 5, add 12: what a rebuild after edits in raw/ looks like.
    changed = {r.article_id: r for r in records([raw(3, 1), raw(7, 1), raw(12)])}
    after = [r for r in before if r.article_id not in ("art-03", "art-05", "art-07")] + list(changed.values())
    after.sort(key=lambda r: r.article_id)
    assert changed["art-03"].tables["dosages"] != before[3].tables["dosages"]  # the edit is visible in the rows

    full = publish(tmp_path / "full", after)
    position = {aid: j for j, aid in enumerate(first.index.article_ids)}
    items = [changed.get(r.article_id) or writer.Reuse(position[r.article_id]) for r in after]
    incr = publish(out, items, previous=writer.PreviousDataset(out, first.index))

    assert incr.reused == 9
    assert files(out) == files(tmp_path / "full")
    assert incr.index.to_dict() == full.index.to_dict()
    assert incr.row_counts == full.row_counts
    assert check.verify_dataset(out) == []
    exported = json.loads((out / "json/routines.json").read_text(encoding="utf-8"))["articles"]
    assert [a["article_id"] for a in exported] == [r.article_id for r in after]


def test_an_index_of_an_incremental_publish_serves_the_next_one(tmp_path: Path, before) -> None:
    out = tmp_path / "ds"
    first = publish(out, before)
    second_changed = records([raw(0, 2)])[0]
    items = [second_changed] + [writer.Reuse(j) for j in range(1, 12)]
    second = publish(out, items, previous=writer.PreviousDataset(out, first.index))
    # The index went through JSON (as the build cache keeps it) before the third build.
    index = writer.PublishedIndex.from_dict(json.loads(json.dumps(second.index.to_dict())))
    third_changed = records([raw(11, 1)])[0]
    third = publish(out, [writer.Reuse(j) for j in range(11)] + [third_changed],
                    previous=writer.PreviousDataset(out, index))
    expected = publish(tmp_path / "full", [second_changed, *before[1:11], third_changed])
    assert third.reused == 11
    assert files(out) == files(tmp_path / "full")
    assert third.index.to_dict() == expected.index.to_dict()


def test_the_published_index_points_at_each_articles_item(tmp_path: Path, before) -> None:
    stats = publish(tmp_path / "ds", before)
    data = (tmp_path / "ds/json/routines.json").read_bytes()
    for aid, (start, end) in zip(stats.index.article_ids, stats.index.json):
        assert json.loads(data[start:end])["article_id"] == aid
    ld = (tmp_path / "ds/json/routines.jsonld").read_bytes()
    for rec, (start, end, n) in zip(before, stats.index.jsonld):
        assert n == len(rec.export["exercises"])
        items = json.loads(b"[" + ld[start:end] + b"]")
        assert len(items) == n
    assert list(stats.index.rows["exercises"]) == [r.n_rows("exercises") for r in before]


def test_a_reused_article_needs_a_previous_dataset(tmp_path: Path) -> None:
    with pytest.raises(writer.PublishError, match="no previous dataset"):
        publish(tmp_path / "ds", [writer.Reuse(0)])
    assert not (tmp_path / "ds").exists()


def test_a_previous_dataset_that_does_not_match_its_index_is_refused(tmp_path: Path, before) -> None:
    out = tmp_path / "ds"
    first = publish(out, before)
    prev = writer.PreviousDataset(out, first.index)
    assert prev.problem(jsonld=True) is None
    shorter = writer.PublishedIndex.from_dict({**first.index.to_dict()})
    shorter.rows["cues"][0] += 1
    assert "cues.parquet has" in writer.PreviousDataset(out, shorter).problem(jsonld=True)
    path = out / "json/routines.json"
    path.write_bytes(path.read_bytes()[:100])
    assert "routines.json is shorter" in prev.problem(jsonld=True)


def test_index_with_columns_of_different_lengths_is_refused(before, tmp_path: Path) -> None:
    d = publish(tmp_path / "ds", before).index.to_dict()
    d["sha256"] = d["sha256"][:-1]
    with pytest.raises(ValueError, match="different lengths"):
        writer.PublishedIndex.from_dict(d)


def test_compact_columns_behave_like_lists() -> None:
    from runstrength.publish.columns import Spans, StringLists, Strings

    words = ["art-01", "", "é-ü/ß.txt", "x" * 300]
    s = Strings(words)
    assert list(s) == words and len(s) == 4 and s[2] == "é-ü/ß.txt" and s[-1] == "x" * 300 and s[1:3] == words[1:3]
    with pytest.raises(IndexError):
        s[4]
    flags = StringLists([[], ["no_exercises"], ["sidecar", "mojibake_repaired"]])
    assert list(flags) == [[], ["no_exercises"], ["sidecar", "mojibake_repaired"]] and flags[1:] == [
        ["no_exercises"], ["sidecar", "mojibake_repaired"]]
    with pytest.raises(ValueError):
        flags.append([""])  # would read back as no flag at all
    spans = Spans(3, [(0, 10, 2), (10, 10, 0)])
    spans.append((12, 40, 1))
    assert list(spans) == [(0, 10, 2), (10, 10, 0), (12, 40, 1)] and spans[1:] == [(10, 10, 0), (12, 40, 1)]
    with pytest.raises(ValueError):
        spans.append((1, 2))


def _rows(schema, start: int, n: int) -> dict[str, list]:
    import pyarrow as pa

    def value(f, i):
        if pa.types.is_list(f.type):
            return [f"muscle-{i % 7}"]
        if pa.types.is_integer(f.type):
            return i * 37 % 1000
        if pa.types.is_boolean(f.type):
            return i % 3 == 0
        # Distinct long strings: the dictionary outgrows its page and the writer falls
        # back to plain encoding, where page breaks used to follow the buffering.
        return f"{f.name}-{i}-" + "x" * (600 + i % 50)

    return {f.name: [value(f, i) for i in range(start, start + n)] for f in schema}


def test_parquet_bytes_do_not_depend_on_how_rows_were_buffered(tmp_path: Path, monkeypatch) -> None:
    """Rows buffered as one list, as many Arrow chunks, or copied from another file: the same bytes.

    Row groups of more than 1 MB of distinct strings make the Parquet writer give
    up dictionary encoding part-way, at a point that follows the Arrow chunks it
    is handed unless the writer hands it one chunk per column.
    """
    from schemas.tables import ALL_MODELS

    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 3000)
    n = 7000
    outputs = []
    for seal, step in ((10**9, n), (97, 13), (500, 250)):
        monkeypatch.setattr(writer, "SEAL_ROWS", seal)
        path = tmp_path / f"cues-{seal}.parquet"
        stream = writer._TableStream(path, ALL_MODELS["cues"])
        for start in range(0, n, step):
            stream.append(_rows(stream.schema, start, min(step, n - start)))
        stream.close()
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
