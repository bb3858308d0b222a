"""Importing a delegation's member list: upload, mapping, preview, confirm; and the export."""

import logging

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker import choices as needs_choices
from tracker.exports import csv_bytes, download, xlsx_bytes
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.imports import services
from tracker.imports.commit import NeedDefaults
from tracker.imports.fields import guess_mapping
from tracker.imports.forms import ConfirmForm, UploadForm, mapping_form
from tracker.imports.lookups import DelegationGone
from tracker.imports.parsing import ImportFileError
from tracker.imports.planning import build_plan
from tracker.models import Delegation, ImportRecord
from tracker.security import get_visible_or_404, log_security_event, require

bp = Blueprint("imports", __name__, url_prefix="/imports")


def _max_rows() -> int:
    return current_app.config["IMPORT_MAX_ROWS"]


def _draft_or_404(record_id: int) -> ImportRecord:
    """The current user's draft; a finished import sends the user to its result instead."""
    record = services.get_draft(record_id, current_user)
    if record is None:
        done = services.finished_import(record_id)
        if done is not None and done.created_by_id == current_user.id:
            abort(redirect(url_for(".detail", record_id=record_id)))
        abort(404)
    return record


def _table(record: ImportRecord):
    """The draft's file, read again; should the limits have shrunk meanwhile, start over."""
    try:
        return services.draft_table(record, _max_rows())
    except ImportFileError as error:
        flash(str(error), "danger")
        abort(redirect(url_for(".upload", delegation_id=record.delegation_id)))


@bp.route("/delegation/<int:delegation_id>", methods=["GET", "POST"])
@require("record.edit")
def upload(delegation_id: int):
    """Step 1: the file (kept server-side once it reads as a member list)."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    form = UploadForm()
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if form.validate_on_submit() and (record := _create_draft(form, delegation, limit)):
        db.session.commit()
        return redirect(url_for(".mapping", record_id=record.id))
    return render_template(
        "imports/upload.html", form=form, delegation=delegation, max_mb=round(limit / 2**20, 1)
    )


def _create_draft(form: UploadForm, delegation: Delegation, limit: int) -> ImportRecord | None:
    """The draft of the uploaded file, or None when it does not read (the form says why)."""
    data = form.file.data.read(limit + 1)
    try:
        if len(data) > limit:
            raise ImportFileError(
                _("The file is larger than %(size)s MB.", size=round(limit / 2**20, 1))
            )
        record, _table = services.create_draft(
            data, form.file.data.filename, form.sheet.data, delegation, current_user,
            max_rows=_max_rows(),
        )  # fmt: skip
    except ImportFileError as error:
        form.file.errors.append(str(error))
        return None
    return record


@bp.route("/<int:record_id>/mapping", methods=["GET", "POST"])
@require("record.edit")
def mapping(record_id: int):
    """Step 2: which column holds what; defaults are the user's last mapping, else guesses."""
    record = _draft_or_404(record_id)
    table = _table(record)
    defaults = services.draft_fields(record, table) or guess_mapping(
        table.headers, services.remembered_mapping(current_user)
    )
    form = mapping_form(table.headers, defaults)
    if form.validate_on_submit():
        services.save_mapping(record, table.headers, form.fields())
        db.session.commit()
        return redirect(url_for(".preview", record_id=record.id))
    return render_template(
        "imports/mapping.html", form=form, record=record, table=table, samples=table.rows[:3]
    )


@bp.route("/<int:record_id>/preview", methods=["GET", "POST"])
@require("record.edit")
def preview(record_id: int):
    """Step 3: what will happen, row by row; confirming writes it all in one transaction."""
    record = _draft_or_404(record_id)
    table = _table(record)
    fields = services.draft_fields(record, table)
    if fields is None:
        return redirect(url_for(".mapping", record_id=record.id))
    separate = request.form.getlist("separate")[:1000]
    form = _confirm_form()
    if form.validate_on_submit():
        return _import(record, form, separate)
    try:
        plan = build_plan(table, fields, record.delegation_id)
    except DelegationGone:
        abort(404)
    return render_template("imports/preview.html", record=record, plan=plan, table=table, form=form)


def _confirm_form() -> ConfirmForm:
    """The confirmation, with the owner and category the imported needs get."""
    form = ConfirmForm(data={"need_owner_id": current_user.id})  # posted without: still theirs
    form.need_owner_id.choices = needs_choices.active_users()
    form.need_category_id.choices = needs_choices.categories()
    return form


def _import(record: ImportRecord, form: ConfirmForm, separate: list[str]):
    """Write the whole draft in one transaction, then show what it did."""
    defaults = NeedDefaults(form.need_owner_id.data, form.need_category_id.data)
    try:
        services.import_draft(
            record, current_user, max_rows=_max_rows(), separate=separate,
            need_defaults=defaults,
        )  # fmt: skip
    except DelegationGone:
        abort(404)
    db.session.commit()
    log_security_event(
        "member list imported", logging.INFO, file=record.file_name,
        delegation=str(record.delegation_id), user=current_user.email,
    )  # fmt: skip
    flash(_("Member list “%(name)s” imported.", name=record.file_name), "success")
    return redirect(url_for(".detail", record_id=record.id))


@bp.route("/<int:record_id>/cancel", methods=["POST"])
@require("record.edit")
def cancel(record_id: int):
    """Drop a draft and its file."""
    record = _draft_or_404(record_id)
    delegation_id = record.delegation_id
    if EmptyForm().validate_on_submit():
        services.discard_draft(record)
        db.session.commit()
        flash(_("Import cancelled; nothing was saved."), "info")
    return redirect(url_for("delegations.detail", delegation_id=delegation_id))


@bp.route("/<int:record_id>")
@require("record.view")
def detail(record_id: int):
    """What a finished import did."""
    record = services.finished_import(record_id) or abort(404)
    return render_template("imports/detail.html", record=record, counts=record.counts or {})


@bp.route("/delegation/<int:delegation_id>/members.<any(csv, xlsx):fmt>")
@require("record.view")
def export(delegation_id: int, fmt: str):
    """The members in the layout the import reads (CSV with BOM, or XLSX)."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    rows = services.member_rows(delegation.id)
    name = f"delegation-{delegation.id}-members.{fmt}"
    if fmt == "xlsx":
        return download(xlsx_bytes(services.EXPORT_HEADER, rows, title="Members"), name)
    return download(csv_bytes(services.EXPORT_HEADER, rows), name)
