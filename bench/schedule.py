"""Benchmark: a generated matchmaking day laid out by the solver (issue 23).

30 visitors (German; some speak English), 25 local partners (Chinese; some speak English or
German), 80 requests (20 must, 35 should, 25 could) of one or two visitors with one partner,
20-minute slots from 9:00 to 17:30 with lunch 12:00-13:30 (21 slots), 8 tables of 3 to 6 seats,
3 interpreters (two de-zh, one en-zh), a few partners blocked for the morning.

    .venv/bin/python bench/schedule.py [--seed N] [--time-limit S]

Prints the objective, the best bound and gap, the wall time, and checks that every "must" is
placed when a placement exists; exits 1 when the solve takes over 10 s or a must is left out
although it could be placed (a reason other than one that holds whatever the layout).
"""

import argparse
import random
import sys
import time

from tracker.scheduling.problem import Interpreter, Person, Problem, Request, Slot, Table
from tracker.scheduling.solver import solve

LIMIT_SECONDS = 10.0
# Reasons that hold whatever else is placed: no placement exists for such a request.
IMPOSSIBLE = {"no_participants", "no_interpreter_pair", "no_table_seats", "person_unavailable",
              "no_common_slot", "no_interpreter_free", "no_table_free"}  # fmt: skip


def slots() -> tuple[Slot, ...]:
    """20-minute slots 9:00-12:00 and 13:30-17:30."""
    starts = [*range(9 * 60, 12 * 60, 20), *range(13 * 60 + 30, 17 * 60 + 30, 20)]
    return tuple(Slot(0, start, f"{start // 60:02d}:{start % 60:02d}") for start in starts)


def generate(seed: int, time_limit: float) -> Problem:
    """The day described above, from a seed."""
    rng = random.Random(seed)
    day = slots()
    morning = frozenset(i for i, s in enumerate(day) if s.start < 12 * 60)
    visitors = [
        Person(i, f"Visitor {i}", frozenset({"de", "en"} if rng.random() < 0.3 else {"de"}))
        for i in range(1, 31)
    ]
    partners = []
    for i in range(101, 126):
        spoken = {"zh", "en"} if rng.random() < 0.25 else {"zh"}
        spoken |= {"de"} if rng.random() < 0.08 else set()
        blocked = morning if rng.random() < 0.12 else frozenset()
        partners.append(Person(i, f"Partner {i}", frozenset(spoken), blocked, visitor=False))
    companies = [visitors[i : i + 2] for i in range(0, 30, 2)]  # two visitors a company
    requests, seen = [], set()
    priorities = ["must"] * 20 + ["should"] * 35 + ["could"] * 25
    while len(requests) < 80:
        company, partner = rng.choice(companies), rng.choice(partners)
        side = company if rng.random() < 0.3 else [rng.choice(company)]
        key = (tuple(p.id for p in side), partner.id)
        if key in seen:
            continue
        seen.add(key)
        requests.append(Request(len(requests) + 1, f"Talk {len(requests) + 1}",
                                priorities[len(requests)], tuple(p.id for p in side),
                                (partner.id,)))  # fmt: skip
    tables = tuple(Table(t, f"Table {t}", 3 + t % 4) for t in range(1, 9))
    de_zh, en_zh = frozenset({"de", "zh"}), frozenset({"en", "zh"})
    interpreters = (
        Interpreter(1, "Interpreter A", frozenset({de_zh})),
        Interpreter(2, "Interpreter B", frozenset({de_zh})),
        Interpreter(3, "Interpreter C", frozenset({en_zh, de_zh})),
    )
    return Problem(day, tuple(visitors + partners), tables, interpreters, tuple(requests),
                   max_per_day=8, time_limit=time_limit, workers=2)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--time-limit", type=float, default=9.0)
    args = parser.parse_args()
    problem = generate(args.seed, args.time_limit)
    started = time.monotonic()
    result = solve(problem)
    wall = time.monotonic() - started
    musts = [r for r in problem.requests if r.priority == "must"]
    musts_left = [r for r in musts if r.id in result.unplaced]
    placeable_left = [r for r in musts_left if result.unplaced[r.id].code not in IMPOSSIBLE]
    interpreted = len(result.needs_interpreter)
    print(f"requests {len(problem.requests)} (needing an interpreter: {interpreted}), "
          f"placed {len(result.placements)}, must placed {len(musts) - len(musts_left)}/"
          f"{len(musts)}")  # fmt: skip
    print(f"objective {result.objective}, bound {result.bound}, gap {result.gap:.2%}, "
          f"status {result.status}, visitors' idle gaps {result.gaps}, "
          f"room changes {result.room_changes}, wall {wall:.2f} s")  # fmt: skip
    for rid, reason in sorted(result.unplaced.items()):
        print(f"  left out #{rid} ({problem.requests[rid - 1].priority}): {reason.code} "
              f"{reason.values}")  # fmt: skip
    if wall > LIMIT_SECONDS or placeable_left:
        print(f"FAIL: {wall:.2f} s, placeable musts left out: {[r.id for r in placeable_left]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
