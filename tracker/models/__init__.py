"""All models, importable from one place; importing this registers them with the metadata."""

from sqlalchemy import event
from sqlalchemy.orm import Session

from tracker.models.base import utcnow
from tracker.models.delegation import (
    Delegation,
    DelegationMember,
    DelegationStatus,
    MemberRole,
    delegation_organisation,
    delegation_topic,
)
from tracker.models.meeting import Meeting
from tracker.models.organisation import Organisation, OrganisationKind
from tracker.models.person import Person
from tracker.models.user import Role, User
from tracker.models.vocabulary import KeyIndustry, Topic

__all__ = [
    "Delegation",
    "DelegationMember",
    "DelegationStatus",
    "KeyIndustry",
    "Meeting",
    "MemberRole",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Role",
    "Topic",
    "User",
    "delegation_organisation",
    "delegation_topic",
    "utcnow",
]


@event.listens_for(Session, "before_flush")
def _refresh_search_keys(session, _context, _instances) -> None:
    """Keep folded search keys in step with names on every write, whoever writes."""
    for obj in (*session.new, *session.dirty):
        refresh = getattr(obj, "refresh_keys", None)
        if refresh is not None:
            refresh()
