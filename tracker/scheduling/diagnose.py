"""After the solve: place what still fits anywhere, say why the rest does not, and count the
visitors' idle gaps and room changes. Each reason comes from small checks on the request itself
(its people's blocks, the tables' seats, the interpreters' pairs), then on the final layout."""

from collections import Counter

from tracker.scheduling.problem import Placement, Problem, Reason, Request
from tracker.scheduling.resources import Occupancy, Resources

PRIORITY_ORDER = {"must": 0, "should": 1, "could": 2}


def complete_greedily(problem: Problem, res: Resources, occupied: Occupancy) -> None:
    """Place any request left out that still has a wholly free place (a solve cut short by its
    time limit can leave such); most important first."""
    left = [r for r in res.free_requests if r.id not in occupied.placements]
    for request in sorted(left, key=lambda r: (PRIORITY_ORDER[r.priority], r.id)):
        for slot, tables, interpreters in res.candidates(request, occupied):
            interpreter = interpreters[0] if request.id in res.pairs else None
            occupied.take(request, Placement(slot, tables[0], interpreter), problem)
            break


def _pair(res: Resources, request: Request) -> list[str]:
    """The bridging pair to name, visitors' language first: one the session's interpreters
    have if any, else one with Chinese ("de", "zh")."""
    held = {pair for i in res.problem.interpreters for pair in i.pairs}
    pair = min(res.pairs[request.id], key=lambda p: (p not in held, "zh" not in p, sorted(p)))
    visitors = [res.people[v] for v in request.visitors if v in res.people]
    spoken = set().union(*(p.languages for p in visitors))
    return sorted(pair, key=lambda code: (code not in spoken, code))


def _names(res: Resources, ids) -> list[str]:
    return [res.people[i].name if i in res.people else str(i) for i in dict.fromkeys(ids)]


def _static(request: Request, problem: Problem, res: Resources) -> Reason | list[int]:
    """A reason that holds whatever else is placed, or the slots left to look at."""
    if not request.people:
        return Reason("no_participants")
    if request.id in res.pairs and not res.qualified[request.id]:
        return Reason("no_interpreter_pair", {"pair": _pair(res, request)})
    size = res.size[request.id]
    if not any(t.capacity >= size for t in problem.tables):
        return Reason("no_table_seats", {"count": size})
    slots = range(len(problem.slots))
    for person in dict.fromkeys(request.people):
        if all(res.blocked(person, s) for s in slots):
            return Reason("person_unavailable", {"names": _names(res, [person])})
    common = [s for s in slots if not any(res.blocked(p, s) for p in request.people)]
    names = _names(res, request.people)
    if not common:
        return Reason("no_common_slot", {"names": names})
    if request.id in res.pairs:
        common = [s for s in common if any(s not in i.blocked for i in res.qualified[request.id])]
        if not common:
            return Reason("no_interpreter_free", {"pair": _pair(res, request), "names": names})
    common = [s for s in common if any(t.capacity >= size and s not in t.blocked
                                       for t in problem.tables)]  # fmt: skip
    return common or Reason("no_table_free", {"names": names})


def diagnose(request: Request, problem: Problem, res: Resources, occupied: Occupancy) -> Reason:
    """Why the request is not in the layout, in a code and the names it concerns."""
    static = _static(request, problem, res)
    if isinstance(static, Reason):
        return static
    causes, busy, limited = Counter(), Counter(), Counter()
    for slot in static:
        day = problem.slots[slot].day
        full = [p for p in request.people if occupied.day_count[p, day] >= problem.max_per_day]
        limited.update(full)
        taken = [p for p in request.people if occupied.busy_at(p, slot)]
        busy.update(taken)
        causes["max"] += bool(full)
        causes["busy"] += bool(taken)
        size = res.size[request.id]
        causes["tables"] += not any(
            t.capacity >= size and slot not in t.blocked and (t.id, slot) not in occupied.tables
            for t in problem.tables
        )
        if request.id in res.pairs:
            causes["interpreters"] += not any(
                slot not in i.blocked and (i.id, slot) not in occupied.interpreters
                for i in res.qualified[request.id]
            )
    if causes["max"] == len(static):
        name, _count = limited.most_common(1)[0]
        return Reason("max_per_day", {"names": _names(res, [name]), "count": problem.max_per_day})
    if causes["busy"] == len(static):
        return Reason(
            "participants_busy", {"names": _names(res, [p for p, _ in busy.most_common(2)])}
        )
    if request.id in res.pairs and causes["interpreters"] >= causes["tables"]:
        return Reason("interpreters_busy", {"pair": _pair(res, request)})
    if causes["tables"]:
        return Reason("tables_full", {})
    return Reason("outranked", {})


def layout_figures(problem: Problem, res: Resources, occupied: Occupancy) -> tuple[int, int]:
    """The visitors' idle gaps (a free slot between two talks of one day, counted once per
    stretch) and room changes between consecutive slots."""
    gaps = changes = 0
    for person in res.visitor_ids:
        previous = None  # (slot, day, table)
        for slot, info in enumerate(problem.slots):
            table = occupied.people.get((person, slot))
            if table is None:
                continue
            if previous is not None and previous[1] == info.day:
                gaps += slot - previous[0] > 1
                changes += slot - previous[0] == 1 and previous[2] != table
            previous = (slot, info.day, table)
    return gaps, changes
