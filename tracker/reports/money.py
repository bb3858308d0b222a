"""Estimated investment and expected jobs per stage and currency, converted to CNY in SQL."""

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import case, func, literal, select

from tracker.extensions import db
from tracker.models import Currency, ExchangeRate, Need, Stage
from tracker.needs.services import NONE, NeedFilters, filtered


@dataclass(frozen=True)
class CurrencyRow:
    """The needs of one stage in one currency (None: no currency given)."""

    currency: Currency | None
    needs: int
    investment: Decimal | None
    jobs: int | None
    in_cny: Decimal | None  # None when the currency has no rate
    drill: dict


@dataclass
class StageMoney:
    """A stage's needs, investment per currency, CNY total and expected jobs."""

    stage: Stage
    needs: int
    jobs: int | None
    in_cny: Decimal | None
    rows: list[CurrencyRow] = field(default_factory=list)
    drill: dict = field(default_factory=dict)
    partial: bool = False  # some amounts of the stage have no rate, so in_cny leaves them out


@dataclass
class MoneyTable:
    """Per stage figures, and the currencies whose amounts could not be converted."""

    stages: list[StageMoney]
    missing_rates: list[str]


def _rate_lookups() -> list[tuple]:
    """(currency = X, X's rate) for each currency but CNY: each rate is looked up once per
    query, not joined to every need (no rate: NULL, so the amount stays out of the sums)."""
    return [
        (
            Need.currency == currency,
            select(ExchangeRate.rate_to_cny)
            .where(ExchangeRate.currency == currency)
            .scalar_subquery(),
        )
        for currency in Currency
        if currency != Currency.CNY
    ]


def money_by_stage(f: NeedFilters) -> MoneyTable:
    """Investment and jobs per stage and currency; CNY totals per stage by a window sum."""
    # CNY last: a CASE takes the type of its last branch, and integer 1 keeps the amounts' scale.
    rate = case(*_rate_lookups(), (Need.currency == Currency.CNY, literal(1)))
    converted = func.sum(Need.estimated_investment * rate)
    jobs = func.sum(Need.expected_jobs)
    per_stage = {"partition_by": Need.stage}
    stmt = filtered(
        select(
            Need.stage, Need.currency, func.count(Need.id), func.sum(Need.estimated_investment),
            jobs, converted,
            func.sum(func.count(Need.id)).over(**per_stage),
            func.sum(jobs).over(**per_stage),
            func.sum(converted).over(**per_stage),
        )
        .group_by(Need.stage, Need.currency),
        f,
    ).order_by(Need.stage, Need.currency)  # fmt: skip
    stages: dict[Stage, StageMoney] = {}
    missing: set[str] = set()
    for (
        stage,
        currency,
        needs,
        invested,
        jobs_,
        in_cny,
        total,
        total_jobs,
        total_cny,
    ) in db.session.execute(stmt):
        drill = {"stage": stage}
        if stage not in stages:
            stages[stage] = StageMoney(stage, total, total_jobs, total_cny, drill=drill)
        if invested is not None and in_cny is None:
            missing.add(currency.value if currency else "—")
            stages[stage].partial = True
        stages[stage].rows.append(
            CurrencyRow(currency, needs, invested, jobs_, in_cny,
                        {**drill, "currency": currency.value if currency else NONE})
        )  # fmt: skip
    ordered = [stages[s] for s in Stage if s in stages]
    return MoneyTable(ordered, sorted(missing))
