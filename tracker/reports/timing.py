"""Figures over time: time spent in each stage, the monthly trend, follow-ups done per month."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import desc, func, literal, select, union_all

from tracker.dates import within_days
from tracker.extensions import db
from tracker.models import FollowUp, FollowUpStatus, Need, Stage, StageChange, Talk, utcnow
from tracker.needs.services import NeedFilters, filtered
from tracker.reports.scope import counts_on_needs, on_needs
from tracker.sqlfuncs import days_between, year_month

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
    """Periods and needs per stage spent in: the periods, and of them the needs' first in the
    stage (kept by tracker.needs.periods), read in the order of their index. Every stage is
    counted and the ends dropped here: a condition on the stage would cost a probe per row."""
    stmt = select(StageChange.to_stage, StageChange.first_in_stage, func.count()).group_by(
        StageChange.to_stage, StageChange.first_in_stage
    )
    counts: dict[Stage, tuple[int, int]] = {}
    for (stage, first), n in counts_on_needs(stmt, StageChange.need_id, f).items():
        if stage in ENDS:
            continue
        periods, needs = counts.get(stage, (0, 0))
        counts[stage] = (periods + n, needs + (n if first else 0))
    return counts


def _length(now: datetime):
    """A period's days: kept once it ended (tracker.needs.periods), else until now."""
    return func.coalesce(StageChange.days, days_between(StageChange.changed_at, now))


def _ranked_days(f: NeedFilters, now: datetime, wanted: set[int]) -> dict:
    """(stage, rank) -> days of the wanted ranks, every period ranked by length in its stage:
    for the few periods of filtered needs."""
    rank = func.row_number().over(partition_by=StageChange.to_stage, order_by=_length(now))
    ranked = (
        select(StageChange.to_stage.label("stage"), _length(now).label("days"), rank.label("rn"))
        .where(StageChange.to_stage.not_in(ENDS), on_needs(StageChange.need_id, f))
        .subquery()
    )
    stmt = select(ranked.c.stage, ranked.c.rn, ranked.c.days).where(ranked.c.rn.in_(wanted))
    return {(stage, rank): value for stage, rank, value in db.session.execute(stmt)}


def _days_at(f: NeedFilters, now: datetime, stage: Stage, n: int, first: int) -> list:
    """The days of the periods ranked first and first + 1 of the stage's n: the periods that
    ended, in the order of their kept days, merged with the current ones, in the order they
    began. A rank past the middle is read from the longest end, and only as many current
    periods as the rank needs are sorted (their days are not in an index: they grow with now).
    """
    longest = first < n and first > n - first
    skip = n - first - 1 if longest else first - 1  # rows before the two wanted, walking
    where = (StageChange.to_stage == stage, on_needs(StageChange.need_id, f))
    ended = select(StageChange.days.label("days")).where(StageChange.days.is_not(None), *where)
    # The longest current periods began first: their index order, bounded to the rows needed.
    current = (
        select(days_between(StageChange.changed_at, now).label("days"))
        .where(StageChange.left_at.is_(None), *where)
        .order_by(StageChange.changed_at if longest else StageChange.changed_at.desc())
        .limit(skip + 2)
        .subquery()
    )
    order = desc("days") if longest else "days"
    stmt = union_all(ended, select(current.c.days)).order_by(order).limit(2).offset(skip)
    found = list(db.session.scalars(stmt))
    return found[::-1] if longest else found


def percentile_rows(n: int, p: int) -> tuple[int, int]:
    """The 1-based ranks of the two values around the p-th percentile of n values: with linear
    interpolation (as numpy does) it sits at 0-based position (n-1)*p/100."""
    k = (n - 1) * p // 100
    return k + 1, k + 2


def interpolate(lower, upper, n: int, p: int) -> float:
    """The p-th percentile between its two ranked values (upper is None past the last)."""
    fraction = (n - 1) * p % 100 / 100.0
    lower = float(lower)
    return lower + ((lower if upper is None else float(upper)) - lower) * fraction


def time_in_stage(f: NeedFilters, now: datetime) -> list[StageTime]:
    """Median and 90th percentile of the days between a stage change and the need's next one
    (or now, for the current stage); won and lost are ends, not stages one spends time in.

    The periods per stage first. Of all needs, each percentile is then read by walking the
    stage's periods in the order of their length (two indexes, no sort of every period); of
    filtered needs, their few periods are ranked in one query.
    """
    counts = _period_counts(f)
    if not counts:
        return []
    if f.is_set():
        wanted = {rank for n, _needs in counts.values() for p in PERCENTILES
                  for rank in percentile_rows(n, p)}  # fmt: skip
        ranked = _ranked_days(f, now, wanted)

        def values(stage, n, p):
            return [ranked.get((stage, rank)) for rank in percentile_rows(n, p)]
    else:

        def values(stage, n, p):
            found = _days_at(f, now, stage, n, percentile_rows(n, p)[0])
            return found + [None] * (2 - len(found))

    rows = []
    for stage in Stage:
        if stage not in counts:
            continue
        n, needs = counts[stage]
        median, p90 = (interpolate(*values(stage, n, p), n, p) for p in PERCENTILES)
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
