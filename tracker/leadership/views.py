"""The leadership report, the records behind its figures, its workbook and the annual targets.

URL map:
    GET      /leadership              leadership.report    leadership.view
    GET      /leadership/records      leadership.records   leadership.view
    GET      /leadership/export.xlsx  leadership.export    leadership.view
    GET/POST /leadership/targets      leadership.targets   target.manage
"""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from tracker.exports import download
from tracker.i18n import local_today
from tracker.leadership import exports, links, services, targets
from tracker.leadership.forms import grid_data, targets_form
from tracker.leadership.periods import parse_drill, parse_period
from tracker.leadership.records import records as figure_records
from tracker.pagination import paginate_rows
from tracker.security import require
from tracker.versioning import saving

bp = Blueprint("leadership", __name__, url_prefix="/leadership")


@bp.route("")
@require("leadership.view")
def report():
    """The year to date against the targets and last year; every figure links to its records."""
    period = parse_period(request.args, local_today())
    figures = services.cached_report(period, local_today(), current_user, _draw)
    # Markup: the autoescaped output of the app's own template, kept as it was rendered.
    figures = Markup(figures)  # noqa: S704  # nosec B704
    return render_template("leadership/report.html", figures=figures, period=period,
                           years=_years())  # fmt: skip


def _draw(report: services.LeadershipReport) -> str:
    """The report's charts and tables as HTML (kept with the figures: nothing here may depend
    on the request beyond the period and the language)."""
    return render_template("leadership/_figures.html", report=report, links=links,
                           period=report.period, same=lambda url: url)  # fmt: skip


def _years() -> list[int]:
    """The years offered by the period picker: from five years back to next year."""
    this = local_today().year
    return list(range(this + 1, this - 6, -1))


@bp.route("/records")
@require("leadership.view")
def records():
    """The projects, instalments, needs or organisations one figure counts."""
    figure = request.args.get("figure") or "signed"
    period, drill = parse_period(request.args, local_today()), parse_drill(request.args)
    found = figure_records(figure, period, drill, last=request.args.get("last") == "1")
    if found is None:
        abort(404)
    return render_template(
        "leadership/records.html", found=found, period=period, drill=drill, links=links,
        figure_label=services.FIGURE_LABELS[figure], page=paginate_rows(found.stmt),
        last=request.args.get("last") == "1",
    )  # fmt: skip


@bp.route("/export.xlsx")
@require("leadership.view")
def export():
    """The whole report as a workbook laid out as the monthly report to the district."""
    period = parse_period(request.args, local_today())
    report = services.leadership_report(period, local_today())
    filename = f"leadership-{period.year}-{period.month:02d}.xlsx"
    return download(exports.workbook(report), filename)


@bp.route("/targets", methods=["GET", "POST"])
@require("target.manage")
def targets_page():
    """The year's targets in one grid; ?copy=1 fills it with last year's for saving."""
    year = parse_period(request.args, local_today()).year
    rows, form = _grid(year, copy=request.args.get("copy") == "1")
    context = {"rows": rows, "year": year, "metrics": targets.METRICS}
    if form.validate_on_submit():
        with saving(None, form, "leadership/targets.html", partial(_grid_now, year), **context):
            targets.save_targets(year, form.values(rows), form.version.data, current_user)
        flash(_("Targets for %(year)s saved.", year=year), "success")
        return redirect(url_for("leadership.targets_page", year=year))
    return render_template("leadership/targets.html", form=form, **context)


def _grid(year: int, copy: bool = False):
    """The grid's rows and form: the year's targets, or last year's to copy (a GET only)."""
    rows = targets.grid_rows(year)
    loading = request.method == "GET"
    values = targets.targets_of(year - 1 if copy and loading else year)
    # A save names the version it was loaded with; one that does not is refused (409).
    data = grid_data(values, targets.version_of(year) if loading else "")
    return rows, targets_form(rows, _("District"), data=data)


def _grid_now(year: int):
    """After a conflict: the grid as saved now, for the notice beside the user's input."""
    rows = targets.grid_rows(year)
    data = grid_data(targets.targets_of(year), targets.version_of(year))
    saved = targets_form(rows, _("District"), formdata=None, data=data)
    return saved, {"rows": rows, "year": year, "metrics": targets.METRICS}
