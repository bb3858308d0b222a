"""The stage periods kept on write equal the ones computed again from the history."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from tracker.deleted.services import restore
from tracker.extensions import db
from tracker.models import Need, Stage, StageChange, WonOutcome
from tracker.needs.pipeline import Outcome, move_need, reopen_need
from tracker.needs.services import REACH_ORDER, NeedFilters
from tracker.reports import timing
from tracker.softdelete import soft_delete

START = datetime(2026, 1, 5, 4, 0)


def kept(need_id: int) -> list[tuple]:
    """(left_at, days, first_in_stage) of each change in order, and the need's history_reach,
    as stored."""
    rows = db.session.execute(
        select(StageChange.left_at, StageChange.days, StageChange.first_in_stage)
        .where(StageChange.need_id == need_id)
        .order_by(StageChange.changed_at, StageChange.id)
        .execution_options(populate_existing=True)
    ).all()
    need = Need.__table__  # the table, not the entity: a deleted need's values too
    reach = db.session.scalar(select(need.c.history_reach).where(need.c.id == need_id))
    return [tuple(row) for row in rows], reach


def recomputed(need_id: int) -> list[tuple]:
    """The same values computed in Python from the history alone."""
    changes = db.session.execute(
        select(StageChange.changed_at, StageChange.to_stage)
        .where(StageChange.need_id == need_id)
        .order_by(StageChange.changed_at, StageChange.id)
    ).all()
    periods = []
    for i, (at, stage) in enumerate(changes):
        left = changes[i + 1][0] if i + 1 < len(changes) else None
        first = stage not in [s for _at, s in changes[:i]]
        periods.append((left, (left - at).total_seconds() / 86400 if left else None, first))
    ranks = [REACH_ORDER.index(s) for _at, s in changes if s in REACH_ORDER]
    return periods, max(ranks, default=-1)


def assert_kept(need: Need) -> None:
    (got, got_reach), (want, want_reach) = kept(need.id), recomputed(need.id)
    assert got_reach == want_reach
    assert [(left, first) for left, _d, first in got] == [(left, first) for left, _d, first in want]
    # julianday() keeps milliseconds: a few hundredths of a second apart at most.
    assert [d for _l, d, _f in got] == pytest.approx([d for _l, d, _f in want], abs=1e-6)


def test_a_new_need_has_one_current_period(make):
    need = make.need_with_history([(Stage.NEW, START)])
    assert kept(need.id) == ([(None, None, True)], 0)


def test_moves_close_the_period_before(make):
    user = make.user()
    need = make.need_with_history([(Stage.NEW, START), (Stage.QUALIFIED, START + timedelta(2))])
    move_need(need, Stage.MATCHING, user)
    assert_kept(need)
    periods, reach = kept(need.id)
    assert periods[0][1] == pytest.approx(2.0) and periods[-1] == (None, None, True)
    assert reach == REACH_ORDER.index(Stage.MATCHING)


def test_won_then_reopened_keeps_the_furthest_reach(make):
    user = make.user()
    need = make.need_with_history([(Stage.NEW, START), (Stage.NEGOTIATION, START + timedelta(3))])
    move_need(need, Stage.WON, user, outcome=Outcome(won_on=date(2026, 2, 1),
                                                      won_outcome=WonOutcome.OTHER))  # fmt: skip
    reopen_need(need, Stage.NEGOTIATION, user, "the lease fell through")
    assert_kept(need)
    periods, reach = kept(need.id)
    assert reach == REACH_ORDER.index(Stage.WON)
    assert [first for _left, _days, first in periods] == [True, True, True, False]


def test_a_redated_change_moves_both_neighbours(make):
    need = make.need_with_history(
        [(Stage.NEW, START), (Stage.QUALIFIED, START + timedelta(1)),
         (Stage.MATCHING, START + timedelta(5))]
    )  # fmt: skip
    middle = db.session.scalars(
        select(StageChange).where(
            StageChange.need_id == need.id, StageChange.to_stage == "qualified"
        )
    ).one()
    middle.changed_at = START + timedelta(4)
    db.session.flush()
    assert_kept(need)
    assert middle.days == pytest.approx(1.0)  # expired and read again, not the old value


def test_a_deleted_change_joins_its_neighbours(make):
    need = make.need_with_history(
        [(Stage.NEW, START), (Stage.QUALIFIED, START + timedelta(1)),
         (Stage.MATCHING, START + timedelta(5))]
    )  # fmt: skip
    last = select(StageChange).where(
        StageChange.need_id == need.id, StageChange.to_stage == "matching"
    )
    db.session.delete(db.session.scalars(last).one())
    db.session.flush()
    assert_kept(need)
    assert kept(need.id)[1] == REACH_ORDER.index(Stage.QUALIFIED)


def test_delete_and_restore_keep_the_periods_and_the_report_follows(make):
    user = make.user()
    need = make.need_with_history([(Stage.NEW, START), (Stage.QUALIFIED, START + timedelta(2))])
    now = START + timedelta(10)
    before = kept(need.id)
    soft_delete(need, user.id)
    assert kept(need.id) == before
    assert timing.time_in_stage(NeedFilters(), now) == []
    restore(need)
    db.session.flush()
    assert kept(need.id) == before
    assert [r.stage for r in timing.time_in_stage(NeedFilters(), now)] == [
        Stage.NEW,
        Stage.QUALIFIED,
    ]


def test_all_needs_and_filtered_needs_read_the_same_percentiles(make):
    """The walk over the indexes (all needs) and the ranking (filtered needs) agree."""
    delegation = make.delegation()
    for days in (3, 1, 4, 2, 7):
        make.need_with_history(
            [(Stage.NEW, START), (Stage.QUALIFIED, START + timedelta(days))], delegation=delegation
        )
    now = START + timedelta(12)
    everything = timing.time_in_stage(NeedFilters(), now)
    filtered = timing.time_in_stage(NeedFilters(delegation_id=delegation.id), now)
    assert [(r.stage, r.periods, r.needs) for r in everything] == [
        (r.stage, r.periods, r.needs) for r in filtered
    ]
    assert [(r.median, r.p90) for r in everything] == [(r.median, r.p90) for r in filtered]


def test_periods_of_deleted_needs_are_taken_out_of_every_count(make):
    """Without filters the counts are every period less the deleted needs' ones: a deleted need
    beside live ones leaves exactly the live needs' periods, and its stage's re-entries too."""
    user = make.user()
    live = make.need_with_history([(Stage.NEW, START), (Stage.QUALIFIED, START + timedelta(2))])
    gone = make.need_with_history(
        [(Stage.NEW, START), (Stage.QUALIFIED, START + timedelta(1)),
         (Stage.NEW, START + timedelta(3)), (Stage.QUALIFIED, START + timedelta(4))]
    )  # fmt: skip
    now = START + timedelta(10)
    with_both = {r.stage: (r.periods, r.needs) for r in timing.time_in_stage(NeedFilters(), now)}
    assert with_both == {Stage.NEW: (3, 2), Stage.QUALIFIED: (3, 2)}
    soft_delete(gone, user.id)
    only_live = {r.stage: (r.periods, r.needs) for r in timing.time_in_stage(NeedFilters(), now)}
    assert only_live == {Stage.NEW: (1, 1), Stage.QUALIFIED: (1, 1)}
    by_delegation = timing.time_in_stage(NeedFilters(delegation_id=live.delegation_id), now)
    assert {r.stage: (r.periods, r.needs) for r in by_delegation} == only_live
