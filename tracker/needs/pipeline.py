"""The pipeline's rules: which stage moves make sense, and recording every move."""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from tracker.extensions import db
from tracker.models import (
    ACTIVE_STAGES,
    LostReason,
    Need,
    Stage,
    StageChange,
    User,
    WonOutcome,
    utcnow,
)

# Where a need may go from each stage by an ordinary move. Won and lost are closed: leaving
# them takes an explicit reopen, so a slip of the mouse cannot undo a result.
ALLOWED_MOVES: dict[Stage, frozenset[Stage]] = {
    **{s: frozenset(set(ACTIVE_STAGES) - {s} | {Stage.ON_HOLD, Stage.WON, Stage.LOST})
       for s in ACTIVE_STAGES},
    Stage.ON_HOLD: frozenset({*ACTIVE_STAGES, Stage.LOST}),
    Stage.WON: frozenset(),
    Stage.LOST: frozenset(),
}  # fmt: skip


class TransitionError(ValueError):
    """A stage move that is refused, with a message for the user; field names the stage form's
    field it concerns, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass
class Outcome:
    """What closing a need records: a lost reason, or a won date and outcome."""

    lost_reason: LostReason | None = None
    lost_reason_text: str | None = None
    won_on: date | None = None
    won_outcome: WonOutcome | None = None


def allowed_moves(stage: Stage) -> list[Stage]:
    """Targets of an ordinary move from stage, in pipeline order."""
    return [s for s in Stage if s in ALLOWED_MOVES[stage]]


def next_stage(stage: Stage) -> Stage | None:
    """The usual next step forward from stage, offered first in stage selects."""
    forward = [*ACTIVE_STAGES, Stage.WON]
    if stage in ACTIVE_STAGES:
        return forward[forward.index(stage) + 1]
    return Stage.NEW if stage == Stage.ON_HOLD else None


def move_need(
    need: Need, to_stage: Stage, by: User, note: str | None = None, outcome: Outcome | None = None
) -> StageChange:
    """Move need to to_stage, or raise TransitionError saying why not."""
    if to_stage == need.stage:
        raise TransitionError(_("The need is already in this stage."))
    if to_stage not in ALLOWED_MOVES[need.stage]:
        if need.stage.is_closed:
            raise TransitionError(
                _("This need is in stage “%(stage)s”. Reopen it first.", stage=need.stage.label)
            )
        raise TransitionError(
            _("A need cannot move from %(a)s to %(b)s.", a=need.stage.label, b=to_stage.label)
        )
    outcome = outcome or Outcome()
    _apply_outcome(need, to_stage, outcome)
    return _record(need, to_stage, by, note, reopened=False)


def reopen_need(need: Need, to_stage: Stage, by: User, note: str) -> StageChange:
    """Reopen a won or lost need into an active stage; the reason is required and recorded."""
    if not need.stage.is_closed:
        raise TransitionError(_("Only won or lost needs can be reopened."))
    if to_stage not in ACTIVE_STAGES:
        raise TransitionError(_("A reopened need goes back to an active stage."))
    if not (note or "").strip():
        raise TransitionError(_("Say why the need is reopened."))
    need.lost_reason = None
    need.lost_reason_text = None
    need.won_on = None
    need.won_outcome = None
    return _record(need, to_stage, by, note, reopened=True)


def _apply_outcome(need: Need, to_stage: Stage, outcome: Outcome) -> None:
    if to_stage == Stage.LOST:
        if outcome.lost_reason is None:
            raise TransitionError(_("Choose why the need was lost."), "lost_reason_id")
        text = (outcome.lost_reason_text or "").strip()
        if outcome.lost_reason.needs_text and not text:
            raise TransitionError(_("Explain the reason in a few words."), "lost_reason_text")
        need.lost_reason = outcome.lost_reason
        need.lost_reason_text = text or None
    elif to_stage == Stage.WON:
        if outcome.won_on is None or outcome.won_outcome is None:
            field = "won_on" if outcome.won_on is None else "won_outcome"
            raise TransitionError(_("Give the date and the outcome of the win."), field)
        need.won_on = outcome.won_on
        need.won_outcome = outcome.won_outcome


def _record(need: Need, to_stage: Stage, by: User, note: str | None, reopened: bool):
    change = StageChange(
        need=need,
        from_stage=need.stage,
        to_stage=to_stage,
        reopened=reopened,
        note=(note or "").strip() or None,
        changed_by=by,
        changed_at=utcnow(),
    )
    need.stage = to_stage
    need.stage_changed_at = change.changed_at
    db.session.add(change)
    db.session.flush()
    return change
