"""Managers and admins see every figure; staff see the figures of their own needs only."""

import pytest

from tests.conftest import log_in_as
from tests.reports.conftest import noon_days_ago
from tests.reports.helpers import count_links, listed
from tracker.models import Role
from tracker.reports.services import ReportFilters, pipeline_report


def test_staff_report_counts_their_own_needs_only(pipeline):
    today = noon_days_ago(0).date()
    report = pipeline_report(ReportFilters(), pipeline.staff_a, today)
    assert report.total == 4  # n1, n2, n6, n8
    assert {b.label for b in report.by_owner} == {"Staff An"}
    assert report.needs.owner_id == pipeline.staff_a.id


def test_staff_cannot_ask_for_a_colleagues_figures(pipeline):
    today = noon_days_ago(0).date()
    report = pipeline_report(ReportFilters(owner_id=pipeline.staff_b.id), pipeline.staff_a, today)
    assert {b.label for b in report.by_owner} == {"Staff An"}


@pytest.mark.parametrize("role", [Role.MANAGER, Role.ADMIN])
def test_managers_and_admins_see_everything(make, pipeline, role):
    boss = make.user(role=role)
    report = pipeline_report(ReportFilters(), boss, noon_days_ago(0).date())
    assert report.total == 8


def test_staff_page_hides_the_owner_filter_and_its_links_stay_theirs(client, pipeline):
    log_in_as(client, pipeline.staff_a)
    page = client.get(f"/reports/pipeline?owner_id={pipeline.staff_b.id}").text
    assert 'name="owner_id"' not in page
    assert "Your needs only" in page
    links = count_links(page)
    assert links
    for url, shown in links:
        if url.startswith("/talks"):
            # The talks list has no owner filter: it lists everyone's talks of the month.
            assert listed(client, url) >= shown
            continue
        if url.startswith("/needs"):
            assert f"owner_id={pipeline.staff_a.id}" in url
        else:
            assert f"need.owner_id={pipeline.staff_a.id}" in url
        assert listed(client, url) == shown


def test_manager_page_offers_the_owner_filter_and_rates(client, pipeline):
    log_in_as(client, pipeline.manager)
    page = client.get("/reports/pipeline").text
    assert 'name="owner_id"' in page
    assert "/reports/rates" in page


def test_everyone_sees_the_reports_link(client, login):
    login("staff")
    assert 'href="/reports/pipeline"' in client.get("/reports/pipeline").text


def test_report_requires_login(client):
    response = client.get("/reports/pipeline")
    assert response.status_code == 302 and "/login" in response.location
