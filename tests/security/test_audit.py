"""The audit trail: every write of the main records, by whom, field by field; read-only."""

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tracker.extensions import db
from tracker.models import AuditEntry


def _entries(entity):
    return db.session.scalars(
        select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
    ).all()


def test_create_update_delete_are_recorded_with_user_and_fields(client, login, make):
    user = login("manager")
    org = make.organisation(name="Saale Robotik GmbH")
    person = make.person(full_name="Markus Vogt", organisation=org)
    db.session.commit()
    client.post(
        f"/people/{person.id}/edit",
        data={
            "full_name": "Markus Vogt",
            "position": "CEO",
            "organisation_id": org.id,
            "version": person.version,
        },
    )
    client.post(f"/people/{person.id}/delete")
    created, updated, deleted = _entries("person")
    assert created.action == "create" and created.user_id is None  # built by the test, no request
    assert updated.action == "update" and updated.user_id == user.id
    assert updated.changes["position"] == [None, "CEO"]
    # A soft delete: recorded as a delete, whose change is the deletion stamp.
    assert deleted.action == "delete" and deleted.changes["deleted_at"][0] is None
    assert deleted.label == "Markus Vogt"


def test_secrets_are_masked(client, login):
    user = login()
    client.post(
        "/profile/password",
        data={"password": PASSWORD, "new_password": "a brand new phrase",
              "confirm": "a brand new phrase"},
    )  # fmt: skip
    entry = _entries("user")[-1]
    assert entry.changes["password_hash"] == ["•••", "•••"]
    assert entry.user_id == user.id


def test_history_tab_and_global_log(client, login, make):
    login("admin")
    org = make.organisation(name="<b>Jenaer</b> Optronik AG")
    db.session.commit()
    client.post(
        f"/organisations/{org.id}/edit",
        data={
            "name": "<b>Jenaer</b> Optronik AG",
            "kind": "company",
            "city": "Jena",
            "version": org.version,
        },
    )
    history = client.get(f"/history/organisation/{org.id}")
    assert history.status_code == 200
    assert "Jena" in history.text and "&lt;b&gt;Jenaer" in history.text
    log = client.get("/admin/audit?entity=organisation&q=optronik")
    assert "Organisation #" in log.text  # the record type's label, not its table
    assert "Optronik" in client.get("/admin/audit?action=update").text
    assert "No entry matches" in client.get("/admin/audit?q=nothing-like-this").text


def test_history_of_unknown_records_is_404(client, login):
    login()
    assert client.get("/history/organisation/999999").status_code == 404
    assert client.get("/history/secrets/1").status_code == 404
    assert client.get("/history/user/1").status_code == 404  # users' history is for admins


@pytest.mark.parametrize("role", ["staff", "manager"])
def test_only_admins_see_the_global_log(client, login, role):
    login(role)
    assert client.get("/admin/audit").status_code == 403


def test_the_log_cannot_be_changed_through_the_app(app):
    audit_rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("audit.")]
    assert audit_rules
    assert all(r.methods <= {"GET", "HEAD", "OPTIONS"} for r in audit_rules)
