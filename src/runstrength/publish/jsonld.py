"""`json/routines.jsonld`: every exercise prescription as a schema.org `ExercisePlan`.

Built from the JSON export (routines.json as a dict), which already holds only
validated rows, so the JSON-LD cannot contain anything the tables do not.

Mapping (schema.org has no property for sets, so those go to
`additionalVariable`, which schema.org defines as free text):

- one `ExercisePlan` per exercise; its main prescription (first `main` dosage,
  else the first dosage) fills the top-level properties, every other dosage
  (start/target/progression or a second main) is a nested `ExercisePlan` in
  `hasPart`, so nothing is dropped;
- `repetitions`: `QuantitativeValue` with minValue/maxValue (reps per set);
- `activityDuration`: `QuantitativeValue` in seconds (unitCode SEC) for timed
  bouts and isometric holds (the `name` says which);
- `activityFrequency`: the article's sessions per week, e.g. "2-3 times per week";
- `restPeriods`: the rest prescription as written;
- `exerciseType`: the movement category; `associatedAnatomy`: the muscles;
- `isPartOf`: the article as a `CreativeWork` (name, url when known, author, publisher).

The `@context` is the plain string "https://schema.org": consumers that only
read JSON never need to resolve it, and nothing here depends on a remote context.
"""
from __future__ import annotations

from typing import Any

CONTEXT = "https://schema.org"


def frequency_text(freq: dict[str, Any] | None) -> str | None:
    """Sessions per week in words: "2-3 times per week", "2 or more times per week"."""
    if not freq:
        return None
    lo, hi = freq.get("min"), freq.get("max")
    if lo is None and hi is None:
        return None
    if lo is None:
        return f"up to {hi} times per week"
    if hi is None:
        return f"{lo} or more times per week"
    if lo == hi:
        return f"{lo} {'time' if lo == 1 else 'times'} per week"
    return f"{lo}-{hi} times per week"


def _range_text(lo: int | None, hi: int | None) -> str | None:
    if lo is None and hi is None:
        return None
    if lo is None or hi is None or lo == hi:
        return str(lo if lo is not None else hi) + ("+" if hi is None else "")
    return f"{lo}-{hi}"


def _quantity(lo: int | None, hi: int | None, **extra: Any) -> dict[str, Any] | None:
    if lo is None and hi is None:
        return None
    q: dict[str, Any] = {"@type": "QuantitativeValue"}
    if lo is not None:
        q["minValue"] = lo
    if hi is not None:
        q["maxValue"] = hi
    q.update(extra)
    return q


def _seconds(lo: int | None, hi: int | None, what: str) -> dict[str, Any] | None:
    return _quantity(lo, hi, unitCode="SEC", unitText="seconds", name=what)


def _prescription(d: dict[str, Any]) -> dict[str, Any]:
    """The schema.org properties of one dosage."""
    out: dict[str, Any] = {}
    reps = _quantity(d.get("reps_min"), d.get("reps_max"), unitText="repetitions per set")
    if reps:
        out["repetitions"] = reps
    durations = [q for q in (
        _seconds(d.get("hold_seconds_min"), d.get("hold_seconds_max"), "hold"),
        _seconds(d.get("duration_seconds_min"), d.get("duration_seconds_max"), "duration"),
    ) if q]
    if durations:
        out["activityDuration"] = durations[0] if len(durations) == 1 else durations
    variables = []
    sets = _range_text(d.get("sets_min"), d.get("sets_max"))
    if sets:
        variables.append(f"{sets} {'set' if sets == '1' else 'sets'}")
    if d.get("per_side"):
        variables.append("per side")
    hold = _range_text(d.get("hold_seconds_min"), d.get("hold_seconds_max"))
    if hold:
        variables.append(f"hold {hold} seconds")
    dur = _range_text(d.get("duration_seconds_min"), d.get("duration_seconds_max"))
    if dur:
        variables.append(f"duration {dur} seconds")
    if d.get("stage") and d["stage"] != "main":
        variables.append(f"stage: {d['stage']}")
    if variables:
        out["additionalVariable"] = variables
    if d.get("rest_text"):
        out["restPeriods"] = d["rest_text"]
    return out


def _article_node(a: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "CreativeWork", "@id": f"#article/{a['article_id']}",
                            "identifier": a["article_id"]}
    if a.get("title"):
        node["name"] = a["title"]
    if a.get("url"):
        node["url"] = a["url"]
    if a.get("author"):
        node["author"] = {"@type": "Person", "name": a["author"]}
    if a.get("organization"):
        node["publisher"] = {"@type": "Organization", "name": a["organization"]}
    return node


def _primary_index(dosages: list[dict[str, Any]]) -> int | None:
    for i, d in enumerate(dosages):
        if d.get("stage") == "main":
            return i
    return 0 if dosages else None


def exercise_plan(article: dict[str, Any], ex: dict[str, Any]) -> dict[str, Any]:
    """One schema.org ExercisePlan for an exercise of the export."""
    plan: dict[str, Any] = {
        "@type": "ExercisePlan",
        "@id": f"#exercise/{ex['exercise_id']}",
        "identifier": ex["exercise_id"],
        "name": ex["name"],
    }
    # Case-only variants of the name add nothing for a reader.
    seen = {ex["name"].casefold()}
    alt = []
    for n in [ex.get("canonical_name"), *ex.get("aliases", [])]:
        if n and n.casefold() not in seen:
            seen.add(n.casefold())
            alt.append(n)
    if alt:
        plan["alternateName"] = alt
    if ex.get("category"):
        plan["exerciseType"] = ex["category"]
    freq = frequency_text(article.get("frequency_per_week"))
    if freq:
        plan["activityFrequency"] = freq
    dosages = ex.get("dosages", [])
    primary = _primary_index(dosages)
    if primary is not None:
        plan.update(_prescription(dosages[primary]))
    if ex.get("muscles"):
        plan["associatedAnatomy"] = [{"@type": "AnatomicalStructure", "name": m} for m in ex["muscles"]]
    if ex.get("equipment"):
        plan.setdefault("additionalVariable", []).append("equipment: " + ", ".join(ex["equipment"]))
    purpose = " ".join(p["text"] for p in ex.get("purpose", []))
    if purpose:
        plan["description"] = purpose
    parts = [
        {"@type": "ExercisePlan", "name": f"{ex['name']} ({d.get('stage', 'main')})", **_prescription(d)}
        for i, d in enumerate(dosages) if i != primary
    ]
    if parts:
        plan["hasPart"] = parts
    plan["isPartOf"] = _article_node(article)
    return plan


def jsonld_head(name: str | None, version: str | None) -> dict[str, Any]:
    """The JSON-LD document without its parts (the streaming writer appends them to `hasPart`)."""
    return {"@context": CONTEXT, "@type": "Dataset", "name": name, "version": version}


def routines_jsonld(export: dict[str, Any]) -> dict[str, Any]:
    """The JSON-LD document: a schema.org Dataset whose parts are the ExercisePlans."""
    ds = export.get("dataset", {})
    plans = [exercise_plan(a, ex) for a in export.get("articles", []) for ex in a.get("exercises", [])]
    return {**jsonld_head(ds.get("name"), ds.get("version")), "hasPart": plans}
