"""The daily reminder e-mail: overdue and due-today follow-ups, one mail per colleague per day."""

from contextlib import nullcontext
from datetime import date
from email.message import EmailMessage

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from tracker.extensions import db
from tracker.followups.services import ReminderBatch, due_for_reminders, subject_of
from tracker.i18n import format_day, local_today
from tracker.mail import external_url, smtp_connection, stamp
from tracker.models import ReminderSent


def reminder_message(batch: ReminderBatch, today: date) -> EmailMessage:
    """The plain-text reminder for one colleague, in their language."""
    user = batch.user
    with force_locale(user.language or current_app.config["BABEL_DEFAULT_LOCALE"]):
        lines = [_("Hello %(name)s,", name=user.display_name), ""]
        lines.append(_("These follow-ups are due today or overdue:"))
        for followup in batch.followups:
            overdue = followup.due_date < today
            when = format_day(followup.due_date)
            lines += ["", f"* {followup.title}"]
            lines.append(
                "  " + (_("Overdue since %(date)s", date=when) if overdue else _("Due today"))
            )
            subject = subject_of(followup)
            if subject is not None:
                lines.append(f"  {subject.label}: {subject.name}")
            lines.append("  " + external_url("followups.detail", followup_id=followup.id))
        lines += ["", _("All your follow-ups: %(url)s", url=external_url("followups.mine"))]
        message = EmailMessage()
        message["Subject"] = _(
            "Follow-ups due: %(count)d (%(date)s)",
            count=len(batch.followups),
            date=format_day(today),
        )
    stamp(message)
    message["To"] = user.email
    message.set_content("\n".join(lines) + "\n")
    return message


def reminded_today(today: date) -> set[int]:
    """Ids of the users who already got today's reminder."""
    return set(
        db.session.scalars(select(ReminderSent.user_id).where(ReminderSent.sent_on == today))
    )


@click.command("send-reminders")
@click.option("--dry-run", is_flag=True, help="Print the e-mails instead of sending them.")
@with_appcontext
def send_reminders(dry_run: bool) -> None:
    """E-mail each colleague their overdue and due-today follow-ups, once a day."""
    today = local_today()
    already = reminded_today(today)
    batches = due_for_reminders(today)
    skipped = {batch.user.id for batch in batches if batch.user.id in already}
    # Built before anything is committed, as a commit expires the loaded rows.
    mails = [
        (batch.user.id, len(batch.followups), reminder_message(batch, today))
        for batch in batches
        if batch.user.id not in already
    ]
    sent = followups = 0
    with nullcontext() if dry_run or not mails else smtp_connection() as smtp:
        for user_id, count, message in mails:
            if dry_run:
                click.echo(message.as_string())
            else:
                # Recorded before sending and committed after it: a failed send records
                # nothing, and the unique (user, day) row stops a parallel run mailing twice.
                db.session.add(ReminderSent(user_id=user_id, sent_on=today, followup_count=count))
                try:
                    db.session.flush()
                except IntegrityError:
                    db.session.rollback()
                    skipped.add(user_id)
                    continue
                smtp.send_message(message)
                db.session.commit()
            sent, followups = sent + 1, followups + count
    verb = "Would send" if dry_run else "Sent"
    click.echo(
        f"{verb} {sent} reminder{'s' if sent != 1 else ''} "
        f"({followups} follow-up{'s' if followups != 1 else ''}); "
        f"{len(skipped)} user{'s' if len(skipped) != 1 else ''} already reminded today."
    )
