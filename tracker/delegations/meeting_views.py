"""Meetings of a delegation: create, edit (staff too), delete (managers; restorable).

Registered on the delegations blueprint in views.py, where the whole URL map is listed.
"""

from datetime import datetime, time
from functools import partial

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.delegations import choices, meetings
from tracker.delegations.forms import MeetingForm
from tracker.deletion import DeletePage, confirm_delete
from tracker.extensions import db
from tracker.models import Delegation, Meeting
from tracker.security import get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.versioning import saving


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
        current = partial(_current, delegation_id, meeting_id)
        with saving(meeting, form, "delegations/meeting_form.html", current):
            _save(form, meeting, delegation)
        flash(_("Meeting “%(title)s” saved.", title=form.title.data), "success")
        return _back(delegation)
    return render_template(
        "delegations/meeting_form.html", form=form, delegation=delegation, meeting=meeting
    )


def _current(delegation_id: int, meeting_id: int) -> tuple[MeetingForm, dict]:
    """The meeting as it is now, for the conflict page."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    current = meetings.get_meeting(delegation.id, meeting_id) or abort(404)
    saved = MeetingForm(formdata=None, data=_stored(current))
    return saved, {"delegation": delegation, "meeting": current}


@require("record.delete")
def delete_meeting(delegation_id: int, meeting_id: int):
    """Confirm, then delete a meeting softly, its minutes and participants kept with it."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    meeting = meetings.get_meeting(delegation.id, meeting_id) or abort(404)
    page = DeletePage(
        title=_("Delete meeting “%(title)s”?", title=meeting.title),
        message=_("Its participants list and minutes are kept with it.") + " " + restorable_note(),
        confirm_label=_("Delete meeting"),
        cancel_url=url_for("delegations.detail", delegation_id=delegation.id),
        done=_("Meeting “%(title)s” deleted.", title=meeting.title),
        done_url=url_for("delegations.detail", delegation_id=delegation.id, _anchor="meetings"),
    )
    return confirm_delete(page, partial(meetings.delete_meeting, meeting, current_user.id))
