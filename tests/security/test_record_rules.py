"""Record rules (tracker.security): staff delete the follow-ups they assigned and the notes they
wrote, not a colleague's; managers and admins delete any. For each role, own and someone else's."""

import pytest
from sqlalchemy import select

from tests import factories as make
from tests.security.confidential_world import signed_in
from tracker.extensions import db
from tracker.models import (
    Agreement,
    FollowUp,
    Instalment,
    MatchmakingSession,
    NeedNote,
    Obligation,
    Role,
)
from tracker.security import PERMISSIONS, can
from tracker.softdelete import with_deleted

ROLES = ("staff", "manager", "admin")


def _records(author):
    """A follow-up author assigned and a note author wrote, on one need."""
    need = make.need()
    followup = make.followup(author, need=need, assigned_by=author)
    note = make.note(need, author=author)
    db.session.commit()
    return {"followup": followup, "note": note}


def _delete_url(kind: str, record) -> str:
    if kind == "followup":
        return f"/followups/{record.id}/delete"
    return f"/needs/{record.need_id}/notes/{record.id}/delete"


def _still_there(kind: str, record) -> bool:
    db.session.expire_all()
    if kind == "followup":
        found = db.session.scalar(select(FollowUp).where(FollowUp.id == record.id))
        return found is not None  # soft-deleted ones are hidden
    return db.session.scalar(select(NeedNote).where(NeedNote.id == record.id)) is not None


# (role, whose record, may delete)
CASES = [
    ("staff", "own", True),
    ("staff", "colleague's", False),
    ("manager", "own", True),
    ("manager", "colleague's", True),
    ("admin", "own", True),
    ("admin", "colleague's", True),
]


@pytest.mark.parametrize("kind", ["followup", "note"])
@pytest.mark.parametrize(("role", "whose", "allowed"), CASES)
def test_delete_own_or_as_manager(app, kind, role, whose, allowed):
    user = make.user(role=role, password="correct horse battery")
    author = user if whose == "own" else make.user(role="staff")
    record = _records(author)[kind]
    client = signed_in(app, user)
    url = _delete_url(kind, record)

    page = client.get(url)
    assert page.status_code == (200 if allowed else 403), (role, whose, kind)
    response = client.post(url)
    assert response.status_code == (302 if allowed else 403), (role, whose, kind)
    assert _still_there(kind, record) is not allowed


@pytest.mark.parametrize(("role", "whose", "allowed"), CASES)
def test_the_delete_button_shows_only_to_who_may(app, role, whose, allowed):
    user = make.user(role=role, password="correct horse battery")
    author = user if whose == "own" else make.user(role="staff")
    records = _records(author)
    client = signed_in(app, user)
    followup_page = client.get(f"/followups/{records['followup'].id}").text
    need_page = client.get(f"/needs/{records['note'].need_id}").text
    assert (_delete_url("followup", records["followup"]) in followup_page) is allowed
    assert (_delete_url("note", records["note"]) in need_page) is allowed


def test_a_deleted_followup_can_be_restored(app):
    user = make.user(role="staff", password="correct horse battery")
    followup = _records(user)["followup"]
    signed_in(app, user).post(_delete_url("followup", followup))
    stmt = with_deleted(select(FollowUp).where(FollowUp.id == followup.id))
    assert db.session.scalar(stmt).deleted_at is not None


def test_a_note_of_another_need_is_not_found(app):
    user = make.user(role="manager", password="correct horse battery")
    note = _records(user)["note"]
    other = make.need()
    db.session.commit()
    response = signed_in(app, user).get(f"/needs/{other.id}/notes/{note.id}/delete")
    assert response.status_code == 404


def test_can_without_a_record_is_the_role_matrix(app):
    staff, manager = make.user(role="staff"), make.user(role="manager")
    assert not can("record.delete", user=staff)
    assert can("record.delete", user=manager)
    assert can("record.delete", staff) is False  # the former can(action, user) still works


def test_record_rules_live_in_the_permission_table():
    rules = PERMISSIONS["record.delete"].own
    assert set(rules) == {FollowUp, NeedNote, MatchmakingSession, Instalment, Agreement, Obligation}
    assert all(Role.STAFF in rule.roles for rule in rules.values())
    assert PERMISSIONS["record.delete"] == frozenset({Role.MANAGER, Role.ADMIN})


def test_a_rule_for_one_kind_does_not_reach_another(app):
    staff = make.user(role="staff")
    need = make.need(owner=staff, created_by=staff)
    db.session.commit()
    assert not can("record.delete", need, user=staff)
