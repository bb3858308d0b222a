"""The pipeline report's tables as spreadsheets: the same figures, filters and scope as the page."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from tracker.exports import Column
from tracker.models import User, utcnow
from tracker.needs.services import NeedFilters
from tracker.reports import figures, money, timing
from tracker.reports.services import ReportFilters, local_offset_minutes, month_window, scoped

# The trend tables' series; a series without a label here is headed by its key.
SERIES_LABELS = {
    "new": _l("New needs"),
    "won": _l("Won"),
    "lost": _l("Lost"),
    "talks": _l("Talks held"),
    "done": _l("Done"),
}


@dataclass(frozen=True)
class Scope:
    """What every table is computed from: the user's needs, today and the trend's months."""

    needs: NeedFilters
    today: date
    months: list[date]


def _bars(heading) -> tuple[Column, ...]:
    return (Column(heading, lambda b: b.label), Column(_l("Needs"), lambda b: b.value))


def _money_rows(s: Scope) -> Iterable[tuple]:
    """One row per stage and currency, then the stage's total."""
    for stage in money.money_by_stage(s.needs).stages:
        for row in stage.rows:
            currency = row.currency.value if row.currency else _("not given")
            yield (stage.stage, currency, row.needs, row.investment, row.in_cny, row.jobs)
        yield (stage.stage, _("Total"), stage.needs, None, stage.in_cny, stage.jobs)


def _share(row) -> float | None:
    return round(row.share * 100, 1) if row.share is not None else None


def _trend_columns(points) -> tuple[Column, ...]:
    keys = list(points[0].values) if points else []
    return (
        Column(_l("Month"), lambda p: f"{p.month:%Y-%m}"),
        *(Column(SERIES_LABELS[k], lambda p, k=k: p.values[k]) for k in keys),
    )


def _item(i: int) -> Callable:
    return lambda row: row[i]


MONEY_HEADINGS = (
    _l("Stage"), _l("Currency"), _l("Needs"), _l("Estimated investment"), _l("In CNY"),
    _l("Expected jobs"),
)  # fmt: skip
# name -> (fixed columns, or None when the rows decide them; the rows of the table)
TABLES: dict[str, tuple[tuple[Column, ...] | None, Callable[[Scope], list]]] = {
    "funnel": (_bars(_l("Stage")), lambda s: figures.funnel(s.needs)),
    "conversion": (
        (
            Column(_l("Stage"), lambda r: r.stage),
            Column(_l("Reached"), lambda r: r.reached),
            Column(_l("Of previous stage (%)"), _share),
        ),
        lambda s: figures.conversion(s.needs),
    ),
    "money": (
        tuple(Column(h, _item(i)) for i, h in enumerate(MONEY_HEADINGS)),
        lambda s: list(_money_rows(s)),
    ),
    "industry": (_bars(_l("Key industry")), lambda s: figures.by_industry(s.needs)),
    "category": (_bars(_l("Category")), lambda s: figures.by_category(s.needs)),
    "delegation": (_bars(_l("Delegation")), lambda s: figures.by_delegation(s.needs)),
    "region": (_bars(_l("Origin region")), lambda s: figures.by_region(s.needs)),
    "owner": (_bars(_l("Owner")), lambda s: figures.by_owner(s.needs)),
    "lost": (_bars(_l("Lost reason")), lambda s: figures.lost_reasons(s.needs)),
    "time": (
        (
            Column(_l("Stage"), lambda r: r.stage),
            Column(_l("Needs"), lambda r: r.needs),
            Column(_l("Periods"), lambda r: r.periods),
            Column(_l("Median (days)"), lambda r: round(r.median, 1)),
            Column(_l("90th percentile (days)"), lambda r: round(r.p90, 1)),
        ),
        lambda s: timing.time_in_stage(s.needs, utcnow()),
    ),
    "followups": (
        (
            Column(_l("Assigned to"), lambda r: r.name),
            Column(_l("Open"), lambda r: r.open),
            Column(_l("Overdue"), lambda r: r.overdue),
        ),
        lambda s: figures.followups_by_staff(s.needs, s.today),
    ),
    "done": (
        None,
        lambda s: timing.done_per_month(s.needs, s.months, local_offset_minutes()),
    ),
    "trend": (None, lambda s: timing.trend(s.needs, s.months, local_offset_minutes())),
}


def report_table(
    name: str, filters: ReportFilters, user: User, today: date
) -> tuple[tuple[Column, ...], list] | None:
    """The columns and rows of one table for user (staff: their own needs), None if unknown."""
    if name not in TABLES:
        return None
    columns, rows_of = TABLES[name]
    scope = Scope(scoped(filters, user).need_filters(today), today, month_window(filters, today))
    rows = rows_of(scope)
    return columns or _trend_columns(rows), rows
