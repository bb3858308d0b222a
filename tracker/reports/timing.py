"""Figures over time: time spent in each stage, the monthly trend, follow-ups done per month."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, literal, select, union_all

from tracker.extensions import db
from tracker.models import FollowUp, FollowUpStatus, Need, Stage, StageChange, Talk, utcnow
from tracker.needs.services import NeedFilters, filtered, within_days
from tracker.reports.sqlfuncs import days_between, year_month

# Percentiles shown per stage, in hundredths: the median and the 90th percentile.
PERCENTILES = (50, 90)


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


def _percentile_parts(ranked, p: int):
    """The two ranked values around the p-th percentile (linear interpolation, as numpy does).

    With n values the percentile sits at 0-based position (n-1)*p/100; integer arithmetic
    finds the row before it (k) and after it (k+1) on SQLite and PostgreSQL alike.
    """
    position = (ranked.c.n - 1) * p  # in hundredths of a row
    lower = (ranked.c.rn - 1) * 100 <= position
    below = position < ranked.c.rn * 100
    upper = ((ranked.c.rn - 2) * 100 <= position) & (position < (ranked.c.rn - 1) * 100)
    return (
        func.max(case((lower & below, ranked.c.days))).label(f"lo{p}"),
        func.max(case((upper, ranked.c.days))).label(f"hi{p}"),
    )


def time_in_stage(f: NeedFilters, now: datetime) -> list[StageTime]:
    """Median and 90th percentile of the days between a stage change and the need's next one
    (or now, for the current stage); won and lost are ends, not stages one spends time in."""
    next_change = func.lead(StageChange.changed_at).over(
        partition_by=StageChange.need_id, order_by=(StageChange.changed_at, StageChange.id)
    )
    periods = (
        select(
            StageChange.need_id,
            StageChange.to_stage.label("stage"),
            days_between(StageChange.changed_at, func.coalesce(next_change, now)).label("days"),
        )
        .where(StageChange.need_id.in_(filtered(select(Need.id), f)))
        .subquery()
    )
    ranked = (
        select(
            periods.c.stage, periods.c.need_id, periods.c.days,
            func.row_number().over(partition_by=periods.c.stage, order_by=periods.c.days)
            .label("rn"),
            func.count().over(partition_by=periods.c.stage).label("n"),
        )
        .where(periods.c.stage.not_in((Stage.WON, Stage.LOST)))
        .subquery()
    )  # fmt: skip
    parts = [part for p in PERCENTILES for part in _percentile_parts(ranked, p)]
    grouped = (
        select(
            ranked.c.stage, func.max(ranked.c.n).label("n"),
            func.count(ranked.c.need_id.distinct()).label("needs"), *parts,
        )
        .group_by(ranked.c.stage)
        .subquery()
    )  # fmt: skip
    values = []
    for p in PERCENTILES:
        lo, hi = grouped.c[f"lo{p}"], grouped.c[f"hi{p}"]
        fraction = ((grouped.c.n - 1) * p % 100) / literal(100.0)
        values.append(lo + (func.coalesce(hi, lo) - lo) * fraction)
    rows = dict(
        (row[0], row)
        for row in db.session.execute(
            select(grouped.c.stage, grouped.c.n, grouped.c.needs, *values)
        )
    )
    return [
        StageTime(s, rows[s][1], rows[s][2], float(rows[s][3]), float(rows[s][4]))
        for s in Stage
        if s in rows
    ]


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
            FollowUp.need_id.in_(filtered(select(Need.id), f)),
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
