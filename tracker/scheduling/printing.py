"""For the people of a matchmaking day: each visitor's and local partner's itinerary in their
language, the table cards for the room, and an .ics per person for those without an account."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from tracker.extensions import db
from tracker.i18n import zone_info
from tracker.models import (
    Interpreter,
    MatchmakingSession,
    Person,
    RequestStatus,
    SessionTable,
    TalkRequest,
    User,
)
from tracker.scheduling.languages import parse_languages

PRINT_LANGUAGES = ("de", "zh", "en")  # a person speaking several reads the first of these
COUNTRY_LANGUAGE = {"DE": "de", "AT": "de", "CH": "de", "CN": "zh"}
SIDES = ("visitor", "partner")
SHOWN = (RequestStatus.SCHEDULED, RequestStatus.HELD, RequestStatus.NO_SHOW)
PRODID = "-//Baoshan District Commerce Commission//Tracker matchmaking day//EN"


@dataclass(frozen=True)
class Line:
    """One talk as a person or a table sees it: local times, table, the people, interpreter."""

    request: TalkRequest
    starts: datetime  # wall-clock in the session's zone
    ends: datetime
    table: str
    visitors: list[Person]
    partners: list[Person]
    interpreter: str | None

    @property
    def day(self) -> date:
        return self.starts.date()


@dataclass(frozen=True)
class Itinerary:
    """A person's talks of the session; side is "visitor" or "partner"."""

    person: Person
    side: str
    language: str
    lines: list[Line]

    def others(self, line: Line) -> list[Person]:
        """The other side of a talk."""
        return line.partners if self.side == "visitor" else line.visitors


@dataclass(frozen=True)
class TableCard:
    """A table's talks on one day, in order, for the card on the table."""

    table: SessionTable
    day: date
    host: User | None
    lines: list[Line]


def language_of(person: Person, override: str | None = None) -> str:
    """The language (de, zh or en) to print for person: asked for, spoken, else the country's."""
    if override in PRINT_LANGUAGES:
        return override
    organisation = person.organisation
    country = organisation.country if organisation is not None else None
    if country is None and organisation is not None and organisation.is_local:
        country = "CN"  # the commission's own partners
    home = COUNTRY_LANGUAGE.get((country or "").upper(), "en")
    spoken = parse_languages(person.languages)
    if home in spoken or not spoken & set(PRINT_LANGUAGES):
        return home
    return next(code for code in PRINT_LANGUAGES if code in spoken)


def load_for_print(session_id: int) -> MatchmakingSession | None:
    """A session with its tables, hosts, interpreters and requests' people and organisations."""
    people = (joinedload(Person.organisation),)
    return db.session.scalar(
        select(MatchmakingSession)
        .where(MatchmakingSession.id == session_id)
        .options(
            selectinload(MatchmakingSession.days),
            selectinload(MatchmakingSession.tables).joinedload(SessionTable.host),
            selectinload(MatchmakingSession.interpreters).joinedload(Interpreter.user),
            selectinload(MatchmakingSession.requests)
            .selectinload(TalkRequest.visitors)
            .options(*people),
            selectinload(MatchmakingSession.requests)
            .selectinload(TalkRequest.partners)
            .options(*people),
        )
    )


def lines(session: MatchmakingSession) -> list[Line]:
    """The session's placed talks, in time and table order."""
    zone = zone_info(session.timezone)
    tables = {t.id: t for t in session.tables}
    interpreters = {i.id: i for i in session.interpreters}
    length = timedelta(minutes=session.slot_minutes)
    found = []
    for r in session.requests:
        if r.deleted_at is not None or not r.is_placed or r.status not in SHOWN:
            continue
        starts = r.starts_at.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
        interpreter = interpreters.get(r.interpreter_id)
        found.append(
            Line(
                r,
                starts,
                starts + length,
                tables[r.table_id].name,
                list(r.visitors),
                list(r.partners),
                interpreter.display_name if interpreter else None,
            )
        )
    order = {t.id: t.position for t in session.tables}
    return sorted(found, key=lambda line: (line.starts, order[line.request.table_id]))


def side_of(session: MatchmakingSession, person_id: int) -> tuple[Person, str] | None:
    """The person and their side in the session's requests, or None when not in any."""
    for r in session.requests:
        if r.deleted_at is None:
            for side, people in zip(SIDES, (r.visitors, r.partners), strict=True):
                if found := next((p for p in people if p.id == person_id), None):
                    return found, side
    return None


def itinerary(session: MatchmakingSession, person: Person, side: str, lang=None) -> Itinerary:
    """One person's talks of the session, in their language (or lang when given)."""
    mine = [line for line in lines(session) if person in (*line.visitors, *line.partners)]
    return Itinerary(person, side, language_of(person, lang), mine)


def itineraries(session: MatchmakingSession, side: str, lang: str | None = None):
    """Every visitor's (or local partner's) itinerary with at least one talk, by name."""
    people = {
        p.id: p
        for line in lines(session)
        for p in (line.visitors if side == "visitor" else line.partners)
    }
    ordered = sorted(people.values(), key=lambda p: p.full_name.casefold())
    return [itinerary(session, person, side, lang) for person in ordered]


def table_cards(session: MatchmakingSession) -> list[TableCard]:
    """A card per table per day with talks, in the grid's order."""
    every = lines(session)
    cards = []
    for day in session.days:
        for table in session.tables:
            mine = [
                line
                for line in every
                if line.request.table_id == table.id and line.starts.date() == day.day
            ]
            if mine:
                cards.append(TableCard(table, day.day, table.host, mine))
    return cards


def person_calendar(session: MatchmakingSession, person: Person, side: str) -> Calendar:
    """The person's talks of the session as an iCalendar document, in their language."""
    found = itinerary(session, person, side)
    zone = zone_info(session.timezone)
    with force_locale(found.language):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", f"{session.title}: {person.full_name}")
        for line in found.lines:
            calendar.add_component(_event(line, found.others(line), zone))
        calendar.add_missing_timezones()
    return calendar


def _event(line: Line, others: list[Person], zone) -> Event:
    """One talk; the UID is the request's, so a later download replaces the event (SEQUENCE)."""
    request = line.request
    names = [_name(p) for p in others]
    details = [_("Table: %(table)s", table=line.table), *names]
    if line.interpreter:
        details.append(_("Interpreter: %(name)s", name=line.interpreter))
    event = Event()
    event.add("uid", f"talk-request-{request.id}@tracker")
    event.add("dtstart", line.starts.replace(tzinfo=zone))
    event.add("dtend", line.ends.replace(tzinfo=zone))
    event.add("summary", _("Talk: %(names)s", names=", ".join(names) or request.title))
    event.add("description", "\n".join(details))
    event.add("location", line.table)
    event.add("dtstamp", request.updated_at.replace(tzinfo=UTC))
    event.add("last-modified", request.updated_at.replace(tzinfo=UTC))
    event.add("sequence", request.version - 1)  # every change bumps the version
    return event


def _name(person: Person) -> str:
    organisation = person.organisation
    return f"{person.full_name} ({organisation.shown_name})" if organisation else person.full_name
