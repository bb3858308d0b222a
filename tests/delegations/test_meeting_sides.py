"""Meetings with both sides: the delegation's visitors and the local partners' people."""

import pytest
from sqlalchemy import func, select

from tests.messages import NOT_A_CHOICE
from tracker.extensions import db
from tracker.models import Meeting
from tracker.models.meeting import meeting_person


@pytest.fixture
def sides(make):
    """A delegation with one visiting member, a local partner's manager, and an outsider."""
    delegation = make.delegation()
    visitor = make.person(full_name="Anna Berg", organisation=make.organisation(name="Berg GmbH"))
    make.member(delegation, visitor)
    park = make.local_partner(name="Robot Park")
    host = make.person(full_name="Zhou Qiang", organisation=park)
    outsider = make.person(full_name="Otto Außen", organisation=make.organisation())
    db.session.commit()
    return delegation, visitor, host, outsider


def _data(**changes) -> dict:
    return {"title": "Round table", "starts_at": "2026-05-12T14:00", **changes}


def _people() -> list[int]:
    return sorted(db.session.scalars(select(meeting_person.c.person_id)))


def test_the_form_offers_local_partners_people_beside_the_visitors(client, login, sides):
    login()
    delegation, _visitor, _host, _outsider = sides
    page = client.get(f"/delegations/{delegation.id}/meetings/new").text
    assert "Visiting side" in page and "Local partners' people" in page
    assert 'data-lookup="/lookup/people?local=1"' in page
    assert "Zhou Qiang — Robot Park" in page  # the no-JavaScript list of the picker
    assert "Otto Außen" not in page


def test_a_meeting_records_visitors_and_local_partners_people(client, login, sides):
    login()
    delegation, visitor, host, _outsider = sides
    data = _data(person_ids=[str(visitor.id)], local_person_ids=[str(host.id)])
    response = client.post(f"/delegations/{delegation.id}/meetings/new", data=data)
    assert response.status_code == 302
    assert _people() == sorted([visitor.id, host.id])


def test_only_local_partners_people_go_on_the_local_side(client, login, sides):
    login()
    delegation, visitor, _host, outsider = sides
    for wrong in (outsider, visitor):
        data = _data(local_person_ids=[str(wrong.id)])
        response = client.post(f"/delegations/{delegation.id}/meetings/new", data=data)
        assert response.status_code == 200
        assert NOT_A_CHOICE in response.text
    assert db.session.scalar(select(func.count(Meeting.id))) == 0


def test_the_sides_are_shown_apart(client, login, make, sides):
    login()
    delegation, visitor, host, _outsider = sides
    meeting = make.meeting(delegation, title="Round table", people=[visitor, host])
    db.session.commit()
    edit = client.get(f"/delegations/{delegation.id}/meetings/{meeting.id}/edit").text
    visiting_select = edit.split('name="person_ids"')[1].split("</select>")[0]
    local_select = edit.split('name="local_person_ids"')[1].split("</select>")[0]
    assert "Anna Berg" in visiting_select and "Zhou Qiang" not in visiting_select
    assert f'<option selected value="{host.id}">Zhou Qiang' in local_select
    page = client.get(f"/delegations/{delegation.id}").text
    assert "Local partners:</span> Zhou Qiang (Robot Park)" in page
    report = client.get(f"/delegations/{delegation.id}/report").text
    assert "Visiting side:</span> Anna Berg" in report
    assert "Local partners:</span> Zhou Qiang (Robot Park)" in report


def test_editing_keeps_the_local_side_unless_changed(client, login, make, sides):
    login()
    delegation, visitor, host, _outsider = sides
    meeting = make.meeting(delegation, title="Round table", people=[visitor, host])
    db.session.commit()
    url = f"/delegations/{delegation.id}/meetings/{meeting.id}/edit"
    data = _data(version=meeting.version, person_ids=[], local_person_ids=[str(host.id)])
    assert client.post(url, data=data).status_code == 302
    assert _people() == [host.id]
