"""Small solver problems for the tests: people, tables and interpreters by a few words."""

from tracker.scheduling.problem import Interpreter, Person, Problem, Request, Slot, Table

DE_ZH = frozenset({"de", "zh"})
EN_ZH = frozenset({"en", "zh"})


def day(count: int = 4, days: int = 1) -> tuple[Slot, ...]:
    """count 20-minute slots from 9:00 on each of days."""
    return tuple(
        Slot(d, 9 * 60 + 20 * i, f"day {d + 1} {9 + 20 * i // 60}:{20 * i % 60:02d}")
        for d in range(days)
        for i in range(count)
    )


def person(pid: int, languages: str = "", blocked=(), visitor: bool = True) -> Person:
    return Person(pid, f"P{pid}", frozenset(languages.split()), frozenset(blocked), visitor)


def request(rid: int, visitors, partners, priority: str = "should", **kw) -> Request:
    return Request(rid, f"R{rid}", priority, tuple(visitors), tuple(partners), **kw)


def problem(requests, people=(), tables=None, interpreters=(), slots=None, **kw) -> Problem:
    """A problem; people not given are made up (no languages) from the requests."""
    known = {p.id: p for p in people}
    for r in requests:
        for pid in r.visitors:
            known.setdefault(pid, person(pid))
        for pid in r.partners:
            known.setdefault(pid, person(pid, visitor=False))
    return Problem(
        slots=slots or day(),
        people=tuple(known.values()),
        tables=tables or (Table(1, "T1", 4), Table(2, "T2", 4)),
        interpreters=tuple(interpreters),
        requests=tuple(requests),
        time_limit=kw.pop("time_limit", 5.0),
        **kw,
    )


def interpreter(iid: int, *pairs, blocked=()) -> Interpreter:
    return Interpreter(iid, f"I{iid}", frozenset(pairs), frozenset(blocked))
