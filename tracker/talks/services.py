"""Talks: scheduling them (in any time zone, stored UTC), overlap warnings, and their outcome."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from tracker.extensions import db
from tracker.i18n import zone_info
from tracker.matchmaking.flow import ALLOWED, record
from tracker.models import (
    Match,
    MatchStatus,
    Need,
    Organisation,
    Person,
    Stage,
    Talk,
    User,
    talk_staff,
    utcnow,
)
from tracker.softdelete import soft_delete
from tracker.stored_text import N_, StoredMessage
from tracker.text import fold

# Stages from which a scheduled talk suggests moving the need on to "talks".
EARLIER_STAGES = (Stage.NEW, Stage.QUALIFIED, Stage.MATCHING)
# Notes the app writes on a match's and a need's timeline (shown in the reader's language);
# the talk's page offers the second when it moves the need on to talks.
TALK_NOTE = StoredMessage(N_("Talk “%(title)s”."))
MOVED_FOR_TALK = StoredMessage(N_("Talk scheduled: %(title)s"))


@dataclass
class TalkData:
    """A talk's editable fields; times are naive UTC."""

    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    place: str | None = None
    video_link: str | None = None
    agenda: str | None = None
    person_ids: list[int] = field(default_factory=list)
    staff_ids: list[int] = field(default_factory=list)
    organisation_ids: list[int] = field(default_factory=list)


# Why a talk that has not started cannot have an outcome (the outcome form says the same).
NOT_HELD_YET = _l("This talk has not taken place yet. Record its outcome once it has been held.")


class TalkError(ValueError):
    """A refused change; field names the form field it concerns."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Conflict:
    """Another talk at an overlapping time with the same colleague or in the same room."""

    talk: Talk
    staff: User | None = None  # None: the room is double-booked


def to_utc(day: date, at: time, zone: str) -> datetime:
    """A wall-clock time in zone as naive UTC."""
    return datetime.combine(day, at, zone_info(zone)).astimezone(UTC).replace(tzinfo=None)


def local_parts(value: datetime, zone: str) -> tuple[date, time]:
    """Naive UTC shown as the day and time in zone (to refill the form)."""
    local = value.replace(tzinfo=UTC).astimezone(zone_info(zone))
    return local.date(), local.time().replace(tzinfo=None)


def conflicts(data: TalkData, exclude_id: int | None = None) -> list[Conflict]:
    """Talks overlapping data's time that share a staff member or the room (two queries)."""
    overlap = [Talk.starts_at < data.ends_at, Talk.ends_at > data.starts_at]
    if exclude_id is not None:
        overlap.append(Talk.id != exclude_id)
    found: list[Conflict] = []
    if data.staff_ids:
        rows = db.session.execute(
            select(Talk, User)
            .join(talk_staff, talk_staff.c.talk_id == Talk.id)
            .join(User, User.id == talk_staff.c.user_id)
            .where(*overlap, User.id.in_(data.staff_ids))
            .order_by(Talk.starts_at, User.display_name)
        )
        found += [Conflict(talk, user) for talk, user in rows]
    if place := fold(data.place)[:200]:
        rooms = db.session.scalars(
            select(Talk).where(*overlap, Talk.place_key == place).order_by(Talk.starts_at)
        )
        found += [Conflict(talk) for talk in rooms]
    return found


def _apply(talk: Talk, data: TalkData) -> None:
    talk.title = data.title.strip()
    talk.starts_at, talk.ends_at = data.starts_at, data.ends_at
    talk.timezone = data.timezone
    talk.place = (data.place or "").strip() or None
    talk.video_link = (data.video_link or "").strip() or None
    talk.agenda = (data.agenda or "").strip() or None
    talk.people = _load(Person, data.person_ids)
    talk.staff = _load(User, data.staff_ids)
    talk.organisations = _load(Organisation, data.organisation_ids)


def _load(model, ids: list[int]) -> list:
    if not ids:
        return []
    return list(db.session.scalars(select(model).where(model.id.in_(set(ids)))))


def create_talk(need: Need, data: TalkData, by: User | None, match: Match | None = None) -> Talk:
    """Schedule a talk on need (from a match: its partner joins and it moves to talk
    scheduled when that makes sense); flushes."""
    if match is not None and match.organisation_id not in data.organisation_ids:
        data.organisation_ids = [*data.organisation_ids, match.organisation_id]
    talk = Talk(need=need, match=match, created_by=by)
    _apply(talk, data)
    db.session.add(talk)
    db.session.flush()
    if match is not None and MatchStatus.TALK_SCHEDULED in ALLOWED[match.status]:
        record(match, MatchStatus.TALK_SCHEDULED, by, TALK_NOTE.text(title=talk.title))
    return talk


def update_talk(talk: Talk, data: TalkData) -> Talk:
    """Change a talk; a new time or place tells calendars to update the event; flushes. A held
    talk (its outcome recorded) cannot move into the future: TalkError."""
    if talk.outcome and data.starts_at > utcnow():
        raise TalkError(
            _("The outcome of this talk is recorded, so it has been held: it cannot move to a "
              "time in the future."), "day",
        )  # fmt: skip
    before = (talk.starts_at, talk.ends_at, talk.place, talk.video_link, talk.title)
    _apply(talk, data)
    if before != (talk.starts_at, talk.ends_at, talk.place, talk.video_link, talk.title):
        talk.sequence += 1
    db.session.flush()
    return talk


def record_outcome(talk: Talk, minutes: str | None, outcome: str | None, by: User | None) -> Talk:
    """Write the minutes and outcome; its match becomes "talk held" if it was scheduled. A talk
    that has not started yet cannot be held: TalkError."""
    if not has_started(talk):
        raise TalkError(str(NOT_HELD_YET), "outcome")
    talk.minutes = (minutes or "").strip() or None
    talk.outcome = (outcome or "").strip() or None
    match = talk.match
    if match is not None and match.status == MatchStatus.TALK_SCHEDULED:
        record(match, MatchStatus.TALK_HELD, by, talk.outcome)
    db.session.flush()
    return talk


def delete_talk(talk: Talk, by_id: int | None = None) -> None:
    """Soft-delete a talk (restorable from Deleted items); flushes."""
    soft_delete(talk, by_id)


def offers_move_to_talks(need: Need) -> bool:
    """Whether the talk page should offer moving its need on to the talks stage."""
    return need.stage in EARLIER_STAGES


def talk_detail(talk_id: int) -> Talk | None:
    """A talk with everything its page shows."""
    stmt = (
        select(Talk)
        .where(Talk.id == talk_id)
        .options(
            joinedload(Talk.need).joinedload(Need.organisation),
            joinedload(Talk.match).joinedload(Match.organisation),
            joinedload(Talk.created_by),
            selectinload(Talk.organisations),
            selectinload(Talk.staff),
            selectinload(Talk.people).joinedload(Person.organisation),
        )
    )
    return db.session.scalar(stmt)


@dataclass
class Participants:
    """A talk's people by side: the visitors, the local partners (each with its people in the
    talk), and our staff."""

    visitors: list[Person]
    partners: list[tuple[Organisation, list[Person]]]
    staff: list[User]


def participants(talk: Talk) -> Participants:
    """Split a talk's people (loaded by talk_detail) into the visiting and the local side."""
    partners: dict[int, tuple[Organisation, list[Person]]] = {
        o.id: (o, []) for o in talk.organisations
    }
    visitors = []
    for person in sorted(talk.people, key=lambda p: fold(p.full_name)):
        organisation = person.organisation
        if organisation is not None and organisation.is_local:
            partners.setdefault(organisation.id, (organisation, []))[1].append(person)
        else:
            visitors.append(person)
    return Participants(visitors, list(partners.values()), list(talk.staff))


def talks_for_user(user: User) -> list[Talk]:
    """Talks the user takes part in as staff, for their calendar feed."""
    stmt = (
        select(Talk)
        .join(talk_staff, talk_staff.c.talk_id == Talk.id)
        .where(talk_staff.c.user_id == user.id)
        .options(joinedload(Talk.need).joinedload(Need.organisation))
        .options(selectinload(Talk.organisations))
        .order_by(Talk.starts_at, Talk.id)
    )
    return list(db.session.scalars(stmt))


def is_past(talk: Talk) -> bool:
    return talk.is_past(utcnow())


def has_started(talk: Talk) -> bool:
    """Whether the talk's start has come: only then can it be marked held."""
    return talk.starts_at <= utcnow()
