"""Forms for logging in, two-step login and changing one's password."""

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, ValidationError

from tracker.auth.passwords import PASSWORD_MAX, password_problem, typed_password_problem
from tracker.forms import enum_select, text_field
from tracker.models import TokenScope


def _strip(value):
    return value.strip() if value else value


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField(
        _l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)], filters=[_strip]
    )
    # Taken as typed, as when it was set: InputRequired, unlike DataRequired, does not judge
    # by the stripped value; the rules are the password policy's own.
    password = PasswordField(_l("Password"), validators=[InputRequired()])

    def validate_password(self, field) -> None:
        """The rules every password meets, wherever it is typed (tracker.auth.passwords)."""
        if problem := typed_password_problem(field.data):
            raise ValidationError(problem)


class CodeForm(FlaskForm):
    """A six-digit code from the authenticator app, or a recovery code."""

    code = StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=32)],
        filters=[_strip],
        description=_l("The 6-digit code from your authenticator app, or a recovery code."),
    )


class PasswordConfirmForm(FlaskForm):
    """The current password, to confirm a sensitive change."""

    password = PasswordField(
        _l("Your password"), validators=[DataRequired(), Length(max=PASSWORD_MAX)]
    )

    def validate_password(self, field) -> None:
        if not current_user.check_password(field.data):
            raise ValidationError(_l("That is not your current password."))


class ChangePasswordForm(PasswordConfirmForm):
    """Current password, then the new one twice."""

    new_password = PasswordField(
        _l("New password"),
        validators=[InputRequired()],
        description=_l("At least 8 characters; a phrase of several words is easy to remember."),
    )
    confirm = PasswordField(
        _l("New password again"),
        validators=[
            InputRequired(),
            EqualTo("new_password", message=_l("The two entries differ.")),
        ],
    )

    def validate_new_password(self, field) -> None:
        problem = password_problem(
            field.data, email=current_user.email, name=current_user.display_name
        )
        if problem:
            raise ValidationError(problem)
        if current_user.check_password(field.data):
            raise ValidationError(_l("Choose a password different from the current one."))


class ApiTokenForm(FlaskForm):
    """A new personal access token for the JSON API: what it is for, and what it may do."""

    name = text_field(
        _l("Token name"), 100, required=True,
        description=_l("What it is for, e.g. BI dashboard; the history shows it beside changes."),
    )  # fmt: skip
    scope = enum_select(
        _l("Access"), TokenScope, TokenScope.READ,
        description=_l("Read and write lets scripts change records, with your permissions."),
    )  # fmt: skip
