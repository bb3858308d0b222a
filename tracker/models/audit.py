"""The audit trail: who created, changed or deleted which record, field by field."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import utcnow

if TYPE_CHECKING:
    from tracker.models.user import User


class AuditEntry(db.Model):
    """One write to one record. Written by tracker.audit's flush hook, never edited."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "entity", "entity_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(10))  # create, update, delete
    entity: Mapped[str] = mapped_column(String(40))  # the table name
    entity_id: Mapped[int]
    label: Mapped[str] = mapped_column(String(200), default="")
    # {field: [old, new]}; values as JSON-safe text or numbers
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    # How the change came when not through the pages: the name of the API token it was sent with.
    via: Mapped[str | None] = mapped_column(String(100))

    user: Mapped["User | None"] = relationship()
