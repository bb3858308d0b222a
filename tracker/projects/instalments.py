"""Capital in place (到位资金): the instalments that arrived for a project, each converted to CNY
at the rate of the day it was received."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Currency, Instalment, Project, User
from tracker.projects import money
from tracker.softdelete import soft_delete


@dataclass(frozen=True)
class InstalmentData:
    received_on: date
    amount: Decimal
    currency: Currency
    note: str | None = None

    @classmethod
    def from_mapping(cls, data) -> "InstalmentData":
        """From a form's data (the currency as its code)."""
        note = (data.get("note") or "").strip() or None
        return cls(data["received_on"], data["amount"], Currency(data["currency"]), note)


def _write(instalment: Instalment, data: InstalmentData) -> None:
    instalment.received_on, instalment.amount = data.received_on, data.amount
    instalment.currency, instalment.note = data.currency, data.note
    money.convert_instalment(instalment)  # NoRate at the currency field


def add_instalment(project: Project, data: InstalmentData, by: User) -> Instalment:
    """Record capital received for project; flushes."""
    instalment = Instalment(project_id=project.id, created_by_id=by.id)
    _write(instalment, data)
    db.session.add(instalment)
    db.session.flush()
    return instalment


def update_instalment(instalment: Instalment, data: InstalmentData) -> Instalment:
    """Change an instalment (the caller checks the form's version); flushes."""
    _write(instalment, data)
    db.session.flush()
    return instalment


def delete_instalment(instalment: Instalment, by_id: int | None) -> None:
    """Delete an instalment softly (restorable from Deleted items); flushes."""
    soft_delete(instalment, by_id)


def get_instalment(project: Project, instalment_id: int) -> Instalment | None:
    """The live instalment instalment_id of project, or None (another project's is not found)."""
    stmt = select(Instalment).where(
        Instalment.id == instalment_id, Instalment.project_id == project.id
    )
    return db.session.scalar(stmt)


def instalments_of(project_id: int) -> list[Instalment]:
    """The project's live instalments, in the order they arrived."""
    stmt = (
        select(Instalment)
        .where(Instalment.project_id == project_id)
        .order_by(Instalment.received_on, Instalment.id)
    )
    return list(db.session.scalars(stmt))
