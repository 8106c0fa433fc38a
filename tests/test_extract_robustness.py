"""Extraction never raises on odd layouts: the line-role, table and dosage readers index into
cells, tokens and matches, and scraped pages bring lines no rule was written for (a lone pipe,
a bullet with nothing after it, a heading of punctuation).  A raising article is quarantined by
the build, so a crash costs a whole page; these tests look for one on random pages built from
the pieces such layouts are made of.
"""
from __future__ import annotations

import random

from runstrength.extract.pipeline import extract_articles
from runstrength.ingest.reader import RawArticle

# Table cells, list markers, dose pieces, headings and page furniture, as single tokens.
PIECES = ["|", "||", "\t", "Exercise", "Sets", "Reps", "Hold", "3", "x", "10", "-", "•", ":", "(", ")", "1.", "2)",
          "#", "*", "Squat", "Plank", "Heel raise", "Week 1", "Rest", "seconds", "each side", "Repeat", "times", "",
          "A:", "B1", "Set 2:", "Day 1", "/", "&", "½", "–", "Round", "of", "and", "or", "30s", "2x10", "Stage 1",
          "Tempo", "Why:", "How:", "Note", "?", "!", ".", ",", "Progression", "Superset", "Circuit", "Warm-up", "©",
          "http://example.org"]


def random_page(rng: random.Random) -> str:
    lines = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 15))]
    return ("Strength Routine\n\n" if rng.random() < 0.5 else "") + "\n".join(lines)


def test_no_random_page_of_layout_pieces_makes_extraction_raise():
    rng = random.Random(20261121)
    raws = [RawArticle(f"r{i:03d}", f"r{i:03d}.txt", "0" * 64, random_page(rng), "utf-8") for i in range(400)]
    failed: list[tuple[RawArticle, str]] = []
    articles = list(extract_articles(raws, failed=failed))
    assert [(raw.text, why) for raw, why in failed] == []
    assert len(articles) == len(raws)
