"""What the session pages show: the grid (per day, slots by tables, breaks between), the last
solve's figures, and the choices of the small forms (slots, tables, who can be blocked)."""

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select

from tracker.extensions import db
from tracker.i18n import format_clock, format_day
from tracker.models import DelegationMember, Person, SessionTable, TalkRequest, User
from tracker.models.scheduling import MatchmakingSession, SessionBreak
from tracker.scheduling.layout import SlotTime, slot_times


@dataclass
class Row:
    """One row of a day's grid: a slot with a cell per table, or a break."""

    slot: SlotTime | None = None
    cells: list[tuple[SessionTable, TalkRequest | None]] = field(default_factory=list)
    pause: SessionBreak | None = None


@dataclass
class Day:
    day: date
    rows: list[Row]


def _live(session: MatchmakingSession) -> list[TalkRequest]:
    return [r for r in session.requests if r.deleted_at is None]


def grid(session: MatchmakingSession) -> list[Day]:
    """Each day: its slots in order with a cell per table, and the breaks where they fall."""
    placed = {(r.starts_at, r.table_id): r for r in _live(session) if r.is_placed}
    slots = slot_times(session)
    days = []
    for index, day in enumerate(session.days):
        rows, shown = [], set()
        for slot in (s for s in slots if s.day == index):
            for pause in session.breaks:
                if pause.id not in shown and pause.ends <= slot.local.time():
                    shown.add(pause.id)
                    if pause.starts >= day.starts:
                        rows.append(Row(pause=pause))
            cells = [(t, placed.get((slot.starts_at, t.id))) for t in session.tables]
            rows.append(Row(slot=slot, cells=cells))
        days.append(Day(day.day, rows))
    return days


def unplaced(session: MatchmakingSession) -> list[TalkRequest]:
    return [r for r in _live(session) if not r.is_placed]


@dataclass(frozen=True)
class SolveSummary:
    """The last solve's figures: status, objective, best bound, the gap, seconds, counts."""

    status: str
    objective: int
    bound: int
    gap: float
    seconds: float
    placed: int
    left_out: int


def solve_summary(session: MatchmakingSession) -> SolveSummary | None:
    """The figures stored by layout.solve_session, or None before the first solve."""
    parts = (session.last_solve or "").split()
    if len(parts) != 6:
        return None
    status, objective, bound, seconds, placed, left_out = parts
    objective_n, bound_n = int(float(objective)), int(float(bound))
    gap = abs(bound_n - objective_n) / max(1, abs(objective_n))
    return SolveSummary(status, objective_n, bound_n, gap, float(seconds), int(placed),
                        int(left_out))  # fmt: skip


def slot_choices(session: MatchmakingSession) -> list[tuple[int, str]]:
    """Every slot as (index, "12 May 2026 09:20") for the move form."""
    return [(s.index, f"{format_day(s.local.date())} {format_clock(s.local.time())}")
            for s in slot_times(session)]  # fmt: skip


def table_choices(session: MatchmakingSession) -> list[tuple[int, str]]:
    return [(t.id, t.name) for t in session.tables]


def slot_indexes(session: MatchmakingSession) -> dict[int, int]:
    """Each placed request's slot index (the move form's current choice)."""
    by_start = {s.starts_at: s.index for s in slot_times(session)}
    return {r.id: by_start[r.starts_at] for r in _live(session) if r.starts_at in by_start}


def staff_choices() -> list[tuple[int | None, str]]:
    active = select(User).where(User.active.is_(True)).order_by(User.display_name)
    users = db.session.scalars(active)
    return [(None, "—")] + [(u.id, u.display_name) for u in users]


def delegation_people(delegation_id: int) -> list[tuple[int, str]]:
    """The delegation's members, the visitors a request can name."""
    people = db.session.scalars(
        select(Person).join(DelegationMember, DelegationMember.person_id == Person.id)
        .where(DelegationMember.delegation_id == delegation_id).order_by(Person.full_name)
    ).unique()  # fmt: skip
    return [(p.id, p.full_name) for p in people]


def blockable(session: MatchmakingSession) -> list[tuple[str, str]]:
    """Whom a block can be for: the requests' people, the interpreters, the tables."""
    people = {p.id: p.full_name for r in _live(session) for p in (*r.visitors, *r.partners)}
    return (
        [(f"person:{pid}", name) for pid, name in sorted(people.items(), key=lambda i: i[1])]
        + [(f"interpreter:{i.id}", i.display_name) for i in session.interpreters]
        + [(f"table:{t.id}", t.name) for t in session.tables]
    )


def day_choices(session: MatchmakingSession) -> list[tuple[str, str]]:
    return [(d.day.isoformat(), format_day(d.day)) for d in session.days]


def morning(session: MatchmakingSession) -> tuple[time, time]:
    """The first day's start to noon (or its end): what a block offers first."""
    if not session.days:
        return time(9), time(12)
    day = session.days[0]
    return day.starts, min(day.ends, max(time(12), day.starts))
