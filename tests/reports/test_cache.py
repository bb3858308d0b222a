"""The report is computed once per data version (tracker.datacache): a committed change shows
at once, a view without changes runs no figure queries, and nobody is shown another scope's
figures."""

import re
from datetime import date

import pytest
from sqlalchemy import update

from tests.conftest import PASSWORD, log_in_as
from tracker.extensions import db
from tracker.models import Need, Role
from tracker.reports.services import ReportFilters, cached_pipeline_report
from tracker.security import PERMISSIONS, view_as


def _total(client) -> int:
    """The report page's needs total (the first summary card)."""
    page = client.get("/reports/pipeline").text
    return int(re.search(r'data-figure="Needs">(\d+)<', page).group(1))


def test_a_second_view_runs_no_figure_queries(client, login, make, count_queries):
    login("manager")
    make.need()
    db.session.commit()
    with count_queries() as first:
        assert client.get("/reports/pipeline").status_code == 200
    with count_queries() as second:
        assert client.get("/reports/pipeline").status_code == 200
    assert len(second) < len(first) - 10  # the figures' queries are gone, the page's remain


def test_a_committed_new_need_shows_at_once(client, login, make):
    login("manager")
    make.need()
    db.session.commit()
    assert _total(client) == 1
    make.need()
    db.session.commit()
    assert _total(client) == 2


def test_a_bulk_update_shows_at_once(client, login, make):
    login("manager")
    make.need()
    db.session.commit()
    client.get("/reports/pipeline")
    db.session.execute(update(Need).values(deleted_at=db.func.current_timestamp()))
    db.session.commit()
    assert _total(client) == 0


def test_staff_are_not_shown_a_managers_cached_figures(client, make):
    manager = make.user(role=Role.MANAGER, password=PASSWORD)
    staff = make.user(role=Role.STAFF, password=PASSWORD)
    make.need(owner=staff)
    make.need(owner=manager)
    make.need(owner=manager, confidential=True)
    db.session.commit()
    log_in_as(client, manager)
    assert _total(client) == 3
    log_in_as(client, staff)
    assert _total(client) == 1


@pytest.mark.parametrize(
    ("language", "label"), [("de", "Keine Schlüsselbranche"), ("zh", "无重点产业")]
)
def test_each_language_has_its_own_entry(client, login, make, language, label):
    login("manager")
    make.need()  # no key industry: a bar named by the report itself, in the user's language
    db.session.commit()
    assert "No key industry" in client.get("/reports/pipeline").text  # cached in English
    page = client.get("/reports/pipeline", headers={"Accept-Language": language}).text
    assert label in page
    assert "No key industry" not in page


def test_who_may_not_see_confidential_needs_gets_an_entry_of_their_own(app, make, monkeypatch):
    """Two users with the same scope of figures, one of whom may not see confidential needs."""
    monkeypatch.setitem(PERMISSIONS, "need.view_confidential", frozenset({Role.ADMIN}))
    admin, manager = make.user(role=Role.ADMIN), make.user(role=Role.MANAGER)
    make.need(owner=admin)
    make.need(owner=admin, confidential=True)
    db.session.commit()
    totals = []
    for user in (admin, manager):
        with app.test_request_context(), view_as(user):
            report = cached_pipeline_report(ReportFilters(), user, date.today(), lambda r: r)
            totals.append(report.total)
    assert totals == [2, 1]


def test_the_drawn_figures_keep_each_query_strings_export_links(client, login, make):
    """Two query strings with the same filters ("DE" and "de") share figures, not links."""
    login("manager")
    make.need()
    db.session.commit()
    assert "funnel.csv?origin=DE" in client.get("/reports/pipeline?origin=DE").text
    page = client.get("/reports/pipeline?origin=de").text
    assert "funnel.csv?origin=de" in page
    assert "funnel.csv?origin=DE" not in page
