"""The matchmaking day's pages through the test client: each renders, the small forms keep the
user's input with a field error, CSRF, permissions, the solve with its reasons, moving, swapping
and locking through the no-JavaScript form, publishing."""

import re
from datetime import date, time

import pytest

from tests import factories
from tests.conftest import PASSWORD
from tests.scheduling.day import two_table_day
from tracker.extensions import db
from tracker.models import MatchStatus, RequestPriority, SessionStatus, TalkRequest
from tracker.models.scheduling import MatchmakingSession
from tracker.scheduling import layout

DAY = date(2026, 5, 12)
BASE = "/matchmaking-days"


@pytest.fixture(autouse=True)
def _quick_solves(app):
    app.config["SCHEDULE_TIME_LIMIT"] = 2.0


@pytest.fixture
def owner(login):
    return login("staff")


@pytest.fixture
def session(owner):
    """A day 9:00-11:00 of 20-minute slots with a break 10:00-10:20, two tables, by owner."""
    return two_table_day(owner, "Thüringen 2026")


def _pair(session, visitor_languages="de", partner_languages="de"):
    need = factories.need(delegation=session.delegation)
    partner_org = factories.local_partner()
    visitor = factories.person(organisation=need.organisation, languages=visitor_languages)
    factories.member(session.delegation, visitor)
    factories.person(organisation=partner_org, languages=partner_languages)
    match = factories.match(need, partner_org, status=MatchStatus.INTRODUCED)
    db.session.commit()
    return match, visitor


def _requests(session_id: int) -> list[TalkRequest]:
    return [r for r in layout.load_session(session_id).requests if r.deleted_at is None]


def test_the_delegation_page_lists_its_sessions(client, session):
    page = client.get(f"/delegations/{session.delegation_id}").text
    assert "Matchmaking day" in page and "Thuringia day" in page
    assert f"{BASE}/new?delegation_id={session.delegation_id}" in page


@pytest.mark.parametrize("path", ["", "/grid", "/edit", "/publish", "/delete"])
def test_each_page_renders(client, session, path):
    assert client.get(f"{BASE}/{session.id}{path}").status_code == 200


def test_a_new_session_is_saved_with_its_days_and_breaks(client, owner):
    delegation = factories.delegation()
    db.session.commit()
    response = client.post(f"{BASE}/new?delegation_id={delegation.id}", data={
        "title": "Day one", "slot_minutes": "30", "max_talks_per_day": "6",
        "timezone": "Europe/Berlin", "days-0-day": "2026-05-12", "days-0-starts": "09:00",
        "days-0-ends": "12:00", "breaks-0-starts": "10:00", "breaks-0-ends": "10:30",
    })  # fmt: skip
    assert response.status_code == 302
    found = db.session.scalar(db.select(MatchmakingSession.id).filter_by(title="Day one"))
    session = layout.load_session(found)
    assert session.slot_minutes == 30 and session.timezone == "Europe/Berlin"
    assert [(d.starts, d.ends) for d in session.days] == [(time(9), time(12))]
    assert [(b.starts, b.ends) for b in session.breaks] == [(time(10), time(10, 30))]
    assert session.created_by_id == owner.id


def test_a_bad_session_form_keeps_the_input_with_the_error(client, session):
    response = client.post(f"{BASE}/{session.id}/edit", data={
        "title": "Renamed day", "slot_minutes": "20", "max_talks_per_day": "8",
        "timezone": "Asia/Shanghai", "days-0-day": "2026-05-12", "days-0-starts": "11:00",
        "days-0-ends": "09:00", "version": str(session.version),
    })  # fmt: skip
    assert response.status_code == 200
    assert 'value="Renamed day"' in response.text
    assert "The end must be after the start." in response.text


def test_a_stale_session_edit_is_a_conflict(client, session):
    response = client.post(f"{BASE}/{session.id}/edit", data={
        "title": "Renamed day", "slot_minutes": "20", "max_talks_per_day": "8",
        "timezone": "Asia/Shanghai", "days-0-day": "2026-05-12", "days-0-starts": "09:00",
        "days-0-ends": "11:00", "version": str(session.version - 1),
    })  # fmt: skip
    assert response.status_code == 409 and 'value="Renamed day"' in response.text


def test_tables_interpreters_and_blocks_are_added_and_removed(client, session):
    url, first_table = f"{BASE}/{session.id}", session.tables[0].id
    client.post(f"{url}/tables", data={"tables-name": "Table 3", "tables-capacity": "6"})
    client.post(f"{url}/interpreters", data={"interpreters-name": "Ms Li",
                                             "interpreters-pairs": "de-zh en-zh"})  # fmt: skip
    client.post(f"{url}/blocks", data={
        "blocks-who": f"table:{first_table}", "blocks-day": DAY.isoformat(),
        "blocks-starts": "09:00", "blocks-ends": "10:00", "blocks-reason": "Press",
    })  # fmt: skip
    loaded = layout.load_session(session.id)
    assert [t.name for t in loaded.tables][-1] == "Table 3"
    assert loaded.interpreters[0].pairs == "de-zh en-zh"
    assert loaded.blocks[0].table_id == loaded.tables[0].id and loaded.blocks[0].reason == "Press"
    table = loaded.tables[-1]
    assert client.post(f"{url}/tables/{table.id}/remove").status_code == 302
    assert "Table 3" not in [t.name for t in layout.load_session(session.id).tables]


@pytest.mark.parametrize(
    ("kind", "data", "error"),
    [
        ("tables", {"tables-name": "Table 9", "tables-capacity": "1"}, "Number must be"),
        ("interpreters", {"interpreters-name": "Mr Wu", "interpreters-pairs": "fluent"},
         "Write the pairs as"),
        ("requests", {"requests-title": "Visit", "requests-priority": "must"},
         "Name at least one participant."),
    ],
)  # fmt: skip
def test_a_bad_entry_re_renders_the_page_with_its_input(client, session, kind, data, error):
    response = client.post(f"{BASE}/{session.id}/{kind}", data=data)
    assert response.status_code == 200
    assert error in response.text
    value = next(v for k, v in data.items() if k.endswith(("name", "title")))
    assert f'value="{value}"' in response.text


def test_requests_come_from_accepted_matches_and_are_entered_directly(client, session):
    _match, visitor = _pair(session)
    client.post(f"{BASE}/{session.id}/requests/from-matches")
    partner = factories.person(organisation=factories.local_partner(), full_name="Wang Fang")
    db.session.commit()
    client.post(f"{BASE}/{session.id}/requests", data={
        "requests-title": "Site visit", "requests-priority": "must",
        "requests-visitor_ids": str(visitor.id), "requests-partner_ids": str(partner.id),
    })  # fmt: skip
    first, direct = _requests(session.id)
    assert first.match_id is not None and direct.title == "Site visit"
    assert direct.priority == RequestPriority.MUST and [p.id for p in direct.partners] == [
        partner.id
    ]


def test_priority_changes_and_a_request_is_deleted(client, session):
    _pair(session)
    client.post(f"{BASE}/{session.id}/requests/from-matches")
    (request,) = _requests(session.id)
    client.post(f"{BASE}/{session.id}/requests/{request.id}/priority", data={"priority": "must"})
    assert _requests(session.id)[0].priority == RequestPriority.MUST
    client.post(f"{BASE}/{session.id}/requests/{request.id}/delete")
    assert _requests(session.id) == []


def test_solve_shows_the_figures_and_the_reasons(client, session):
    _pair(session, "de", "zh")
    client.post(f"{BASE}/{session.id}/requests/from-matches")
    response = client.post(f"{BASE}/{session.id}/solve", follow_redirects=True)
    assert "Objective" in response.text and "Gap" in response.text
    assert "No German-Chinese interpreter in this session." in response.text


def test_the_reasons_are_in_the_solving_users_language(client, session):
    _pair(session, "de", "zh")
    client.post(f"{BASE}/{session.id}/requests/from-matches")
    client.post("/language", data={"language": "zh"})
    response = client.post(f"{BASE}/{session.id}/solve", follow_redirects=True)
    assert "目标值" in response.text
    assert _requests(session.id)[0].unplaced_reason == "本场次没有德文-中文口译员。"


def test_move_swap_and_lock_through_the_form(client, session):
    for _ in range(2):
        _pair(session)
    client.post(f"{BASE}/{session.id}/requests/from-matches")
    client.post(f"{BASE}/{session.id}/solve")
    first, second = _requests(session.id)
    tables = [t.id for t in session.tables]
    client.post(f"{BASE}/{session.id}/requests/{first.id}/move",
                data={"slot": "4", "table": str(tables[1])})  # fmt: skip
    slots = layout.slot_times(layout.load_session(session.id))
    first, second = _requests(session.id)
    assert (first.starts_at, first.table_id) == (slots[4].starts_at, tables[1])
    old = (second.starts_at, second.table_id)
    client.post(f"{BASE}/{session.id}/requests/{second.id}/move",
                data={"slot": "4", "table": str(tables[1])})  # fmt: skip
    first, second = _requests(session.id)
    assert (second.starts_at, second.table_id) == (slots[4].starts_at, tables[1])
    assert (first.starts_at, first.table_id) == old  # swapped
    client.post(f"{BASE}/{session.id}/requests/{second.id}/lock")
    place = {"slot": "4", "table": str(tables[1])}
    response = client.post(
        f"{BASE}/{session.id}/requests/{first.id}/move", data=place, follow_redirects=True
    )
    assert "A locked talk is there" in response.text
    client.post(f"{BASE}/{session.id}/solve")
    assert _requests(session.id)[1].starts_at == slots[4].starts_at  # the locked talk stays


def test_the_grid_shows_talks_and_the_lock(client, session):
    _pair(session)
    client.post(f"{BASE}/{session.id}/requests/from-matches")
    client.post(f"{BASE}/{session.id}/solve")
    (request,) = _requests(session.id)
    client.post(f"{BASE}/{session.id}/requests/{request.id}/lock")
    page = client.get(f"{BASE}/{session.id}/grid").text
    assert f'id="talk-{request.id}"' in page and "bi-lock-fill" in page
    assert 'class="move-form' in page and "js/schedule.js" in page
    assert "Break" in page


def test_publish_after_confirmation(client, session):
    assert "Publish the session?" in client.get(f"{BASE}/{session.id}/publish").text
    client.post(f"{BASE}/{session.id}/publish")
    assert layout.load_session(session.id).status == SessionStatus.PUBLISHED


def test_a_deleted_session_is_gone(client, session):
    client.post(f"{BASE}/{session.id}/delete")
    assert client.get(f"{BASE}/{session.id}").status_code == 404


def test_another_staff_members_session_is_not_theirs_to_delete(app, session):
    other = factories.user(role="staff", password=PASSWORD)
    db.session.commit()
    client = app.test_client()
    client.post("/login", data={"email": other.email, "password": PASSWORD})
    assert client.get(f"{BASE}/{session.id}/delete").status_code == 403
    assert client.get(f"{BASE}/{session.id}").status_code == 200
    assert client.post(f"{BASE}/{session.id}/delete").status_code == 403


def test_unknown_records_are_404(client, session):
    assert client.get(f"{BASE}/{session.id + 1}").status_code == 404
    assert client.post(f"{BASE}/{session.id}/tables/999/remove").status_code == 404
    assert client.post(f"{BASE}/{session.id}/requests/999/lock").status_code == 404
    assert client.get(f"{BASE}/new?delegation_id=999999").status_code == 404


def test_posts_need_the_csrf_token(app, client, session):
    app.config["WTF_CSRF_ENABLED"] = True  # after the login fixture, which posts without one
    for path in ("/solve", "/requests/from-matches", "/publish"):
        assert client.post(f"{BASE}/{session.id}{path}").status_code in (400, 200)
    assert layout.load_session(session.id).status == SessionStatus.DRAFT
    assert layout.load_session(session.id).last_solve is None
    page = client.get(f"{BASE}/{session.id}/grid").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    response = client.post(f"{BASE}/{session.id}/solve", data={"csrf_token": token})
    assert response.status_code == 302
    assert layout.load_session(session.id).last_solve is not None
