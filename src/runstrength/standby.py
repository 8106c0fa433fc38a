"""A standby extraction process, loaded while the flow's process is still starting up.

A small incremental build (one batch, run in the flow's own process) used to pay,
one after the other on one core: importing Prefect (~2 s), then importing the rule
layer and spaCy and building the pipeline (~1.5 s), then extracting its few
articles in milliseconds.  The CLI starts this process before it imports Prefect,
so the extractor loads on the other core meanwhile; the flow hands the batch to it
when it runs a batch in its own process, and stops it when it does not (nothing
to extract, or a pool or a cluster doing the work).

The process only runs `extract_articles` on what it is sent: the records are
tabulated, validated and published by the flow exactly as before, so the dataset
does not depend on where a batch was extracted.  If the process is gone or fails
to load, the batch is extracted in the calling process, as it is without one.
"""
from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runstrength.ingest.reader import RawArticle
    from runstrength.model import Article

log = logging.getLogger(__name__)


class _Standby:
    """The process and the two pipes to it; one pickled object per message each way."""

    def __init__(self) -> None:
        # A fresh interpreter (not multiprocessing): nothing of this process is inherited or
        # imported again there, whatever script or notebook started the build.
        to_child, self._to = os.pipe()
        self._from, from_child = os.pipe()
        try:
            self.proc = subprocess.Popen([sys.executable, "-m", __name__, str(to_child), str(from_child)],
                                         pass_fds=(to_child, from_child), stdin=subprocess.DEVNULL,
                                         # Its own session: a Ctrl-C at the terminal stops the build, which
                                         # kills this process, instead of printing its traceback too.
                                         start_new_session=True)
        except BaseException:
            for fd in (self._to, self._from):
                os.close(fd)
            raise
        finally:
            os.close(to_child)
            os.close(from_child)
        self.send, self.recv = os.fdopen(self._to, "wb"), os.fdopen(self._from, "rb")
        self.lock = threading.Lock()

    def extract(self, raws: list[RawArticle]) -> tuple[list[Article], list[tuple[RawArticle, str]]]:
        with self.lock:
            pickle.dump(raws, self.send, protocol=pickle.HIGHEST_PROTOCOL)
            self.send.flush()
            status, *value = pickle.load(self.recv)
        if status != "ok":
            raise RuntimeError(value[0])
        return value[0], value[1]

    def close(self) -> None:
        # Killed, not asked to finish: one that is still loading would only read the request once
        # loaded, and it holds nothing that needs a clean exit.
        self.proc.kill()
        self.proc.wait()
        for f in (self.send, self.recv):
            try:
                f.close()
            except OSError:  # a write buffered for a process that is gone
                pass


_standby: _Standby | None = None
# Set (to anything but "" or "0") to never start the standby process: every batch is then extracted
# where its task runs, as in a build that is not started from the CLI.
NO_STANDBY_ENV = "RUNSTRENGTH_NO_STANDBY"


def start() -> None:
    """Start loading the extractor in a standby process (once per process; not when $RUNSTRENGTH_NO_STANDBY is set)."""
    global _standby
    if _standby is None and os.environ.get(NO_STANDBY_ENV, "") in ("", "0"):
        try:
            _standby = _Standby()
        except OSError as exc:  # only a head start: the build goes on without it
            log.warning("standby extractor not started (%s); extracting in the flow's process", _one_line(exc))


def stop() -> None:
    """Stop the standby process, if any."""
    global _standby
    standby, _standby = _standby, None
    if standby is not None:
        standby.close()


def running() -> bool:
    return _standby is not None


def extract(raws: list[RawArticle], failed: list[tuple[RawArticle, str]]) -> list[Article] | None:
    """What `list(extract_articles(raws, failed=failed))` returns, from the standby process.

    None when there is no standby process, or it could not do the work (it died, or
    could not load the extractor): the caller then extracts in its own process, where a
    real error surfaces as usual.  The process serves one batch and is stopped: a build
    runs at most one batch in the flow's process.
    """
    global _standby
    standby, _standby = _standby, None
    if standby is None:
        return None
    try:
        articles, lost = standby.extract(raws)
    except Exception as exc:  # noqa: BLE001 - any failure of the helper process means: do it in the caller
        log.warning("standby extractor unavailable (%s); extracting in this process", _one_line(exc))
        return None
    finally:
        standby.close()
    failed.extend(lost)
    return articles


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


def _serve(read_fd: int, write_fd: int) -> None:
    """The standby process: load the extractor, then extract each batch received until the input closes."""
    try:
        from runstrength.extract import assemble  # noqa: F401 - the rule layer: most of the load time
        from runstrength.extract.nlp import build_nlp
        from runstrength.extract.pipeline import extract_articles

        build_nlp()
    except Exception as exc:  # noqa: BLE001 - reported to the caller, who extracts in its own process
        loaded: str | None = _one_line(exc)
    else:
        loaded = None
    with os.fdopen(read_fd, "rb") as inp, os.fdopen(write_fd, "wb") as out:
        while True:
            try:
                raws = pickle.load(inp)
            except EOFError:
                return
            if loaded is not None:
                reply: tuple = ("error", f"could not load the extractor: {loaded}")
            else:
                try:
                    failed: list = []
                    reply = ("ok", list(extract_articles(raws, failed=failed)), failed)
                except Exception as exc:  # noqa: BLE001 - the caller extracts again and sees it raise
                    reply = ("error", _one_line(exc))
            pickle.dump(reply, out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()


if __name__ == "__main__":
    # Loading in vain (the build turns out to have nothing to extract) must not slow the build:
    # run only on a core that the build and the Prefect server leave idle.
    if hasattr(os, "sched_setscheduler"):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    else:
        os.nice(19)
    _serve(int(sys.argv[1]), int(sys.argv[2]))
