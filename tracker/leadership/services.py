"""The leadership report: the year to date against the year's targets and the same period last
year, by month, key industry, officer and origin country, the funnel from visit to producing
plant and the overdue obligations; kept per data version (tracker.datacache)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from tracker import datacache
from tracker.extensions import db
from tracker.i18n import country_name
from tracker.leadership import funnel, obligations
from tracker.leadership.figures import Groups, Tally, project_groups
from tracker.leadership.periods import NONE, Drill, Period
from tracker.leadership.targets import targets_of
from tracker.models import KeyIndustry, TargetMetric, User
from tracker.models.project import TARGET_METRIC_LABELS

T = TypeVar("T")

# The summary's rows: (Tally attribute, label, "count" | "money" | "rate", its target's metric,
# the figure its drill-down lists).
SUMMARY = (
    ("signed", TARGET_METRIC_LABELS[TargetMetric.SIGNED], "count", TargetMetric.SIGNED, "signed"),
    ("contracted", TARGET_METRIC_LABELS[TargetMetric.CONTRACTED], "money",
     TargetMetric.CONTRACTED, "contracted"),
    ("in_place", TARGET_METRIC_LABELS[TargetMetric.IN_PLACE], "money", TargetMetric.IN_PLACE,
     "in_place"),
    ("major", TARGET_METRIC_LABELS[TargetMetric.MAJOR], "count", TargetMetric.MAJOR, "major"),
    ("jobs", TARGET_METRIC_LABELS[TargetMetric.JOBS], "count", TargetMetric.JOBS, "jobs"),
    ("foreign", _l("Foreign investment actually used (CNY)"), "money", None, "foreign"),
    ("start_rate", _l("Start rate"), "rate", None, "started"),
    ("production_rate", _l("Production rate"), "rate", None, "producing"),
)  # fmt: skip
FUNNEL_LABELS = {
    "delegations": _l("Delegations"), "organisations": _l("Organisations met"),
    "needs": _l("Needs raised"), "talks": _l("Needs with talks"), "won": _l("Won"),
    "signed": _l("Signed projects"), "in_place": _l("Capital in place"),
    "producing": _l("Producing"),
}  # fmt: skip

# What each records page lists (tracker.leadership.records), as its heading names it.
FIGURE_LABELS = {
    **{figure: label for _key, label, _kind, _metric, figure in SUMMARY},
    "started": _l("Signed projects whose construction started"),
    "producing": _l("Signed projects in production"),
    **{f"funnel_{step}": label for step, label in FUNNEL_LABELS.items()},
}


@dataclass
class MetricRow:
    """One figure of the summary: target, actual, the same period last year."""

    key: str
    label: str
    kind: str
    figure: str
    target: Decimal | None
    actual: Decimal | int | float | None
    last: Decimal | int | float | None
    # Of a rate: the projects it counts (started or producing), this year and last.
    count: int | None = None
    last_count: int | None = None

    @property
    def completion(self) -> float | None:
        """完成率: the actual's share of the target."""
        if self.target is None or not self.target or self.actual is None:
            return None
        return float(Decimal(self.actual) / self.target)

    @property
    def change(self) -> float | None:
        """同比: the change against the same period last year."""
        if self.kind == "rate" or not self.last or self.actual is None:
            return None
        return float((Decimal(self.actual) - Decimal(self.last)) / Decimal(self.last))


@dataclass
class BreakdownRow:
    """One industry, officer or country: its figures, targets and drill-down filters."""

    label: str
    drill: Drill
    tally: Tally
    targets: dict[TargetMetric, Decimal]


@dataclass
class MonthRow:
    month: date
    this: Tally
    last: Tally


@dataclass
class FunnelRow:
    key: str
    label: str
    value: int
    drill: str  # the URL of its records (the chart's href() returns it as it is)


@dataclass
class LeadershipReport:
    period: Period
    summary: list[MetricRow]
    by_month: list[MonthRow]
    by_industry: list[BreakdownRow]
    by_officer: list[BreakdownRow]
    by_country: list[BreakdownRow]
    funnel: list[funnel.Step]
    overdue: obligations.Overdue


def _value(tally: Tally, key: str):
    return getattr(tally, key)


def summary(groups: Groups, targets: dict) -> list[MetricRow]:
    """The district's figures against its targets and last year's."""
    this, last = groups.total(True), groups.total(False)
    return [
        MetricRow(key, str(label), kind, figure,
                  targets.get(("district", 0, metric)) if metric else None,
                  _value(this, key), _value(last, key),
                  getattr(this, figure) if kind == "rate" else None,
                  getattr(last, figure) if kind == "rate" else None)
        for key, label, kind, metric, figure in SUMMARY
    ]  # fmt: skip


def _breakdown(groups: Groups, part: str, targets: dict, label_of: Callable) -> list[BreakdownRow]:
    """Rows per value of one part (industry, officer, country), with its targets."""
    tallies = groups.by(part)
    scoped = {(i, m): v for (k, i, m), v in targets.items() if k == part}
    keys = set(tallies) | {ident for ident, _m in scoped}
    rows = [
        BreakdownRow(label_of(key), Drill(**{part: NONE if key is None else key}),
                     tallies.get(key, Tally()),
                     {m: v for (i, m), v in scoped.items() if i == key})
        for key in keys
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (-r.tally.signed, -r.tally.contracted, r.label))


def _names(model_column, id_column) -> dict:
    return dict(db.session.execute(select(id_column, model_column)).all())


def leadership_report(period: Period, today: date) -> LeadershipReport:
    """Every figure of the report for the period."""
    groups = project_groups(period)
    targets = targets_of(period.year)
    industries = _names(KeyIndustry.label_column(), KeyIndustry.id)
    officers = _names(User.display_name, User.id)
    return LeadershipReport(
        period=period,
        summary=summary(groups, targets),
        by_month=[MonthRow(month, groups.total(True, month=month.month),
                           groups.total(False, month=month.month))
                  for month in period.months()],
        by_industry=_breakdown(groups, "industry", targets,
                               lambda i: industries.get(i) or _("No key industry")),
        by_officer=_breakdown(groups, "officer", targets,
                              lambda i: officers.get(i) or _("No officer")),
        by_country=_breakdown(groups, "country", {},
                              lambda c: country_name(c) or _("Country not given")),
        funnel=funnel.funnel(period.year),
        overdue=obligations.overdue(today),
    )  # fmt: skip


def cached_report(
    period: Period, today: date, user: User, draw: Callable[[LeadershipReport], T]
) -> T:
    """draw(leadership_report(...)), once per data version, day, language and view of the
    confidential projects."""
    parts = (period, today, str(get_locale()), datacache.viewer(user))
    return datacache.cached("leadership", parts, lambda: draw(leadership_report(period, today)))
