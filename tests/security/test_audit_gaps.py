"""Writes the flush hook used to miss: many-to-many lists and an organisation merge's bulk
statements appear in the audit log with their field changes."""

from datetime import date, datetime

from sqlalchemy import select

from tracker.delegations.meetings import get_meeting, save_meeting
from tracker.delegations.services import save_delegation
from tracker.extensions import db
from tracker.models import AuditEntry, Delegation, Stage
from tracker.organisations.merging import merge_organisations
from tracker.talks.services import TalkData, talk_detail, update_talk


def _entries(entity, entity_id=None, action=None):
    stmt = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    if action is not None:
        stmt = stmt.where(AuditEntry.action == action)
    return db.session.scalars(stmt).all()


def _updates(entity, entity_id) -> dict:
    """The field changes of all update entries of a record (a service may flush several times)."""
    changes = {}
    for entry in _entries(entity, entity_id, "update"):
        changes.update(entry.changes)
    return changes


def _delegation(delegation_id):
    from sqlalchemy.orm import selectinload

    stmt = select(Delegation).where(Delegation.id == delegation_id)
    return db.session.scalar(stmt.options(selectinload(Delegation.topics)))


def test_delegation_topics_are_recorded(make):
    user = make.user()
    robotics, logistics = make.topic(name="Robotics"), make.topic(name="Logistics")
    delegation = save_delegation(
        Delegation(), {"title": "Saxony", "origin_country": "DE", "host": "Baoshan",
                       "start_date": date(2026, 5, 12), "end_date": date(2026, 5, 14)},
        [robotics.id], user,
    )  # fmt: skip
    db.session.commit()
    assert _entries("delegation", delegation.id)[0].changes["topics"] == [[], ["Robotics"]]
    delegation = _delegation(delegation.id)
    save_delegation(delegation, {}, [logistics.id], user)
    db.session.commit()
    assert _updates("delegation", delegation.id)["topics"] == [["Robotics"], ["Logistics"]]


def test_meeting_participants_are_recorded(make):
    user = make.user(display_name="Li Wei")
    delegation = make.delegation()
    person = make.person(full_name="Markus Vogt")
    meeting = make.meeting(delegation, title="Kick-off")
    db.session.commit()
    meeting = get_meeting(delegation.id, meeting.id)
    save_meeting(
        meeting, delegation, title="Kick-off", starts_at=meeting.starts_at, place=None,
        minutes=None, person_ids=[person.id], staff_ids=[user.id], topic_ids=[], user=user,
    )  # fmt: skip
    db.session.commit()
    changes = _updates("meeting", meeting.id)
    assert changes["people"] == [[], ["Markus Vogt"]]
    assert changes["staff"] == [[], ["Li Wei"]]
    assert "topics" not in changes  # unchanged lists stay out of the entry


def test_talk_participants_are_recorded(make):
    colleague = make.user(display_name="Zhang Min")
    need = make.need(stage=Stage.QUALIFIED)
    talk = make.talk(need, datetime(2026, 5, 13, 2), title="Robot park")
    person = make.person(full_name="Anna Berg")
    db.session.commit()
    talk = talk_detail(talk.id)
    data = TalkData(
        title="Robot park", starts_at=talk.starts_at, ends_at=talk.ends_at,
        timezone=talk.timezone, place=talk.place, person_ids=[person.id],
        staff_ids=[colleague.id],
    )  # fmt: skip
    update_talk(talk, data)
    db.session.commit()
    changes = _updates("talk", talk.id)
    assert changes["people"] == [[], ["Anna Berg"]]
    assert changes["staff"] == [[], ["Zhang Min"]]
    last = _entries("talk", talk.id, "update")[-1].id
    talk = talk_detail(talk.id)
    update_talk(talk, TalkData(**(data.__dict__ | {"staff_ids": []})))
    db.session.commit()
    (removed,) = [e for e in _entries("talk", talk.id, "update") if e.id > last]
    assert removed.changes == {"staff": [["Zhang Min"], []]}


def test_a_merge_records_every_moved_record_and_the_deletion(make):
    merged = make.organisation(name="Saale Robotik", city="Halle")
    survivor = make.organisation(name="Saale Robotik GmbH")
    person = make.person(full_name="Markus Vogt", organisation=merged)
    need = make.need(merged, title="Production space")
    delegation = make.delegation(extra_organisations=[merged])
    db.session.commit()
    merged_id = merged.id
    merge_organisations(merged, survivor)
    db.session.commit()
    (moved_person,) = _entries("person", person.id, "update")
    assert moved_person.changes == {"organisation_id": [merged_id, survivor.id]}
    assert moved_person.label == "Markus Vogt"
    (moved_need,) = _entries("need", need.id, "update")
    assert moved_need.changes["organisation_id"] == [merged_id, survivor.id]
    (link,) = _entries("delegation", delegation.id, "update")
    assert link.changes == {"extra_organisations": [["Saale Robotik"], ["Saale Robotik GmbH"]]}
    (deleted,) = _entries("organisation", merged_id, "delete")
    assert deleted.changes["name"] == ["Saale Robotik", None]
    assert deleted.changes["merged_into"] == [None, survivor.id]
    (filled,) = _entries("organisation", survivor.id, "update")
    assert filled.changes["city"] == [None, "Halle"]  # the survivor took over the missing city


def test_the_history_page_lists_collection_changes_as_names(client, login, make):
    user = login("manager")
    topic = make.topic(name="<b>Optics</b>")
    delegation = make.delegation()
    db.session.commit()
    save_delegation(_delegation(delegation.id), {}, [topic.id], user)
    db.session.commit()
    page = client.get(f"/history/delegation/{delegation.id}").text
    assert "&lt;b&gt;Optics&lt;/b&gt;" in page and "<b>Optics" not in page
    assert "[&#39;" not in page  # not a Python list
