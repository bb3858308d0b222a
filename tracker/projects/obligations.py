"""Obligations of an agreement: what the company or the district owes by when, the rules of
each kind, and the list of outstanding obligations across projects."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import contains_eager, joinedload

from tracker.extensions import db
from tracker.followups.services import cancel_followup
from tracker.models import (
    Agreement,
    Currency,
    FollowUp,
    FollowUpStatus,
    Milestone,
    Obligation,
    ObligationKind,
    ObligationStatus,
    Party,
    Project,
    User,
)
from tracker.numbers import parse_id
from tracker.projects.reminders import OUTSTANDING, remind_obligation
from tracker.security import SEE_ALL_NEEDS
from tracker.softdelete import soft_delete

# Kinds that are an amount of money; jobs are a headcount, a milestone is a milestone.
AMOUNT_KINDS = frozenset({ObligationKind.INVESTMENT, ObligationKind.TAX, ObligationKind.SUBSIDY})


class ObligationError(ValueError):
    """The obligation cannot be saved as given; field names the form field at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ObligationData:
    """An obligation's fields as the user gave them."""

    party: Party
    kind: ObligationKind
    description: str
    due_on: date
    amount: Decimal | None = None
    currency: Currency | None = None
    headcount: int | None = None
    milestone: Milestone | None = None
    status: ObligationStatus = ObligationStatus.OPEN
    met_on: date | None = None
    owner_id: int | None = None
    remind_days: int = 14


def obligation_problems(data: ObligationData) -> list[tuple[str, str]]:
    """(field, message) for what the kind and status ask for and is missing."""
    problems = []
    if data.kind in AMOUNT_KINDS and data.amount is None:
        problems.append(("amount", _("Give the amount of this obligation.")))
    if data.amount is not None and data.currency is None:
        problems.append(("currency", _("Choose the currency of the amount.")))
    if data.kind == ObligationKind.JOBS and data.headcount is None:
        problems.append(("headcount", _("Give the number of jobs.")))
    if data.kind == ObligationKind.MILESTONE and data.milestone is None:
        problems.append(("milestone", _("Choose the milestone.")))
    if data.status == ObligationStatus.MET and data.met_on is None:
        problems.append(("met_on", _("Give the date it was met.")))
    return problems


def save_obligation(
    obligation: Obligation | None, agreement: Agreement, data: ObligationData, by: User | None,
    today: date,
) -> Obligation:  # fmt: skip
    """Create (obligation None) or change an obligation of agreement; flushes. The owner
    defaults to the project's; a due date already inside the reminder window reminds at once,
    and an obligation no longer outstanding cancels its open reminder."""
    if problems := obligation_problems(data):
        field, message = problems[0]
        raise ObligationError(message, field)
    if obligation is None:
        obligation = Obligation(agreement_id=agreement.id)
        db.session.add(obligation)
    obligation.project_id = agreement.project_id
    for name in ("party", "kind", "amount", "currency", "headcount", "milestone", "due_on"):
        setattr(obligation, name, getattr(data, name))
    obligation.description = data.description.strip()
    obligation.status = data.status
    obligation.met_on = data.met_on if data.status == ObligationStatus.MET else None
    obligation.owner_id = data.owner_id or agreement.project.owner_id
    obligation.remind_days = data.remind_days
    db.session.flush()
    if data.status.is_outstanding:
        remind_obligation(obligation, today, by)
    else:
        _cancel_reminder(obligation, by)
    return obligation


def _cancel_reminder(obligation: Obligation, by: User | None) -> None:
    """Cancel the reminder of an obligation met or waived, while it is still open."""
    if obligation.reminder_id is None:
        return
    stmt = select(FollowUp).where(FollowUp.id == obligation.reminder_id)
    followup = db.session.scalar(stmt.execution_options(**{SEE_ALL_NEEDS: True}))
    if followup is not None and followup.status == FollowUpStatus.OPEN:
        cancel_followup(followup, by)


def delete_obligation(obligation: Obligation, by_id: int | None) -> None:
    """Delete an obligation softly (restorable from Deleted items); flushes."""
    soft_delete(obligation, by_id)


@dataclass(frozen=True)
class ObligationFilters:
    """The obligations list's filters (the leadership report links ?overdue=1&party=...)."""

    party: Party | None = None
    status: ObligationStatus | None = None  # None: outstanding (open or late)
    overdue: bool = False
    owner_id: int | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> "ObligationFilters":
        """The filters from a query string; unknown values are ignored."""
        party = args.get("party")
        status = args.get("status")
        return cls(
            party=Party(party) if party in {p.value for p in Party} else None,
            status=ObligationStatus(status)
            if status in {s.value for s in ObligationStatus}
            else None,
            overdue=args.get("overdue") in ("1", "true", "on"),
            owner_id=parse_id(args.get("owner")),
        )

    @property
    def active(self) -> bool:
        return any((self.party, self.status, self.overdue, self.owner_id))


def list_obligations(filters: ObligationFilters, today: date) -> Select:
    """Obligations across projects by due date, with their project, agreement and owner."""
    stmt = (
        select(Obligation)
        .join(Obligation.project)
        .join(Obligation.agreement)
        .options(
            contains_eager(Obligation.project),
            contains_eager(Obligation.agreement),
            joinedload(Obligation.owner),
        )
        .order_by(Obligation.due_on, Obligation.id)
    )
    if filters.status is not None:
        stmt = stmt.where(Obligation.status == filters.status)
    else:
        stmt = stmt.where(Obligation.status.in_(OUTSTANDING))
    if filters.overdue:
        stmt = stmt.where(Obligation.status.in_(OUTSTANDING), Obligation.due_on < today)
    if filters.party is not None:
        stmt = stmt.where(Obligation.party == filters.party)
    if filters.owner_id is not None:
        stmt = stmt.where(Obligation.owner_id == filters.owner_id)
    return stmt


def owner_choices() -> list[tuple[int, str]]:
    """Active colleagues by name, for the owner select and filter."""
    rows = db.session.execute(
        select(User.id, User.display_name).where(User.active.is_(True)).order_by(User.display_name)
    )
    return [(row.id, row.display_name) for row in rows]


def project_of(agreement: Agreement) -> Project:
    """The agreement's project (visible, as the agreement is)."""
    return db.session.scalars(select(Project).where(Project.id == agreement.project_id)).one()
