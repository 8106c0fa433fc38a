"""Table models, integrity checks and the reject logic of validate_tables.

The two articles below are written by hand; every offset is computed from the
text itself so a test can check `text[start:end]` directly.
"""
from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from runstrength.model import Article, Dosage, Exercise, Reject, Section, Sentence
from runstrength.publish import DatasetInvalid, to_export, to_tables, validate_tables
from schemas.tables import ALL_MODELS, TABLE_MODELS, check_integrity

TEXT_A = (
    "Strength for Runners\n"
    "By Jane Doe, Run Clinic. Do this routine 2-3 times a week.\n"
    "Circuit 1 (3 sets)\n"
    "Glute bridge: 10 reps. Squeeze your glutes at the top. This builds hip strength.\n"
    "Side plank: hold 30 seconds each side. Keep your hips high.\n"
)
TEXT_B = (
    "Calf raises for runners\n"
    "Calf raise: 3 x 15. Rise slowly onto your toes. Strong calves protect the Achilles.\n"
)
A, B = "000_aaaaaaaaaaaaaaaa", "001_bbbbbbbbbbbbbbbb"


def span(text: str, s: str) -> tuple[int, int]:
    start = text.index(s)
    return start, start + len(s)


def sentence(text: str, s: str, kind: str | None = None) -> Sentence:
    start, end = span(text, s)
    return Sentence(text=s, start=start, end=end, kind=kind)


def make_articles() -> list[Article]:
    """Two small articles: A has a section and two exercises, B one exercise and no section."""
    sec_start, sec_end = span(TEXT_A, "Circuit 1 (3 sets)")
    bridge = Exercise(
        exercise_id=f"{A}/e01", name="Glute bridge", canonical_name="glute bridge", order=1,
        section_id=f"{A}/s01", category="hinge", aliases=["Bridge"],
        dosages=[Dosage(stage="main", sets_min=3, sets_max=3, reps_min=10, reps_max=10,
                        inherited_from="section", text="10 reps",
                        start=span(TEXT_A, "10 reps")[0], end=span(TEXT_A, "10 reps")[1])],
        cues=[sentence(TEXT_A, "Squeeze your glutes at the top.", "form")],
        purpose=[sentence(TEXT_A, "This builds hip strength.")],
        muscles=["glutes"], equipment=[],
        start=span(TEXT_A, "Glute bridge")[0], end=span(TEXT_A, "Glute bridge")[1],
    )
    plank = Exercise(
        exercise_id=f"{A}/e02", name="Side plank", canonical_name="side plank", order=2,
        section_id=f"{A}/s01", category="core",
        dosages=[
            Dosage(stage="main", sets_min=3, sets_max=3, per_side=True, hold_seconds_min=30,
                   hold_seconds_max=30, inherited_from="section", text="hold 30 seconds each side",
                   start=span(TEXT_A, "hold 30 seconds each side")[0],
                   end=span(TEXT_A, "hold 30 seconds each side")[1]),
            Dosage(stage="target", hold_seconds_min=60, hold_seconds_max=60, text="60 seconds",
                   rest_text="rest 30 seconds"),
        ],
        cues=[sentence(TEXT_A, "Keep your hips high.", "form")],
        muscles=["obliques", "core"], equipment=["mat"],
        start=span(TEXT_A, "Side plank")[0], end=span(TEXT_A, "Side plank")[1],
    )
    calf = Exercise(
        exercise_id=f"{B}/e01", name="Calf raise", canonical_name=None, order=1,
        dosages=[Dosage(sets_min=3, sets_max=3, reps_min=15, reps_max=15, text="3 x 15",
                        start=span(TEXT_B, "3 x 15")[0], end=span(TEXT_B, "3 x 15")[1])],
        cues=[sentence(TEXT_B, "Rise slowly onto your toes.", "tempo")],
        purpose=[sentence(TEXT_B, "Strong calves protect the Achilles.")],
        muscles=["calves"],
    )
    return [
        Article(
            article_id=A, source_file=f"{A}.txt", sha256=hashlib.sha256(TEXT_A.encode()).hexdigest(),
            text=TEXT_A, title="Strength for Runners", organization="Run Clinic", author="Jane Doe",
            frequency_min=2, frequency_max=3,
            sections=[Section(section_id=f"{A}/s01", title="Circuit 1", order=1,
                              start=sec_start, end=sec_end, sets_min=3, sets_max=3)],
            exercises=[bridge, plank],
        ),
        Article(
            article_id=B, source_file=f"{B}.txt", sha256=hashlib.sha256(TEXT_B.encode()).hexdigest(),
            text=TEXT_B, title="Calf raises for runners", frequency_min=2, frequency_max=None,
            exercises=[calf], flags=["no_sections"],
        ),
    ]


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return to_tables(make_articles())


def set_cell(df: pd.DataFrame, key_col: str, key: str, col: str, value) -> None:
    df.loc[df[key_col] == key, col] = value


def flow_outputs(version: str, *, break_row: bool = False, reverse_sources: bool = False):
    """tables, rejects, export and sources the way the flow makes them, from the hand-made articles.

    break_row: one dosage gets 0 sets, so validation rejects it.  reverse_sources:
    the source list comes in the opposite order (publishing must sort it).
    """
    articles = make_articles()
    tables = to_tables(articles)
    if break_row:
        set_cell(tables["dosages"], "dosage_id", f"{A}/e01/d1", "sets_min", 0)
    tables, rejects = validate_tables(tables)
    export = to_export(articles, "runstrength", version, tables=tables)
    sources = [{"source_file": a.source_file, "sha256": a.sha256} for a in articles]
    return tables, rejects, export, sources[::-1] if reverse_sources else sources


def rejects_for(rejects: pd.DataFrame, table: str) -> dict[str, set[str]]:
    sub = rejects[rejects["table"] == table]
    out: dict[str, set[str]] = {}
    for key, reason in zip(sub["key"], sub["reason"]):
        out.setdefault(key, set()).add(reason)
    return out


# --- valid data -----------------------------------------------------------


def test_to_tables_shapes_and_dtypes(tables):
    assert {n: len(df) for n, df in tables.items()} == {
        "articles": 2, "sections": 1, "exercises": 3, "dosages": 4, "cues": 5}
    assert list(tables["dosages"]["dosage_id"]) == [
        f"{A}/e01/d1", f"{A}/e02/d1", f"{A}/e02/d2", f"{B}/e01/d1"]
    assert set(tables["cues"]["cue_id"]) == {
        f"{A}/e01/c1", f"{A}/e01/p1", f"{A}/e02/c1", f"{B}/e01/c1", f"{B}/e01/p1"}
    for name, df in tables.items():
        schema = TABLE_MODELS[name].to_schema()
        assert list(df.columns) == list(schema.columns), name
    assert str(tables["dosages"]["sets_min"].dtype) == "Int64"
    assert str(tables["exercises"]["section_id"].dtype) == "string"
    assert str(tables["dosages"]["per_side"].dtype) == "boolean"
    assert tables["exercises"]["aliases"].iloc[0] == ["Bridge"]
    # Purpose sentences carry no kind.
    cues = tables["cues"].set_index("cue_id")
    assert pd.isna(cues.loc[f"{A}/e01/p1", "kind"]) and cues.loc[f"{A}/e01/c1", "kind"] == "form"


def test_offsets_are_traceable(tables):
    text = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    for rec in tables["cues"].to_dict("records"):
        assert text[rec["article_id"]][rec["start"]:rec["end"]] == rec["text"]


def test_valid_tables_pass(tables):
    for name, model in TABLE_MODELS.items():
        model.validate(tables[name], lazy=True)
    assert check_integrity(tables) == []
    clean, rejects = validate_tables(tables)
    assert rejects.empty
    assert list(rejects.columns) == ["table", "key", "reason", "message", "row"]
    for name in TABLE_MODELS:
        pd.testing.assert_frame_equal(clean[name], tables[name])


def test_empty_tables_keep_their_schema():
    empty = to_tables([])
    clean, rejects = validate_tables(empty)
    assert all(len(df) == 0 for df in clean.values())
    assert str(empty["dosages"]["reps_min"].dtype) == "Int64"


# --- each check catches a bad row -----------------------------------------

BAD_ROWS = [
    # (id, table, key column, key, column, bad value, expected reason)
    ("sets_zero", "dosages", "dosage_id", f"{A}/e01/d1", "sets_min", 0, "in_range(1, 50)"),
    ("sets_too_many", "sections", "section_id", f"{A}/s01", "sets_max", 51, "in_range(1, 50)"),
    ("reps_too_many", "dosages", "dosage_id", f"{B}/e01/d1", "reps_max", 1001, "in_range(1, 1000)"),
    ("reps_min_gt_max", "dosages", "dosage_id", f"{B}/e01/d1", "reps_min", 20, "reps_min_le_max"),
    ("hold_min_gt_max", "dosages", "dosage_id", f"{A}/e02/d1", "hold_seconds_min", 45,
     "hold_seconds_min_le_max"),
    ("unknown_stage", "dosages", "dosage_id", f"{A}/e01/d1", "stage", "warmup",
     "isin(['main', 'start', 'target', 'progression'])"),
    ("unknown_inherited_from", "dosages", "dosage_id", f"{A}/e01/d1", "inherited_from", "circuit",
     "isin(['exercise', 'section', 'article'])"),
    ("frequency_zero", "articles", "article_id", B, "frequency_per_week_min", 0, "in_range(1, 50)"),
    ("order_zero", "sections", "section_id", f"{A}/s01", "order", 0, "greater_than_or_equal_to(1)"),
    ("negative_offset", "cues", "cue_id", f"{B}/e01/c1", "start", -1, "greater_than_or_equal_to(0)"),
    ("end_before_start", "dosages", "dosage_id", f"{B}/e01/d1", "end", 0, "end_after_start"),
    ("unknown_cue_kind", "cues", "cue_id", f"{A}/e01/c1", "kind", "vibes", None),
    ("purpose_with_kind", "cues", "cue_id", f"{A}/e01/p1", "kind", "form", "kind_matches_role"),
    ("cue_without_kind", "cues", "cue_id", f"{A}/e01/c1", "kind", pd.NA, "kind_matches_role"),
    ("unknown_role", "cues", "cue_id", f"{A}/e01/c1", "role", "tip", "isin(['cue', 'purpose'])"),
    ("null_name", "exercises", "exercise_id", f"{B}/e01", "name", pd.NA, "not_nullable"),
    ("bad_sha", "articles", "article_id", B, "source_sha256", "xyz", "str_matches('^[0-9a-f]{64}$')"),
    # Cross-table rules.
    ("dangling_exercise", "dosages", "dosage_id", f"{B}/e01/d1", "exercise_id", f"{B}/e99",
     "dangling_exercise_id"),
    ("dangling_article", "sections", "section_id", f"{A}/s01", "article_id", "999_nope",
     "dangling_article_id"),
    ("offset_past_end", "cues", "cue_id", f"{B}/e01/p1", "end", len(TEXT_B) + 5, "offset_out_of_range"),
    ("dosage_offset_past_end", "dosages", "dosage_id", f"{B}/e01/d1", "end", len(TEXT_B) + 1,
     "offset_out_of_range"),
    ("cue_text_differs", "cues", "cue_id", f"{A}/e02/c1", "text", "Keep your hips low.", "text_mismatch"),
    ("exercise_in_foreign_section", "exercises", "exercise_id", f"{B}/e01", "section_id", f"{A}/s01",
     "section_article_mismatch"),
    ("dangling_section", "exercises", "exercise_id", f"{B}/e01", "section_id", f"{B}/s09",
     "dangling_section_id"),
]


@pytest.mark.parametrize("table,key_col,key,col,value,reason",
                         [r[1:] for r in BAD_ROWS], ids=[r[0] for r in BAD_ROWS])
def test_bad_row_is_rejected_with_reason(tables, table, key_col, key, col, value, reason):
    set_cell(tables[table], key_col, key, col, value)
    clean, rejects = validate_tables(tables)
    got = rejects_for(rejects, table)
    assert key in got, rejects
    if reason is not None:
        assert reason in got[key]
    else:
        assert any(r.startswith("isin(") for r in got[key])
    # The row left its table and nothing else in that table did (unless it was a child).
    assert key not in set(clean[table][key_col])
    assert len(clean[table]) == len(tables[table]) - 1
    row = json.loads(rejects.loc[rejects["key"] == key, "row"].iloc[0])
    assert row[key_col] == key


def test_duplicate_ids_reject_every_copy(tables):
    cues = tables["cues"]
    dup = cues[cues["cue_id"] == f"{B}/e01/c1"]
    tables["cues"] = pd.concat([cues, dup], ignore_index=True)
    clean, rejects = validate_tables(tables)
    hit = rejects[(rejects["table"] == "cues") & (rejects["key"] == f"{B}/e01/c1")]
    # Which copy is right is unknowable, so both go, each with its reason.
    assert list(hit["reason"]) == ["field_uniqueness", "field_uniqueness"]
    assert f"{B}/e01/c1" not in set(clean["cues"]["cue_id"])
    assert len(clean["cues"]) == len(cues) - 1


def test_nothing_is_silently_dropped(tables):
    set_cell(tables["dosages"], "dosage_id", f"{A}/e01/d1", "sets_min", 0)
    set_cell(tables["cues"], "cue_id", f"{B}/e01/p1", "text", "nope")
    clean, rejects = validate_tables(tables)
    for name in TABLE_MODELS:
        assert len(clean[name]) + (rejects["table"] == name).sum() == len(tables[name]), name


# --- cascading rejects ------------------------------------------------------


def test_rejected_exercise_cascades_to_dosages_and_cues(tables):
    set_cell(tables["exercises"], "exercise_id", f"{A}/e02", "order", 0)
    clean, rejects = validate_tables(tables)
    assert rejects_for(rejects, "exercises") == {f"{A}/e02": {"greater_than_or_equal_to(1)"}}
    assert rejects_for(rejects, "dosages") == {
        f"{A}/e02/d1": {"parent_rejected"}, f"{A}/e02/d2": {"parent_rejected"}}
    assert rejects_for(rejects, "cues") == {f"{A}/e02/c1": {"parent_rejected"}}
    assert not clean["dosages"]["exercise_id"].eq(f"{A}/e02").any()
    # Counts follow the published rows.
    arts = clean["articles"].set_index("article_id")
    assert arts.loc[A, "n_exercises"] == 1 and arts.loc[B, "n_exercises"] == 1
    assert check_integrity(clean) == []


def test_rejected_article_cascades_to_everything_below(tables):
    set_cell(tables["articles"], "article_id", A, "frequency_per_week_max", 1)  # min 2 > max 1
    clean, rejects = validate_tables(tables)
    assert rejects_for(rejects, "articles") == {A: {"frequency_min_le_max"}}
    for name in ("sections", "exercises", "dosages", "cues"):
        assert not clean[name]["article_id"].eq(A).any(), name
        reasons = set(rejects.loc[rejects["table"] == name, "reason"])
        assert reasons == {"parent_rejected"}, name
    assert list(clean["articles"]["article_id"]) == [B]
    assert check_integrity(clean) == []


def test_rejected_section_cascades_to_its_exercises(tables):
    set_cell(tables["sections"], "section_id", f"{A}/s01", "end", 10_000)
    clean, rejects = validate_tables(tables)
    assert rejects_for(rejects, "sections") == {f"{A}/s01": {"offset_out_of_range"}}
    assert rejects_for(rejects, "exercises") == {
        f"{A}/e01": {"parent_rejected"}, f"{A}/e02": {"parent_rejected"}}
    assert len(clean["dosages"]) == 1 and len(clean["cues"]) == 2


def test_ingest_rejects_are_merged(tables):
    ingest = [Reject(table="source", key="007_empty.txt", reason="empty_file", message="file is empty")]
    _, rejects = validate_tables(tables, ingest)
    assert rejects.to_dict("records") == [dict(
        table="source", key="007_empty.txt", reason="empty_file", message="file is empty", row=None)]
    ALL_MODELS["rejects"].validate(rejects)


# --- failures that invalidate the whole dataset -----------------------------


def test_missing_column_invalidates_dataset(tables):
    tables["dosages"] = tables["dosages"].drop(columns=["reps_min"])
    with pytest.raises(DatasetInvalid, match="reps_min"):
        validate_tables(tables)


def test_extra_column_invalidates_dataset(tables):
    tables["cues"]["surprise"] = 1
    with pytest.raises(DatasetInvalid, match="surprise"):
        validate_tables(tables)


def test_wrong_column_dtype_invalidates_dataset(tables):
    tables["dosages"]["sets_min"] = tables["dosages"]["sets_min"].astype("float64")
    with pytest.raises(DatasetInvalid, match="sets_min"):
        validate_tables(tables)


def test_missing_table_invalidates_dataset(tables):
    del tables["cues"]
    with pytest.raises(DatasetInvalid, match="cues"):
        validate_tables(tables)
