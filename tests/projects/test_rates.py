"""The exchange-rates page: the dated quotes, a rate from a past day, and today's rates, each
converting the capital of their days again."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from tests.projects.helpers import pay, project, quote
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Currency, Instalment, RateQuote
from tracker.reports.services import set_rates


def test_a_rate_from_a_date_converts_the_capital_of_that_period(client, login, make):
    manager = login("manager")
    quote("EUR", date(2026, 1, 1), "7.5")
    paid = pay(project(manager), manager, date(2026, 3, 10), "100", "EUR")
    db.session.commit()
    data = {"currency": "EUR", "effective_on": "2026-03-01", "rate": "7.9"}
    response = client.post("/reports/rates/from-a-date", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Instalment, paid.id).amount_cny == Decimal("790.00")
    page = client.get("/reports/rates").text
    assert "Rate history" in page and "7.9" in page


def test_a_rate_in_the_future_is_refused(client, login, make):
    login("manager")
    data = {"currency": "EUR", "effective_on": "2999-01-01", "rate": "7.9"}
    response = client.post("/reports/rates/from-a-date", data=data)
    assert response.status_code == 200 and "in the future" in response.text
    assert db.session.scalar(select(RateQuote)) is None


def test_staff_may_not_give_rates(client, login):
    login("staff")
    data = {"currency": "EUR", "effective_on": "2026-01-01", "rate": "7.9"}
    assert client.post("/reports/rates/from-a-date", data=data).status_code == 403


def test_todays_rates_convert_todays_capital_again(app, make):
    manager = make.user(role="manager")
    today = local_today()
    quote("USD", date(2020, 1, 1), "6.5")
    paid = pay(project(manager), manager, today, "10", "USD")
    set_rates({Currency.USD: Decimal("7.25"), Currency.EUR: None}, by=manager)
    assert paid.rate_to_cny == Decimal("7.25") and paid.amount_cny == Decimal("72.50")
