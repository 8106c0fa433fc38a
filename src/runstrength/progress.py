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

    def elapsed(self) -> float:
        return self._clock() - self.started

    def due(self, done: int, total: int) -> bool:
        now = self._clock()
        if now - self.started < self.every:
            return False
        if done >= total or now - self._last >= self.every:
            self._last = now
            return True
        return False
