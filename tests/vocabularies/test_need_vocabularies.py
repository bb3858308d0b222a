"""Need categories and lost reasons are managed like the other vocabularies."""

import pytest
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import LostReason, NeedCategory, Stage


@pytest.mark.parametrize(
    ("kind", "model"), [("categories", NeedCategory), ("lost-reasons", LostReason)]
)
def test_manager_adds_a_term(client, login, kind, model):
    login("manager")
    response = client.post(
        f"/vocabularies/{kind}/new", data={"name": "Visa support", "position": "3", "active": "y"}
    )
    assert response.status_code == 302
    term = db.session.scalar(select(model))
    assert (term.name, term.position, term.active) == ("Visa support", 3, True)
    assert "Visa support" in client.get("/vocabularies/").text


def test_lost_reason_can_ask_for_an_explanation(client, login):
    login("manager")
    client.post("/vocabularies/lost-reasons/new", data={"name": "Other", "needs_text": "y"})
    assert db.session.scalar(select(LostReason)).needs_text is True


def test_category_form_has_no_explanation_box(client, login):
    login("manager")
    assert "needs_text" not in client.get("/vocabularies/categories/new").text
    assert "needs_text" in client.get("/vocabularies/lost-reasons/new").text


@pytest.mark.parametrize("kind", ["categories", "lost-reasons"])
def test_staff_cannot_manage(client, login, kind):
    login("staff")
    assert client.get(f"/vocabularies/{kind}/new").status_code == 403


def test_used_terms_count_their_needs_and_cannot_be_deleted(client, login, make):
    login("manager")
    category = make.category(name="Industrial land and space")
    reason = make.lost_reason(name="No budget")
    make.need(category=category)
    make.need(stage=Stage.LOST, lost_reason=reason)
    db.session.commit()
    page = client.get("/vocabularies/").text
    assert "Industrial land and space" in page and "No budget" in page
    client.post(f"/vocabularies/categories/{category.id}/delete")
    client.post(f"/vocabularies/lost-reasons/{reason.id}/delete")
    db.session.expire_all()
    assert db.session.get(NeedCategory, category.id) is not None
    assert db.session.get(LostReason, reason.id) is not None
