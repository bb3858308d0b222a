"""A matchmaking day with talks already placed, for the printouts and the aftermath tests:
one day in the past (its talks can be marked held) and one far ahead."""

from dataclasses import dataclass
from datetime import date, time

from tests import factories
from tracker.extensions import db
from tracker.models import MatchmakingSession, MatchStatus, Person, RequestPriority, TalkRequest
from tracker.scheduling import layout, services

PAST = date(2025, 3, 10)
TODAY_ISH = date(2026, 5, 12)  # the services' and pages' day: fixed, as their times are
FUTURE = date(2099, 3, 10)


@dataclass
class Day:
    session: MatchmakingSession
    visitor: Person  # a German visitor ("Deutsch, English")
    partner: Person  # a Chinese local partner ("中文")
    held: TalkRequest  # placed on the past day, table 1, with the interpreter
    later: TalkRequest  # placed on the future day, table 1
    owner: object  # the needs' owner


def two_table_day(created_by, title: str = "Thuringia") -> MatchmakingSession:
    """A day 9:00-11:00 (Shanghai) of 20-minute slots with a break 10:00-10:20 and two tables,
    committed and loaded, for the services' and the pages' tests."""
    delegation = factories.delegation(title=title)
    session = MatchmakingSession(delegation=delegation, created_by=created_by)
    data = services.SessionData(
        "Thuringia day", 20, 8, [(TODAY_ISH, time(9), time(11))], [(time(10), time(10, 20))]
    )
    services.save_session(session, data)
    db.session.commit()
    session = layout.load_session(session.id)
    services.add_table(session, "Table 1", 4, None)
    services.add_table(session, "Table 2", 4, None)
    db.session.commit()
    return layout.load_session(session.id)


def talk(session, visitor, partner, owner, title):
    """A request about a need of the visitor's organisation, from a match with the partner."""
    need = factories.need(organisation=visitor.organisation, delegation=session.delegation,
                          owner=owner, title=f"Need of {title}")  # fmt: skip
    match = factories.match(need, partner.organisation, status=MatchStatus.INTRODUCED)
    return services.add_request(session, title, RequestPriority.SHOULD, [visitor], [partner],
                                None, need=need, match=match)  # fmt: skip


def build_day() -> Day:
    """The session, committed and loaded, with two placed talks (call in a request context)."""
    host, owner = factories.user(display_name="Host Hu"), factories.user(display_name="Owner O")
    session = MatchmakingSession(delegation=factories.delegation(), created_by=host)
    days = [(PAST, time(9), time(11)), (FUTURE, time(9), time(11))]
    services.save_session(session, services.SessionData("Thuringia day", 20, 8, days, []))
    db.session.commit()
    session = layout.load_session(session.id)
    services.add_table(session, "Table 1", 4, host.id)
    services.add_table(session, "Table 2", 4, None)
    interpreter_user = factories.user(display_name="Li Interpreter")
    services.add_interpreter(session, interpreter_user.id, "", "de-zh")
    visiting = factories.organisation(name="Jenoptik", country="DE")
    local = factories.local_partner(name="Baoshan Park", name_zh="宝山园区", country="CN")
    visitor = factories.person(full_name="Anna Becker", organisation=visiting,
                               languages="Deutsch, English")  # fmt: skip
    partner = factories.person(full_name="Wang Fang", organisation=local, languages="中文")
    held = talk(session, visitor, partner, owner, "Optics")
    later = talk(session, visitor, partner, owner, "Lasers")
    db.session.commit()
    session = layout.load_session(session.id)
    slots = layout.slot_times(session)
    table = session.tables[0].id
    layout.place_request(held, slots[1], table, session.interpreters[0].id, None)  # 9:20 past
    layout.place_request(later, slots[7], table, None, None)  # 9:20 on the future day
    db.session.commit()
    return Day(session, visitor, partner, held, later, owner)
