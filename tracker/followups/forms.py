"""Follow-up forms: assign or edit, complete; the assignee choices and today are set by the view."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from tracker.forms import VersionField, enum_select, text_field
from tracker.models.followup import FollowUpKind
from tracker.numbers import parse_id

OUTCOME_LENGTH = Length(max=20000)


class FollowUpForm(FlaskForm):
    """Title, kind, assignee and due date; a past due date must be confirmed."""

    title = text_field(
        _l("Title"),
        required=True,
        description=_l("What is to be done, e.g. “Send the land price list”."),
    )
    kind = enum_select(_l("Kind"), FollowUpKind, FollowUpKind.CALL)
    assignee_id = SelectField(
        _l("Assigned to"),
        coerce=parse_id,  # anything but an id becomes None, refused as unknown
        validate_choice=False,
        description=_l("The colleague who will do it; they see it under My follow-ups."),
    )
    due_date = DateField(_l("Due date"), validators=[InputRequired()])
    confirm_past_date = BooleanField(_l("Yes, the due date is in the past"))
    version = VersionField()  # not filled from obj= on submit: a missing version is stale

    # Set by the view: today in the commission's time zone, and the stored values on edit.
    today: date | None = None
    stored_due_date: date | None = None

    def validate_assignee_id(self, field) -> None:
        """Only active colleagues (the choices), or the unchanged assignee of an edit."""
        # The view's choices are the active users plus, on edit, the stored assignee.
        if field.data is None or field.data not in {value for value, _label in field.choices}:
            raise ValidationError(_l("Choose an active colleague from the list."))

    @property
    def past_date_warning(self) -> bool:
        """True when the due date is in the past and was changed (an edit may keep it)."""
        due = self.due_date.data
        return bool(due and self.today and due < self.today and due != self.stored_due_date)

    def validate_due_date(self, field) -> None:
        """A date in the past is accepted only once the box below is ticked."""
        if self.past_date_warning and not self.confirm_past_date.data:
            raise ValidationError(
                _l("This date is in the past. Tick the box below if that is what you mean.")
            )


class CompleteForm(FlaskForm):
    """Mark done in one step: what came of it."""

    outcome = TextAreaField(
        _l("Outcome"),
        validators=[DataRequired(message=_l("Say briefly what came of it.")), OUTCOME_LENGTH],
        description=_l("What came of it, e.g. “Price list sent, they will reply next week”."),
    )
    version = HiddenField()
    next = HiddenField()
