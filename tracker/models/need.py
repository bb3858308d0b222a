"""Cooperation needs and their pipeline: what a visiting organisation needs, and where it stands."""

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import (
    LabelledEnum,
    SoftDeleteMixin,
    TimestampMixin,
    enum_column,
    live_index,
    utcnow,
)
from tracker.models.vocabulary import VocabularyMixin
from tracker.text import search_key

if TYPE_CHECKING:
    from tracker.models.delegation import Delegation
    from tracker.models.followup import FollowUp
    from tracker.models.meeting import Meeting
    from tracker.models.organisation import Organisation
    from tracker.models.user import User
    from tracker.models.vocabulary import KeyIndustry


class Stage(LabelledEnum):
    """Pipeline stages, in order."""

    NEW = "new", _l("New")
    QUALIFIED = "qualified", _l("Qualified")
    MATCHING = "matching", _l("Matching")
    TALKS = "talks", _l("Talks")
    NEGOTIATION = "negotiation", _l("Negotiation")
    WON = "won", _l("Won")
    LOST = "lost", _l("Lost")
    ON_HOLD = "on_hold", _l("On hold")

    @property
    def is_active(self) -> bool:
        """Active needs are being worked and must always have an open follow-up."""
        return self in ACTIVE_STAGES

    @property
    def is_closed(self) -> bool:
        return self in (Stage.WON, Stage.LOST)


STAGE_LABELS = Stage.labels()
ACTIVE_STAGES = (Stage.NEW, Stage.QUALIFIED, Stage.MATCHING, Stage.TALKS, Stage.NEGOTIATION)


class Priority(LabelledEnum):
    LOW = "low", _l("Low")
    MEDIUM = "medium", _l("Medium")
    HIGH = "high", _l("High")


PRIORITY_LABELS = Priority.labels()


class Currency(enum.StrEnum):
    CNY = "CNY"
    EUR = "EUR"
    USD = "USD"


class WonOutcome(LabelledEnum):
    COMPANY_REGISTERED = "company_registered", _l("Company registered")
    LEASE_SIGNED = "lease_signed", _l("Lease signed")
    PARTNERSHIP_AGREED = "partnership_agreed", _l("Partnership agreed")
    OTHER = "other", _l("Other")


WON_OUTCOME_LABELS = WonOutcome.labels()


class NeedCategory(VocabularyMixin, db.Model):
    """What kind of help a need asks for, e.g. industrial land and space."""

    __tablename__ = "need_category"


class LostReason(VocabularyMixin, db.Model):
    """Why a need was lost; a reason marked needs_text asks for an explanation (other)."""

    __tablename__ = "lost_reason"

    needs_text: Mapped[bool] = mapped_column(default=False)


class Need(SoftDeleteMixin, TimestampMixin, db.Model):
    """A cooperation need raised by a visiting organisation."""

    __table_args__ = (
        Index("ix_need_stage_owner", "stage", "owner_id"),
        Index("ix_need_stage_created", "stage", "created_at"),
        # Every query skips deleted needs: the list's default sort and the board's and report's
        # stage counts read these alone; the confidentiality rule looks up confidential needs.
        live_index("ix_need_live_created_at", "created_at", "id"),
        live_index("ix_need_live_stage", "stage", "stage_changed_at", "id"),
        live_index("ix_need_live_stage_reach", "stage", "history_reach"),
        live_index("ix_need_live_stage_open_followups", "stage", "open_followups"),
        # Partial: the few confidential needs. A full index told SQLite's planner, once it had
        # statistics, that "confidential" picks half the table, and it scanned every need.
        Index(
            "ix_need_confidential",
            "confidential",
            sqlite_where=text("confidential IS 1"),
            postgresql_where=text("confidential IS true"),
        ),
        # How many live needs use each key industry and category (the vocabularies page).
        live_index("ix_need_live_key_industry_id", "key_industry_id"),
        live_index("ix_need_live_category_id", "category_id"),
        # The pipeline report counts live needs per delegation, owner, and stage and currency
        # (with the sums of the money table and the lost reasons) from these alone.
        live_index("ix_need_live_delegation_id", "delegation_id"),
        live_index("ix_need_live_owner_id", "owner_id"),
        live_index(
            "ix_need_live_stage_currency",
            "stage",
            "currency",
            "estimated_investment",
            "expected_jobs",
            "lost_reason_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    delegation_id: Mapped[int | None] = mapped_column(ForeignKey("delegation.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("need_category.id"), index=True)
    key_industry_id: Mapped[int | None] = mapped_column(ForeignKey("key_industry.id"), index=True)
    priority: Mapped[Priority] = mapped_column(enum_column(Priority), default=Priority.MEDIUM)
    estimated_investment: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    currency: Mapped[Currency | None] = mapped_column(enum_column(Currency))
    expected_jobs: Mapped[int | None]
    # What the company asks for, so offers can be compared with it (matchmaking).
    area_m2_asked: Mapped[int | None]
    headcount_asked: Mapped[int | None]
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    next_step: Mapped[str | None] = mapped_column(String(300))
    next_step_date: Mapped[date | None] = mapped_column(index=True)
    stage: Mapped[Stage] = mapped_column(enum_column(Stage), default=Stage.NEW)
    stage_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    lost_reason_id: Mapped[int | None] = mapped_column(ForeignKey("lost_reason.id"))
    lost_reason_text: Mapped[str | None] = mapped_column(String(500))
    won_on: Mapped[date | None]
    won_outcome: Mapped[WonOutcome | None] = mapped_column(enum_column(WonOutcome))
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # Seen only by the owner, the assignees of its follow-ups, managers and admins
    # (enforced for every query in tracker.security).
    confidential: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Kept on every write of the history (tracker.needs.periods), never set by hand: the
    # furthest place in the pipeline (tracker.needs.services.REACH_ORDER) any of its stage
    # changes reached, -1 for none. The report's conversion counts needs by it.
    history_reach: Mapped[int] = mapped_column(default=-1, server_default=text("-1"))
    # Kept on every write of a follow-up (tracker.needs.open_followups), never set by hand:
    # how many open, undeleted follow-ups the need has. The report counts the active needs
    # without one by it.
    open_followups: Mapped[int] = mapped_column(default=0, server_default=text("0"))

    # A stale edit form fails its UPDATE ... WHERE version = ? instead of overwriting.
    __mapper_args__ = {"version_id_col": version}

    organisation: Mapped["Organisation"] = relationship()
    delegation: Mapped["Delegation | None"] = relationship()
    meeting: Mapped["Meeting | None"] = relationship()
    category: Mapped[NeedCategory | None] = relationship()
    key_industry: Mapped["KeyIndustry | None"] = relationship()
    owner: Mapped["User | None"] = relationship(foreign_keys=[owner_id])
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    lost_reason: Mapped[LostReason | None] = relationship()
    stage_changes: Mapped[list["StageChange"]] = relationship(
        back_populates="need", lazy="raise", cascade="all, delete-orphan",
        order_by="StageChange.changed_at",
    )  # fmt: skip
    notes: Mapped[list["NeedNote"]] = relationship(
        back_populates="need", lazy="raise", cascade="all, delete-orphan"
    )
    followups: Mapped[list["FollowUp"]] = relationship(back_populates="need", lazy="raise")

    # next_followup_due (the earliest due date of open follow-ups) is a column property
    # attached in tracker.models, once FollowUp is defined.

    @property
    def no_open_followup(self) -> bool:
        """An active need with no open follow-up is flagged everywhere it is shown."""
        return self.stage.is_active and self.next_followup_due is None

    def refresh_keys(self) -> None:
        """Recompute the folded search key from the title."""
        self.search_key = search_key(self.title)

    def __repr__(self) -> str:
        return f"<Need {self.title!r} {self.stage}>"


class StageChange(db.Model):
    """One move of a need through the pipeline: who, when, from, to, and why."""

    __tablename__ = "stage_change"
    __table_args__ = (
        # A need's history in order; the report reads each period's stage from it alone.
        Index("ix_stage_change_need_at", "need_id", "changed_at", "id", "to_stage"),
        Index("ix_stage_change_to_stage_need_id", "to_stage", "need_id"),
        Index("ix_stage_change_to_stage_first", "to_stage", "first_in_stage", "need_id"),
        # The report's time in stage: the periods that ended in the order of their length, and
        # the current ones in the order they began (tracker.needs.periods keeps both).
        Index(
            "ix_stage_change_ended_days",
            "to_stage",
            "days",
            "need_id",
            sqlite_where=text("days IS NOT NULL"),
            postgresql_where=text("days IS NOT NULL"),
        ),
        Index(
            "ix_stage_change_current",
            "to_stage",
            "changed_at",
            "need_id",
            "left_at",
            sqlite_where=text("left_at IS NULL"),
            postgresql_where=text("left_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"))
    from_stage: Mapped[Stage | None] = mapped_column(enum_column(Stage, "from_stage"))
    to_stage: Mapped[Stage] = mapped_column(enum_column(Stage, "to_stage"))
    reopened: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(Text)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Kept on every write of a need's history (tracker.needs.periods), never set by hand:
    # when the need's next change came (None while this is its current stage), and the days
    # between, as the database computes them.
    left_at: Mapped[datetime | None] = mapped_column(default=None)
    days: Mapped[float | None] = mapped_column(default=None)
    # Whether this is the need's first change into to_stage (the report counts needs per stage).
    first_in_stage: Mapped[bool] = mapped_column(default=False, server_default=false())

    need: Mapped[Need] = relationship(back_populates="stage_changes")
    changed_by: Mapped["User | None"] = relationship()


class NeedNote(db.Model):
    """A note or comment on a need's timeline."""

    __tablename__ = "need_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    need: Mapped[Need] = relationship(back_populates="notes")
    author: Mapped["User | None"] = relationship()


def need_flags(need: Need, today: date) -> dict[str, bool]:
    """Whether a need has no open follow-up, is overdue (Need.next_followup_due), is
    confidential."""
    due = need.next_followup_due
    no_open_followup = need.stage.is_active and due is None
    overdue = need.stage.is_active and (
        (due is not None and due < today)
        or (need.next_step_date is not None and need.next_step_date < today)
    )
    return {
        "no_open_followup": no_open_followup, "overdue": overdue,
        "confidential": need.confidential,
    }  # fmt: skip
