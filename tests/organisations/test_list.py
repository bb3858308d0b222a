"""The organisation list: filters, search, sorting, pages, counts, empty states, escaping."""

import re

import pytest

from tracker.extensions import db
from tracker.models import OrganisationKind


def names(html: str) -> list[str]:
    """Organisation names in the order the table shows them."""
    return re.findall(r'<a class="fw-semibold" href="/organisations/\d+">([^<]*)</a>', html)


def test_lists_columns_and_people_count(client, login, make):
    login()
    industry = make.industry(name="Photonics")
    organisation = make.organisation(
        name="Jenaer Optronik AG", name_zh="耶拿光电", city="Jena", key_industry=industry
    )
    make.person(organisation=organisation)
    make.person(organisation=organisation)
    make.organisation(name="Baoshan Robot Park", is_local=True, country="CN")
    db.session.commit()
    html = client.get("/organisations/").text
    assert names(html) == ["Baoshan Robot Park", "Jenaer Optronik AG"]
    assert "耶拿光电" in html
    assert "Jena, Germany" in html
    assert "Photonics" in html
    assert ">Local</span>" in html and ">Visiting</span>" in html
    row = html[html.index("Jenaer Optronik AG") :]
    assert re.search(r'<td class="text-end[^>]*>2</td>', row)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("side=local", ["Local Park"]),
        ("side=visiting", ["Jenoptik AG", "Müller AG"]),
        ("side=bogus", ["Jenoptik AG", "Local Park", "Müller AG"]),
        ("kind=university", ["Jenoptik AG"]),
        ("kind=emperor", ["Jenoptik AG", "Local Park", "Müller AG"]),
        ("country=CN", ["Local Park"]),
        ("country=cn", ["Local Park"]),
        ("country=ZZZ", ["Jenoptik AG", "Local Park", "Müller AG"]),
        ("q=mueller", ["Müller AG"]),
        ("q=MULLER", ["Müller AG"]),
        ("q=weimar", ["Müller AG"]),
        ("q=100%25", []),
        ("industry=abc", ["Jenoptik AG", "Local Park", "Müller AG"]),
    ],
)
def test_filters(client, login, make, query, expected):
    login()
    make.organisation(name="Jenoptik AG", kind=OrganisationKind.UNIVERSITY)
    make.organisation(name="Müller AG", city="Weimar")
    make.organisation(name="Local Park", is_local=True, country="CN")
    db.session.commit()
    response = client.get(f"/organisations/?{query}")
    assert response.status_code == 200
    assert names(response.text) == expected


def test_filter_by_industry(client, login, make):
    login()
    robots = make.industry(name="Robotics")
    make.organisation(name="Robot GmbH", key_industry=robots)
    make.organisation(name="Bakery GmbH")
    db.session.commit()
    assert names(client.get(f"/organisations/?industry={robots.id}").text) == ["Robot GmbH"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Alpha", "Beta", "Gamma"]),
        ("-name", ["Gamma", "Beta", "Alpha"]),
        ("country", ["Gamma", "Alpha", "Beta"]),
        ("-country", ["Beta", "Alpha", "Gamma"]),
        ("kind", ["Beta", "Alpha", "Gamma"]),
        ("created", ["Beta", "Gamma", "Alpha"]),
        ("-created", ["Alpha", "Gamma", "Beta"]),
        ("password_hash", ["Alpha", "Beta", "Gamma"]),
        ("-nonsense", ["Alpha", "Beta", "Gamma"]),
    ],
)
def test_sorting(client, login, make, sort, expected):
    from datetime import datetime

    login()
    make.organisation(name="Beta", country="FR", kind=OrganisationKind.BANK,
                      created_at=datetime(2024, 1, 1))  # fmt: skip
    make.organisation(name="Gamma", country="CN", created_at=datetime(2024, 2, 1))
    make.organisation(name="Alpha", country="DE", created_at=datetime(2024, 3, 1))
    db.session.commit()
    assert names(client.get(f"/organisations/?sort={sort}").text) == expected


def test_pagination(client, login, make, app):
    login()
    app.config["PER_PAGE"] = 2
    for letter in "ABCDE":
        make.organisation(name=f"Org {letter}")
    db.session.commit()
    assert names(client.get("/organisations/").text) == ["Org A", "Org B"]
    page3 = client.get("/organisations/?page=3").text
    assert names(page3) == ["Org E"]
    assert "5\u20135 of 5" in page3
    assert client.get("/organisations/?page=abc").status_code == 200
    assert names(client.get("/organisations/?page=99").text) == []


def test_escapes_script_in_names(client, login, make):
    login()
    make.organisation(name="<script>alert(1)</script>", name_de="<b>bold</b>")
    db.session.commit()
    html = client.get("/organisations/").text
    assert "<script>alert(1)" not in html
    assert "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_list_needs_login(client):
    response = client.get("/organisations/")
    assert response.status_code == 302


def test_filter_choices_follow_new_countries_and_renamed_industries(client, login, make):
    """The countries in use and the industries are kept until organisations or industries
    change: the next view shows the change."""
    login()
    robotics = make.industry(name="Robotics")
    make.organisation(name="Erfurt Optics", country="DE")
    db.session.commit()
    page = client.get("/organisations/").text
    assert '<option value="DE"' in page and '<option value="AT"' not in page and "Robotics" in page
    robotics.name = "Robotics and AI"
    db.session.commit()
    assert "Robotics and AI" in client.get("/organisations/").text
    make.organisation(name="Wien Robotik", country="AT")
    db.session.commit()
    assert '<option value="AT"' in client.get("/organisations/").text
