"""The board's column headers: each stage's count and its needs' estimated investment in CNY."""

import re
from datetime import date, datetime
from decimal import Decimal

import pytest

from tracker.extensions import db
from tracker.models import Stage
from tracker.needs.board import ColumnFigures, column_figures
from tracker.needs.loading import parse_filters


def _figures(args: dict | None = None) -> dict[Stage, ColumnFigures]:
    return column_figures(parse_filters(args or {}, date(2026, 11, 25)))


def _header(page: str, stage: str) -> str:
    """The column's header: from its section to its first card or empty note."""
    column = page[page.index(f'data-stage="{stage}"') :]
    return column[: column.index("</h2>") + 400]


def test_a_columns_value_converts_each_currency_at_its_rate(app, make):
    make.exchange_rate("EUR", Decimal("7.8"))
    make.need(estimated_investment=Decimal("1000000"), currency="EUR")
    make.need(estimated_investment=Decimal("2000000"), currency="CNY")
    make.need()  # no amount: counted, adds nothing
    make.need(stage=Stage.TALKS, estimated_investment=Decimal("500"), currency="EUR")
    db.session.commit()
    figures = _figures()
    assert figures[Stage.NEW] == ColumnFigures(3, Decimal("9800000"), partial=False)
    assert figures[Stage.TALKS] == ColumnFigures(1, Decimal("3900"), partial=False)
    assert figures[Stage.WON] == ColumnFigures(0, None, partial=False)


def test_amounts_without_a_rate_are_left_out_and_flag_the_column(app, make):
    make.need(estimated_investment=Decimal("1000"), currency="CNY")
    make.need(estimated_investment=Decimal("1000"), currency="USD")  # USD has no rate here
    make.need(estimated_investment=Decimal("1000"))  # no currency
    db.session.commit()
    assert _figures()[Stage.NEW] == ColumnFigures(3, Decimal("1000"), partial=True)


def test_only_a_column_of_unconvertible_amounts_has_no_value(app, make):
    make.need(estimated_investment=Decimal("1000"), currency="USD")
    db.session.commit()
    assert _figures()[Stage.NEW] == ColumnFigures(1, None, partial=True)


def test_the_values_follow_the_filters_and_leave_deleted_needs_out(app, make):
    owner = make.user()
    make.need(owner=owner, estimated_investment=Decimal("10"), currency="CNY")
    make.need(estimated_investment=Decimal("20"), currency="CNY")
    make.need(estimated_investment=Decimal("40"), currency="CNY", deleted_at=datetime(2026, 11, 1))
    db.session.commit()
    assert _figures()[Stage.NEW].in_cny == Decimal("30")
    assert _figures({"owner_id": str(owner.id)})[Stage.NEW] == ColumnFigures(1, Decimal("10"))


def test_the_board_heads_each_column_with_its_count_and_value_in_cny(client, login, make):
    login()
    make.exchange_rate("EUR", Decimal("7.8"))
    make.need(estimated_investment=Decimal("1000000"), currency="EUR")
    make.need(estimated_investment=Decimal("2000000"), currency="CNY")
    make.need(stage=Stage.WON, estimated_investment=Decimal("5000"), currency="USD")
    db.session.commit()
    page = client.get("/needs/board").text
    new = _header(page, "new")
    assert re.search(r'title="Show all in the list">2<', new)
    assert 'title="CN¥9,800,000.00"' in new and "CN¥9.8m" in new
    assert "Estimated investment in CNY:" in new  # named for screen readers
    # Won is a narrow column that opens without script; its USD amount has no rate.
    won = _header(page, "won")
    assert "<details>" in won and "<summary" in won
    assert re.search(r">1</span></h2>", won)
    assert "—" in won and "Some amounts have no exchange rate" in won


@pytest.mark.parametrize("language", ["de", "zh"])
def test_the_column_values_are_written_in_the_interface_language(client, login, make, language):
    login()
    make.need(estimated_investment=Decimal("12500000"), currency="CNY")
    db.session.commit()
    client.post("/language", data={"language": language, "next": "/"})
    page = client.get("/needs/board").text
    expected = {"de": "12,5\xa0Mio.\xa0CN¥", "zh": "¥1250万"}[language]  # no-break spaces
    assert expected in _header(page, "new")


def test_every_stage_has_a_column_and_the_closed_ones_fold(client, login):
    login()
    page = client.get("/needs/board").text
    for stage in Stage:
        assert f'data-stage="{stage.value}"' in page
    assert page.count("<details>") == sum(not stage.is_active for stage in Stage)
