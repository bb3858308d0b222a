"""Where the report's figures lead: the records page behind each figure, a project's page and
the obligations list."""

from urllib.parse import urlencode

from flask import g, url_for

from tracker.leadership.periods import Drill, Period
from tracker.leadership.services import FUNNEL_LABELS, FunnelRow
from tracker.reports.timing import MonthPoint


def project_url(project_id: int) -> str:
    """A project's page."""
    return url_for("projects.detail", project_id=project_id)


def obligations_url(party: str) -> str:
    """The obligations list, overdue ones of one party (company or district)."""
    return url_for("agreements.obligations", overdue=1, party=party)


def records_url(figure: str, period: Period, drill: Drill | None = None, last: bool = False) -> str:
    """The records page listing exactly what figure counts for the period (or the same period
    last year) with drill's filters."""
    args = {"figure": figure, "year": period.year, "month": period.month}
    args.update(drill.args() if drill is not None else {})
    if last:
        args["last"] = "1"
    # The page has hundreds of these links: the path is built once, the query by urlencode
    # (url_for per link cost a third of drawing the report).
    return f"{_records_path()}?{urlencode(args)}"


def _records_path() -> str:
    paths = g.setdefault("leadership_paths", {})
    if "records" not in paths:
        paths["records"] = url_for("leadership.records")
    return paths["records"]


def delegations_url(year: int) -> str:
    """The delegations list of the visits that started in year (the funnel's first step)."""
    return url_for("delegations.list", year=year)


def month_points(report) -> list[MonthPoint]:
    """The trend chart's months: signed projects this year and in the same month last year,
    each bar linking to its projects."""
    period = report.period
    return [
        MonthPoint(row.month, {"signed": row.this.signed, "signed_last": row.last.signed}, {
            "signed": records_url("signed", period, Drill(in_month=row.month.month)),
            "signed_last": records_url("signed", period, Drill(in_month=row.month.month),
                                       last=True),
        })
        for row in report.by_month
    ]  # fmt: skip


def funnel_rows(report) -> list[FunnelRow]:
    """The funnel's steps with their labels and the lists behind them."""
    year, rows = report.period.year, []
    for step in report.funnel:
        url = (delegations_url(year) if step.key == "delegations"
               else records_url(f"funnel_{step.key}", report.period))  # fmt: skip
        rows.append(FunnelRow(step.key, str(FUNNEL_LABELS[step.key]), step.value, url))
    return rows
