#!/usr/bin/env python3
"""Bootstrap and run the project with nothing but Python 3.11 and pip.

    python3 dev.py build      # install the locked environment, build dataset/ from raw/
    python3 dev.py test       # install the locked environment, run the test suite
    python3 dev.py eval GOLD  # score a build against gold annotations
    python3 dev.py <cmd> ...  # any other runstrength command (validate, ...)

uv (from PyPI) installs exactly the versions in uv.lock into .venv; it is
itself installed into .tools/ the first time, so nothing outside the project
directory is touched.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
UV_SPEC = "uv>=0.5,<0.14"


def uv() -> str:
    found = shutil.which("uv")
    if found:
        return found
    exe = TOOLS / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv")
    if not exe.exists():
        print(f"dev.py: installing {UV_SPEC} into {TOOLS.name}/", file=sys.stderr)
        venv.create(TOOLS, with_pip=True, clear=True)
        pip = TOOLS / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        subprocess.run([str(pip), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", UV_SPEC], check=True)
    return str(exe)


def ensure_chromium() -> None:
    """The report test renders report.html in headless Chromium (Debian's package; no browser download)."""
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        print("dev.py: installing Debian's chromium for the report rendering test", file=sys.stderr)
        quiet = {"stdout": subprocess.DEVNULL}
        subprocess.run(["apt-get", "update", "-qq"], check=True, **quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), **quiet)
    else:
        print("dev.py: chromium is not installed; the report rendering test will fail "
              "(install your distribution's chromium package)", file=sys.stderr)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if sys.version_info[:2] != (3, 11):
        print(f"dev.py: Python 3.11 is required, this is {sys.version.split()[0]}", file=sys.stderr)
        return 2
    env = dict(os.environ, UV_PYTHON=sys.executable, UV_PYTHON_DOWNLOADS="never", UV_NO_PROGRESS="1")
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    tool = uv()
    # --compile-bytecode: where PYTHONDONTWRITEBYTECODE is set (CI images often set it),
    # every process would otherwise recompile Prefect, pandas and spaCy from source:
    # about 2 s per build process and per worker.
    subprocess.run([tool, "sync", "--frozen", "--quiet", "--compile-bytecode"], cwd=ROOT, env=env, check=True)
    cmd, rest = argv[0], argv[1:]
    if cmd == "test":
        ensure_chromium()
        run = ["pytest", *rest]
    else:
        run = ["runstrength", cmd, *rest]
    return subprocess.run([tool, "run", "--frozen", "--no-sync", *run], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
