"""Organisation form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from tracker.forms import OptionalIntSelectField, VersionedForm, enum_select, url_field
from tracker.lookup.fields import LookupField
from tracker.models.organisation import OrganisationKind

NAME_LENGTH = Length(max=200)


class OrganisationForm(VersionedForm, FlaskForm):
    """All fields of an organisation; country and industry choices are set by the view."""

    name = StringField(
        _l("Name"),
        validators=[DataRequired(), NAME_LENGTH],
        description=_l("The name as the organisation writes it, with its legal form."),
    )
    name_de = StringField(_l("German name"), validators=[Optional(), NAME_LENGTH])
    name_en = StringField(_l("English name"), validators=[Optional(), NAME_LENGTH])
    name_zh = StringField(_l("Chinese name"), validators=[Optional(), NAME_LENGTH])
    kind = enum_select(_l("Kind"), OrganisationKind, OrganisationKind.COMPANY)
    is_local = BooleanField(
        _l("Local (host-side) organisation"),
        description=_l("Tick for partners in the district; leave empty for visitors."),
    )
    country = SelectField(_l("Country"), validators=[Optional()])
    city = StringField(_l("City"), validators=[Optional(), Length(max=120)])
    website = url_field(_l("Website"))
    key_industry_id = OptionalIntSelectField(
        _l("Key industry"), description=_l("The district's focus sector it belongs to, if any.")
    )
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000)])
    confirm_duplicate = BooleanField(_l("This is a different organisation, create it anyway"))


class MergeForm(FlaskForm):
    """The organisation that stays when a duplicate is merged into it (searched as one types;
    the view offers the similar names)."""

    survivor_id = LookupField(
        _l("Merge into"),
        kind="organisations",
        validators=[DataRequired(_l("Choose the organisation that stays."))],
        description=_l(
            "Its people, needs, follow-ups and delegation history move there; this "
            "organisation's names are kept as other names, and it is deleted."
        ),
    )
