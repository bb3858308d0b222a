"""Delegations (visits), who came, and what they discussed."""

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import LabelledEnum, RecordMixin, enum_column, link_table, live_index
from tracker.text import search_key

if TYPE_CHECKING:
    from tracker.models.meeting import Meeting
    from tracker.models.organisation import Organisation
    from tracker.models.person import Person
    from tracker.models.user import User
    from tracker.models.vocabulary import OriginRegion, Topic


class DelegationStatus(LabelledEnum):
    """Where a visit stands."""

    PLANNED = "planned", _l("Planned")
    UNDER_WAY = "under_way", _l("Under way")
    COMPLETED = "completed", _l("Completed")
    CANCELLED = "cancelled", _l("Cancelled")


STATUS_LABELS = DelegationStatus.labels()


class MemberRole(LabelledEnum):
    """A person's role within a delegation."""

    HEAD = "head", _l("Head of delegation")
    MEMBER = "member", _l("Member")
    INTERPRETER = "interpreter", _l("Interpreter")
    ORGANISER = "organiser", _l("Organiser")


MEMBER_ROLE_LABELS = MemberRole.labels()

delegation_topic = link_table("delegation_topic", "delegation_id", "topic_id")

# Organisations that took part without named people (members' organisations are derived).
delegation_organisation = link_table("delegation_organisation", "delegation_id", "organisation_id")


class Delegation(RecordMixin, db.Model):
    """A visiting delegation: one visit to the district."""

    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates_in_order"),
        # The list and the filter selects skip deleted visits and sort by start date.
        live_index("ix_delegation_live_start_date", "start_date", "id"),
        Index("ix_delegation_created_by_id_created_at", "created_by_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    origin_country: Mapped[str | None] = mapped_column(String(2), index=True)  # ISO alpha-2
    origin_region_id: Mapped[int | None] = mapped_column(ForeignKey("origin_region.id"), index=True)
    start_date: Mapped[date] = mapped_column(index=True)
    end_date: Mapped[date]
    host: Mapped[str] = mapped_column(String(200))
    host_officer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    status: Mapped[DelegationStatus] = mapped_column(
        enum_column(DelegationStatus), default=DelegationStatus.PLANNED, index=True
    )
    announced_size: Mapped[int | None]
    summary: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(String(500))
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    # Pages show its name through tracker.regions (kept per data version), not by loading it.
    origin_region: Mapped["OriginRegion | None"] = relationship(lazy="raise")
    host_officer: Mapped["User | None"] = relationship(foreign_keys=[host_officer_id])
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    members: Mapped[list["DelegationMember"]] = relationship(
        back_populates="delegation", lazy="raise", cascade="all, delete-orphan"
    )
    topics: Mapped[list["Topic"]] = relationship(secondary=delegation_topic, lazy="raise")
    extra_organisations: Mapped[list["Organisation"]] = relationship(
        secondary=delegation_organisation, lazy="raise"
    )
    meetings: Mapped[list["Meeting"]] = relationship(
        back_populates="delegation",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="Meeting.starts_at",
    )

    def refresh_keys(self) -> None:
        """Recompute the folded search key from title and host (the region has its own)."""
        self.search_key = search_key(self.title, self.host)

    def __repr__(self) -> str:
        return f"<Delegation {self.title!r}>"


class DelegationMember(db.Model):
    """A person in a delegation, with the organisation they represented on that visit."""

    __tablename__ = "delegation_member"
    __table_args__ = (UniqueConstraint("delegation_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    role: Mapped[MemberRole] = mapped_column(enum_column(MemberRole), default=MemberRole.MEMBER)

    delegation: Mapped[Delegation] = relationship(back_populates="members")
    person: Mapped["Person"] = relationship()
    organisation: Mapped["Organisation | None"] = relationship()
