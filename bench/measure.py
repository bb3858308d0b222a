"""Timing and query counting for the benchmark: percentiles over repeated requests."""

import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import event


@dataclass
class Sample:
    """Latencies (ms) and queries per request of one page."""

    name: str
    times_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    statements: list[tuple[str, object]] = field(default_factory=list)
    raw_ms: float | None = None  # p50 of the same SQL straight on the driver, when timed

    @property
    def p50(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def query_count(self) -> int:
        return max(self.queries) if self.queries else 0


class QueryCounter:
    """Counts (and optionally keeps) the statements an engine runs."""

    def __init__(self, engine):
        self.engine = engine
        self.count = 0
        self.keep = False
        self.statements: list[tuple[str, object]] = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many):
        self.count += 1
        if self.keep:
            self.statements.append((statement, parameters))

    @contextmanager
    def counting(self, keep: bool = False):
        self.count, self.keep, self.statements = 0, keep, []
        yield self
        self.keep = False


def repeat(name: str, call: Callable[[], object], counter: QueryCounter, runs: int) -> Sample:
    """Run call `runs` times after two warm-ups; record time and queries of each run."""
    sample = Sample(name)
    for _ in range(2):
        call()
    for i in range(runs):
        with counter.counting(keep=i == 0) as seen:
            started = time.perf_counter()
            call()
            sample.times_ms.append((time.perf_counter() - started) * 1000)
        sample.queries.append(seen.count)
        if i == 0:
            sample.statements = list(seen.statements)
    return sample


def time_raw(connection, statements: list[tuple[str, object]], runs: int) -> float:
    """p50 (ms) of running exactly these SQL statements straight on the DB-API cursor."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        cursor = connection.connection.cursor()
        for statement, parameters in statements:
            cursor.execute(statement, parameters)
            cursor.fetchall()
        cursor.close()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
