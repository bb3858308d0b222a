"""People services, called directly (the import will call them the same way)."""

from sqlalchemy import Select

from tracker.extensions import db
from tracker.people import services
from tracker.people.services import PersonData


def test_create_person_cleans_values(make):
    user = make.user()
    data = PersonData(full_name="  Anna Müller ", email=" anna@example.de ", phone="")
    person = services.create_person(data, user)
    assert person.id is not None
    assert person.full_name == "Anna Müller"
    assert person.email == "anna@example.de"
    assert person.phone is None
    assert person.created_by is user
    assert "anna muller" in person.search_key


def test_update_person(make):
    person = make.person(full_name="Old")
    data = PersonData.from_mapping({"full_name": "New", "confirm_email": True})
    services.update_person(person, data)
    assert person.full_name == "New"


def test_people_with_email_ignores_case_and_self(make):
    anna = make.person(email="Anna@Example.de")
    assert services.people_with_email("anna@example.DE") == [anna]
    assert services.people_with_email("anna@example.de", exclude_id=anna.id) == []
    assert services.people_with_email("") == []


def test_list_people_returns_select(make):
    make.person(full_name="B")
    make.person(full_name="A")
    stmt = services.list_people(sort="-name")
    assert isinstance(stmt, Select)
    assert [p.full_name for p in db.session.scalars(stmt).unique()] == ["B", "A"]


def test_person_history_and_blockers(app, make):
    person = make.person()
    assert services.person_history(person.id).memberships == []
    make.member(make.delegation(), person)
    history = services.person_history(person.id)
    assert len(history.memberships) == 1 and history.meetings == []
    with app.test_request_context():
        assert services.delete_blockers(person) == [
            "They were a member of 1 delegation; that history must be kept."
        ]
