"""Reports: the pipeline report with its drill-down links, and the exchange-rate table.

URL map:
    GET      /reports/pipeline   reports.pipeline   everyone (staff see their own needs)
    GET      /reports/pipeline/export/<table>.<csv|xlsx>   reports.export   as the report
    GET/POST /reports/rates      reports.rates      report.view_all
    POST     /reports/rates/from-a-date   reports.add_quote   report.view_all
"""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from markupsafe import Markup

from tracker import choices
from tracker.exports import send_table
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.lookup.services import filter_options
from tracker.models import Currency, Stage
from tracker.projects import money as project_money
from tracker.projects.forms import RateQuoteForm as QuoteForm
from tracker.reports import exports, links, services
from tracker.reports.filters import parse_report_filters
from tracker.reports.forms import CONVERTIBLE, RatesForm
from tracker.reports.sessions import session_figures
from tracker.security import can, require

bp = Blueprint("reports", __name__, url_prefix="/reports")

# Bars per breakdown on the page (needs by delegation, owner, ...); the downloads have all rows.
TOP_BARS = 15


def _sessions(all_figures: bool) -> list:
    """The matchmaking days' figures, for those who see every need's figures (staff see their
    own needs' only, and a day's talks are everyone's)."""
    return session_figures() if all_figures else []


@bp.route("/pipeline")
def pipeline():
    """The pipeline report; every figure links to the needs or follow-ups behind it."""
    filters = parse_report_filters(request.args)
    all_figures = can("report.view_all")
    # The figures are drawn once per data version, like their numbers: drawing every chart and
    # table with its hundreds of links cost more than looking the cached numbers up. Their
    # export links carry the query string, so it is part of the key.
    figures = services.cached_pipeline_report(
        filters, current_user, local_today(), partial(_draw, all_figures),
        extra_key=tuple(sorted(request.args.items(multi=True))),
    )  # fmt: skip
    # Markup: the autoescaped output of the app's own template, kept as it was rendered.
    figures = Markup(figures)  # noqa: S704  # nosec B704
    return render_template(
        "reports/pipeline.html", figures=figures, filters=filters,
        options=_options(filters), all_figures=all_figures, sessions=_sessions(all_figures),
    )  # fmt: skip


def _draw(all_figures: bool, report) -> str:
    """The report's charts and tables as HTML."""
    return render_template(
        "reports/_figures.html", report=report,
        needs_href=links.hrefs(links.needs_url, report.needs),
        followups_href=links.hrefs(links.followups_url, report.needs),
        trend_href=links.hrefs(links.trend_url, report.needs),
        all_figures=all_figures, top_bars=TOP_BARS,
    )  # fmt: skip


@bp.route("/pipeline/export/<table>.<any(csv,xlsx):fmt>")
def export(table: str, fmt: str):
    """One table of the pipeline report as CSV or XLSX, with the report's filters and scope."""
    found = exports.report_table(
        table, parse_report_filters(request.args), current_user, local_today()
    )
    if found is None:
        abort(404)
    return send_table(fmt, f"pipeline-{table}", *found)


@bp.route("/rates", methods=["GET", "POST"])
@require("report.view_all")
def rates():
    """Set the rates that convert investments to CNY in the report."""
    current = services.current_rates()
    form = RatesForm(data={c.value: r.rate_to_cny for c, r in current.items()})
    if form.validate_on_submit():
        services.set_rates(form.rates(), by=current_user)
        db.session.commit()
        flash(_("Exchange rates saved."), "success")
        return redirect(url_for("reports.rates"))
    return _rates_page(form, QuoteForm(formdata=None))


def _rates_page(form: RatesForm, quote_form: QuoteForm):
    """The rates page: today's rates, the dated quotes, and the form for a past day's rate."""
    return render_template(
        "reports/rates.html", form=form, currencies=CONVERTIBLE, current=services.current_rates(),
        quote_form=quote_form, quotes=project_money.rate_history(),
    )  # fmt: skip


@bp.route("/rates/from-a-date", methods=["POST"])
@require("report.view_all")
def add_quote():
    """A currency's rate from a past day on; the amounts of those days are converted again."""
    quote_form = QuoteForm()
    if quote_form.validate_on_submit():
        data = quote_form.data
        changed = project_money.set_quote(
            Currency(data["currency"]), data["effective_on"], data["rate"], current_user
        )
        db.session.commit()
        flash(_reconverted(changed), "success")
        return redirect(url_for("reports.rates", _anchor="history"))
    current = services.current_rates()
    form = RatesForm(formdata=None, data={c.value: r.rate_to_cny for c, r in current.items()})
    return _rates_page(form, quote_form)


def _reconverted(changed: int) -> str:
    return ngettext(
        "Rate saved; %(num)d amount converted again.",
        "Rate saved; %(num)d amounts converted again.",
        changed,
    )


def _options(filters: services.ReportFilters) -> dict:
    """The filters' choices; delegations are a picker: the chosen one and the latest."""
    return {
        "stages": list(Stage),
        "categories": choices.categories(),
        "industries": choices.industries(),
        "owners": choices.active_users() if can("report.view_all") else [],
        "delegations": filter_options("delegations", filters.delegation_id),
    }
