"""Offers on local partners' pages, the synonym list (managers only), and the partner page."""

from datetime import datetime

import pytest
from sqlalchemy import select

from tests.checks import assert_refused, count_rows
from tests.messages import NOT_A_CHOICE, required_text, too_long
from tests.queries import queries_on_page
from tracker.extensions import db
from tracker.models import LocalOffer, OfferKind, SynonymGroup

GOOD = {
    "kind": "factory_space",
    "title": "Halls",
    "description": "",
    "area_m2": "5000",
    "headcount": "",
    "keywords": "Gehäuseteile, 外壳",
    "contact_person_id": "",
    "active": "y",
}


def test_staff_add_an_offer_to_a_local_partner(client, login, make):
    login()
    park = make.local_partner(name="Park")
    robotics = make.industry(name="Robotics")
    contact = make.person(full_name="Zhou Qiang", organisation=park)
    db.session.commit()
    data = GOOD | {"industry_ids": [robotics.id], "contact_person_id": contact.id}
    response = client.post(f"/matchmaking/partners/{park.id}/offers/new", data=data)
    assert response.status_code == 302
    offer = db.session.scalar(select(LocalOffer))
    assert (offer.kind, offer.area_m2, offer.contact_person_id) == (
        OfferKind.FACTORY_SPACE,
        5000,
        contact.id,
    )
    assert offer.keyword_list == ["Gehäuseteile", "外壳"]
    assert offer.keyword_key == "gehauseteile\n外壳"
    page = client.get(f"/organisations/{park.id}").text
    assert "Halls" in page and "Contact: Zhou Qiang" in page


@pytest.mark.parametrize(
    "field,value,message",
    [
        *required_text("title", 200),
        ("area_m2", "-5", "Enter 1 to 10,000,000 m²."),
        ("area_m2", "99999999999", "Enter 1 to"),
        ("area_m2", "lots", "Not a valid integer value."),
        ("headcount", "0", "Enter 1 to 1,000,000."),
        ("kind", "castle", NOT_A_CHOICE),
        ("contact_person_id", "424242", NOT_A_CHOICE),
        ("keywords", "k" * 1001, too_long(1000)),
    ],
)
def test_offer_form_errors_write_nothing(client, login, make, field, value, message):
    login()
    park = make.local_partner()
    db.session.commit()
    response = client.post(
        f"/matchmaking/partners/{park.id}/offers/new", data=GOOD | {field: value}
    )
    assert_refused(response, message, field)
    assert count_rows(LocalOffer) == 0


def test_visiting_organisations_carry_no_offers(client, login, make):
    login()
    visitor = make.organisation()
    db.session.commit()
    response = client.post(f"/matchmaking/partners/{visitor.id}/offers/new", data=GOOD)
    assert response.status_code == 302
    assert count_rows(LocalOffer) == 0


def test_edit_and_delete_an_offer(client, login, make):
    login("manager")
    park = make.local_partner()
    offer = make.offer(park, title="Old")
    db.session.commit()
    assert "Old" in client.get(f"/matchmaking/offers/{offer.id}/edit").text
    data = GOOD | {"title": "New", "version": offer.version}
    client.post(f"/matchmaking/offers/{offer.id}/edit", data=data)
    assert db.session.get(LocalOffer, offer.id).title == "New"
    assert "Delete this offer?" in client.get(f"/matchmaking/offers/{offer.id}/delete").text
    client.post(f"/matchmaking/offers/{offer.id}/delete")
    assert count_rows(LocalOffer) == 0


def test_staff_cannot_delete_offers(client, login, make):
    login("staff")
    offer = make.offer(make.local_partner())
    db.session.commit()
    assert client.post(f"/matchmaking/offers/{offer.id}/delete").status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/matchmaking/synonyms",
        "/matchmaking/synonyms/new",
        "/matchmaking/synonyms/{id}/edit",
        "/matchmaking/synonyms/{id}/delete",
    ],
)
def test_only_managers_edit_the_synonym_list(client, login, make, url):
    login("staff")
    group = make.synonyms("a ~ b")
    db.session.commit()
    assert client.get(url.format(id=group.id)).status_code == 403
    if not url.endswith("synonyms"):
        assert client.post(url.format(id=group.id), data={"terms": "x ~ y"}).status_code == 403


def test_managers_add_edit_and_delete_synonyms(client, login):
    login("manager")
    response = client.post(
        "/matchmaking/synonyms/new",
        data={"terms": "Gehäuseteile\nhousing parts ~ 外壳 ~ gehaeuseteile", "active": "y"},
    )
    assert response.status_code == 302
    group = db.session.scalar(select(SynonymGroup))
    assert group.terms == "Gehäuseteile ~ housing parts ~ 外壳"  # the folded repeat is dropped
    assert group.terms_key == "gehauseteile\nhousing parts\n外壳"
    assert "housing parts" in client.get("/matchmaking/synonyms").text
    data = {"terms": "a ~ b", "version": group.version}
    client.post(f"/matchmaking/synonyms/{group.id}/edit", data=data)
    assert db.session.get(SynonymGroup, group.id).active is False  # unticked box
    client.post(f"/matchmaking/synonyms/{group.id}/delete")
    assert count_rows(SynonymGroup) == 0


@pytest.mark.parametrize("terms", ["", "only one", "Müller ~ Mueller", "t" * 1001])
def test_a_synonym_group_needs_two_different_terms(client, login, terms):
    login("manager")
    response = client.post("/matchmaking/synonyms/new", data={"terms": terms})
    assert response.status_code == 200
    assert "is-invalid" in response.text
    assert count_rows(SynonymGroup) == 0


def test_partner_page_shows_offers_matched_needs_and_talks(client, login, make):
    login()
    park = make.local_partner(name="Park")
    make.offer(park, title="Halls <b>")
    need = make.need(title="Space for <script>x</script>")
    make.match(need, park)
    make.talk(need, datetime(2026, 6, 1, 2), title="Site visit", organisations=[park])
    db.session.commit()
    page = client.get(f"/organisations/{park.id}").text
    assert "Halls &lt;b&gt;" in page
    assert "Space for &lt;script&gt;" in page and "<script>x" not in page
    assert "Site visit" in page


def test_partner_page_queries_do_not_grow(client, login, make):
    login()
    park = make.local_partner(name="Park")

    def add(n):
        for _ in range(n):
            need = make.need()
            make.offer(park, industries=[make.industry()])
            make.match(need, park)
            make.talk(need, datetime(2026, 6, 1, 2), organisations=[park], staff=[make.user()])
        db.session.commit()

    add(3)
    few = queries_on_page(client, f"/organisations/{park.id}")
    add(27)
    assert queries_on_page(client, f"/organisations/{park.id}") == few
