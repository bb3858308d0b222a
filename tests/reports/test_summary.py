"""The report's opening summary: open pipeline, won this year, win rate and overdue follow-ups,
each equal to the fixture's records and linking to exactly those records."""

import html
import re
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.conftest import log_in_as
from tests.reports.conftest import noon_days_ago
from tests.reports.helpers import listed
from tracker.extensions import db
from tracker.models import ACTIVE_STAGES, Stage
from tracker.reports import summary as summary_module
from tracker.reports.services import ReportFilters, pipeline_report

EUR = Decimal("7.8")  # the fixture's rate; USD has none


@pytest.fixture
def today(pipeline):
    return noon_days_ago(0).date()


def _closed_this_year(pipeline, today, stage: Stage) -> list:
    """The fixture's needs now in stage, moved there since 1 January (local noon times)."""
    start = today.replace(month=1, day=1)
    return [
        n for name, n in pipeline.needs.items()
        if n.stage == stage and pipeline.histories[name][-1][1].date() >= start
    ]  # fmt: skip


def _in_cny(need) -> Decimal:
    rate = {"CNY": Decimal(1), "EUR": EUR}.get(need.currency and need.currency.value)
    return need.estimated_investment * rate if need.estimated_investment and rate else 0


def _figure(page: str, name: str) -> tuple[str, str]:
    """(href, text) of the summary figure data-figure=name."""
    match = re.search(rf'<a [^>]*href="([^"]+)"[^>]*data-figure="{name}"[^>]*>([^<]*)</a>', page)
    assert match, name
    return html.unescape(match.group(1)), match.group(2).strip()


def test_summary_figures_equal_the_fixture(pipeline, today):
    s = pipeline_report(ReportFilters(), pipeline.manager, today).summary
    active = [n for n in pipeline.needs.values() if n.stage in ACTIVE_STAGES]
    assert s.open_needs == len(active) == 4
    assert s.open_value.cny == sum(_in_cny(n) for n in active) == Decimal("12750000")
    assert not s.open_value.partial
    won = _closed_this_year(pipeline, today, Stage.WON)
    lost = _closed_this_year(pipeline, today, Stage.LOST)
    assert (s.won, s.lost) == (len(won), len(lost))
    assert s.won_value.cny == sum((_in_cny(n) for n in won), Decimal(0))
    assert s.win_rate == (len(won) / (len(won) + len(lost)) if won or lost else None)
    # Open follow-ups on needs past their day: n1's (3 days) and n7's (1 day), not the one
    # about an organisation, nor the done or cancelled ones.
    assert s.overdue_followups == 2


def test_amounts_without_a_rate_mark_the_sum_partial(pipeline, today, make):
    make.need(stage=Stage.QUALIFIED, estimated_investment=Decimal("1000"), currency="USD")
    db.session.commit()
    s = pipeline_report(ReportFilters(), pipeline.manager, today).summary
    assert s.open_needs == 5 and s.open_value.partial
    assert s.open_value.cny == Decimal("12750000")  # the USD amount is left out, not guessed


def test_summary_costs_one_query_of_its_own(pipeline, today, count_queries):
    report = pipeline_report(ReportFilters(), pipeline.manager, today)
    f = report.needs
    with count_queries() as statements:
        again = summary_module.summary(f, report.money.stages, report.followups_by_staff, today)
    assert len(statements) == 1
    assert again == report.summary


def test_staff_see_the_summary_of_their_own_needs(pipeline, today):
    s = pipeline_report(ReportFilters(), pipeline.staff_a, today).summary
    mine = [n for n in pipeline.needs.values() if n.owner == pipeline.staff_a]
    assert s.open_needs == sum(1 for n in mine if n.stage in ACTIVE_STAGES)
    assert s.won == len([n for n in _closed_this_year(pipeline, today, Stage.WON) if n in mine])
    assert s.overdue_followups == 1  # n1's, assigned to staff_a; n7 is staff_b's need


def test_summary_opens_the_page_and_each_figure_lists_its_records(client, pipeline, today):
    log_in_as(client, pipeline.manager)
    page = client.get("/reports/pipeline").text
    assert page.index('id="h-summary"') < page.index('id="h-funnel"')
    s = pipeline_report(ReportFilters(), pipeline.manager, today).summary
    href, text = _figure(page, "open-pipeline")
    assert href == "/needs/?state=open" and text.startswith("CN¥")
    assert listed(client, href) == s.open_needs
    href, text = _figure(page, "won-this-year")
    assert int(text) == s.won == listed(client, href)
    assert f"moved_from={today.year}-01-01" in href and "stage=won" in href
    href, text = _figure(page, "win-rate")
    assert "state=closed" in href and listed(client, href) == s.won + s.lost
    href, text = _figure(page, "overdue-followups")
    assert href.startswith("/followups/?") and "overdue=1" in href and "on_needs=1" in href
    assert int(text) == listed(client, href) == 2


def test_win_rate_says_so_when_nothing_was_closed_this_year(client, login, make):
    login("manager")
    make.need(stage=Stage.WON, stage_changed_at=noon_days_ago(400))
    db.session.commit()
    page = client.get("/reports/pipeline").text
    assert _figure(page, "win-rate")[1] == "—"
    assert _figure(page, "won-this-year")[1] == "0"
    assert "No need won or lost yet this year." in page


def test_summary_follows_the_reports_filters(client, pipeline):
    log_in_as(client, pipeline.manager)
    thuringia = pipeline.things["thuringia"].id
    page = client.get("/reports/pipeline", query_string={"delegation_id": thuringia}).text
    href, _text = _figure(page, "open-pipeline")
    assert f"delegation_id={thuringia}" in href
    # n1 (talks, EUR 1,000,000) and n7 (negotiation, EUR 250,000) are Thuringia's open needs.
    assert listed(client, href) == 2
    assert 'title="CN¥9,750,000.00"' in page


@pytest.mark.parametrize(
    ("state", "stages", "chip"),
    [("open", ACTIVE_STAGES, "Active needs"),
     ("closed", (Stage.WON, Stage.LOST), "Closed needs (won or lost)")],
)  # fmt: skip
def test_needs_list_state_filter_lists_those_needs_with_a_chip(client, pipeline, state, stages,
                                                               chip):  # fmt: skip
    log_in_as(client, pipeline.manager)
    page = client.get("/needs/", query_string={"state": state}).text
    expected = {n.title for n in pipeline.needs.values() if n.stage in stages}
    shown = {t for t in re.findall(r">(Need n\d)<", page)}
    assert shown == expected
    assert chip in page


def test_unknown_state_is_ignored(client, pipeline):
    log_in_as(client, pipeline.manager)
    assert listed(client, "/needs/?state=everything") == len(pipeline.needs)


def test_overdue_counts_only_days_before_today(pipeline, today, make):
    make.followup(pipeline.staff_b, need=pipeline.needs["n2"], due_date=today)
    make.followup(pipeline.staff_b, need=pipeline.needs["n2"], due_date=today - timedelta(1))
    db.session.commit()
    s = pipeline_report(ReportFilters(), pipeline.manager, today).summary
    assert s.overdue_followups == 3
