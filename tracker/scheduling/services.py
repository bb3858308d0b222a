"""Setting up a matchmaking session: the session and its days and breaks, tables,
interpreters, blocks and talk requests (from accepted matches or entered), and moving or
locking a talk in the grid. Every function flushes; the request commits."""

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import (
    AvailabilityBlock,
    DelegationMember,
    Interpreter,
    Match,
    MatchmakingSession,
    MatchStatus,
    Need,
    Person,
    RequestPriority,
    SessionBreak,
    SessionDay,
    SessionStatus,
    SessionTable,
    TalkRequest,
    User,
)
from tracker.models.talk import DEFAULT_TIMEZONE
from tracker.scheduling.layout import SlotTime, place_request, slot_times
from tracker.softdelete import mark_deleted, soft_delete

# Matches a talk can still come of: accepted suggestions not declined nor already held.
OPEN_MATCHES = (MatchStatus.PROPOSED, MatchStatus.INTRODUCED, MatchStatus.TALK_SCHEDULED)


@dataclass
class SessionData:
    """A session's editable fields; days and breaks as (day, start, end) / (start, end)."""

    title: str
    slot_minutes: int
    max_talks_per_day: int
    days: list[tuple[date, time, time]]
    breaks: list[tuple[time, time]]
    timezone: str = DEFAULT_TIMEZONE


def save_session(session: MatchmakingSession, data: SessionData) -> MatchmakingSession:
    """Create or change a session; its days and breaks are replaced by data's."""
    session.title = data.title.strip()
    session.slot_minutes, session.max_talks_per_day = data.slot_minutes, data.max_talks_per_day
    session.timezone = data.timezone
    session.days = [SessionDay(day=d, starts=a, ends=b) for d, a, b in sorted(data.days)]
    session.breaks = [SessionBreak(starts=a, ends=b) for a, b in sorted(data.breaks)]
    db.session.add(session)
    db.session.flush()
    return session


def add_table(session: MatchmakingSession, name: str, capacity: int, host_id: int | None):
    position = max((t.position for t in session.tables), default=0) + 1
    table = SessionTable(session=session, name=name.strip(), capacity=capacity,
                         host_id=host_id, position=position)  # fmt: skip
    db.session.add(table)
    db.session.flush()
    return table


def add_interpreter(session: MatchmakingSession, user_id: int | None, name: str, pairs: str):
    interpreter = Interpreter(session=session, user_id=user_id, name=name.strip(), pairs=pairs)
    db.session.add(interpreter)
    db.session.flush()
    return interpreter


def add_block(session: MatchmakingSession, starts_at: datetime, ends_at: datetime,
              reason: str, **who: int | None) -> AvailabilityBlock:  # fmt: skip
    """Block a person, an interpreter or a table (person_id=, interpreter_id=, table_id=)."""
    block = AvailabilityBlock(session=session, starts_at=starts_at, ends_at=ends_at,
                              reason=reason.strip(), **who)  # fmt: skip
    db.session.add(block)
    db.session.flush()
    return block


def remove(record) -> None:
    """Remove a table, interpreter or block (requests placed there lose the place)."""
    db.session.delete(record)
    db.session.flush()


def _visitors_of(need: Need) -> list[Person]:
    """The delegation members of the need's organisation (else the organisation's people)."""
    members = db.session.scalars(
        select(Person).join(DelegationMember, DelegationMember.person_id == Person.id)
        .where(DelegationMember.delegation_id == need.delegation_id,
               DelegationMember.organisation_id == need.organisation_id)
    ).all()  # fmt: skip
    if members:
        return list(members)
    return list(db.session.scalars(
        select(Person).where(Person.organisation_id == need.organisation_id).limit(2)
    ))  # fmt: skip


def _partners_of(match: Match) -> list[Person]:
    """The offer's contact person, else the partner's first person."""
    if match.offer is not None and match.offer.contact_person is not None:
        return [match.offer.contact_person]
    first = db.session.scalar(
        select(Person).where(Person.organisation_id == match.organisation_id).order_by(Person.id)
    )
    return [first] if first is not None else []


def requests_from_matches(session: MatchmakingSession, by: User | None) -> int:
    """A request for each open match of the delegation's needs not yet requested; the count.

    Not for confidential needs: the day's grid, printouts and table cards are seen by every
    colleague and the visitors, so such a need's talks are scheduled by hand, on the need.
    """
    taken = {r.match_id for r in session.requests}
    matches = db.session.scalars(
        select(Match).join(Need, Need.id == Match.need_id)
        .where(Need.delegation_id == session.delegation_id, Match.status.in_(OPEN_MATCHES),
               Need.confidential.is_(False))
        .order_by(Match.id)
    ).all()  # fmt: skip
    added = 0
    for match in matches:
        if match.id in taken:
            continue
        title = f"{match.need.organisation.name} / {match.organisation.name}"[:200]
        add_request(session, title, RequestPriority.SHOULD, _visitors_of(match.need),
                    _partners_of(match), by, need=match.need, match=match)  # fmt: skip
        added += 1
    return added


def add_request(session, title, priority, visitors, partners, by, need=None, match=None):
    """A talk request entered directly (or from a match); flushes."""
    request = TalkRequest(session=session, title=title.strip(), priority=priority,
                          visitors=list(visitors), partners=list(partners), need=need,
                          match=match, created_by=by)  # fmt: skip
    db.session.add(request)
    db.session.flush()
    return request


def delete_request(request: TalkRequest, by_id: int | None) -> None:
    soft_delete(request, by_id)


class MoveError(ValueError):
    """The move cannot be made; the message says why."""


def move_request(request: TalkRequest, slot_index: int, table_id: int, by: User | None) -> None:
    """Move a talk to a slot and table; a talk there (not locked) swaps into the old place."""
    session = request.session
    slots: list[SlotTime] = slot_times(session)
    if not 0 <= slot_index < len(slots) or table_id not in {t.id for t in session.tables}:
        raise MoveError("place")
    target = slots[slot_index]
    there = next((r for r in session.requests if r.id != request.id and r.deleted_at is None
                  and (r.starts_at, r.table_id) == (target.starts_at, table_id)), None)  # fmt: skip
    if there is not None and there.locked:
        raise MoveError("locked")
    old = next((s for s in slots if s.starts_at == request.starts_at), None)
    old_table = request.table_id
    place_request(request, target, table_id, request.interpreter_id, by)
    if there is not None:
        if old is None or old_table is None:
            there.starts_at = there.table_id = None
        else:
            place_request(there, old, old_table, there.interpreter_id, by)
    db.session.flush()


def set_locked(request: TalkRequest, locked: bool) -> None:
    request.locked = locked
    db.session.flush()


def set_priority(request: TalkRequest, priority: RequestPriority) -> None:
    request.priority = priority
    db.session.flush()


def publish(session: MatchmakingSession) -> None:
    """The draft becomes the published day (the people's itineraries and calendars)."""
    session.status = SessionStatus.PUBLISHED
    db.session.flush()


def delete_session(session: MatchmakingSession, by_id: int | None) -> None:
    """The session and the talks it placed, deleted together (one moment, restored together)."""
    talks = [r.talk for r in session.requests if r.talk is not None and r.talk.deleted_at is None]
    mark_deleted([session, *talks], by_id)
    db.session.flush()
