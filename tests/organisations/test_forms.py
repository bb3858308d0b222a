"""Creating and editing organisations: validation, happy paths, the duplicate guard."""

import re

import pytest
from sqlalchemy import select

from tests.checks import assert_refused, count_rows, reloaded
from tests.messages import CANNOT_COERCE, NOT_A_CHOICE, REQUIRED, too_long
from tracker.extensions import db
from tracker.models import Organisation, OrganisationKind


def valid(**changes) -> dict:
    data = {
        "name": "Jenaer Optronik AG",
        "name_de": "",
        "name_en": "",
        "name_zh": "",
        "kind": "company",
        "country": "DE",
        "city": "Jena",
        "website": "https://jena-optronik.de",
        "key_industry_id": "",
        "description": "",
    }
    data.update(changes)
    return data


def local_checkbox(html: str) -> str:
    return re.search(r'<input[^>]*id="is_local"[^>]*>', html).group(0)


def test_create_form_renders_unticked(client, login):
    login()
    response = client.get("/organisations/new")
    assert response.status_code == 200
    assert "Local (host-side) organisation" in response.text
    assert "checked" not in local_checkbox(response.text)
    assert "create it anyway" not in response.text


def test_create_with_local_flag_preticks_local(client, login):
    login()
    response = client.get("/organisations/new?local=1")
    assert "checked" in local_checkbox(response.text)


def test_create_saves_and_redirects(client, login, make):
    user = login()
    industry = make.industry(name="Optics")
    db.session.commit()
    data = valid(key_industry_id=str(industry.id), name_zh="耶拿光电", is_local="y")
    response = client.post("/organisations/new", data=data)
    assert response.status_code == 302
    organisation = db.session.scalar(select(Organisation))
    assert response.headers["Location"].endswith(f"/organisations/{organisation.id}")
    assert organisation.name == "Jenaer Optronik AG"
    assert organisation.name_zh == "耶拿光电"
    assert organisation.name_de is None
    assert organisation.key_industry_id == industry.id
    assert organisation.is_local is True
    assert organisation.kind is OrganisationKind.COMPANY
    assert organisation.created_by_id == user.id
    assert organisation.name_key == "jenaroptronik"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", REQUIRED),
        ("name", "   ", REQUIRED),
        ("name", "x" * 100_000, too_long(200)),
        ("name_de", "x" * 201, too_long(200)),
        ("city", "x" * 121, too_long(120)),
        ("website", "javascript:alert(1)", "Invalid URL."),
        ("website", "ftp://example.org/file", "Enter a link starting with http:// or https://."),
        ("website", "https://" + "x" * 600 + ".com", "Field cannot be longer than 500"),
        ("kind", "emperor", NOT_A_CHOICE),
        ("country", "XX", NOT_A_CHOICE),
        ("key_industry_id", "999", NOT_A_CHOICE),
        ("key_industry_id", "abc", CANNOT_COERCE),
        ("description", "x" * 20_001, too_long(20000)),
    ],
)
def test_create_rejects_bad_input(client, login, field, value, message):
    login()
    response = client.post("/organisations/new", data=valid(**{field: value}))
    assert_refused(response, message, field)
    assert count_rows(Organisation) == 0


def test_invalid_form_keeps_input(client, login):
    login()
    response = client.post("/organisations/new", data=valid(name="", city="Weimar"))
    assert 'value="Weimar"' in response.text


def test_inactive_industry_is_not_offered_on_create(client, login, make):
    login()
    retired = make.industry(name="Coal", active=False)
    db.session.commit()
    response = client.post("/organisations/new", data=valid(key_industry_id=str(retired.id)))
    assert "Not a valid choice." in response.text
    assert count_rows(Organisation) == 0


def test_edit_keeps_retired_industry_selectable(client, login, make):
    login()
    retired = make.industry(name="Coal", active=False)
    organisation = make.organisation(name="Kohle AG", key_industry=retired)
    db.session.commit()
    data = valid(name="Kohle AG", key_industry_id=str(retired.id), city="Zwickau")
    data["version"] = organisation.version
    response = client.post(f"/organisations/{organisation.id}/edit", data=data)
    assert response.status_code == 302
    assert db.session.get(Organisation, organisation.id).city == "Zwickau"


def test_edit_form_shows_current_values(client, login, make):
    login()
    organisation = make.organisation(name="Carl Zeiss AG", city="Jena", kind="research_institute")
    db.session.commit()
    response = client.get(f"/organisations/{organisation.id}/edit")
    assert response.status_code == 200
    assert 'value="Carl Zeiss AG"' in response.text
    assert '<option selected value="research_institute">' in response.text


# The duplicate guard ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("existing", "changes"),
    [
        ("Jenaer Optronik AG", {"name": "JENAER OPTRONIK AG"}),
        ("Jenaer Optronik AG", {"name": "Jenaer Optronik"}),
        ("Jenaer Optronik AG", {"name": "Jenaer  Optronik, AG"}),
        ("Müller AG", {"name": "Mueller GmbH"}),
        ("上海机器人产业园有限公司", {"name": "上海机器人产业园"}),
        # A look-alike in another language's field is flagged too.
        ("Jenaer Optronik AG", {"name": "耶拿光电", "name_de": "Jenaer Optronik"}),
    ],
)
def test_duplicate_is_flagged_and_not_saved(client, login, make, existing, changes):
    login()
    other = make.organisation(name=existing)
    db.session.commit()
    response = client.post("/organisations/new", data=valid(**changes))
    assert response.status_code == 200
    assert "This organisation may already be recorded" in response.text
    assert f'href="/organisations/{other.id}"' in response.text
    assert "create it anyway" in response.text
    assert count_rows(Organisation) == 1


@pytest.mark.parametrize(
    "changes",
    [{"name": "Jenoptik AG"}, {"name": "Jenaer Optronik", "confirm_duplicate": "y"}],
    ids=["different-name", "created-anyway"],
)
def test_saved_when_not_a_duplicate_or_confirmed(client, login, make, changes):
    login()
    make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    response = client.post("/organisations/new", data=valid(**changes))
    assert response.status_code == 302
    assert count_rows(Organisation) == 2


@pytest.mark.parametrize(
    "changes",
    [{"name": "Jenaer Optronik AG", "city": "Weimar"}, {"name": "Jenaer Optronik GmbH"}],
    ids=["own-name-kept", "own-name-varied"],
)
def test_an_edit_keeping_the_own_name_or_a_variant_is_not_flagged(client, login, make, changes):
    login()
    organisation = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    data = valid(**changes, version=organisation.version)
    response = client.post(f"/organisations/{organisation.id}/edit", data=data)
    assert response.status_code == 302
    saved = reloaded(organisation)
    assert {field: getattr(saved, field) for field in changes} == changes


def test_edit_renaming_onto_another_is_flagged(client, login, make):
    login()
    make.organisation(name="Müller AG")
    organisation = make.organisation(name="Schmidt GmbH")
    db.session.commit()
    response = client.post(
        f"/organisations/{organisation.id}/edit", data=valid(name="Mueller GmbH")
    )
    assert response.status_code == 200
    assert "This organisation may already be recorded" in response.text
    assert reloaded(organisation).name == "Schmidt GmbH"


def test_duplicate_warning_escapes_names(client, login, make):
    login()
    make.organisation(name="<script>alert(1)</script> AG")
    db.session.commit()
    response = client.post("/organisations/new", data=valid(name="<script>alert(1)</script>"))
    assert "This organisation may already be recorded" in response.text
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; AG" in response.text
