"""Property tests: random small sessions (people, tables, interpreters, blocks, locks) never
put anyone or anything in two places, never move a locked talk, and give every request left
out a reason. SCHEDULE_FUZZ_EXAMPLES sets the number of sessions (default 25)."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.scheduling.builders import DE_ZH, EN_ZH, day
from tests.scheduling.checks import assert_valid
from tracker.scheduling.problem import (
    PRIORITIES,
    Interpreter,
    Person,
    Placement,
    Problem,
    Request,
    Table,
)
from tracker.scheduling.solver import solve

EXAMPLES = int(os.environ.get("SCHEDULE_FUZZ_EXAMPLES", "25"))
LANGUAGES = st.frozensets(st.sampled_from(["de", "en", "zh"]), max_size=2)


@st.composite
def sessions(draw) -> Problem:
    """A session of up to 2 days x 5 slots, 8 people, 3 tables, 2 interpreters, 10 requests;
    some requests locked at a random place (possibly clashing, as people may lock)."""
    slots = day(draw(st.integers(1, 5)), draw(st.integers(1, 2)))
    count = len(slots)
    blocks = st.frozensets(st.integers(0, count - 1), max_size=count)
    people = [
        Person(i, f"P{i}", draw(LANGUAGES), draw(blocks), visitor=i <= 4) for i in range(1, 9)
    ]
    tables = tuple(
        Table(t, f"T{t}", draw(st.integers(2, 5)), draw(blocks))
        for t in range(1, draw(st.integers(1, 3)) + 1)
    )
    interpreters = tuple(
        Interpreter(i, f"I{i}", draw(st.sampled_from([frozenset({DE_ZH}), frozenset({EN_ZH}),
                                                       frozenset({DE_ZH, EN_ZH})])), draw(blocks))
        for i in range(1, draw(st.integers(0, 2)) + 1)
    )  # fmt: skip
    requests = []
    for rid in range(1, draw(st.integers(1, 10)) + 1):
        visitors = draw(st.lists(st.integers(1, 4), min_size=1, max_size=2, unique=True))
        partners = draw(st.lists(st.integers(5, 8), min_size=1, max_size=2, unique=True))
        fixed = None
        if draw(st.integers(0, 4)) == 0:
            fixed = Placement(
                draw(st.integers(0, count - 1)),
                draw(st.sampled_from([t.id for t in tables])),
                draw(st.sampled_from([None, *(i.id for i in interpreters)])),
            )
        requests.append(Request(rid, f"R{rid}", draw(st.sampled_from(PRIORITIES)),
                                tuple(visitors), tuple(partners), fixed=fixed))  # fmt: skip
    return Problem(slots, tuple(people), tables, interpreters, tuple(requests),
                   max_per_day=draw(st.integers(1, 4)), time_limit=1.0)  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_random_sessions_are_laid_out_validly(session):
    result = solve(session)
    assert_valid(session, result)
    for reason in result.unplaced.values():
        assert reason.code


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_a_resolve_of_the_layout_with_some_locked_moves_none_of_them(session):
    first = solve(session)
    locked = {rid for i, rid in enumerate(sorted(first.placements)) if i % 2 == 0}
    again = Problem(
        session.slots, session.people, session.tables, session.interpreters,
        tuple(Request(r.id, r.title, r.priority, r.visitors, r.partners,
                      fixed=first.placements[r.id] if r.id in locked else r.fixed)
              for r in session.requests),
        session.max_per_day, time_limit=1.0,
    )  # fmt: skip
    second = solve(again)
    assert_valid(again, second)
    for rid in locked:
        assert second.placements[rid] == first.placements[rid]
