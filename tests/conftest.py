"""Shared fixtures: paths to the project, the shared gold material and the scorer."""
from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest

# Offline and quiet, before anything imports prefect.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
# Builds in tests are hermetic: no reuse of (or writes to) the working tree's build
# cache; tests/test_cache.py turns the cache on explicitly with its own directory.
os.environ.setdefault("RUNSTRENGTH_NO_CACHE", "1")
# Extraction stays in the test process (where tests can watch it); tests/test_standby.py turns
# the standby process back on.
os.environ.setdefault("RUNSTRENGTH_NO_STANDBY", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.fail(f"{SHARED} with eval/score.py, gold/ and dev/ must sit beside the project (as in CI)")
    return SHARED


@pytest.fixture(scope="session")
def scorer(shared: Path):
    return runpy.run_path(str(shared / "eval" / "score.py"))["score"]


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server (SQLite) for every test that runs the real flow."""
    from prefect.logging.configuration import setup_logging
    from prefect.testing.utilities import prefect_test_harness

    # Prefect configures logging (dictConfig, replacing the root logger's handlers) on
    # its first flow run; doing it now keeps caplog's handlers working in whichever
    # test happens to run the first flow of a worker process.
    setup_logging()
    with prefect_test_harness(server_startup_timeout=90):
        yield
