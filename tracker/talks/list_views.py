"""The talks list page and its export (registered on the talks blueprint)."""

from flask import render_template, request
from flask_babel import gettext as _
from sqlalchemy import Select

from tracker.exports import send_table, stream_rows
from tracker.followups.chips import on_needs_chips
from tracker.i18n import local_today
from tracker.lookup.services import filter_options
from tracker.pagination import allowed_sort, paginate
from tracker.security import require
from tracker.talks import exports, listing
from tracker.talks.filters import talk_filters


def _list_query() -> tuple[listing.TalkFilters, str, Select]:
    """The filters (allow-listed or typed), the sort and the statement, from the query string."""
    args = request.args
    filters = talk_filters(args, local_today())
    sort = allowed_sort(args.get("sort", ""), listing.SORTS, listing.DEFAULT_SORT)
    return filters, sort, listing.list_talks(filters, sort)


@require("record.view")
def list_talks():
    """Talks with filters (held_from/held_to: local start days), sorting and pages."""
    filters, sort, stmt = _list_query()
    page = paginate(stmt)
    return render_template(
        "talks/list.html", page=page, filters=filters, sort=sort, statuses=listing.STATUSES,
        delegations=filter_options("delegations", filters.delegation_id),
        chips=on_needs_chips(request.args, local_today(), _("Talks on needs only")),
    )  # fmt: skip


@require("record.view")
def export_talks(fmt: str):
    """The talks list as CSV or XLSX, with the page's filters and sort."""
    return send_table(fmt, "talks", exports.COLUMNS, stream_rows(_list_query()[2]))
