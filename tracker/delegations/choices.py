"""Options for the delegation forms' small selects (the views set them; forms never query).

Organisations and people are too many for a select: they are picked by searching
(tracker.lookup).
"""

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from tracker.extensions import db
from tracker.models import DelegationMember, Person, Topic, User

Choices = list[tuple[int, str]]


def topic_choices(keep: Iterable[int] = ()) -> Choices:
    """Active topics, plus retired ones a record already uses (so saving keeps them)."""
    stmt = (
        select(Topic)
        .where(or_(Topic.active.is_(True), Topic.id.in_(set(keep))))
        .order_by(Topic.position, Topic.name)
    )
    return [(t.id, t.label) for t in db.session.scalars(stmt)]


def user_choices(keep: Iterable[int | None] = ()) -> Choices:
    """Active users by name, plus deactivated ones a record already names."""
    kept = {i for i in keep if i is not None}
    stmt = (
        select(User)
        .where(or_(User.active.is_(True), User.id.in_(kept)))
        .order_by(User.display_name)
    )
    return [(u.id, u.display_name) for u in db.session.scalars(stmt)]


def member_choices(delegation_id: int, keep: Iterable[int] = ()) -> Choices:
    """The delegation's members (and people a meeting already lists), by name."""
    members = select(DelegationMember.person_id).where(
        DelegationMember.delegation_id == delegation_id
    )
    stmt = (
        select(Person)
        .where(or_(Person.id.in_(members), Person.id.in_(set(keep))))
        .options(joinedload(Person.organisation))
        .order_by(Person.full_name)
    )
    return [(p.id, _person_label(p)) for p in db.session.scalars(stmt)]


def _person_label(person: Person) -> str:
    organisation = person.organisation
    return f"{person.full_name} — {organisation.name}" if organisation else person.full_name
