"""Forms of projects: the project, the needs it came from, its milestones, its capital in
place, and a dated exchange rate. Choices of the small selects are set by the builders
(tracker.projects.builders); forms never write."""

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, DecimalField, SelectField, StringField, TextAreaField
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
    headcount_field,
)
from tracker.i18n import local_today
from tracker.lookup.fields import LookupField
from tracker.models import Currency, Milestone
from tracker.projects import uscc

MAX_AMOUNT = Decimal("1000000000000")  # a trillion: anything above is a typing slip
CURRENCIES = [(c.value, c.value) for c in Currency]
CONVERTIBLE = [(c.value, c.value) for c in Currency if c != Currency.CNY]


def amount_field(label, *, required: bool = False, **kwargs) -> DecimalField:
    """An amount of money from 0 (above 0 when required) to 10¹²."""
    presence = InputRequired() if required else Optional()
    low = Decimal("0.01") if required else Decimal(0)
    limit = NumberRange(min=low, max=MAX_AMOUNT, message=_l("Enter an amount from 0 to 10¹²."))
    return DecimalField(label, places=2, validators=[presence, limit], **kwargs)


def currency_field(label) -> BlankableSelectField:
    return BlankableSelectField(label, choices=[("", "—"), *CURRENCIES], default="")


class ForeignField(SelectField):
    """Foreign-invested: yes or no, or (a new project) as its company says."""

    def process_data(self, value):
        super().process_data({True: "yes", False: "no"}.get(value, value))


def not_in_future(form, field) -> None:
    """A day that has happened: an actual date, a payment received."""
    if field.data is not None and field.data > local_today():
        raise ValidationError(_l("This date is in the future: give it as planned instead."))


class ProjectForm(VersionedForm, FlaskForm):
    """An investment project; industry and owner choices are set by the builder."""

    name = StringField(_l("Project name"), validators=[DataRequired(), Length(max=200)])
    organisation_id = LookupField(
        _l("Company"), kind="organisations", validators=[InputRequired()],
        description=_l("The company that invests (or the one it registered here)."),
    )  # fmt: skip
    key_industry_id = OptionalIntSelectField(_l("Key industry"))
    owner_id = OptionalIntSelectField(_l("Officer"), description=_l("The colleague responsible."))
    contracted_amount = amount_field(_l("Contracted investment"))
    contracted_currency = currency_field(_l("Currency of the contracted investment"))
    registered_capital = amount_field(_l("Registered capital"))
    registered_currency = currency_field(_l("Currency of the registered capital"))
    jobs_promised = headcount_field(_l("Jobs promised"), minimum=0)
    credit_code = StringField(
        _l("Unified social credit code"), validators=[Optional(), Length(max=40)],
        description=_l("The 18 characters on the business licence (统一社会信用代码)."),
    )  # fmt: skip
    foreign = ForeignField(
        _l("Foreign-invested"),
        choices=[("auto", _l("As the company says (not local, or not from China)")),
                 ("yes", _l("Yes")), ("no", _l("No"))],
        default="auto",
    )  # fmt: skip
    confidential = BooleanField(
        _l("Confidential"),
        description=_l("Only its officer, managers and admins will see this project, its "
                       "agreements and its capital; for everyone else it does not exist."),
    )  # fmt: skip
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000)])

    def validate_contracted_currency(self, field) -> None:
        if self.contracted_amount.data is not None and not field.data:
            raise ValidationError(_l("Choose the currency of the amount."))

    def validate_registered_currency(self, field) -> None:
        if self.registered_capital.data is not None and not field.data:
            raise ValidationError(_l("Choose the currency of the amount."))

    def validate_credit_code(self, field) -> None:
        field.data = uscc.normalise(field.data)
        if field.data and not uscc.is_valid(field.data):
            raise ValidationError(
                _l("This is not a valid unified social credit code: check the 18 characters "
                   "(the last one is a check character).")
            )  # fmt: skip

    def validate_owner_id(self, field) -> None:
        # Without an owner a confidential project would be hidden from whoever records it.
        if self.confidential.data and field.data is None:
            raise ValidationError(_l("Choose the officer of a confidential project."))


class AddNeedForm(FlaskForm):
    """Another won need of the same company, added to the project."""

    need_id = OptionalIntSelectField(
        _l("Won need"), validate_choice=False, validators=[InputRequired(_l("Choose a need."))]
    )


class InstalmentForm(VersionedForm, FlaskForm):
    """Capital that arrived: when, how much, in which currency."""

    received_on = DateField(_l("Received on"), validators=[InputRequired(), not_in_future])
    amount = amount_field(_l("Amount"), required=True)
    currency = SelectField(_l("Currency"), choices=CURRENCIES, default=Currency.CNY.value)
    note = StringField(_l("Note"), validators=[Optional(), Length(max=300)])


class RateQuoteForm(FlaskForm):
    """A currency's rate to CNY from a past day on (the rate history)."""

    currency = SelectField(_l("Currency"), choices=CONVERTIBLE)
    effective_on = DateField(_l("From"), validators=[InputRequired(), not_in_future])
    rate = DecimalField(
        _l("1 unit in CNY"), places=6,
        validators=[InputRequired(), NumberRange(min=Decimal("0.000001"), max=Decimal("999999"),
                    message=_l("Give a rate between 0.000001 and 999999."))],
    )  # fmt: skip


class MilestonesForm(VersionedForm, FlaskForm):
    """Every milestone's planned and actual date and note, in one form."""

    def rows(self):
        """(milestone, planned, actual, note) fields in the milestones' order."""
        for m in Milestone:
            yield m, self[f"planned_{m.value}"], self[f"actual_{m.value}"], self[f"note_{m.value}"]

    def entries(self) -> dict:
        """{milestone: (planned, actual, note)} as posted, notes stripped."""
        return {
            m: (planned.data, actual.data, (note.data or "").strip() or None)
            for m, planned, actual, note in self.rows()
        }


# Three fields per milestone, named by its value, so a new milestone gets its fields by itself.
for _milestone in Milestone:
    setattr(
        MilestonesForm,
        f"planned_{_milestone.value}",
        DateField(_l("Planned"), validators=[Optional()]),
    )
    setattr(
        MilestonesForm,
        f"actual_{_milestone.value}",
        DateField(_l("Done on"), validators=[Optional(), not_in_future]),
    )
    setattr(MilestonesForm, f"note_{_milestone.value}",
            StringField(_l("Note"), validators=[Optional(), Length(max=300)]))  # fmt: skip
