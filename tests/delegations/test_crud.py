"""Creating, editing and deleting delegations, with the role checks."""

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.checks import reloaded
from tracker.extensions import db
from tracker.models import (
    Delegation,
    DelegationMember,
    DelegationStatus,
    Meeting,
    Organisation,
    Person,
    delegation_topic,
)
from tracker.models.meeting import meeting_person, meeting_topic

from .test_forms import VALID


def _count(column) -> int:
    return db.session.scalar(select(func.count()).select_from(column.table))


def test_create_saves_the_delegation_with_topics_and_creator(client, login, make):
    user = login()
    officer = make.user(display_name="Ms Wang")
    optics, robots = make.topic(name="Optics"), make.topic(name="Robots")
    db.session.commit()
    data = {**VALID, "host_officer_id": str(officer.id), "topic_ids": [str(optics.id)]}
    response = client.post("/delegations/new", data=data)
    delegation = db.session.scalar(select(Delegation))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/delegations/{delegation.id}")
    assert delegation.title == "Thuringia business delegation"
    assert delegation.origin_country == "DE"
    assert delegation.start_date == date(2026, 5, 12)
    assert delegation.host_officer_id == officer.id
    assert delegation.announced_size == 30
    assert delegation.status == DelegationStatus.PLANNED
    assert delegation.created_by_id == user.id
    topic_ids = db.session.scalars(select(delegation_topic.c.topic_id)).all()
    assert topic_ids == [optics.id]
    assert robots.id not in topic_ids


def test_optional_fields_left_empty_are_stored_as_none(client, login):
    login()
    data = {**VALID, "origin_country": "", "origin_region_id": "", "announced_size": ""}
    client.post("/delegations/new", data={**data, "summary": "", "source_url": ""})
    delegation = db.session.scalar(select(Delegation))
    assert delegation.origin_country is None
    assert delegation.origin_region_id is None
    assert delegation.announced_size is None
    assert delegation.source_url is None


def test_edit_form_shows_current_values(client, login, make):
    login()
    topic = make.topic(name="Optics")
    delegation = make.delegation(title="Jena optics", origin_region="Thüringen")
    db.session.execute(
        delegation_topic.insert().values(delegation_id=delegation.id, topic_id=topic.id)
    )
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}/edit").text
    assert 'value="Jena optics"' in text
    assert f'<option selected value="{topic.id}">' in text or f'value="{topic.id}" selected' in text


def test_edit_changes_fields_and_replaces_topics(client, login, make):
    login()
    old, new = make.topic(name="Old"), make.topic(name="New")
    delegation = make.delegation(title="Before")
    db.session.execute(
        delegation_topic.insert().values(delegation_id=delegation.id, topic_id=old.id)
    )
    db.session.commit()
    data = {**VALID, "title": "After", "status": "completed", "topic_ids": [str(new.id)]}
    data["version"] = delegation.version  # the hidden field of the loaded form
    response = client.post(f"/delegations/{delegation.id}/edit", data=data)
    assert response.status_code == 302
    delegation = reloaded(delegation)
    assert delegation.title == "After"
    assert delegation.status == DelegationStatus.COMPLETED
    assert db.session.scalars(select(delegation_topic.c.topic_id)).all() == [new.id]


def test_edit_keeps_a_retired_topic_the_delegation_already_has(client, login, make):
    login()
    retired = make.topic(name="Retired topic", active=False)
    delegation = make.delegation()
    db.session.execute(
        delegation_topic.insert().values(delegation_id=delegation.id, topic_id=retired.id)
    )
    db.session.commit()
    assert "Retired topic" in client.get(f"/delegations/{delegation.id}/edit").text


@pytest.mark.parametrize("role", ["manager", "admin"])
def test_delete_hides_members_and_meetings_but_keeps_people(client, login, make, role):
    login(role)
    organisation = make.organisation()
    person = make.person(organisation=organisation)
    topic = make.topic()
    delegation = make.delegation()
    make.member(delegation, person)
    meeting = make.meeting(delegation)
    db.session.execute(meeting_person.insert().values(meeting_id=meeting.id, person_id=person.id))
    db.session.execute(meeting_topic.insert().values(meeting_id=meeting.id, topic_id=topic.id))
    db.session.execute(
        delegation_topic.insert().values(delegation_id=delegation.id, topic_id=topic.id)
    )
    db.session.commit()
    response = client.post(f"/delegations/{delegation.id}/delete")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/delegations/")
    # A soft delete: the visit is hidden, its members and meetings stay with it until purged.
    assert db.session.scalar(select(func.count(Delegation.id))) == 0
    assert _count(DelegationMember.id) == 1
    assert _count(Meeting.id) == 1
    assert _count(Person.id) == 1
    assert _count(Organisation.id) == 1
    person_page = client.get(f"/people/{person.id}")
    assert person_page.status_code == 200
    assert f"/delegations/{delegation.id}" not in person_page.text
    assert client.get(f"/delegations/{delegation.id}").status_code == 404


def test_titles_are_escaped(client, login, make):
    login()
    delegation = make.delegation(title="<script>alert(1)</script>")
    db.session.commit()
    for url in ("/delegations/", f"/delegations/{delegation.id}"):
        text = client.get(url).text
        assert "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_source_link_opens_without_referrer(client, login, make):
    login()
    delegation = make.delegation(source_url="https://example.org/visit")
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert 'href="https://example.org/visit" rel="noopener noreferrer"' in text
