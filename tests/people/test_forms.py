"""Creating and editing people: validation, the preselected organisation, the e-mail warning."""

import pytest
from sqlalchemy import select

from tests.checks import assert_refused, count_rows, reloaded
from tests.messages import CANNOT_COERCE, NOT_A_CHOICE, REQUIRED, too_long
from tracker.extensions import db
from tracker.models import Person


def valid(**changes) -> dict:
    data = {
        "full_name": "Anna Müller",
        "name_other_script": "安娜·穆勒",
        "position": "Head of Sales",
        "organisation_id": "",
        "email": "anna@example.de",
        "phone": "+49 (3641) 200-110 / 5.1",
        "languages": "German, English",
        "notes": "",
    }
    data.update(changes)
    return data


def test_create_saves_and_redirects(client, login, make):
    user = login()
    organisation = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    response = client.post("/people/new", data=valid(organisation_id=str(organisation.id)))
    assert response.status_code == 302
    person = db.session.scalar(select(Person))
    assert response.headers["Location"].endswith(f"/people/{person.id}")
    assert person.full_name == "Anna Müller"
    assert person.organisation_id == organisation.id
    assert person.phone == "+49 (3641) 200-110 / 5.1"
    assert person.notes is None
    assert person.created_by_id == user.id


def test_create_without_optional_fields(client, login):
    login()
    data = {"full_name": "王伟", "organisation_id": ""}
    assert client.post("/people/new", data=data).status_code == 302
    person = db.session.scalar(select(Person))
    assert person.email is None and person.organisation_id is None


def test_create_preselects_organisation(client, login, make):
    login()
    organisation = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    html = client.get(f"/people/new?organisation_id={organisation.id}").text
    assert f'<option selected value="{organisation.id}">Jenaer Optronik AG</option>' in html


@pytest.mark.parametrize("value", ["999", "abc", "-1"])
def test_create_ignores_unknown_preselected_organisation(client, login, value):
    login()
    assert client.get(f"/people/new?organisation_id={value}").status_code == 200


def test_organisations_are_ordered_by_name(client, login, make):
    login()
    make.organisation(name="Zeiss AG")
    make.organisation(name="Bosch GmbH")
    db.session.commit()
    html = client.get("/people/new").text
    assert html.index("Bosch GmbH") < html.index("Zeiss AG")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "", REQUIRED),
        ("full_name", "  ", REQUIRED),
        ("full_name", "x" * 100_000, too_long(200)),
        ("name_other_script", "x" * 201, too_long(200)),
        ("position", "x" * 201, too_long(200)),
        ("email", "not-an-address", "Invalid email address."),
        ("email", "anna@", "Invalid email address."),
        ("email", "a" * 250 + "@example.de", too_long(254)),
        ("phone", "call me", "Use only digits, spaces and + - ( ) / ."),
        ("phone", "<script>", "Use only digits, spaces and + - ( ) / ."),
        ("phone", "1" * 51, too_long(50)),
        ("languages", "x" * 121, too_long(120)),
        ("notes", "x" * 20_001, too_long(20000)),
        ("organisation_id", "999", NOT_A_CHOICE),
        ("organisation_id", "abc", CANNOT_COERCE),
    ],
)
def test_create_rejects_bad_input(client, login, field, value, message):
    login()
    response = client.post("/people/new", data=valid(**{field: value}))
    assert_refused(response, message, field)
    assert count_rows(Person) == 0


def test_invalid_form_keeps_input(client, login):
    login()
    response = client.post("/people/new", data=valid(full_name="", position="CTO"))
    assert 'value="CTO"' in response.text


def test_edit_changes_person(client, login, make):
    login()
    person = make.person(full_name="Anna Mueller")
    db.session.commit()
    data = valid(position="CEO", version=person.version)
    response = client.post(f"/people/{person.id}/edit", data=data)
    assert response.status_code == 302
    assert reloaded(person).position == "CEO"


def test_edit_form_shows_current_values(client, login, make):
    login()
    organisation = make.organisation(name="Jenaer Optronik AG")
    person = make.person(full_name="Anna Müller", organisation=organisation)
    db.session.commit()
    html = client.get(f"/people/{person.id}/edit").text
    assert 'value="Anna Müller"' in html
    assert f'<option selected value="{organisation.id}">' in html


# The shared e-mail warning ------------------------------------------------------------------


def test_shared_email_warns_and_does_not_save(client, login, make):
    login()
    other = make.person(full_name="Anna M.", email="Anna@Example.de")
    db.session.commit()
    response = client.post("/people/new", data=valid(email="anna@example.de"))
    assert response.status_code == 200
    assert "Someone else has this e-mail address" in response.text
    assert f'href="/people/{other.id}"' in response.text
    assert count_rows(Person) == 1


@pytest.mark.parametrize(
    ("existing", "changes"),
    [("anna@example.de", {"confirm_email": "y"}), ("bernd@example.de", {})],
    ids=["shared-and-confirmed", "different-email"],
)
def test_saved_when_email_not_shared_or_confirmed(client, login, make, existing, changes):
    login()
    make.person(email=existing)
    db.session.commit()
    response = client.post("/people/new", data=valid(**changes))
    assert response.status_code == 302
    assert count_rows(Person) == 2


def test_edit_keeping_own_email_is_not_flagged(client, login, make):
    login()
    person = make.person(email="anna@example.de")
    make.person(email="anna@example.de")  # already shared, acknowledged earlier
    db.session.commit()
    data = valid(position="CFO", version=person.version)
    response = client.post(f"/people/{person.id}/edit", data=data)
    assert response.status_code == 302


def test_edit_to_someone_elses_email_is_flagged(client, login, make):
    login()
    make.person(email="anna@example.de")
    person = make.person(email="other@example.de")
    db.session.commit()
    response = client.post(f"/people/{person.id}/edit", data=valid())
    assert "Someone else has this e-mail address" in response.text
    assert reloaded(person).email == "other@example.de"
