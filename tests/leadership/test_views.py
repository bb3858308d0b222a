"""The report's pages through the test client: who may open them, the drill-down lists behind
every figure, the workbook and the kept figures."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.conftest import log_in_as
from tests.reports.helpers import count_links
from tracker.extensions import db
from tracker.models import Currency, Instalment

QUERY = {"year": "2026", "month": "6"}
TOTAL = re.compile(r'id="records-total">(\d+) records?')


def _manager(client, world):
    log_in_as(client, world["manager"])


def _listed(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return int(TOTAL.search(response.text).group(1))


@pytest.mark.parametrize(
    "url", ["/leadership", "/leadership/records?figure=signed", "/leadership/export.xlsx",
            "/leadership/targets"],
)  # fmt: skip
def test_staff_may_not_open_the_report_or_the_targets(client, world, url):
    log_in_as(client, world["a"])
    assert client.get(url).status_code == 403


def test_report_shows_the_figures(client, world):
    _manager(client, world)
    page = client.get("/leadership", query_string=QUERY).text
    summary = page.split('id="summary"')[1].split("</table>")[0]
    assert "Signed projects" in summary and "30%" in summary and "+200%" in summary
    assert "¥175,000,000.00" in summary and "¥17,000,000.00" in summary
    assert "Robotics" in page and "Officer B" in page and "France" in page
    assert "/agreements/obligations?overdue=1&amp;party=company" in page
    assert 'href="/projects/' in page


def test_every_count_lists_exactly_its_records(client, world):
    _manager(client, world)
    page = client.get("/leadership", query_string=QUERY).text
    links = [(u, n) for u, n in count_links(page) if u.startswith("/leadership/records")]
    assert len(links) > 60
    checked: dict[str, int] = {}
    for url, shown in links:
        if "figure=jobs" in url:  # a sum of the jobs the listed projects promise
            listing = client.get(url).text
            assert re.search(r'id="records-sum">(\d+)<', listing).group(1) == str(shown), url
            continue
        if url not in checked:
            checked[url] = _listed(client, url)
        assert checked[url] == shown, url
    funnel = next(u for u, _n in count_links(page) if u.startswith("/delegations"))
    assert "year=2026" in funnel
    assert "Visit 2026" in client.get(funnel).text and "Visit 2025" not in client.get(funnel).text


def test_a_money_figure_lists_its_projects_and_their_sum(client, world):
    _manager(client, world)
    page = client.get("/leadership/records", query_string={**QUERY, "figure": "contracted"}).text
    assert _listed(client, "/leadership/records?figure=contracted&year=2026&month=6") == 3
    for name in ("P1 robot plant", "P2 optics lab", "P3 secret"):
        assert name in page
    assert "P4" not in page and "P6" not in page and "P8" not in page
    assert "¥175,000,000.00" in page
    assert f'href="/projects/{world["p1"].id}"' in page
    instalments = client.get("/leadership/records", query_string={
        **QUERY, "figure": "in_place", "industry": world["robotics"].id}).text  # fmt: skip
    assert TOTAL.search(instalments).group(1) == "2" and "¥15,000,000.00" in instalments


@pytest.mark.parametrize("query", [{"figure": "nonsense"}, {"figure": "signed", "officer": "x",
                                   "year": "-5", "in_month": "99", "country": "<b>"}])  # fmt: skip
def test_bad_drill_values_never_fail(client, world, query):
    _manager(client, world)
    status = client.get("/leadership/records", query_string=query).status_code
    assert status == (404 if query["figure"] == "nonsense" else 200)


def test_workbook_has_every_sheet_with_numbers(client, world):
    _manager(client, world)
    response = client.get("/leadership/export.xlsx", query_string=QUERY)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Summary", "By month", "By key industry", "By officer",
                               "By country", "Funnel", "Overdue obligations"]  # fmt: skip
    summary = book["Summary"]
    assert "Leadership report 2026" in summary["A1"].value
    assert [c.value for c in summary[3]][:3] == ["Figure", "Target", "Actual, year to date"]
    rows = {row[0]: row[1:] for row in summary.iter_rows(min_row=4, values_only=True)}
    assert rows["Signed projects"][:4] == (10, 3, pytest.approx(0.3), 1)
    assert rows["Contracted investment (CNY)"][1] == 175_000_000
    assert summary["D4"].number_format == "0.0%" and summary["C5"].number_format == "#,##0.00"
    funnel = [r for r in book["Funnel"].iter_rows(min_row=4, values_only=True)]
    assert funnel[0] == ("Delegations", 1)


def test_workbook_in_chinese(client, world, make):
    user = make.user("manager", language="zh")
    db.session.commit()
    log_in_as(client, user)
    book = load_workbook(io.BytesIO(client.get("/leadership/export.xlsx", query_string=QUERY).data))
    assert book.sheetnames[0] == "汇总"
    assert "签约项目数" in [row[0] for row in book["汇总"].iter_rows(min_row=4, values_only=True)]


def test_adding_an_instalment_moves_the_kept_figures(client, world):
    _manager(client, world)
    before = client.get("/leadership", query_string=QUERY).text
    assert "¥17,000,000.00" in before
    db.session.add(Instalment(project_id=world["p2"].id, received_on=date(2026, 6, 1),
                              amount=Decimal(1_000_000), currency=Currency.CNY,
                              rate_to_cny=Decimal(1), amount_cny=Decimal(1_000_000)))  # fmt: skip
    db.session.commit()
    after = client.get("/leadership", query_string=QUERY).text
    assert "¥18,000,000.00" in after


def test_the_nav_offers_the_report_to_managers_only(app, client, world):
    log_in_as(client, world["a"])
    assert "/leadership" not in client.get("/").text
    manager = app.test_client()
    log_in_as(manager, world["manager"])
    assert 'href="/leadership"' in manager.get("/").text


def test_workbook_text_never_runs_as_a_formula(client, world):
    world["optics"].name = '=HYPERLINK("http://x")'
    db.session.commit()
    _manager(client, world)
    book = load_workbook(io.BytesIO(client.get("/leadership/export.xlsx", query_string=QUERY).data))
    labels = [row[0] for row in book["By key industry"].iter_rows(min_row=4, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in labels
    robotics = next(r for r in book["By key industry"].iter_rows(min_row=4, values_only=True)
                    if r[0] == "Robotics")  # fmt: skip
    assert robotics[:3] == ("Robotics", 1, 4)  # signed, its target
