"""Matchmaking forms: offers, synonym groups, picking a partner, changing a match's status."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from tracker.forms import (
    OptionalIntSelectField,
    VersionedForm,
    area_field,
    enum_select,
    headcount_field,
)
from tracker.lookup.fields import LookupField
from tracker.matchmaking.services import parse_terms
from tracker.models import MatchStatus, OfferKind
from tracker.models.matchmaking import MATCH_STATUS_LABELS


def terms_field(label, description, *, required: bool = False) -> TextAreaField:
    """A list of terms (keywords, synonyms) in any of the three languages, up to 1,000
    characters."""
    presence = DataRequired() if required else Optional()
    return TextAreaField(label, validators=[presence, Length(max=1000)], description=description)


class OfferForm(VersionedForm, FlaskForm):
    """What a local partner offers; the view sets the contact and industry choices."""

    kind = enum_select(_l("Kind"), OfferKind)
    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("E.g. “Standard factory buildings, phase II”."),
    )
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000)])
    area_m2 = area_field(
        _l("Area available, m²"), description=_l("For factory, office and lab space.")
    )
    headcount = headcount_field(
        _l("Headcount capacity"),
        description=_l("People a talent programme or site can take, where it applies."),
    )
    industry_ids = SelectMultipleField(
        _l("Key industries"), coerce=int, choices=[], validators=[Optional()]
    )
    keywords = terms_field(
        _l("Keywords"),
        _l(
            "Separated by commas, in any of Chinese, German and English, "
            "e.g. “Gehäuseteile, die casting, 压铸”."
        ),
    )
    contact_person_id = OptionalIntSelectField(_l("Contact person"))
    active = BooleanField(
        _l("Active"), default=True, description=_l("Only active offers are suggested.")
    )


class SynonymForm(VersionedForm, FlaskForm):
    """A group of terms that mean the same, managed by managers."""

    terms = terms_field(
        _l("Terms"),
        _l(
            "Terms that mean the same, separated by ~ or one per line, "
            "e.g. “Gehäuseteile ~ housing parts ~ 外壳”."
        ),
        required=True,
    )
    active = BooleanField(_l("Active"), default=True)

    def validate_terms(self, field) -> None:
        if len(parse_terms(field.data)) < 2:
            raise ValidationError(_l("Give at least two different terms."))


class PickForm(FlaskForm):
    """Match a need with a local partner chosen by hand."""

    organisation_id = LookupField(
        _l("Local partner"), kind="organisations", local=True, validators=[InputRequired()]
    )
    offer_id = OptionalIntSelectField(
        _l("Offer"), description=_l("Optional: the partner's offer this is about.")
    )
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])


class StatusForm(VersionedForm, FlaskForm):
    """Move a match on; declining asks for a reason."""

    to_status = SelectField(
        _l("New status"), choices=[(s.value, MATCH_STATUS_LABELS[s]) for s in MatchStatus]
    )
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])
    decline_reason = StringField(
        _l("Reason for declining"), validators=[Optional(), Length(max=500)]
    )
