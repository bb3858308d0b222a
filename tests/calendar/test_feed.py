"""The personal iCalendar feed and the profile page that manages its link."""

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from tests.followups.builders import followup, need
from tests.queries import count_queries
from tracker.calendar import services
from tracker.extensions import db
from tracker.models import FollowUpStatus, User

DUE = date(2026, 5, 13)


def events(response) -> dict[str, object]:
    """The feed's VEVENTs by UID."""
    calendar = Calendar.from_ical(response.data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def owner(make):
    user = make.user(display_name="Anna")
    services.issue_token(user)
    db.session.commit()
    return user


def feed_url(user: User) -> str:
    return f"/calendar/{user.calendar_token}.ics"


def test_feed_lists_open_followups_as_all_day_events(client, owner, make):
    n = need(title="Plant in Baoshan")
    task = followup(owner, DUE, title="Send the land prices", need=n)
    db.session.commit()
    response = client.get(feed_url(owner))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-store"  # personal data, token in the URL
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["VERSION"]) == "2.0"
    assert "PRODID" in calendar
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    assert "Anna" in str(calendar["X-WR-CALNAME"])
    event = events(response)[f"followup-{task.id}@tracker"]
    assert event.decoded("DTSTART") == DUE
    assert event.decoded("DTEND") == DUE + timedelta(days=1)
    assert b"DTSTART;VALUE=DATE:20260513" in response.data
    assert str(event["SUMMARY"]) == "Send the land prices"
    link = f"http://tracker.test/followups/{task.id}"
    assert str(event["URL"]) == link
    assert "Need: Plant in Baoshan" in str(event["DESCRIPTION"])
    assert link in str(event["DESCRIPTION"])
    assert event.decoded("SEQUENCE") == task.version - 1
    assert event.decoded("LAST-MODIFIED").replace(tzinfo=None) == task.updated_at.replace(
        microsecond=0
    )
    assert "DTSTAMP" in event


def test_feed_leaves_out_closed_and_other_peoples_followups(client, owner, make):
    mine = followup(owner, DUE, title="Mine")
    followup(owner, DUE, title="Done", status=FollowUpStatus.DONE)
    followup(owner, DUE, title="Cancelled", status=FollowUpStatus.CANCELLED)
    followup(make.user(), DUE, title="Someone else's")
    db.session.commit()
    assert list(events(client.get(feed_url(owner)))) == [f"followup-{mine.id}@tracker"]


def test_uids_are_stable_across_fetches_and_edits(client, owner):
    task = followup(owner, DUE)
    db.session.commit()
    first = events(client.get(feed_url(owner)))
    task.title = "Renamed"
    db.session.commit()
    second = events(client.get(feed_url(owner)))
    assert list(first) == list(second) == [f"followup-{task.id}@tracker"]
    uid = f"followup-{task.id}@tracker"
    assert second[uid].decoded("SEQUENCE") == first[uid].decoded("SEQUENCE") + 1


def test_feed_round_trips_markup_and_special_characters(client, owner):
    followup(owner, DUE, title="<script>alert(1)</script>, Jena; Erfurt")
    db.session.commit()
    (event,) = events(client.get(feed_url(owner))).values()
    assert str(event["SUMMARY"]) == "<script>alert(1)</script>, Jena; Erfurt"


def test_feed_is_public_and_needs_no_login(client, owner):
    assert client.get(feed_url(owner)).status_code == 200
    assert client.get("/profile").status_code == 302  # everything else still needs a login


@pytest.mark.parametrize("token", ["nope", "x" * 300, "%00", "a" * 42 + "%00", "a" * 43])
def test_unknown_token_is_404(client, owner, token):
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_revoked_token_is_404(client, owner):
    url = feed_url(owner)
    services.revoke_token(owner)
    db.session.commit()
    assert client.get(url).status_code == 404


def test_inactive_user_is_404(client, owner):
    owner.active = False
    db.session.commit()
    assert client.get(feed_url(owner)).status_code == 404


def test_feed_queries_are_bounded(client, owner, make):
    for _ in range(3):
        followup(owner, DUE, need=need(), assigned_by=make.user())
    db.session.commit()
    with count_queries() as few:
        client.get(feed_url(owner))
    for _ in range(27):
        followup(owner, DUE, delegation=make.delegation())
    db.session.commit()
    with count_queries() as many:
        client.get(feed_url(owner))
    assert len(few) == len(many)


def test_profile_without_a_link_offers_to_create_one(client, login):
    me = login(display_name="Li Wei", email="li.wei@example.org")
    html = client.get("/profile").text
    assert "Li Wei" in html and "li.wei@example.org" in html and "Staff" in html
    assert "Create my calendar link" in html
    assert me.calendar_token is None


def test_create_regenerate_and_revoke_from_the_profile(client, login):
    me = login()
    client.post("/profile/calendar/regenerate")
    db.session.refresh(me)
    first = me.calendar_token
    assert first and len(first) >= 43
    html = client.get("/profile").text
    assert f"http://tracker.test/calendar/{first}.ics" in html
    assert "Regenerate link" in html and "Turn off feed" in html
    assert client.get(f"/calendar/{first}.ics").status_code == 200

    client.post("/profile/calendar/regenerate")
    db.session.refresh(me)
    assert me.calendar_token != first
    assert client.get(f"/calendar/{first}.ics").status_code == 404
    assert client.get(f"/calendar/{me.calendar_token}.ics").status_code == 200

    second = me.calendar_token
    response = client.post("/profile/calendar/revoke")
    assert response.status_code == 302
    db.session.refresh(me)
    assert me.calendar_token is None
    assert client.get(f"/calendar/{second}.ics").status_code == 404
    assert "Create my calendar link" in client.get("/profile").text


def test_token_actions_are_post_only(client, login):
    login()
    assert client.get("/profile/calendar/regenerate").status_code == 405
    assert client.get("/profile/calendar/revoke").status_code == 405


def test_profile_escapes_the_name(client, login):
    login(display_name="<script>alert(1)</script>")
    html = client.get("/profile").text
    assert "<script>alert(1)</script>" not in html
