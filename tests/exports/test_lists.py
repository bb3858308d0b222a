"""Every list exports to CSV and XLSX with the page's filters, streamed, formulas neutralised."""

import pytest
from flask import url_for

from tests.exports.cases import CASES, DROPPED, FORMULA, UNICODE
from tests.exports.helpers import BOM, CSV_TYPE, XLSX_TYPE, column, formula_cells, read_rows
from tracker.extensions import db

FORMATS = ("csv", "xlsx")


@pytest.fixture(params=list(CASES))
def case(request):
    return CASES[request.param]


def _export(client, case, fmt, args):
    return client.get(url_for(case.endpoint, fmt=fmt, **args))


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_keeps_filters_and_text(client, login, case, fmt):
    args = case.build(3)
    db.session.commit()
    login("staff")
    response = _export(client, case, fmt, args)
    assert response.status_code == 200
    assert response.is_streamed
    assert response.headers["Content-Type"] == (CSV_TYPE if fmt == "csv" else XLSX_TYPE)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment") and f".{fmt}" in disposition
    rows = read_rows(response, fmt)
    names = column(rows, case.header)
    assert rows[0][0] == case.header
    assert UNICODE in names
    assert DROPPED not in names
    assert "'" + FORMULA in names and FORMULA not in names
    assert len(rows) == 4


def test_csv_starts_with_a_byte_order_mark(client, login):
    args = CASES["people"].build(1)
    db.session.commit()
    login("staff")
    response = _export(client, CASES["people"], "csv", args)
    assert response.get_data().startswith(BOM)
    assert "'+49 361 1" in response.get_data().decode("utf-8-sig")


def test_xlsx_has_no_formula_cells(client, login, case):
    args = case.build(3)
    db.session.commit()
    login("staff")
    assert formula_cells(_export(client, case, "xlsx", args)) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_query_count_does_not_grow_with_rows(client, login, count_queries, case, fmt):
    login("staff")
    counts = []
    for n in (3, 30):
        args = case.build(n)
        db.session.commit()
        with count_queries() as sql:
            response = _export(client, case, fmt, args)
            response.get_data()
        assert response.status_code == 200
        counts.append(len(sql))
        db.session.rollback()
    assert counts[0] == counts[1]


def test_export_follows_the_list_sort(client, login):
    CASES["delegations"].build(3)
    db.session.commit()
    login("staff")
    rows = read_rows(
        _export(client, CASES["delegations"], "csv", {"status": "planned", "sort": "-title"}), "csv"
    )
    titles = column(rows, "Title")
    assert titles == sorted(titles, reverse=True)


def test_needs_export_has_money_as_numbers_and_labels(client, login):
    CASES["needs"].build(1)
    db.session.commit()
    login("staff")
    rows = read_rows(_export(client, CASES["needs"], "xlsx", {}), "xlsx")
    assert 1500.5 in column(rows, "Estimated investment")
    assert set(column(rows, "Stage")) == {"New", "Won"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymous_is_sent_to_login(client, case, fmt):
    response = client.get(url_for(case.endpoint, fmt=fmt))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_unknown_format_is_404(client, login):
    login("staff")
    assert client.get("/delegations/export.pdf").status_code == 404


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-02-30", "x"])
def test_odd_dates_in_the_needs_filters_do_not_break_the_export(client, login, day):
    login("staff")
    url = url_for("needs.export", fmt="csv", created_from=day, created_to=day, moved_to=day)
    assert client.get(url).status_code == 200
