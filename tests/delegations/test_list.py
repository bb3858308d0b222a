"""The delegation list: search, filters, sorting, pages, empty states and bounded queries."""

import re
from datetime import date

import pytest

from tracker.extensions import db
from tracker.models import DelegationStatus


def _titles(response) -> list[str]:
    """Delegation titles in the order the table shows them."""
    return re.findall(r'<a class="fw-semibold" href="/delegations/\d+">([^<]*)</a>', response.text)


@pytest.mark.parametrize("query", ["thuringen", "thueringen", "THÜRINGEN", "Thür"])
def test_search_finds_region_ignoring_accents_and_umlaut_spelling(client, login, make, query):
    login()
    make.delegation(title="Erfurt visit", origin_region="Thüringen")
    make.delegation(title="Bavaria visit", origin_region="Bayern")
    db.session.commit()
    assert _titles(client.get("/delegations/", query_string={"q": query})) == ["Erfurt visit"]


@pytest.mark.parametrize(
    ("delegations", "query", "expected"),
    [
        ([{"title": "Jena optics mission"}, {"title": "Other"}], {"q": "optics"},
         ["Jena optics mission"]),
        ([{"title": "From Germany", "origin_country": "DE"},
          {"title": "From France", "origin_country": "FR"}], {"q": "deutschland"},
         ["From Germany"]),
        ([{"title": "100% optics"}, {"title": "1000 robots"}], {"q": "100%"}, ["100% optics"]),
        ([{"title": "Planned one", "status": DelegationStatus.PLANNED},
          {"title": "Done one", "status": DelegationStatus.COMPLETED}], {"status": "completed"},
         ["Done one"]),
        ([{"title": "New year's eve", "start_date": date(2025, 12, 31)},
          {"title": "New year", "start_date": date(2026, 1, 1)},
          {"title": "Last day", "start_date": date(2026, 12, 31)}], {"year": "2026"},
         ["Last day", "New year"]),
        ([{"title": "German", "origin_country": "DE"}, {"title": "French", "origin_country": "FR"}],
         {"country": "fr"}, ["French"]),
    ],
    ids=[
        "search-title",
        "search-origin-country-name",
        "search-wildcards-literally",
        "status",
        "year-of-the-start-date",
        "country",
    ],
)  # fmt: skip
def test_search_and_filters(client, login, make, delegations, query, expected):
    login()
    for fields in delegations:
        make.delegation(**fields)
    db.session.commit()
    assert sorted(_titles(client.get("/delegations/", query_string=query))) == expected


@pytest.mark.parametrize(
    "args",
    [{"status": "bogus"}, {"year": "abc"}, {"year": "²⁰²⁶"}, {"country": "<x>"}, {"page": "x"}],
)
def test_bad_filter_values_are_ignored(client, login, make, args):
    login()
    make.delegation(title="Only one")
    db.session.commit()
    response = client.get("/delegations/", query_string=args)
    assert response.status_code == 200
    assert _titles(response) == ["Only one"]


def test_default_order_is_newest_first(client, login, make):
    login()
    make.delegation(title="Old", start_date=date(2024, 3, 1))
    make.delegation(title="New", start_date=date(2026, 3, 1))
    make.delegation(title="Middle", start_date=date(2025, 3, 1))
    db.session.commit()
    assert _titles(client.get("/delegations/")) == ["New", "Middle", "Old"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["Alpha", "Bravo", "Charlie"]),
        ("-title", ["Charlie", "Bravo", "Alpha"]),
        ("start_date", ["Bravo", "Charlie", "Alpha"]),
        ("status", ["Charlie", "Alpha", "Bravo"]),
    ],
)
def test_sort_by_allowed_keys(client, login, make, sort, expected):
    login()
    make.delegation(title="Alpha", start_date=date(2026, 3, 1), status=DelegationStatus.PLANNED)
    make.delegation(title="Bravo", start_date=date(2024, 3, 1), status=DelegationStatus.UNDER_WAY)
    make.delegation(title="Charlie", start_date=date(2025, 3, 1), status=DelegationStatus.COMPLETED)
    db.session.commit()
    assert _titles(client.get(f"/delegations/?sort={sort}")) == expected


@pytest.mark.parametrize("sort", ["password_hash", "-id; drop table", "search_key"])
def test_unknown_sort_falls_back_to_newest_first(client, login, make, sort):
    login()
    make.delegation(title="Old", start_date=date(2024, 3, 1))
    make.delegation(title="New", start_date=date(2026, 3, 1))
    db.session.commit()
    response = client.get("/delegations/", query_string={"sort": sort})
    assert response.status_code == 200
    assert _titles(response) == ["New", "Old"]


def test_pages(client, login, make, app):
    login()
    app.config["PER_PAGE"] = 2
    for day in range(1, 6):
        make.delegation(title=f"Visit {day}", start_date=date(2026, 1, day))
    db.session.commit()
    assert _titles(client.get("/delegations/")) == ["Visit 5", "Visit 4"]
    assert _titles(client.get("/delegations/?page=3")) == ["Visit 1"]
    assert "1\u20132 of 5" in client.get("/delegations/").text  # en dash
    assert client.get("/delegations/?page=99").status_code == 200


def test_the_page_count_is_per_filter_and_follows_every_change(client, login, make, app):
    """Counted on each page (2,000 delegations count in well under a millisecond)."""
    login("manager")
    app.config["PER_PAGE"] = 2
    visits = [
        make.delegation(title=f"Visit {day}", start_date=date(2026, 1, day)) for day in (1, 2, 3)
    ]
    make.delegation(title="Done", status=DelegationStatus.COMPLETED)
    db.session.commit()
    assert "1\u20132 of 4" in client.get("/delegations/").text
    assert "of 4" in client.get("/delegations/?page=2&sort=title").text
    assert "1\u20132 of 4" in client.get("/delegations/").text
    assert "of 3" in client.get("/delegations/?status=planned").text
    make.delegation(title="Visit 4", start_date=date(2026, 1, 4))
    db.session.commit()
    assert "1\u20132 of 5" in client.get("/delegations/").text
    assert client.post(f"/delegations/{visits[0].id}/delete").status_code == 302
    assert "1\u20132 of 4" in client.get("/delegations/").text
    assert "of 3" in client.get("/delegations/?status=planned").text


def test_columns_show_origin_officer_and_member_count(client, login, make):
    login()
    officer = make.user(display_name="Ms Wang")
    delegation = make.delegation(
        origin_country="DE", origin_region="Thüringen", host_officer=officer, announced_size=30
    )
    for _ in range(3):
        make.member(delegation, make.person())
    db.session.commit()
    text = client.get("/delegations/").text
    assert "Germany / Thüringen" in text
    assert "Ms Wang" in text
    members = r'<td class="text-end[^>]*>3 <span class="text-body-secondary small">/ 30</span>'
    assert re.search(members, text)


def test_list_runs_the_same_queries_for_3_or_30_rows(client, login, make, count_queries, app):
    """Members, officers and counts come with the rows, not one query per row."""
    login()
    app.config["PER_PAGE"] = 50
    client.get("/delegations/")  # the first view counts the user's nav badge (then kept)

    def add_and_count(rows: int) -> int:
        for _ in range(rows):
            delegation = make.delegation(host_officer=make.user())
            make.member(delegation, make.person())
        db.session.commit()
        db.session.expire_all()
        with count_queries() as statements:
            response = client.get("/delegations/")
        assert response.status_code == 200
        return len(statements)

    assert add_and_count(3) == add_and_count(27)
