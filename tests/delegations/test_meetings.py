"""Meetings: local time in and out, participants limited to members, other delegations' 404.

Deleting them: tests/delegations/test_meeting_delete.py."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from tests.checks import assert_refused, count_rows, reloaded
from tests.messages import REQUIRED, too_long
from tracker.extensions import db
from tracker.models import Meeting
from tracker.models.meeting import meeting_person, meeting_staff, meeting_topic


def _valid(**changes) -> dict:
    return {"title": "Talk with the robot park", "starts_at": "2026-05-12T09:30", **changes}


def test_create_meeting_stores_utc_and_the_lists(client, login, make, delegation):
    user = login()
    member = make.person(full_name="Member Person")
    make.member(delegation, member)
    colleague = make.user(display_name="Colleague")
    topic = make.topic()
    db.session.commit()
    data = _valid(
        place="Robot park",
        minutes="Agreed to meet again.",
        person_ids=[str(member.id)],
        staff_ids=[str(colleague.id)],
        topic_ids=[str(topic.id)],
    )
    response = client.post(f"/delegations/{delegation.id}/meetings/new", data=data)
    assert response.status_code == 302
    meeting = db.session.scalar(select(Meeting))
    assert meeting.starts_at == datetime(2026, 5, 12, 1, 30)
    assert (meeting.place, meeting.minutes) == ("Robot park", "Agreed to meet again.")
    assert meeting.delegation_id == delegation.id
    assert meeting.created_by_id == user.id
    assert db.session.scalars(select(meeting_person.c.person_id)).all() == [member.id]
    assert db.session.scalars(select(meeting_staff.c.user_id)).all() == [colleague.id]
    assert db.session.scalars(select(meeting_topic.c.topic_id)).all() == [topic.id]


def test_time_zone_round_trip(client, login, make, delegation):
    login()
    client.post(f"/delegations/{delegation.id}/meetings/new", data=_valid())
    meeting = db.session.scalar(select(Meeting))
    assert meeting.starts_at == datetime(2026, 5, 12, 1, 30)
    text = client.get(f"/delegations/{delegation.id}/meetings/{meeting.id}/edit").text
    assert 'value="2026-05-12T09:30"' in text


def test_local_time_across_midnight(client, login, delegation):
    login()
    client.post(
        f"/delegations/{delegation.id}/meetings/new", data=_valid(starts_at="2026-05-12T07:00")
    )
    assert db.session.scalar(select(Meeting.starts_at)) == datetime(2026, 5, 11, 23, 0)


def test_edit_meeting_replaces_fields_and_lists(client, login, make, delegation):
    login()
    first, second = make.person(), make.person()
    make.member(delegation, first)
    make.member(delegation, second)
    meeting = make.meeting(delegation, title="Before", people=[first])
    db.session.commit()
    data = _valid(title="After", starts_at="2026-05-13T14:00", person_ids=[str(second.id)])
    data["version"] = meeting.version  # the hidden field of the loaded form
    response = client.post(f"/delegations/{delegation.id}/meetings/{meeting.id}/edit", data=data)
    assert response.status_code == 302
    meeting = reloaded(meeting)
    assert meeting.title == "After"
    assert meeting.starts_at == datetime(2026, 5, 13, 6, 0)
    assert db.session.scalars(select(meeting_person.c.person_id)).all() == [second.id]


def test_participants_are_limited_to_members(client, login, make, delegation):
    login()
    member, outsider = make.person(full_name="Inside Member"), make.person(full_name="Outsider")
    make.member(delegation, member)
    db.session.commit()
    url = f"/delegations/{delegation.id}/meetings/new"
    text = client.get(url).text
    assert "Inside Member" in text
    assert "Outsider" not in text
    response = client.post(url, data=_valid(person_ids=[str(outsider.id)]))
    assert response.status_code == 200
    assert "is not a valid choice for this field." in response.text
    assert count_rows(Meeting) == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, REQUIRED),
        ({"title": "x" * 201}, too_long(200)),
        ({"place": "x" * 201}, too_long(200)),
        ({"starts_at": ""}, REQUIRED),
        ({"starts_at": "12 May at nine"}, "Not a valid datetime value."),
        ({"starts_at": "2026-05-12 09:30:00"}, "Not a valid datetime value."),
        ({"staff_ids": ["99999"]}, "is not a valid choice for this field."),
        ({"topic_ids": ["abc"]}, "could not be coerced"),
        ({"minutes": "x" * 100_001}, too_long(100000)),
    ],
)
def test_meeting_form_rejects_bad_input(client, login, delegation, changes, message):
    login()
    response = client.post(f"/delegations/{delegation.id}/meetings/new", data=_valid(**changes))
    assert_refused(response, message)
    assert count_rows(Meeting) == 0


@pytest.mark.parametrize(
    ("method", "suffix"), [("get", "edit"), ("post", "edit"), ("get", "delete"), ("post", "delete")]
)
def test_meeting_of_another_delegation_is_404(client, login, make, delegation, method, suffix):
    login("manager")  # who may delete
    other = make.delegation()
    meeting = make.meeting(other, title="Not yours")
    db.session.commit()
    url = f"/delegations/{delegation.id}/meetings/{meeting.id}/{suffix}"
    response = getattr(client, method)(url, data=_valid())
    assert response.status_code == 404
    assert reloaded(meeting).title == "Not yours"


def test_delete_meeting_confirms_then_deletes_softly(client, login, make, delegation):
    login("manager")
    person = make.person()
    meeting = make.meeting(delegation, title="Lunch", people=[person])
    db.session.commit()
    url = f"/delegations/{delegation.id}/meetings/{meeting.id}/delete"
    page = client.get(url)
    assert page.status_code == 200
    assert "Delete meeting “Lunch”?" in page.text
    assert client.post(url).status_code == 302
    assert count_rows(Meeting) == 0
    assert db.session.scalar(select(func.count()).select_from(meeting_person)) == 1  # kept


def test_new_meeting_form_proposes_the_first_morning(client, login, delegation):
    login()
    text = client.get(f"/delegations/{delegation.id}/meetings/new").text
    assert f'value="{delegation.start_date.isoformat()}T09:00"' in text


def test_meeting_title_is_escaped(client, login, make, delegation):
    login()
    make.meeting(delegation, title="<script>alert(1)</script>")
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert "<script>alert(1)</script>" not in text
