"""Estimated investment and expected jobs per stage and currency, converted to CNY in SQL."""

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Integer, cast, func, select

from tracker.extensions import db
from tracker.models import Currency, ExchangeRate, Need, Stage
from tracker.models.rates import cny_rate
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
    # Currencies converted at the default rates shipped with the app (no manager's own yet).
    default_rates: list[str] = field(default_factory=list)


def money_by_stage(f: NeedFilters) -> MoneyTable:
    """Investment and jobs per stage and currency; CNY totals per stage by a window sum."""
    converted = func.sum(Need.estimated_investment * cny_rate(Need.currency))
    jobs = func.sum(Need.expected_jobs)
    per_stage = {"partition_by": Need.stage}
    stmt = filtered(
        select(
            Need.stage, Need.currency, func.count(Need.id), func.sum(Need.estimated_investment),
            jobs, converted,
            # A sum of counts is a numeric on PostgreSQL: cast, so the count is an int.
            cast(func.sum(func.count(Need.id)).over(**per_stage), Integer),
            func.sum(jobs).over(**per_stage),
            func.sum(converted).over(**per_stage),
        )
        .group_by(Need.stage, Need.currency),
        f,
    ).order_by(Need.stage, Need.currency)  # fmt: skip
    stages: dict[Stage, StageMoney] = {}
    missing: set[str] = set()
    converted: set[str] = set()
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
        elif in_cny is not None and currency not in (None, Currency.CNY):
            converted.add(currency.value)
        stages[stage].rows.append(
            CurrencyRow(currency, needs, invested, jobs_, in_cny,
                        {**drill, "currency": currency.value if currency else NONE})
        )  # fmt: skip
    ordered = [stages[s] for s in Stage if s in stages]
    defaults = select(ExchangeRate.currency).where(ExchangeRate.is_default.is_(True))
    by_default = {c.value for c in db.session.scalars(defaults)} & converted
    return MoneyTable(ordered, sorted(missing), sorted(by_default))
