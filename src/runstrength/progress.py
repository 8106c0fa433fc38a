"""When a long loop should say how far it is: by the clock, not by the count.

A count-based rule ("every 5%") floods the log when thousands of items finish at
once (a rebuild copying unchanged articles) and stays silent for minutes when
each item is slow; a clock keeps the lines evenly spaced for any mix.
"""
from __future__ import annotations

import time
from collections.abc import Callable


class Throttle:
    """`due(done, total)` is true at most once every `every` seconds, and at the end of a run that lasted that long.

    A run that ends before `every` seconds says nothing: the summary line that
    follows it is enough.
    """

    def __init__(self, every: float = 5.0, clock: Callable[[], float] = time.perf_counter):
        self.every = every
        self._clock = clock
        self.started = self._last = clock()
        # The point before the last due line: (time, done), for the rate behind `remaining`.
        self._before: tuple[float, int] | None = None
        self._last_done = 0

    def elapsed(self) -> float:
        return self._clock() - self.started

    def due(self, done: int, total: int) -> bool:
        now = self._clock()
        if now - self.started < self.every:
            return False
        if done >= total or now - self._last >= self.every:
            self._before = (self._last, self._last_done) if self._last > self.started else None
            self._last, self._last_done = now, done
            return True
        return False

    def remaining(self, done: int, total: int) -> float | None:
        """Seconds left at the rate since the line before this one; None on a run's first line.

        Not the run's average: the first items carry the start-up (a rebuild's
        first article waits for the extractor to load, then thousands of
        unchanged ones are copied in a second), so an average from the start
        would predict hours for a run about to end.
        """
        if self._before is None:
            return None
        t0, n0 = self._before
        rate = (done - n0) / (self._last - t0) if self._last > t0 else 0.0
        return (total - done) / rate if rate > 0 else None
