"""The personal calendar feed: its secret link, and the iCalendar document it serves."""

import re
import secrets
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event
from sqlalchemy import select

from tracker.extensions import db
from tracker.followups.queries import ROW_OPTIONS, subject_of
from tracker.i18n import commission_zone
from tracker.models import FollowUp, FollowUpStatus, Talk, User
from tracker.talks.services import talks_for_user

TOKEN_BYTES = 32  # token_urlsafe(32) gives 43 characters; the column holds 64
# What token_urlsafe produces; anything else is refused before it reaches the database.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,64}")
PRODID = "-//Baoshan District Commerce Commission//Tracker//EN"


def issue_token(user: User) -> str:
    """Give the user a new feed link; any previous link stops working. Flushes."""
    user.calendar_token = secrets.token_urlsafe(TOKEN_BYTES)
    db.session.flush()
    return user.calendar_token


def revoke_token(user: User) -> None:
    """Switch the user's feed off. Flushes."""
    user.calendar_token = None
    db.session.flush()


def user_for_token(token: str) -> User | None:
    """The active user owning token, or None."""
    if not TOKEN_PATTERN.fullmatch(token or ""):
        return None
    user = db.session.scalar(select(User).where(User.calendar_token == token))
    return user if user is not None and user.active else None


def _utc(value: datetime) -> datetime:
    """Stored naive UTC as an aware datetime, written with a Z by icalendar."""
    return value.replace(tzinfo=UTC)


def build_feed(user: User) -> Calendar:
    """The user's calendar: one all-day event per open follow-up (more kinds can be appended)."""

    with force_locale(user.language or current_app.config["BABEL_DEFAULT_LOCALE"]):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _("Tracker: %(name)s", name=user.display_name))
        calendar.add("x-wr-timezone", current_app.config["BABEL_DEFAULT_TIMEZONE"])
        add_followup_events(calendar, user)
        add_talk_events(calendar, user)
        # One VTIMEZONE per zone the timed events use (RFC 5545 3.6.5).
        calendar.add_missing_timezones()
    return calendar


def open_followups(user: User) -> list[FollowUp]:
    """The user's open follow-ups with what they are about, by due date."""
    stmt = (
        select(FollowUp)
        .where(FollowUp.assignee_id == user.id, FollowUp.status == FollowUpStatus.OPEN)
        .options(*ROW_OPTIONS)
        .order_by(FollowUp.due_date, FollowUp.id)
    )
    return list(db.session.scalars(stmt))


def add_followup_events(calendar: Calendar, user: User) -> None:
    """Append an all-day event for each of the user's open follow-ups."""
    for followup in open_followups(user):
        calendar.add_component(followup_event(followup))


def followup_event(followup: FollowUp) -> "Event":
    """One follow-up as an all-day VEVENT with a stable UID."""
    link = url_for("followups.detail", followup_id=followup.id, _external=True)
    subject = subject_of(followup)
    about = f"{subject.label}: {subject.name}\n" if subject else ""

    event = Event()
    event.add("uid", f"followup-{followup.id}@tracker")
    event.add("dtstart", followup.due_date)
    event.add("dtend", followup.due_date + timedelta(days=1))
    event.add("summary", followup.title)
    event.add("description", f"{about}{followup.kind.label}\n{link}")
    event.add("url", link)
    # Without a METHOD, DTSTAMP is when the event last changed (RFC 5545 3.8.7.2).
    event.add("dtstamp", _utc(followup.updated_at))
    event.add("last-modified", _utc(followup.updated_at))
    event.add("sequence", followup.version - 1)  # versions start at 1, sequences at 0
    event.add("transp", "TRANSPARENT")
    return event


def add_talk_events(calendar: Calendar, user: User) -> None:
    """Append a timed event for each talk the user takes part in as staff."""
    zone = commission_zone()
    for talk in talks_for_user(user):
        calendar.add_component(talk_event(talk, zone))


def talk_event(talk: Talk, zone: ZoneInfo) -> "Event":
    """One talk as a VEVENT in the commission's time zone, with a stable UID."""
    link = url_for("talks.detail", talk_id=talk.id, _external=True)
    partners = ", ".join(o.name for o in talk.organisations)
    lines = [talk.need.organisation.name, partners, talk.video_link or "", talk.agenda or "", link]

    event = Event()
    event.add("uid", f"talk-{talk.id}@tracker")
    event.add("dtstart", _utc(talk.starts_at).astimezone(zone))
    event.add("dtend", _utc(talk.ends_at).astimezone(zone))
    event.add("summary", talk.title)
    event.add("description", "\n".join(line for line in lines if line))
    if talk.place or talk.video_link:
        event.add("location", talk.place or talk.video_link)
    event.add("url", link)
    event.add("dtstamp", _utc(talk.updated_at))
    event.add("last-modified", _utc(talk.updated_at))
    event.add("sequence", talk.sequence)
    return event
