"""`README.md`: the dataset card, generated at publish time so it cannot drift.

Structure follows the Hugging Face dataset card template: YAML front matter
(pretty_name, license, language, task_categories, size_categories, configs
listing the Parquet files) and the usual sections.  Table and field
documentation comes from the pandera models (`schemas.tables`), numbers from
the published tables.  Nothing time- or machine-dependent goes in, so two
publishes of the same data give byte-identical cards.
"""
from __future__ import annotations

from typing import Any

import pandas as pd
import yaml

from schemas.tables import ALL_MODELS, PARENTS, PRIMARY_KEYS

from .datapackage import DESCRIPTION, LICENSES, PARQUET_TABLES, TITLE, field_type, source_records

CITATION_KEY = "runstrength"


def size_category(n: int) -> str:
    """Hugging Face size_categories bucket for n examples."""
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
                         (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M")):
        if n < limit:
            return label
    return "n>10M"


def _front_matter(row_counts: dict[str, int]) -> str:
    examples = max((n for t, n in row_counts.items() if t != "rejects"), default=0)
    meta = {
        "pretty_name": TITLE,
        # No open licence can be claimed for quoted third-party article text.
        "license": "other",
        "license_name": "runstrength-mixed",
        "license_details": LICENSES[0]["title"],
        "language": ["en"],
        "task_categories": ["token-classification", "text-classification"],
        "tags": ["running", "strength-training", "exercise", "information-extraction"],
        "size_categories": [size_category(examples)],
        "configs": [
            {"config_name": t, "data_files": [{"split": "train", "path": f"parquet/{t}.parquet"}],
             **({"default": True} if t == "exercises" else {})}
            for t in PARQUET_TABLES
        ],
    }
    body = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{body}---\n"


def _md(v: Any) -> str:
    return ("" if v is None else str(v)).replace("|", "\\|").replace("\n", " ")


def _type_label(col: Any) -> str:
    t = field_type(col)
    base = "list<string>" if t["type"] == "list" else t["type"]
    return base + (", nullable" if col.nullable else "")


def _structure(row_counts: dict[str, int]) -> list[str]:
    lines = []
    for table in PARQUET_TABLES:
        schema = ALL_MODELS[table].to_schema()
        n = row_counts.get(table, 0)
        lines += ["", f"### `{table}` ({n} {'row' if n == 1 else 'rows'})", "",
                  f"File `parquet/{table}.parquet`. {schema.description or ''}".rstrip(), ""]
        keys = [f"primary key `{', '.join(PRIMARY_KEYS[table])}`"] if table != "rejects" else []
        keys += [f"`{col}` → `{parent}`" for col, parent in PARENTS.get(table, [])]
        if keys:
            lines += ["Keys: " + "; ".join(keys) + ".", ""]
        lines += ["| field | type | description |", "| --- | --- | --- |"]
        for col_name, col in schema.columns.items():
            lines.append(f"| `{col_name}` | {_type_label(col)} | {_md(col.description)} |")
    return lines


def _sources(recs: list[dict[str, Any]]) -> list[str]:
    if not recs:
        return ["", "No source files."]
    cols = ["source_file", "sha256"] + [c for c in ("title", "organization", "url", "license")
                                        if any(r.get(c) for r in recs)]
    lines = ["", "| " + " | ".join(cols) + " |", "| " + " | ".join("---" for _ in cols) + " |"]
    for r in recs:
        cells = [f"`{r[c]}`" if c == "sha256" and r.get(c) else _md(r.get(c)) for c in cols]
        lines.append("| " + " | ".join(cells) + " |")
    if "url" not in cols:
        lines += ["", "The articles table carries no URL or licence per article; the files are "
                      "identified by name and SHA-256 of their bytes."]
    return lines


def _organizations(tables: dict[str, pd.DataFrame]) -> list[str]:
    orgs = tables["articles"]["organization"].dropna().astype(str) if "organization" in tables["articles"] \
        else pd.Series([], dtype=object)
    return sorted(set(orgs))


HOW_TO_LOAD = '''
With pandas (the Parquet files carry field descriptions in their Arrow schema):

```python
import pandas as pd

exercises = pd.read_parquet("parquet/exercises.parquet")
dosages = pd.read_parquet("parquet/dosages.parquet")
plan = dosages.merge(exercises[["exercise_id", "name", "canonical_name"]], on="exercise_id")
print(plan[["name", "sets_min", "reps_min", "hold_seconds_min"]].head())
```

With pyarrow:

```python
import pyarrow.parquet as pq

table = pq.read_table("parquet/cues.parquet")
print(table.schema.field("text").metadata[b"description"].decode())
```

With DuckDB:

```sql
SELECT e.canonical_name, count(*) AS n, median(d.sets_min) AS sets, median(d.reps_min) AS reps
FROM 'parquet/exercises.parquet' e
JOIN 'parquet/dosages.parquet' d USING (exercise_id)
WHERE d.stage = 'main' AND e.canonical_name IS NOT NULL
GROUP BY 1 ORDER BY n DESC;
```

The nested export `json/routines.json` validates against `json/routines.schema.json`
(JSON Schema draft 2020-12); `json/routines.jsonld` has the same prescriptions as
schema.org `ExercisePlan`s; `datapackage.json` describes every file as a Frictionless
Data Package v2 (sizes, SHA-256, Table Schemas).
'''


def dataset_card(tables: dict[str, pd.DataFrame], rejects: pd.DataFrame, *, name: str, version: str,
                 sources: list[dict[str, Any]], source_recs: list[dict[str, Any]] | None = None) -> str:
    """The dataset card (README.md) as text, from the schemas and the published tables.

    `source_recs`: `source_records(tables, sources)` when the caller has it already.
    """
    counts = {t: int(len(tables[t])) for t in PARQUET_TABLES if t in tables}
    counts["rejects"] = int(len(rejects))
    ex = tables["exercises"]
    n_canonical = int(ex["canonical_name"].nunique()) if len(ex) else 0
    orgs = _organizations(tables)
    lines = [
        _front_matter(counts).rstrip("\n"),
        "",
        f"# Dataset Card for {TITLE}",
        "",
        "## Dataset Summary",
        "",
        DESCRIPTION,
        "",
        f"This is version **{version}** of `{name}`: {counts.get('articles', 0)} articles, "
        f"{counts.get('sections', 0)} sections, {counts.get('exercises', 0)} exercises "
        f"({n_canonical} distinct canonical movements), {counts.get('dosages', 0)} dosages and "
        f"{counts.get('cues', 0)} cue/purpose sentences; {counts['rejects']} rows or files were "
        "rejected by validation and are listed in `parquet/rejects.parquet`.",
        "",
        "Versioning is semantic and describes the data: a patch release re-serialises the same "
        "records, a minor release adds records or optional fields, a major release renames, "
        "removes or changes the meaning or type of a field.",
        "",
        "## Dataset Structure",
        "",
        "Five linked tables (plus the rejects) that join on `article_id`, `section_id` and "
        "`exercise_id`; every id is stable across rebuilds of unchanged input. All `start`/`end` "
        "values are character offsets (Python string indices) into `articles.text`, so every "
        "extracted span can be traced back: `articles.text[start:end]`.",
        *_structure(counts),
        "",
        "## Source Data",
        "",
        "Web articles about strength training for runners, saved as text files. "
        + (f"Organizations named by the articles: {', '.join(orgs)}." if orgs else ""),
        *_sources(source_recs if source_recs is not None else source_records(tables, sources)),
        "",
        "## Data Collection and Processing",
        "",
        "1. **Ingest**: every `.txt`/`.md` file of the raw directory is read and decoded (BOM and "
        "encoding detection); decoding is the only transformation, so offsets point into the text "
        "as published. Unreadable, empty or oversized files are rejected (table `source` in the "
        "rejects). The SHA-256 of the raw bytes is recorded.",
        "2. **Extraction**: rule-based, with a blank English spaCy pipeline (rule-based sentencizer "
        "and a phrase matcher built from hand-made lexicons): section headings, exercise names "
        "(normalised to a canonical movement name with a category), dosages (sets, reps, holds, "
        "durations, per side, stage, and prescriptions inherited from a section or the article), "
        "cue and purpose sentences, muscles and equipment. No statistical or machine-learned "
        "model is involved.",
        "3. **Validation**: pandera models check every table (types, ranges, allowed values, "
        "offsets) and cross-table integrity (keys, offsets inside the text, cue text equal to "
        "the text span). Failing rows are rejected with a reason, and their children with "
        "`parent_rejected`; nothing is dropped silently.",
        "4. **Publishing**: Parquet (zstd), the JSON export with its JSON Schema, this card, a "
        "Data Package descriptor, JSON-LD and an HTML build report are written to a staging "
        "directory, verified, listed with SHA-256 in `manifest.json` and swapped in atomically. "
        "Two builds of the same input are byte-identical.",
        "",
        "## Known Limitations",
        "",
        "- Extraction is rule-based: unusual layouts, exercise names or dosage phrasings can be "
        "missed or mis-parsed; null means *not found*, not *not prescribed*.",
        "- Canonical names and categories come from a hand-made vocabulary; exercises outside it "
        "have a null `canonical_name`.",
        "- Muscles and equipment are only those the text names near the exercise, not an "
        "anatomical analysis.",
        "- Articles are a small, English-only, non-random sample of web content; prescriptions "
        "are the authors' advice, not medical guidance, and are not checked for correctness.",
        "- Article texts are quoted verbatim and remain under their publishers' terms.",
        "",
        "## How to load",
        HOW_TO_LOAD.rstrip("\n"),
        "",
        "## Citation",
        "",
        "```bibtex",
        f"@misc{{{CITATION_KEY},",
        f"  title        = {{{{{TITLE}}}}},",
        "  author       = {{runstrength contributors}},",
        f"  version      = {{{version}}},",
        "  howpublished = {Dataset},",
        f"  note         = {{Dataset {name} version {version}}}",
        "}",
        "```",
        "",
    ]
    return "\n".join(lines)
