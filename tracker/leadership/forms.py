"""The annual targets grid: one optional number per scope (the district, a key industry, an
officer) and figure, and the version of the year's targets it was loaded with."""

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, HiddenField
from wtforms.validators import NumberRange, Optional, ValidationError

from tracker.leadership.targets import COUNTED, METRICS, Cell, GridRow
from tracker.models import TargetMetric
from tracker.models.project import TARGET_METRIC_LABELS

MAX_TARGET = Decimal("1000000000000000")  # 10¹⁵ CNY: more than any district's year


class TargetField(DecimalField):
    """A target: a number from 0 to 10¹⁵, whole for counted figures; finite (no NaN)."""

    def __init__(self, label, counted: bool, **kwargs):
        limit = NumberRange(min=0, max=MAX_TARGET, message=_l("Enter a number from 0 to 10¹⁵."))
        super().__init__(label, places=None, validators=[Optional(), limit], **kwargs)
        self.counted = counted

    def pre_validate(self, form) -> None:
        if self.data is None:
            return
        if not self.data.is_finite():
            self.data = None
            raise ValidationError(self.gettext("Not a valid decimal value."))
        if self.counted and self.data != self.data.to_integral_value():
            raise ValidationError(_l("Enter a whole number."))


def plain(value: Decimal) -> Decimal:
    """value without trailing zeros or an exponent: 1000.00 reads 1000, 12.50 reads 12.5."""
    return value.normalize() + 0


def field_name(kind: str, ident: int, metric: TargetMetric) -> str:
    return f"{metric.value}__{kind}__{ident}"


class TargetsForm(FlaskForm):
    """The grid's fields are added per row by targets_form."""

    version = HiddenField()

    def values(self, rows: list[GridRow]) -> dict[Cell, Decimal | None]:
        """Every cell's value (None for a blank)."""
        result = {}
        for row in rows:
            for metric in METRICS:
                data = self[field_name(*row.scope, metric)].data
                result[(*row.scope, metric)] = None if data is None else plain(data)
        return result


def targets_form(rows: list[GridRow], district_label: str, **kwargs) -> TargetsForm:
    """The grid for rows (a form class made for them); kwargs as for any form (data=...)."""

    class Grid(TargetsForm):
        pass

    for row in rows:
        for metric in METRICS:
            label = f"{row.label or district_label} · {TARGET_METRIC_LABELS[metric]}"
            field = TargetField(label, counted=metric in COUNTED)
            setattr(Grid, field_name(*row.scope, metric), field)
    return Grid(**kwargs)


def grid_data(values: dict[Cell, Decimal], version: str) -> dict:
    """The form's data for saved (or copied) targets."""
    data: dict = {field_name(*cell): plain(value) for cell, value in values.items()}
    data["version"] = version
    return data
