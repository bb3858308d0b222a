"""Meetings: the sessions held during a visit."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import RecordMixin, link_table

if TYPE_CHECKING:
    from tracker.models.delegation import Delegation
    from tracker.models.person import Person
    from tracker.models.user import User
    from tracker.models.vocabulary import Topic

meeting_topic = link_table("meeting_topic", "meeting_id", "topic_id")
meeting_person = link_table("meeting_person", "meeting_id", "person_id")
meeting_staff = link_table("meeting_staff", "meeting_id", "user_id")


# Deleted softly like every record: the link rows above stay, so a restored meeting comes back
# with its participants, staff and topics; they go (ON DELETE CASCADE) only when it is purged.
class Meeting(RecordMixin, db.Model):
    """One session of a visit: when, where, who, about what, and the minutes."""

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]  # UTC
    place: Mapped[str | None] = mapped_column(String(200))
    minutes: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    delegation: Mapped["Delegation"] = relationship(back_populates="meetings")
    topics: Mapped[list["Topic"]] = relationship(secondary=meeting_topic, lazy="raise")
    people: Mapped[list["Person"]] = relationship(secondary=meeting_person, lazy="raise")
    staff: Mapped[list["User"]] = relationship(secondary=meeting_staff, lazy="raise")
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])

    @property
    def local_people(self) -> list["Person"]:
        """Participants of local partners (people and their organisations loaded)."""
        return [p for p in self.people if p.organisation is not None and p.organisation.is_local]

    @property
    def visitors(self) -> list["Person"]:
        """Participants of the visiting side: everyone not of a local partner."""
        return [p for p in self.people if p.organisation is None or not p.organisation.is_local]
