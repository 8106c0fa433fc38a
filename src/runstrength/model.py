"""The records extraction produces and publishing consumes.

Plain dataclasses, one per output table row group, so that extraction code
never builds DataFrames and publishing code never parses text.  Offsets
(`start`/`end`) are character offsets into `Article.text`, the decoded
article text that is itself published (articles.text), so every extracted
sentence can be traced back.
"""
from __future__ import annotations

from dataclasses import dataclass, field

STAGES = ("main", "start", "target", "progression")
INHERITED_FROM = ("exercise", "section", "article")
CUE_KINDS = ("setup", "movement", "form", "breathing", "tempo", "avoid", "modification")
SENTENCE_ROLES = ("cue", "purpose")

Range = tuple[int, int]


@dataclass
class Dosage:
    stage: str = "main"
    sets_min: int | None = None
    sets_max: int | None = None
    reps_min: int | None = None
    reps_max: int | None = None
    per_side: bool = False
    hold_seconds_min: int | None = None
    hold_seconds_max: int | None = None
    duration_seconds_min: int | None = None
    duration_seconds_max: int | None = None
    inherited_from: str = "exercise"
    text: str = ""
    start: int | None = None
    end: int | None = None
    rest_text: str | None = None


@dataclass
class Sentence:
    """A cue or purpose sentence copied verbatim from the article."""

    text: str
    start: int
    end: int
    kind: str | None = None  # cue kind (CUE_KINDS); None for purpose sentences


@dataclass
class Section:
    section_id: str
    title: str
    order: int
    start: int
    end: int
    sets_min: int | None = None
    sets_max: int | None = None


@dataclass
class Exercise:
    exercise_id: str
    name: str
    canonical_name: str | None
    order: int
    section_id: str | None = None
    category: str | None = None
    aliases: list[str] = field(default_factory=list)
    named_in_text: bool = True
    dosages: list[Dosage] = field(default_factory=list)
    cues: list[Sentence] = field(default_factory=list)
    purpose: list[Sentence] = field(default_factory=list)
    muscles: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    # Where the name (or, for unnamed exercises, the describing paragraph) sits.
    start: int | None = None
    end: int | None = None


@dataclass
class Article:
    article_id: str
    source_file: str
    sha256: str
    text: str
    title: str | None = None
    organization: str | None = None
    author: str | None = None
    frequency_min: int | None = None
    frequency_max: int | None = None
    sections: list[Section] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # e.g. "no_exercises"
    # Provenance from a sidecar <name>.meta.json, front matter or the saved page's metadata.
    url: str | None = None
    license: str | None = None
    retrieved: str | None = None
    published: str | None = None


@dataclass
class Reject:
    """A record that did not make it into the dataset, and why."""

    table: str  # "source" for ingest rejects, else the table the row failed in
    key: str  # file name or row id
    reason: str  # short machine-readable code, e.g. "empty_file", "check_failed"
    message: str  # one line for humans
    row: str | None = None  # the offending row as JSON, when there is one
