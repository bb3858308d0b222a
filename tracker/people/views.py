"""People: list, create, edit, detail, delete."""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import Select

from tracker.deletion import DeletePage, cannot_delete, confirm_delete
from tracker.exports import send_table, stream_rows
from tracker.lookup.services import filter_options
from tracker.models import Person
from tracker.numbers import parse_id
from tracker.pagination import paginate
from tracker.people import exports, services
from tracker.people.forms import PersonForm
from tracker.security import get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.versioning import saving

bp = Blueprint("people", __name__, url_prefix="/people")


def _list_query() -> tuple[str, Select]:
    """The list's sort and statement from the query string (the export reuses it)."""
    args = request.args
    sort = args.get("sort", "name")
    stmt = services.list_people(
        query=args.get("q", "")[:200],
        organisation_id=parse_id(args.get("organisation")),
        side=args.get("side"),
        sort=sort,
    )
    return sort, stmt


@bp.route("/", endpoint="list")
def list_people():
    """People with search, organisation and side filters, sorting and pages."""
    args = request.args
    sort, stmt = _list_query()
    page = paginate(stmt)
    return render_template(
        "people/list.html",
        page=page,
        sort=sort,
        filtered=any(args.get(k) for k in ("q", "organisation", "side")),
        organisations=filter_options("organisations", parse_id(args.get("organisation"))),
    )


@bp.route("/export.<any(csv,xlsx):fmt>")
@require("record.view")
def export(fmt: str):
    """The list as CSV or XLSX, with the page's filters and sort."""
    return send_table(fmt, "people", exports.COLUMNS, stream_rows(_list_query()[1]))


def _save(form: PersonForm, person: Person | None):
    """Validate, warn about a shared e-mail, save; (response or None, conflicting people)."""
    if not form.validate_on_submit():
        return None, []
    data = services.PersonData.from_mapping(form.data)
    conflicts = services.email_conflicts(data, person)
    if conflicts and not form.confirm_email.data:
        return None, conflicts
    with saving(person, form, "people/form.html", person=person):
        if person is None:
            person = services.create_person(data, current_user._get_current_object())
        else:
            services.update_person(person, data)
    flash(_("“%(name)s” saved.", name=person.full_name), "success")
    return redirect(url_for(".detail", person_id=person.id)), []


def _form(person: Person | None = None) -> PersonForm:
    """The person form (the organisation picker looks its options up itself)."""
    return PersonForm(obj=person)


@bp.route("/new", methods=["GET", "POST"])
@require("record.edit")
def create():
    """Record a new person, optionally already in an organisation (?organisation_id=N; an
    unknown one leaves the picker empty)."""
    form = _form()
    if request.method == "GET":
        form.organisation_id.data = parse_id(request.args.get("organisation_id"))
    response, conflicts = _save(form, None)
    return response or render_template(
        "people/form.html", form=form, person=None, conflicts=conflicts
    )


@bp.route("/<int:person_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit(person_id: int):
    """Change a person's details."""
    person = get_visible_or_404(Person, person_id)
    form = _form(person)
    response, conflicts = _save(form, person)
    return response or render_template(
        "people/form.html", form=form, person=person, conflicts=conflicts
    )


@bp.route("/<int:person_id>")
def detail(person_id: int):
    """A person's details, delegations and meetings."""
    person = services.person_detail(person_id)
    if person is None:
        abort(404)
    history = services.person_history(person_id)
    return render_template("people/detail.html", person=person, history=history)


@bp.route("/<int:person_id>/delete", methods=["GET", "POST"])
@require("record.delete")
def delete(person_id: int):
    """Confirm, then delete a person without delegation or meeting history."""
    person = get_visible_or_404(Person, person_id)
    page = DeletePage(
        title=_("Delete person"),
        message=_("Delete “%(name)s”?", name=person.full_name) + " " + restorable_note(),
        confirm_label=_("Delete"),
        cancel_url=url_for(".detail", person_id=person.id),
        done=_("“%(name)s” deleted.", name=person.full_name),
        done_url=url_for(".list"),
    )
    refusal = cannot_delete(person.full_name, services.delete_blockers(person))
    return confirm_delete(page, partial(services.delete_person, person, current_user.id), refusal)
