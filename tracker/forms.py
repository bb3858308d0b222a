"""Form pieces shared by the features."""

import wtforms
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, URLField
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional, ValidationError

from tracker.numbers import parse_id


class IntegerField(wtforms.IntegerField):
    """An integer field that refuses numbers no column holds; WTForms' NumberRange would turn
    them into floats and fail with OverflowError (a 500)."""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None and abs(self.data) > 2**63 - 1:
            self.data = None
            raise ValueError(self.gettext("Not a valid integer value."))


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for POST-only buttons (delete, remove, log out)."""


def show_error(form: FlaskForm, error: Exception) -> None:
    """Put a service's refusal at the field it names (error.field), or above the form."""
    field = getattr(error, "field", None)
    if field and field in form:
        form[field].errors.append(str(error))
    else:
        form.form_errors.append(str(error))


def http_url(form, field) -> None:
    """Accept only http(s) links, so no javascript: URL can be stored."""
    if field.data and not field.data.lower().startswith(("http://", "https://")):
        raise ValidationError(_l("Enter a link starting with http:// or https://."))


def url_field(label) -> URLField:
    """An optional web address, http or https only."""
    return URLField(label, validators=[Optional(), Length(max=500), URL(), http_url])


def text_field(label, max_length: int = 200, *, required: bool = False, **kwargs) -> StringField:
    """A one-line text of at most max_length characters; required refuses a blank one."""
    presence = DataRequired() if required else Optional()
    return StringField(label, validators=[presence, Length(max=max_length)], **kwargs)


def area_field(label, **kwargs) -> IntegerField:
    """An optional floor area in m², from 1 to 10,000,000."""
    limit = NumberRange(min=1, max=10_000_000, message=_l("Enter 1 to 10,000,000 m²."))
    return IntegerField(label, validators=[Optional(), limit], **kwargs)


def headcount_field(label, minimum: int = 1, **kwargs) -> IntegerField:
    """An optional number of people, from minimum (1 or 0) to 1,000,000."""
    message = _l("Enter 1 to 1,000,000.") if minimum else _l("Enter 0 to 1,000,000.")
    limit = NumberRange(min=minimum, max=1_000_000, message=message)
    return IntegerField(label, validators=[Optional(), limit], **kwargs)


def enum_select(label, enum_class, default=None, **kwargs) -> SelectField:
    """A select of a labelled enum's members (values and their translated labels)."""
    choices = [(member.value, text) for member, text in enum_class.labels().items()]
    if default is not None:
        kwargs["default"] = default.value
    return SelectField(label, choices=choices, **kwargs)


class OptionalIntSelectField(SelectField):
    """A select of ids where the empty choice means None."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce", lambda v: int(v) if v not in (None, "", "None") else None)
        kwargs.setdefault("validate_choice", True)
        super().__init__(*args, **kwargs)


class BlankableSelectField(SelectField):
    """A select of strings whose empty choice "" also stands for None (an unset column)."""

    def process_data(self, value):
        super().process_data("" if value is None else value)


class VersionField(HiddenField):
    """The version of the record an edit form was loaded with (see tracker.versioning).

    On submit only the posted value counts: a form posted without it must not pass for current
    by falling back to the record's version.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.type = "HiddenField"  # the form macros render it like every hidden field

    def process_formdata(self, valuelist):
        self.data = valuelist[0] if valuelist else None


class VersionedForm:
    """Mixin for edit forms: the hidden version; filled from obj= on GET, else set by the view."""

    version = VersionField()

    @property
    def loaded_version(self) -> int | None:
        """The posted version as a number, None when missing or garbage."""
        return parse_id(self.version.data)
