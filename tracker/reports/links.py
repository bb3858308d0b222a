"""Drill-down links: the list behind a figure, with the report's filters plus the figure's own."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from flask import url_for

from tracker.chips import NEED_PREFIX
from tracker.needs.services import NeedFilters


def needs_url(base: NeedFilters, drill: dict) -> str:
    """The needs list with the report's filters and the figure's additions."""
    return url_for("needs.list", **replace(base, **drill).to_args())


def followups_url(base: NeedFilters, drill: dict) -> str:
    """The follow-ups list: follow-ups on the report's needs, with the figure's additions."""
    args = {NEED_PREFIX + key: value for key, value in base.to_args().items()}
    args["on_needs"] = "1"
    for key, value in drill.items():
        args[key] = value.isoformat() if isinstance(value, date) else str(value)
    return url_for("followups.list", **args)


TALK_DRILL = ("held_from", "held_to")


def talks_url(base: NeedFilters, drill: dict) -> str:
    """The talks list: held talks within the figure's days, on the report's needs."""
    args = {NEED_PREFIX + key: value for key, value in base.to_args().items()}
    args.update(on_needs="1", status="held")
    for key, value in drill.items():
        args[key] = value.isoformat() if isinstance(value, date) else str(value)
    return url_for("talks.list", **args)


def trend_url(base: NeedFilters, drill: dict) -> str:
    """A monthly trend figure's list: the talks list for the talks series, else the needs."""
    if any(key in drill for key in TALK_DRILL):
        return talks_url(base, drill)
    return needs_url(base, drill)


def hrefs(url_of: Callable[[NeedFilters, dict], str], base: NeedFilters) -> Callable[[dict], str]:
    """url_of for the report's needs, each link built once: the page shows every figure twice
    (chart and table), up to thousands of links with one bar per delegation."""
    built: dict[tuple, str] = {}

    def href(drill: dict) -> str:
        key = tuple(drill.items())
        if key not in built:
            built[key] = url_of(base, drill)
        return built[key]

    return href
