"""The projects list's export columns; rows are (Project, in_place, latest milestone)."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column
from tracker.models import Milestone


def _latest(row) -> str | None:
    return Milestone(row.latest).label if row.latest else None


COLUMNS = (
    Column(_l("Project name"), lambda r: r[0].name),
    Column(_l("Company"), lambda r: r[0].organisation.shown_name),
    Column(_l("Key industry"), lambda r: r[0].key_industry and r[0].key_industry.label),
    Column(_l("Officer"), lambda r: r[0].owner and r[0].owner.display_name),
    Column(_l("Contracted investment"), lambda r: r[0].contracted_amount),
    Column(_l("Currency"), lambda r: r[0].contracted_currency),
    Column(_l("Contracted (CNY)"), lambda r: r[0].contracted_cny),
    Column(_l("In place (CNY)"), lambda r: r.in_place),
    Column(_l("Latest milestone"), _latest),
    Column(_l("Jobs promised"), lambda r: r[0].jobs_promised),
    Column(_l("Unified social credit code"), lambda r: r[0].credit_code),
    Column(_l("Foreign-invested"), lambda r: str(_l("Yes") if r[0].foreign else _l("No"))),
)
