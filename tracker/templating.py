"""Template filters and globals: dates, countries and labels in the interface language."""

from datetime import date, datetime

from flask import Flask, request, url_for
from flask_babel import format_currency, format_date, format_datetime, get_locale
from flask_login import current_user

from tracker.i18n import LANGUAGE_NAMES, country_name


def register(app: Flask) -> None:
    """Install the filters and globals."""
    app.jinja_env.filters["date"] = _date
    app.jinja_env.filters["datetime"] = _datetime
    app.jinja_env.filters["country"] = country_name
    app.jinja_env.filters["currency"] = format_currency
    app.jinja_env.globals["url_with"] = url_with
    app.jinja_env.globals["LANGUAGE_NAMES"] = LANGUAGE_NAMES
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["followup_badge"] = _followup_badge


def _date(value: date | None, fmt: str = "medium") -> str:
    return format_date(value, fmt) if value else ""


def _datetime(value: datetime | None, fmt: str = "medium") -> str:
    """Stored UTC, shown in the commission's time zone."""
    return format_datetime(value, fmt) if value else ""


def _followup_badge():
    """The current user's open and unseen follow-up counts for the nav badge (one query)."""
    from tracker.followups.services import followup_badge

    return followup_badge(current_user)


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
