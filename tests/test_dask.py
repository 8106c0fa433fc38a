"""Extraction batches on a Dask cluster (prefect-dask) publish the same bytes as a local run."""
from __future__ import annotations

from pathlib import Path

import distributed
import pytest

from runstrength import cli

pytestmark = pytest.mark.flow


def tree_bytes(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c


def test_dask_run_is_byte_identical_to_local(prefect_harness, cluster, root: Path, tmp_path: Path, caplog,
                                             monkeypatch) -> None:
    import logging

    from distributed import Client

    import flows.build

    # Local workers read their batch's files; Dask workers, maybe on machines without
    # raw_dir, are sent the texts.
    shipped: list[str] = []
    real_payload = flows.build.RecordStream._payload
    monkeypatch.setattr(flows.build.RecordStream, "_payload", lambda self, refs, ship: shipped.extend(
        type(a).__name__ for a in real_payload(self, refs, ship)) or real_payload(self, refs, ship))

    local, remote = tmp_path / "local", tmp_path / "dask"
    # Batches of 2 articles: 3 tasks, so both runs really distribute (local: the process pool).
    with caplog.at_level(logging.INFO):
        cli.run_build(root / "raw", local, batch_articles=2, use_cache=False)
    assert "on ProcessPoolTaskRunner" in caplog.text
    assert set(shipped) == {"ArticleRef"}
    shipped.clear()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        cli.run_build(root / "raw", remote, batch_articles=2, use_cache=False,
                      task_runner="dask", dask_address=cluster.scheduler_address)
    assert "on DaskTaskRunner" in caplog.text
    assert set(shipped) == {"RawArticle"}
    assert tree_bytes(remote) == tree_bytes(local)
    # The tasks ran on the cluster's workers.
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        counts = client.run(lambda: __import__("sys").modules.get("runstrength.extract.assemble") is not None)
    assert any(counts.values())
