"""The pipeline report: its filters, who sees what, and all its figures gathered for the page."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from flask_babel import get_locale
from sqlalchemy import delete, select
from sqlalchemy.orm import joinedload

from tracker import datacache
from tracker.extensions import db
from tracker.i18n import commission_zone, local_today
from tracker.models import Currency, ExchangeRate, Stage, User, utcnow
from tracker.needs.services import NeedFilters
from tracker.projects import money as project_money
from tracker.reports import figures, money, summary, timing
from tracker.reports.timing import add_months
from tracker.security import can

T = TypeVar("T")

# The longest trend the report draws; a wider date range shows its latest months.
MAX_MONTHS = 36


@dataclass
class ReportFilters:
    """The report's filters: a date range applying to creation or to reaching a stage, and the
    needs list's delegation, origin, industry, category and owner filters."""

    date_from: date | None = None
    date_to: date | None = None
    dates: str = "created"  # "created", or the Stage value whose reaching the dates bound
    delegation_id: int | None = None
    origin: str | None = None
    key_industry_id: int | None = None
    category_id: int | None = None
    owner_id: int | None = None

    def need_filters(self, today: date) -> NeedFilters:
        """The same filters as the needs list understands them (drill-down links reuse them)."""
        f = NeedFilters(
            delegation_id=self.delegation_id, origin=self.origin,
            key_industry_id=self.key_industry_id, category_id=self.category_id,
            owner_id=self.owner_id, today=today,
        )  # fmt: skip
        if self.dates == "created":
            return replace(f, created_from=self.date_from, created_to=self.date_to)
        if self.date_from or self.date_to:
            return replace(
                f, reached=Stage(self.dates), reached_from=self.date_from, reached_to=self.date_to
            )
        return f

    def is_set(self) -> bool:
        return any(
            (self.date_from, self.date_to, self.delegation_id, self.origin,
             self.key_industry_id, self.category_id, self.owner_id)
        )  # fmt: skip


def scoped(filters: ReportFilters, user: User) -> ReportFilters:
    """Staff see the figures of their own needs only, whatever the owner filter says."""
    if can("report.view_all", user):
        return filters
    return replace(filters, owner_id=user.id)


def month_window(filters: ReportFilters, today: date) -> list[date]:
    """First days of the trend's months: the filtered date range, else the last 12 months."""
    last = filters.date_to or max(today, filters.date_from or today)
    first = filters.date_from or add_months(last.replace(day=1), -11)
    months, cursor = [], first.replace(day=1)
    while cursor <= last:
        months.append(cursor)
        cursor = add_months(cursor, 1)
    return months[-MAX_MONTHS:]


def local_offset_minutes() -> int:
    """The commission's offset from UTC (Asia/Shanghai has no daylight saving time)."""
    zone = commission_zone()
    return int(datetime.now(zone).utcoffset().total_seconds() // 60)


@dataclass
class PipelineReport:
    """Every figure of the pipeline report, each computed by one query."""

    needs: NeedFilters  # the needs behind every figure; drill-down links add to these
    total: int
    funnel: list
    money: "money.MoneyTable"
    by_industry: list
    by_category: list
    by_delegation: list
    by_region: list
    by_owner: list
    conversion: list
    lost_reasons: list
    time_in_stage: list
    followups_by_staff: list
    done_per_month: list
    no_open_followup: "figures.Bar"
    trend: list
    summary: "summary.Summary"


def pipeline_report(filters: ReportFilters, user: User, today: date) -> PipelineReport:
    """The pipeline report for user: everything, or their own needs' figures for staff."""
    f = scoped(filters, user).need_filters(today)
    months = month_window(filters, today)
    offset = local_offset_minutes()
    table = money.money_by_stage(f)
    # The money table counts the needs of each stage already: the funnel reuses its counts.
    funnel = figures.stage_bars({stage.stage: int(stage.needs) for stage in table.stages})
    followups_by_staff = figures.followups_by_staff(f, today)
    counts = figures.need_counts(f)  # the breakdowns' counts, in one scan where it can
    return PipelineReport(
        needs=f,
        total=sum(bar.value for bar in funnel),
        funnel=funnel,
        money=table,
        by_industry=figures.by_industry(f, counts),
        by_category=figures.by_category(f, counts),
        by_delegation=figures.by_delegation(f, counts),
        by_region=figures.by_region(f, counts),
        by_owner=figures.by_owner(f, counts),
        conversion=figures.conversion(f, counts),
        lost_reasons=figures.lost_reasons(f, counts),
        time_in_stage=timing.time_in_stage(f, utcnow()),
        followups_by_staff=followups_by_staff,
        done_per_month=timing.done_per_month(f, months, offset),
        no_open_followup=figures.no_open_followup(f),
        trend=timing.trend(f, months, offset),
        # From the money table's and follow-ups' figures, plus one query for this year's wins.
        summary=summary.summary(f, table.stages, followups_by_staff, today),
    )


def cached_pipeline_report(
    filters: ReportFilters,
    user: User,
    today: date,
    draw: Callable[[PipelineReport], T],
    extra_key: tuple = (),
) -> T:
    """draw(pipeline_report(...)), computed once per data version for everyone who sees the same
    figures: the same scoped filters, day, language, confidential needs shown or hidden, and all
    figures or their own; extra_key holds anything else the drawing depends on."""
    parts = (
        scoped(filters, user), today, str(get_locale()), datacache.viewer(user),
        can("report.view_all", user), extra_key,
    )  # fmt: skip
    return datacache.cached("pipeline", parts, lambda: draw(pipeline_report(filters, user, today)))


def current_rates() -> dict[Currency, ExchangeRate]:
    """The rate to CNY of each currency that has one: a manager's, or the default shipped."""
    stmt = select(ExchangeRate).options(joinedload(ExchangeRate.updated_by))
    return {rate.currency: rate for rate in db.session.scalars(stmt)}


def set_rates(rates: dict[Currency, Decimal | None], by: User, today: date | None = None) -> None:
    """Save the rates as by's own, effective today; None removes a currency's rate (its amounts
    are then not converted). A default saved unchanged stays the default."""
    today = today or local_today()
    existing = {r.currency: r for r in db.session.scalars(select(ExchangeRate))}
    for currency, rate in rates.items():
        row = existing.get(currency)
        if rate is None:
            db.session.execute(delete(ExchangeRate).where(ExchangeRate.currency == currency))
        elif row is None:
            db.session.add(ExchangeRate(currency=currency, rate_to_cny=rate, updated_by=by,
                                        effective_on=today, is_default=False))  # fmt: skip
        elif row.rate_to_cny != rate or not row.is_default:
            if row.rate_to_cny != rate:
                row.effective_on = today
            row.rate_to_cny, row.updated_by, row.is_default = rate, by, False
        if rate is not None:
            # The rate is also the currency's quote from today on (the history that converts
            # dated amounts), and today's quote changes what today's amounts are worth.
            project_money.set_quote(currency, rate=rate, day=today, by=by)
    db.session.flush()
