"""The exchange-rate table: managers set it, the report converts with it."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Currency, ExchangeRate
from tracker.reports.forms import CONVERTIBLE, RatesForm


def _rates() -> dict:
    return {r.currency.value: r.rate_to_cny for r in db.session.scalars(select(ExchangeRate))}


def test_staff_cannot_open_the_rates(client, login):
    login("staff")
    assert client.get("/reports/rates").status_code == 403
    assert client.post("/reports/rates", data={"EUR": "7"}).status_code == 403


def test_manager_sets_and_removes_rates(client, login):
    login("manager")
    response = client.post("/reports/rates", data={"EUR": "7.85", "USD": "7.1"})
    assert response.status_code == 302
    assert _rates() == {"EUR": Decimal("7.85"), "USD": Decimal("7.1")}
    client.post("/reports/rates", data={"EUR": "7.9", "USD": ""})
    assert _rates() == {"EUR": Decimal("7.9")}
    page = client.get("/reports/rates").text
    assert 'value="7.900000"' in page


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "Not a valid decimal value"),
        ("0", "Give a rate between"),
        ("-3", "Give a rate between"),
        ("1e12", "Give a rate between"),
    ],
)
def test_bad_rates_are_refused_at_the_field(client, login, value, message):
    login("admin")
    response = client.post("/reports/rates", data={"EUR": value})
    assert response.status_code == 200
    assert message in response.text
    assert _rates() == {}


def test_every_currency_but_cny_has_a_field(app):
    with app.test_request_context():
        form = RatesForm()
    assert {c.value for c in CONVERTIBLE} == set(Currency) - {Currency.CNY}
    for currency in CONVERTIBLE:
        assert currency.value in form
