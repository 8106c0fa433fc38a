from runstrength.progress import Throttle


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_short_run_says_nothing_even_at_its_end() -> None:
    clock = FakeClock()
    t = Throttle(5, clock)
    clock.now += 4.9
    assert [t.due(n, 10) for n in range(1, 11)] == [False] * 10


def test_thousands_done_at_once_give_one_line_not_one_per_step() -> None:
    # A rebuild copies 9,999 unchanged articles in a blink after a slow start.
    clock = FakeClock()
    t = Throttle(5, clock)
    clock.now += 6
    assert sum(t.due(n, 10_000) for n in range(1, 10_000)) == 1
    assert t.due(10_000, 10_000)


def test_a_long_run_reports_once_per_interval_and_at_the_end() -> None:
    clock = FakeClock()
    t = Throttle(5, clock)
    said = []
    for n in range(1, 61):  # one item per second
        clock.now += 1
        if t.due(n, 60):
            said.append(n)
    assert said == [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]
    assert t.elapsed() == 60


def test_time_left_comes_from_the_last_interval_not_the_slow_start() -> None:
    # 8 s to load the extractor for the first article, then 1,000 articles a second.
    clock = FakeClock()
    t = Throttle(5, clock)
    clock.now += 8
    assert t.due(1, 20_000)
    assert t.remaining(1, 20_000) is None  # one point: no rate yet, and 1 per 8 s would say ~44 hours
    clock.now += 5
    assert t.due(5_001, 20_000)
    assert t.remaining(5_001, 20_000) == 14.999  # 5,000 in the last 5 s (1,000/s), 14,999 to go


def test_no_time_left_when_nothing_moved_in_the_last_interval() -> None:
    clock = FakeClock()
    t = Throttle(5, clock)
    clock.now += 5
    assert t.due(10, 100)
    clock.now += 5
    assert t.due(10, 100)
    assert t.remaining(10, 100) is None
