"""The matches and talks list pages: filters, sorting, pages, empty states, export links."""

from datetime import datetime, timedelta

import pytest

from tracker.extensions import db
from tracker.models import MatchStatus, utcnow


@pytest.fixture
def app_config():
    return {"PER_PAGE": 2}


@pytest.fixture
def matches(make):
    """Three proposed matches for a Dresden delegation's needs, one declined elsewhere."""
    dresden = make.delegation(title="Dresden")
    partner = make.local_partner(name="Lingang Park")
    made = [
        make.match(make.need(title=f"Dresden need {i}", delegation=dresden), partner, score=i)
        for i in range(3)
    ]
    make.match(make.need(title="Elsewhere"), make.local_partner(), status=MatchStatus.DECLINED)
    db.session.commit()
    return {"dresden": dresden, "partner": partner, "made": made}


def test_matches_page_paginates(client, login, matches):
    login()
    first = client.get("/matchmaking/matches?sort=score").text
    assert "Dresden need 0" in first and "Dresden need 1" in first
    assert "Dresden need 2" not in first
    second = client.get("/matchmaking/matches?sort=score&page=2").text
    assert "Dresden need 2" in second and "Elsewhere" in second


def test_matches_filter_by_delegation_and_partner(client, login, matches):
    login()
    query = f"delegation_id={matches['dresden'].id}&partner_id={matches['partner'].id}&sort=score"
    page = client.get(f"/matchmaking/matches?{query}&page=2").text
    assert "Dresden need 2" in page and "Elsewhere" not in page
    assert f"/matchmaking/matches/export.csv?delegation_id={matches['dresden'].id}" in page


@pytest.mark.parametrize(
    "query",
    ["status=nonsense", "sort=drop table", "delegation_id=abc", "partner_id=²", "page=999",
     "q=" + "x" * 500],
)  # fmt: skip
def test_odd_input_never_breaks_the_matches_page(client, login, matches, query):
    login()
    assert client.get(f"/matchmaking/matches?{query}").status_code == 200


@pytest.fixture
def talks(make):
    """Past talks around midnight in Shanghai (UTC+8), one for a Dresden delegation's need with
    its outcome recorded, and one still to come."""
    dresden = make.delegation(title="Dresden")
    need = make.need(title="Robot plant")
    make.talk(need, datetime(2026, 5, 11, 15, 0), title="Late on the 11th")  # 23:00 local
    make.talk(need, datetime(2026, 5, 11, 17, 0), title="Early on the 12th")  # 01:00 local
    make.talk(need, datetime(2026, 5, 12, 15, 30), title="Late on the 12th")  # 23:30 local
    make.talk(make.need(title="Dresden need", delegation=dresden), datetime(2020, 1, 1),
              title="Old Dresden talk", outcome="Agreed")  # fmt: skip
    make.talk(need, utcnow() + timedelta(days=30), title="Future talk")
    db.session.commit()
    return {"dresden": dresden}


def test_talks_held_on_a_local_day(client, login, talks):
    login()
    page = client.get("/talks/?held_from=2026-05-12&held_to=2026-05-12").text
    assert "Early on the 12th" in page and "Late on the 12th" in page
    assert "Late on the 11th" not in page and "Old Dresden talk" not in page


def test_talks_export_uses_the_same_days(client, login, talks):
    login()
    data = client.get("/talks/export.csv?held_from=2026-05-12&held_to=2026-05-12").text
    assert "Early on the 12th" in data and "2026-05-12 01:00" in data
    assert "Late on the 11th" not in data


M, T = "/matchmaking/matches?", "/talks/?"


@pytest.mark.parametrize(
    ("world", "url", "shown", "hidden"),
    [
        ("matches", M + "status=declined", ["Elsewhere"], ["Dresden need 0"]),
        ("matches", M + "q=elsewhere", ["Elsewhere"], ["Dresden need 0"]),
        ("matches", M + "q=lingang&sort=-score", ["Dresden need 2"], ["Elsewhere"]),
        ("talks", T + "status=held&sort=starts", ["Old Dresden talk", "Late on the 11th"],
         ["Future talk"]),
        ("talks", T + "status=upcoming", ["Future talk"], ["Old Dresden talk", "Late on the 11th"]),
        ("talks", T + "status=no_outcome", ["Early on the 12th"],
         ["Old Dresden talk", "Future talk"]),
        ("talks", T + "q=dresden", ["Old Dresden talk"], ["Late on the 11th"]),
    ],
)  # fmt: skip
def test_list_filters(request, client, login, world, url, shown, hidden):
    request.getfixturevalue(world)
    login()
    page = client.get(url).text
    assert all(title in page for title in shown)
    assert not any(title in page for title in hidden)


def test_talks_filter_by_delegation(client, login, talks):
    login()
    page = client.get(f"/talks/?delegation_id={talks['dresden'].id}").text
    assert "Old Dresden talk" in page and "Robot plant" not in page


def test_talks_paginate_newest_first(client, login, talks):
    login()
    first = client.get("/talks/").text
    assert "Future talk" in first and "Late on the 12th" in first
    assert "Early on the 12th" not in first
    assert "Old Dresden talk" in client.get("/talks/?page=3").text
    oldest = client.get("/talks/?sort=starts").text
    assert "Old Dresden talk" in oldest and "Future talk" not in oldest


@pytest.mark.parametrize(
    "query",
    ["held_from=9999-12-31", "held_to=0001-01-01", "held_from=2026-02-30", "held_to=x",
     "status=nonsense", "sort=-nonsense", "delegation_id=-1", "page=-3"],
)  # fmt: skip
def test_odd_input_never_breaks_the_talks_page(client, login, talks, query):
    login()
    assert client.get(f"/talks/?{query}").status_code == 200
    assert client.get(f"/talks/export.xlsx?{query}").status_code == 200


def test_nav_links_to_matches_and_talks(client, login):
    login()
    page = client.get("/talks/").text
    assert 'href="/matchmaking/matches"' in page and 'href="/talks/"' in page
