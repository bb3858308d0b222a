"""Pipeline report tables export with the report's filters; staff only get their own figures."""

from decimal import Decimal

import pytest
from flask import url_for

from tests.conftest import PASSWORD, log_in_as
from tests.exports.helpers import CSV_TYPE, XLSX_TYPE, column, formula_cells, read_rows
from tracker.extensions import db
from tracker.models import FollowUpStatus, Role, Stage
from tracker.reports.exports import TABLES

FORMATS = ("csv", "xlsx")


@pytest.fixture
def world(make):
    """Two colleagues' needs, each raised during another delegation, and a manager."""
    anna = make.user(display_name="Anna Größe", role=Role.STAFF, password=PASSWORD)
    bo = make.user(display_name="=Bo 王", role=Role.STAFF, password=PASSWORD)
    manager = make.user(role=Role.MANAGER, password=PASSWORD)
    erfurt = make.delegation(title="Erfurt Wirtschaftsförderung 代表团", origin_region="Thüringen")
    other = make.delegation(title="Other visit")
    mine = make.need(title="Mine", owner=anna, delegation=erfurt, currency="EUR",
                     estimated_investment=Decimal("2500000.00"), expected_jobs=40)  # fmt: skip
    make.need(title="Theirs", owner=bo, delegation=other, stage=Stage.LOST)
    make.followup(anna, need=mine, status=FollowUpStatus.OPEN)
    make.exchange_rate("EUR", Decimal("7.8"))
    db.session.commit()
    return {"anna": anna, "bo": bo, "manager": manager, "erfurt": erfurt}


def _export(client, table, fmt="csv", **args):
    return client.get(url_for("reports.export", table=table, fmt=fmt, **args))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_exports(client, world, table, fmt):
    log_in_as(client, world["manager"])
    response = _export(client, table, fmt)
    assert response.status_code == 200
    assert response.is_streamed
    assert response.headers["Content-Type"] == (CSV_TYPE if fmt == "csv" else XLSX_TYPE)
    assert f"pipeline-{table}-" in response.headers["Content-Disposition"]
    rows = read_rows(response, fmt)
    assert rows[0] and all(rows[0])
    if fmt == "xlsx":
        assert formula_cells(response) == []


def test_staff_cannot_export_a_colleagues_figures(client, world):
    log_in_as(client, world["anna"])
    rows = read_rows(_export(client, "owner", owner_id=world["bo"].id), "csv")
    assert column(rows, "Owner") == ["Anna Größe"]
    funnel = read_rows(_export(client, "funnel", "xlsx", owner_id=world["bo"].id), "xlsx")
    assert sum(column(funnel, "Needs")) == 1


def test_manager_exports_everyone_with_names_neutralised(client, world):
    log_in_as(client, world["manager"])
    rows = read_rows(_export(client, "owner", "xlsx"), "xlsx")
    assert set(column(rows, "Owner")) == {"Anna Größe", "'=Bo 王"}


def test_report_filters_are_honoured(client, world):
    log_in_as(client, world["manager"])
    rows = read_rows(_export(client, "delegation", delegation_id=world["erfurt"].id), "csv")
    assert column(rows, "Delegation") == ["Erfurt Wirtschaftsförderung 代表团 (2026-05)"]
    regions = read_rows(_export(client, "region", delegation_id=world["erfurt"].id), "csv")
    assert column(regions, "Origin region") == ["Thüringen"]


def test_money_is_exported_as_numbers(client, world):
    log_in_as(client, world["manager"])
    rows = read_rows(_export(client, "money", "xlsx"), "xlsx")
    eur = next(row for row in rows if row[1] == "EUR")
    assert eur[0] == "New" and eur[3] == 2500000 and eur[4] == 19500000 and eur[5] == 40


def test_trend_has_a_column_per_series(client, world):
    log_in_as(client, world["manager"])
    header = read_rows(_export(client, "trend", date_from="2026-01-01", date_to="2026-03-31"),
                       "csv")[0]  # fmt: skip
    assert header == ["Month", "New needs", "Won", "Lost", "Talks held"]


def test_unknown_table_is_404(client, world):
    log_in_as(client, world["manager"])
    assert _export(client, "nonsense").status_code == 404


@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymous_is_sent_to_login(client, fmt):
    response = client.get(url_for("reports.export", table="funnel", fmt=fmt))
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_report_page_links_exports_with_its_filters(client, world):
    log_in_as(client, world["manager"])
    page = client.get(f"/reports/pipeline?delegation_id={world['erfurt'].id}").text
    for table in TABLES:
        assert f"/reports/pipeline/export/{table}.csv?delegation_id={world['erfurt'].id}" in page


def test_followups_table_counts_open_ones(client, world):
    log_in_as(client, world["anna"])
    rows = read_rows(_export(client, "followups"), "csv")
    assert rows[1] == ["Anna Größe", "1", "0"]


@pytest.mark.parametrize("date_to", ["2025-03-01", "9999-12-31", "nonsense", "0001-01-01"])
def test_odd_dates_do_not_break_the_export(client, world, date_to):
    log_in_as(client, world["anna"])
    assert _export(client, "done", date_from="2025-01-01", date_to=date_to).status_code == 200
