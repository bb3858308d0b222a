"""The matchmaking day (issue 23): a delegation's session of one-to-one talks laid out on days,
slots and tables, with interpreters, availability blocks and the requests the solver places."""

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import (
    LabelledEnum,
    RecordMixin,
    TimestampMixin,
    VersionedMixin,
    enum_column,
    link_table,
)
from tracker.models.talk import DEFAULT_TIMEZONE

if TYPE_CHECKING:
    from tracker.models.delegation import Delegation
    from tracker.models.matchmaking import Match
    from tracker.models.need import Need
    from tracker.models.person import Person
    from tracker.models.talk import Talk
    from tracker.models.user import User

SLOT_MINUTES = (15, 20, 30)
DEFAULT_DAY_START = time(9, 0)
DEFAULT_DAY_END = time(17, 30)
DEFAULT_MAX_TALKS_PER_DAY = 8


class SessionStatus(LabelledEnum):
    """A session is planned as a draft, then published to the people."""

    DRAFT = "draft", _l("Draft")
    PUBLISHED = "published", _l("Published")


class RequestPriority(LabelledEnum):
    """How much a talk matters: every "must" is placed before any "should" or "could"."""

    MUST = "must", _l("Must")
    SHOULD = "should", _l("Should")
    COULD = "could", _l("Could")


class RequestStatus(LabelledEnum):
    """Where a requested talk stands: asked for, placed in the grid, then held or missed."""

    REQUESTED = "requested", _l("Requested")
    SCHEDULED = "scheduled", _l("Scheduled")
    HELD = "held", _l("Held")
    NO_SHOW = "no_show", _l("No-show")


class MatchmakingSession(RecordMixin, db.Model):
    """A delegation's matchmaking day(s): the slot length, the breaks, the tables, the talks."""

    __tablename__ = "matchmaking_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    slot_minutes: Mapped[int] = mapped_column(default=20)
    # The day's times are wall-clock times in this zone (the commission's).
    timezone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIMEZONE)
    max_talks_per_day: Mapped[int] = mapped_column(default=DEFAULT_MAX_TALKS_PER_DAY)
    status: Mapped[SessionStatus] = mapped_column(
        enum_column(SessionStatus), default=SessionStatus.DRAFT
    )
    # The last solve's figures, shown on the solve page: objective, best bound, seconds, status.
    last_solve: Mapped[str | None] = mapped_column(String(300))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    delegation: Mapped["Delegation"] = relationship()
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    days: Mapped[list["SessionDay"]] = relationship(
        back_populates="session", lazy="raise", cascade="all, delete-orphan",
        order_by="SessionDay.day",
    )  # fmt: skip
    breaks: Mapped[list["SessionBreak"]] = relationship(
        back_populates="session", lazy="raise", cascade="all, delete-orphan",
        order_by="SessionBreak.starts",
    )  # fmt: skip
    tables: Mapped[list["SessionTable"]] = relationship(
        back_populates="session", lazy="raise", cascade="all, delete-orphan",
        order_by="SessionTable.position",
    )  # fmt: skip
    interpreters: Mapped[list["Interpreter"]] = relationship(
        back_populates="session", lazy="raise", cascade="all, delete-orphan",
        order_by="Interpreter.id",
    )  # fmt: skip
    blocks: Mapped[list["AvailabilityBlock"]] = relationship(
        back_populates="session", lazy="raise", cascade="all, delete-orphan",
        order_by="AvailabilityBlock.starts_at",
    )  # fmt: skip
    requests: Mapped[list["TalkRequest"]] = relationship(
        back_populates="session", lazy="raise", cascade="all, delete-orphan",
        order_by="TalkRequest.id",
    )  # fmt: skip

    def __repr__(self) -> str:
        return f"<MatchmakingSession {self.title!r}>"


class SessionDay(db.Model):
    """One day of a session and its time window (wall-clock, in the session's zone)."""

    __tablename__ = "session_day"
    __table_args__ = (UniqueConstraint("session_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("matchmaking_session.id", ondelete="CASCADE")
    )
    day: Mapped[date]
    starts: Mapped[time] = mapped_column(default=DEFAULT_DAY_START)
    ends: Mapped[time] = mapped_column(default=DEFAULT_DAY_END)

    session: Mapped[MatchmakingSession] = relationship(back_populates="days")


class SessionBreak(db.Model):
    """A break on every day of the session (lunch, a plenary): no talk overlaps it."""

    __tablename__ = "session_break"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("matchmaking_session.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(100), default="")
    starts: Mapped[time]
    ends: Mapped[time]

    session: Mapped[MatchmakingSession] = relationship(back_populates="breaks")


class SessionTable(VersionedMixin, TimestampMixin, db.Model):
    """A room or numbered table: its seats and the staff member hosting it."""

    __tablename__ = "session_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("matchmaking_session.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)  # the grid's column order
    capacity: Mapped[int] = mapped_column(default=4)  # seats, interpreter included
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )

    session: Mapped[MatchmakingSession] = relationship(back_populates="tables")
    host: Mapped["User | None"] = relationship()


class Interpreter(VersionedMixin, TimestampMixin, db.Model):
    """A staff member or a hired interpreter, with the language pairs they bridge."""

    __tablename__ = "interpreter"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("matchmaking_session.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")  # a hired interpreter's name
    pairs: Mapped[str] = mapped_column(String(120), default="")  # "de-zh en-zh"

    session: Mapped[MatchmakingSession] = relationship(back_populates="interpreters")
    user: Mapped["User | None"] = relationship()

    @property
    def display_name(self) -> str:
        return self.user.display_name if self.user is not None else self.name


class AvailabilityBlock(TimestampMixin, db.Model):
    """A period when a person, an interpreter or a table is not available (UTC)."""

    __tablename__ = "availability_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("matchmaking_session.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    interpreter_id: Mapped[int | None] = mapped_column(
        ForeignKey("interpreter.id", ondelete="CASCADE"), index=True
    )
    table_id: Mapped[int | None] = mapped_column(
        ForeignKey("session_table.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]  # UTC
    ends_at: Mapped[datetime]  # UTC
    reason: Mapped[str] = mapped_column(String(200), default="")

    session: Mapped[MatchmakingSession] = relationship(back_populates="blocks")
    person: Mapped["Person | None"] = relationship()
    interpreter: Mapped[Interpreter | None] = relationship()
    table: Mapped[SessionTable | None] = relationship()


talk_request_visitor = link_table(
    "talk_request_visitor", "talk_request_id", "person_id", other_ondelete="CASCADE"
)
talk_request_partner = link_table(
    "talk_request_partner", "talk_request_id", "person_id", other_ondelete="CASCADE"
)


class TalkRequest(RecordMixin, db.Model):
    """A one-to-one talk asked for, and where the solver (or a person) placed it."""

    __tablename__ = "talk_request"
    __table_args__ = (Index("ix_talk_request_session_status", "session_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("matchmaking_session.id", ondelete="CASCADE")
    )
    match_id: Mapped[int | None] = mapped_column(
        ForeignKey("match.id", ondelete="SET NULL"), index=True
    )
    need_id: Mapped[int | None] = mapped_column(
        ForeignKey("need.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    priority: Mapped[RequestPriority] = mapped_column(
        enum_column(RequestPriority), default=RequestPriority.SHOULD
    )
    status: Mapped[RequestStatus] = mapped_column(
        enum_column(RequestStatus), default=RequestStatus.REQUESTED
    )
    # The placement: start (UTC; its day and slot follow from the session), table, interpreter.
    starts_at: Mapped[datetime | None]
    table_id: Mapped[int | None] = mapped_column(
        ForeignKey("session_table.id", ondelete="SET NULL"), index=True
    )
    interpreter_id: Mapped[int | None] = mapped_column(
        ForeignKey("interpreter.id", ondelete="SET NULL"), index=True
    )
    locked: Mapped[bool] = mapped_column(default=False)
    # Why the last solve left it out, in plain words (the language of whoever ran it).
    unplaced_reason: Mapped[str | None] = mapped_column(Text)
    # The real talk, created when placed (only for a request about a need: a talk has one).
    talk_id: Mapped[int | None] = mapped_column(
        ForeignKey("talk.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    session: Mapped[MatchmakingSession] = relationship(back_populates="requests")
    match: Mapped["Match | None"] = relationship()
    need: Mapped["Need | None"] = relationship()
    table: Mapped[SessionTable | None] = relationship()
    interpreter: Mapped[Interpreter | None] = relationship()
    talk: Mapped["Talk | None"] = relationship()
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    visitors: Mapped[list["Person"]] = relationship(
        secondary=talk_request_visitor, lazy="raise", order_by="Person.full_name"
    )
    partners: Mapped[list["Person"]] = relationship(
        secondary=talk_request_partner, lazy="raise", order_by="Person.full_name"
    )

    @property
    def is_placed(self) -> bool:
        return self.starts_at is not None and self.table_id is not None

    def __repr__(self) -> str:
        return f"<TalkRequest {self.title!r} {self.priority}>"
