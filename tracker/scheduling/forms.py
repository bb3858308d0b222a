"""The matchmaking day's forms: the session (days, breaks), tables, interpreters, blocks,
requests, and the grid's move form. Forms never write; the views set the dynamic choices."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    SelectField,
    SelectMultipleField,
    StringField,
    TimeField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from tracker.forms import IntegerField, OptionalIntSelectField, VersionedForm, enum_select
from tracker.i18n import is_zone_name
from tracker.lookup.fields import LookupMultipleField
from tracker.models import RequestPriority
from tracker.models.scheduling import DEFAULT_MAX_TALKS_PER_DAY, SLOT_MINUTES
from tracker.models.talk import DEFAULT_TIMEZONE
from tracker.scheduling.languages import parse_pairs
from tracker.talks.forms import TIMEZONES

DAY_ROWS, BREAK_ROWS = 3, 2  # empty rows offered for more days and breaks


def _ends_after(form: Form, field) -> None:
    if form.starts.data and field.data and field.data <= form.starts.data:
        raise ValidationError(_l("The end must be after the start."))


class DayForm(Form):
    """One day and its window; a row left empty is no day."""

    day = DateField(_l("Date"), validators=[Optional()])
    starts = TimeField(_l("From"), validators=[Optional()])
    ends = TimeField(_l("To"), validators=[Optional(), _ends_after])


class BreakForm(Form):
    """A break on every day; a row left empty is no break."""

    starts = TimeField(_l("From"), validators=[Optional()])
    ends = TimeField(_l("To"), validators=[Optional(), _ends_after])


class SessionForm(VersionedForm, FlaskForm):
    """The session: title, days with their windows, slot length, breaks, zone."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)],
                        description=_l("E.g. “Thuringia matchmaking day”."))  # fmt: skip
    days = FieldList(FormField(DayForm), min_entries=DAY_ROWS)
    slot_minutes = SelectField(
        _l("Slot length"),
        coerce=int,
        default=20,
        choices=[(m, _l("%(num)s minutes", num=m)) for m in SLOT_MINUTES],
    )
    breaks = FieldList(FormField(BreakForm), min_entries=BREAK_ROWS)
    max_talks_per_day = IntegerField(
        _l("Talks per person and day, at most"), default=DEFAULT_MAX_TALKS_PER_DAY,
        validators=[InputRequired(), NumberRange(min=1, max=40)],
    )  # fmt: skip
    timezone = SelectField(_l("Time zone"), choices=TIMEZONES, default=DEFAULT_TIMEZONE,
                           description=_l("The zone of the days' times."))  # fmt: skip

    def validate_timezone(self, field) -> None:
        if not is_zone_name(field.data):
            raise ValidationError(_l("Choose a time zone from the list."))

    def validate_days(self, field) -> None:
        rows = [row.form for row in field]
        if any(bool(r.day.data) != bool(r.starts.data and r.ends.data) for r in rows):
            raise ValidationError(_l("Give each day its date, start and end."))
        dates = [r.day.data for r in rows if r.day.data]
        if not dates:
            raise ValidationError(_l("Give at least one day."))
        if len(set(dates)) != len(dates):
            raise ValidationError(_l("Each day once."))

    def validate_breaks(self, field) -> None:
        if any(bool(r.form.starts.data) != bool(r.form.ends.data) for r in field):
            raise ValidationError(_l("Give each break its start and end."))


def fill_rows(form: SessionForm) -> None:
    """Offer empty rows for one more day and break (on GET and after an error)."""
    while len(form.days) < max(DAY_ROWS, len([r for r in form.days if r.day.data]) + 1):
        form.days.append_entry()
    while len(form.breaks) < max(BREAK_ROWS, len([r for r in form.breaks if r.starts.data]) + 1):
        form.breaks.append_entry()


class TableForm(FlaskForm):
    """A room or numbered table."""

    name = StringField(_l("Table"), validators=[DataRequired(), Length(max=100)],
                       description=_l("A name or number: “Table 3”, “Room B”."))  # fmt: skip
    capacity = IntegerField(_l("Seats"), default=4,
                            validators=[InputRequired(), NumberRange(min=2, max=30)])  # fmt: skip
    host_id = OptionalIntSelectField(_l("Staff host"), choices=[], validators=[Optional()])


class InterpreterForm(FlaskForm):
    """A staff member or a hired interpreter and the pairs they bridge."""

    user_id = OptionalIntSelectField(_l("Staff member"), choices=[], validators=[Optional()])
    name = StringField(_l("Or a hired interpreter's name"),
                       validators=[Optional(), Length(max=200)])  # fmt: skip
    pairs = StringField(_l("Language pairs"), validators=[DataRequired(), Length(max=120)],
                        description=_l("E.g. “de-zh en-zh” or “German-Chinese”."))  # fmt: skip

    def validate_name(self, field) -> None:
        if not self.user_id.data and not (field.data or "").strip():
            raise ValidationError(_l("Choose a staff member or give a name."))

    def validate_pairs(self, field) -> None:
        if not parse_pairs(field.data):
            raise ValidationError(_l("Write the pairs as “de-zh en-zh”."))


class BlockForm(FlaskForm):
    """A period when someone or something is not available."""

    who = SelectField(_l("Who or what"), choices=[], validators=[DataRequired()])
    day = SelectField(_l("Day"), choices=[], validators=[DataRequired()])
    starts = TimeField(_l("From"), validators=[InputRequired()])
    ends = TimeField(_l("To"), validators=[InputRequired(), _ends_after])
    reason = StringField(_l("Why"), validators=[Optional(), Length(max=200)])


class RequestForm(FlaskForm):
    """A talk asked for directly: who on each side, and how much it matters."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    priority = enum_select(_l("Priority"), RequestPriority, default=RequestPriority.SHOULD)
    visitor_ids = SelectMultipleField(_l("Visitors"), coerce=int, choices=[],
                                      validators=[Optional()])  # fmt: skip
    partner_ids = LookupMultipleField(_l("Local partners' people"), kind="people", local=True,
                                      validators=[Optional()])  # fmt: skip

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then: someone on either side (each field is optional alone)."""
        valid = super().validate(extra_validators)
        if valid and not self.visitor_ids.data and not self.partner_ids.data:
            self.partner_ids.errors = [
                *self.partner_ids.errors,
                _l("Name at least one participant."),
            ]
            return False
        return valid


class PriorityForm(FlaskForm):
    priority = enum_select(_l("Priority"), RequestPriority)


class MoveForm(FlaskForm):
    """Where a talk goes: a slot and a table (the same form the drag posts)."""

    slot = SelectField(_l("Slot"), coerce=int, choices=[])
    table = SelectField(_l("Table"), coerce=int, choices=[])
