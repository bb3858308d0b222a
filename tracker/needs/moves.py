"""Turning the stage and reopen forms into pipeline calls, and deleting a need."""

from flask_babel import gettext as _

from tracker.extensions import db
from tracker.models import FollowUp, LostReason, Need, Stage, User, WonOutcome
from tracker.needs.forms import ReopenForm, StageForm
from tracker.needs.pipeline import Outcome, TransitionError, move_need, reopen_need


def apply_move(need: Need, form: StageForm, by: User) -> str | None:
    """Move need as the validated form says; return the refusal message, or None when moved."""
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
        return str(error)
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


def delete_need(need: Need) -> None:
    """Delete a need with its history and its follow-ups."""
    for followup in db.session.scalars(db.select(FollowUp).where(FollowUp.need_id == need.id)):
        db.session.delete(followup)
    db.session.delete(need)
    db.session.flush()
