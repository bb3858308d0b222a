"""Optimistic locking for edit forms: a save from a form loaded on an older version is refused.

A version column alone does not protect a web form, because the row is reloaded on submit.
So every editable record has a version (models.base.VersionedMixin) that each UPDATE checks and
bumps, and every edit form carries the version it was loaded with (forms.VersionedForm). Views
call check_version before the service, inside one try with the commit, and answer StaleEdit or a
lost race (StaleDataError from the UPDATE ... WHERE version = ?) with edit_conflict: HTTP 409,
the user's input kept in the form, the current values beside it.
"""

from dataclasses import dataclass

from flask import render_template
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError
from wtforms import Form
from wtforms.fields import Field

# Fields the conflict table never shows: hidden, secret or not data.
UNSHOWN_TYPES = {"HiddenField", "CSRFTokenField", "SubmitField", "PasswordField", "FileField"}


class StaleEdit(Exception):
    """The record changed since the form was loaded, or the form did not say when that was."""

    def __init__(self, loaded: int | None):
        super().__init__(loaded)
        self.loaded = loaded


# What a view catches around check_version, the service and the commit.
STALE_ERRORS = (StaleEdit, StaleDataError)


def check_version(record, loaded: int | None) -> None:
    """Refuse an edit made on another version than the record's; else count it as the next one.

    Bumping here, not only on changed columns, makes an edit of linked rows alone (topics,
    participants) a new version too; the UPDATE still checks WHERE version = loaded.
    """
    if loaded is None or loaded != record.version:
        raise StaleEdit(loaded)
    record.version = loaded + 1


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


def edit_conflict(error: Exception, template: str, form: Form, current: Form, **context):
    """409: the form keeps the user's input, the notice lists the current values beside it.

    current is the same form class filled from the record as it is now (formdata=None); its
    version goes into the user's form, so saving again overwrites knowingly.
    """
    form.version.data = current.version.data
    conflict = Conflict(
        missing_version=isinstance(error, StaleEdit) and error.loaded is None,
        differences=differences(current, form),
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
