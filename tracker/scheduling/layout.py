"""A session's slots, its solver problem read from the database, and the solve written back:
placements, reasons, and the real talks (tracker.talks) that placed requests become."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import format_date
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.models import (
    Meeting,
    RequestStatus,
    Talk,
    TalkRequest,
    User,
    talk_person,
)
from tracker.models.scheduling import MatchmakingSession
from tracker.scheduling import problem as sp
from tracker.scheduling.languages import parse_languages, parse_pairs
from tracker.scheduling.reasons import reason_text
from tracker.scheduling.solver import solve
from tracker.talks.services import TalkData, create_talk, delete_talk, to_utc, update_talk

MEETING_MINUTES = 60  # a meeting has a start only; it blocks its people this long


@dataclass(frozen=True)
class SlotTime:
    """A slot of the session: its index, day index, local day and time, and UTC span."""

    index: int
    day: int
    local: datetime
    starts_at: datetime
    ends_at: datetime


def slot_times(session: MatchmakingSession) -> list[SlotTime]:
    """Every slot of every day: the window cut into slot lengths, none overlapping a break."""
    found, length = [], timedelta(minutes=session.slot_minutes)
    for day_index, day in enumerate(session.days):
        at, end = datetime.combine(day.day, day.starts), datetime.combine(day.day, day.ends)
        while at + length <= end:
            clash = next((b for b in session.breaks if at.time() < b.ends
                          and (at + length).time() > b.starts), None)  # fmt: skip
            if clash is not None:
                at = datetime.combine(day.day, clash.ends)
                continue
            starts = to_utc(day.day, at.time(), session.timezone)
            found.append(SlotTime(len(found), day_index, at, starts, starts + length))
            at += length
    return found


def _blocked(slots: list[SlotTime], spans) -> frozenset[int]:
    """The slots overlapping any of the (start, end) UTC spans."""
    return frozenset(s.index for s in slots for a, b in spans if s.starts_at < b and s.ends_at > a)


def load_session(session_id: int) -> MatchmakingSession | None:
    """A session with everything a solve or the grid reads."""
    return db.session.scalar(
        select(MatchmakingSession)
        .where(MatchmakingSession.id == session_id)
        .options(
            selectinload(MatchmakingSession.days), selectinload(MatchmakingSession.breaks),
            selectinload(MatchmakingSession.tables), selectinload(MatchmakingSession.blocks),
            selectinload(MatchmakingSession.interpreters),
            selectinload(MatchmakingSession.requests).selectinload(TalkRequest.visitors),
            selectinload(MatchmakingSession.requests).selectinload(TalkRequest.partners),
            # A move or a re-solve rewrites the talk's participants: they must be loaded.
            selectinload(MatchmakingSession.requests).selectinload(TalkRequest.talk)
            .selectinload(Talk.people),
            selectinload(MatchmakingSession.requests).selectinload(TalkRequest.talk)
            .selectinload(Talk.staff),
            selectinload(MatchmakingSession.requests).selectinload(TalkRequest.talk)
            .selectinload(Talk.organisations),
        )
    )  # fmt: skip


def _busy_elsewhere(session, slots, person_ids) -> dict[int, list]:
    """Each person's spans taken by the delegation's meetings and by talks not of this session."""
    spans: dict[int, list] = {pid: [] for pid in person_ids}
    if not slots:
        return spans
    first, last = slots[0].starts_at, slots[-1].ends_at
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.delegation_id == session.delegation_id,
                              Meeting.starts_at < last,
                              Meeting.starts_at > first - timedelta(minutes=MEETING_MINUTES))
        .options(selectinload(Meeting.people))
    )  # fmt: skip
    for meeting in meetings:
        for person in meeting.people:
            if person.id in spans:
                ends = meeting.starts_at + timedelta(minutes=MEETING_MINUTES)
                spans[person.id].append((meeting.starts_at, ends))
    own = {r.talk_id for r in session.requests if r.talk_id is not None}
    rows = db.session.execute(
        select(talk_person.c.person_id, Talk.id, Talk.starts_at, Talk.ends_at)
        .join(Talk, Talk.id == talk_person.c.talk_id)
        .where(talk_person.c.person_id.in_(person_ids), Talk.starts_at < last, Talk.ends_at > first)
    )  # fmt: skip
    for person_id, talk_id, starts, ends in rows:
        if talk_id not in own:
            spans[person_id].append((starts, ends))
    return spans


def _place_of(request: TalkRequest, by_start: dict) -> sp.Placement | None:
    slot = by_start.get(request.starts_at)
    if slot is None or request.table_id is None:
        return None
    return sp.Placement(slot, request.table_id, request.interpreter_id)


def build_problem(session: MatchmakingSession, time_limit: float = 10.0) -> sp.Problem:
    """The session as the solver's problem; locked and held requests are fixed."""
    slots = slot_times(session)
    live = [r for r in session.requests if r.deleted_at is None]
    person_ids = {p.id for r in live for p in (*r.visitors, *r.partners)}
    busy = _busy_elsewhere(session, slots, person_ids)
    blocks = [(b, (b.starts_at, b.ends_at)) for b in session.blocks]
    people = {p.id: p for r in live for p in (*r.visitors, *r.partners)}
    visitors = {p.id for r in live for p in r.visitors}
    by_start = {s.starts_at: s.index for s in slots}

    def own(attr, key):
        return [span for b, span in blocks if getattr(b, attr) == key]

    return sp.Problem(
        slots=tuple(sp.Slot(s.day, s.local.hour * 60 + s.local.minute,
                            f"{format_date(s.local.date(), 'short')} {s.local:%H:%M}")
                    for s in slots),
        people=tuple(sp.Person(p.id, p.full_name, parse_languages(p.languages),
                               _blocked(slots, own("person_id", p.id) + busy[p.id]),
                               p.id in visitors) for p in people.values()),
        tables=tuple(sp.Table(t.id, t.name, t.capacity, _blocked(slots, own("table_id", t.id)))
                     for t in session.tables),
        interpreters=tuple(sp.Interpreter(i.id, i.display_name, parse_pairs(i.pairs),
                                          _blocked(slots, own("interpreter_id", i.id)))
                           for i in session.interpreters),
        requests=tuple(sp.Request(
            r.id, r.title, r.priority.value, tuple(p.id for p in r.visitors),
            tuple(p.id for p in r.partners),
            fixed=_place_of(r, by_start) if (r.locked or r.status in KEPT) else None,
            hint=_place_of(r, by_start)) for r in live),
        max_per_day=session.max_talks_per_day, time_limit=time_limit, workers=2,
    )  # fmt: skip


KEPT = (RequestStatus.HELD, RequestStatus.NO_SHOW)


def solve_session(session: MatchmakingSession, by: User | None, time_limit: float = 10.0):
    """Solve and write the result back: placements, reasons, talks; flushes."""
    problem = build_problem(session, time_limit)
    result = solve(problem)
    slots = slot_times(session)
    for request in session.requests:
        if request.deleted_at is not None:
            continue
        place = result.placements.get(request.id)
        if place is None:
            request.starts_at = request.table_id = request.interpreter_id = None
            request.status = RequestStatus.REQUESTED
            request.unplaced_reason = reason_text(result.unplaced[request.id])
            if request.talk is not None:
                delete_talk(request.talk, by.id if by else None)  # restorable, like any talk
                request.talk = None
        else:
            place_request(request, slots[place.slot], place.table, place.interpreter, by)
    session.last_solve = (
        f"{result.status} {result.objective} {result.bound} {result.wall_time:.2f} "
        f"{len(result.placements)} {len(result.unplaced)}"
    )
    db.session.flush()
    return result


def place_request(
    request: TalkRequest, slot: SlotTime, table_id: int, interpreter_id: int | None, by: User | None
) -> None:
    """Put the request at slot and table; its talk follows (created for a need's request)."""
    request.starts_at, request.table_id = slot.starts_at, table_id
    request.interpreter_id = interpreter_id
    request.unplaced_reason = None
    if request.status == RequestStatus.REQUESTED:
        request.status = RequestStatus.SCHEDULED
    _sync_talk(request, slot, by)


def _sync_talk(request: TalkRequest, slot: SlotTime, by: User | None) -> None:
    # A no-show's talk did not take place: it stays deleted (tracker.scheduling.aftermath).
    if request.need_id is None or request.status == RequestStatus.NO_SHOW:
        return
    table = next((t for t in request.session.tables if t.id == request.table_id), None)
    people = [p.id for p in (*request.visitors, *request.partners)]
    interpreter = next((i for i in request.session.interpreters
                        if i.id == request.interpreter_id), None)  # fmt: skip
    # The host and a staff interpreter take part: the talk is in their calendar feeds.
    hosts = (table.host_id if table else None, interpreter.user_id if interpreter else None)
    staff = list(dict.fromkeys(u for u in hosts if u is not None))
    place = table.name if table else None
    partner = [request.match.organisation_id] if request.match is not None else []
    data = TalkData(request.title, slot.starts_at, slot.ends_at, request.session.timezone,
                    place=place, person_ids=people, staff_ids=staff,
                    organisation_ids=partner)  # fmt: skip
    if request.talk is None:
        request.talk = create_talk(request.need, data, by, request.match)
    else:
        update_talk(request.talk, data)
