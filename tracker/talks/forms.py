"""Talk forms: scheduling (the view sets the participant choices), and minutes with outcome."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from tracker.forms import VersionedForm, url_field
from tracker.i18n import is_zone_name
from tracker.lookup.fields import LookupMultipleField
from tracker.models.base import utcnow
from tracker.models.talk import DEFAULT_TIMEZONE
from tracker.talks.services import NOT_HELD_YET

# Zones offered for entering a talk's time: the district's and the visitors' usual ones.
TIMEZONES = [
    ("Asia/Shanghai", _l("China (Shanghai)")),
    ("Europe/Berlin", _l("Germany (Berlin)")),
    ("Europe/London", _l("United Kingdom (London)")),
    ("UTC", "UTC"),
    ("America/New_York", _l("US Eastern (New York)")),
    ("Asia/Tokyo", _l("Japan (Tokyo)")),
    ("Asia/Singapore", _l("Singapore")),
]


class TalkForm(VersionedForm, FlaskForm):
    """When, where, who and what about; overlaps must be confirmed."""

    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("E.g. “Saale Robotik and Robot Industry Park: production space”."),
    )
    day = DateField(_l("Date"), validators=[InputRequired()])
    start = TimeField(_l("Starts"), validators=[InputRequired()])
    end = TimeField(_l("Ends"), validators=[InputRequired()])
    timezone = SelectField(
        _l("Time zone"),
        choices=TIMEZONES,
        default=DEFAULT_TIMEZONE,
        description=_l("The zone the times above are in; everyone sees them in their own."),
    )
    place = StringField(
        _l("Place"),
        validators=[Optional(), Length(max=200)],
        description=_l("Room or address; the same place at the same time is warned about."),
    )
    video_link = url_field(_l("Video link"))
    organisation_ids = LookupMultipleField(
        _l("Local partners"), kind="organisations", local=True, validators=[Optional()]
    )
    visitor_ids = SelectMultipleField(
        _l("Visiting side"), coerce=int, choices=[], validators=[Optional()]
    )
    local_person_ids = LookupMultipleField(
        _l("Local partners' people"), kind="people", local=True, validators=[Optional()]
    )
    staff_ids = SelectMultipleField(
        _l("Our staff"),
        coerce=int,
        choices=[],
        validators=[Optional()],
        description=_l("The talk appears in their calendar feeds."),
    )
    agenda = TextAreaField(_l("Agenda"), validators=[Optional(), Length(max=20000)])
    schedule_anyway = BooleanField(_l("Schedule anyway, despite the overlaps above"))

    def validate_timezone(self, field) -> None:
        # Runs even when the choice check failed: only look names up in the database's list.
        if not is_zone_name(field.data):
            raise ValidationError(_l("Choose a time zone from the list."))

    def validate_end(self, field) -> None:
        if self.start.data and field.data and field.data <= self.start.data:
            raise ValidationError(_l("The talk must end after it starts."))

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then: a place or a video link (both fields are optional alone)."""
        valid = super().validate(extra_validators)
        if not (self.place.data or "").strip() and not (self.video_link.data or "").strip():
            self.place.errors = [*self.place.errors, _l("Give a place or a video link.")]
            return False
        return valid


class OutcomeForm(VersionedForm, FlaskForm):
    """After the talk: what was said and what came of it; not before the talk has started."""

    minutes = TextAreaField(_l("Minutes"), validators=[Optional(), Length(max=50000)])
    outcome = TextAreaField(
        _l("Outcome"),
        validators=[
            DataRequired(message=_l("Say briefly what came of the talk.")),
            Length(max=20000),
        ],
        description=_l("E.g. “Site visit agreed for June; park sends the lease terms”."),
    )

    def __init__(self, *args, starts_at: datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts_at = starts_at  # naive UTC; None: not checked here

    def validate_outcome(self, field) -> None:
        if self.starts_at is not None and self.starts_at > utcnow():
            raise ValidationError(NOT_HELD_YET)
