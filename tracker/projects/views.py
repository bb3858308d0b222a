"""Investment projects: the list, a project's page, making one from a won need, editing it,
its milestones, its needs and its capital in place.

GET       /projects/                                        projects.list
GET       /projects/export.<csv|xlsx>                       projects.export
GET/POST  /projects/new[?need_id=]                          projects.create
GET       /projects/<id>                                    projects.detail
GET/POST  /projects/<id>/edit                               projects.edit
GET/POST  /projects/<id>/delete                             projects.delete        record.delete
POST      /projects/<id>/needs                              projects.add_need
POST      /projects/<id>/milestones                         projects.milestones
POST      /projects/<id>/instalments                        projects.add_instalment
GET/POST  /projects/<id>/instalments/<iid>/edit             projects.edit_instalment
GET/POST  /projects/<id>/instalments/<iid>/delete           projects.delete_instalment
"""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.deletion import DeletePage, confirm_delete
from tracker.exports import send_table, stream_rows
from tracker.extensions import db
from tracker.forms import show_error
from tracker.models import Project
from tracker.pagination import paginate_ids_first
from tracker.projects import builders, exports, instalments, milestones, queries, services
from tracker.projects.forms import InstalmentForm, MilestonesForm
from tracker.projects.instalments import InstalmentData
from tracker.projects.money import NoRate
from tracker.projects.services import ProjectData, ProjectError
from tracker.security import authorize, get_visible_or_404, is_visible, require
from tracker.softdelete import restorable_note
from tracker.versioning import saving

bp = Blueprint("projects", __name__, url_prefix="/projects")
REFUSALS = (ProjectError, NoRate)  # a service's refusal, shown at its field


@bp.route("/", endpoint="list")
def list_projects():
    """Projects with filters, search, sorting and their capital in place."""
    filters = queries.ProjectFilters.from_args(request.args)
    sort = queries.chosen_sort(request.args.get("sort", queries.DEFAULT_SORT))
    page = paginate_ids_first(queries.list_projects(filters, sort), rows=True)
    return render_template(
        "projects/list.html", page=page, filters=filters, sort=sort,
        options=builders.filter_options(),
    )  # fmt: skip


@bp.route("/export.<any(csv,xlsx):fmt>")
@require("record.view")
def export(fmt: str):
    """The list as CSV or XLSX, with the page's filters and sort."""
    filters = queries.ProjectFilters.from_args(request.args)
    stmt = queries.list_projects(filters, request.args.get("sort", queries.DEFAULT_SORT))
    return send_table(fmt, "projects", exports.COLUMNS, stream_rows(stmt, scalars=False))


def _refused(form, error: Exception) -> None:
    """Undo what the service wrote and show its refusal in the form."""
    db.session.rollback()
    show_error(form, error)


def _saved(project):
    """Flash and go to the project, or to the list when it is now hidden from the user."""
    flash(_("Project “%(name)s” saved.", name=project.name), "success")
    if is_visible(type(project), project.id):
        return redirect(url_for(".detail", project_id=project.id))
    flash(_("Saved as confidential: only its officer, managers and admins can see it now."),
          "info")  # fmt: skip
    return redirect(url_for(".list"))


@bp.route("/new", methods=["GET", "POST"])
@require("record.edit")
def create():
    """A new project, from the won need given (prefilled from it) or on its own."""
    need = builders.need_or_404(request.args.get("need_id"))
    form = builders.new_project_form(need)
    if form.validate_on_submit():
        need_ids = (need.id,) if need else ()
        try:
            data = ProjectData.from_mapping(form.data)
            project = services.create_project(data, current_user, need_ids)
        except REFUSALS as error:
            _refused(form, error)
        else:
            db.session.commit()
            return _saved(project)
    return render_template("projects/form.html", form=form, project=None, need=need)


@bp.route("/<int:project_id>")
def detail(project_id: int):
    """The project: its facts, milestones, capital, agreements and where it came from."""
    project = queries.get_project_or_404(project_id)
    return render_template("projects/detail.html", **builders.detail_context(project))


def _current(project_id: int):
    """The project as it is now, for the conflict page of its form."""
    current = queries.get_project_or_404(project_id)
    return builders.project_form(current, formdata=None), {"project": current, "need": None}


@bp.route("/<int:project_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit(project_id: int):
    """Edit a project; a save from a stale form is refused with the current values (409)."""
    project = queries.get_project_or_404(project_id)
    form = builders.project_form(project)
    if request.method == "GET":
        form.version.data = project.version
    if form.validate_on_submit():
        try:
            with saving(project, form, "projects/form.html", partial(_current, project_id)):
                services.update_project(project, ProjectData.from_mapping(form.data))
        except REFUSALS as error:
            _refused(form, error)
        else:
            return _saved(project)
    return render_template("projects/form.html", form=form, project=project, need=None)


@bp.route("/<int:project_id>/delete", methods=["GET", "POST"])
@require("record.delete")
def delete(project_id: int):
    """Confirm, then delete a project with its capital, agreements and obligations."""
    project = get_visible_or_404(Project, project_id)
    page = DeletePage(
        title=_("Delete this project?"),
        message=_("“%(name)s” will be deleted with its capital in place and its agreements.",
                  name=project.name) + " " + restorable_note(),
        confirm_label=_("Delete project"),
        cancel_url=url_for(".detail", project_id=project.id),
        done=_("Project deleted."),
        done_url=url_for(".list"),
    )  # fmt: skip
    return confirm_delete(page, partial(services.delete_project, project, current_user.id))


def _page_with(project, status: int = 200, **forms):
    """The project's page again, with a form's input and errors."""
    project = queries.get_project_or_404(project.id)  # reloaded after a rollback
    return render_template(
        "projects/detail.html", **builders.detail_context(project, **forms)
    ), status


@bp.route("/<int:project_id>/needs", methods=["POST"])
@require("record.edit")
def add_need(project_id: int):
    """Add another won need of the same company to the project."""
    project = queries.get_project_or_404(project_id)
    form = builders.add_need_form(project)
    if form.validate_on_submit():
        try:
            need = services.add_need(project, form.need_id.data)
        except ProjectError as error:
            _refused(form, error)
        else:
            db.session.commit()
            flash(_("“%(title)s” added to the project.", title=need.title), "success")
            return redirect(url_for(".detail", project_id=project_id, _anchor="origins"))
    return _page_with(project, add_need_form=form)


@bp.route("/<int:project_id>/milestones", methods=["POST"])
@require("record.edit")
def save_milestones(project_id: int):
    """Save every milestone's dates and notes at once (stale forms: 409)."""
    project = queries.get_project_or_404(project_id)
    form = MilestonesForm()
    if form.validate_on_submit():
        current = partial(builders.conflict_context, project_id, form)
        try:
            with saving(project, form, "projects/detail.html", current):
                milestones.save_milestones(project, form.entries())
        except REFUSALS as error:
            _refused(form, error)
        else:
            flash(_("Milestones saved."), "success")
            return redirect(url_for(".detail", project_id=project_id, _anchor="milestones"))
    return _page_with(project, milestones_form=form)


@bp.route("/<int:project_id>/instalments", methods=["POST"])
@require("record.edit")
def add_instalment(project_id: int):
    """Record capital received for the project."""
    project = queries.get_project_or_404(project_id)
    form = InstalmentForm()
    if form.validate_on_submit():
        try:
            instalments.add_instalment(
                project, InstalmentData.from_mapping(form.data), current_user
            )
        except REFUSALS as error:
            _refused(form, error)
        else:
            db.session.commit()
            flash(_("Capital in place recorded."), "success")
            return redirect(url_for(".detail", project_id=project_id, _anchor="capital"))
    return _page_with(project, instalment_form=form)


def _instalment_or_404(project_id: int, instalment_id: int):
    project = queries.get_project_or_404(project_id)
    return project, instalments.get_instalment(project, instalment_id) or abort(404)


@bp.route("/<int:project_id>/instalments/<int:instalment_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit_instalment(project_id: int, instalment_id: int):
    """Change an instalment; a save from a stale form is refused (409)."""
    project, instalment = _instalment_or_404(project_id, instalment_id)
    form = builders.instalment_form(instalment)
    if form.validate_on_submit():
        template, context = "projects/instalment_form.html", {"project": project}
        try:
            with saving(instalment, form, template, instalment=instalment, **context):
                instalments.update_instalment(instalment, InstalmentData.from_mapping(form.data))
        except REFUSALS as error:
            _refused(form, error)
        else:
            flash(_("Capital in place saved."), "success")
            return redirect(url_for(".detail", project_id=project_id, _anchor="capital"))
    return render_template("projects/instalment_form.html", form=form, project=project,
                           instalment=instalment)  # fmt: skip


@bp.route("/<int:project_id>/instalments/<int:instalment_id>/delete", methods=["GET", "POST"])
def delete_instalment(project_id: int, instalment_id: int):
    """Confirm, then delete an instalment: whoever recorded it, or a manager."""
    project, instalment = _instalment_or_404(project_id, instalment_id)
    authorize("record.delete", instalment)
    back = url_for(".detail", project_id=project.id, _anchor="capital")
    name = builders.instalment_name(instalment)
    page = DeletePage(
        title=_("Delete “%(name)s”?", name=name), message=restorable_note(),
        confirm_label=_("Delete"), cancel_url=back, done=_("Deleted “%(name)s”.", name=name),
        done_url=back,
    )  # fmt: skip
    return confirm_delete(page, partial(instalments.delete_instalment, instalment, current_user.id))
