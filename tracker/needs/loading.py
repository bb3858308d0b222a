"""Loading needs for the views: one place for 404s, eager loading and filter parsing."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload
from werkzeug.datastructures import MultiDict

from tracker.extensions import db
from tracker.models import Need, Stage
from tracker.needs.services import NeedFilters


def get_need_or_404(need_id: int) -> Need:
    """The need, or 404."""
    return db.get_or_404(Need, need_id)


def need_detail(need_id: int) -> Need:
    """The need with everything its page shows about it, in one query."""
    stmt = (
        select(Need)
        .where(Need.id == need_id)
        .options(
            joinedload(Need.organisation),
            joinedload(Need.delegation),
            joinedload(Need.meeting),
            joinedload(Need.category),
            joinedload(Need.key_industry),
            joinedload(Need.owner),
            joinedload(Need.created_by),
            joinedload(Need.lost_reason),
        )
    )
    return db.first_or_404(stmt)


def parse_filters(args: MultiDict, today: date) -> NeedFilters:
    """Filters from the query string; unknown or malformed values are ignored."""
    stage = args.get("stage")
    origin = (args.get("origin") or "").upper()
    return NeedFilters(
        q=(args.get("q") or "")[:200],
        stage=Stage(stage) if stage in Stage._value2member_map_ else None,
        category_id=parse_id(args.get("category_id")),
        key_industry_id=parse_id(args.get("key_industry_id")),
        owner_id=parse_id(args.get("owner_id")),
        delegation_id=parse_id(args.get("delegation_id")),
        organisation_id=parse_id(args.get("organisation_id")),
        origin=origin if len(origin) == 2 and origin.isalpha() else None,
        overdue=args.get("overdue") == "1",
        no_next_step=args.get("no_next_step") == "1",
        today=today,
    )


def parse_id(value) -> int | None:
    """A database id from user input, or None (bounded so no database can overflow on it)."""
    value = str(value) if value is not None else ""
    return int(value) if value and value.isdigit() and len(value) < 10 else None
