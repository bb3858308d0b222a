"""Forms for managing users."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SearchField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from tracker.admin import services
from tracker.auth.passwords import PASSWORD_MAX, PASSWORD_MIN, password_problem
from tracker.forms import VersionedForm
from tracker.i18n import LANGUAGE_NAMES
from tracker.models.user import ROLE_LABELS

ROLE_CHOICES = [SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()]
ROLE_HELP = _l(
    "Staff record and edit; managers also delete records and manage vocabularies; "
    "admins also manage users."
)


class UserCreateForm(FlaskForm):
    """A new account."""

    email = EmailField(
        _l("E-mail"),
        validators=[DataRequired(), Length(max=services.EMAIL_MAX), Email()],
        description=_l("Used to log in. Upper and lower case are treated alike."),
    )
    display_name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=services.NAME_MAX)],
        description=_l("Shown in the app, e.g. on meetings and follow-ups."),
    )
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, default="staff", description=ROLE_HELP)
    password = PasswordField(
        _l("Initial password"),
        # Only a truly empty field means "generate one": eight spaces are a password, and the
        # policy refuses them here as everywhere else.
        validators=[Optional(strip_whitespace=False), Length(min=PASSWORD_MIN, max=PASSWORD_MAX)],
        description=_l("Leave empty to generate a random password; it is shown once after saving."),
    )

    def validate_email(self, field) -> None:
        """Addresses are unique regardless of case."""
        if services.email_taken(field.data):
            raise ValidationError(_l("This e-mail address is already used."))

    def validate_password(self, field) -> None:
        """The password policy, the same as for the command line and password changes."""
        problem = password_problem(
            field.data, email=self.email.data or "", name=self.display_name.data or ""
        )
        if problem and not field.errors:
            raise ValidationError(problem)


class UserEditForm(VersionedForm, FlaskForm):
    """Name, role and preferred language of an existing account."""

    display_name = StringField(
        _l("Name"), validators=[DataRequired(), Length(max=services.NAME_MAX)]
    )
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, description=ROLE_HELP)
    language = SelectField(
        _l("Preferred language"),
        choices=[
            SelectChoice("", _l("Browser default")),
            *(SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()),
        ],
        description=_l("The interface language for this user."),
    )


class UserFilterForm(FlaskForm):
    """The GET filters above the user list."""

    class Meta:
        csrf = False

    q = SearchField(_l("Name or e-mail"), validators=[Length(max=200)])
    role = SelectField(_l("Role"), choices=[SelectChoice("", _l("All roles")), *ROLE_CHOICES])
    status = SelectField(
        _l("Status"),
        choices=[
            SelectChoice("", _l("All")),
            SelectChoice("active", _l("Active")),
            SelectChoice("inactive", _l("Deactivated")),
        ],
    )
