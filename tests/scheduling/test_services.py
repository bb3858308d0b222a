"""The matchmaking day with the database: a session's slots, requests from accepted matches,
a solve written back as talks with reasons for the rest, blocks from meetings, moving and
locking, and a re-solve that keeps locked talks."""

from datetime import date, datetime

import pytest

from tests import factories
from tests.scheduling.day import two_table_day
from tracker.extensions import db
from tracker.models import MatchStatus, RequestPriority, RequestStatus, Talk
from tracker.scheduling import layout, services

DAY = date(2026, 5, 12)


@pytest.fixture
def session(app):
    """A day 9:00-11:00 (Shanghai) of 20-minute slots with a break 10:00-10:20, two tables."""
    return two_table_day(factories.user())


def _pair(session, visitor_languages="de", partner_languages="de"):
    need = factories.need(delegation=session.delegation)
    partner_org = factories.local_partner()
    visitor = factories.person(organisation=need.organisation, languages=visitor_languages)
    factories.member(session.delegation, visitor)
    partner = factories.person(organisation=partner_org, languages=partner_languages)
    return factories.match(need, partner_org, status=MatchStatus.INTRODUCED), visitor, partner


def test_slots_skip_the_break(session):
    starts = [s.local.strftime("%H:%M") for s in layout.slot_times(session)]
    assert starts == ["09:00", "09:20", "09:40", "10:20", "10:40"]
    assert layout.slot_times(session)[0].starts_at == datetime(2026, 5, 12, 1, 0)  # UTC


def test_accepted_matches_become_requests_once(session):
    _pair(session)
    factories.match(factories.need(delegation=session.delegation), factories.local_partner(),
                    status=MatchStatus.DECLINED)  # fmt: skip
    assert services.requests_from_matches(session, None) == 1
    assert services.requests_from_matches(session, None) == 0
    (request,) = session.requests
    assert request.visitors and request.partners and request.need_id is not None


def test_a_confidential_needs_matches_stay_off_the_days_grid(session):
    """The grid, printouts and table cards are seen by every colleague and the visitors: a
    confidential need's talks are scheduled by hand on the need, never requested here."""
    match, _visitor, _partner = _pair(session)
    match.need.confidential, match.need.owner = True, factories.user()
    _pair(session)
    assert services.requests_from_matches(session, None) == 1
    assert [r.match_id for r in session.requests] != [match.id]


def test_a_solve_places_requests_as_talks_and_explains_the_rest(session, app):
    match, _visitor, _partner = _pair(session, "de", "zh")
    services.requests_from_matches(session, None)
    with app.test_request_context():
        layout.solve_session(session, None, time_limit=2)
    (request,) = session.requests
    assert request.status == RequestStatus.REQUESTED and request.talk is None
    assert request.unplaced_reason == "No German-Chinese interpreter in this session."
    services.add_interpreter(session, None, "Ms Li", "de-zh")
    with app.test_request_context():
        layout.solve_session(layout.load_session(session.id), None, time_limit=2)
    assert request.status == RequestStatus.SCHEDULED and request.unplaced_reason is None
    talk = db.session.get(Talk, request.talk_id)
    assert talk.starts_at == request.starts_at and talk.match_id == match.id


def test_meetings_block_their_people(session, app):
    _match, visitor, _partner = _pair(session)
    # 9:00-10:00 in Shanghai
    factories.meeting(session.delegation, starts_at=datetime(2026, 5, 12, 1, 0), people=[visitor])
    services.requests_from_matches(session, None)
    with app.test_request_context():
        layout.solve_session(session, None, time_limit=2)
    (request,) = session.requests
    assert request.starts_at >= datetime(2026, 5, 12, 2, 20)


def test_move_swaps_and_a_resolve_keeps_the_locked_talk(session, app):
    for _ in range(2):
        _pair(session)
    services.requests_from_matches(session, None)
    first, second = session.requests
    second.priority = RequestPriority.MUST
    with app.test_request_context():
        layout.solve_session(session, None, time_limit=2)
        services.move_request(first, 4, session.tables[1].id, None)
        services.set_locked(first, True)
        layout.solve_session(layout.load_session(session.id), None, time_limit=2)
    slots = layout.slot_times(session)
    assert (first.starts_at, first.table_id) == (slots[4].starts_at, session.tables[1].id)
    assert second.starts_at is not None
