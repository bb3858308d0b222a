"""Turning the stage and reopen forms into pipeline calls, and deleting a need."""

from flask_babel import gettext as _

from tracker.extensions import db
from tracker.models import FollowUp, LostReason, Match, Need, Stage, Talk, User, WonOutcome
from tracker.needs.forms import ReopenForm, StageForm
from tracker.needs.pipeline import Outcome, TransitionError, move_need, reopen_need
from tracker.softdelete import mark_deleted


def apply_move(need: Need, form: StageForm, by: User) -> TransitionError | None:
    """Move need as the validated form says; return the refusal, or None when moved."""
    to_stage = Stage(form.to_stage.data)
    outcome = Outcome(
        lost_reason=db.session.get(LostReason, form.lost_reason_id.data)
        if form.lost_reason_id.data is not None
        else None,
        lost_reason_text=form.lost_reason_text.data,
        won_on=form.won_on.data,
        won_outcome=WonOutcome(form.won_outcome.data) if form.won_outcome.data else None,
    )
    try:
        move_need(need, to_stage, by, form.note.data, outcome)
    except TransitionError as error:
        return error
    return None


def apply_reopen(need: Need, form: ReopenForm, by: User) -> str | None:
    """Reopen need as the form says; return the refusal message, or None when reopened."""
    if not form.validate_on_submit():
        return _("Say why the need is reopened.")
    try:
        reopen_need(need, Stage(form.to_stage.data), by, form.note.data)
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
