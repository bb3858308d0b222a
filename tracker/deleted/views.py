"""Deleted items: managers see what was deleted, and restore it.

GET       /deleted                               deleted.index    record.delete
GET/POST  /deleted/<kind>/<id>/restore           deleted.restore  record.delete
"""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from tracker.deleted import services
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.security import require

bp = Blueprint("deleted", __name__, url_prefix="/deleted")


@bp.route("/")
@require("record.delete")
def index():
    """Deleted records by kind: who deleted them, when, and how long until they are purged."""
    retention = current_app.config["DELETED_RETENTION_DAYS"]
    return render_template(
        "deleted/index.html",
        groups=services.deleted_items(retention),
        kinds=services.KINDS,
        retention=retention,
    )


@bp.route("/<kind>/<int:record_id>/restore", methods=["GET", "POST"])
@require("record.delete")
def restore(kind: str, record_id: int):
    """Confirm, then restore a deleted record."""
    record = services.get_deleted(kind, record_id)
    if record is None:
        abort(404)
    name = services.label(record)
    form = EmptyForm()
    if form.validate_on_submit():
        return _restore(kind, record, name)
    return render_template("deleted/restore.html", form=form, kind=services.KINDS[kind], name=name,
                           record=record)  # fmt: skip


def _restore(kind: str, record, name: str):
    """Restore record and go to it; refused with why (e.g. its parent is deleted too)."""
    try:
        services.restore(record)
    except services.RestoreError as error:
        db.session.rollback()
        flash(_("“%(name)s” cannot be restored. %(reason)s", name=name, reason=error), "warning")
        return redirect(url_for(".index"))
    db.session.commit()
    flash(_("“%(name)s” restored.", name=name), "success")
    found = services.KINDS[kind]
    return redirect(
        url_for(found.endpoint, **{found.endpoint_arg: services.link_id(found, record)})
    )
