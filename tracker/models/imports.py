"""Member-list imports and the other names (aliases) organisations are known by."""

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, or_, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_column, utcnow
from tracker.models.organisation import Organisation
from tracker.text import organisation_key, search_key

if TYPE_CHECKING:
    from tracker.models.delegation import Delegation
    from tracker.models.user import User


class OrganisationAlias(db.Model):
    """Another name of an organisation, e.g. the name of one merged into it."""

    __tablename__ = "organisation_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    # Folded like Organisation.name_key / search_key, for the duplicate guard and search.
    name_key: Mapped[str] = mapped_column(String(200), index=True, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped["Organisation"] = relationship(back_populates="aliases")

    def refresh_keys(self) -> None:
        """Recompute the folded keys from the name."""
        self.name_key = organisation_key(self.name)
        self.search_key = search_key(self.name)

    def __repr__(self) -> str:
        return f"<OrganisationAlias {self.name!r}>"


class ImportStatus(enum.StrEnum):
    """A draft waits for its mapping and confirmation; a done import has been written."""

    DRAFT = "draft"
    DONE = "done"


class ImportRecord(TimestampMixin, db.Model):
    """One member-list upload: the draft between the steps, then the record of what it did."""

    __tablename__ = "import_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[ImportStatus] = mapped_column(
        enum_column(ImportStatus), default=ImportStatus.DRAFT, index=True
    )
    # The history outlives the delegation; a deleted delegation leaves the record without one.
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255))
    sheet: Mapped[str | None] = mapped_column(String(100))
    # The uploaded file, kept server-side between the steps and dropped once the import is done.
    payload: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    mapping: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    finished_at: Mapped[datetime | None]

    delegation: Mapped["Delegation | None"] = relationship()
    created_by: Mapped["User | None"] = relationship()

    def __repr__(self) -> str:
        return f"<ImportRecord {self.file_name!r} {self.status}>"


def name_matches(needle: str):
    """Condition: an organisation's folded names or aliases contain the folded needle."""
    via_alias = select(OrganisationAlias.organisation_id).where(
        OrganisationAlias.search_key.contains(needle, autoescape=True)
    )
    return or_(
        Organisation.search_key.contains(needle, autoescape=True), Organisation.id.in_(via_alias)
    )
