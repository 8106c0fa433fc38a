"""Rebuild the dataset on a schedule: a Prefect deployment served from this process (`runstrength serve`)."""
from __future__ import annotations

from pathlib import Path

from flows.build import build_dataset

DEPLOYMENT_NAME = "runstrength-rebuild"


def deployment(raw_dir: Path, out_dir: Path, *, cron: str, name: str = DEPLOYMENT_NAME):
    """The scheduled deployment of the build flow (also what prefect.yaml declares for a Prefect server)."""
    return build_dataset.to_deployment(
        name=name,
        cron=cron,
        parameters={"raw_dir": str(raw_dir), "out_dir": str(out_dir)},
        description="Rebuild and publish the runstrength dataset from the raw articles.",
        tags=["runstrength"],
    )


def serve(raw_dir: Path, out_dir: Path, *, cron: str) -> None:
    """Block and run the build on the schedule until interrupted (needs a Prefect API: PREFECT_API_URL)."""
    from prefect import serve as prefect_serve

    prefect_serve(deployment(raw_dir, out_dir, cron=cron))
