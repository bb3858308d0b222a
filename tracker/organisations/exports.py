"""The organisations list's export columns; rows are (Organisation, people_count)."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column
from tracker.i18n import country_name


def _side(row) -> str:
    return str(_l("Local") if row[0].is_local else _l("Visiting"))


COLUMNS = (
    Column(_l("Name"), lambda r: r[0].name),
    Column(_l("Name (German)"), lambda r: r[0].name_de),
    Column(_l("Name (English)"), lambda r: r[0].name_en),
    Column(_l("Name (Chinese)"), lambda r: r[0].name_zh),
    Column(_l("Kind"), lambda r: r[0].kind),
    Column(_l("Side"), _side),
    Column(_l("Country"), lambda r: country_name(r[0].country)),
    Column(_l("City"), lambda r: r[0].city),
    Column(_l("Key industry"), lambda r: r[0].key_industry and r[0].key_industry.label),
    Column(_l("Website"), lambda r: r[0].website),
    Column(_l("People"), lambda r: r.people_count),
)
