"""Overdue obligations on either side of the agreements: how many and how much each party owes
past its date, and the longest overdue."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from tracker.extensions import db
from tracker.models import Obligation, ObligationStatus, Party

OUTSTANDING = (ObligationStatus.OPEN, ObligationStatus.LATE)
TOP = 10  # overdue obligations listed on the report; the obligations list has them all


@dataclass
class PartyOverdue:
    """One party's overdue obligations: their count and amounts per currency."""

    party: Party
    count: int = 0
    amounts: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class Overdue:
    """Both parties' overdue obligations, and the longest overdue."""

    parties: list[PartyOverdue]
    top: list[Obligation]


def _overdue(today: date):
    return (Obligation.status.in_(OUTSTANDING), Obligation.due_on < today)


def overdue(today: date) -> Overdue:
    """The obligations still owed after their due date, as of today (two statements)."""
    by_party: dict[Party, PartyOverdue] = {party: PartyOverdue(party) for party in Party}
    rows = db.session.execute(
        select(Obligation.party, Obligation.currency, func.count(Obligation.id),
               func.sum(Obligation.amount))
        .where(*_overdue(today))
        .group_by(Obligation.party, Obligation.currency)
    )  # fmt: skip
    totals: dict[Party, dict] = defaultdict(dict)
    for party, currency, count, amount in rows:
        by_party[party].count += count
        if amount is not None and currency is not None:
            totals[party][currency.value] = Decimal(amount).quantize(Decimal("0.01"))
    for party, amounts in totals.items():
        by_party[party].amounts = dict(sorted(amounts.items()))
    top = db.session.scalars(
        select(Obligation)
        .options(joinedload(Obligation.project))
        .where(*_overdue(today))
        .order_by(Obligation.due_on, Obligation.id)
        .limit(TOP)
    )
    return Overdue(list(by_party.values()), list(top))
