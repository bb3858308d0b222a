"""Person form."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, TextAreaField
from wtforms.validators import Email, Length, Optional, ValidationError

from tracker.forms import VersionedForm, text_field
from tracker.lookup.fields import LookupField

# Digits, spaces and the punctuation people write phone numbers with: +86 (21) 5678-1234 / 5.
_PHONE = re.compile(r"[0-9 +\-()/.]*")


class PersonForm(VersionedForm, FlaskForm):
    """All fields of a person; the organisation is picked by searching (tracker.lookup)."""

    full_name = text_field(
        _l("Full name"),
        required=True,
        description=_l("As the person writes it, e.g. Dr. Anna Müller or 王伟."),
    )
    name_other_script = text_field(
        _l("Name in other script"),
        description=_l("The name in Chinese characters or in Latin letters."),
    )
    position = text_field(_l("Position"))
    organisation_id = LookupField(_l("Organisation"), kind="organisations")
    email = EmailField(
        _l("E-mail"), validators=[Optional(), Length(max=254), Email(check_deliverability=False)]
    )
    phone = text_field(_l("Phone"), 50, description=_l("Digits, spaces and + - ( ) / . only."))
    languages = text_field(_l("Languages"), 120, description=_l("e.g. German, English"))
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=20000)])
    confirm_email = BooleanField(_l("This is a different person, save anyway"))

    def validate_phone(self, field) -> None:
        """Refuse letters and symbols that never belong in a phone number."""
        if field.data and not _PHONE.fullmatch(field.data):
            raise ValidationError(_l("Use only digits, spaces and + - ( ) / ."))
