"""datapackage.json: Frictionless Data Package v2, validated offline, sizes and hashes match the files."""
from __future__ import annotations

import copy
import re
import hashlib
import json
import socket
from pathlib import Path

import frictionless
import pytest

from runstrength.publish.datapackage import PROFILE, build_datapackage, table_schema
from schemas.tables import ALL_MODELS, PARENTS, PRIMARY_KEYS
from test_card import VERSION, publish_sample



@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test instead of fetching a profile."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return publish_sample(tmp_path_factory.mktemp("dp") / "dataset")


@pytest.fixture
def descriptor(dataset) -> dict:
    return json.loads((dataset / "datapackage.json").read_text(encoding="utf-8"))


def metadata_errors(descriptor: dict) -> list[str]:
    # Validates against frictionless's built-in Data Package profile (shipped as
    # Python dicts in the library), so nothing is fetched; the `offline` fixture proves it.
    return [e.note for e in frictionless.Package.metadata_validate(descriptor)]


def test_descriptor_is_a_valid_v2_package_offline(descriptor, dataset, offline):
    assert descriptor["$schema"] == PROFILE == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert metadata_errors(descriptor) == []
    # Loading it from disk works offline too, and resolves the v2 features we rely on.
    package = frictionless.Package(str(dataset / "datapackage.json"))
    assert package.get_resource("exercises").schema.primary_key == ["exercise_id"]
    assert package.get_resource("exercises").schema.get_field("aliases").type == "list"


@pytest.mark.parametrize("breakage", ["hash_not_string", "bad_primary_key", "fk_unknown_field"])
def test_validation_catches_broken_descriptors(descriptor, offline, breakage):
    bad = copy.deepcopy(descriptor)
    res = next(r for r in bad["resources"] if r["name"] == "dosages")
    if breakage == "hash_not_string":
        res["hash"] = 123
    elif breakage == "bad_primary_key":
        res["schema"]["primaryKey"] = ["no_such_field"]
    else:
        res["schema"]["foreignKeys"][0]["fields"] = ["no_such_field"]
    assert metadata_errors(bad)


def test_package_metadata(descriptor):
    assert descriptor["name"] == "runstrength" and descriptor["version"] == VERSION
    assert descriptor["licenses"] and all(lic.get("name") or lic.get("path") for lic in descriptor["licenses"])
    assert "semantic versioning" in descriptor["description"]
    sources = {s["source_file"]: s for s in descriptor["sources"]}
    assert sorted(sources) == ["000_aaaaaaaaaaaaaaaa.txt", "001_bbbbbbbbbbbbbbbb.txt"]
    assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", s["hash"]) for s in sources.values())
    assert sources["000_aaaaaaaaaaaaaaaa.txt"]["organization"] == "Run Clinic"


def test_every_data_file_is_a_resource_with_matching_bytes_and_hash(descriptor, dataset):
    data_files = sorted(p.relative_to(dataset).as_posix() for p in dataset.rglob("*")
                        if p.suffix in (".parquet", ".json", ".jsonld") and p.parent != dataset)
    assert sorted(r["path"] for r in descriptor["resources"]) == data_files
    for res in descriptor["resources"]:
        data = (dataset / res["path"]).read_bytes()
        assert res["bytes"] == len(data), res["name"]
        # Data Package v2: "{algorithm}:{hash}" for anything but MD5.
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), res["name"]
        assert res["mediatype"] and res["format"] == res["path"].rsplit(".", 1)[1]
    names = [r["name"] for r in descriptor["resources"]]
    assert len(names) == len(set(names))


def test_table_schemas_follow_the_pandera_models(descriptor):
    tables = {r["name"]: r for r in descriptor["resources"] if r.get("type") == "table"}
    assert set(tables) == set(ALL_MODELS)
    expected_types = {"Int64": "integer", "string[python]": "string", "boolean": "boolean"}
    for name, res in tables.items():
        columns = ALL_MODELS[name].to_schema().columns
        fields = res["schema"]["fields"]
        assert [f["name"] for f in fields] == list(columns)
        for f in fields:
            col = columns[f["name"]]
            assert f["description"] == col.description
            assert f["type"] == expected_types.get(str(col.dtype), "list")
            assert f.get("constraints", {}).get("required", False) == (not col.nullable)
        if name != "rejects":
            assert res["schema"]["primaryKey"] == PRIMARY_KEYS[name]
        assert [(fk["fields"][0], fk["reference"]["resource"]) for fk in res["schema"].get("foreignKeys", [])] \
            == PARENTS.get(name, [])
    dosage_fields = {f["name"]: f for f in tables["dosages"]["schema"]["fields"]}
    assert dosage_fields["reps_max"]["constraints"] == {"minimum": 1, "maximum": 1000}
    assert dosage_fields["stage"]["constraints"]["enum"] == ["main", "start", "target", "progression"]
    assert tables["articles"]["rows"] == 2


def test_missing_optional_files_are_left_out(tmp_path):
    (tmp_path / "parquet").mkdir()
    (tmp_path / "parquet/articles.parquet").write_bytes(b"PAR1")
    dp = build_datapackage(tmp_path, name="x", version="0.1.0")
    assert [r["name"] for r in dp["resources"]] == ["articles"]
    assert dp["resources"][0]["schema"] == table_schema("articles")
    assert metadata_errors(dp) == []
