"""Investment projects: what a won need becomes, from the signed agreement to a producing plant.

A project gathers the needs it came from (one need yields at most one project), its milestones
with planned and actual dates, the agreements signed for it with the obligations they carry,
and the capital that has arrived in instalments. Money is kept in its own currency and, beside
it, in CNY at the rate of its own date (tracker.models.rates.rate_on), written with the amount:
the leadership report adds CNY columns and never converts.
"""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import LabelledEnum, RecordMixin, TimestampMixin, enum_column, live_index
from tracker.models.need import Currency
from tracker.text import search_key

if TYPE_CHECKING:
    from tracker.models.followup import FollowUp
    from tracker.models.need import Need
    from tracker.models.organisation import Organisation
    from tracker.models.user import User
    from tracker.models.vocabulary import KeyIndustry

# A project over this contracted investment (in CNY) is a "major project" (亿元以上项目).
MAJOR_PROJECT_CNY = Decimal("100000000")


class Milestone(LabelledEnum):
    """The steps from a signature to a producing plant, in order."""

    SIGNED = "signed", _l("Agreement signed")
    REGISTERED = "registered", _l("Company registered")
    SITE_SECURED = "site_secured", _l("Land or lease secured")
    CONSTRUCTION = "construction", _l("Construction started")
    PRODUCTION = "production", _l("Production started")


MILESTONE_LABELS = Milestone.labels()
MILESTONES = tuple(Milestone)

# A project and the needs it came from; a need yields at most one project (the unique key).
project_need = sa.Table(
    "project_need",
    db.metadata,
    sa.Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("need_id", ForeignKey("need.id", ondelete="CASCADE"), primary_key=True),
    UniqueConstraint("need_id", name="uq_project_need_need_id"),
)


class Project(RecordMixin, db.Model):
    """An investment project of a company, followed from the agreement to production."""

    __table_args__ = (
        # The leadership report counts live projects per officer, industry and year.
        live_index("ix_project_live_owner", "owner_id"),
        live_index("ix_project_live_industry", "key_industry_id"),
        live_index("ix_project_live_created", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    key_industry_id: Mapped[int | None] = mapped_column(ForeignKey("key_industry.id"))
    # The officer who answers for it (the targets per officer count their projects).
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    description: Mapped[str | None] = mapped_column(Text)
    contracted_amount: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    contracted_currency: Mapped[Currency | None] = mapped_column(
        enum_column(Currency, "contracted_currency")
    )
    # Written with the amount, at the rate of the signing date (or of the day it was entered).
    contracted_cny: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    registered_capital: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    registered_currency: Mapped[Currency | None] = mapped_column(
        enum_column(Currency, "registered_currency")
    )
    jobs_promised: Mapped[int | None]
    # The company's unified social credit code (统一社会信用代码), 18 characters, check digit
    # validated (tracker.projects.uscc).
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    # Foreign investment: capital from abroad counts as foreign investment actually used.
    foreign: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Seen only by its owner, managers and admins, like a confidential need (tracker.security).
    confidential: Mapped[bool] = mapped_column(default=False, server_default=false())
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    organisation: Mapped["Organisation"] = relationship()
    key_industry: Mapped["KeyIndustry | None"] = relationship()
    owner: Mapped["User | None"] = relationship(foreign_keys=[owner_id])
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    needs: Mapped[list["Need"]] = relationship(secondary=project_need, lazy="raise")
    milestones: Mapped[list["ProjectMilestone"]] = relationship(
        back_populates="project", lazy="raise", cascade="all, delete-orphan"
    )
    agreements: Mapped[list["Agreement"]] = relationship(back_populates="project", lazy="raise")
    instalments: Mapped[list["Instalment"]] = relationship(back_populates="project", lazy="raise")

    def refresh_keys(self) -> None:
        """Recompute the folded search key from the name."""
        self.search_key = search_key(self.name)

    def __repr__(self) -> str:
        return f"<Project {self.name!r}>"


class ProjectMilestone(TimestampMixin, db.Model):
    """One milestone of a project: when it is planned and when it happened."""

    __tablename__ = "project_milestone"
    __table_args__ = (
        UniqueConstraint("project_id", "milestone", name="uq_project_milestone"),
        # The report: projects that reached a milestone in a period.
        Index("ix_project_milestone_reached", "milestone", "actual_on", "project_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    milestone: Mapped[Milestone] = mapped_column(enum_column(Milestone))
    planned_on: Mapped[date | None]
    actual_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(String(300))

    project: Mapped[Project] = relationship(back_populates="milestones")


class AgreementKind(LabelledEnum):
    MOU = "mou", _l("Memorandum of understanding")
    INVESTMENT = "investment", _l("Investment agreement")
    LEASE = "lease", _l("Lease")
    SUBSIDY = "subsidy", _l("Subsidy contract")
    OTHER = "other", _l("Other agreement")


AGREEMENT_KIND_LABELS = AgreementKind.labels()


class Agreement(RecordMixin, db.Model):
    """An agreement signed for a project, with its parties, dates and a stored document."""

    __table_args__ = (live_index("ix_agreement_live_project", "project_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    kind: Mapped[AgreementKind] = mapped_column(enum_column(AgreementKind))
    title: Mapped[str] = mapped_column(String(200))
    # The parties, one per line, as the agreement names them.
    parties: Mapped[str | None] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(String(100))
    signed_on: Mapped[date | None]
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    # The stored document (tracker.projects.documents): its file name as uploaded, media type,
    # size and the SHA-256 of its content, which names the file in the instance folder.
    document_name: Mapped[str | None] = mapped_column(String(200))
    document_type: Mapped[str | None] = mapped_column(String(100))
    document_size: Mapped[int | None]
    document_sha256: Mapped[str | None] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    project: Mapped[Project] = relationship(back_populates="agreements")
    obligations: Mapped[list["Obligation"]] = relationship(back_populates="agreement", lazy="raise")
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])


class Party(LabelledEnum):
    """Who owes an obligation."""

    COMPANY = "company", _l("The company")
    DISTRICT = "district", _l("The district")


PARTY_LABELS = Party.labels()


class ObligationKind(LabelledEnum):
    INVESTMENT = "investment", _l("Investment")
    JOBS = "jobs", _l("Jobs")
    TAX = "tax", _l("Tax revenue")
    SPACE = "space", _l("Space")
    SUBSIDY = "subsidy", _l("Subsidy")
    APPROVAL = "approval", _l("Approval")
    MILESTONE = "milestone", _l("Milestone")
    OTHER = "other", _l("Other")


OBLIGATION_KIND_LABELS = ObligationKind.labels()


class ObligationStatus(LabelledEnum):
    OPEN = "open", _l("Open")
    MET = "met", _l("Met")
    LATE = "late", _l("Late")
    WAIVED = "waived", _l("Waived")

    @property
    def is_outstanding(self) -> bool:
        """Still owed: open, or late."""
        return self in (ObligationStatus.OPEN, ObligationStatus.LATE)


OBLIGATION_STATUS_LABELS = ObligationStatus.labels()


class Obligation(RecordMixin, db.Model):
    """What one side of an agreement owes by when: an amount, a headcount or a milestone."""

    __table_args__ = (
        # Overdue obligations, and the reminders' run: outstanding ones by due date.
        live_index("ix_obligation_live_status_due", "status", "due_on", "project_id"),
        live_index("ix_obligation_live_agreement", "agreement_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"))
    # The agreement's project, kept with it: the confidential rule and the report read it.
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    party: Mapped[Party] = mapped_column(enum_column(Party))
    kind: Mapped[ObligationKind] = mapped_column(enum_column(ObligationKind))
    description: Mapped[str] = mapped_column(String(300))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    currency: Mapped[Currency | None] = mapped_column(enum_column(Currency))
    headcount: Mapped[int | None]
    milestone: Mapped[Milestone | None] = mapped_column(enum_column(Milestone))
    due_on: Mapped[date]
    status: Mapped[ObligationStatus] = mapped_column(
        enum_column(ObligationStatus), default=ObligationStatus.OPEN
    )
    met_on: Mapped[date | None]
    # The colleague who watches it; the reminder follow-up goes to them before the deadline.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    remind_days: Mapped[int] = mapped_column(default=14, server_default="14")
    reminder_id: Mapped[int | None] = mapped_column(ForeignKey("followup.id", ondelete="SET NULL"))

    agreement: Mapped[Agreement] = relationship(back_populates="obligations")
    project: Mapped[Project] = relationship()
    owner: Mapped["User | None"] = relationship(foreign_keys=[owner_id])
    reminder: Mapped["FollowUp | None"] = relationship()

    def is_overdue(self, today: date) -> bool:
        return self.status.is_outstanding and self.due_on < today


class Instalment(RecordMixin, db.Model):
    """Capital that arrived for a project (到位资金): when, how much, and its CNY value at the
    rate of that day."""

    __table_args__ = (
        live_index("ix_instalment_live_received", "received_on", "project_id", "amount_cny"),
        live_index("ix_instalment_live_project", "project_id", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    received_on: Mapped[date]
    amount: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    currency: Mapped[Currency] = mapped_column(enum_column(Currency))
    # The rate used and the result, written with the amount (tracker.models.rates.rate_on).
    rate_to_cny: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    amount_cny: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    note: Mapped[str | None] = mapped_column(String(300))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    project: Mapped[Project] = relationship(back_populates="instalments")


class TargetMetric(LabelledEnum):
    """What the district leadership sets a year's target for."""

    SIGNED = "signed", _l("Signed projects")
    CONTRACTED = "contracted", _l("Contracted investment (CNY)")
    IN_PLACE = "in_place", _l("Capital in place (CNY)")
    MAJOR = "major", _l("Projects over ¥100 million")
    JOBS = "jobs", _l("Jobs promised")


TARGET_METRIC_LABELS = TargetMetric.labels()


_TARGET_SCOPES = (
    ("district", (), "key_industry_id IS NULL AND officer_id IS NULL"),
    ("industry", ("key_industry_id",), "key_industry_id IS NOT NULL"),
    ("officer", ("officer_id",), "officer_id IS NOT NULL"),
)


class AnnualTarget(TimestampMixin, db.Model):
    """A year's target for one figure: for the district (no industry, no officer), for one key
    industry, or for one officer."""

    __tablename__ = "annual_target"
    __table_args__ = (
        # One target per year, figure and scope (the district, an industry or an officer).
        *(
            Index(
                f"uq_annual_target_{name}",
                "year",
                "metric",
                *columns,
                unique=True,
                sqlite_where=sa.text(where),
                postgresql_where=sa.text(where),
            )
            for name, columns, where in _TARGET_SCOPES
        ),
        CheckConstraint(
            "key_industry_id IS NULL OR officer_id IS NULL", name="annual_target_one_scope"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    year: Mapped[int]
    metric: Mapped[TargetMetric] = mapped_column(enum_column(TargetMetric))
    key_industry_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_industry.id", ondelete="CASCADE")
    )
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    value: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    __mapper_args__ = {"version_id_col": version}

    key_industry: Mapped["KeyIndustry | None"] = relationship()
    officer: Mapped["User | None"] = relationship(foreign_keys=[officer_id])
