"""Forms for needs: the need itself, stage moves, reopening, notes, and the list's filters."""

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from tracker.forms import (
    BlankableSelectField,
    OptionalIntSelectField,
    VersionedForm,
    area_field,
    enum_select,
    headcount_field,
)
from tracker.lookup.fields import LookupField
from tracker.models import Currency, Priority, Stage, WonOutcome
from tracker.models.need import STAGE_LABELS, WON_OUTCOME_LABELS

MAX_INVESTMENT = Decimal("1000000000000")  # a trillion: anything above is a typing slip


class NeedForm(VersionedForm, FlaskForm):
    """A cooperation need; the view sets the choices of the small selects (organisation and
    delegation are picked by searching, see tracker.lookup)."""

    organisation_id = LookupField(
        _l("Organisation"), kind="organisations", validators=[InputRequired()]
    )
    delegation_id = LookupField(
        _l("Raised during delegation"),
        kind="delegations",
        description=_l("Optional: the visit where it came up."),
    )
    meeting_id = OptionalIntSelectField(_l("Raised in meeting"))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000)])
    category_id = OptionalIntSelectField(_l("Category"))
    key_industry_id = OptionalIntSelectField(_l("Key industry"))
    priority = enum_select(_l("Priority"), Priority, Priority.MEDIUM)
    estimated_investment = DecimalField(
        _l("Estimated investment"),
        places=2,
        validators=[
            Optional(),
            NumberRange(min=0, max=MAX_INVESTMENT, message=_l("Enter an amount from 0 to 10¹².")),
        ],
    )
    currency = BlankableSelectField(
        _l("Currency"), choices=[("", "—")] + [(c.value, c.value) for c in Currency], default=""
    )
    expected_jobs = headcount_field(_l("Expected jobs"), minimum=0)
    area_m2_asked = area_field(
        _l("Space asked, m²"), description=_l("Floor space the company looks for, if any.")
    )
    headcount_asked = headcount_field(
        _l("Headcount asked"), description=_l("People to recruit or train, if any.")
    )
    owner_id = OptionalIntSelectField(_l("Owner"), description=_l("The colleague responsible."))
    next_step = StringField(_l("Next step"), validators=[Optional(), Length(max=300)])
    next_step_date = DateField(_l("Next step date"), validators=[Optional()])
    confidential = BooleanField(
        _l("Confidential"),
        description=_l(
            "Only its owner, the colleagues assigned its follow-ups, managers and admins will "
            "see this need, its follow-ups, matches and talks; for everyone else it does not exist."
        ),
    )

    def validate_currency(self, field) -> None:
        if self.estimated_investment.data is not None and not field.data:
            raise ValidationError(_l("Choose the currency of the amount."))

    def validate_meeting_id(self, field) -> None:
        if field.data is not None and self.delegation_id.data is None:
            raise ValidationError(_l("Choose the delegation of this meeting."))

    def validate_owner_id(self, field) -> None:
        # Without an owner a confidential need would be hidden from the staff member who
        # records it: saved, then gone from their own pages.
        if self.confidential.data and field.data is None:
            raise ValidationError(_l("Choose the owner of a confidential need."))

    def data_for_service(self) -> dict:
        """The fields the service writes, with empty strings as None."""
        data = {
            name: self[name].data for name in self._fields if name not in ("version", "csrf_token")
        }
        data["currency"] = Currency(data["currency"]) if data["currency"] else None
        data["priority"] = Priority(data["priority"])
        return data


class StageForm(FlaskForm):
    """Move a need to another stage; lost asks for a reason, won for its date and outcome."""

    to_stage = SelectField(_l("Move to"), choices=[(s.value, STAGE_LABELS[s]) for s in Stage])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])
    lost_reason_id = OptionalIntSelectField(_l("Reason for losing it"))
    lost_reason_text = StringField(_l("Explanation"), validators=[Optional(), Length(max=500)])
    won_on = DateField(_l("Won on"), validators=[Optional()])
    won_outcome = SelectField(
        _l("Outcome"),
        choices=[("", "—")] + [(o.value, WON_OUTCOME_LABELS[o]) for o in WonOutcome],
        default="",
    )

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then what the chosen stage asks for, each at its field (the
        pipeline checks again, and whether the reason needs an explanation)."""
        valid = super().validate(extra_validators)
        for name, message in self._missing():
            self[name].errors = [*self[name].errors, message]
            valid = False
        return valid

    def _missing(self) -> list[tuple[str, str]]:
        if self.to_stage.data == Stage.LOST.value and self.lost_reason_id.data is None:
            return [("lost_reason_id", _l("Choose why the need was lost."))]
        if self.to_stage.data != Stage.WON.value:
            return []
        missing = []
        if self.won_on.data is None and not self.won_on.errors:
            missing.append(("won_on", _l("Give the date of the win.")))
        if not self.won_outcome.data:
            missing.append(("won_outcome", _l("Choose the outcome of the win.")))
        return missing


class ReopenForm(FlaskForm):
    """Reopen a won or lost need, saying why."""

    to_stage = SelectField(
        _l("Reopen into"), choices=[(s.value, STAGE_LABELS[s]) for s in Stage if s.is_active]
    )
    note = TextAreaField(_l("Why is it reopened?"), validators=[DataRequired(), Length(max=5000)])


class NoteForm(FlaskForm):
    """A note or comment on the timeline."""

    body = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=20000)])
