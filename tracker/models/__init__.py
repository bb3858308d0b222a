"""All models, importable from one place; importing this registers them with the metadata."""

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, column_property

from tracker.models.audit import AuditEntry
from tracker.models.base import utcnow
from tracker.models.delegation import (
    Delegation,
    DelegationMember,
    DelegationStatus,
    MemberRole,
    delegation_organisation,
    delegation_topic,
)
from tracker.models.followup import (
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Reassignment,
    ReminderSent,
)
from tracker.models.imports import ImportRecord, ImportStatus, OrganisationAlias
from tracker.models.matchmaking import (
    LocalOffer,
    Match,
    MatchChange,
    MatchStatus,
    OfferKind,
    SynonymGroup,
    offer_industry,
)
from tracker.models.meeting import Meeting
from tracker.models.need import (
    ACTIVE_STAGES,
    Currency,
    LostReason,
    Need,
    NeedCategory,
    NeedNote,
    Priority,
    Stage,
    StageChange,
    WonOutcome,
    need_flags,
)
from tracker.models.organisation import Organisation, OrganisationKind
from tracker.models.person import Person
from tracker.models.rates import ExchangeRate
from tracker.models.talk import Talk, talk_organisation, talk_person, talk_staff
from tracker.models.user import RecoveryCode, Role, User
from tracker.models.vocabulary import KeyIndustry, Topic

__all__ = [
    "ACTIVE_STAGES",
    "AuditEntry",
    "Currency",
    "Delegation",
    "DelegationMember",
    "DelegationStatus",
    "ExchangeRate",
    "FollowUp",
    "FollowUpKind",
    "FollowUpStatus",
    "ImportRecord",
    "ImportStatus",
    "KeyIndustry",
    "LocalOffer",
    "LostReason",
    "Match",
    "MatchChange",
    "MatchStatus",
    "Meeting",
    "MemberRole",
    "Need",
    "NeedCategory",
    "NeedNote",
    "OfferKind",
    "Organisation",
    "OrganisationAlias",
    "OrganisationKind",
    "Person",
    "Priority",
    "Reassignment",
    "RecoveryCode",
    "ReminderSent",
    "Role",
    "Stage",
    "StageChange",
    "SynonymGroup",
    "Talk",
    "Topic",
    "User",
    "WonOutcome",
    "delegation_organisation",
    "delegation_topic",
    "need_flags",
    "offer_industry",
    "talk_organisation",
    "talk_person",
    "talk_staff",
    "utcnow",
]


@event.listens_for(Session, "before_flush")
def _refresh_search_keys(session, _context, _instances) -> None:
    """Keep folded search keys in step with names on every write, whoever writes."""
    for obj in (*session.new, *session.dirty):
        refresh = getattr(obj, "refresh_keys", None)
        if refresh is not None:
            refresh()


# The earliest due date of a need's open follow-ups, loaded with every need: it tells at once
# whether the need has a next step and whether that step is overdue, without a query per row.
Need.next_followup_due = column_property(
    select(func.min(FollowUp.due_date))
    .where(FollowUp.need_id == Need.id, FollowUp.status == FollowUpStatus.OPEN)
    .correlate_except(FollowUp)
    .scalar_subquery()
)
