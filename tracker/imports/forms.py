"""Import forms: the upload, and the column mapping built for the file's headers."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional

from tracker.forms import OptionalIntSelectField
from tracker.imports.fields import FIELDS, NAME_FIELDS


class UploadForm(FlaskForm):
    """A member list file and, for Excel, the sheet to read."""

    file = FileField(
        _l("Member list"),
        validators=[FileRequired(_l("Choose the file to import."))],
        description=_l(
            "CSV or Excel (.xlsx). The header row may be below a title; German, English and "
            "Chinese column names are recognised."
        ),
    )
    sheet = StringField(
        _l("Sheet"),
        validators=[Optional(), Length(max=100)],
        description=_l("Excel only: the sheet to read. Empty: the first sheet."),
    )


class ConfirmForm(FlaskForm):
    """The preview's confirmation, with what the new needs get (the view sets the choices)."""

    need_owner_id = OptionalIntSelectField(
        _l("Owner of the new needs"), description=_l("The colleague responsible for them.")
    )
    need_category_id = OptionalIntSelectField(_l("Category of the new needs"))


class MappingForm(FlaskForm):
    """One select per column of the file (fields are added by mapping_form)."""

    column_count = 0

    def fields(self) -> list[str]:
        """The chosen field per column ("" for ignored columns)."""
        return [self[f"col_{i}"].data or "" for i in range(self.column_count)]

    def validate(self, extra_validators=None) -> bool:
        """Each field at most once, and some column must give the name."""
        valid = super().validate(extra_validators)
        chosen = [f for f in self.fields() if f]
        if not any(f in NAME_FIELDS for f in chosen):
            self.form_errors.append(_l("Choose the column with the name (or first and last name)."))
            valid = False
        for i, name in enumerate(self.fields()):
            if name and self.fields()[:i].count(name):
                self[f"col_{i}"].errors.append(_l("Another column is already used for this."))
                valid = False
        return valid


def mapping_form(headers: list[str], defaults: list[str]) -> MappingForm:
    """A mapping form for these headers, preselected with defaults."""
    choices = [("", _l("— ignore —")), *FIELDS.items()]

    class Form(MappingForm):
        column_count = len(headers)

    for i, header in enumerate(headers):
        label = header or _l("Column %(number)d", number=i + 1)
        default = defaults[i] if i < len(defaults) else ""
        setattr(Form, f"col_{i}", SelectField(label, choices=choices, default=default))
    return Form()
