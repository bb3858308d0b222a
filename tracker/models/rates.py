"""Exchange rates set by managers, so the pipeline report can add up investments in CNY."""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, ForeignKey, Numeric, case, false, literal, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_column
from tracker.models.need import Currency

if TYPE_CHECKING:
    from tracker.models.user import User


class ExchangeRate(TimestampMixin, db.Model):
    """How many CNY one unit of a currency is worth (CNY itself is always 1): a default shipped
    with the app (migration 0017) until a manager gives their own."""

    __tablename__ = "exchange_rate"

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[Currency] = mapped_column(enum_column(Currency), unique=True)
    rate_to_cny: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    # The day the rate was quoted (a default's) or set (a manager's).
    effective_on: Mapped[date | None]
    is_default: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    updated_by: Mapped["User | None"] = relationship()

    def __repr__(self) -> str:
        return f"<ExchangeRate {self.currency} {self.rate_to_cny}>"


def cny_rate(currency: ColumnElement) -> ColumnElement:
    """SQL: how many CNY one unit of the row's currency is worth; NULL for no currency or one
    without a rate, so that amount stays out of a sum. Each rate is a subquery run once per
    statement, not a join to every row (the pipeline report and the board's columns)."""
    lookups = [
        (
            currency == other,
            select(ExchangeRate.rate_to_cny)
            .where(ExchangeRate.currency == other)
            .scalar_subquery(),
        )
        for other in Currency
        if other != Currency.CNY
    ]
    # CNY last: a CASE takes the type of its last branch, and integer 1 keeps the amounts' scale.
    return case(*lookups, (currency == Currency.CNY, literal(1)))
