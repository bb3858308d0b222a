"""Assigning, editing, completing and cancelling follow-ups.

Registered on the followups blueprint in views.py, where the whole URL map is listed.
A stale form (its hidden version differs) or a concurrent writer (StaleDataError on flush)
gets HTTP 409 with the current values (tracker.versioning.saving); nothing is overwritten.
"""

from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.deletion import DeletePage, confirm_delete
from tracker.followups import builders, services
from tracker.followups.forms import CompleteForm, FollowUpForm
from tracker.forms import EmptyForm
from tracker.models import Delegation, FollowUp, FollowUpStatus, Need, Organisation
from tracker.numbers import parse_id
from tracker.security import authorize, get_visible_or_404, require, safe_local_path
from tracker.softdelete import restorable_note, soft_delete
from tracker.versioning import saving

# Query argument -> (model, service keyword, detail endpoint).
TARGETS = {
    "need_id": (Need, "need", "needs.detail"),
    "organisation_id": (Organisation, "organisation", "organisations.detail"),
    "delegation_id": (Delegation, "delegation", "delegations.detail"),
}


def _target() -> tuple[str, Need | Organisation | Delegation]:
    """The one need, organisation or delegation named in the query: 400 unless one, 404 if gone."""
    given = [key for key in TARGETS if request.args.get(key)]
    if len(given) != 1:
        abort(400)
    key = given[0]
    target_id = parse_id(request.args[key])
    if target_id is None:
        abort(404)
    return key, get_visible_or_404(TARGETS[key][0], target_id)


def _target_url(key: str, target) -> str:
    return url_for(TARGETS[key][2], **{key: target.id})


@require("record.edit")
def create():
    """Assign a follow-up on a need, an organisation or a delegation."""
    key, target = _target()
    form = builders.followup_form()
    back = safe_local_path(request.args.get("next")) or _target_url(key, target)
    if form.validate_on_submit():
        with saving(None, form, "followups/form.html"):
            fields = builders.followup_fields(form)
            followup = services.create_followup(
                **{TARGETS[key][1]: target}, **fields, assigned_by=current_user
            )
        flash(_("Follow-up “%(title)s” assigned to %(name)s.", title=followup.title,
                name=followup.assignee.display_name), "success")  # fmt: skip
        return redirect(back)
    return render_template("followups/form.html", form=form, followup=None, target=target,
                           target_key=key, cancel_url=back)  # fmt: skip


def _current(followup_id: int, form_class: type | None) -> tuple[object, dict]:
    """The follow-up as it is now, for the conflict page: its edit or done form (none for a
    button), filled from it."""
    current = get_visible_or_404(FollowUp, followup_id)
    saved = None
    if form_class is FollowUpForm:
        saved = FollowUpForm(formdata=None, obj=current)
    elif form_class is CompleteForm:
        saved = CompleteForm(formdata=None, version=current.version)
    cancel_url = url_for(".detail", followup_id=current.id)
    return saved, {"followup": current, "cancel_url": cancel_url}


@require("record.edit")
def edit(followup_id: int):
    """Change title, kind, assignee (recorded as a reassignment) or due date."""
    followup = get_visible_or_404(FollowUp, followup_id)
    form = builders.followup_form(followup)
    if form.validate_on_submit():
        current = partial(_current, followup_id, FollowUpForm)
        with saving(followup, form, "followups/form.html", current):
            services.update_followup(followup, **builders.followup_fields(form), by=current_user)
        flash(_("Follow-up “%(title)s” saved.", title=followup.title), "success")
        return redirect(url_for(".detail", followup_id=followup.id))
    return render_template(
        "followups/form.html", form=form, followup=followup,
        cancel_url=url_for(".detail", followup_id=followup.id),
    )  # fmt: skip


def _closed(followup: FollowUp, back: str):
    """Done or cancelled follow-ups are left as they are."""
    if followup.status == FollowUpStatus.DONE:
        message = _("“%(title)s” is already done; nothing was changed.", title=followup.title)
    else:
        message = _("“%(title)s” was cancelled; nothing was changed.", title=followup.title)
    flash(message, "info")
    return redirect(back)


@require("record.edit")
def complete(followup_id: int):
    """Mark a follow-up done in one step, with its outcome."""
    followup = get_visible_or_404(FollowUp, followup_id)
    form = CompleteForm()
    back = safe_local_path(form.next.data) or url_for(".detail", followup_id=followup.id)
    if followup.status != FollowUpStatus.OPEN:
        return _closed(followup, back)
    if not form.validate_on_submit():
        return render_template("followups/complete.html", form=form, followup=followup)
    current = partial(_current, followup_id, CompleteForm)
    with saving(followup, form, "followups/conflict.html", current):
        services.complete_followup(followup, form.outcome.data, current_user)
    flash(_("Done: “%(title)s”.", title=followup.title), "success")
    return redirect(back)


@require("record.edit")
def cancel(followup_id: int):
    """Cancel an open follow-up (it stays in the history)."""
    followup = get_visible_or_404(FollowUp, followup_id)
    back = safe_local_path(request.form.get("next")) or url_for(".detail", followup_id=followup.id)
    if followup.status != FollowUpStatus.OPEN:
        return _closed(followup, back)
    if EmptyForm().validate_on_submit():
        current = partial(_current, followup_id, None)
        with saving(followup, None, "followups/conflict.html", current):
            services.cancel_followup(followup, current_user)
        flash(_("Follow-up “%(title)s” cancelled.", title=followup.title), "success")
    return redirect(back)


def delete(followup_id: int):
    """Confirm, then delete a follow-up softly: who assigned it, or a manager (tracker.security's
    record rule)."""
    followup = get_visible_or_404(FollowUp, followup_id)
    authorize("record.delete", followup)
    back = url_for("needs.detail", need_id=followup.need_id) if followup.need_id else None
    page = DeletePage(
        title=_("Delete “%(name)s”?", name=followup.title), message=restorable_note(),
        confirm_label=_("Delete"), cancel_url=url_for(".detail", followup_id=followup.id),
        done=_("Deleted “%(name)s”.", name=followup.title), done_url=back or url_for(".list"),
    )  # fmt: skip
    return confirm_delete(page, partial(soft_delete, followup, current_user.id))
