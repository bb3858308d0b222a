"""Writing an import: everything once, linked to the delegation, recorded; again: nothing new."""

import pytest
from sqlalchemy import select

from tests.imports.files import german_list
from tests.imports.helpers import run, totals
from tracker.extensions import db
from tracker.models import (
    DelegationMember,
    ImportRecord,
    ImportStatus,
    MemberRole,
    Need,
    Organisation,
    Person,
)


def test_german_list_creates_each_person_and_organisation_once(make, delegation):
    user = make.user()
    record = run(german_list().rows, delegation, user)
    assert db.session.scalars(select(Person.full_name)).all().count("Jürgen Müller") == 1
    counts = totals()
    assert counts["Person"] == 27
    assert counts["Organisation"] == 10
    assert counts["DelegationMember"] == 27
    assert counts["Need"] == german_list().needs
    assert record.status is ImportStatus.DONE
    assert record.created_by == user
    assert record.counts["people_created"] == 27
    assert record.payload is None


def test_importing_the_same_file_again_changes_nothing(delegation):
    run(german_list().rows, delegation)
    before = totals()
    second = run(german_list().rows, delegation)
    after = totals()
    assert after == {**before, "ImportRecord": before["ImportRecord"] + 1}
    assert second.counts["people_created"] == 0
    assert second.counts["people_matched"] == 27
    assert second.counts["organisations_created"] == 0
    assert second.counts["needs_created"] == 0
    assert second.counts["members_added"] == 0


def test_members_link_with_roles_and_the_organisation_represented(delegation):
    run(german_list().rows, delegation)
    members = db.session.scalars(
        select(DelegationMember).where(DelegationMember.delegation_id == delegation.id)
    ).all()
    by_name = {m.person.full_name: m for m in members}
    assert by_name["Sebastian Büttner"].role is MemberRole.HEAD
    assert by_name["Xu Ming"].role is MemberRole.INTERPRETER
    jena = db.session.scalar(select(Organisation).where(Organisation.name_key == "jenaroptronik"))
    assert jena.name == "Jenaer Optronik GmbH"
    assert jena.country == "DE"  # the delegation's country
    assert by_name["Björn Schäfer"].organisation_id == jena.id


def test_needs_are_linked_to_organisation_and_delegation(delegation):
    run(german_list().rows, delegation)
    need = db.session.scalar(select(Need).where(Need.title == "Vertriebspartner in China"))
    assert need.delegation_id == delegation.id
    assert need.organisation.name == "Jenaer Optronik GmbH"


def test_known_person_gets_blanks_filled_and_nothing_overwritten(make, delegation):
    person = make.person(full_name="Jan Ott", email="jan@example.de", position="CEO")
    db.session.commit()
    run(
        [["Name", "E-Mail", "Funktion", "Telefon"], ["Jan Ott", "JAN@example.de", "Chef", "+49 1"]],
        delegation,
    )
    db.session.refresh(person)
    assert (person.position, person.phone) == ("CEO", "+49 1")


def test_role_given_again_updates_the_membership(delegation):
    run([["Name", "Rolle"], ["Jan Ott", "Mitglied"]], delegation)
    record = run([["Name", "Rolle"], ["Jan Ott", "Delegationsleiter"]], delegation)
    assert record.counts["members_updated"] == 1
    assert db.session.scalar(select(DelegationMember.role)) is MemberRole.HEAD


def test_all_or_nothing_when_a_write_fails(delegation, monkeypatch):
    import tracker.imports.commit as commit

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(commit, "create_need", broken)
    before = totals()
    with pytest.raises(RuntimeError):
        run(german_list().rows, delegation)
    db.session.rollback()
    assert totals() == before


def test_record_survives_the_delegation(delegation):
    record = run([["Name"], ["Jan"]], delegation)
    db.session.execute(db.delete(DelegationMember))
    db.session.delete(db.session.get(type(delegation), delegation.id))
    db.session.commit()
    assert db.session.get(ImportRecord, record.id).delegation_id is None
