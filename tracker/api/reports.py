"""The pipeline report as JSON: every table of the report page, for the report's filters and in
its scope (staff see their own needs' figures only, and no one sees a confidential need hidden
from them), computed by the report's own service.

URL map (under /api/v1):
    GET /reports/pipeline                api_reports.pipeline   read
"""

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from flask import request
from flask_login import current_user
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from tracker.api import pipeline_schemas as schemas
from tracker.i18n import local_today
from tracker.needs.services import NeedFilters
from tracker.reports.filters import parse_report_filters
from tracker.reports.services import PipelineReport, pipeline_report
from tracker.security import require

blp = Blueprint(
    "api_reports", __name__, url_prefix="/api/v1/reports",
    description="The pipeline report's tables.",
)  # fmt: skip

# The report's tables as the page shows them; needs is the filter (as the needs list's query
# arguments) behind every figure, and each figure's drill adds to it.
PipelineSchema = Schema.from_dict(
    {field.name: fields.Raw() for field in dataclasses.fields(PipelineReport)},
    name="PipelineReport",
)


def plain(value):
    """A figure as JSON values: records as objects, labels as text, amounts as strings."""
    if isinstance(value, NeedFilters):
        return value.to_args()
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, dict):
        return {str(plain(key)): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # lazy translated labels


@blp.route("/pipeline", endpoint="pipeline")
@blp.arguments(schemas.ReportArgs, location="query", as_kwargs=True)
@blp.response(200, PipelineSchema)
@require("record.view")
def pipeline(**_filters):
    """The pipeline report with the report page's filters; staff get their own needs' figures."""
    filters = parse_report_filters(request.args)
    return plain(pipeline_report(filters, current_user, local_today()))
