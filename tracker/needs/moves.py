"""Stage moves and reopening as asked for (plain values), and deleting a need."""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from tracker.extensions import db
from tracker.models import FollowUp, LostReason, Match, Need, Stage, Talk, User, WonOutcome
from tracker.needs.pipeline import Outcome, TransitionError, move_need, reopen_need
from tracker.softdelete import mark_deleted


@dataclass(frozen=True)
class StageMove:
    """A stage move as asked for: the stage, a note, and what won or lost asks for."""

    to_stage: str
    note: str | None = None
    lost_reason_id: int | None = None
    lost_reason_text: str | None = None
    won_on: date | None = None
    won_outcome: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "StageMove":
        """The move from a mapping (a form's data); other keys are ignored."""
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})


def apply_move(need: Need, move: StageMove, by: User) -> TransitionError | None:
    """Move need as asked; return the refusal, or None when moved."""
    reason_id = move.lost_reason_id
    outcome = Outcome(
        lost_reason=db.session.get(LostReason, reason_id) if reason_id is not None else None,
        lost_reason_text=move.lost_reason_text,
        won_on=move.won_on,
        won_outcome=WonOutcome(move.won_outcome) if move.won_outcome else None,
    )
    try:
        move_need(need, Stage(move.to_stage), by, move.note, outcome)
    except TransitionError as error:
        return error
    return None


def apply_reopen(need: Need, to_stage: str, note: str, by: User) -> str | None:
    """Reopen need into to_stage, saying why; return the refusal message, or None when done."""
    try:
        reopen_need(need, Stage(to_stage), by, note)
    except TransitionError as error:
        return str(error)
    return None


def delete_need(need: Need, by_id: int | None = None) -> None:
    """Soft-delete a need with its follow-ups, matches and talks, all with one deleted_at, so
    restoring the need brings back exactly those; flushes."""
    parts = [
        record
        for model in (FollowUp, Match, Talk)
        for record in db.session.scalars(db.select(model).where(model.need_id == need.id))
    ]
    mark_deleted([need, *parts], by_id)
    db.session.flush()
