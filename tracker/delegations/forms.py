"""Forms for delegations, their members and meetings (choices of small lists are set by the
views; organisations and people are picked by searching, see tracker.lookup)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from tracker.forms import (
    IntegerField,
    OptionalIntSelectField,
    VersionedForm,
    enum_select,
    text_field,
    url_field,
)
from tracker.lookup.fields import LookupField, LookupMultipleField
from tracker.models.delegation import (
    DelegationStatus,
    MemberRole,
)
from tracker.models.organisation import OrganisationKind

LONG_TEXT = 20_000
MINUTES_TEXT = 100_000


class DelegationForm(VersionedForm, FlaskForm):
    """A visit: who comes, when, and who looks after them."""

    title = text_field(
        _l("Title"),
        required=True,
        description=_l("For example: Thuringia business delegation, May 2026."),
    )
    origin_country = SelectField(_l("Origin country"), choices=[], default="")
    origin_region_id = OptionalIntSelectField(
        _l("Origin region"),
        choices=[],
        description=_l(
            "State, canton, region or country, e.g. Thuringia; managers keep the list under "
            "Vocabularies."
        ),
    )
    # InputRequired, not DataRequired: it keeps the "Not a valid date" message of a bad date.
    start_date = DateField(_l("Start date"), validators=[InputRequired()])
    end_date = DateField(_l("End date"), validators=[InputRequired()])
    host = StringField(_l("Host"), validators=[DataRequired(), Length(max=200)])
    host_officer_id = OptionalIntSelectField(
        _l("Host officer"), choices=[], description=_l("The colleague who looks after the visit.")
    )
    status = enum_select(
        _l("Status"), DelegationStatus, DelegationStatus.PLANNED, coerce=DelegationStatus
    )
    announced_size = IntegerField(
        _l("Announced size"),
        validators=[Optional(), NumberRange(min=0, max=10_000)],
        description=_l("How many people were announced; the member list gives the actual count."),
    )
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=LONG_TEXT)])
    source_url = url_field(_l("Source link"))
    topic_ids = SelectMultipleField(
        _l("Topics"),
        coerce=int,
        choices=[],
        description=_l("Hold Ctrl (Cmd on a Mac) to choose several."),
    )

    def validate_end_date(self, field) -> None:
        """A visit cannot end before it starts."""
        if field.data and self.start_date.data and field.data < self.start_date.data:
            raise ValidationError(_l("The end date cannot be before the start date."))


class MemberForm(FlaskForm):
    """Add a member: pick an existing person, or type a new one (and maybe their organisation)."""

    role = enum_select(_l("Role"), MemberRole, MemberRole.MEMBER, coerce=MemberRole)
    person_id = LookupField(
        _l("Existing person"),
        kind="people",
        description=_l("Or leave empty and enter a new person."),
    )
    full_name = text_field(_l("Full name"))
    position = text_field(_l("Position"))
    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=254), Email()])
    organisation_id = LookupField(
        _l("Organisation"),
        kind="organisations",
        description=_l("Pick it if it is already recorded."),
    )
    new_organisation = text_field(
        _l("New organisation"), description=_l("Only when the organisation is not recorded yet.")
    )
    new_organisation_kind = enum_select(
        _l("Kind"),
        OrganisationKind,
        OrganisationKind.COMPANY,
        description=_l("Of the new organisation."),
    )
    create_anyway = BooleanField(_l("Create it anyway"))
    # Sent by the "Use this one" button beside a look-alike organisation: that one, not a new.
    use_organisation_id = IntegerField(validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        """A recorded organisation chosen instead of the typed name replaces it, then the
        field checks run (the picker checks that it exists)."""
        if self.use_organisation_id.data is not None:
            self.organisation_id.data = self.use_organisation_id.data
            self.new_organisation.data = ""
        return super().validate(extra_validators)

    def validate_person_id(self, field) -> None:
        """Exactly one of: an existing person, or a new person's name."""
        new_details = (self.full_name, self.position, self.email, self.new_organisation)
        if field.data is None and not (self.full_name.data or "").strip():
            raise ValidationError(_l("Pick a person, or enter a new person's full name below."))
        if field.data is not None and (
            any((f.data or "").strip() for f in new_details) or self.organisation_id.data
        ):
            raise ValidationError(
                _l("Either pick an existing person or enter a new one, not both.")
            )

    def validate_new_organisation(self, field) -> None:
        """A new person belongs to a recorded organisation or a new one, not both."""
        if (field.data or "").strip() and self.organisation_id.data is not None:
            raise ValidationError(_l("Pick an organisation or type a new name, not both."))


class OrganisationPickForm(FlaskForm):
    """An organisation that took part without named people."""

    organisation_id = LookupField(_l("Organisation"), kind="organisations")

    def validate_organisation_id(self, field) -> None:
        """The empty choice is not an organisation."""
        if field.data is None:
            raise ValidationError(_l("Pick an organisation."))


class MeetingForm(VersionedForm, FlaskForm):
    """One session of a visit; the time is entered in the commission's local time."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    starts_at = DateTimeLocalField(
        _l("Starts at"),
        format="%Y-%m-%dT%H:%M",
        validators=[InputRequired()],
        description=_l("In the commission's local time."),
    )
    place = StringField(_l("Place"), validators=[Optional(), Length(max=200)])
    person_ids = SelectMultipleField(
        _l("Visiting side"),
        coerce=int,
        choices=[],
        description=_l("Members of this delegation who took part."),
    )
    local_person_ids = LookupMultipleField(
        _l("Local partners' people"),
        kind="people",
        local=True,
        validators=[Optional()],
        description=_l("People of local partners who took part."),
    )
    staff_ids = SelectMultipleField(_l("Our staff"), coerce=int, choices=[])
    topic_ids = SelectMultipleField(_l("Topics"), coerce=int, choices=[])
    minutes = TextAreaField(_l("Minutes"), validators=[Optional(), Length(max=MINUTES_TEXT)])
