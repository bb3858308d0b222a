"""Meetings of a delegation: times in the commission's zone, and writes."""

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.delegations.services import topics_by_ids
from tracker.extensions import db
from tracker.models import Delegation, Meeting, Person, User
from tracker.softdelete import soft_delete


def to_utc(local: datetime, zone: str) -> datetime:
    """A naive wall-clock time in zone as naive UTC, the way it is stored."""
    return local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC).replace(tzinfo=None)


def to_local(utc: datetime, zone: str) -> datetime:
    """A stored naive UTC time as naive wall-clock time in zone, the way forms show it."""
    return utc.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def get_meeting(delegation_id: int, meeting_id: int) -> Meeting | None:
    """A meeting of this delegation (None when it belongs to another), its lists loaded."""
    stmt = (
        select(Meeting)
        .where(Meeting.id == meeting_id, Meeting.delegation_id == delegation_id)
        .options(
            selectinload(Meeting.topics),
            selectinload(Meeting.people).joinedload(Person.organisation),
            selectinload(Meeting.staff),
        )
    )
    return db.session.scalar(stmt)


def save_meeting(
    meeting: Meeting,
    delegation: Delegation,
    *,
    title: str,
    starts_at: datetime,
    place: str | None,
    minutes: str | None,
    person_ids: Iterable[int],
    staff_ids: Iterable[int],
    topic_ids: Iterable[int],
    user: User,
) -> Meeting:
    """Write a new or existing meeting (lists loaded); starts_at is naive UTC."""
    # The lists are looked up before anything changes: each lookup would flush the changes
    # made so far, and one edit would show in the history as several.
    people = _by_ids(Person, person_ids, Person.full_name)
    staff = _by_ids(User, staff_ids, User.display_name)
    topics = topics_by_ids(topic_ids)
    meeting.title = title.strip()
    meeting.starts_at = starts_at
    meeting.place = place or None
    meeting.minutes = minutes or None
    meeting.people, meeting.staff, meeting.topics = people, staff, topics
    if meeting.id is None:
        meeting.delegation_id = delegation.id
        meeting.created_by = user
        db.session.add(meeting)
    db.session.flush()
    return meeting


def delete_meeting(meeting: Meeting, by_id: int | None = None) -> None:
    """Soft-delete a meeting, its minutes and link rows kept for a restore; flushes."""
    soft_delete(meeting, by_id)


def _by_ids(model, ids: Iterable[int], order) -> list:
    """Rows of model with these ids."""
    wanted = set(ids)
    if not wanted:
        return []
    return list(db.session.scalars(select(model).where(model.id.in_(wanted)).order_by(order)))
