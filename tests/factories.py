"""Builders for test data: each returns a flushed model with sensible defaults."""

import itertools
from datetime import date, datetime, timedelta

from tracker.extensions import db
from tracker.models import (
    Delegation,
    DelegationMember,
    KeyIndustry,
    Meeting,
    MemberRole,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    Topic,
    User,
)

_seq = itertools.count(1)


def _add(obj):
    db.session.add(obj)
    db.session.flush()
    return obj


def user(role: str | Role = Role.STAFF, password: str = "correct horse battery", **kw) -> User:
    n = next(_seq)
    kw.setdefault("email", f"user{n}@example.org")
    kw.setdefault("display_name", f"User {n}")
    obj = User(role=Role(role), **kw)
    obj.set_password(password)
    return _add(obj)


def topic(**kw) -> Topic:
    kw.setdefault("name", f"Topic {next(_seq)}")
    return _add(Topic(**kw))


def industry(**kw) -> KeyIndustry:
    kw.setdefault("name", f"Industry {next(_seq)}")
    return _add(KeyIndustry(**kw))


def organisation(**kw) -> Organisation:
    kw.setdefault("name", f"Organisation {next(_seq)}")
    kw.setdefault("kind", OrganisationKind.COMPANY)
    kw.setdefault("country", "DE")
    return _add(Organisation(**kw))


def person(**kw) -> Person:
    kw.setdefault("full_name", f"Person {next(_seq)}")
    return _add(Person(**kw))


def delegation(**kw) -> Delegation:
    kw.setdefault("title", f"Delegation {next(_seq)}")
    kw.setdefault("origin_country", "DE")
    kw.setdefault("start_date", date(2026, 5, 12))
    kw.setdefault("end_date", kw["start_date"] + timedelta(days=2))
    kw.setdefault("host", "Baoshan District Commerce Commission")
    return _add(Delegation(**kw))


def member(delegation: Delegation, person: Person, role: MemberRole = MemberRole.MEMBER):
    return _add(
        DelegationMember(
            delegation=delegation,
            person=person,
            organisation_id=person.organisation_id,
            role=role,
        )
    )


def meeting(delegation: Delegation, **kw) -> Meeting:
    kw.setdefault("title", f"Meeting {next(_seq)}")
    kw.setdefault("starts_at", datetime(2026, 5, 12, 1, 30))
    return _add(Meeting(delegation=delegation, **kw))


def need(organisation=None, **kw):
    """A need in stage new (pass stage= to start elsewhere)."""
    from tracker.models import Need

    kw.setdefault("title", f"Need {next(_seq)}")
    if organisation is None:
        organisation = _add(Organisation(name=f"Organisation {next(_seq)}", country="DE"))
    return _add(Need(organisation=organisation, **kw))


def category(**kw):
    from tracker.models import NeedCategory

    kw.setdefault("name", f"Category {next(_seq)}")
    return _add(NeedCategory(**kw))


def lost_reason(**kw):
    from tracker.models import LostReason

    kw.setdefault("name", f"Reason {next(_seq)}")
    return _add(LostReason(**kw))


def followup(assignee, **kw):
    from tracker.models import FollowUp

    kw.setdefault("title", f"Follow-up {next(_seq)}")
    kw.setdefault("due_date", date(2026, 12, 1))
    return _add(FollowUp(assignee=assignee, **kw))
