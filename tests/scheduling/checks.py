"""What every layout must satisfy, checked from the outside."""

from collections import defaultdict

from tracker.scheduling.problem import Problem, Result
from tracker.scheduling.resources import Resources


def assert_valid(problem: Problem, result: Result) -> None:
    """Nobody and nothing in two places; blocks, seats, languages and the day's limit kept.
    Fixed (locked, held) talks stay where they are, even clashing among themselves."""
    res = Resources.of(problem)
    fixed = {r.id for r in problem.requests if r.fixed is not None}
    taken, per_day = defaultdict(list), defaultdict(list)
    for rid, place in result.placements.items():
        request = res.requests[rid]
        for pid in set(request.people):
            taken["person", pid, place.slot].append(rid)
            per_day[pid, problem.slots[place.slot].day].append(rid)
        taken["table", place.table, place.slot].append(rid)
        if place.interpreter is not None:
            taken["interpreter", place.interpreter, place.slot].append(rid)
        if rid in fixed:
            continue
        table = next(t for t in problem.tables if t.id == place.table)
        assert table.capacity >= res.size[rid] and place.slot not in table.blocked
        assert not any(res.blocked(p, place.slot) for p in request.people)
        if rid in res.pairs:
            chosen = next(i for i in problem.interpreters if i.id == place.interpreter)
            assert chosen.pairs & res.pairs[rid] and place.slot not in chosen.blocked
    for key, rids in taken.items():
        assert len(rids) == 1 or set(rids) <= fixed, f"{key} twice: {rids}"
    for key, rids in per_day.items():
        assert len(rids) <= problem.max_per_day or set(rids) <= fixed, key
    for r in problem.requests:
        if r.fixed is not None:
            assert result.placements[r.id] == r.fixed
    assert set(result.placements) | set(result.unplaced) == {r.id for r in problem.requests}
    assert not set(result.placements) & set(result.unplaced)
