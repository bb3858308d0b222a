"""Reminders of obligations: a follow-up for the obligation's owner some days before it is due
(its remind_days), once; and open obligations past their date marked late.

Run daily by `flask remind-obligations` (cron), and for one obligation when it is saved with its
due date already inside its reminder window. The follow-up is on the project's first need (so it
shows there and shares the need's confidentiality), else on the company. A confidential
project's reminder says only that an obligation is due, unless its need is confidential too.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from tracker.extensions import db
from tracker.followups.services import create_followup
from tracker.i18n import local_today
from tracker.models import (
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Need,
    Obligation,
    ObligationStatus,
    Project,
    User,
    project_need,
)
from tracker.security import SEE_ALL_NEEDS

OUTSTANDING = (ObligationStatus.OPEN, ObligationStatus.LATE)
MAX_REMIND_DAYS = 365  # the form's limit: nothing further ahead can be in its window


@dataclass
class ReminderRun:
    """What a run did: follow-ups created, obligations without anyone to remind, marked late."""

    created: int = 0
    skipped: int = 0
    late: int = 0


def in_window(obligation: Obligation, today: date) -> bool:
    """Outstanding, and today is remind_days or fewer before its due date (or past it)."""
    start = obligation.due_on - timedelta(days=obligation.remind_days or 0)
    return obligation.status.is_outstanding and start <= today


def mark_late(today: date) -> int:
    """Open obligations past their due date become late; flushes. Returns how many."""
    stmt = select(Obligation).where(
        Obligation.status == ObligationStatus.OPEN, Obligation.due_on < today
    )
    late = db.session.scalars(stmt.execution_options(**{SEE_ALL_NEEDS: True})).all()
    for obligation in late:
        obligation.status = ObligationStatus.LATE
    db.session.flush()
    return len(late)


def remind_due_obligations(today: date, by: User | None = None) -> ReminderRun:
    """Mark late ones, then remind of every outstanding obligation inside its window that has
    no live reminder yet; flushes. A second run the same day creates nothing."""
    run = ReminderRun(late=mark_late(today))
    stmt = (
        select(Obligation)
        .where(
            Obligation.status.in_(OUTSTANDING),
            Obligation.due_on <= today + timedelta(days=MAX_REMIND_DAYS),
        )
        .options(joinedload(Obligation.owner), joinedload(Obligation.project))
        .order_by(Obligation.due_on, Obligation.id)
    )
    due = [o for o in db.session.scalars(_all(stmt)) if in_window(o, today)]
    reminded = _live_reminders([o.reminder_id for o in due if o.reminder_id])
    for obligation in due:
        if obligation.reminder_id in reminded:
            continue
        if _remind(obligation, today, by):
            run.created += 1
        else:
            run.skipped += 1
    return run


def remind_obligation(obligation: Obligation, today: date, by: User | None) -> bool:
    """Remind of one obligation now if it is inside its window and has no live reminder; True
    when a follow-up was created; flushes. An open reminder it already has follows a changed
    due date or description."""
    if obligation.reminder_id and _live_reminders([obligation.reminder_id]):
        _keep_in_step(obligation, today)
        return False
    if not in_window(obligation, today):
        return False
    return _remind(obligation, today, by)


def _keep_in_step(obligation: Obligation, today: date) -> None:
    """The open reminder's due date and title, as the obligation is now."""
    reminder = db.session.scalars(
        _all(select(FollowUp).where(FollowUp.id == obligation.reminder_id))
    )
    reminder = reminder.one()
    if reminder.status != FollowUpStatus.OPEN:
        return
    project, need = _project_of(obligation), _first_need(obligation.project_id)
    reminder.due_date = max(obligation.due_on, today)
    reminder.title = _title_for(reminder.assignee, obligation, project, need)
    db.session.flush()


def _project_of(obligation: Obligation) -> Project:
    return db.session.scalars(
        _all(select(Project).where(Project.id == obligation.project_id))
    ).one()


def _all(stmt):
    """stmt seeing every need and project: reminders are the system's, whoever triggers them."""
    return stmt.execution_options(**{SEE_ALL_NEEDS: True})


def _live_reminders(ids: list[int]) -> set[int]:
    """Which of these follow-ups still exist (a deleted one is reminded of again)."""
    if not ids:
        return set()
    return set(db.session.scalars(_all(select(FollowUp.id).where(FollowUp.id.in_(ids)))))


def _first_need(project_id: int) -> Need | None:
    """The project's first need (it came from it), if any."""
    stmt = (
        select(Need)
        .join(project_need, project_need.c.need_id == Need.id)
        .where(project_need.c.project_id == project_id)
        .order_by(Need.id)
        .limit(1)
    )
    return db.session.scalars(_all(stmt)).first()


def _title(obligation: Obligation, project: Project, need: Need | None) -> str:
    """The follow-up's title in the current locale; a confidential project's names stay out
    unless the need it is on is confidential too (then only insiders see it)."""
    due = obligation.due_on.isoformat()
    if project.confidential and not (need is not None and need.confidential):
        return _("Obligation due %(date)s of a confidential project", date=due)
    return _("Obligation due %(date)s: %(description)s (%(project)s)", date=due,
             description=obligation.description, project=project.name)  # fmt: skip


def _title_for(assignee: User, obligation: Obligation, project: Project, need: Need | None) -> str:
    """The reminder's title in the assignee's language, cut to the follow-up's length."""
    with force_locale(assignee.language or current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _title(obligation, project, need)[:200]


def _remind(obligation: Obligation, today: date, by: User | None) -> bool:
    """Create the reminder follow-up for the owner (else the project's owner); False when
    there is no active one to remind."""
    project = _project_of(obligation)
    assignee = obligation.owner or project.owner
    if assignee is None or not assignee.active:
        return False
    need = _first_need(project.id)
    title = _title_for(assignee, obligation, project, need)
    followup = create_followup(
        need=need,
        organisation=project.organisation if need is None else None,
        title=title,
        kind=FollowUpKind.DOCUMENT,
        assignee=assignee,
        due_date=max(obligation.due_on, today),
        assigned_by=by,
    )
    obligation.reminder_id = followup.id
    db.session.flush()
    return True


@click.command("remind-obligations")
@with_appcontext
def remind_obligations_command() -> None:
    """Create the due reminders of agreements' obligations and mark overdue ones late."""
    run = remind_due_obligations(local_today())
    db.session.commit()
    click.echo(
        f"Created {run.created} reminder follow-up(s); {run.skipped} obligation(s) without an "
        f"owner to remind; marked {run.late} obligation(s) late."
    )
