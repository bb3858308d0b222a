"""Exchange rates set by managers, so the pipeline report can add up investments in CNY."""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    Numeric,
    UniqueConstraint,
    case,
    false,
    literal,
    select,
)
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


class RateQuote(TimestampMixin, db.Model):
    """A currency's rate to CNY from a day on, until the next quote: the history that converts a
    dated amount (a capital instalment) at the rate of its own day. Every rate a manager sets
    is also a quote from that day; older days' rates are entered as quotes of their own."""

    __tablename__ = "rate_quote"
    __table_args__ = (UniqueConstraint("currency", "effective_on", name="uq_rate_quote_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[Currency] = mapped_column(enum_column(Currency))
    effective_on: Mapped[date]
    rate_to_cny: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


def rate_on(currency: Currency, day: date) -> Decimal | None:
    """How many CNY one unit of currency was worth on day: the latest quote on or before it,
    else the earliest quote (an amount older than every quote), else the current rate; None
    when the currency has no rate at all."""
    if currency == Currency.CNY:
        return Decimal(1)
    quotes = select(RateQuote.rate_to_cny).where(RateQuote.currency == currency)
    rate = db.session.scalar(
        quotes.where(RateQuote.effective_on <= day).order_by(RateQuote.effective_on.desc()).limit(1)
    )
    if rate is None:
        rate = db.session.scalar(quotes.order_by(RateQuote.effective_on).limit(1))
    if rate is None:
        current = select(ExchangeRate.rate_to_cny).where(ExchangeRate.currency == currency)
        rate = db.session.scalar(current)
    return rate


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
