"""Analyse a published runstrength dataset with DuckDB, straight from its Parquet files.

    python examples/analysis.py [DATASET_DIR]      # default: dataset

Prints the most prescribed exercises per muscle and the typical sets x reps
of each exercise.  Only DuckDB is needed; nothing is loaded into pandas.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

MUSCLES_SQL = """
WITH per_muscle AS (
    SELECT m.muscle,
           coalesce(e.canonical_name, lower(e.name)) AS exercise,
           count(DISTINCT e.exercise_id) AS n
    FROM exercises e, unnest(e.muscles) AS m(muscle)
    GROUP BY 1, 2
)
SELECT muscle, exercise, n
FROM per_muscle
-- Top three per muscle; ties broken by name so the output is stable.
QUALIFY row_number() OVER (PARTITION BY muscle ORDER BY n DESC, exercise) <= 3
ORDER BY muscle, n DESC, exercise
"""

SETS_REPS_SQL = """
SELECT coalesce(e.canonical_name, lower(e.name)) AS exercise,
       count(*) AS dosages,
       median(d.sets_min) AS sets,
       median(d.reps_min) AS reps,
       median(d.hold_seconds_min) AS hold_s,
       bool_or(d.per_side) AS per_side
FROM dosages d JOIN exercises e USING (exercise_id)
WHERE d.stage = 'main'
GROUP BY 1
ORDER BY dosages DESC, exercise
"""


def _fmt(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else "dataset")
    parquet = root / "parquet"
    if not (parquet / "exercises.parquet").is_file():
        print(f"analysis: no published dataset in {root} (parquet/exercises.parquet missing)", file=sys.stderr)
        return 2
    con = duckdb.connect()
    for table in ("exercises", "dosages"):
        path = str(parquet / f"{table}.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")

    print("Most prescribed exercises per muscle")
    for muscle, exercise, n in con.execute(MUSCLES_SQL).fetchall():
        print(f"  {muscle:<20} {exercise:<30} {n}")

    print()
    print("Typical sets x reps (main prescriptions, medians)")
    for exercise, n, sets, reps, hold, per_side in con.execute(SETS_REPS_SQL).fetchall():
        parts = []
        if sets is not None and reps is not None:
            parts.append(f"{_fmt(sets)} x {_fmt(reps)}")
        elif sets is not None:
            parts.append(f"{_fmt(sets)} sets")
        elif reps is not None:
            parts.append(f"{_fmt(reps)} reps")
        if hold is not None:
            parts.append(f"hold {_fmt(hold)} s")
        dose = ", ".join(parts) or "-"
        if per_side:
            dose += " per side"
        print(f"  {exercise:<30} {dose:<28} ({n} dosage{'s' if n != 1 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
