"""Targeted follow-up talks between a visiting organisation and local partners."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import RecordMixin, link_table
from tracker.text import fold, search_key

if TYPE_CHECKING:
    from tracker.models.matchmaking import Match
    from tracker.models.need import Need
    from tracker.models.organisation import Organisation
    from tracker.models.person import Person
    from tracker.models.user import User

DEFAULT_TIMEZONE = "Asia/Shanghai"

talk_person = link_table("talk_person", "talk_id", "person_id", other_ondelete="CASCADE")
talk_staff = link_table("talk_staff", "talk_id", "user_id")
talk_organisation = link_table(
    "talk_organisation", "talk_id", "organisation_id", other_ondelete="CASCADE"
)


class Talk(RecordMixin, db.Model):
    """A talk about a need: when (UTC, entered in a named zone), where, who, and its outcome."""

    __table_args__ = (Index("ix_talk_starts_ends", "starts_at", "ends_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    match_id: Mapped[int | None] = mapped_column(
        ForeignKey("match.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]  # UTC
    ends_at: Mapped[datetime]  # UTC
    timezone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIMEZONE)
    place: Mapped[str | None] = mapped_column(String(200))
    place_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    # Title and place folded, with pinyin, for the global search.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    video_link: Mapped[str | None] = mapped_column(String(500))
    agenda: Mapped[str | None] = mapped_column(Text)
    minutes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    # Calendar clients replace an event when its SEQUENCE grows (RFC 5545 3.8.7.4).
    sequence: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    need: Mapped["Need"] = relationship()
    match: Mapped["Match | None"] = relationship()
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    people: Mapped[list["Person"]] = relationship(secondary=talk_person, lazy="raise")
    staff: Mapped[list["User"]] = relationship(secondary=talk_staff, lazy="raise")
    organisations: Mapped[list["Organisation"]] = relationship(
        secondary=talk_organisation, lazy="raise", order_by="Organisation.name"
    )

    def refresh_keys(self) -> None:
        """The folded place, so "Hall 1" and "hall 1" are the same room; the search key."""
        self.place_key = fold(self.place)[:200]
        self.search_key = search_key(self.title, self.place)

    def is_past(self, now: datetime) -> bool:
        """True once the talk has ended (now in naive UTC)."""
        return self.ends_at <= now

    def __repr__(self) -> str:
        return f"<Talk {self.title!r} {self.starts_at:%Y-%m-%d %H:%M}>"
