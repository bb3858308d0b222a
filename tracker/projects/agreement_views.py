"""The agreements register: a project's agreements, their documents and obligations.

GET/POST  /agreements/projects/<project_id>/new        agreements.create             record.edit
GET       /agreements/<id>                              agreements.detail             record.view
GET/POST  /agreements/<id>/edit                         agreements.edit               record.edit
GET/POST  /agreements/<id>/delete                       agreements.delete             record.delete
GET       /agreements/<id>/document                     agreements.document           record.view
GET/POST  /agreements/<id>/obligations/new              agreements.create_obligation  record.edit
GET       /agreements/obligations                       agreements.obligations        record.view
GET       /agreements/obligations/<id>                  agreements.obligation         record.view
GET/POST  /agreements/obligations/<id>/edit             agreements.edit_obligation    record.edit
GET/POST  /agreements/obligations/<id>/delete           agreements.delete_obligation  record.delete
"""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.deletion import DeletePage, confirm_delete
from tracker.extensions import talisman
from tracker.i18n import local_today
from tracker.models import Agreement, Obligation, Project
from tracker.pagination import paginate
from tracker.projects import agreement_pages as pages
from tracker.projects import agreements as services
from tracker.projects import obligations
from tracker.security import authorize, get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.versioning import saving

bp = Blueprint("agreements", __name__, url_prefix="/agreements")
bp.add_app_template_global(pages.project_url, "project_url")
bp.add_app_template_global(local_today, "local_today")  # the project page's agreements panel


@bp.route("/projects/<int:project_id>/new", methods=["GET", "POST"])
@require("record.edit")
def create(project_id: int):
    """Record an agreement of a project, with its document."""
    project = get_visible_or_404(Project, project_id)
    form = pages.agreement_form(None)
    if form.validate_on_submit():
        with saving(None, form, "projects/agreements/form.html", project=project, agreement=None):
            agreement = pages.save(form, None, project)
        flash(_("Agreement “%(title)s” saved.", title=agreement.title), "success")
        return redirect(url_for(".detail", agreement_id=agreement.id))
    return render_template(
        "projects/agreements/form.html", form=form, project=project, agreement=None
    )


@bp.route("/<int:agreement_id>")
@require("record.view")
def detail(agreement_id: int):
    """One agreement: its parties, dates, document and obligations."""
    agreement = get_visible_or_404(Agreement, agreement_id)
    return render_template(
        "projects/agreements/detail.html", agreement=agreement,
        project=obligations.project_of(agreement), today=local_today(),
        obligations=services.obligations_of(agreement.id),
    )  # fmt: skip


@bp.route("/<int:agreement_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit(agreement_id: int):
    """Change an agreement; replace or remove its document."""
    agreement = get_visible_or_404(Agreement, agreement_id)
    project = obligations.project_of(agreement)
    form = pages.agreement_form(agreement)
    template = "projects/agreements/form.html"
    if form.validate_on_submit():
        current = partial(pages.current_agreement, agreement_id)
        with saving(agreement, form, template, current, project=project, agreement=agreement):
            pages.save(form, agreement, project)
        flash(_("Agreement “%(title)s” saved.", title=agreement.title), "success")
        return redirect(url_for(".detail", agreement_id=agreement.id))
    return render_template(template, form=form, project=project, agreement=agreement)


@bp.route("/<int:agreement_id>/delete", methods=["GET", "POST"])
@require("record.edit")
def delete(agreement_id: int):
    """Confirm, then delete an agreement softly with its obligations."""
    agreement = get_visible_or_404(Agreement, agreement_id)
    authorize("record.delete", agreement)
    page = DeletePage(
        title=_("Delete “%(name)s”?", name=agreement.title),
        message=_("Its obligations go with it.") + " " + restorable_note(),
        confirm_label=_("Delete"), cancel_url=url_for(".detail", agreement_id=agreement.id),
        done=_("Deleted “%(name)s”.", name=agreement.title),
        done_url=pages.project_url(agreement.project_id),
    )  # fmt: skip
    return confirm_delete(page, partial(services.delete_agreement, agreement, current_user.id))


@bp.route("/<int:agreement_id>/document")
@require("record.view")
@talisman(content_security_policy=pages.DOCUMENT_POLICY)
def document(agreement_id: int):
    """The agreement's stored document, to whoever may see the agreement."""
    agreement = get_visible_or_404(Agreement, agreement_id)
    if not agreement.document_sha256:
        abort(404)
    return pages.send_document(agreement)


@bp.route("/<int:agreement_id>/obligations/new", methods=["GET", "POST"])
@require("record.edit")
def create_obligation(agreement_id: int):
    """Add an obligation to an agreement."""
    agreement = get_visible_or_404(Agreement, agreement_id)
    form = pages.obligation_form(None, agreement)
    template = "projects/agreements/obligation_form.html"
    if form.validate_on_submit():
        with saving(None, form, template, agreement=agreement, obligation=None):
            obligation = pages.save_obligation(form, None, agreement)
        flash(_("Obligation “%(name)s” saved.", name=obligation.description), "success")
        return redirect(url_for(".detail", agreement_id=agreement.id))
    return render_template(template, form=form, agreement=agreement, obligation=None)


@bp.route("/obligations", endpoint="obligations")
@require("record.view")
def obligations_list():
    """Obligations across projects by due date: outstanding ones unless a status is chosen."""
    filters = obligations.ObligationFilters.from_args(request.args)
    today = local_today()
    page = paginate(obligations.list_obligations(filters, today))
    return render_template(
        "projects/agreements/obligations.html", page=page, today=today, filters=filters,
        form=pages.filter_form(request.args),
    )  # fmt: skip


@bp.route("/obligations/<int:obligation_id>")
@require("record.view")
def obligation(obligation_id: int):
    """An obligation is shown on its agreement's page."""
    found = get_visible_or_404(Obligation, obligation_id)
    return redirect(
        url_for(".detail", agreement_id=found.agreement_id, _anchor=f"obligation-{found.id}")
    )


@bp.route("/obligations/<int:obligation_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit_obligation(obligation_id: int):
    """Change an obligation: its terms, status, owner or reminder."""
    found = get_visible_or_404(Obligation, obligation_id)
    agreement = get_visible_or_404(Agreement, found.agreement_id)
    form = pages.obligation_form(found, agreement)
    template = "projects/agreements/obligation_form.html"
    if form.validate_on_submit():
        current = partial(pages.current_obligation, obligation_id)
        with saving(found, form, template, current, agreement=agreement, obligation=found):
            pages.save_obligation(form, found, agreement)
        flash(_("Obligation “%(name)s” saved.", name=found.description), "success")
        return redirect(url_for(".detail", agreement_id=agreement.id))
    return render_template(template, form=form, agreement=agreement, obligation=found)


@bp.route("/obligations/<int:obligation_id>/delete", methods=["GET", "POST"])
@require("record.edit")
def delete_obligation(obligation_id: int):
    """Confirm, then delete an obligation softly."""
    found = get_visible_or_404(Obligation, obligation_id)
    authorize("record.delete", found)
    back = url_for(".detail", agreement_id=found.agreement_id)
    page = DeletePage(
        title=_("Delete “%(name)s”?", name=found.description), message=restorable_note(),
        confirm_label=_("Delete"), cancel_url=back,
        done=_("Deleted “%(name)s”.", name=found.description), done_url=back,
    )  # fmt: skip
    return confirm_delete(page, partial(obligations.delete_obligation, found, current_user.id))
