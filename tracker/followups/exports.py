"""The follow-ups list's export columns; rows are FollowUp entities with their subject."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column, local_time
from tracker.followups.queries import subject_of


def _subject(followup, part: str):
    subject = subject_of(followup)
    return getattr(subject, part) if subject else None


COLUMNS = (
    Column(_l("Title"), lambda f: f.title),
    Column(_l("Kind"), lambda f: f.kind),
    Column(_l("Status"), lambda f: f.status),
    Column(_l("Due date"), lambda f: f.due_date),
    Column(_l("Assigned to"), lambda f: f.assignee.display_name),
    Column(_l("Assigned by"), lambda f: f.assigned_by and f.assigned_by.display_name),
    Column(_l("About"), lambda f: _subject(f, "label")),
    Column(_l("Subject"), lambda f: _subject(f, "name")),
    Column(_l("Completed on"), lambda f: local_time(f.completed_at)),
    Column(_l("Outcome"), lambda f: f.outcome),
)
