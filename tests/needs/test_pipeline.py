"""The pipeline's rules, tested on the services without HTTP."""

from datetime import date

import pytest
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Stage, StageChange, WonOutcome
from tracker.needs.pipeline import (
    ALLOWED_MOVES,
    Outcome,
    TransitionError,
    allowed_moves,
    move_need,
    reopen_need,
)


@pytest.fixture
def staff(make):
    return make.user()


def _changes(need):
    stmt = select(StageChange).where(StageChange.need_id == need.id).order_by(StageChange.id)
    return list(db.session.scalars(stmt))


def test_every_move_is_recorded_with_who_when_from_to_and_note(make, staff):
    need = make.need()
    move_need(need, Stage.QUALIFIED, staff, "Company confirmed budget")
    move_need(need, Stage.TALKS, staff)
    changes = _changes(need)
    assert [(c.from_stage, c.to_stage) for c in changes] == [
        (Stage.NEW, Stage.QUALIFIED),
        (Stage.QUALIFIED, Stage.TALKS),
    ]
    assert changes[0].note == "Company confirmed budget"
    assert changes[0].changed_by == staff
    assert changes[0].changed_at is not None
    assert need.stage == Stage.TALKS
    assert need.stage_changed_at == changes[1].changed_at


@pytest.mark.parametrize("closed", [Stage.WON, Stage.LOST])
@pytest.mark.parametrize("target", [s for s in Stage])
def test_nothing_moves_out_of_won_or_lost_without_reopening(make, staff, closed, target):
    need = make.need(stage=closed)
    with pytest.raises(TransitionError):
        move_need(need, target, staff)
    assert need.stage == closed
    assert _changes(need) == []


def test_refusal_names_the_way_out(make, staff):
    need = make.need(stage=Stage.WON)
    with pytest.raises(TransitionError, match="Reopen it first"):
        move_need(need, Stage.NEW, staff)


def test_moving_to_the_same_stage_is_refused(make, staff):
    need = make.need(stage=Stage.MATCHING)
    with pytest.raises(TransitionError, match="already"):
        move_need(need, Stage.MATCHING, staff)


def test_on_hold_can_resume_or_be_lost_but_not_won(make, staff):
    assert set(allowed_moves(Stage.ON_HOLD)) == {
        Stage.NEW, Stage.QUALIFIED, Stage.MATCHING, Stage.TALKS, Stage.NEGOTIATION, Stage.LOST
    }  # fmt: skip
    need = make.need(stage=Stage.ON_HOLD)
    with pytest.raises(TransitionError):
        move_need(
            need,
            Stage.WON,
            staff,
            outcome=Outcome(won_on=date.today(), won_outcome=WonOutcome.OTHER),
        )


def test_every_stage_has_a_rule():
    assert set(ALLOWED_MOVES) == set(Stage)


def test_lost_requires_a_reason(make, staff):
    need = make.need(stage=Stage.TALKS)
    with pytest.raises(TransitionError, match="why"):
        move_need(need, Stage.LOST, staff)
    assert need.stage == Stage.TALKS


def test_lost_reason_other_requires_text(make, staff):
    other = make.lost_reason(name="Other", needs_text=True)
    need = make.need(stage=Stage.TALKS)
    with pytest.raises(TransitionError, match="Explain"):
        move_need(need, Stage.LOST, staff, outcome=Outcome(lost_reason=other, lost_reason_text=" "))
    move_need(need, Stage.LOST, staff, outcome=Outcome(lost_reason=other, lost_reason_text="Moved"))
    assert need.stage == Stage.LOST
    assert need.lost_reason == other
    assert need.lost_reason_text == "Moved"


def test_won_requires_date_and_outcome(make, staff):
    need = make.need(stage=Stage.NEGOTIATION)
    with pytest.raises(TransitionError):
        move_need(need, Stage.WON, staff, outcome=Outcome(won_on=date(2026, 11, 1)))
    move_need(
        need,
        Stage.WON,
        staff,
        outcome=Outcome(won_on=date(2026, 11, 1), won_outcome=WonOutcome.LEASE_SIGNED),
    )
    assert (need.won_on, need.won_outcome) == (date(2026, 11, 1), WonOutcome.LEASE_SIGNED)


def test_reopen_is_explicit_recorded_and_clears_the_outcome(make, staff):
    reason = make.lost_reason(name="No budget")
    need = make.need(stage=Stage.TALKS)
    move_need(need, Stage.LOST, staff, outcome=Outcome(lost_reason=reason))
    reopen_need(need, Stage.QUALIFIED, staff, "Budget approved after all")
    assert need.stage == Stage.QUALIFIED
    assert need.lost_reason is None
    last = _changes(need)[-1]
    assert last.reopened is True
    assert (last.from_stage, last.to_stage) == (Stage.LOST, Stage.QUALIFIED)
    assert last.note == "Budget approved after all"


@pytest.mark.parametrize(
    ("stage", "target", "note", "message"),
    [
        (Stage.TALKS, Stage.NEW, "why", "Only won or lost"),
        (Stage.LOST, Stage.WON, "why", "active stage"),
        (Stage.LOST, Stage.ON_HOLD, "why", "active stage"),
        (Stage.LOST, Stage.NEW, "  ", "Say why"),
    ],
)
def test_reopen_refusals(make, staff, stage, target, note, message):
    need = make.need(stage=stage)
    with pytest.raises(TransitionError, match=message):
        reopen_need(need, target, staff, note)
    assert need.stage == stage


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        (Stage.NEW, Stage.QUALIFIED),
        (Stage.TALKS, Stage.NEGOTIATION),
        (Stage.NEGOTIATION, Stage.WON),
        (Stage.ON_HOLD, Stage.NEW),
        (Stage.WON, None),
        (Stage.LOST, None),
    ],
)
def test_next_stage_is_the_step_forward(stage, expected):
    from tracker.needs.pipeline import next_stage

    assert next_stage(stage) == expected
    if expected is not None:
        assert expected in allowed_moves(stage)
