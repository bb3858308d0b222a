"""Dashboard figures and the global search."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.models import Delegation, DelegationStatus, Organisation, Person, User
from tracker.organisations.services import name_matches
from tracker.text import search_needle

SEARCH_LIMIT = 20


@dataclass
class SearchResults:
    """Hits per kind of record, each capped at SEARCH_LIMIT."""

    query: str
    delegations: list[Delegation]
    organisations: list[Organisation]
    people: list[Person]

    @property
    def total(self) -> int:
        return len(self.delegations) + len(self.organisations) + len(self.people)


def search(query: str, limit: int = SEARCH_LIMIT) -> SearchResults:
    """Find delegations, organisations and people whose folded names contain the folded query."""
    needle = search_needle(query)
    if not needle:
        return SearchResults(query, [], [], [])

    def matching(model) -> Select:
        return select(model).where(model.search_key.contains(needle, autoescape=True)).limit(limit)

    delegations = db.session.scalars(matching(Delegation).order_by(Delegation.start_date.desc()))
    organisations = db.session.scalars(
        select(Organisation).where(name_matches(needle)).limit(limit).order_by(Organisation.name)
    )
    people = db.session.scalars(
        matching(Person).options(selectinload(Person.organisation)).order_by(Person.full_name)
    )
    return SearchResults(query, list(delegations), list(organisations), list(people))


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
