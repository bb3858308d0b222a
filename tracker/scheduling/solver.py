"""The matchmaking day's solver: OR-Tools CP-SAT, pure (tracker.scheduling.problem in and out).

Two phases, lexicographic: first the most weighted requests placed (one "must" outweighs every
"should" and "could" together, one "should" every "could"), then, keeping that score, the fewest
idle gaps and room changes for the visitors. Fixed talks (locked or held) are not variables:
they hold their person, table and interpreter, and the rest is placed around them. Whatever is
left out gets a reason from tracker.scheduling.diagnose.
"""

import time
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from tracker.scheduling.diagnose import complete_greedily, diagnose, layout_figures
from tracker.scheduling.problem import Placement, Problem, Request, Result
from tracker.scheduling.resources import Occupancy, Resources

GAP_WEIGHT = 3  # a visitor's idle gap costs as much as three room changes
RESERVE = 0.3  # seconds kept for the greedy completion and the reasons


def priority_weights(requests: tuple[Request, ...]) -> dict[str, int]:
    """Weights such that one request outweighs all requests of lower priorities together."""
    count = defaultdict(int)
    for request in requests:
        count[request.priority] += 1
    could = 1
    should = count["could"] * could + 1
    must = count["should"] * should + count["could"] * could + 1
    return {"must": must, "should": should, "could": could}


@dataclass
class _Model:
    """The CP-SAT model: x[r, s] request r at slot s; w[r, s, t] at table t; u[r, s, i] with
    interpreter i (only for requests that need one)."""

    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict = field(default_factory=dict)
    w: dict = field(default_factory=dict)
    u: dict = field(default_factory=dict)
    placed: dict = field(default_factory=dict)


def _build(problem: Problem, res: Resources, occupied: Occupancy) -> _Model:
    """Variables for every free place of every request, and the no-double-booking rules."""
    m = _Model()
    for request in res.free_requests:
        places = res.candidates(request, occupied)
        for slot, tables, interpreters in places:
            x = m.model.new_bool_var(f"x{request.id}_{slot}")
            m.x[request.id, slot] = x
            ws = [m.w.setdefault((request.id, slot, t), m.model.new_bool_var("")) for t in tables]
            m.model.add(sum(ws) == x)
            if request.id in res.needs_interpreter:
                us = [
                    m.u.setdefault((request.id, slot, i), m.model.new_bool_var(""))
                    for i in interpreters
                ]
                m.model.add(sum(us) == x)
        placed = m.model.new_bool_var(f"placed{request.id}")
        m.model.add(sum(m.x[request.id, s] for s, _t, _i in places) == placed)
        m.placed[request.id] = placed
    _no_double_booking(problem, res, occupied, m)
    return m


def _no_double_booking(problem: Problem, res: Resources, occupied: Occupancy, m: _Model) -> None:
    """One talk at a time per person, table and interpreter; at most max_per_day a day."""
    by_person_slot, by_table_slot, by_interpreter_slot = (defaultdict(list) for _ in range(3))
    by_person_day = defaultdict(list)
    for (rid, slot), x in m.x.items():
        for person in res.requests[rid].people:
            by_person_slot[person, slot].append(x)
            by_person_day[person, problem.slots[slot].day].append(x)
    for (_rid, slot, table), w in m.w.items():
        by_table_slot[table, slot].append(w)
    for (_rid, slot, interpreter), u in m.u.items():
        by_interpreter_slot[interpreter, slot].append(u)
    for group in (by_person_slot, by_table_slot, by_interpreter_slot):
        for variables in group.values():
            if len(variables) > 1:
                m.model.add_at_most_one(variables)
    for (person, day), variables in by_person_day.items():
        room = problem.max_per_day - occupied.day_count[person, day]
        if len(variables) > room:
            m.model.add(sum(variables) <= room)


def _comfort(problem: Problem, res: Resources, occupied: Occupancy, m: _Model):
    """The visitors' idle gaps (counted as the starts of runs of talks, one run a day being
    none) and room changes between consecutive slots, as a linear expression to minimise."""
    busy, at_table = defaultdict(list), defaultdict(list)
    for (rid, slot), x in m.x.items():
        for person in res.requests[rid].visitors:
            busy[person, slot].append(x)
    for (rid, slot, table), w in m.w.items():
        for person in res.requests[rid].visitors:
            at_table[person, slot, table].append(w)
    terms = []
    for person in res.visitor_ids:
        for slot, info in enumerate(problem.slots):
            now = sum(busy[person, slot]) + occupied.busy_at(person, slot)
            if isinstance(now, int) and now == 0:
                continue
            before_same_day = slot > 0 and problem.slots[slot - 1].day == info.day
            before = (
                sum(busy[person, slot - 1]) + occupied.busy_at(person, slot - 1)
                if before_same_day
                else 0
            )
            start = m.model.new_bool_var("")
            m.model.add(start >= now - before)
            terms.append(GAP_WEIGHT * start)
            if not before_same_day:
                continue
            for table in res.table_ids:
                was = sum(at_table[person, slot - 1, table]) + occupied.at(person, slot - 1, table)
                stays = sum(at_table[person, slot, table]) + occupied.at(person, slot, table)
                if isinstance(was, int) and was == 0:
                    continue
                change = m.model.new_bool_var("")
                m.model.add(change >= was + now - stays - 1)
                terms.append(change)
    return sum(terms)


def _early_and_first(res: Resources, m: _Model) -> tuple:
    """Among layouts equally good for the visitors, the one using the morning and the first
    tables (a room fills from the front): each talk costs its slot and table rank. Returns the
    expression and its largest value, so that it only ever breaks ties."""
    rank = {table: i for i, table in enumerate(res.table_ids)}
    width = len(rank) or 1
    costs = {key: key[1] * width + rank.get(key[2], 0) for key in m.w}  # key: request, slot, table
    largest = max(costs.values(), default=0) * len(res.requests)
    return sum(cost * m.w[key] for key, cost in costs.items()), largest


def _solution(m: _Model, solver: cp_model.CpSolver) -> dict[int, tuple[int, int, int | None]]:
    """The places the solver chose: request id to (slot, table, interpreter)."""
    chosen = {}
    for (rid, slot, table), w in m.w.items():
        if solver.value(w):
            chosen[rid] = (slot, table, None)
    for (rid, slot, interpreter), u in m.u.items():
        if solver.value(u):
            chosen[rid] = (slot, chosen[rid][1], interpreter)
    return chosen


def _hint(m: _Model, places: dict[int, tuple[int, int, int | None]]) -> None:
    """Start from these places (the current layout, or phase one's)."""
    m.model.clear_hints()
    for (rid, slot), x in m.x.items():
        m.model.add_hint(x, rid in places and places[rid][0] == slot)
    for (rid, slot, table), w in m.w.items():
        m.model.add_hint(w, rid in places and places[rid][:2] == (slot, table))
    for (rid, slot, interpreter), u in m.u.items():
        m.model.add_hint(u, rid in places and places[rid] == (slot, places[rid][1], interpreter))


def _run(m: _Model, seconds: float, workers: int) -> tuple[cp_model.CpSolver, int]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = workers
    return solver, solver.solve(m.model)


def solve(problem: Problem) -> Result:
    """Place the requests; never double-book; say why each one left out was left out."""
    started = time.monotonic()
    res = Resources.of(problem)
    occupied = Occupancy.of_fixed(problem, res)
    m = _build(problem, res, occupied)
    weights = priority_weights(problem.requests)
    score = sum(weights[res.requests[rid].priority] * var for rid, var in m.placed.items())
    m.model.maximize(score)
    hints = {
        r.id: (r.hint.slot, r.hint.table, r.hint.interpreter) for r in res.free_requests if r.hint
    }
    _hint(m, hints)
    budget = problem.time_limit - RESERVE - (time.monotonic() - started)
    solver, status = _run(m, budget * 0.6, problem.workers)
    places, objective, bound, name = {}, 0, 0, solver.status_name(status)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        places = _solution(m, solver)
        objective, bound = round(solver.objective_value), round(solver.best_objective_bound)
        m.model.add(score >= objective)
        tie, largest = _early_and_first(res, m)
        m.model.minimize(_comfort(problem, res, occupied, m) * (largest + 1) + tie)
        _hint(m, places)
        left = problem.time_limit - RESERVE - (time.monotonic() - started)
        comfort_solver, comfort_status = _run(m, left, problem.workers)
        if comfort_status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            places = _solution(m, comfort_solver)
    for rid, (slot, table, interpreter) in places.items():
        occupied.take(res.requests[rid], Placement(slot, table, interpreter), problem)
    complete_greedily(problem, res, occupied)
    unplaced = {
        r.id: diagnose(r, problem, res, occupied)
        for r in problem.requests
        if r.id not in occupied.placements
    }
    gaps, changes = layout_figures(problem, res, occupied)
    placed_score = sum(weights[res.requests[rid].priority] for rid in occupied.placements)
    fixed_score = sum(weights[r.priority] for r in problem.requests if r.fixed is not None)
    return Result(
        placements=dict(occupied.placements),
        unplaced=unplaced,
        status=name,
        objective=placed_score - fixed_score,
        bound=max(bound, placed_score - fixed_score),
        wall_time=time.monotonic() - started,
        gaps=gaps,
        room_changes=changes,
        needs_interpreter=frozenset(res.needs_interpreter),
    )
