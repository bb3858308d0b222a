"""The people list: search, filters, sorting, pages, query count, empty states, escaping."""

import re
from datetime import datetime

import pytest

from tracker.extensions import db


def names(html: str) -> list[str]:
    """Names in the order the table shows them."""
    return re.findall(r'<a class="fw-semibold" href="/people/\d+">([^<]*)</a>', html)


def test_columns(client, login, make):
    login()
    organisation = make.organisation(name="Jenaer Optronik AG")
    make.person(
        full_name="Anna Müller",
        name_other_script="安娜",
        position="CEO",
        organisation=organisation,
        email="anna@example.de",
        phone="+49 3641 1",
    )
    db.session.commit()
    html = client.get("/people/").text
    assert names(html) == ["Anna Müller"]
    assert "安娜" in html and "CEO" in html and "+49 3641 1" in html
    assert f'href="/organisations/{organisation.id}">Jenaer Optronik AG</a>' in html
    assert 'href="mailto:anna@example.de"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=mueller", ["Anna Müller"]),
        ("q=MULLER", ["Anna Müller"]),
        ("q=王", ["Wang Wei"]),
        ("q=bernd%40example", ["Bernd Ost"]),
        ("q=_", []),
        ("side=local", ["Wang Wei"]),
        ("side=visiting", ["Anna Müller", "Bernd Ost"]),
        ("side=other", ["Anna Müller", "Bernd Ost", "Karl Solo", "Wang Wei"]),
        ("organisation=abc", ["Anna Müller", "Bernd Ost", "Karl Solo", "Wang Wei"]),
        ("organisation=999", []),
    ],
)
def test_filters(client, login, make, query, expected):
    login()
    visiting = make.organisation(name="Visitor AG")
    local = make.organisation(name="Baoshan Park", is_local=True)
    make.person(full_name="Anna Müller", organisation=visiting)
    make.person(full_name="Bernd Ost", organisation=visiting, email="bernd@example.de")
    make.person(full_name="Wang Wei", name_other_script="王伟", organisation=local)
    make.person(full_name="Karl Solo")
    db.session.commit()
    response = client.get(f"/people/?{query}")
    assert response.status_code == 200
    assert names(response.text) == expected


def test_filter_by_organisation(client, login, make):
    login()
    organisation = make.organisation()
    make.person(full_name="In", organisation=organisation)
    make.person(full_name="Out")
    db.session.commit()
    assert names(client.get(f"/people/?organisation={organisation.id}").text) == ["In"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Anna", "Bernd", "Carl"]),
        ("-name", ["Carl", "Bernd", "Anna"]),
        ("organisation", ["Carl", "Anna", "Bernd"]),
        ("created", ["Bernd", "Carl", "Anna"]),
        ("-created", ["Anna", "Carl", "Bernd"]),
        ("email", ["Anna", "Bernd", "Carl"]),
    ],
)
def test_sorting(client, login, make, sort, expected):
    login()
    alpha = make.organisation(name="Alpha")
    zulu = make.organisation(name="Zulu")
    make.person(full_name="Bernd", organisation=zulu, created_at=datetime(2024, 1, 1))
    make.person(full_name="Carl", organisation=alpha, created_at=datetime(2024, 2, 1))
    make.person(full_name="Anna", organisation=zulu, created_at=datetime(2024, 3, 1))
    db.session.commit()
    assert names(client.get(f"/people/?sort={sort}").text) == expected


def test_pagination(client, login, make, app):
    login()
    app.config["PER_PAGE"] = 2
    for letter in "ABCDE":
        make.person(full_name=f"Person {letter}")
    db.session.commit()
    assert names(client.get("/people/?page=2").text) == ["Person C", "Person D"]
    assert "3\u20134 of 5" in client.get("/people/?page=2").text


def test_escapes_script_in_names(client, login, make):
    login()
    organisation = make.organisation(name="<script>org</script>")
    make.person(full_name="<script>alert(1)</script>", organisation=organisation)
    db.session.commit()
    html = client.get("/people/").text
    assert "<script>alert(1)" not in html and "<script>org" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
