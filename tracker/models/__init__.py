"""All models, importable from one place; importing this registers them with the metadata."""

from sqlalchemy import Index, event, func, select
from sqlalchemy.orm import Session, column_property

from tracker.models.api_token import ApiToken, TokenScope
from tracker.models.audit import AuditEntry
from tracker.models.base import utcnow
from tracker.models.checkin import CHECK_IN_MONTHS, CheckInAnswer, TalkCheckIn
from tracker.models.data_version import DataVersion
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
from tracker.models.project import (
    MAJOR_PROJECT_CNY,
    Agreement,
    AgreementKind,
    AnnualTarget,
    Instalment,
    Milestone,
    Obligation,
    ObligationKind,
    ObligationStatus,
    Party,
    Project,
    ProjectMilestone,
    TargetMetric,
    project_need,
)
from tracker.models.rates import ExchangeRate, RateQuote, rate_on
from tracker.models.scheduling import (
    AvailabilityBlock,
    Interpreter,
    MatchmakingSession,
    RequestPriority,
    RequestStatus,
    SessionBreak,
    SessionDay,
    SessionStatus,
    SessionTable,
    TalkRequest,
    talk_request_partner,
    talk_request_visitor,
)
from tracker.models.talk import Talk, talk_organisation, talk_person, talk_staff
from tracker.models.user import RecoveryCode, Role, User
from tracker.models.vocabulary import KeyIndustry, OriginRegion, Topic
from tracker.models.webhook import DeliveryStatus, Webhook, WebhookAttempt, WebhookDelivery

__all__ = [
    "ACTIVE_STAGES",
    "CHECK_IN_MONTHS",
    "MAJOR_PROJECT_CNY",
    "Agreement",
    "AgreementKind",
    "AnnualTarget",
    "ApiToken",
    "AuditEntry",
    "AvailabilityBlock",
    "CheckInAnswer",
    "Currency",
    "DataVersion",
    "Delegation",
    "DelegationMember",
    "DelegationStatus",
    "DeliveryStatus",
    "ExchangeRate",
    "FollowUp",
    "FollowUpKind",
    "FollowUpStatus",
    "ImportRecord",
    "ImportStatus",
    "Instalment",
    "Interpreter",
    "KeyIndustry",
    "LocalOffer",
    "LostReason",
    "Match",
    "MatchChange",
    "MatchStatus",
    "MatchmakingSession",
    "Meeting",
    "MemberRole",
    "Milestone",
    "Need",
    "NeedCategory",
    "NeedNote",
    "Obligation",
    "ObligationKind",
    "ObligationStatus",
    "OfferKind",
    "Organisation",
    "OrganisationAlias",
    "OrganisationKind",
    "OriginRegion",
    "Party",
    "Person",
    "Priority",
    "Project",
    "ProjectMilestone",
    "RateQuote",
    "Reassignment",
    "RecoveryCode",
    "ReminderSent",
    "RequestPriority",
    "RequestStatus",
    "Role",
    "SessionBreak",
    "SessionDay",
    "SessionStatus",
    "SessionTable",
    "Stage",
    "StageChange",
    "SynonymGroup",
    "Talk",
    "TalkCheckIn",
    "TalkRequest",
    "TargetMetric",
    "TokenScope",
    "Topic",
    "User",
    "Webhook",
    "WebhookAttempt",
    "WebhookDelivery",
    "WonOutcome",
    "delegation_organisation",
    "delegation_topic",
    "need_flags",
    "offer_industry",
    "project_need",
    "rate_on",
    "talk_organisation",
    "talk_person",
    "talk_request_partner",
    "talk_request_visitor",
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


def soft_deleted_index(model) -> Index:
    """The index on deleted_at, partial: only deleted rows (few), for the Deleted items page
    and the purge. A full one looked, to SQLite's planner, like a selective lookup for every
    list's "deleted_at IS NULL", and it read whole tables through it."""
    deleted_at = model.__table__.c.deleted_at
    where = deleted_at.is_not(None)
    return Index(
        f"ix_{model.__tablename__}_deleted_at",
        deleted_at,
        sqlite_where=where,
        postgresql_where=where,
    )


for _model in (
    Delegation, Organisation, Person, Meeting, Need, FollowUp, Match, Talk, MatchmakingSession,
    TalkRequest, Project, Agreement, Obligation, Instalment,
):  # fmt: skip
    soft_deleted_index(_model)


# The earliest due date of a need's open follow-ups, loaded with every need: it tells at once
# whether the need has an open follow-up and whether it is overdue, without a query per row.
Need.next_followup_due = column_property(
    select(func.min(FollowUp.due_date))
    .where(FollowUp.need_id == Need.id, FollowUp.status == FollowUpStatus.OPEN)
    .correlate_except(FollowUp)
    .scalar_subquery()
)
