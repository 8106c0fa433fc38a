"""The invented articles (tests/invented) go through extraction and validation whole.

They imitate noisy scraped pages (site headers, bylines, tables, phased handouts):
none may be quarantined, come out without exercises, or break the records check.
Their scores are tracked with `runstrength eval`, not asserted here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from runstrength.extract.pipeline import extract_articles
from runstrength.ingest.reader import read_all
from runstrength.publish.records import records_from_articles

INVENTED = Path(__file__).parent / "invented"


@pytest.fixture(scope="module")
def extracted():
    raws, rejects = read_all(INVENTED / "raw")
    assert not rejects
    failed: list = []
    articles = list(extract_articles(raws, failed=failed))
    return raws, articles, failed


def test_every_invented_article_is_extracted(extracted) -> None:
    raws, articles, failed = extracted
    assert failed == []
    assert sorted(a.source_file for a in articles) == sorted(r.source_file for r in raws)


def test_every_invented_article_yields_its_gold_exercise_count_or_close(extracted) -> None:
    # Not a score: a page whose routine is lost entirely (0 exercises) or flooded with
    # clutter (twice the gold) shows a structural failure.
    _, articles, _ = extracted
    for a in articles:
        gold = json.loads((INVENTED / "gold" / f"{Path(a.source_file).stem}.json").read_text())
        n_gold = len(gold["exercises"])
        assert n_gold // 2 <= len(a.exercises) <= 2 * n_gold, (a.source_file, len(a.exercises), n_gold)


def test_invented_articles_tabulate_and_validate(extracted) -> None:
    _, articles, _ = extracted
    records = records_from_articles(articles, dataset_name="t", version="0")
    assert [r.article_id for r in records] == [a.article_id for a in articles]
    assert all(r.export is not None for r in records)
