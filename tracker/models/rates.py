"""Exchange rates set by managers, so the pipeline report can add up investments in CNY."""

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Numeric
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_column
from tracker.models.need import Currency

if TYPE_CHECKING:
    from tracker.models.user import User


class ExchangeRate(TimestampMixin, db.Model):
    """How many CNY one unit of a currency is worth (CNY itself is always 1)."""

    __tablename__ = "exchange_rate"

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[Currency] = mapped_column(enum_column(Currency), unique=True)
    rate_to_cny: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    updated_by: Mapped["User | None"] = relationship()

    def __repr__(self) -> str:
        return f"<ExchangeRate {self.currency} {self.rate_to_cny}>"
