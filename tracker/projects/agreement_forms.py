"""Forms of the agreements register: an agreement with its document, and an obligation; the
view sets today, the document limit and the owner choices."""

from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, DecimalField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from tracker.forms import (
    BlankableSelectField,
    IntegerField,
    OptionalIntSelectField,
    VersionedForm,
    enum_select,
    headcount_field,
    text_field,
)
from tracker.models import (
    AgreementKind,
    Currency,
    Milestone,
    ObligationKind,
    ObligationStatus,
    Party,
)
from tracker.models.project import MILESTONE_LABELS
from tracker.projects.agreements import AgreementData, date_problems
from tracker.projects.documents import DocumentError, Upload, check_upload
from tracker.projects.obligations import ObligationData, obligation_problems

MAX_AMOUNT = Decimal("1000000000000")


def _add_errors(form: FlaskForm, problems: list[tuple[str, str]]) -> bool:
    """Put each (field, message) at its field; True when there were none."""
    for name, message in problems:
        if not form[name].errors:
            form[name].errors = [*form[name].errors, message]
    return not problems


class AgreementForm(VersionedForm, FlaskForm):
    """An agreement: kind, title, parties, reference, dates, notes and its document."""

    kind = enum_select(_l("Kind"), AgreementKind, AgreementKind.INVESTMENT)
    title = text_field(_l("Title"), required=True)
    parties = TextAreaField(
        _l("Parties"), validators=[Optional(), Length(max=5000)],
        description=_l("One per line, as the agreement names them."),
    )  # fmt: skip
    reference = text_field(_l("Reference"), 100, description=_l("The agreement's number, if any."))
    signed_on = DateField(_l("Signed on"), validators=[Optional()])
    starts_on = DateField(_l("Starts on"), validators=[Optional()])
    ends_on = DateField(_l("Ends on"), validators=[Optional()])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=20000)])
    document = FileField(
        _l("Document"),
        description=_l("The signed agreement as a PDF or an image (PNG, JPEG, WebP)."),
    )
    remove_document = BooleanField(_l("Remove the stored document"))

    # Set by the view.
    today: date | None = None
    document_limit: int = 0
    upload: Upload | None = None

    def validate_document(self, field) -> None:
        """Read the file (up to the limit and one byte) and check its content's type."""
        storage = field.data
        if storage is None or not getattr(storage, "filename", None):
            self.upload = None
            return
        upload = Upload(storage.read(self.document_limit + 1), storage.filename)
        try:
            check_upload(upload, self.document_limit)
        except DocumentError as error:
            raise ValidationError(str(error)) from error
        self.upload = upload

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then the dates' rules at their fields."""
        valid = super().validate(extra_validators)
        if any(self[name].errors for name in ("kind", "signed_on", "starts_on", "ends_on")):
            return False
        return _add_errors(self, date_problems(self.data_for_service(), self.today)) and valid

    def data_for_service(self) -> AgreementData:
        return AgreementData(
            kind=AgreementKind(self.kind.data), title=self.title.data or "",
            parties=self.parties.data, reference=self.reference.data,
            signed_on=self.signed_on.data, starts_on=self.starts_on.data,
            ends_on=self.ends_on.data, notes=self.notes.data,
        )  # fmt: skip


class ObligationForm(VersionedForm, FlaskForm):
    """An obligation: who owes what by when, its status, owner and reminder."""

    party = enum_select(_l("Owed by"), Party, Party.COMPANY)
    kind = enum_select(_l("Kind"), ObligationKind, ObligationKind.INVESTMENT)
    description = text_field(_l("Description"), 300, required=True)
    amount = DecimalField(
        _l("Amount"), places=2,
        validators=[Optional(), NumberRange(min=0, max=MAX_AMOUNT,
                                            message=_l("Enter an amount from 0 to 10¹²."))],
        description=_l("For investment, tax revenue and subsidies."),
    )  # fmt: skip
    currency = BlankableSelectField(
        _l("Currency"), choices=[("", "—")] + [(c.value, c.value) for c in Currency], default=""
    )
    headcount = headcount_field(_l("Jobs"), description=_l("For an obligation to create jobs."))
    milestone = BlankableSelectField(
        _l("Milestone"), choices=[("", "—")] + [(m.value, MILESTONE_LABELS[m]) for m in Milestone],
        default="", description=_l("For an obligation to reach a milestone."),
    )  # fmt: skip
    due_on = DateField(_l("Due on"), validators=[InputRequired()])
    status = enum_select(_l("Status"), ObligationStatus, ObligationStatus.OPEN)
    met_on = DateField(_l("Met on"), validators=[Optional()])
    owner_id = OptionalIntSelectField(
        _l("Owner"), description=_l("The colleague who watches it; by default the project's owner.")
    )
    remind_days = IntegerField(
        _l("Remind days before"), default=14,
        validators=[InputRequired(), NumberRange(min=0, max=365, message=_l("Enter 0 to 365."))],
        description=_l("The owner gets a follow-up this many days before the due date."),
    )  # fmt: skip

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then what the kind and the status ask for, at their fields."""
        valid = super().validate(extra_validators)
        if any(self[name].errors for name in ("party", "kind", "currency", "milestone", "status")):
            return False
        return _add_errors(self, obligation_problems(self.data_for_service())) and valid

    def data_for_service(self) -> ObligationData:
        return ObligationData(
            party=Party(self.party.data), kind=ObligationKind(self.kind.data),
            description=self.description.data or "", due_on=self.due_on.data,
            amount=self.amount.data,
            currency=Currency(self.currency.data) if self.currency.data else None,
            headcount=self.headcount.data,
            milestone=Milestone(self.milestone.data) if self.milestone.data else None,
            status=ObligationStatus(self.status.data), met_on=self.met_on.data,
            owner_id=self.owner_id.data, remind_days=self.remind_days.data,
        )  # fmt: skip


class ObligationFilterForm(FlaskForm):
    """The obligations list's filters (GET, no CSRF)."""

    class Meta:
        csrf = False

    party = SelectField(_l("Owed by"), choices=[("", _l("Either side")), *Party.labels().items()])
    status = SelectField(
        _l("Status"), choices=[("", _l("Outstanding")), *ObligationStatus.labels().items()]
    )
    owner = OptionalIntSelectField(_l("Owner"), validate_choice=False)
    overdue = BooleanField(_l("Overdue only"))
