"""Dates, times, numbers and amounts follow the interface language (CLDR via Babel)."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from flask_babel import force_locale

from tracker.extensions import db
from tracker.models import Currency

NBSP = "\u00a0"
EXPECTED = {
    "zh": {
        "date": "2026年5月4日",
        "datetime": "2026年5月5日 00:30",
        "time": "14:30",
        "eur": "€1,250,000.50",
        "cny": "¥98,000.00",
        "number": "12,500",
        "one_decimal": "3.3",
        "percent": "25%",
        "month": "2026年5月",
    },
    "de": {
        "date": "4. Mai 2026",
        "datetime": "5. Mai 2026, 00:30",
        "time": "14:30",
        "eur": f"1.250.000,50{NBSP}€",
        "cny": f"98.000,00{NBSP}CN¥",
        "number": "12.500",
        "one_decimal": "3,3",
        "percent": f"25{NBSP}%",
        "month": "Mai 2026",
    },
    "en": {
        "date": "4 May 2026",
        "datetime": "5 May 2026, 00:30",
        "time": "14:30",
        "eur": "€1,250,000.50",
        "cny": "CN¥98,000.00",
        "number": "12,500",
        "one_decimal": "3.3",
        "percent": "25%",
        "month": "May 2026",
    },
}


@pytest.mark.parametrize("language", EXPECTED)
def test_filters_format_for_the_locale(app, language):
    """The template filters; a stored UTC time is shown in the commission's zone (UTC+8)."""
    f = app.jinja_env.filters
    with app.test_request_context(), force_locale(language):
        shown = {
            "date": f["date"](date(2026, 5, 4)),
            "datetime": f["datetime"](datetime(2026, 5, 4, 16, 30)),  # naive UTC
            "time": f["time"](time(14, 30)),  # a wall-clock time, not converted
            "eur": f["currency"](Decimal("1250000.50"), "EUR"),
            "cny": f["currency"](Decimal("98000"), "CNY"),
            "number": f["number"](12500),
            "one_decimal": f["number"](3.26, 1),
            "percent": f["percent"](0.254),
            "month": f["month"](date(2026, 5, 1)),
        }
    assert shown == EXPECTED[language]


@pytest.mark.parametrize("language", EXPECTED)
def test_need_page_shows_amount_and_space_in_the_users_format(client, login, make, language):
    """A need's estimated investment and space asked, as the user's locale writes them."""
    login(language=language)
    need = make.need(
        estimated_investment=Decimal("1250000.50"), currency=Currency.EUR, area_m2_asked=12500
    )
    db.session.commit()
    page = client.get(f"/needs/{need.id}").text
    expected = EXPECTED[language]
    assert expected["eur"] in page
    assert expected["number"] in page


@pytest.mark.parametrize("value", [None, ""])
def test_empty_values_show_nothing(app, value):
    """Missing dates and numbers render as empty text, never 'None'."""
    f = app.jinja_env.filters
    with app.test_request_context():
        names = ("date", "datetime", "time", "month", "number", "percent")
        assert [f[name](value or None) for name in names] == [""] * len(names)


def test_template_labels_follow_a_forced_locale_and_come_back(app):
    """Templates look the catalogue up once per locale; a forced locale must still switch it."""
    label = app.jinja_env.from_string("{{ _('Follow-ups') }}")
    with app.app_context(), app.test_request_context("/", headers={"Accept-Language": "de"}):
        assert label.render() == "Wiedervorlagen"
        with force_locale("zh"):
            assert label.render() == "跟进"
        assert label.render() == "Wiedervorlagen"
    with app.app_context(), app.test_request_context("/", headers={"Accept-Language": "zh"}):
        assert label.render() == "跟进"  # a new request (its own app context, as in production)


def test_days_and_countries_follow_a_forced_locale_and_come_back(app):
    """Days and country names read the request's locale through tracker.i18n.current_locale,
    which must see a forced locale as Flask-Babel's get_locale does."""
    shown = app.jinja_env.from_string("{{ day|date }} {{ code|country }}")
    day, code = date(2026, 5, 4), "DE"
    with app.app_context(), app.test_request_context("/", headers={"Accept-Language": "de"}):
        assert shown.render(day=day, code=code) == "4. Mai 2026 Deutschland"
        with force_locale("zh"):
            assert shown.render(day=day, code=code) == "2026年5月4日 德国"
        assert shown.render(day=day, code=code) == "4. Mai 2026 Deutschland"
    with app.app_context(), app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert shown.render(day=day, code=code) == "4 May 2026 Germany"
