"""The matches list: every match of a need with a local partner, filtered and sorted."""

from sqlalchemy import Select, case, or_, select
from sqlalchemy.orm import aliased, joinedload

from tracker.models import Match, MatchStatus, Need, Organisation
from tracker.pagination import sort_term
from tracker.text import search_needle

# Sort keys offered to the list; a leading "-" sorts descending. Unknown keys are ignored.
SORTS = {
    "updated": Match.updated_at,
    "created": Match.created_at,
    "status": case({s.value: i for i, s in enumerate(MatchStatus)}, value=Match.status),
    "score": Match.score,
}
DEFAULT_SORT = "-updated"
# What a row shows, all many-to-one: joined into the same query.
ROW_OPTIONS = (
    joinedload(Match.need).joinedload(Need.organisation),
    joinedload(Match.organisation),
    joinedload(Match.offer),
)


def list_matches(
    *,
    query: str = "",
    status: MatchStatus | None = None,
    delegation_id: int | None = None,
    partner_id: int | None = None,
    sort: str = DEFAULT_SORT,
) -> Select:
    """Matches (with need, visiting organisation, partner and offer) matching the filters."""
    stmt = select(Match).options(*ROW_OPTIONS)
    if needle := search_needle(query):
        visiting = aliased(Organisation)
        needs = (
            select(Need.id)
            .join(visiting, visiting.id == Need.organisation_id)
            .where(
                or_(
                    Need.search_key.contains(needle, autoescape=True),
                    visiting.search_key.contains(needle, autoescape=True),
                )
            )
        )
        partners = select(Organisation.id).where(
            Organisation.search_key.contains(needle, autoescape=True)
        )
        stmt = stmt.where(or_(Match.need_id.in_(needs), Match.organisation_id.in_(partners)))
    if status is not None:
        stmt = stmt.where(Match.status == status)
    if delegation_id is not None:
        stmt = stmt.where(
            Match.need_id.in_(select(Need.id).where(Need.delegation_id == delegation_id))
        )
    if partner_id is not None:
        stmt = stmt.where(Match.organisation_id == partner_id)
    first = sort_term(sort, SORTS, DEFAULT_SORT)
    # Matches picked by hand have no score: last either way, on both engines.
    if sort.removeprefix("-") == "score":
        first = first.nulls_last()
    return stmt.order_by(first, Match.id.desc())
