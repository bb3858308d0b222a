"""The follow-ups list's drill-down filters (from report links) as removable chips.

The list form has inputs for assignee, status, due dates and overdue; a report link adds
filters it has none for (on_needs, need.*, completed_*, need_id). Each becomes a chip that
names it, that the form keeps as hidden inputs and that a link removes.
"""

from datetime import date

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from tracker.chips import NEED_PREFIX, Chip, span
from tracker.dates import parse_date
from tracker.extensions import db
from tracker.i18n import country_name
from tracker.models import Delegation, KeyIndustry, Need, NeedCategory, Organisation, User
from tracker.needs.loading import filter_chips, parse_filters
from tracker.needs.services import NONE, NeedFilters
from tracker.numbers import parse_id

# Need filters that name a record: the model to look its name up in, and the chip's wording.
NAMED = {
    "delegation_id": (Delegation, "title"),
    "organisation_id": (Organisation, "name"),
    "owner_id": (User, "display_name"),
    "category_id": (NeedCategory, "label"),
    "key_industry_id": (KeyIndustry, "label"),
}


def _named_label(key: str, value) -> str:
    model, attribute = NAMED[key]
    labels = {
        "delegation_id": _("Delegation: %(name)s"),
        "organisation_id": _("Organisation: %(name)s"),
        "owner_id": _("Need owner: %(name)s"),
        "category_id": _("Category: %(name)s"),
        "key_industry_id": _("Key industry: %(name)s"),
    }
    if value == NONE:
        return labels[key] % {"name": _("none")}
    record = db.session.get(model, int(value))
    return labels[key] % {"name": getattr(record, attribute) if record else f"#{value}"}


def _simple_label(key: str, f: NeedFilters, value: str) -> str:
    if key == "q":
        return _("Need contains “%(text)s”", text=f.q)
    if key == "stage":
        return _("Need stage: %(stage)s", stage=f.stage.label)
    if key == "origin":
        return _("Origin country: %(country)s", country=country_name(f.origin))
    if key == "overdue":
        return _("Overdue needs")
    if key == "no_open_followup":
        return _("Needs without an open follow-up")
    if key in NAMED:
        return _named_label(key, value)
    return f"{key}: {value}"  # a need filter added later, shown plainly until it gets words


def need_chips(f: NeedFilters) -> list[Chip]:
    """The needs filters of a drill-down, each as a chip with need.-prefixed arguments."""
    args = f.to_args()
    chips, covered = [], set()
    for chip in filter_chips(f):
        kept = {NEED_PREFIX + k: v for k, v in chip.args.items()}
        if kept:
            chips.append(Chip(chip.label, kept))
            covered.update(chip.args)
    for key, value in args.items():
        if key not in covered:
            chips.append(Chip(_simple_label(key, f, value), {NEED_PREFIX + key: value}))
    return chips


def drill_need_filters(args: MultiDict, today: date) -> NeedFilters | None:
    """With on_needs=1, the needs filters given as need.* arguments, else None."""
    if args.get("on_needs") != "1":
        return None
    stripped = MultiDict(
        (key.removeprefix(NEED_PREFIX), value)
        for key, value in args.items(multi=True)
        if key.startswith(NEED_PREFIX)
    )
    return parse_filters(stripped, today)


def on_needs_chips(args: MultiDict, today: date, label: str) -> list[Chip]:
    """With on_needs=1: a chip labelled label, then one per needs filter (need.* arguments)."""
    f = drill_need_filters(args, today)
    if f is None:
        return []
    # Removing "on needs" drops the needs filters with it (they mean nothing alone).
    raw = tuple(k for k in args if k.startswith(NEED_PREFIX))
    return [Chip(label, {"on_needs": "1"}, raw), *need_chips(f)]


def followup_chips(args: MultiDict, today: date) -> list[Chip]:
    """Chips for the list's drill-down filters (need_id, delegation_id, organisation_id,
    on_needs, need.*, completed_*)."""
    chips = []
    for key in ("delegation_id", "organisation_id"):  # from a delegation's or organisation's page
        if (record_id := parse_id(args.get(key))) is not None:
            chips.append(Chip(_named_label(key, str(record_id)), {key: str(record_id)}))
    if (need_id := parse_id(args.get("need_id"))) is not None:
        # A SELECT, not session.get: a cached object would skip the confidential-need rule.
        need = db.session.scalar(db.select(Need).where(Need.id == need_id))
        name = need.title if need else f"#{need_id}"
        chips.append(Chip(_("Need: %(title)s", title=name), {"need_id": str(need_id)}))
    chips.extend(on_needs_chips(args, today, _("Follow-ups on needs only")))
    start, end = parse_date(args.get("completed_from")), parse_date(args.get("completed_to"))
    if start or end:
        days = {"completed_from": start, "completed_to": end}
        kept = {key: day.isoformat() for key, day in days.items() if day}
        chips.append(Chip(_("Completed %(span)s", span=span(start, end)), kept))
    return chips
