"""Loading needs for the views: one place for 404s, eager loading and filter parsing."""

from dataclasses import dataclass
from datetime import date

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload
from werkzeug.datastructures import MultiDict

from tracker import security
from tracker.extensions import db
from tracker.i18n import format_day
from tracker.models import Currency, LostReason, Need, Stage
from tracker.needs.services import NONE, NeedFilters
from tracker.numbers import parse_id
from tracker.regions import find_region, region_label
from tracker.statements import built_once


def get_need_or_404(need_id: int) -> Need:
    """The need, or 404 (also when it is confidential and hidden from the user)."""
    return security.get_need_or_404(need_id)


def need_detail(need_id: int) -> Need:
    """The need with everything its page shows about it, in one query."""
    need = db.session.scalar(_detail_statement(), {"need_id": need_id})
    if need is None:  # absent, deleted, or confidential and hidden from the user
        abort(404)
    return need


@built_once
def _detail_statement() -> Select:
    return (
        select(Need)
        .where(Need.id == bindparam("need_id"))
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


def parse_filters(args: MultiDict, today: date) -> NeedFilters:
    """Filters from the query string; unknown or malformed values are ignored."""
    origin = (args.get("origin") or "").upper()
    currency = args.get("currency")
    lost_id = _id_or_none(args.get("lost_reason_id"))
    # Looked up here so that its chip can name it; an unknown id is ignored like any bad value.
    lost_reason = db.session.get(LostReason, lost_id) if isinstance(lost_id, int) else None
    region_id = _region_id(args)
    region_name = region_label(region_id) if isinstance(region_id, int) else None
    return NeedFilters(
        q=(args.get("q") or "")[:200],
        stage=parse_stage(args.get("stage")),
        category_id=_id_or_none(args.get("category_id")),
        key_industry_id=_id_or_none(args.get("key_industry_id")),
        owner_id=_id_or_none(args.get("owner_id")),
        delegation_id=_id_or_none(args.get("delegation_id")),
        organisation_id=parse_id(args.get("organisation_id")),
        origin=origin if len(origin) == 2 and origin.isalpha() else None,
        overdue=args.get("overdue") == "1",
        # no_next_step: the filter's name until it was named for what it counts (issue 20)
        no_open_followup="1" in (args.get("no_open_followup"), args.get("no_next_step")),
        state=args.get("state") if args.get("state") in ("open", "closed") else None,
        created_from=parse_date(args.get("created_from")),
        created_to=parse_date(args.get("created_to")),
        reached=parse_stage(args.get("reached")),
        reached_from=parse_date(args.get("reached_from")),
        reached_to=parse_date(args.get("reached_to")),
        ever_reached=parse_stage(args.get("ever_reached")),
        entered=parse_stage(args.get("entered")),
        moved_from=parse_date(args.get("moved_from")),
        moved_to=parse_date(args.get("moved_to")),
        lost_reason_id=lost_reason.id if lost_reason else (NONE if lost_id == NONE else None),
        lost_reason_name=lost_reason.label if lost_reason else None,
        region_id=NONE if region_id == NONE else (region_id if region_name else None),
        region_name=region_name,
        currency=currency if currency in {*Currency._value2member_map_, NONE} else None,
        today=today,
    )


def parse_stage(value) -> Stage | None:
    """A stage from user input, or None."""
    return Stage(value) if value in Stage._value2member_map_ else None


def parse_date(value) -> date | None:
    """A YYYY-MM-DD day from user input between 1900 and 9998, or None."""
    try:
        day = date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None
    # Days at the ends of the calendar overflow once turned into UTC bounds or month ranges.
    return day if date(1900, 1, 1) <= day <= date(9998, 12, 31) else None


def _region_id(args: MultiDict) -> int | str | None:
    """The region_id filter; links made before regions were a vocabulary name one (region=)."""
    if "region_id" in args or not args.get("region"):
        return _id_or_none(args.get("region_id"))
    if args["region"] == NONE:
        return NONE
    region = find_region(args["region"][:120])
    return region.id if region else None


def _id_or_none(value) -> int | str | None:
    """An id, or NONE for the bucket of needs without one."""
    return NONE if value == NONE else parse_id(value)


@dataclass(frozen=True)
class Chip:
    """An active filter without an input: its label and the arguments that removing it drops."""

    label: str
    keys: tuple[str, ...]

    @property
    def remove(self) -> dict:
        return dict.fromkeys(self.keys)


def _span(start: date | None, end: date | None) -> str:
    if start and end:
        return _("%(start)s to %(end)s", start=format_day(start), end=format_day(end))
    if start:
        return _("from %(start)s", start=format_day(start))
    return _("until %(end)s", end=format_day(end)) if end else ""


def filter_chips(f: NeedFilters) -> list[Chip]:
    """Chips for the filters set by report links (dates, reached stages, region, ...)."""
    chips = []
    if f.state:
        label = _("Active needs") if f.state == "open" else _("Closed needs (won or lost)")
        chips.append(Chip(label, ("state",)))
    if f.created_from or f.created_to:
        chips.append(Chip(_("Created %(span)s", span=_span(f.created_from, f.created_to)),
                          ("created_from", "created_to")))  # fmt: skip
    if f.reached:
        label = _("Reached %(stage)s or later", stage=f.reached.label)
        if f.reached_from or f.reached_to:
            label += " " + _span(f.reached_from, f.reached_to)
        chips.append(Chip(label, ("reached", "reached_from", "reached_to")))
    if f.ever_reached:
        chips.append(Chip(_("Reached %(stage)s or later", stage=f.ever_reached.label),
                          ("ever_reached",)))  # fmt: skip
    if f.entered:
        chips.append(Chip(_("Has been in %(stage)s", stage=f.entered.label), ("entered",)))
    if f.moved_from or f.moved_to:
        chips.append(Chip(_("Current stage since %(span)s", span=_span(f.moved_from, f.moved_to)),
                          ("moved_from", "moved_to")))  # fmt: skip
    if f.lost_reason_id:
        reason = f.lost_reason_name or _("no reason given")
        chips.append(Chip(_("Lost: %(reason)s", reason=reason), ("lost_reason_id",)))
    if f.region_id is not None:
        region = _("no region") if f.region_id == NONE else f.region_name or f"#{f.region_id}"
        chips.append(Chip(_("Origin region: %(region)s", region=region), ("region_id",)))
    if f.currency:
        currency = _("no currency") if f.currency == NONE else f.currency
        chips.append(Chip(_("Currency: %(currency)s", currency=currency), ("currency",)))
    return chips
