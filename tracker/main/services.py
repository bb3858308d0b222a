"""Dashboard figures and the global search."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import contains_eager, joinedload, load_only

from tracker.delegations.services import delegation_matches
from tracker.extensions import db
from tracker.models import (
    Delegation,
    DelegationStatus,
    LocalOffer,
    Need,
    Organisation,
    Person,
    Talk,
    User,
)
from tracker.models.imports import name_matches
from tracker.models.organisation import NAME_COLUMNS as ORGANISATION_NAMES
from tracker.text import search_needle

# Hits shown per kind of record: each kind is one bounded query (its first rows in its order).
SEARCH_LIMIT = 20
KINDS = ("delegations", "organisations", "people", "needs", "talks", "offers")


@dataclass
class SearchResults:
    """Hits per kind of record, each capped at SEARCH_LIMIT; capped names the kinds with more."""

    query: str
    delegations: list[Delegation] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    offers: list[LocalOffer] = field(default_factory=list)
    capped: frozenset[str] = frozenset()

    @property
    def total(self) -> int:
        return sum(len(getattr(self, kind)) for kind in KINDS)


def search(query: str, limit: int = SEARCH_LIMIT) -> SearchResults:
    """Find records whose folded names contain the folded query: delegations (also by their
    region's names), organisations, people, needs, talks and local partners' offers.

    Every query is an ORM select, so the global criteria apply: deleted records and the
    confidential needs (with their talks) that the user may not see are never found or counted.
    """
    needle = search_needle(query)
    if not needle:
        return SearchResults(query)
    statements = {
        "delegations": select(Delegation)
        .where(delegation_matches(needle))
        .order_by(Delegation.start_date.desc(), Delegation.id.desc()),
        "organisations": select(Organisation)
        .where(name_matches(needle))
        .order_by(Organisation.name, Organisation.id),
        "people": _containing(Person, needle)
        .options(joinedload(Person.organisation).load_only(*ORGANISATION_NAMES))
        .order_by(Person.full_name, Person.id),
        # Latest first by id, which both databases read backwards off the table itself, and
        # stop at the limit; at 100,000 needs a rare word still reads them all, once.
        "needs": _containing(Need, needle)
        .options(
            load_only(Need.title, Need.stage, Need.confidential, Need.organisation_id),
            joinedload(Need.organisation).load_only(*ORGANISATION_NAMES),
        )
        .order_by(Need.id.desc()),
        "talks": _containing(Talk, needle)
        .options(joinedload(Talk.need).load_only(Need.title))
        .order_by(Talk.starts_at.desc(), Talk.id.desc()),
        # Joined, not loaded: an offer of a deleted partner is not found.
        "offers": _containing(LocalOffer, needle)
        .join(LocalOffer.organisation)
        .options(contains_eager(LocalOffer.organisation))
        .order_by(LocalOffer.title, LocalOffer.id),
    }
    found = {
        kind: list(db.session.scalars(stmt.limit(limit + 1))) for kind, stmt in statements.items()
    }
    capped = frozenset(kind for kind, rows in found.items() if len(rows) > limit)
    return SearchResults(
        query, **{kind: rows[:limit] for kind, rows in found.items()}, capped=capped
    )


def _containing(model, needle: str) -> Select:
    return select(model).where(model.search_key.contains(needle, autoescape=True))


def dashboard_counts() -> dict[str, int]:
    """Headline counts, in one round trip."""
    row = db.session.execute(
        select(
            select(func.count(Delegation.id)).scalar_subquery().label("delegations"),
            select(func.count(Organisation.id))
            .where(Organisation.is_local.is_(False))
            .scalar_subquery()
            .label("visiting"),
            select(func.count(Organisation.id))
            .where(Organisation.is_local.is_(True))
            .scalar_subquery()
            .label("local"),
            select(func.count(Person.id)).scalar_subquery().label("people"),
        )
    ).one()
    return dict(row._mapping)


def upcoming_delegations(today: date, limit: int = 5) -> list[Delegation]:
    """Visits that have not ended yet, soonest first."""
    stmt = (
        select(Delegation)
        .where(Delegation.end_date >= today, Delegation.status != DelegationStatus.CANCELLED)
        .order_by(Delegation.start_date)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def recent_delegations(today: date, limit: int = 5) -> list[Delegation]:
    """Visits that have ended, latest first."""
    stmt = (
        select(Delegation)
        .where(Delegation.end_date < today)
        .order_by(Delegation.end_date.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def my_recent_records(user: User, limit: int = 5) -> dict[str, list]:
    """What this user created most recently, per kind."""

    def mine(model) -> Select:
        return (
            select(model)
            .where(model.created_by_id == user.id)
            .order_by(model.created_at.desc(), model.id.desc())
            .limit(limit)
        )

    return {
        "delegations": list(db.session.scalars(mine(Delegation))),
        "organisations": list(db.session.scalars(mine(Organisation))),
        "people": list(db.session.scalars(mine(Person))),
    }
