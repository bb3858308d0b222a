"""Talks: scheduling in a time zone, overlap warnings, the stage prompt, outcome, the feed."""

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from tests.checks import assert_refused, count_rows
from tests.messages import NOT_A_CHOICE, NOT_A_DATE, required_text
from tracker.calendar import services as calendar
from tracker.extensions import db
from tracker.models import MatchChange, MatchStatus, Stage, Talk, utcnow
from tracker.talks.services import talk_detail


def form(**changes) -> dict:
    data = {
        "title": "Robot park talk",
        "day": "2026-05-13",
        "start": "10:00",
        "end": "11:00",
        "timezone": "Asia/Shanghai",
        "place": "Hall 1",
        "video_link": "",
        "agenda": "",
    }
    return data | changes


@pytest.fixture
def need(make):
    n = make.need(title="Production space", stage=Stage.QUALIFIED)
    db.session.commit()
    return n


def test_a_talk_entered_in_berlin_time_is_stored_in_utc(client, login, need):
    user = login()
    response = client.post(
        f"/talks/new?need_id={need.id}", data=form(timezone="Europe/Berlin", staff_ids=[user.id])
    )
    assert response.status_code == 302
    talk = db.session.scalar(select(Talk))
    assert (talk.starts_at, talk.ends_at) == (datetime(2026, 5, 13, 8), datetime(2026, 5, 13, 9))
    assert talk.timezone == "Europe/Berlin"
    page = client.get(f"/talks/{talk.id}").text
    assert "Entered as" in page and "Europe/Berlin" in page


@pytest.mark.parametrize(
    "field,value,message",
    [
        *required_text("title", 200),
        ("day", "2026-13-40", NOT_A_DATE),
        ("start", "25:99", "Not a valid time"),
        ("end", "09:00", "The talk must end after it starts."),
        ("timezone", "Mars/Olympus", NOT_A_CHOICE),
        ("place", "", "Give a place or a video link."),
        ("video_link", "javascript:alert(1)", "http:// or https://"),
        ("staff_ids", "424242", "not a valid choice"),
        ("organisation_ids", "abc", "Invalid choice"),
    ],
)
def test_talk_form_errors_write_nothing(client, login, need, field, value, message):
    login()
    response = client.post(f"/talks/new?need_id={need.id}", data=form(**{field: value}))
    assert_refused(response, message, field)
    assert count_rows(Talk) == 0


def test_a_video_link_replaces_the_place(client, login, need):
    login()
    response = client.post(
        f"/talks/new?need_id={need.id}",
        data=form(place="", video_link="https://meet.example.org/x"),
    )
    assert response.status_code == 302


def test_talk_without_need_or_match_is_404(client, login):
    login()
    assert client.get("/talks/new").status_code == 404
    assert client.get("/talks/new?need_id=99999").status_code == 404


def test_double_booked_colleague_is_warned_and_can_schedule_anyway(client, login, make, need):
    user = login()
    make.talk(
        need, datetime(2026, 5, 13, 2, 30), title="Earlier talk", place="Elsewhere", staff=[user]
    )
    db.session.commit()
    response = client.post(f"/talks/new?need_id={need.id}", data=form(staff_ids=[user.id]))
    assert response.status_code == 200
    assert f"{user.display_name} is already in “Earlier talk”" in response.text
    assert "Schedule anyway" in response.text
    assert count_rows(Talk) == 1
    response = client.post(
        f"/talks/new?need_id={need.id}", data=form(staff_ids=[user.id], schedule_anyway="y")
    )
    assert response.status_code == 302
    assert count_rows(Talk) == 2


def test_double_booked_room_is_warned_whatever_the_spelling(client, login, make, need):
    login()
    make.talk(need, datetime(2026, 5, 13, 2), title="Other", place="HALL 1")
    db.session.commit()
    response = client.post(f"/talks/new?need_id={need.id}", data=form(place=" hall  1 "))
    assert "is already booked for “Other”" in response.text


def test_back_to_back_talks_do_not_overlap(client, login, make, need):
    user = login()
    make.talk(need, datetime(2026, 5, 13, 1), place="Hall 1", staff=[user])  # 09:00-10:00
    db.session.commit()
    response = client.post(f"/talks/new?need_id={need.id}", data=form(staff_ids=[user.id]))
    assert response.status_code == 302


def test_editing_a_talk_does_not_conflict_with_itself(client, login, make, need):
    user = login()
    talk = make.talk(need, datetime(2026, 5, 13, 2), place="Hall 1", staff=[user])
    db.session.commit()
    page = client.get(f"/talks/{talk.id}/edit").text
    assert 'value="10:00"' in page
    data = form(staff_ids=[user.id], end="12:00", version=talk.version)
    response = client.post(f"/talks/{talk.id}/edit", data=data)
    assert response.status_code == 302
    assert db.session.get(Talk, talk.id).sequence == 1


def test_scheduling_offers_to_move_the_need_to_talks(client, login, need):
    login()
    response = client.post(f"/talks/new?need_id={need.id}", data=form(), follow_redirects=True)
    assert 'id="move-to-talks"' in response.text
    assert db.session.get(type(need), need.id).stage == Stage.QUALIFIED  # not moved silently
    talk = db.session.scalar(select(Talk))
    moved = client.post(
        f"/needs/{need.id}/stage", data={"to_stage": "talks", "next": f"/talks/{talk.id}"}
    )
    assert moved.headers["Location"].endswith(f"/talks/{talk.id}")
    assert db.session.get(type(need), need.id).stage == Stage.TALKS
    assert 'id="move-to-talks"' not in client.get(f"/talks/{talk.id}").text


def test_no_offer_when_the_need_is_already_further(client, login, make):
    login()
    need = make.need(stage=Stage.NEGOTIATION)
    db.session.commit()
    response = client.post(f"/talks/new?need_id={need.id}", data=form(), follow_redirects=True)
    assert 'id="move-to-talks"' not in response.text


def test_talk_from_a_match_moves_it_on_and_the_outcome_closes_the_loop(client, login, make, need):
    login()
    park = make.local_partner(name="Robot Park")
    match = make.match(need, park)
    db.session.commit()
    page = client.get(f"/talks/new?match_id={match.id}").text
    assert "Robot Park" in page
    client.post(f"/talks/new?match_id={match.id}", data=form(day="2020-01-01"))
    talk = db.session.scalar(select(Talk))
    assert [o.name for o in talk_detail(talk.id).organisations] == ["Robot Park"]
    assert match.status == MatchStatus.TALK_SCHEDULED
    page = client.get(f"/talks/{talk.id}").text
    assert 'id="record-outcome"' in page  # the talk is over
    data = {"minutes": "", "outcome": "", "version": talk.version}
    bad = client.post(f"/talks/{talk.id}/outcome", data=data)
    assert "Say briefly what came of the talk." in bad.text
    client.post(
        f"/talks/{talk.id}/outcome",
        data={"minutes": "Long talk", "outcome": "Lease terms sent", "version": talk.version},
    )
    db.session.refresh(match)
    assert match.status == MatchStatus.TALK_HELD
    page = client.get(f"/talks/{talk.id}").text
    assert f"/followups/new?need_id={need.id}" in page
    assert "Lease terms sent" in page
    notes = db.session.scalars(select(MatchChange.to_status).order_by(MatchChange.id)).all()
    assert notes == [MatchStatus.TALK_SCHEDULED, MatchStatus.TALK_HELD]


def test_future_talks_do_not_ask_for_an_outcome(client, login, make, need):
    login()
    talk = make.talk(need, utcnow() + timedelta(days=3))
    db.session.commit()
    assert 'id="record-outcome"' not in client.get(f"/talks/{talk.id}").text


def test_only_managers_delete_talks(client, login, make, need):
    talk = make.talk(need, datetime(2026, 5, 13, 2))
    db.session.commit()
    login("staff")
    assert client.post(f"/talks/{talk.id}/delete").status_code == 403


def test_managers_delete_talks_after_confirming(client, login, make, need):
    talk = make.talk(need, datetime(2026, 5, 13, 2))
    db.session.commit()
    login("manager")
    assert "Delete this talk?" in client.get(f"/talks/{talk.id}/delete").text
    assert client.post(f"/talks/{talk.id}/delete").status_code == 302
    assert count_rows(Talk) == 0


def test_talk_titles_are_escaped(client, login, make, need):
    login()
    talk = make.talk(need, datetime(2026, 5, 13, 2), title="<script>alert(1)</script>")
    db.session.commit()
    page = client.get(f"/talks/{talk.id}").text
    assert "<script>alert(1)</script>" not in page


def test_talks_are_timed_events_in_the_staff_feed(client, make, need):
    anna, other = make.user(display_name="Anna"), make.user()
    park = make.local_partner(name="Robot Park")
    talk = make.talk(
        need, datetime(2026, 5, 13, 2), title="Park talk", staff=[anna], organisations=[park]
    )
    calendar.issue_token(anna)
    calendar.issue_token(other)
    db.session.commit()
    response = client.get(f"/calendar/{anna.calendar_token}.ics")
    parsed = Calendar.from_ical(response.data)
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    event = events[f"talk-{talk.id}@tracker"]
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert start.utcoffset() == timedelta(hours=8)
    assert start.replace(tzinfo=None) - start.utcoffset() == datetime(2026, 5, 13, 2)
    assert b"DTSTART;TZID=Asia/Shanghai:20260513T100000" in response.data
    assert [str(z["TZID"]) for z in parsed.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert str(event["SUMMARY"]) == "Park talk"
    assert str(event["LOCATION"]) == "Meeting room 1"
    assert "Robot Park" in str(event["DESCRIPTION"])
    theirs = Calendar.from_ical(client.get(f"/calendar/{other.calendar_token}.ics").data)
    assert not list(theirs.walk("VEVENT"))
