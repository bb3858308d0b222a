"""Organisations: list, create, edit, detail, delete."""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import Select

from tracker import datacache
from tracker.deletion import DeletePage, cannot_delete, confirm_delete
from tracker.exports import send_table, stream_rows
from tracker.extensions import db
from tracker.followups.queries import followups_panel
from tracker.forms import EmptyForm
from tracker.i18n import current_locale
from tracker.matchmaking.queries import partner_panel
from tracker.models import Organisation, OrganisationKind
from tracker.needs.services import needs_panel
from tracker.numbers import parse_id
from tracker.organisations import choices, exports, merging, services
from tracker.organisations.forms import MergeForm, OrganisationForm
from tracker.pagination import paginate_ids_first
from tracker.security import get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.versioning import saving

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


def _list_query() -> tuple[str, Select]:
    """The list's sort and statement from the query string (the export reuses it)."""
    args = request.args
    sort = args.get("sort", "name")
    stmt = services.list_organisations(
        query=args.get("q", "")[:200],
        kind=args.get("kind"),
        key_industry_id=parse_id(args.get("industry")),
        country=args.get("country"),
        side=args.get("side"),
        sort=sort,
    )
    return sort, stmt


@bp.route("/", endpoint="list")
def list_organisations():
    """Organisations with filters, search, sorting and their people counts."""
    args = request.args
    sort, stmt = _list_query()
    page = paginate_ids_first(stmt, rows=True)
    filtered = any(args.get(k) for k in ("q", "kind", "industry", "country", "side"))
    industries, countries = _filter_options()
    return render_template(
        "organisations/list.html", page=page, sort=sort, filtered=filtered,
        kinds=OrganisationKind, industries=industries, countries=countries,
    )  # fmt: skip


def _filter_options():
    """The list's industries and countries (with counts) in the reader's language."""
    # A count of every organisation per country: kept until organisations or industries change.
    return datacache.cached(
        "dashboard", ("organisation filter options", str(current_locale())),
        services.filter_options,
    )  # fmt: skip


@bp.route("/export.<any(csv,xlsx):fmt>")
@require("record.view")
def export(fmt: str):
    """The list as CSV or XLSX, with the page's filters and sort."""
    rows = stream_rows(_list_query()[1], scalars=False)
    return send_table(fmt, "organisations", exports.COLUMNS, rows)


def _save(form: OrganisationForm, organisation: Organisation | None):
    """Validate, apply the duplicate guard, save: (redirect or None to re-render, duplicates)."""
    if not form.validate_on_submit():
        return None, []
    data = services.OrganisationData.from_mapping(form.data)
    duplicates = services.possible_duplicates(data, organisation)
    if duplicates and not form.confirm_duplicate.data:
        return None, duplicates
    with saving(organisation, form, "organisations/form.html", organisation=organisation):
        organisation = services.save_organisation(
            organisation, data, current_user._get_current_object()
        )
    flash(_("Organisation “%(name)s” saved.", name=organisation.name), "success")
    return redirect(url_for(".detail", organisation_id=organisation.id)), []


@bp.route("/new", methods=["GET", "POST"])
@require("record.edit")
def create():
    """Record a new organisation, guarding against duplicates."""
    form = choices.organisation_form()
    if request.method == "GET" and request.args.get("local") == "1":
        form.is_local.data = True
    response, duplicates = _save(form, None)
    return response or render_template(
        "organisations/form.html", form=form, organisation=None, duplicates=duplicates
    )


@bp.route("/<int:organisation_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit(organisation_id: int):
    """Change an organisation; a changed name passes the duplicate guard again."""
    organisation = get_visible_or_404(Organisation, organisation_id)
    form = choices.organisation_form(organisation)
    response, duplicates = _save(form, organisation)
    return response or render_template(
        "organisations/form.html", form=form, organisation=organisation, duplicates=duplicates
    )


@bp.route("/<int:organisation_id>")
def detail(organisation_id: int):
    """All about one organisation: names, people, delegations."""
    found = services.organisation_detail(organisation_id)
    if found is None:
        abort(404)
    return render_template(
        "organisations/detail.html",
        organisation=found.organisation,
        delegations=found.delegations,
        panel=needs_panel(organisation_id=found.organisation.id)
        | followups_panel(organisation_id=found.organisation.id),
        partner=partner_panel(organisation_id) if found.organisation.is_local else None,
    )


@bp.route("/<int:organisation_id>/delete", methods=["GET", "POST"])
@require("record.delete")
def delete(organisation_id: int):
    """Confirm, then delete an organisation nobody refers to any more."""
    organisation = get_visible_or_404(Organisation, organisation_id)
    page = DeletePage(
        title=_("Delete organisation"),
        message=_("Delete “%(name)s”?", name=organisation.name) + " " + restorable_note(),
        confirm_label=_("Delete"),
        cancel_url=url_for(".detail", organisation_id=organisation.id),
        done=_("Organisation “%(name)s” deleted.", name=organisation.name),
        done_url=url_for(".list"),
    )
    refusal = cannot_delete(organisation.name, services.delete_blockers(organisation))
    return confirm_delete(
        page, partial(services.delete_organisation, organisation, current_user.id), refusal
    )


@bp.route("/<int:organisation_id>/merge", methods=["GET", "POST"])
@require("record.delete")
def merge(organisation_id: int):
    """Pick the organisation a duplicate is merged into (similar names offered first)."""
    organisation = get_visible_or_404(Organisation, organisation_id)
    form = MergeForm()
    form.survivor_id.choices = merging.survivor_choices(organisation) or None  # None: the latest
    form.survivor_id.exclude = {organisation.id}
    if form.validate_on_submit():
        survivor_id = form.survivor_id.data
        return redirect(
            url_for(".merge_confirm", organisation_id=organisation.id, survivor_id=survivor_id)
        )
    return render_template("organisations/merge.html", form=form, organisation=organisation)


@bp.route("/<int:organisation_id>/merge/<int:survivor_id>", methods=["GET", "POST"])
@require("record.delete")
def merge_confirm(organisation_id: int, survivor_id: int):
    """Show what moves, then merge: references move, names become aliases, the duplicate goes."""
    merged = get_visible_or_404(Organisation, organisation_id)
    survivor = get_visible_or_404(Organisation, survivor_id)
    if merged.id == survivor.id:
        abort(404)
    if EmptyForm().validate_on_submit():
        return _merge(merged, survivor)
    return render_template(
        "organisations/merge_confirm.html", merged=merged, survivor=survivor,
        moves=merging.merge_counts(merged), aliases=merging.new_aliases(merged, survivor),
    )  # fmt: skip


def _merge(merged: Organisation, survivor: Organisation):
    """Merge, commit, and go to the organisation that stays."""
    name = merged.name
    merging.merge_organisations(merged, survivor)
    db.session.commit()
    flash(_("“%(name)s” merged into “%(into)s”.", name=name, into=survivor.name), "success")
    return redirect(url_for(".detail", organisation_id=survivor.id))
