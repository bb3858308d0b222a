"""Drill-down links: the list behind a figure, with the report's filters plus the figure's own."""

from dataclasses import replace
from datetime import date

from flask import url_for

from tracker.followups.views import NEED_PREFIX
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
