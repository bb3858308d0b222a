"""The talks list: talks filtered by their local start day, status and delegation."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.dates import within_days
from tracker.models import Need, Organisation, Talk, utcnow
from tracker.pagination import sort_term
from tracker.text import search_needle

# A talk is held once it has ended; "no outcome" is a held talk whose outcome is not recorded.
STATUSES = {
    "upcoming": _l("Upcoming"),
    "held": _l("Held"),
    "no_outcome": _l("Held, outcome missing"),
}
SORTS = {"starts": Talk.starts_at, "title": Talk.title}
DEFAULT_SORT = "-starts"
# The need and its organisation are joined; the partners and colleagues come in one query each.
ROW_OPTIONS = (
    joinedload(Talk.need).joinedload(Need.organisation),
    selectinload(Talk.organisations),
    selectinload(Talk.staff),
)


@dataclass(frozen=True)
class TalkFilters:
    """The list's filters; held_from and held_to are local days of the talk's start."""

    q: str = ""
    status: str = ""
    delegation_id: int | None = None
    held_from: date | None = None
    held_to: date | None = None
    # From report links (on_needs=1 with need.* filters): only talks on these needs.
    need_ids: Select | None = field(default=None, compare=False)

    def is_set(self) -> bool:
        filters = (self.q, self.status, self.delegation_id, self.held_from, self.held_to)
        return any(filters) or self.need_ids is not None


def list_talks(f: TalkFilters, sort: str = DEFAULT_SORT) -> Select:
    """Talks matching the filters, with what a row shows; unknown sort keys are ignored."""
    stmt = select(Talk).options(*ROW_OPTIONS)
    if needle := search_needle(f.q):
        visiting = select(Need.id).join(Organisation, Organisation.id == Need.organisation_id)
        visiting = visiting.where(
            or_(
                Organisation.search_key.contains(needle, autoescape=True),
                Need.search_key.contains(needle, autoescape=True),
            )
        )
        stmt = stmt.where(
            or_(Talk.place_key.contains(needle, autoescape=True), Talk.need_id.in_(visiting))
        )
    now = utcnow()
    if f.status == "upcoming":
        stmt = stmt.where(Talk.ends_at > now)
    elif f.status == "held":
        stmt = stmt.where(Talk.ends_at <= now)
    elif f.status == "no_outcome":
        stmt = stmt.where(Talk.ends_at <= now, or_(Talk.outcome.is_(None), Talk.outcome == ""))
    if f.delegation_id is not None:
        stmt = stmt.where(
            Talk.need_id.in_(select(Need.id).where(Need.delegation_id == f.delegation_id))
        )
    if f.need_ids is not None:
        stmt = stmt.where(Talk.need_id.in_(f.need_ids))
    stmt = stmt.where(*within_days(Talk.starts_at, f.held_from, f.held_to))
    return stmt.order_by(sort_term(sort, SORTS, DEFAULT_SORT), Talk.id.desc())
