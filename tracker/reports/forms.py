"""The exchange-rate form: one optional rate to CNY per currency."""

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, SubmitField
from wtforms.validators import NumberRange, Optional

from tracker.models import Currency

CONVERTIBLE = [c for c in Currency if c != Currency.CNY]


class RatesForm(FlaskForm):
    """Rates to CNY; a blank rate removes it (amounts in that currency stay unconverted)."""

    submit = SubmitField(_l("Save rates"))

    def rates(self) -> dict[Currency, Decimal | None]:
        return {c: self[c.value].data for c in CONVERTIBLE}


# One field per currency, named by its code, so a new currency gets its field by itself.
for _currency in CONVERTIBLE:
    setattr(
        RatesForm,
        _currency.value,
        DecimalField(
            _l("1 %(code)s in CNY", code=_currency.value),
            places=6,
            validators=[
                Optional(),
                NumberRange(min=Decimal("0.000001"), max=Decimal("999999"),
                            message=_l("Give a rate between 0.000001 and 999999.")),
            ],
            description=_l("Leave empty when there is no rate; amounts are then not converted."),
        ),
    )  # fmt: skip
