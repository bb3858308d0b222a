"""Meetings of a delegation: create, edit (staff too), delete (managers; restorable).

Registered on the delegations blueprint in views.py, where the whole URL map is listed.
"""

from datetime import datetime, time

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.delegations import choices, meetings
from tracker.delegations.forms import MeetingForm
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import Delegation, Meeting
from tracker.security import get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.versioning import STALE_ERRORS, check_version, edit_conflict


def _zone() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def _meeting_form(delegation: Delegation, meeting: Meeting | None) -> MeetingForm:
    """The form in local time, prefilled from meeting (or the visit's first morning)."""
    if meeting is None:
        initial = {"starts_at": datetime.combine(delegation.start_date, time(9, 0))}
    else:
        initial = _stored(meeting)
    form = MeetingForm(data=initial)
    form.person_ids.choices = choices.member_choices(
        delegation.id, keep=initial.get("person_ids", [])
    )
    form.staff_ids.choices = choices.user_choices(keep=initial.get("staff_ids", []))
    form.topic_ids.choices = choices.topic_choices(keep=initial.get("topic_ids", []))
    return form


def _stored(meeting: Meeting) -> dict:
    """The form's values of a stored meeting, in local time."""
    return {
        "version": meeting.version,
        "title": meeting.title,
        "starts_at": meetings.to_local(meeting.starts_at, _zone()),
        "place": meeting.place,
        "minutes": meeting.minutes,
        "person_ids": [p.id for p in meeting.visitors],
        "local_person_ids": [p.id for p in meeting.local_people],
        "staff_ids": [u.id for u in meeting.staff],
        "topic_ids": [t.id for t in meeting.topics],
    }


def _save(form: MeetingForm, meeting: Meeting, delegation: Delegation) -> None:
    meetings.save_meeting(
        meeting,
        delegation,
        title=form.title.data,
        starts_at=meetings.to_utc(form.starts_at.data, _zone()),
        place=form.place.data,
        minutes=form.minutes.data,
        # A multiple select that sent nothing reads None, not [] (WTForms).
        person_ids=[*(form.person_ids.data or []), *(form.local_person_ids.data or [])],
        staff_ids=form.staff_ids.data,
        topic_ids=form.topic_ids.data,
        user=current_user,
    )


def _back(delegation: Delegation):
    return redirect(url_for("delegations.detail", delegation_id=delegation.id, _anchor="meetings"))


@require("record.edit")
def create_meeting(delegation_id: int):
    """Record a meeting of the visit."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    form = _meeting_form(delegation, None)
    if form.validate_on_submit():
        _save(form, Meeting(), delegation)
        db.session.commit()
        flash(_("Meeting “%(title)s” recorded.", title=form.title.data), "success")
        return _back(delegation)
    return render_template(
        "delegations/meeting_form.html", form=form, delegation=delegation, meeting=None
    )


@require("record.edit")
def edit_meeting(delegation_id: int, meeting_id: int):
    """Change a meeting; a meeting of another delegation is not found here."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    meeting = meetings.get_meeting(delegation.id, meeting_id) or abort(404)
    form = _meeting_form(delegation, meeting)
    if form.validate_on_submit():
        try:
            check_version(meeting, form.loaded_version)
            _save(form, meeting, delegation)
            db.session.commit()
        except STALE_ERRORS as error:
            return _edit_conflict(error, delegation_id, meeting_id, form)
        flash(_("Meeting “%(title)s” saved.", title=form.title.data), "success")
        return _back(delegation)
    return render_template(
        "delegations/meeting_form.html", form=form, delegation=delegation, meeting=meeting
    )


def _edit_conflict(error: Exception, delegation_id: int, meeting_id: int, form: MeetingForm):
    """409: the user's input beside the meeting as it is now."""
    db.session.rollback()
    delegation = get_visible_or_404(Delegation, delegation_id)
    current = meetings.get_meeting(delegation.id, meeting_id) or abort(404)
    saved = MeetingForm(formdata=None, data=_stored(current))
    return edit_conflict(
        error, "delegations/meeting_form.html", form, saved, delegation=delegation, meeting=current
    )


@require("record.delete")
def delete_meeting(delegation_id: int, meeting_id: int):
    """Confirm, then delete a meeting softly, its minutes and participants kept with it."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    meeting = meetings.get_meeting(delegation.id, meeting_id) or abort(404)
    if EmptyForm().validate_on_submit():
        title = meeting.title
        meetings.delete_meeting(meeting, current_user.id)
        db.session.commit()
        flash(_("Meeting “%(title)s” deleted.", title=title), "success")
        return _back(delegation)
    return render_template(
        "_confirm.html",
        title=_("Delete meeting “%(title)s”?", title=meeting.title),
        message=_("Its participants list and minutes are kept with it.") + " " + restorable_note(),
        action_url=url_for(
            "delegations.delete_meeting", delegation_id=delegation.id, meeting_id=meeting.id
        ),
        confirm_label=_("Delete meeting"),
        cancel_url=url_for("delegations.detail", delegation_id=delegation.id),
    )
