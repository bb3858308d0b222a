"""The form for a vocabulary term."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from tracker.forms import IntegerField, VersionedForm
from tracker.i18n import country_choices
from tracker.models import LostReason, OriginRegion
from tracker.regions import find_region
from tracker.vocabularies import services

NAME_MAX = 120


class TermForm(VersionedForm, FlaskForm):
    """Name in three languages, position and whether it is offered in forms."""

    name = StringField(
        _l("Name (English)"),
        validators=[DataRequired(), Length(max=NAME_MAX)],
        description=_l("Unique within the list; also shown when no translation is given."),
    )
    name_de = StringField(_l("German"), validators=[Optional(), Length(max=NAME_MAX)])
    name_zh = StringField(_l("Chinese"), validators=[Optional(), Length(max=NAME_MAX)])
    position = IntegerField(
        _l("Position"),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=9999)],
        description=_l("Lower numbers come first; equal positions are sorted by name."),
    )
    active = BooleanField(
        _l("Active"),
        default=True,
        description=_l(
            "Inactive terms stay on existing records but are no longer offered in forms."
        ),
    )

    def __init__(self, *args, model: type[services.Term], term_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._model = model
        self._term_id = term_id

    def validate_name(self, field) -> None:
        """Names are unique within their vocabulary, whatever the case."""
        if services.name_taken(self._model, field.data, exclude_id=self._term_id):
            raise ValidationError(_l("This name is already in the list."))


class LostReasonForm(TermForm):
    """A lost reason can ask for an explanation (as "other" does)."""

    needs_text = BooleanField(
        _l("Ask for an explanation"),
        description=_l(
            "When a need is lost for this reason, a few words of explanation are required."
        ),
    )


class RegionForm(TermForm):
    """An origin region belongs to a country (or is one), which groups it in the forms."""

    country = SelectField(
        _l("Country"),
        choices=[],
        default="",
        description=_l("The country of a state or region; for a whole country, that country."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.country.choices = [("", "—"), *country_choices()]

    def validate(self, extra_validators=None) -> bool:
        """No name, in any language, may be another region's (Thüringen is Thuringia)."""
        valid = super().validate(extra_validators)
        for field in (self.name, self.name_de, self.name_zh):
            other = find_region(field.data, exclude_id=self._term_id) if field.data else None
            if other is not None and not field.errors:
                field.errors.append(
                    _l("This is already the name of “%(region)s”.", region=other.name)
                )
                valid = False
        return valid


def form_class(model: type[services.Term]) -> type[TermForm]:
    """The form for a vocabulary's terms."""
    return {LostReason: LostReasonForm, OriginRegion: RegionForm}.get(model, TermForm)
