"""The language choice, posted by the top-bar switch and by the profile page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectField

from tracker.i18n import LANGUAGE_NAMES


class LanguageForm(FlaskForm):
    """One of the interface languages, or "" to follow the browser; next is where to go back."""

    language = SelectField(
        _l("Interface language"),
        choices=[
            SelectChoice("", _l("Browser default")),
            *(SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()),
        ],
        description=_l("Browser default follows the language set in your web browser."),
    )
    next = HiddenField()
