"""The follow-up form with its choices and dates set: the pages and the JSON API build it here."""

from datetime import timedelta

from flask_login import current_user

from tracker.extensions import db
from tracker.followups import services
from tracker.followups.forms import FollowUpForm
from tracker.i18n import local_today
from tracker.models import FollowUp, User

DEFAULT_DUE_IN = timedelta(days=7)


def followup_form(followup: FollowUp | None = None, **form_args) -> FollowUpForm:
    """The form filled from followup unless form_args give formdata: the assignee choices, the
    dates the past-date check compares with, and a new one's defaults (the current user, due
    in a week) until it is sent."""
    form = FollowUpForm(obj=followup, **form_args)
    form.assignee_id.choices = services.assignee_choices(followup.assignee_id if followup else None)
    form.today = local_today()
    form.stored_due_date = followup.due_date if followup else None
    if followup is None and not form.is_submitted():
        form.assignee_id.data = current_user.id
        form.due_date.data = local_today() + DEFAULT_DUE_IN
    return form


def followup_fields(form: FollowUpForm) -> dict:
    """The form's values as the services' arguments."""
    return {
        "title": form.title.data,
        "kind": form.kind.data,
        "assignee": db.session.get(User, form.assignee_id.data),
        "due_date": form.due_date.data,
    }
