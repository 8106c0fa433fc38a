"""examples/: the DuckDB analysis and the minimal consumer run against a freshly published dataset."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_card import publish_sample

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return publish_sample(tmp_path_factory.mktemp("examples") / "dataset")


def run(script: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(EXAMPLES / script), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_analysis(dataset):
    res = run("analysis.py", str(dataset))
    assert res.returncode == 0, res.stderr
    lines = [line.split() for line in res.stdout.splitlines()]
    assert ["Most", "prescribed", "exercises", "per", "muscle"] in lines
    assert ["glutes", "glute", "bridge", "1"] in lines
    assert ["obliques", "side", "plank", "1"] in lines
    assert ["calf", "raise", "3", "x", "15", "(1", "dosage)"] in lines
    assert ["side", "plank", "3", "sets,", "hold", "30", "s", "per", "side", "(1", "dosage)"] in lines


def test_analysis_defaults_to_dataset_dir(dataset):
    res = run("analysis.py", cwd=dataset.parent)
    assert res.returncode == 0, res.stderr
    assert "glute bridge" in res.stdout


def test_consumer(dataset):
    res = run("consumer.py", str(dataset))
    assert res.returncode == 0, res.stderr
    out = res.stdout.splitlines()
    assert out[0] == "runstrength 1.2.0: routines.json is valid (2 articles)"
    for line in ["Strength for Runners", "by Jane Doe, Run Clinic", "Frequency: 2-3 times per week",
                 "[Circuit 1]", "1. Glute bridge", "   - 3 x 10", "   * Squeeze your glutes at the top.",
                 "   why: This builds hip strength.", "   - 3 sets, hold 30 s, per side",
                 "   - target: hold 60 s (rest 30 seconds)", "   equipment: mat"]:
        assert line in out, line


def test_consumer_other_article(dataset):
    res = run("consumer.py", str(dataset), "001_bbbbbbbbbbbbbbbb")
    assert res.returncode == 0, res.stderr
    assert "Calf raises for runners" in res.stdout and "   - 3 x 15" in res.stdout.splitlines()


def test_consumer_rejects_invalid_export(dataset, tmp_path):
    broken = tmp_path / "broken"
    (broken / "json").mkdir(parents=True)
    data = json.loads((dataset / "json/routines.json").read_text(encoding="utf-8"))
    data["articles"][0]["exercises"][0]["dosages"][0]["stage"] = "warmup"
    (broken / "json/routines.json").write_text(json.dumps(data), encoding="utf-8")
    (broken / "json/routines.schema.json").write_bytes((dataset / "json/routines.schema.json").read_bytes())
    res = run("consumer.py", str(broken))
    assert res.returncode == 1 and "stage" in res.stderr
