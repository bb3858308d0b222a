"""Template filters and globals: dates, countries and labels in the interface language."""

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_skeleton
from babel.numbers import format_compact_currency
from flask import Flask, g, render_template, request, url_for
from flask_babel import (
    format_currency,
    format_decimal,
    format_percent,
    get_locale,
    to_user_timezone,
)
from flask_login import current_user
from markupsafe import Markup

from tracker.followups.services import followup_badge
from tracker.i18n import (
    LANGUAGE_NAMES,
    country_choices,
    country_name,
    current_locale,
    format_clock,
    format_day,
    format_locale,
    format_moment,
    format_span,
)
from tracker.regions import origin_label, region_label
from tracker.stored_text import shown


def register(app: Flask) -> None:
    """Install the filters and globals."""
    app.jinja_env.filters["date"] = _date
    app.jinja_env.filters["datetime"] = _datetime
    app.jinja_env.filters["country"] = country_name
    app.jinja_env.filters["region"] = region_label
    app.jinja_env.filters["time"] = _time
    app.jinja_env.filters["span"] = _span
    app.jinja_env.filters["month"] = _month
    app.jinja_env.filters["currency"] = format_currency
    app.jinja_env.filters["compact_currency"] = _compact_currency
    app.jinja_env.filters["number"] = _number
    app.jinja_env.filters["percent"] = _percent
    app.jinja_env.filters["stored"] = shown  # notes and reasons the app wrote, reworded
    app.jinja_env.globals["url_with"] = url_with
    app.jinja_env.globals["url_pattern"] = url_pattern
    app.jinja_env.globals["url_with_pattern"] = url_with_pattern
    app.jinja_env.globals["LANGUAGE_NAMES"] = LANGUAGE_NAMES
    app.jinja_env.globals["country_choices"] = country_choices
    app.jinja_env.globals["origin"] = origin_label  # "Germany / Thuringia"
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["followup_badge"] = _followup_badge
    app.jinja_env.globals["fragment"] = _fragments(app)


# Each language writes days and times one way (tracker.i18n.format_day ...): the filters take
# no format. A format given by a template written before is ignored.


def _date(value: date | None, _format: str | None = None, weekday: bool = False) -> str:
    """A day as the user's language writes it (10 Nov 2026); a day heading with its weekday.
    Days go to Babel directly and are kept: Flask-Babel's format_date looks the app, the
    locale and the format table up again for each one. A datetime first moves to the user's
    zone."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return format_day(value, current_locale(), weekday)


def _datetime(value: datetime | None, _format: str | None = None) -> str:
    """Stored UTC, shown in the commission's time zone: 10 Nov 2026, 09:30."""
    return format_moment(to_user_timezone(value), current_locale()) if value else ""


def _span(start: datetime | None, end: datetime | None, with_day: bool = True) -> str:
    """A talk's or meeting's time, stored UTC, in the commission's zone, its day named once
    (tracker.i18n.format_span); with_day=False under a heading that names the day."""
    if not start:
        return ""
    start = to_user_timezone(start)
    if not end:
        return format_moment(start, current_locale())
    return format_span(start, to_user_timezone(end), current_locale(), with_day)


def _time(value: time | None, _format: str | None = None) -> str:
    """A wall-clock time as it was entered (no time-zone conversion): 14:30."""
    return format_clock(value, current_locale()) if value is not None else ""


def _month(value: date | None, skeleton: str = "yMMM") -> str:
    """A month in the user's locale: May 2026, Mai 2026, 2026年5月 (yM: 5/2026 ... 2026/5)."""
    return format_skeleton(skeleton, value, locale=current_locale() or "en") if value else ""


def _number(value: int | float | Decimal | None, digits: int | None = None) -> str:
    """Grouped digits in the user's locale (12,500 / 12.500); digits fixes the decimals."""
    if value is None:
        return ""
    return format_decimal(value, f"#,##0.{'0' * digits}" if digits else None)


def _compact_currency(value: int | float | Decimal | None, currency: str) -> str:
    """An amount to a tenth of its order for a narrow place: CN¥12.5m, 12,5 Mio. CN¥, ¥1250万."""
    if value is None:
        return ""
    return format_compact_currency(value, currency, locale=format_locale(), fraction_digits=1)


def _percent(value: float | Decimal | None) -> str:
    """A share (0.25) as a whole percentage in the user's locale: 25%, 25 %."""
    return format_percent(value) if value is not None else ""


def _followup_badge():
    """The current user's open and unseen follow-up counts for the nav badge (one query)."""
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
