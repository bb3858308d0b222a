"""The one delete flow: refused with the reasons while others still need the record, else a
confirmation page, then the delete, one commit, a message and the way back."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _

from tracker.extensions import db
from tracker.forms import EmptyForm


@dataclass(frozen=True)
class DeletePage:
    """What a delete asks and says, in the reader's language."""

    title: str  # the confirmation page's heading
    message: str  # what it explains (what goes with the record, whether it can be restored)
    confirm_label: str
    cancel_url: str  # back to the record; a refused delete lands there too
    done: str  # flashed once deleted
    done_url: str


def cannot_delete(name: str, reasons: list[str]) -> str | None:
    """The refusal naming the record and why, or None when nothing blocks the delete."""
    if not reasons:
        return None
    return _("“%(name)s” cannot be deleted. %(reasons)s", name=name, reasons=" ".join(reasons))


def confirm_delete(page: DeletePage, delete: Callable[[], object], refusal: str | None = None):
    """Refuse (refusal given), ask (GET), or delete and commit (a POST with its CSRF token)."""
    if refusal:
        flash(refusal, "warning")
        return redirect(page.cancel_url)
    if EmptyForm().validate_on_submit():
        delete()
        db.session.commit()
        flash(page.done, "success")
        return redirect(page.done_url)
    return render_template(
        "_confirm.html",
        title=page.title,
        message=page.message,
        action_url=request.script_root + request.path,
        confirm_label=page.confirm_label,
        cancel_url=page.cancel_url,
    )
