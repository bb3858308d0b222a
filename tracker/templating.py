"""Template filters and globals: dates, countries and labels in the interface language."""

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from flask import Flask, g, render_template, request, url_for
from flask_babel import (
    format_currency,
    format_datetime,
    format_decimal,
    format_percent,
    format_time,
    get_locale,
    to_user_timezone,
)
from flask_login import current_user
from markupsafe import Markup

from tracker.i18n import LANGUAGE_NAMES, country_choices, country_name, current_locale


def register(app: Flask) -> None:
    """Install the filters and globals."""
    app.jinja_env.filters["date"] = _date
    app.jinja_env.filters["datetime"] = _datetime
    app.jinja_env.filters["country"] = country_name
    app.jinja_env.filters["time"] = _time
    app.jinja_env.filters["month"] = _month
    app.jinja_env.filters["currency"] = format_currency
    app.jinja_env.filters["number"] = _number
    app.jinja_env.filters["percent"] = _percent
    app.jinja_env.globals["url_with"] = url_with
    app.jinja_env.globals["url_pattern"] = url_pattern
    app.jinja_env.globals["url_with_pattern"] = url_with_pattern
    app.jinja_env.globals["LANGUAGE_NAMES"] = LANGUAGE_NAMES
    app.jinja_env.globals["country_choices"] = country_choices
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["followup_badge"] = _followup_badge
    app.jinja_env.globals["fragment"] = _fragments(app)


def _date(value: date | None, fmt: str = "medium") -> str:
    """A day in the user's locale. Days go to Babel directly: Flask-Babel's format_date looks
    the app, the locale and the format table up again for each one, a list's dozens of dates
    cost about as much as the rest of its rows. A datetime first moves to the user's zone."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return _format_day(value, fmt, current_locale())


@lru_cache(maxsize=4096)
def _format_day(day: date, fmt: str, locale) -> str:
    # A list shows the same few days again and again (a visit's dates, this week's due dates).
    return babel_format_date(day, fmt, locale=locale)


def _datetime(value: datetime | None, fmt: str = "medium") -> str:
    """Stored UTC, shown in the commission's time zone."""
    return format_datetime(value, fmt) if value else ""


def _time(value: time | None, fmt: str = "short") -> str:
    """A wall-clock time as it was entered (no time-zone conversion): 14:30, 2:30 PM."""
    return format_time(value, fmt, rebase=False) if value is not None else ""


def _month(value: date | None, skeleton: str = "yMMM") -> str:
    """A month in the user's locale: May 2026, Mai 2026, 2026年5月 (yM: 5/2026 ... 2026/5)."""
    return format_skeleton(skeleton, value, locale=current_locale() or "en") if value else ""


def _number(value: int | float | Decimal | None, digits: int | None = None) -> str:
    """Grouped digits in the user's locale (12,500 / 12.500); digits fixes the decimals."""
    if value is None:
        return ""
    return format_decimal(value, f"#,##0.{'0' * digits}" if digits else None)


def _percent(value: float | Decimal | None) -> str:
    """A share (0.25) as a whole percentage in the user's locale: 25%, 25 %."""
    return format_percent(value) if value is not None else ""


def _followup_badge():
    """The current user's open and unseen follow-up counts for the nav badge (one query)."""
    from tracker.followups.services import followup_badge

    return followup_badge(current_user)


def _fragments(app: Flask) -> Callable[..., Markup]:
    """fragment(name, **key): templates/fragments/<name>.html drawn with key as its variables,
    once per app for each key, language and root path (each is drawn again when the templates
    reload, in debug). For the parts of base.html that every page repeats and that depend on
    little (the style sheets and scripts, the main navigation's links): drawn on each page they
    cost it some 50 url_for and gettext calls."""

    @lru_cache(maxsize=2048)
    def draw(name: str, _language: str, _root: str, key: tuple) -> Markup:
        # The template escapes what it shows: its output is markup already.
        return Markup(render_template(f"fragments/{name}.html", **dict(key)))  # noqa: S704  # nosec B704

    def fragment(name: str, **key) -> Markup:
        if app.jinja_env.auto_reload:
            draw.cache_clear()
        return draw(name, str(current_locale()), request.script_root, tuple(sorted(key.items())))

    return fragment


def url_with(_endpoint: str | None = None, **changes) -> str:
    """The current URL (or _endpoint) keeping the query's filters, with some arguments changed;
    a change to None removes that argument."""
    args = request.args.to_dict()
    args.update({k: v for k, v in changes.items() if v is not None})
    for key in [k for k, v in changes.items() if v is None]:
        args.pop(key, None)
    if _endpoint is not None:
        return url_for(_endpoint, **args)
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def url_pattern(endpoint: str, key: str, **values) -> "UrlPattern":
    """The URLs of endpoint for many values of key (the other arguments fixed), built once per
    request: a macro drawn once per row can ask for it each time."""
    patterns = g.setdefault("url_patterns", {})
    memo = (endpoint, key, *sorted(values.items()))
    if (pattern := patterns.get(memo)) is None:
        url = url_for(endpoint, **values, **{key: UrlPattern.MARK})
        pattern = patterns[memo] = UrlPattern(url, "{}")
    return pattern


def url_with_pattern(key: str) -> "UrlPattern":
    """url_with(key=…) for many whole numbers (a list's page links), built once."""
    return UrlPattern(url_with(**{key: UrlPattern.MARK}), f"{key}={{}}")


class UrlPattern:
    """A route's URL built once for a page that links many records of one kind: building each
    with url_for cost the board (two links a card) about 5 ms.

    `{% set detail = url_pattern('needs.detail', 'need_id') %}` then `detail.fill(need.id)`.
    """

    # Stands in for the number while the URL is built: no id comes near it (ids are 32-bit), so
    # an argument kept fixed never holds these digits.
    MARK = 2**62

    def __init__(self, url: str, spot: str):
        """url, built with MARK where the number goes; spot is how MARK shows in it ("{}" in a
        path, "page={}" in a query string, where a filter's value may hold the digits too)."""
        head, _mark, self.tail = url.partition(spot.format(self.MARK))
        self.head = head + spot.split("{}")[0]

    def fill(self, value: int) -> str:
        """The URL with this id."""
        return f"{self.head}{int(value)}{self.tail}"
