"""Optimistic locking for edit forms: a save from a form loaded on an older version is refused.

A version column alone does not protect a web form, because the row is reloaded on submit.
So every editable record has a version (models.base.VersionedMixin) that each UPDATE checks and
bumps, and every edit form carries the version it was loaded with (forms.VersionedForm). Every
edit saves through `saving`, the one path: the version check, the service and the commit in one
block; a StaleEdit or a lost race (StaleDataError from the UPDATE ... WHERE version = ?) is
answered by edit_conflict: HTTP 409, the user's input kept in the form, the current values beside
it.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from flask import abort, make_response, render_template
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError
from wtforms import Form
from wtforms.fields import Field

from tracker.extensions import db
from tracker.numbers import parse_id

# Fields the conflict table never shows: hidden, secret or not data.
UNSHOWN_TYPES = {"HiddenField", "CSRFTokenField", "SubmitField", "PasswordField", "FileField"}


class StaleEdit(Exception):
    """The record changed since the form was loaded, or the form did not say when that was."""

    def __init__(self, loaded: int | None):
        super().__init__(loaded)
        self.loaded = loaded


# What `saving` answers with the 409 page: a stale form, or a lost race at the UPDATE.
STALE_ERRORS = (StaleEdit, StaleDataError)


def check_version(record, loaded: int | None) -> None:
    """Refuse an edit made on another version than the record's."""
    if loaded is None or loaded != record.version:
        raise StaleEdit(loaded)


def count_edit(record, loaded: int) -> None:
    """Make the edit the next version, also when only linked rows (topics, participants)
    changed; the UPDATE still checks WHERE version = loaded. A service that already flushed a
    change of the record has bumped it once: it is not bumped twice."""
    if record.version == loaded:
        record.version = loaded + 1


# After a conflict: the record's form filled from the record as it is now (formdata=None), and
# the page's context (the record reloaded, and whatever else the template needs).
CurrentPage = Callable[[], tuple[Form | None, dict]]


@contextmanager
def saving(
    record, form: Form | None, template: str, current: CurrentPage | None = None, **context
) -> Iterator[None]:
    """The one edit path: check the form's version, run the block (the service), commit.

    A stale form or a lost race rolls everything back and ends the request with the 409 page:
    template with the user's form, and current()'s saved form and context (by default the
    form's class filled from record, re-read after the rollback, and context). record None: a
    new record, nothing to check. form None: a button without a form of its own, checked
    against the version the record has now.
    """
    if current is None:
        current = partial(_reread, record, form, context)
    try:
        if record is not None:
            loaded = parse_id(form.version.data) if form is not None else record.version
            check_version(record, loaded)
        yield
        if record is not None:
            count_edit(record, loaded)
        db.session.commit()
    except STALE_ERRORS as error:
        db.session.rollback()
        saved, context = current()
        abort(make_response(edit_conflict(error, template, form, saved, **context)))


def _reread(record, form: Form | None, context: dict) -> tuple[Form | None, dict]:
    """The record's form as it is now (its attributes reload after the rollback)."""
    return (type(form)(formdata=None, obj=record) if form is not None else None), context


@dataclass(frozen=True)
class Difference:
    """One field whose saved value differs from what the user typed."""

    label: str
    current: str
    yours: str


@dataclass(frozen=True)
class Conflict:
    """What the conflict notice shows."""

    missing_version: bool
    differences: list[Difference]


def edit_conflict(
    error: Exception, template: str, form: Form | None, current: Form | None, **context
):
    """409: the form keeps the user's input, the notice lists the current values beside it.

    current is the same form class filled from the record as it is now (formdata=None); its
    version goes into the user's form, so saving again overwrites knowingly. Without a form
    (a button), the page shows the current values only.
    """
    if form is not None and current is not None:
        form.version.data = current.version.data
    conflict = Conflict(
        missing_version=isinstance(error, StaleEdit) and error.loaded is None,
        differences=differences(current, form) if form is not None and current else [],
    )
    return render_template(template, form=form, edit_conflict=conflict, **context), 409


def differences(current: Form, form: Form) -> list[Difference]:
    """The shown fields whose current value reads differently from the user's input."""
    rows = []
    for field in form:
        if field.type in UNSHOWN_TYPES or field.name not in current:
            continue
        saved = current[field.name]
        if getattr(field, "choices", None) is not None:
            saved.choices = field.choices  # set by the view on the user's form only
        row = Difference(str(field.label.text), shown(saved), shown(field))
        if row.current != row.yours:
            rows.append(row)
    return rows


def shown(field: Field) -> str:
    """A field's value as the user reads it: choice labels, Yes/No, or the input's text."""
    if field.type == "BooleanField":
        return _("Yes") if field.data else _("No")
    if getattr(field, "choices", None) is not None:
        labels = [str(choice[1]) for choice in field.iter_choices() if choice[2]]
        if labels or not field.data:
            return ", ".join(labels) or "—"
    text = field._value() if hasattr(field, "_value") else field.data
    return str(text).strip() if text not in (None, "", []) else "—"
