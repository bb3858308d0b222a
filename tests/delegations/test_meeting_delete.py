"""Deleting a meeting: a manager's right, soft, restorable with its minutes and participants."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tracker.deleted.services import purge_deleted
from tracker.extensions import db
from tracker.matchmaking.suggestions import met_delegation
from tracker.models import AuditEntry, Meeting, utcnow
from tracker.models.meeting import meeting_person, meeting_staff, meeting_topic
from tracker.softdelete import mark_deleted, with_deleted

MARK = "Quokkawerk"


@pytest.fixture
def visit(make):
    """A delegation with one meeting: minutes, a visitor and a local host taking part, a
    colleague and a topic; and a need raised in it."""
    delegation = make.delegation(title="Saxony robotics")
    visitor = make.person(full_name="Anna Berg", organisation=make.organisation())
    make.member(delegation, visitor)
    host = make.person(full_name="Li Hua", organisation=make.local_partner(name="Robot Park"))
    meeting = make.meeting(
        delegation, title=f"{MARK} lunch", minutes="Agreed to visit the park.",
        people=[visitor, host], staff=[make.user()], topics=[make.topic()],
    )  # fmt: skip
    need = make.need(delegation=delegation, meeting=meeting, title="Production hall")
    db.session.commit()
    return delegation, meeting, host, need


def _url(meeting, action: str = "delete") -> str:
    return f"/delegations/{meeting.delegation_id}/meetings/{meeting.id}/{action}"


def _links(meeting_id: int) -> tuple[int, int, int]:
    """Participants, staff and topics rows of the meeting."""
    return tuple(
        db.session.scalar(select(func.count()).select_from(t).where(t.c.meeting_id == meeting_id))
        for t in (meeting_person, meeting_staff, meeting_topic)
    )


def _actions(meeting_id: int) -> list[str]:
    stmt = select(AuditEntry.action).where(
        AuditEntry.entity == "meeting", AuditEntry.entity_id == meeting_id
    )
    return db.session.scalars(stmt.order_by(AuditEntry.id)).all()


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_cannot_delete_a_meeting(client, login, visit, method):
    login("staff")
    delegation, meeting, _host, _need = visit
    assert getattr(client, method)(_url(meeting)).status_code == 403
    db.session.expire_all()
    assert meeting.deleted_at is None and meeting.minutes == "Agreed to visit the park."
    assert _links(meeting.id) == (2, 1, 1)
    page = client.get(f"/delegations/{delegation.id}").text
    assert MARK in page and _url(meeting) not in page  # no delete button for staff


def test_manager_deletes_softly_and_every_page_forgets_it(app, client, login, visit):
    manager = login("manager")
    delegation, meeting, host, need = visit
    confirm = client.get(_url(meeting)).text
    assert "kept with it" in confirm and "Managers can restore it" in confirm
    response = client.post(_url(meeting), follow_redirects=True)
    assert f"Meeting “{MARK} lunch” deleted." in response.text  # the flash, shown once
    db.session.expire_all()
    assert meeting.deleted_at is not None and meeting.deleted_by_id == manager.id
    assert meeting.minutes == "Agreed to visit the park."
    assert _links(meeting.id) == (2, 1, 1)  # the participants stay, with the meeting
    assert MARK not in client.get(f"/delegations/{delegation.id}").text
    assert MARK not in client.get(f"/delegations/{delegation.id}/report").text
    assert MARK not in client.get(f"/people/{host.id}").text
    assert MARK not in client.get(f"/needs/{need.id}").text
    assert MARK not in client.get(f"/needs/new?delegation_id={delegation.id}").text
    assert client.get(_url(meeting, "edit")).status_code == 404
    assert client.post(_url(meeting)).status_code == 404
    assert met_delegation(delegation.id) == {}
    assert db.session.scalar(select(func.count(Meeting.id))) == 0
    assert _actions(meeting.id)[-1] == "delete"
    deleted = client.get("/deleted/").text
    assert f"{MARK} lunch · Saxony robotics" in deleted
    assert f"/deleted/meeting/{meeting.id}/restore" in deleted


def test_restore_brings_back_minutes_and_participants(client, login, visit):
    login("manager")
    delegation, meeting, host, need = visit
    client.post(_url(meeting), follow_redirects=True)
    assert "come back with it" in client.get(f"/deleted/meeting/{meeting.id}/restore").text
    response = client.post(f"/deleted/meeting/{meeting.id}/restore", follow_redirects=True)
    assert response.request.path == f"/delegations/{delegation.id}" and "restored." in response.text
    db.session.expire_all()
    assert meeting.deleted_at is None and meeting.minutes == "Agreed to visit the park."
    assert _links(meeting.id) == (2, 1, 1)
    page = client.get(f"/delegations/{delegation.id}").text
    assert MARK in page and "Agreed to visit the park." in page
    assert MARK in client.get(f"/people/{host.id}").text
    assert MARK in client.get(f"/needs/{need.id}").text
    assert list(met_delegation(delegation.id)) == [host.organisation_id]
    assert _actions(meeting.id)[-2:] == ["delete", "restore"]


def test_restore_waits_for_its_delegation(client, login, visit):
    login("manager")
    delegation, meeting, _host, need = visit
    client.post(_url(meeting))
    db.session.delete(need)  # a delegation with needs cannot be deleted
    db.session.commit()
    assert client.post(f"/delegations/{delegation.id}/delete").status_code == 302
    response = client.post(f"/deleted/meeting/{meeting.id}/restore", follow_redirects=True)
    assert "cannot be restored" in response.text and "Saxony robotics" in response.text
    db.session.expire_all()
    assert meeting.deleted_at is not None


def test_purge_after_retention_removes_meeting_and_its_lists(app, visit):
    _delegation, meeting, host, need = visit
    mark_deleted([meeting], None, utcnow() - timedelta(days=29))
    db.session.commit()
    assert purge_deleted(30).purged["meeting"] == 0
    db.session.commit()
    mark_deleted([meeting], None, utcnow() - timedelta(days=31))
    db.session.commit()
    assert purge_deleted(30).purged["meeting"] == 1
    db.session.commit()
    db.session.expire_all()
    assert db.session.scalar(with_deleted(select(func.count(Meeting.id)))) == 0
    assert _links(meeting.id) == (0, 0, 0)
    assert need.meeting_id is None and host.deleted_at is None  # they were not deleted
    purged = db.session.scalars(select(AuditEntry).where(AuditEntry.entity == "meeting")).all()
    assert purged[-1].changes == {"purged": [None, True]}


def test_staff_removing_minutes_or_a_participant_is_an_audited_edit(client, login, visit):
    login("staff")
    _delegation, meeting, host, _need = visit
    staff_ids = db.session.scalars(select(meeting_staff.c.user_id)).all()
    data = {"version": meeting.version, "title": meeting.title, "starts_at": "2026-05-12T09:30",
            "minutes": "", "local_person_ids": [str(host.id)],
            "staff_ids": [str(i) for i in staff_ids]}  # fmt: skip
    response = client.post(_url(meeting, "edit"), data=data)
    assert response.status_code == 302, response.text
    db.session.expire_all()
    assert meeting.minutes is None and _links(meeting.id) == (1, 1, 0)
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "meeting", AuditEntry.action == "update")
    ).one()  # one edit, one entry
    assert entry.changes["minutes"] == ["Agreed to visit the park.", None]
    assert entry.changes["people"] == [["Anna Berg", "Li Hua"], ["Li Hua"]]
    assert f"/history/meeting/{meeting.id}" in client.get(_url(meeting, "edit")).text
    history = client.get(f"/history/meeting/{meeting.id}").text
    assert "Agreed to visit the park." in history and "Anna Berg" in history
    stale = client.post(_url(meeting, "edit"), data={**data, "minutes": "Overwritten"})
    assert stale.status_code == 409  # an edit from the older version overwrites nothing
    db.session.expire_all()
    assert meeting.minutes is None
