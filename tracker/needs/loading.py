"""Loading needs for the views: one place for 404s, eager loading and filter parsing."""

from datetime import date

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload
from werkzeug.datastructures import MultiDict

from tracker import security
from tracker.chips import Chip, span
from tracker.dates import parse_date
from tracker.extensions import db
from tracker.models import Currency, LostReason, Need, Project, Stage, project_need
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


def project_of(need_id: int) -> Project | None:
    """The project the need became, when the user may see it (a won need's page links it)."""
    stmt = select(Project).join(project_need, project_need.c.project_id == Project.id)
    return db.session.scalar(stmt.where(project_need.c.need_id == need_id))


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


# Filters read the same way: a stage, an id (or NONE for the needs without one), a day.
STAGE_FILTERS = ("stage", "reached", "ever_reached", "entered")
ID_FILTERS = ("category_id", "key_industry_id", "owner_id", "delegation_id")
DAY_FILTERS = ("created_from", "created_to", "reached_from", "reached_to", "moved_from", "moved_to")


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
        **{key: parse_stage(args.get(key)) for key in STAGE_FILTERS},
        **{key: _id_or_none(args.get(key)) for key in ID_FILTERS},
        **{key: parse_date(args.get(key)) for key in DAY_FILTERS},
        organisation_id=parse_id(args.get("organisation_id")),
        origin=origin if len(origin) == 2 and origin.isalpha() else None,
        overdue=args.get("overdue") == "1",
        # no_next_step: the filter's name until it was named for what it counts (issue 20)
        no_open_followup="1" in (args.get("no_open_followup"), args.get("no_next_step")),
        state=args.get("state") if args.get("state") in ("open", "closed") else None,
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


def filter_chips(f: NeedFilters) -> list[Chip]:
    """Chips for the filters set by report links (dates, reached stages, region, ...)."""
    args = f.to_args()
    chips = []

    def add(label: str, *keys: str) -> None:
        # Removing a span drops both its ends, also one the link left unset.
        chips.append(Chip(label, {k: args[k] for k in keys if k in args}, keys))

    if f.state:
        add(_("Active needs") if f.state == "open" else _("Closed needs (won or lost)"), "state")
    if f.created_from or f.created_to:
        add(_("Created %(span)s", span=span(f.created_from, f.created_to)),
            "created_from", "created_to")  # fmt: skip
    if f.reached:
        label = _("Reached %(stage)s or later", stage=f.reached.label)
        if f.reached_from or f.reached_to:
            label += " " + span(f.reached_from, f.reached_to)
        add(label, "reached", "reached_from", "reached_to")
    if f.ever_reached:
        add(_("Reached %(stage)s or later", stage=f.ever_reached.label), "ever_reached")
    if f.entered:
        add(_("Has been in %(stage)s", stage=f.entered.label), "entered")
    if f.moved_from or f.moved_to:
        add(_("Current stage since %(span)s", span=span(f.moved_from, f.moved_to)),
            "moved_from", "moved_to")  # fmt: skip
    if f.lost_reason_id:
        add(_("Lost: %(reason)s", reason=f.lost_reason_name or _("no reason given")),
            "lost_reason_id")  # fmt: skip
    if f.region_id is not None:
        region = _("no region") if f.region_id == NONE else f.region_name or f"#{f.region_id}"
        add(_("Origin region: %(region)s", region=region), "region_id")
    if f.currency:
        currency = _("no currency") if f.currency == NONE else f.currency
        add(_("Currency: %(currency)s", currency=currency), "currency")
    return chips
