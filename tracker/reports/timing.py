"""Figures over time: time spent in each stage, the monthly trend, follow-ups done per month."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, literal, select, type_coerce, union_all
from sqlalchemy.types import NullType

from tracker.dates import within_days
from tracker.extensions import db
from tracker.models import FollowUp, FollowUpStatus, Need, Stage, StageChange, Talk, utcnow
from tracker.needs.services import NeedFilters, filtered
from tracker.reports.scope import on_needs
from tracker.sqlfuncs import span, span_days, year_month

# Percentiles shown per stage, in hundredths: the median and the 90th percentile.
PERCENTILES = (50, 90)
# Won and lost end a need's pipeline: no time is spent in them.
ENDS = (Stage.WON, Stage.LOST)


@dataclass(frozen=True)
class StageTime:
    """Days needs spent in a stage: how many periods, of how many needs, median and 90th."""

    stage: Stage
    periods: int
    needs: int
    median: float
    p90: float

    @property
    def drill(self) -> dict:
        return {"entered": self.stage}


def _period_counts(f: NeedFilters) -> dict[Stage, tuple[int, int]]:
    """Periods and needs per stage spent in, read from the history's (to_stage, need_id) index."""
    stmt = (
        select(
            StageChange.to_stage, func.count(StageChange.id),
            func.count(StageChange.need_id.distinct()),
        )
        .where(StageChange.to_stage.not_in(ENDS), on_needs(StageChange.need_id, f))
        .group_by(StageChange.to_stage)
    )  # fmt: skip
    return {stage: (periods, needs) for stage, periods, needs in db.session.execute(stmt)}


def _ranked_periods(f: NeedFilters, now: datetime):
    """Each period's stage, length and rank by length within its stage (ranked by the span,
    which sorts like its days but is cheaper to compute for every period)."""
    next_change = func.lead(StageChange.changed_at).over(
        partition_by=StageChange.need_id, order_by=(StageChange.changed_at, StageChange.id)
    )
    periods = (
        select(
            StageChange.to_stage.label("stage"),
            span(StageChange.changed_at, func.coalesce(next_change, now)).label("length"),
        )
        .where(on_needs(StageChange.need_id, f))
        .subquery()
    )
    rank = func.row_number().over(partition_by=periods.c.stage, order_by=periods.c.length)
    return (
        select(periods.c.stage, periods.c.length, rank.label("rn"))
        .where(periods.c.stage.not_in(ENDS))
        .subquery()
    )


def percentile_rows(n: int, p: int) -> tuple[int, int]:
    """The 1-based ranks of the two values around the p-th percentile of n values: with linear
    interpolation (as numpy does) it sits at 0-based position (n-1)*p/100."""
    k = (n - 1) * p // 100
    return k + 1, k + 2


def interpolate(lower, upper, n: int, p: int) -> float:
    """The p-th percentile between its two ranked values (upper is None past the last).

    The arithmetic is the databases' own: the difference of two values as stored (REAL on
    SQLite, NUMERIC on PostgreSQL), then double precision, so the figures do not move.
    """
    fraction = (n - 1) * p % 100 / 100.0
    return float(lower) + float((lower if upper is None else upper) - lower) * fraction


def time_in_stage(f: NeedFilters, now: datetime) -> list[StageTime]:
    """Median and 90th percentile of the days between a stage change and the need's next one
    (or now, for the current stage); won and lost are ends, not stages one spends time in.

    Two queries: the periods per stage first, so that the second, which ranks every period by
    length, returns only the ranks around each percentile instead of counting per row.
    """
    counts = _period_counts(f)
    if not counts:
        return []
    wanted = {rank for n, _needs in counts.values() for p in PERCENTILES
              for rank in percentile_rows(n, p)}  # fmt: skip
    ranked = _ranked_periods(f, now)
    # The days as stored, not as floats: PostgreSQL's are exact NUMERIC (see interpolate).
    days_as_stored = type_coerce(span_days(ranked.c.length), NullType())
    stmt = select(ranked.c.stage, ranked.c.rn, days_as_stored).where(ranked.c.rn.in_(wanted))
    days = {(stage, rank): value for stage, rank, value in db.session.execute(stmt)}
    rows = []
    for stage in Stage:
        if stage not in counts:
            continue
        n, needs = counts[stage]
        median, p90 = (
            interpolate(*(days.get((stage, rank)) for rank in percentile_rows(n, p)), n, p)
            for p in PERCENTILES
        )
        rows.append(StageTime(stage, n, needs, median, p90))
    return rows


@dataclass(frozen=True)
class MonthPoint:
    """One month of a trend: its values and drill-down additions per series."""

    month: date
    values: dict
    drills: dict


def add_months(day: date, months: int) -> date:
    """The first day of the month months after day's month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_end(first: date) -> date:
    """The last day of first's month."""
    return date.fromordinal(add_months(first, 1).toordinal() - 1)


def trend(f: NeedFilters, months: list[date], offset: int) -> list[MonthPoint]:
    """New, won and lost needs per local month (created in it, or moved to won/lost in it), and
    the talks held (ended by now) on the filtered needs that started in it."""
    if not months:
        return []
    start, end = months[0], month_end(months[-1])
    created = filtered(
        select(year_month(Need.created_at, offset).label("month"), literal("new").label("series")),
        f,
    ).where(*within_days(Need.created_at, start, end))
    closed = filtered(
        select(year_month(Need.stage_changed_at, offset), Need.stage),
        f,
    ).where(
        Need.stage.in_((Stage.WON, Stage.LOST)), *within_days(Need.stage_changed_at, start, end)
    )
    talks = filtered(
        select(year_month(Talk.starts_at, offset), literal("talks"))
        .select_from(Talk)
        .join(Need, Need.id == Talk.need_id),
        f,
    ).where(Talk.ends_at <= utcnow(), *within_days(Talk.starts_at, start, end))
    both = union_all(created, closed, talks).subquery()
    stmt = select(both.c.month, both.c.series, func.count()).group_by(both.c.month, both.c.series)
    counts = {(month, str(series)): n for month, series, n in db.session.execute(stmt)}
    points = []
    for first in months:
        key, last = f"{first:%Y-%m}", month_end(first)
        created_from = max(first, f.created_from or first)
        created_to = min(last, f.created_to or last)
        drills = {
            "new": {"created_from": created_from, "created_to": created_to},
            "won": {"stage": Stage.WON, "moved_from": first, "moved_to": last},
            "lost": {"stage": Stage.LOST, "moved_from": first, "moved_to": last},
            # Talks drill into the talks list (tracker.reports.links.trend_url routes by key).
            "talks": {"held_from": first, "held_to": last},
        }
        values = {series: counts.get((key, series), 0) for series in drills}
        points.append(MonthPoint(first, values, drills))
    return points


def done_per_month(f: NeedFilters, months: list[date], offset: int) -> list[MonthPoint]:
    """Follow-ups on the filtered needs marked done, per local month of completion."""
    if not months:
        return []
    start, end = months[0], month_end(months[-1])
    month = year_month(FollowUp.completed_at, offset)
    stmt = (
        select(month, func.count(FollowUp.id))
        .where(
            FollowUp.status == FollowUpStatus.DONE,
            on_needs(FollowUp.need_id, f),
            *within_days(FollowUp.completed_at, start, end),
        )
        .group_by(month)
    )
    counts = dict(db.session.execute(stmt).all())
    return [
        MonthPoint(
            first,
            {"done": counts.get(f"{first:%Y-%m}", 0)},
            {"done": {"status": "done", "completed_from": first,
                      "completed_to": month_end(first)}},
        )
        for first in months
    ]  # fmt: skip
