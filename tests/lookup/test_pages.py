"""Pages with pickers: bounded options, a constant number of queries, filters keep their label."""

import re
from datetime import date

import pytest

from tests.queries import warm_up
from tracker.extensions import db
from tracker.lookup import FALLBACK

PICKER_PAGES = [
    "/delegations/{delegation}",
    "/delegations/{delegation}/members/add",
    "/needs/new",
    "/people/new",
    "/people/",
    "/needs/",
    "/needs/board",
    "/talks/",
    "/matchmaking/matches",
    "/reports/pipeline",
    "/matchmaking/needs/{need}/pick",
    "/talks/new?need_id={need}",
    "/organisations/{organisation}/merge",
]


def _add_records(make, rows: int) -> None:
    for _ in range(rows):
        organisation = make.organisation()
        make.person(organisation=organisation)
        make.local_partner()
        make.delegation()
    db.session.commit()
    db.session.expire_all()


def _options(html: str) -> int:
    return html.count("<option")


@pytest.mark.parametrize("path", PICKER_PAGES)
def test_picker_pages_do_not_grow_with_the_records(client, login, make, count_queries, path):
    """10 or 80 of each kind: the same queries, at most FALLBACK options per picker."""
    login("manager")
    need = make.need(make.organisation())
    delegation, organisation = make.delegation(), make.organisation()
    db.session.commit()
    url = path.format(delegation=delegation.id, need=need.id, organisation=organisation.id)

    def measure(rows: int) -> tuple[int, int]:
        _add_records(make, rows)
        warm_up(client, url)
        with count_queries() as statements:
            response = client.get(url)
        assert response.status_code == 200
        return len(statements), _options(response.text)

    (few_queries, few_options), (more_queries, more_options) = measure(10), measure(70)
    assert few_queries == more_queries
    assert more_options - few_options <= 4 * (FALLBACK - 10)  # up to four pickers fill up
    assert more_options < 400


@pytest.mark.parametrize(
    "path, name",
    [
        ("/needs/", "delegation_id"),
        ("/needs/board", "delegation_id"),
        ("/talks/", "delegation_id"),
        ("/matchmaking/matches", "delegation_id"),
        ("/reports/pipeline", "delegation_id"),
    ],
)
def test_a_filtered_delegation_keeps_its_label(client, login, make, path, name, crowd_out):
    login("manager")
    old = make.delegation(title="Erfurt 1999", start_date=date(1999, 1, 4))
    crowd_out(make.delegation, 3)
    page = client.get(f"{path}?{name}={old.id}").text
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>.*?</select>', page, re.S).group(0)
    assert "data-lookup=" in select
    assert re.search(
        rf'<option value="{old.id}" selected>Erfurt 1999 \(1999-01-04\)</option>', select
    )
    assert "Erfurt 1999" not in client.get(path).text


def test_the_people_filter_keeps_the_organisation(client, login, make, crowd_out):
    login()
    old = make.organisation(name="Oldest AG")
    crowd_out(make.organisation, 3)
    page = client.get(f"/people/?organisation={old.id}").text
    assert re.search(rf'<option value="{old.id}" selected>Oldest AG</option>', page)


def test_the_needs_filter_keeps_none(client, login, make):
    login()
    page = client.get("/needs/?delegation_id=none").text
    assert re.search(r'<option value="none" data-pinned selected>', page)


def test_the_partner_filter_offers_local_partners_only(client, login, make):
    login()
    make.local_partner(name="Robot Park")
    make.organisation(name="Visiting Works")
    db.session.commit()
    page = client.get("/matchmaking/matches").text
    assert "Robot Park" in page and "Visiting Works" not in page
    assert 'data-lookup="/lookup/organisations?local=1"' in page
