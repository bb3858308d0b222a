"""The vocabulary pages: permissions, list, create, edit and delete."""

import pytest
from sqlalchemy import func, select

from tests.messages import REQUIRED, too_long
from tracker.extensions import db
from tracker.models import KeyIndustry, Topic

MODELS = {"topics": Topic, "industries": KeyIndustry}


def _count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def _pages(make) -> list[str]:
    topic = make.topic()
    industry = make.industry()
    db.session.commit()
    return [
        "/vocabularies/",
        "/vocabularies/topics/new",
        "/vocabularies/industries/new",
        f"/vocabularies/topics/{topic.id}/edit",
        f"/vocabularies/industries/{industry.id}/edit",
        f"/vocabularies/topics/{topic.id}/delete",
        f"/vocabularies/industries/{industry.id}/delete",
    ]


def test_anonymous_is_sent_to_login(client, make):
    for url in _pages(make):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize(("role", "status"), [("staff", 403), ("manager", 200), ("admin", 200)])
def test_role_matrix_on_pages(client, make, login, role, status):
    login(role)
    for url in _pages(make):
        assert client.get(url).status_code == status, url


def test_staff_cannot_write(client, make, login):
    login("staff")
    topic = make.topic(name="Kept")
    db.session.commit()
    assert client.post("/vocabularies/topics/new", data={"name": "X"}).status_code == 403
    edit = client.post(f"/vocabularies/topics/{topic.id}/edit", data={"name": "Y"})
    assert edit.status_code == 403
    assert client.post(f"/vocabularies/topics/{topic.id}/delete").status_code == 403
    assert db.session.scalars(select(Topic.name)).all() == ["Kept"]


@pytest.mark.parametrize("url", ["/vocabularies/people/new", "/vocabularies/people/1/edit"])
def test_unknown_vocabulary_is_404(client, login, url):
    login("manager")
    assert client.get(url).status_code == 404


def test_missing_term_is_404(client, login):
    login("manager")
    assert client.get("/vocabularies/topics/999/edit").status_code == 404
    assert client.post("/vocabularies/industries/999/delete").status_code == 404


def test_index_shows_both_lists_with_translations_and_usage(client, make, login):
    login("manager")
    topic = make.topic(name="Hydrogen", name_de="Wasserstoff", name_zh="氢能")
    delegation = make.delegation(topics=[topic])
    make.meeting(delegation, topics=[topic])
    industry = make.industry(name="Robotics", active=False)
    make.organisation(key_industry=industry)
    db.session.commit()
    page = client.get("/vocabularies/").text
    assert 'id="topics"' in page and 'id="industries"' in page
    assert "Wasserstoff" in page and "氢能" in page
    assert '<td class="text-end">2</td>' in page  # one delegation + one meeting
    assert '<td class="text-end">1</td>' in page  # one organisation
    assert "Inactive" in page


@pytest.mark.parametrize("kind", ["topics", "industries"])
def test_create_term(client, login, kind):
    login("manager")
    data = {"name": "New energy", "name_de": "Neue Energie", "name_zh": "新能源", "position": "5",
            "active": "y"}  # fmt: skip
    response = client.post(f"/vocabularies/{kind}/new", data=data)
    assert response.status_code == 302
    term = db.session.scalars(select(MODELS[kind])).one()
    assert (term.name, term.name_de, term.name_zh, term.position, term.active) == (
        "New energy", "Neue Energie", "新能源", 5, True
    )  # fmt: skip


def test_create_without_checkbox_is_inactive_and_empty_position_is_zero(client, login):
    login("manager")
    client.post("/vocabularies/topics/new", data={"name": "Old topic", "position": ""})
    term = db.session.scalars(select(Topic)).one()
    assert (term.active, term.position) == (False, 0)


BAD_INPUTS = [
    ({"name": ""}, REQUIRED),
    ({"name": "   "}, REQUIRED),
    ({"name": "x" * 121}, too_long(120)),
    ({"name": "ok", "name_de": "x" * 121}, too_long(120)),
    ({"name": "ok", "name_zh": "字" * 121}, too_long(120)),
    ({"name": "ok", "position": "abc"}, "Not a valid integer value."),
    ({"name": "ok", "position": "-1"}, "Number must be between 0 and 9999."),
    ({"name": "ok", "position": "10000"}, "Number must be between 0 and 9999."),
    ({"name": "ok", "position": "1" * 40}, "Number must be between 0 and 9999."),
    ({"name": "ROBOTICS"}, "This name is already in the list."),
    ({"name": " robotics "}, "This name is already in the list."),
]


@pytest.mark.parametrize("kind", ["topics", "industries"])
@pytest.mark.parametrize(("data", "message"), BAD_INPUTS)
def test_create_validation(client, make, login, kind, data, message):
    login("manager")
    model = MODELS[kind]
    db.session.add(model(name="Robotics"))
    db.session.commit()
    response = client.post(f"/vocabularies/{kind}/new", data=data)
    assert response.status_code == 200
    assert message in response.text
    assert "is-invalid" in response.text
    assert _count(model) == 1


def test_same_name_allowed_in_the_other_vocabulary(client, make, login):
    login("manager")
    make.topic(name="Robotics")
    db.session.commit()
    assert client.post("/vocabularies/industries/new", data={"name": "robotics"}).status_code == 302


def test_edit_term_keeps_its_own_name_and_can_deactivate(client, make, login):
    login("manager")
    topic = make.topic(name="Hydrogen", position=3)
    db.session.commit()
    response = client.post(
        f"/vocabularies/topics/{topic.id}/edit",
        data={"name": "hydrogen", "name_de": "Wasserstoff", "position": "4", "version": 1},
    )
    assert response.status_code == 302
    db.session.refresh(topic)
    assert (topic.name, topic.name_de, topic.position, topic.active) == (
        "hydrogen", "Wasserstoff", 4, False
    )  # fmt: skip


def test_edit_to_another_terms_name_is_refused(client, make, login):
    login("manager")
    make.industry(name="Biomedicine")
    industry = make.industry(name="Logistics")
    db.session.commit()
    response = client.post(
        f"/vocabularies/industries/{industry.id}/edit", data={"name": "BIOMEDICINE"}
    )
    assert "This name is already in the list." in response.text
    assert 'value="BIOMEDICINE"' in response.text
    db.session.refresh(industry)
    assert industry.name == "Logistics"


def test_edit_form_is_prefilled(client, make, login):
    login("manager")
    topic = make.topic(name="Smart city", name_zh="智慧城市", position=7)
    db.session.commit()
    page = client.get(f"/vocabularies/topics/{topic.id}/edit").text
    assert 'value="Smart city"' in page and 'value="智慧城市"' in page and 'value="7"' in page


def test_delete_confirm_page_then_delete(client, make, login):
    login("manager")
    industry = make.industry(name="Unused")
    db.session.commit()
    url = f"/vocabularies/industries/{industry.id}/delete"
    page = client.get(url)
    assert page.status_code == 200 and "Delete “Unused”?" in page.text
    assert _count(KeyIndustry) == 1
    response = client.post(url, follow_redirects=True)
    assert "Deleted “Unused”." in response.text
    assert _count(KeyIndustry) == 0


@pytest.mark.parametrize("method", ["get", "post"])
def test_delete_refused_when_topic_is_used(client, make, login, method):
    login("manager")
    topic = make.topic(name="Used")
    make.meeting(make.delegation(), topics=[topic])
    db.session.commit()
    response = getattr(client, method)(
        f"/vocabularies/topics/{topic.id}/delete", follow_redirects=True
    )
    assert "is used by 1 record and cannot be deleted" in response.text
    assert "Deactivate it" in response.text
    assert _count(Topic) == 1


def test_delete_refused_when_industry_is_used(client, make, login):
    login("admin")
    industry = make.industry()
    make.organisation(key_industry=industry)
    make.organisation(key_industry=industry)
    db.session.commit()
    response = client.post(f"/vocabularies/industries/{industry.id}/delete", follow_redirects=True)
    assert "is used by 2 records" in response.text
    assert _count(KeyIndustry) == 1


def test_names_are_escaped(client, make, login):
    login("manager")
    topic = make.topic(name="<script>alert(1)</script>", name_de="<script>x</script>")
    db.session.commit()
    for url in ("/vocabularies/", f"/vocabularies/topics/{topic.id}/edit"):
        page = client.get(url).text
        assert "<script>alert(1)</script>" not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
