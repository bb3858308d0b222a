"""The matches list page and its export (registered on the matchmaking blueprint)."""

from flask import render_template, request
from sqlalchemy import Select

from tracker.exports import send_table, stream_rows
from tracker.lookup.services import filter_options
from tracker.matchmaking import exports, listing
from tracker.models import MatchStatus
from tracker.numbers import parse_id
from tracker.pagination import allowed_sort, paginate_ids_first
from tracker.security import require

STATUS_VALUES = {s.value for s in MatchStatus}
FILTER_KEYS = ("q", "status", "delegation_id", "partner_id")


def _list_query() -> tuple[dict, str, Select]:
    """The filters (each from an allow-list or typed), the sort and the statement."""
    args = request.args
    status = args.get("status")
    filters = {
        "q": args.get("q", "")[:200].strip(),
        "status": status if status in STATUS_VALUES else "",
        "delegation_id": parse_id(args.get("delegation_id")),
        "partner_id": parse_id(args.get("partner_id")),
    }
    sort = allowed_sort(args.get("sort", ""), listing.SORTS, listing.DEFAULT_SORT)
    stmt = listing.list_matches(
        query=filters["q"],
        status=MatchStatus(filters["status"]) if filters["status"] else None,
        delegation_id=filters["delegation_id"],
        partner_id=filters["partner_id"],
        sort=sort,
    )
    return filters, sort, stmt


@require("record.view")
def matches():
    """Every match of a need with a local partner, with filters, sorting and pages."""
    filters, sort, stmt = _list_query()
    page = paginate_ids_first(stmt)
    return render_template(
        "matchmaking/matches.html", page=page, filters=filters, sort=sort,
        filtered=any(filters.values()), statuses=[(s.value, s.label) for s in MatchStatus],
        delegations=filter_options("delegations", filters["delegation_id"]),
        partners=filter_options("organisations", filters["partner_id"], local=True),
    )  # fmt: skip


@require("record.view")
def export_matches(fmt: str):
    """The matches list as CSV or XLSX, with the page's filters and sort."""
    return send_table(fmt, "matches", exports.COLUMNS, stream_rows(_list_query()[2]))
