"""The pipeline report's filters read from a query string: the page, its downloads and the JSON
API read them here."""

from werkzeug.datastructures import MultiDict

from tracker.dates import parse_date
from tracker.models import Stage
from tracker.numbers import parse_id
from tracker.reports.services import ReportFilters


def parse_report_filters(args: MultiDict) -> ReportFilters:
    """The report filters from the query string; unknown or malformed values are ignored."""
    dates = args.get("dates", "created")
    origin = (args.get("origin") or "").upper()
    return ReportFilters(
        date_from=parse_date(args.get("date_from")),
        date_to=parse_date(args.get("date_to")),
        dates=dates if dates in Stage._value2member_map_ else "created",
        delegation_id=parse_id(args.get("delegation_id")),
        origin=origin if len(origin) == 2 and origin.isalpha() else None,
        key_industry_id=parse_id(args.get("key_industry_id")),
        category_id=parse_id(args.get("category_id")),
        owner_id=parse_id(args.get("owner_id")),
    )
