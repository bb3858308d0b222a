"""What the tracker already holds for a file's rows, loaded by their keys in a few queries."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.extensions import db
from tracker.imports.values import vocabulary_index
from tracker.models import (
    Delegation,
    DelegationMember,
    KeyIndustry,
    Need,
    Organisation,
    OrganisationAlias,
    Person,
    Topic,
)
from tracker.text import fold

CHUNK = 500  # bound parameter lists, far below every database's limit
NAME_CHUNK = 100  # OR-ed prefix tests; SQLite limits the depth of an expression


class DelegationGone(LookupError):
    """The delegation to import into does not exist (any more)."""


@dataclass
class Known:
    """Existing records that rows may match."""

    delegation: Delegation
    organisations_by_key: dict[str, list[Organisation]] = field(default_factory=dict)
    aliases_by_key: dict[str, list[OrganisationAlias]] = field(default_factory=dict)
    people_by_email: dict[str, Person] = field(default_factory=dict)
    people_by_name: dict[tuple[str, int | None], Person] = field(default_factory=dict)
    members_by_person: dict[int, DelegationMember] = field(default_factory=dict)
    members_by_name: dict[tuple[str, int | None], Person] = field(default_factory=dict)
    need_titles: set[tuple[int, str]] = field(default_factory=set)
    topics: dict[str, Topic] = field(default_factory=dict)
    industries: dict[str, KeyIndustry] = field(default_factory=dict)
    delegation_topic_ids: set[int] = field(default_factory=set)


def _chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    items = sorted(set(values))
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load(delegation_id: int, emails: set[str], org_keys: set[str], names: set[str]) -> Known:
    """Everything the rows could match: organisations and aliases by key, people by e-mail, by
    organisation and by name, the delegation's members, needs, topics and industries."""
    delegation = db.session.scalar(
        select(Delegation)
        .where(Delegation.id == delegation_id)
        .options(selectinload(Delegation.topics))
    )
    if delegation is None:
        raise DelegationGone(delegation_id)
    known = Known(delegation, delegation_topic_ids={t.id for t in delegation.topics})
    _load_organisations(known, org_keys)
    org_ids = {o.id for group in known.organisations_by_key.values() for o in group}
    org_ids |= {a.organisation_id for group in known.aliases_by_key.values() for a in group}
    _load_people(known, emails, names, org_ids)
    _load_members(known)
    for chunk in _chunks(org_ids):
        rows = db.session.execute(
            select(Need.organisation_id, Need.title).where(Need.organisation_id.in_(chunk))
        )
        known.need_titles |= {(row.organisation_id, fold(row.title)) for row in rows}
    known.topics = vocabulary_index(list(db.session.scalars(select(Topic))))
    known.industries = vocabulary_index(list(db.session.scalars(select(KeyIndustry))))
    return known


def _load_organisations(known: Known, keys: set[str]) -> None:
    for chunk in _chunks(keys):
        stmt = (
            select(Organisation)
            .where(Organisation.name_key.in_(chunk))
            .order_by(Organisation.name, Organisation.id)
        )
        for organisation in db.session.scalars(stmt):
            known.organisations_by_key.setdefault(organisation.name_key, []).append(organisation)
        aliases = (
            select(OrganisationAlias)
            .where(OrganisationAlias.name_key.in_(chunk))
            .options(joinedload(OrganisationAlias.organisation))
            .order_by(OrganisationAlias.id)
        )
        for alias in db.session.scalars(aliases):
            known.aliases_by_key.setdefault(alias.name_key, []).append(alias)


def _load_people(known: Known, emails: set[str], names: set[str], org_ids: set[int]) -> None:
    with_org = joinedload(Person.organisation)
    for chunk in _chunks(emails):
        stmt = select(Person).where(func.lower(Person.email).in_(chunk)).order_by(Person.id)
        for person in db.session.scalars(stmt.options(with_org)):
            known.people_by_email.setdefault(person.email.lower(), person)
    for chunk in _chunks(org_ids):
        stmt = select(Person).where(Person.organisation_id.in_(chunk)).order_by(Person.id)
        for person in db.session.scalars(stmt.options(with_org)):
            key = (fold(person.full_name), person.organisation_id)
            known.people_by_name.setdefault(key, person)
    # People without an organisation, by name: search_key starts with the folded full name.
    for chunk in _chunks(names, NAME_CHUNK):
        tests = [
            or_(Person.search_key == n, Person.search_key.startswith(n + " | ", autoescape=True))
            for n in chunk
        ]
        stmt = select(Person).where(Person.organisation_id.is_(None), or_(*tests))
        for person in db.session.scalars(stmt.order_by(Person.id)):
            known.people_by_name.setdefault((fold(person.full_name), None), person)


def _load_members(known: Known) -> None:
    stmt = (
        select(DelegationMember)
        .where(DelegationMember.delegation_id == known.delegation.id)
        .options(joinedload(DelegationMember.person).joinedload(Person.organisation))
        .order_by(DelegationMember.id)
    )
    for member in db.session.scalars(stmt):
        known.members_by_person[member.person_id] = member
        # The organisation they represented then, which an export of this visit lists.
        key = (fold(member.person.full_name), member.organisation_id)
        known.members_by_name.setdefault(key, member.person)
