"""The webhook form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectMultipleField, StringField, URLField
from wtforms.validators import DataRequired, Length, Optional

from tracker.forms import http_url
from tracker.models.webhook import WEBHOOK_EVENTS
from tracker.webhooks import services

EVENT_CHOICES = [(name, f"{name} — {label}") for name, label in WEBHOOK_EVENTS.items()]


class WebhookForm(FlaskForm):
    """Where to send which events; the secret only when a new hook is created."""

    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=services.NAME_MAX)],
        description=_l("Which system receives the events, e.g. “Investment project database”."),
    )
    url = URLField(
        _l("Address"),
        validators=[DataRequired(), Length(max=services.URL_MAX), http_url],
        description=_l("The events are POSTed here as signed JSON. Redirects are not followed."),
    )
    events = SelectMultipleField(
        _l("Events"),
        choices=EVENT_CHOICES,
        validators=[DataRequired(message=_l("Choose at least one event."))],
        description=_l("Hold Ctrl (or ⌘) to choose several."),
    )
    active = BooleanField(
        _l("Active"), default=True, description=_l("Only active hooks are sent events.")
    )


class WebhookCreateForm(WebhookForm):
    """A new hook, with the secret of the manager's choosing or a generated one."""

    secret = PasswordField(
        _l("Secret"),
        validators=[Optional(), Length(min=services.SECRET_MIN, max=services.SECRET_MAX)],
        description=_l("Signs every delivery. Leave empty to generate one; it is shown only once."),
    )
