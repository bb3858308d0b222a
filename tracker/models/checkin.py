"""After the matchmaking day: the check-ins on a held talk ("What came of it?") three and six
months later, each a follow-up for the need's owner, and the answer given."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import LabelledEnum, TimestampMixin, enum_column

if TYPE_CHECKING:
    from tracker.models.followup import FollowUp
    from tracker.models.scheduling import TalkRequest
    from tracker.models.user import User

CHECK_IN_MONTHS = (3, 6)


class CheckInAnswer(LabelledEnum):
    """What came of a talk, as its need's owner answers a check-in."""

    NO_CONTACT = "no_contact", _l("No further contact")
    IN_CONTACT = "in_contact", _l("In contact")
    NEGOTIATING = "negotiating", _l("Negotiating")
    AGREEMENT = "agreement", _l("Agreement reached")


class TalkCheckIn(TimestampMixin, db.Model):
    """One check-in on a held talk request: its follow-up, and the answer once given."""

    __tablename__ = "talk_check_in"
    __table_args__ = (UniqueConstraint("talk_request_id", "months"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    talk_request_id: Mapped[int] = mapped_column(
        ForeignKey("talk_request.id", ondelete="CASCADE"), index=True
    )
    followup_id: Mapped[int] = mapped_column(
        ForeignKey("followup.id", ondelete="CASCADE"), unique=True
    )
    months: Mapped[int]
    answer: Mapped[CheckInAnswer | None] = mapped_column(enum_column(CheckInAnswer))
    answered_at: Mapped[datetime | None]
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    talk_request: Mapped["TalkRequest"] = relationship()
    followup: Mapped["FollowUp"] = relationship(back_populates="check_in")
    answered_by: Mapped["User | None"] = relationship()

    def __repr__(self) -> str:
        return f"<TalkCheckIn {self.talk_request_id} +{self.months}m {self.answer}>"
