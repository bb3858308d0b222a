"""Assigning, editing, completing and cancelling follow-ups.

Registered on the followups blueprint in views.py, where the whole URL map is listed.
A stale form (its hidden version differs) or a concurrent writer (StaleDataError on flush)
gets HTTP 409 with the current values; nothing is overwritten.
"""

from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from tracker.extensions import db
from tracker.followups import services
from tracker.followups.forms import CompleteForm, FollowUpForm
from tracker.forms import EmptyForm
from tracker.i18n import local_today
from tracker.models import Delegation, FollowUp, FollowUpStatus, Need, Organisation, User
from tracker.numbers import parse_id
from tracker.security import get_visible_or_404, require, safe_local_path

# Query argument -> (model, service keyword, detail endpoint).
TARGETS = {
    "need_id": (Need, "need", "needs.detail"),
    "organisation_id": (Organisation, "organisation", "organisations.detail"),
    "delegation_id": (Delegation, "delegation", "delegations.detail"),
}
DEFAULT_DUE_IN = timedelta(days=7)


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


def _prepare(form: FollowUpForm, followup: FollowUp | None) -> None:
    """Choices and the dates the past-date check compares with."""
    form.assignee_id.choices = services.assignee_choices(followup.assignee_id if followup else None)
    form.today = local_today()
    form.stored_due_date = followup.due_date if followup else None


def _fields(form: FollowUpForm) -> dict:
    """The form's values as service arguments."""
    return {
        "title": form.title.data,
        "kind": form.kind.data,
        "assignee": db.session.get(User, form.assignee_id.data),
        "due_date": form.due_date.data,
    }


@require("record.edit")
def create():
    """Assign a follow-up on a need, an organisation or a delegation."""
    key, target = _target()
    form = FollowUpForm()
    _prepare(form, None)
    if not form.is_submitted():
        form.assignee_id.data = current_user.id
        form.due_date.data = local_today() + DEFAULT_DUE_IN
    back = safe_local_path(request.args.get("next")) or _target_url(key, target)
    if form.validate_on_submit():
        followup = services.create_followup(
            **{TARGETS[key][1]: target}, **_fields(form), assigned_by=current_user
        )
        db.session.commit()
        flash(
            _(
                "Follow-up “%(title)s” assigned to %(name)s.",
                title=followup.title,
                name=followup.assignee.display_name,
            ),
            "success",
        )
        return redirect(back)
    return render_template(
        "followups/form.html",
        form=form,
        followup=None,
        target=target,
        target_key=key,
        cancel_url=back,
    )


def _stale(form, followup: FollowUp) -> bool:
    return (form.version.data or "") != str(followup.version)


def _reloaded(followup_id: int) -> FollowUp:
    """After a failed write: roll back and read the row as it is now."""
    db.session.rollback()
    return get_visible_or_404(FollowUp, followup_id)


@require("record.edit")
def edit(followup_id: int):
    """Change title, kind, assignee (recorded as a reassignment) or due date."""
    followup = get_visible_or_404(FollowUp, followup_id)
    form = FollowUpForm(obj=followup)
    _prepare(form, followup)
    conflict = form.is_submitted() and _stale(form, followup)
    if not conflict and form.validate_on_submit():
        try:
            services.update_followup(followup, **_fields(form), by=current_user)
            db.session.commit()
        except StaleDataError:
            followup, conflict = _reloaded(followup_id), True
        else:
            flash(_("Follow-up “%(title)s” saved.", title=followup.title), "success")
            return redirect(url_for(".detail", followup_id=followup.id))
    if conflict:
        # The user's input stays in the form; saving again now overwrites knowingly.
        form.version.data = followup.version
    return render_template(
        "followups/form.html",
        form=form,
        followup=followup,
        conflict=conflict,
        cancel_url=url_for(".detail", followup_id=followup.id),
    ), 409 if conflict else 200


def _closed(followup: FollowUp, back: str):
    """Done or cancelled follow-ups are left as they are."""
    if followup.status == FollowUpStatus.DONE:
        message = _("“%(title)s” is already done; nothing was changed.", title=followup.title)
    else:
        message = _("“%(title)s” was cancelled; nothing was changed.", title=followup.title)
    flash(message, "info")
    return redirect(back)


def _conflict(followup: FollowUp, form: CompleteForm | None = None):
    """409 with the follow-up's current values."""
    if form is not None:
        form.version.data = followup.version
    return render_template("followups/conflict.html", followup=followup, form=form), 409


@require("record.edit")
def complete(followup_id: int):
    """Mark a follow-up done in one step, with its outcome."""
    followup = get_visible_or_404(FollowUp, followup_id)
    form = CompleteForm()
    back = safe_local_path(form.next.data) or url_for(".detail", followup_id=followup.id)
    if followup.status != FollowUpStatus.OPEN:
        return _closed(followup, back)
    if _stale(form, followup):
        return _conflict(followup, form)
    if not form.validate_on_submit():
        return render_template("followups/complete.html", form=form, followup=followup)
    try:
        services.complete_followup(followup, form.outcome.data, current_user)
        db.session.commit()
    except StaleDataError:
        return _conflict(_reloaded(followup_id), form)
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
        try:
            services.cancel_followup(followup, current_user)
            db.session.commit()
        except StaleDataError:
            return _conflict(_reloaded(followup_id))
        flash(_("Follow-up “%(title)s” cancelled.", title=followup.title), "success")
    return redirect(back)
