"""People rules: listing, history, the e-mail warning and writes (views and import)."""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from flask_babel import ngettext
from sqlalchemy import Select, func, select
from sqlalchemy.orm import contains_eager, joinedload

from tracker import softdelete
from tracker.extensions import db
from tracker.models import Delegation, DelegationMember, Meeting, Organisation, Person, User
from tracker.models.meeting import meeting_person
from tracker.models.organisation import on_side
from tracker.pagination import sort_term
from tracker.text import search_needle

# Sort keys offered to the list; a leading "-" sorts descending. Unknown keys are ignored.
SORTS = {
    "name": Person.full_name,
    "organisation": Organisation.name,
    "created": Person.created_at,
}


@dataclass
class PersonData:
    """The editable fields of a person, as plain values."""

    full_name: str
    name_other_script: str | None = None
    position: str | None = None
    organisation_id: int | None = None
    email: str | None = None
    phone: str | None = None
    languages: str | None = None
    notes: str | None = None

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "PersonData":
        """Pick the known fields from a mapping (form data, an import row), ignoring the rest."""
        return cls(**{f.name: values[f.name] for f in fields(cls) if f.name in values})


def _clean(value: Any) -> Any:
    """Strip text; empty text becomes None."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def create_person(data: PersonData, user: User | None) -> Person:
    """Record a new person; flushes."""
    person = Person(created_by=user)
    db.session.add(person)
    return update_person(person, data)


def update_person(person: Person, data: PersonData) -> Person:
    """Apply data to a person; flushes."""
    for field in fields(PersonData):
        setattr(person, field.name, _clean(getattr(data, field.name)))
    db.session.flush()
    return person


def people_with_email(email: str | None, exclude_id: int | None = None) -> list[Person]:
    """Other people recorded with this e-mail address, ignoring case."""
    email = _clean(email)
    if not email:
        return []
    stmt = select(Person).where(func.lower(Person.email) == email.lower())
    if exclude_id is not None:
        stmt = stmt.where(Person.id != exclude_id)
    return list(db.session.scalars(stmt.order_by(Person.full_name).limit(5)))


def email_conflicts(data: PersonData, person: Person | None = None) -> list[Person]:
    """People sharing the new e-mail address; on edit only when the address changed."""
    email = _clean(data.email)
    if person is not None and (person.email or "").lower() == (email or "").lower():
        return []
    return people_with_email(email, exclude_id=person.id if person else None)


def list_people(
    *,
    query: str = "",
    organisation_id: int | None = None,
    side: str | None = None,
    sort: str = "name",
) -> Select:
    """People matching the filters, each with their organisation loaded in the same query."""
    stmt = (
        select(Person).outerjoin(Person.organisation).options(contains_eager(Person.organisation))
    )
    needle = search_needle(query)
    if needle:
        stmt = stmt.where(Person.search_key.contains(needle, autoescape=True))
    if organisation_id is not None:
        stmt = stmt.where(Person.organisation_id == organisation_id)
    stmt = stmt.where(*on_side(side))
    return stmt.order_by(sort_term(sort, SORTS, "name"), Person.full_name, Person.id)


def person_detail(person_id: int) -> Person | None:
    """The person with their organisation."""
    stmt = select(Person).where(Person.id == person_id).options(joinedload(Person.organisation))
    return db.session.scalar(stmt)


@dataclass
class PersonHistory:
    """Where a person has been: delegation memberships and meetings attended."""

    memberships: list[DelegationMember]
    meetings: list[Meeting]


def person_history(person_id: int) -> PersonHistory:
    """Delegations (with role and organisation represented) and meetings, newest first."""
    memberships = db.session.scalars(
        select(DelegationMember)
        .join(DelegationMember.delegation)
        .where(DelegationMember.person_id == person_id)
        .options(
            contains_eager(DelegationMember.delegation),
            joinedload(DelegationMember.organisation),
        )
        .order_by(Delegation.start_date.desc(), Delegation.id.desc())
    )
    meetings = db.session.scalars(
        select(Meeting)
        .join(meeting_person, meeting_person.c.meeting_id == Meeting.id)
        .join(Meeting.delegation)  # an inner join, so a deleted visit's meetings stay hidden
        .where(meeting_person.c.person_id == person_id)
        .options(contains_eager(Meeting.delegation))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )
    return PersonHistory(list(memberships), list(meetings))


def delete_blockers(person: Person) -> list[str]:
    """Why the person may not be deleted yet (empty when they may)."""
    members = select(func.count(DelegationMember.id)).where(DelegationMember.person_id == person.id)
    meetings = select(func.count()).select_from(meeting_person)
    meetings = meetings.where(meeting_person.c.person_id == person.id)
    return softdelete.delete_blockers([
        (members, lambda n: ngettext(
            "They were a member of %(num)d delegation; that history must be kept.",
            "They were a member of %(num)d delegations; that history must be kept.", n)),
        (meetings, lambda n: ngettext(
            "They attended %(num)d meeting; that record must be kept.",
            "They attended %(num)d meetings; that record must be kept.", n)),
    ])  # fmt: skip


def delete_person(person: Person, by_id: int | None = None) -> None:
    """Soft-delete a person with no history (check delete_blockers first); flushes."""
    softdelete.soft_delete(person, by_id)
