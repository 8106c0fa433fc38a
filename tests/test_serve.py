"""The scheduled deployment and prefect.yaml point at the real build flow."""
from __future__ import annotations

from pathlib import Path

import yaml


def test_deployment_runs_the_build_flow_on_the_schedule(tmp_path: Path) -> None:
    from flows.serve import deployment

    dep = deployment(tmp_path / "raw", tmp_path / "out", cron="0 3 * * *")
    assert dep.name == "runstrength-rebuild"
    assert dep.parameters == {"raw_dir": str(tmp_path / "raw"), "out_dir": str(tmp_path / "out")}
    assert [s.schedule.cron for s in dep.schedules] == ["0 3 * * *"]
    assert dep.entrypoint.endswith("flows/build.py:build_dataset")


def test_prefect_yaml_entrypoint_resolves_to_the_flow(root: Path) -> None:
    from prefect.flows import load_flow_from_entrypoint

    spec = yaml.safe_load((root / "prefect.yaml").read_text())
    (dep,) = spec["deployments"]
    flow = load_flow_from_entrypoint(str(root / dep["entrypoint"]))
    assert flow.name == "runstrength-build"
    assert set(dep["parameters"]) <= set(flow.parameters.properties)
