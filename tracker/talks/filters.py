"""The talks list's filters read from a query string: the page, its export and the JSON API
read them here."""

from datetime import date

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from tracker.dates import parse_date
from tracker.followups.chips import drill_need_filters
from tracker.models import Need
from tracker.needs.services import filtered
from tracker.numbers import parse_id
from tracker.talks import listing


def talk_filters(args: MultiDict, today: date) -> listing.TalkFilters:
    """The filters, each allow-listed or typed."""
    status = args.get("status", "")
    drill = drill_need_filters(args, today)
    return listing.TalkFilters(
        q=args.get("q", "")[:200].strip(),
        status=status if status in listing.STATUSES else "",
        delegation_id=parse_id(args.get("delegation_id")),
        held_from=parse_date(args.get("held_from")),
        held_to=parse_date(args.get("held_to")),
        need_ids=None if drill is None else filtered(select(Need.id), drill),
    )
