"""Follow-ups: dated tasks assigned to a colleague, on a need, an organisation or a delegation."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.i18n import lazy_label_in as _lp
from tracker.models.base import (
    LabelledEnum,
    SoftDeleteMixin,
    TimestampMixin,
    enum_column,
    live_index,
    utcnow,
)

if TYPE_CHECKING:
    from tracker.models.checkin import TalkCheckIn
    from tracker.models.delegation import Delegation
    from tracker.models.need import Need
    from tracker.models.organisation import Organisation
    from tracker.models.user import User


class FollowUpKind(LabelledEnum):
    CALL = "call", _l("Call")
    EMAIL = "email", _lp("follow-up kind", "E-mail")  # an e-mail to write, not an address
    MEETING = "meeting", _l("Meeting")
    SITE_VISIT = "site_visit", _l("Site visit")
    DOCUMENT = "document", _l("Document")
    OTHER = "other", _l("Other")

    @property
    def icon(self) -> str:
        """Its Bootstrap icon's name."""
        return KIND_ICONS[self]


KIND_ICONS = {
    FollowUpKind.CALL: "telephone",
    FollowUpKind.EMAIL: "envelope",
    FollowUpKind.MEETING: "people",
    FollowUpKind.SITE_VISIT: "geo-alt",
    FollowUpKind.DOCUMENT: "file-earmark-text",
    FollowUpKind.OTHER: "three-dots",
}
KIND_LABELS = FollowUpKind.labels()


class FollowUpStatus(LabelledEnum):
    OPEN = "open", _l("Open")
    DONE = "done", _l("Done")
    CANCELLED = "cancelled", _l("Cancelled")


STATUS_LABELS = FollowUpStatus.labels()


class FollowUp(SoftDeleteMixin, TimestampMixin, db.Model):
    """A task with an assignee and a due date."""

    __tablename__ = "followup"
    __table_args__ = (
        # My follow-ups and the team view filter by assignee and status, ordered by due date.
        Index("ix_followup_assignee_status_due", "assignee_id", "status", "due_date"),
        Index("ix_followup_need_status", "need_id", "status"),
        # Most follow-ups are about needs: these index only the few about an organisation or a
        # delegation, so the planner's statistics do not count the empty ones as one huge key.
        *(
            Index(
                f"ix_followup_{column}",
                column,
                sqlite_where=text(f"{column} IS NOT NULL"),
                postgresql_where=text(f"{column} IS NOT NULL"),
            )
            for column in ("organisation_id", "delegation_id")
        ),
        # The manager report counts follow-ups done per month, open ones per assignee, and needs
        # without an open follow-up (as Need.next_followup_due does), from these alone. The
        # assignee one also serves the top bar's badge (every page), my follow-ups' groups and
        # the team's counts; need_id is in it for the confidentiality rule of staff queries.
        *(
            live_index(name, "status", *columns)
            for name, columns in (
                ("ix_followup_live_status_completed_at", ("completed_at", "need_id")),
                ("ix_followup_live_status_need", ("need_id", "due_date", "assignee_id")),
                (
                    "ix_followup_live_status_assignee",
                    ("assignee_id", "due_date", "need_id", "seen_by_assignee"),
                ),
            )
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    delegation_id: Mapped[int | None] = mapped_column(ForeignKey("delegation.id"))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[FollowUpKind] = mapped_column(enum_column(FollowUpKind), default=FollowUpKind.CALL)
    assignee_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    due_date: Mapped[date] = mapped_column(index=True)
    status: Mapped[FollowUpStatus] = mapped_column(
        enum_column(FollowUpStatus), default=FollowUpStatus.OPEN, index=True
    )
    outcome: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[datetime | None]
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # Unseen assignments are highlighted for the assignee until they open My follow-ups.
    seen_by_assignee: Mapped[bool] = mapped_column(default=False)

    __mapper_args__ = {"version_id_col": version}

    need: Mapped["Need | None"] = relationship(back_populates="followups")
    organisation: Mapped["Organisation | None"] = relationship()
    delegation: Mapped["Delegation | None"] = relationship()
    assignee: Mapped["User"] = relationship(foreign_keys=[assignee_id])
    assigned_by: Mapped["User | None"] = relationship(foreign_keys=[assigned_by_id])
    completed_by: Mapped["User | None"] = relationship(foreign_keys=[completed_by_id])
    reassignments: Mapped[list["Reassignment"]] = relationship(
        back_populates="followup", lazy="raise", cascade="all, delete-orphan"
    )
    # A check-in on a talk of a matchmaking day (tracker.models.checkin), answered on its page.
    check_in: Mapped["TalkCheckIn | None"] = relationship(back_populates="followup")

    def is_overdue(self, today: date) -> bool:
        return self.status == FollowUpStatus.OPEN and self.due_date < today


class Reassignment(db.Model):
    """A follow-up handed from one colleague to another."""

    id: Mapped[int] = mapped_column(primary_key=True)
    followup_id: Mapped[int] = mapped_column(
        ForeignKey("followup.id", ondelete="CASCADE"), index=True
    )
    from_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    to_user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    followup: Mapped[FollowUp] = relationship(back_populates="reassignments")
    from_user: Mapped["User | None"] = relationship(foreign_keys=[from_user_id])
    to_user: Mapped["User"] = relationship(foreign_keys=[to_user_id])
    by_user: Mapped["User | None"] = relationship(foreign_keys=[by_user_id])


class ReminderSent(db.Model):
    """One reminder e-mail per user per day, so a second run sends nothing twice."""

    __tablename__ = "reminder_sent"
    __table_args__ = (UniqueConstraint("user_id", "sent_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    sent_on: Mapped[date]
    followup_count: Mapped[int]
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
