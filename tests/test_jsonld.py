"""json/routines.jsonld: schema.org ExercisePlans, checked structurally (nothing is fetched)."""
from __future__ import annotations

import json
from typing import Any, Iterator

import pytest

from runstrength.publish.jsonld import frequency_text, routines_jsonld
from test_card import publish_sample, sample
from test_schemas import A, B


@pytest.fixture(scope="module")
def doc(tmp_path_factory) -> dict:
    out = publish_sample(tmp_path_factory.mktemp("jsonld") / "dataset")
    return json.loads((out / "json/routines.jsonld").read_text(encoding="utf-8"))


def nodes(value: Any) -> Iterator[dict]:
    """Every JSON object in the document (each is a JSON-LD node or value object)."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from nodes(v)
    elif isinstance(value, list):
        for v in value:
            yield from nodes(v)


def plans(doc: dict) -> dict[str, dict]:
    return {p["identifier"]: p for p in doc["hasPart"]}


def test_context_and_types(doc):
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "Dataset" and doc["version"] == "1.2.0"
    for node in nodes(doc):
        assert isinstance(node.get("@type"), str) and node["@type"], node
    # A single context at the top: nothing nested that a processor would have to resolve.
    assert sum("@context" in n for n in nodes(doc)) == 1


def test_one_exercise_plan_per_exercise(doc):
    tables, _, export, _ = sample()
    assert sorted(plans(doc)) == sorted(tables["exercises"]["exercise_id"])
    for node in nodes(doc):
        if node["@type"] == "ExercisePlan":
            assert isinstance(node["name"], str) and node["name"]


def test_numbers_are_numbers(doc):
    for node in nodes(doc):
        if node["@type"] == "QuantitativeValue":
            assert {"minValue", "maxValue"} & set(node)
            for key in ("minValue", "maxValue"):
                if key in node:
                    assert isinstance(node[key], int) and not isinstance(node[key], bool)


def test_prescriptions(doc):
    p = plans(doc)
    bridge = p[f"{A}/e01"]
    assert bridge["exerciseType"] == "hinge"
    assert bridge["activityFrequency"] == "2-3 times per week"
    assert bridge["repetitions"] == {"@type": "QuantitativeValue", "minValue": 10, "maxValue": 10,
                                     "unitText": "repetitions per set"}
    assert bridge["additionalVariable"] == ["3 sets"]
    assert bridge["alternateName"] == ["Bridge"]  # canonical name differs from the name only in case
    assert bridge["associatedAnatomy"] == [{"@type": "AnatomicalStructure", "name": "glutes"}]
    assert bridge["isPartOf"]["@type"] == "CreativeWork"
    assert bridge["isPartOf"]["name"] == "Strength for Runners"
    assert bridge["isPartOf"]["publisher"] == {"@type": "Organization", "name": "Run Clinic"}

    plank = p[f"{A}/e02"]
    assert plank["activityDuration"]["minValue"] == 30 and plank["activityDuration"]["unitCode"] == "SEC"
    assert plank["additionalVariable"] == ["3 sets", "per side", "hold 30 seconds", "equipment: mat"]
    assert "repetitions" not in plank
    (target,) = plank["hasPart"]
    assert target["@type"] == "ExercisePlan" and target["name"] == "Side plank (target)"
    assert target["activityDuration"]["maxValue"] == 60 and target["restPeriods"] == "rest 30 seconds"

    calf = p[f"{B}/e01"]
    assert calf["activityFrequency"] == "2 or more times per week"
    assert "exerciseType" not in calf and "url" not in calf["isPartOf"]


def test_url_is_used_when_the_export_has_one():
    _, _, export, _ = sample()
    export["articles"][0]["url"] = "https://example.org/strength"
    doc = routines_jsonld(export)
    assert doc["hasPart"][0]["isPartOf"]["url"] == "https://example.org/strength"


def test_frequency_text():
    assert frequency_text(None) is None
    assert frequency_text({"min": None, "max": None}) is None
    assert frequency_text({"min": 1, "max": 1}) == "1 time per week"
    assert frequency_text({"min": 2, "max": 3}) == "2-3 times per week"
    assert frequency_text({"min": None, "max": 3}) == "up to 3 times per week"


def test_empty_export():
    doc = routines_jsonld({"dataset": {"name": "x", "version": "0.0.1"}, "articles": []})
    assert doc["hasPart"] == [] and doc["@type"] == "Dataset"
