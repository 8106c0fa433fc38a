"""The command line: help, validate on a good and a corrupted dataset, show."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from runstrength import cli


def test_help_lists_every_command() -> None:
    out = subprocess.run([sys.executable, "-m", "runstrength.cli", "--help"], capture_output=True, text=True, check=True).stdout
    for cmd in ("build", "eval", "validate", "show", "serve"):
        assert cmd in out


def test_validate_passes_on_the_published_dataset(root: Path, capsys) -> None:
    assert cli.main(["validate", str(root / "dataset")]) == 0
    assert "is valid" in capsys.readouterr().out


def test_validate_fails_on_one_changed_parquet_byte(root: Path, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "dataset"
    shutil.copytree(root / "dataset", copy)
    target = copy / "parquet" / "exercises.parquet"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    assert cli.main(["validate", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "NOT valid" in err and "exercises.parquet" in err


def test_show_prints_a_routine(root: Path, capsys) -> None:
    assert cli.main(["show", "003_1d0529839d5a7ef8", "--dir", str(root / "dataset")]) == 0
    assert cli.main(["show", "nope", "--dir", str(root / "dataset")]) == 1


def test_a_cli_build_runs_without_flow_heartbeats(monkeypatch, tmp_path: Path) -> None:
    """Heartbeats only serve deployments; their thread cost every CLI build up to 1 s at exit."""
    import flows.build
    from prefect.settings import get_current_settings

    seen: list[object] = []

    def fake_flow(**kwargs):
        seen.append(get_current_settings().flows.heartbeat_frequency)
        return kwargs["out_dir"]

    monkeypatch.setattr(flows.build, "build_dataset", fake_flow)
    assert cli.run_build(tmp_path / "raw", tmp_path / "out") == tmp_path / "out"
    assert seen == [None]
    assert get_current_settings().flows.heartbeat_frequency is not None  # only for that run


def test_the_command_exits_with_mains_code_and_skips_the_last_heap_sweep(monkeypatch) -> None:
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="runstrength")
    assert script.value == "runstrength.cli:console"
    calls: list[str] = []
    monkeypatch.setattr(cli, "main", lambda argv=None: calls.append("main") or 3)
    # A stand-in for the gc module: freezing this test process would keep its objects
    # (and native ones, which then report leaks) past the end of the test run.
    monkeypatch.setattr(cli, "gc", type("FakeGC", (), {"freeze": staticmethod(lambda: calls.append("freeze"))}))
    with pytest.raises(SystemExit) as exited:
        cli.console()
    assert exited.value.code == 3
    assert calls == ["main", "freeze"]


def test_a_no_op_rebuild_prints_nothing_in_quiet_mode(root: Path, tmp_path: Path) -> None:
    """-q promises only warnings and errors; a rebuild that has nothing to do has neither."""
    raw = tmp_path / "raw"
    shutil.copytree(root / "raw", raw)
    # The installed command, as a user runs it (it exits faster than `python -m`, see console()).
    cmd = [str(Path(sys.executable).with_name("runstrength")), "build", "-q", "--raw-dir", str(raw),
           "--out-dir", str(tmp_path / "dataset"), "--cache-dir", str(tmp_path / "cache")]
    env = {k: v for k, v in os.environ.items() if k != "RUNSTRENGTH_NO_CACHE"}  # the cache makes the rebuild a no-op
    env["PREFECT_LOGGING_LEVEL"] = "INFO"  # set in the environment; -q still wins
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=root, env=env)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(cmd, capture_output=True, text=True, cwd=root, env=env)
    assert "publish: skipped" not in again.stderr  # -q: the info line stays quiet too
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip() == "" and "Traceback" not in again.stdout, again.stderr


class _FakeServer:
    """Stands in for Prefect's SubprocessASGIServer: records that it was started."""

    started = 0
    api_url = "http://127.0.0.1:1/api"

    def start(self) -> None:
        type(self).started += 1


def test_one_temporary_server_is_started_and_exported_to_workers(monkeypatch) -> None:
    import prefect.server.api.server as server_mod
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from runstrength.runners import one_prefect_api

    monkeypatch.setattr(server_mod, "SubprocessASGIServer", _FakeServer)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    _FakeServer.started = 0
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        with one_prefect_api() as url:
            # Process-pool workers get the settings, LocalCluster workers the environment.
            assert url == PREFECT_API_URL.value() == os.environ["PREFECT_API_URL"] == _FakeServer.api_url
        assert "PREFECT_API_URL" not in os.environ and not PREFECT_API_URL.value()
        with one_prefect_api(remote_workers=True) as url:  # a remote cluster cannot reach our loopback
            assert url is None and "PREFECT_API_URL" not in os.environ
    assert _FakeServer.started == 1


def test_an_api_already_configured_is_used_as_it_is(monkeypatch) -> None:
    import prefect.server.api.server as server_mod
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from runstrength.runners import one_prefect_api

    monkeypatch.setattr(server_mod, "SubprocessASGIServer", _FakeServer)
    _FakeServer.started = 0
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:2/api"}):
        with one_prefect_api() as url:
            assert url == "http://127.0.0.1:2/api"
    assert _FakeServer.started == 0


def test_a_default_build_starts_one_temporary_server_for_all_its_workers(root: Path, tmp_path: Path) -> None:
    """Without PREFECT_API_URL each pool worker used to start a server of its own (three for two
    workers), which made a 10,000-article cold build ~40 % slower."""
    raw = tmp_path / "raw"
    shutil.copytree(root / "raw", raw)
    cmd = [str(Path(sys.executable).with_name("runstrength")), "build", "-v", "--workers", "2", "--batch-articles", "2",
           "--raw-dir", str(raw), "--out-dir", str(tmp_path / "dataset"), "--no-cache"]
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=root, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    log = done.stdout + done.stderr
    assert "extract: 2 article(s)" in log  # the batches did run in the workers
    assert log.count("Starting temporary server") == 1, log[-3000:]
