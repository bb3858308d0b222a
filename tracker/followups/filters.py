"""The follow-ups list's filters read from a query string: the page, its export and the JSON
API read them here."""

from datetime import date

from sqlalchemy import Select, select
from werkzeug.datastructures import MultiDict

from tracker.dates import parse_date
from tracker.followups.chips import drill_need_filters
from tracker.models import FollowUpStatus, Need
from tracker.needs.services import filtered
from tracker.numbers import parse_id

STATUS_VALUES = {s.value for s in FollowUpStatus}


def list_filters(args: MultiDict, today: date) -> dict:
    """The list filters from the query string, each from an allow-list or typed."""
    status = args.get("status")
    return {
        "assignee_id": parse_id(args.get("assignee_id")),
        "status": status if status in STATUS_VALUES else None,
        "overdue": args.get("overdue") == "1",
        "need_id": parse_id(args.get("need_id")),
        "due_from": parse_date(args.get("due_from")),
        "due_to": parse_date(args.get("due_to")),
        "completed_from": parse_date(args.get("completed_from")),
        "completed_to": parse_date(args.get("completed_to")),
        "need_ids": _need_ids(args, today),
        "delegation_id": parse_id(args.get("delegation_id")),
        "organisation_id": parse_id(args.get("organisation_id")),
    }


def _need_ids(args: MultiDict, today: date) -> Select | None:
    """With on_needs=1, the ids of the needs matching the need.* arguments (all needs when
    there are none), else None: follow-ups about organisations and delegations stay in."""
    f = drill_need_filters(args, today)
    return None if f is None else filtered(select(Need.id), f)
