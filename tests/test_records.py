"""Per-article records and the streaming writer.

The articles here are written for the test (coach-style routines); none is
taken from the seed or dev articles.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from runstrength.extract.pipeline import extract_articles
from runstrength.ingest.reader import RawArticle
from runstrength.publish import check, writer
from runstrength.publish.records import ArticleRecord, EncodedBatch, encode_record, records_from_articles
from runstrength.publish.tables import to_export, to_tables
from runstrength.publish.validate import DatasetInvalid, validate_tables
from schemas.tables import ALL_MODELS, PRIMARY_KEYS, TABLE_MODELS

SHA = "ab" * 32

TEXTS = {
    "b-lunges": (
        "Lunge day\n\nWalking lunges: 3 sets of 10 reps per leg. Keep your front knee over your toes.\n\n"
        "Glute bridge: 2 x 15. Squeeze your glutes at the top.\n"
    ),
    "a-calves": (
        "Calf strength for runners\n\nSingle-leg calf raises - 3 x 12 each side. Lower slowly.\n\n"
        "Side plank: hold for 30 seconds, 3 rounds.\n"
    ),
    "a-calves-2": "Hip work\n\nClamshells: 2 sets of 20 with a band around your knees.\n",
}


def raws() -> list[RawArticle]:
    return [RawArticle(article_id=aid, source_file=f"{aid}.txt", sha256=SHA, text=text, encoding="utf-8")
            for aid, text in TEXTS.items()]


@pytest.fixture(scope="module")
def articles():
    return list(extract_articles(raws()))


def concat(records: list[ArticleRecord], table: str) -> pd.DataFrame:
    cols = list(TABLE_MODELS[table].to_schema().columns)
    rows = [dict(zip(cols, vals)) for r in records for vals in zip(*(r.tables[table][c] for c in cols))]
    return pd.DataFrame(rows, columns=cols)


def plain(df: pd.DataFrame, table: str) -> list[dict]:
    df = df.sort_values(PRIMARY_KEYS[table]).reset_index(drop=True)
    return json.loads(df.astype(object).where(df.notna(), None).to_json(orient="records"))


def test_records_hold_exactly_the_whole_batch_validation(articles) -> None:
    valid, rejects = validate_tables(to_tables(articles), ())
    records = records_from_articles(articles)
    assert [r.article_id for r in records] == [a.article_id for a in articles]
    assert len(rejects) == 0 and not any(r.rejects for r in records)
    for table in TABLE_MODELS:
        assert plain(concat(records, table), table) == plain(valid[table], table)
    export = to_export(articles, "", "", tables=valid)["articles"]
    assert sorted((r.export for r in records), key=lambda it: it["article_id"]) == export


def test_rows_of_a_record_are_its_own_and_sorted(articles) -> None:
    for rec in records_from_articles(articles):
        for table in TABLE_MODELS:
            cols = rec.tables[table]
            assert set(cols["article_id"]) <= {rec.article_id}
            pk = cols[PRIMARY_KEYS[table][0]]
            assert pk == sorted(pk)
    lunges = next(r for r in records_from_articles(articles) if r.article_id == "b-lunges")
    assert lunges.n_rows("exercises") == 2


def test_a_rejected_row_stays_with_its_article(articles) -> None:
    # 60 sets is out of range: the dosage is rejected, in the article it came from only.
    broken = []
    for a in articles:
        if a.article_id == "a-calves":
            ex = a.exercises[0]
            a = replace(a, exercises=[replace(ex, dosages=[replace(ex.dosages[0], sets_min=60, sets_max=60)]),
                                      *a.exercises[1:]])
        broken.append(a)
    records = {r.article_id: r for r in records_from_articles(broken)}
    assert [(x["table"], x["key"]) for x in records["a-calves"].rejects] == [("dosages", "a-calves/e01/d1")]
    assert records["b-lunges"].rejects == [] and records["a-calves-2"].rejects == []
    before = {r.article_id: r for r in records_from_articles(articles)}["a-calves"]
    assert records["a-calves"].n_rows("dosages") == before.n_rows("dosages") - 1
    assert len(before.export["exercises"][0]["dosages"]) == 1
    assert records["a-calves"].export["exercises"][0]["dosages"] == []


def test_a_rejected_dosage_before_a_kept_one_keeps_the_ids_apart(tmp_path: Path, articles) -> None:
    # Ids number everything extracted: the kept dosage stays d2 in the rows while the
    # export, which leaves the rejected one out, lists it first.  Both views must agree.
    broken = []
    for a in articles:
        if a.article_id == "a-calves":
            ex = a.exercises[0]
            bad = replace(ex.dosages[0], sets_min=60, sets_max=60)
            a = replace(a, exercises=[replace(ex, dosages=[bad, ex.dosages[0]]), *a.exercises[1:]])
        broken.append(a)
    records = sorted(records_from_articles(broken), key=lambda r: r.article_id)
    calves = records[0]
    assert [x["key"] for x in calves.rejects] == ["a-calves/e01/d1"]
    assert [k for k in calves.tables["dosages"]["dosage_id"] if k.startswith("a-calves/e01/")] == ["a-calves/e01/d2"]
    assert [d["sets_min"] for d in calves.export["exercises"][0]["dosages"]] == [3]
    publish(tmp_path / "ds", records)
    assert check.verify_dataset(tmp_path / "ds") == []


def publish(out: Path, records: list[ArticleRecord]) -> writer.PublishStats:
    return writer.publish_records(out, records, name="t", version="0.0.1")


def test_streamed_dataset_checks_out_deeply(tmp_path: Path, articles) -> None:
    records = sorted(records_from_articles(articles), key=lambda r: r.article_id)
    stats = publish(tmp_path / "ds", records)
    assert stats.row_counts["articles"] == 3 and stats.articles == 3
    # The Prefect artifact's summary comes from the same read-back as the card and report.
    assert stats.report_markdown.startswith("# runstrength build report")
    assert "| articles | 3 |" in stats.report_markdown and "| b-lunges |" in stats.report_markdown
    assert check.verify_dataset(tmp_path / "ds") == []
    export = json.loads((tmp_path / "ds/json/routines.json").read_text(encoding="utf-8"))
    # "a-calves" < "a-calves-2" < "b-lunges": article_id order, whatever order the files came in.
    assert [a["article_id"] for a in export["articles"]] == ["a-calves", "a-calves-2", "b-lunges"]
    cues = writer.read_parquet(tmp_path / "ds/parquet/cues.parquet", ALL_MODELS["cues"])
    assert list(cues["article_id"].drop_duplicates()) == ["a-calves", "a-calves-2", "b-lunges"]


@pytest.mark.parametrize("order", ["reversed", "repeated"])
def test_writer_refuses_ids_out_of_order(tmp_path: Path, articles, order: str) -> None:
    records = sorted(records_from_articles(articles), key=lambda r: r.article_id)
    bad = records[::-1] if order == "reversed" else [records[0], records[0]]
    with pytest.raises(DatasetInvalid, match="out of order or repeated"):
        publish(tmp_path / "ds", bad)
    assert not (tmp_path / "ds").exists()
    assert not list(tmp_path.glob(".ds.staging-*"))


def test_writer_refuses_an_export_item_that_disagrees_with_the_rows(tmp_path: Path, articles) -> None:
    records = sorted(records_from_articles(articles), key=lambda r: r.article_id)
    records[1].export = {**records[1].export, "exercises": []}
    with pytest.raises(DatasetInvalid, match="disagree"):
        publish(tmp_path / "ds", records)
    assert not (tmp_path / "ds").exists()


def test_an_item_breaking_the_json_schema_is_refused(articles) -> None:
    from runstrength.publish.records import check_export_item

    item = records_from_articles(articles)[0].export
    check_export_item(item)
    bad = json.loads(json.dumps(item))
    bad["exercises"][0]["order"] = 0
    with pytest.raises(DatasetInvalid, match="does not match its schema"):
        check_export_item(bad)


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": "é\n\"x\"", "b": [1, {"c": []}], "d": {}}, {"e": None}]])
def test_json_list_stream_is_byte_identical_to_json_dumps(tmp_path: Path, items: list) -> None:
    head = {"dataset": {"name": "n", "version": "1"}, "other": [1, 2]}
    path = tmp_path / "out.json"
    stream = writer._JsonListStream(path, head, "articles")
    for item in items:
        stream.write(item)
    stream.close()
    assert path.read_bytes() == writer.json_bytes({**head, "articles": items})


def test_parquet_row_groups_have_a_fixed_size(tmp_path: Path, monkeypatch, articles) -> None:
    import pyarrow.parquet as pq

    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 2)
    monkeypatch.setattr(writer, "ARTICLE_GROUP_ROWS", 1)
    records = sorted(records_from_articles(articles), key=lambda r: r.article_id)
    # More rows than one group, arriving per article in uneven numbers (here 2, 1, 2 exercises).
    assert [r.n_rows("exercises") for r in records] == [2, 1, 2]
    publish(tmp_path / "ds", records)
    for table, size in (("exercises", 2), ("articles", 1)):
        meta = pq.read_metadata(tmp_path / f"ds/parquet/{table}.parquet")
        sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        assert sum(sizes) == sum(r.n_rows(table) for r in records)
        assert all(s == size for s in sizes[:-1]) and 0 < sizes[-1] <= size, sizes


def test_encoded_batch_gives_back_every_record_unchanged(articles) -> None:
    import pickle

    records = records_from_articles(articles)
    batch = EncodedBatch.of(records)
    assert batch.article_ids == [r.article_id for r in records]
    assert all(isinstance(p, bytes) for p in batch.payloads) and batch.fallback == {}
    # What crosses the process boundary: only bytes and ids, whatever pickle does with them.
    again = pickle.loads(pickle.dumps(batch))
    assert [again.record(j) for j in range(len(again))] == records
    # The payload is the JSON a cache entry holds.
    assert json.loads(batch.payloads[0]) == records[0].to_dict()


def test_a_record_json_cannot_carry_travels_as_itself(articles) -> None:
    records = records_from_articles(articles)
    odd = replace(records[0], flags=("from_sidecar",))  # a tuple would come back from JSON as a list
    assert encode_record(odd) is None
    batch = EncodedBatch.of([odd, records[1]])
    assert batch.payloads[0] is None and list(batch.fallback) == [0]
    assert batch.record(0) is odd and batch.record(1) == records[1]


def test_with_a_store_the_payloads_stay_there_and_only_ids_travel(articles) -> None:
    import pickle

    records = records_from_articles(articles)
    odd = replace(records[1], flags=("from_sidecar",))  # JSON cannot carry it: travels as itself
    store: dict[str, bytes | None] = {}

    class Store:
        def put_payload(self, key: str, payload: bytes | None) -> bool:
            store[key] = payload
            return payload is not None

    batch = pickle.loads(pickle.dumps(EncodedBatch.of([records[0], odd], Store(), ["k0", "k1"])))
    assert store == {"k0": encode_record(records[0])}
    assert batch.payloads == [None, None] and batch.stored(0) and not batch.stored(1)
    assert batch.record(1) == odd
    with pytest.raises(LookupError):
        batch.record(0)
    with pytest.raises(ValueError):
        EncodedBatch.of(records, Store(), ["only-one"])
