"""Delegations: list, detail, create, edit, delete; members and meetings hang off the detail."""

import re
from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import Select

from tracker.delegations import (
    choices,
    exports,
    meeting_views,
    member_views,
    report_views,
    services,
)
from tracker.delegations.forms import DelegationForm, OrganisationPickForm
from tracker.deletion import DeletePage, cannot_delete, confirm_delete
from tracker.exports import send_table, stream_rows
from tracker.extensions import db
from tracker.followups.queries import followups_panel
from tracker.models import Delegation, DelegationStatus
from tracker.needs.services import needs_panel
from tracker.pagination import paginate_rows
from tracker.projects.provenance import visit_results
from tracker.security import get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.versioning import saving

bp = Blueprint("delegations", __name__, url_prefix="/delegations")

# Members and meetings live in their own modules; the whole URL map stays on this screen.
_RULES = (
    ("/<int:delegation_id>/members/add", member_views.add_member, ("GET", "POST")),
    ("/<int:delegation_id>/members/<int:member_id>/remove", member_views.remove_member, ("POST",)),
    ("/<int:delegation_id>/organisations/add", member_views.add_organisation, ("POST",)),
    (
        "/<int:delegation_id>/organisations/<int:organisation_id>/remove",
        member_views.remove_organisation,
        ("POST",),
    ),
    ("/<int:delegation_id>/meetings/new", meeting_views.create_meeting, ("GET", "POST")),
    (
        "/<int:delegation_id>/meetings/<int:meeting_id>/edit",
        meeting_views.edit_meeting,
        ("GET", "POST"),
    ),
    (
        "/<int:delegation_id>/meetings/<int:meeting_id>/delete",
        meeting_views.delete_meeting,
        ("GET", "POST"),
    ),
    ("/<int:delegation_id>/report", report_views.report, ("GET",)),
    ("/<int:delegation_id>/report.xlsx", report_views.report_xlsx, ("GET",)),
    ("/<int:delegation_id>/report-needs.csv", report_views.report_needs_csv, ("GET",)),
)
for _rule, _view, _methods in _RULES:
    bp.add_url_rule(_rule, view_func=_view, methods=_methods)

STATUS_VALUES = {s.value for s in DelegationStatus}
SORT_VALUES = {prefix + key for key in services.SORTS for prefix in ("", "-")}


def _list_filters() -> dict:
    """The list's query arguments, each checked against its allow-list (else dropped)."""
    args = request.args
    year, country = args.get("year", ""), args.get("country", "").upper()
    return {
        "q": args.get("q", "")[:200].strip(),
        "status": args.get("status") if args.get("status") in STATUS_VALUES else "",
        "year": int(year) if re.fullmatch(r"(19|20|21)\d\d", year) else None,
        "country": country if re.fullmatch(r"[A-Z]{2}", country) else "",
    }


def _list_query() -> tuple[dict, str, Select]:
    """The list's filters, sort and statement, from the query string (the export reuses it)."""
    filters = _list_filters()
    sort = request.args.get("sort", "")
    sort = sort if sort in SORT_VALUES else services.DEFAULT_SORT
    stmt = services.list_delegations(
        filters["q"],
        DelegationStatus(filters["status"]) if filters["status"] else None,
        filters["year"],
        filters["country"] or None,
        sort,
    )
    return filters, sort, stmt


@bp.route("/", endpoint="list")
@require("record.view")
def list_delegations():
    """Delegations with search, filters, sorting and pages."""
    filters, sort, stmt = _list_query()
    page = paginate_rows(stmt)
    years, countries = services.filter_options()
    return render_template(
        "delegations/list.html",
        page=page,
        filters=filters,
        filtered=any(filters.values()),
        sort=sort,
        years=years,
        countries=countries,
        statuses=DelegationStatus,
    )


@bp.route("/export.<any(csv,xlsx):fmt>")
@require("record.view")
def export(fmt: str):
    """The list as CSV or XLSX, with the page's filters and sort."""
    rows = stream_rows(_list_query()[2], scalars=False)
    return send_table(fmt, "delegations", exports.COLUMNS, rows)


@bp.route("/<int:delegation_id>")
@require("record.view")
def detail(delegation_id: int):
    """Everything about one visit: header, members by organisation, meetings."""
    delegation = services.get_delegation_detail(delegation_id) or abort(404)
    return render_template(
        "delegations/detail.html",
        delegation=delegation,
        groups=services.members_by_organisation(delegation),
        pick=OrganisationPickForm(),
        sessions=services.matchmaking_sessions(delegation.id),
        panel=needs_panel(delegation_id=delegation.id)
        | followups_panel(delegation_id=delegation.id),
        results=visit_results(delegation.id),
    )


@bp.route("/new", methods=["GET", "POST"])
@require("record.edit")
def create():
    """Record a new visit."""
    form = choices.delegation_form(None)
    if form.validate_on_submit():
        delegation = services.save_delegation(
            Delegation(), form.data, form.topic_ids.data, current_user
        )
        db.session.commit()
        flash(_("Delegation “%(title)s” recorded.", title=delegation.title), "success")
        return redirect(url_for(".detail", delegation_id=delegation.id))
    return render_template("delegations/form.html", form=form, delegation=None)


@bp.route("/<int:delegation_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit(delegation_id: int):
    """Change a visit's details and topics."""
    delegation = services.load_delegation(delegation_id, Delegation.topics) or abort(404)
    form = choices.delegation_form(delegation)
    if form.validate_on_submit():
        with saving(delegation, form, "delegations/form.html", partial(_current, delegation_id)):
            services.save_delegation(delegation, form.data, form.topic_ids.data, current_user)
        flash(_("Delegation “%(title)s” saved.", title=delegation.title), "success")
        return redirect(url_for(".detail", delegation_id=delegation.id))
    return render_template("delegations/form.html", form=form, delegation=delegation)


def _current(delegation_id: int) -> tuple[DelegationForm, dict]:
    """The visit as it is now, for the conflict page."""
    current = services.load_delegation(delegation_id, Delegation.topics) or abort(404)
    saved = DelegationForm(formdata=None, obj=current, topic_ids=[t.id for t in current.topics])
    return saved, {"delegation": current}


@bp.route("/<int:delegation_id>/delete", methods=["GET", "POST"])
@require("record.delete")
def delete(delegation_id: int):
    """Confirm, then delete a visit with its memberships and meetings."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    page = DeletePage(
        title=_("Delete delegation “%(title)s”?", title=delegation.title),
        message=_("Its member list and meetings are deleted with it. "
                  "The people and organisations stay in the tracker.") + " " + restorable_note(),
        confirm_label=_("Delete delegation"),
        cancel_url=url_for(".detail", delegation_id=delegation.id),
        done=_("Delegation “%(title)s” deleted.", title=delegation.title),
        done_url=url_for(".list"),
    )  # fmt: skip
    refusal = cannot_delete(delegation.title, services.delete_blockers(delegation))
    delete = partial(services.delete_delegation, delegation.id, current_user.id)
    return confirm_delete(page, delete, refusal)
