"""Pandera models of the published Parquet tables, and cross-table integrity checks.

One `DataFrameModel` per table.  Field descriptions are the single source of
documentation: the writer copies them into Parquet field metadata, so keep them
accurate.  Models are strict (no extra/missing columns) and never coerce: a
dtype mismatch means the producer is broken, not that a row is bad, and the
validation layer treats it as fatal for the whole dataset.

Per-row checks live on the models; checks that need more than one table live in
`check_integrity`, which returns failures tied to a row key so the caller can
reject exactly those rows.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from runstrength.model import CUE_KINDS, INHERITED_FROM, SENTENCE_ROLES, STAGES

# Marks an object column as list<string>; the writer reads it to build the Arrow type.
LIST_OF_STRINGS = {"arrow_type": "list<string>"}

SETS = {"min_value": 1, "max_value": 50}
REPS = {"min_value": 1, "max_value": 1000}
SECONDS = {"min_value": 1, "max_value": 7200}
FREQUENCY = {"min_value": 1, "max_value": 50}
SHA256 = r"^[0-9a-f]{64}$"


def _min_le_max(df: pd.DataFrame, lo: str, hi: str) -> pd.Series:
    # A missing bound cannot contradict the other one.
    ok = df[lo].isna() | df[hi].isna() | (df[lo] <= df[hi])
    return ok.fillna(True).astype(bool)


def _end_after_start(df: pd.DataFrame) -> pd.Series:
    return _both_or_neither(df, "start", "end") & _min_lt_max(df, "start", "end")


def _min_lt_max(df: pd.DataFrame, lo: str, hi: str) -> pd.Series:
    ok = df[lo].isna() | df[hi].isna() | (df[lo] < df[hi])
    return ok.fillna(True).astype(bool)


def _both_or_neither(df: pd.DataFrame, a: str, b: str) -> pd.Series:
    # Half an offset pair cannot be traced back to the text.
    return (df[a].isna() == df[b].isna()).astype(bool)


def _is_list_of_str(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) and x for x in value)


class _Base(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = False


class ArticlesModel(_Base):
    """One row per published article: metadata, the decoded text every offset points into, and counts."""

    article_id: Series[pd.StringDtype] = pa.Field(
        unique=True, str_length={"min_value": 1},
        description="Stable article id derived from the source file (e.g. hip-routine for raw/hip-routine.txt).")
    source_file: Series[pd.StringDtype] = pa.Field(
        unique=True, str_length={"min_value": 1},
        description="File name of the article relative to the raw directory.")
    source_sha256: Series[pd.StringDtype] = pa.Field(
        str_matches=SHA256, description="SHA-256 (hex) of the raw file's bytes.")
    title: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Article title, null when the text has none.")
    organization: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Clinic or publisher named by the text, or null.")
    author: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Author named by the text, or null.")
    frequency_per_week_min: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=FREQUENCY,
        description="Fewest sessions per week the article recommends; null for a cap only (\"no more than once a week\") or when unstated.")
    frequency_per_week_max: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=FREQUENCY,
        description="Most sessions per week the article recommends; null for an open upper bound or when unstated.")
    n_sections: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Number of published sections of this article.")
    n_exercises: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Number of published exercises of this article.")
    n_chars: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Length of `text` in characters (Python str length, i.e. code points).")
    text: Series[pd.StringDtype] = pa.Field(
        description="Decoded article text; all start/end offsets are character offsets into it.")
    flags: Series[object] = pa.Field(
        metadata=LIST_OF_STRINGS,
        description="Extraction flags for the article, e.g. no_exercises (list of strings).")
    url: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Where the article was published (sidecar, front matter or page metadata), or null.")
    license: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Licence of the article text as given by its sidecar or front matter, or null.")
    retrieved: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Date the article was collected, as given by its sidecar or front matter, or null.")
    published: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Publication date from the page metadata, sidecar or front matter, or null.")

    class Config:
        name = "articles"

    @pa.check("flags", name="list_of_strings")
    def _flags_list(cls, s: pd.Series) -> pd.Series:
        return s.map(_is_list_of_str).astype(bool)

    @pa.dataframe_check
    def frequency_min_le_max(cls, df: pd.DataFrame) -> pd.Series:
        return _min_le_max(df, "frequency_per_week_min", "frequency_per_week_max")

    @pa.dataframe_check
    def n_chars_is_text_length(cls, df: pd.DataFrame) -> pd.Series:
        return (df["text"].str.len() == df["n_chars"]).fillna(False).astype(bool)


class SectionsModel(_Base):
    """One row per section (routine part such as "Circuit 2" or "Warm up") of an article."""

    section_id: Series[pd.StringDtype] = pa.Field(
        unique=True, str_length={"min_value": 1}, description="Stable section id.")
    article_id: Series[pd.StringDtype] = pa.Field(description="Article the section belongs to.")
    title: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1}, description="Section heading as written.")
    order: Series[pd.Int64Dtype] = pa.Field(
        ge=1, description="1-based position of the section in the article.")
    sets_min: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SETS,
        description="Sets/rounds the section prescribes for all its exercises (lower bound), or null.")
    sets_max: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SETS,
        description="Sets/rounds the section prescribes (upper bound), or null.")
    start: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Character offset of the section heading's start in articles.text.")
    end: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Character offset just past the section heading's end in articles.text.")

    class Config:
        name = "sections"

    @pa.dataframe_check
    def sets_min_le_max(cls, df: pd.DataFrame) -> pd.Series:
        return _min_le_max(df, "sets_min", "sets_max")

    @pa.dataframe_check
    def end_after_start(cls, df: pd.DataFrame) -> pd.Series:
        return _end_after_start(df)


class ExercisesModel(_Base):
    """One row per distinct exercise an article prescribes or describes, in reading order."""

    exercise_id: Series[pd.StringDtype] = pa.Field(
        unique=True, str_length={"min_value": 1}, description="Stable exercise id (e.g. 000_abc/e03).")
    article_id: Series[pd.StringDtype] = pa.Field(description="Article the exercise belongs to.")
    section_id: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Section the exercise sits in, or null when it is in none.")
    order: Series[pd.Int64Dtype] = pa.Field(
        ge=1, description="1-based position of the exercise in the article.")
    name: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1},
        description="Name the article uses, cleaned of bullets and dosage text (or the usual name when unnamed).")
    canonical_name: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Normalised movement name shared across articles (e.g. split squat), or null.")
    category: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Movement category of the canonical exercise, or null.")
    aliases: Series[object] = pa.Field(
        metadata=LIST_OF_STRINGS, description="Other names the article uses for the same exercise.")
    named_in_text: Series[pd.BooleanDtype] = pa.Field(
        description="False when the text only describes the movement and the name was supplied.")
    muscles: Series[object] = pa.Field(
        metadata=LIST_OF_STRINGS, description="Muscles or muscle groups the text ties to the exercise, lower case.")
    equipment: Series[object] = pa.Field(
        metadata=LIST_OF_STRINGS, description="Equipment the text names for the exercise, lower case.")
    start: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0,
        description="Offset of the name (or, when unnamed, the describing paragraph) in articles.text, or null.")
    end: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Offset just past the name/paragraph in articles.text, or null.")

    class Config:
        name = "exercises"

    @pa.check("aliases", "muscles", "equipment", name="list_of_strings")
    def _lists(cls, s: pd.Series) -> pd.Series:
        return s.map(_is_list_of_str).astype(bool)

    @pa.dataframe_check
    def end_after_start(cls, df: pd.DataFrame) -> pd.Series:
        return _end_after_start(df)


class DosagesModel(_Base):
    """One row per prescription (sets, reps, holds, durations) of an exercise."""

    dosage_id: Series[pd.StringDtype] = pa.Field(
        unique=True, str_length={"min_value": 1}, description="Stable dosage id: {exercise_id}/d{n}, n 1-based.")
    exercise_id: Series[pd.StringDtype] = pa.Field(description="Exercise the dosage belongs to.")
    article_id: Series[pd.StringDtype] = pa.Field(description="Article of the exercise (denormalised for joins).")
    order: Series[pd.Int64Dtype] = pa.Field(ge=1, description="1-based position among the exercise's dosages.")
    stage: Series[pd.StringDtype] = pa.Field(
        isin=list(STAGES),
        description="main (the prescription), start (starting level), target (build up to), progression (harder variant).")
    sets_min: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SETS, description="Sets/rounds, lower bound, or null.")
    sets_max: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SETS, description="Sets/rounds, upper bound, or null.")
    reps_min: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=REPS, description="Repetitions per set, lower bound, or null.")
    reps_max: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=REPS, description="Repetitions per set, upper bound, or null.")
    per_side: Series[pd.BooleanDtype] = pa.Field(
        description="True when the numbers apply to each side/leg separately.")
    hold_seconds_min: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SECONDS, description="Isometric hold in seconds, lower bound, or null.")
    hold_seconds_max: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SECONDS, description="Isometric hold in seconds, upper bound, or null.")
    duration_seconds_min: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SECONDS, description="Timed bout of a moving exercise in seconds, lower bound, or null.")
    duration_seconds_max: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, in_range=SECONDS, description="Timed bout in seconds, upper bound, or null.")
    inherited_from: Series[pd.StringDtype] = pa.Field(
        isin=list(INHERITED_FROM),
        description="Where the prescription was stated: exercise, section (e.g. 'Circuit 2 (3 sets)') or article.")
    text: Series[pd.StringDtype] = pa.Field(description="The dosage as written in the text (e.g. 10/side).")
    start: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Offset of the dosage text in articles.text, or null.")
    end: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Offset just past the dosage text in articles.text, or null.")
    rest_text: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="Rest prescription as written (e.g. 60 seconds rest), or null.")

    class Config:
        name = "dosages"

    @pa.dataframe_check
    def sets_min_le_max(cls, df: pd.DataFrame) -> pd.Series:
        return _min_le_max(df, "sets_min", "sets_max")

    @pa.dataframe_check
    def reps_min_le_max(cls, df: pd.DataFrame) -> pd.Series:
        return _min_le_max(df, "reps_min", "reps_max")

    @pa.dataframe_check
    def hold_seconds_min_le_max(cls, df: pd.DataFrame) -> pd.Series:
        return _min_le_max(df, "hold_seconds_min", "hold_seconds_max")

    @pa.dataframe_check
    def duration_seconds_min_le_max(cls, df: pd.DataFrame) -> pd.Series:
        return _min_le_max(df, "duration_seconds_min", "duration_seconds_max")

    @pa.dataframe_check
    def end_after_start(cls, df: pd.DataFrame) -> pd.Series:
        return _end_after_start(df)


class CuesModel(_Base):
    """One row per cue (how to perform) or purpose (why) sentence of an exercise, copied verbatim."""

    cue_id: Series[pd.StringDtype] = pa.Field(
        unique=True, str_length={"min_value": 1},
        description="Stable id: {exercise_id}/c{n} for cues, {exercise_id}/p{n} for purpose sentences, n 1-based.")
    exercise_id: Series[pd.StringDtype] = pa.Field(description="Exercise the sentence belongs to.")
    article_id: Series[pd.StringDtype] = pa.Field(description="Article of the exercise (denormalised for joins).")
    order: Series[pd.Int64Dtype] = pa.Field(
        ge=1, description="1-based position among the exercise's sentences of the same role.")
    role: Series[pd.StringDtype] = pa.Field(
        isin=list(SENTENCE_ROLES), description="cue (how to perform the exercise) or purpose (why it is done).")
    kind: Series[pd.StringDtype] = pa.Field(
        nullable=True, isin=list(CUE_KINDS),
        description="Cue kind (" + ", ".join(CUE_KINDS) + "); null for purpose sentences.")
    text: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1}, description="The sentence exactly as written; equals articles.text[start:end].")
    start: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Offset of the sentence in articles.text.")
    end: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Offset just past the sentence in articles.text.")

    class Config:
        name = "cues"

    @pa.dataframe_check
    def kind_matches_role(cls, df: pd.DataFrame) -> pd.Series:
        # Cues must say what kind they are; purpose sentences have no kind.
        ok = ((df["role"] == "cue") & df["kind"].notna()) | ((df["role"] == "purpose") & df["kind"].isna())
        return ok.fillna(False).astype(bool)

    @pa.dataframe_check
    def end_after_start(cls, df: pd.DataFrame) -> pd.Series:
        return _end_after_start(df)


class RejectsModel(_Base):
    """One row per record that did not make it into the dataset, and why."""

    table: Series[pd.StringDtype] = pa.Field(
        description="Table the row failed in, or 'source' for files rejected at ingest.")
    key: Series[pd.StringDtype] = pa.Field(
        description="Primary key of the rejected row (or '#<position>' when it has none), or the source file name.")
    reason: Series[pd.StringDtype] = pa.Field(
        str_length={"min_value": 1},
        description="Machine-readable reason: the failing check's name, an integrity rule, parent_rejected, or an ingest code.")
    message: Series[pd.StringDtype] = pa.Field(description="One line for humans.")
    row: Series[pd.StringDtype] = pa.Field(
        nullable=True, description="The rejected row as JSON, when there is one.")

    class Config:
        name = "rejects"


# Publication order matters: parents before children (cascading rejects walk it).
TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticlesModel,
    "sections": SectionsModel,
    "exercises": ExercisesModel,
    "dosages": DosagesModel,
    "cues": CuesModel,
}
ALL_MODELS: dict[str, type[pa.DataFrameModel]] = {**TABLE_MODELS, "rejects": RejectsModel}

PRIMARY_KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "sections": ["section_id"],
    "exercises": ["exercise_id"],
    "dosages": ["dosage_id"],
    "cues": ["cue_id"],
    # Rejects have no natural key; sorting by every column keeps the file deterministic.
    "rejects": ["table", "key", "reason", "message", "row"],
}

# child table -> (foreign key column, parent table); drives cascading rejects.
PARENTS: dict[str, list[tuple[str, str]]] = {
    "sections": [("article_id", "articles")],
    "exercises": [("article_id", "articles"), ("section_id", "sections")],
    "dosages": [("exercise_id", "exercises"), ("article_id", "articles")],
    "cues": [("exercise_id", "exercises"), ("article_id", "articles")],
}


@dataclass(frozen=True, order=True)
class IntegrityFailure:
    """A cross-table rule broken by one row of `table`, identified by its primary key."""

    table: str
    key: str
    reason: str  # dangling_article_id, dangling_section_id, dangling_exercise_id, article_mismatch,
    #              section_article_mismatch, offset_out_of_range, text_mismatch, count_mismatch
    message: str


def _ids(df: pd.DataFrame, col: str) -> set[str]:
    return set(df[col].dropna().tolist())


def check_integrity(tables: dict[str, pd.DataFrame]) -> list[IntegrityFailure]:
    """Cross-table rules the per-table models cannot express.

    Expects tables that already passed their models (unique ids, sane dtypes).
    Returns one failure per (row, rule), sorted, so callers and tests get a
    deterministic list.
    """
    out: list[IntegrityFailure] = []
    articles = tables["articles"]
    text_by_article: dict[str, str] = dict(zip(articles["article_id"], articles["text"]))
    article_ids = set(text_by_article)
    sections = tables["sections"]
    exercises = tables["exercises"]
    section_article = dict(zip(sections["section_id"], sections["article_id"]))
    exercise_article = dict(zip(exercises["exercise_id"], exercises["article_id"]))

    def rows(name: str, *cols: str) -> Iterator[tuple[str, dict[str, Any]]]:
        # Column lists zipped into small dicts of just the columns a rule reads: to_dict("records")
        # boxes every cell of every column and was most of this function's time.
        df = tables[name]
        keys = [str(k) for k in df[PRIMARY_KEYS[name][0]].tolist()]
        values = [df[c].tolist() for c in cols]
        for key, *vals in zip(keys, *values):
            yield key, dict(zip(cols, vals))

    for name in ("sections", "exercises"):
        for key, rec in rows(name, "article_id"):
            if rec["article_id"] not in article_ids:
                out.append(IntegrityFailure(name, key, "dangling_article_id",
                                            f"article_id {rec['article_id']!r} not in articles"))
    for key, rec in rows("exercises", "section_id", "article_id"):
        sid = rec["section_id"]
        if pd.isna(sid):
            continue
        if sid not in section_article:
            out.append(IntegrityFailure("exercises", key, "dangling_section_id",
                                        f"section_id {sid!r} not in sections"))
        elif section_article[sid] != rec["article_id"]:
            out.append(IntegrityFailure("exercises", key, "section_article_mismatch",
                                        f"section {sid!r} belongs to article {section_article[sid]!r}, "
                                        f"not {rec['article_id']!r}"))
    for name in ("dosages", "cues"):
        for key, rec in rows(name, "exercise_id", "article_id"):
            eid = rec["exercise_id"]
            if eid not in exercise_article:
                out.append(IntegrityFailure(name, key, "dangling_exercise_id",
                                            f"exercise_id {eid!r} not in exercises"))
            elif exercise_article[eid] != rec["article_id"]:
                out.append(IntegrityFailure(name, key, "article_mismatch",
                                            f"exercise {eid!r} belongs to article {exercise_article[eid]!r}, "
                                            f"not {rec['article_id']!r}"))

    # Offsets must point inside the text they claim to come from.
    for name in ("sections", "exercises", "dosages", "cues"):
        cols = ("article_id", "start", "end", "text") if name == "cues" else ("article_id", "start", "end")
        for key, rec in rows(name, *cols):
            text = text_by_article.get(rec["article_id"])
            if text is None or pd.isna(rec["start"]) or pd.isna(rec["end"]):
                continue
            start, end = int(rec["start"]), int(rec["end"])
            if not (0 <= start <= end <= len(text)):
                out.append(IntegrityFailure(name, key, "offset_out_of_range",
                                            f"[{start}:{end}] outside article text of length {len(text)}"))
            elif name == "cues" and text[start:end] != rec["text"]:
                out.append(IntegrityFailure(name, key, "text_mismatch",
                                            f"text differs from articles.text[{start}:{end}] = "
                                            f"{text[start:end][:80]!r}"))

    # Counts on articles must describe the published child rows, not what extraction saw.
    for counted, col in (("sections", "n_sections"), ("exercises", "n_exercises")):
        actual = tables[counted]["article_id"].value_counts().to_dict()
        for key, rec in rows("articles", col):
            if int(rec[col]) != int(actual.get(key, 0)):
                out.append(IntegrityFailure("articles", key, "count_mismatch",
                                            f"{col}={rec[col]} but {counted} has {actual.get(key, 0)} rows"))
    return sorted(set(out))
