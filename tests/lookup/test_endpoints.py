"""The pickers' JSON lookups: folded matching, bounds, login and hidden records."""

from datetime import date

import pytest

from tracker.extensions import db
from tracker.lookup import LIMIT
from tracker.softdelete import soft_delete


def _texts(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return [item["text"] for item in response.get_json()]


@pytest.mark.parametrize(
    "query", ["zhang wei", "zhangwei", "Zhāng Wěi", "zhang1 wei3", "张伟", "ZHANG"]
)
def test_people_are_found_by_pinyin(client, login, make, query):
    login()
    make.person(full_name="张伟", organisation=make.organisation(name="Shanghai Parts"))
    make.person(full_name="Li Na")
    db.session.commit()
    assert _texts(client, f"/lookup/people?q={query}") == ["张伟 — Shanghai Parts"]


@pytest.mark.parametrize("query", ["müller", "mueller", "MULLER", "Goerlitz"])
def test_organisations_are_found_whatever_the_umlauts(client, login, make, query):
    login()
    make.organisation(name="Müller Görlitz GmbH", city="Görlitz")
    make.organisation(name="Schmidt AG")
    db.session.commit()
    assert _texts(client, f"/lookup/organisations?q={query}") == ["Müller Görlitz GmbH (Görlitz)"]


def test_delegations_carry_their_start_date(client, login, make):
    login()
    make.delegation(title="Thüringen Robotik", start_date=date(2026, 5, 12))
    db.session.commit()
    assert _texts(client, "/lookup/delegations?q=thuringen") == ["Thüringen Robotik (2026-05-12)"]


def test_answers_are_value_and_text(client, login, make):
    login()
    organisation = make.organisation(name="Jenaer Optronik")
    db.session.commit()
    answer = client.get("/lookup/organisations?q=jenaer").get_json()
    assert answer == [{"value": organisation.id, "text": "Jenaer Optronik"}]


@pytest.mark.parametrize("kind", ["organisations", "people", "delegations"])
def test_at_most_the_limit_comes_back(client, login, make, kind):
    login()
    build = {"organisations": make.organisation, "people": make.person,
             "delegations": make.delegation}[kind]  # fmt: skip
    name = "title" if kind == "delegations" else "full_name" if kind == "people" else "name"
    for i in range(LIMIT + 5):
        build(**{name: f"Saale {i:02d}"})
    db.session.commit()
    assert len(_texts(client, f"/lookup/{kind}?q=saale")) == LIMIT
    assert len(_texts(client, f"/lookup/{kind}")) == LIMIT  # no query: the latest


def test_local_only(client, login, make):
    login()
    park = make.local_partner(name="Robot Park Baoshan")
    make.organisation(name="Robot Works Jena")
    make.person(full_name="Wang Robot", organisation=park)
    make.person(full_name="Anna Robot", organisation=make.organisation())
    db.session.commit()
    assert _texts(client, "/lookup/organisations?q=robot&local=1") == ["Robot Park Baoshan"]
    assert _texts(client, "/lookup/people?q=robot&local=1") == ["Wang Robot — Robot Park Baoshan"]
    assert len(_texts(client, "/lookup/organisations?q=robot")) == 2


@pytest.mark.parametrize("kind", ["organisations", "people", "delegations"])
def test_deleted_records_are_not_found(client, login, make, kind):
    user = login("manager")
    records = {
        "organisations": lambda name: make.organisation(name=name),
        "people": lambda name: make.person(full_name=name),
        "delegations": lambda name: make.delegation(title=name),
    }[kind]
    kept, gone = records("Ilmenau kept"), records("Ilmenau gone")
    db.session.commit()
    soft_delete(gone, user.id)
    db.session.commit()
    texts = _texts(client, f"/lookup/{kind}?q=ilmenau")
    assert len(texts) == 1 and "kept" in texts[0]
    assert kept.id in {item["value"] for item in client.get(f"/lookup/{kind}").get_json()}
    assert gone.id not in {item["value"] for item in client.get(f"/lookup/{kind}").get_json()}


def test_a_person_at_a_deleted_organisation_shows_without_it(client, login, make):
    user = login("manager")
    organisation = make.organisation(name="Gone GmbH")
    make.person(full_name="Karl Rest", organisation=organisation)
    db.session.commit()
    soft_delete(organisation, user.id)
    db.session.commit()
    assert _texts(client, "/lookup/people?q=karl") == ["Karl Rest"]


@pytest.mark.parametrize(
    "query", ["%", "_", "a%b", "x" * 5000, "'; DROP TABLE person; --", "\\", "   "]
)
def test_odd_queries_are_answered(client, login, make, query):
    login()
    make.organisation(name="Plain AG")
    db.session.commit()
    response = client.get("/lookup/organisations", query_string={"q": query})
    assert response.status_code == 200
    if query.strip():
        assert response.get_json() == []


@pytest.mark.parametrize(
    "url", ["/lookup/organisations?q=a", "/lookup/people", "/lookup/delegations"]
)
def test_login_is_required(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_unknown_kinds_are_404(client, login):
    login()
    assert client.get("/lookup/users?q=a").status_code == 404


def test_tom_select_is_served_from_its_package(client):
    for path in ("js/tom-select.complete.min.js", "css/tom-select.bootstrap5.min.css"):
        response = client.get(f"/vendor/tom-select/{path}")
        assert response.status_code == 200, path
        response.close()
