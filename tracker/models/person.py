"""People: visitors and local contacts, each in at most one organisation at a time."""

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import RecordMixin, live_index
from tracker.text import search_key

if TYPE_CHECKING:
    from tracker.models.organisation import Organisation
    from tracker.models.user import User


class Person(RecordMixin, db.Model):
    """A named contact."""

    # Lists skip deleted people: sorted by name, and counted per organisation, from the index.
    __table_args__ = (
        live_index("ix_person_live_full_name", "full_name", "id"),
        live_index("ix_person_live_organisation_id", "organisation_id"),
        Index("ix_person_created_by_id_created_at", "created_by_id", "created_at"),  # dashboard
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    name_other_script: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(50))
    languages: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str | None] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    organisation: Mapped["Organisation | None"] = relationship(back_populates="people")
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])

    def refresh_keys(self) -> None:
        """Recompute the folded search key from the names and e-mail."""
        self.search_key = search_key(self.full_name, self.name_other_script, self.email)

    def __repr__(self) -> str:
        return f"<Person {self.full_name!r}>"
