"""The delegations list's export columns; rows are (Delegation, member_count)."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column
from tracker.i18n import country_name

COLUMNS = (
    Column(_l("Title"), lambda r: r[0].title),
    Column(_l("Origin country"), lambda r: country_name(r[0].origin_country)),
    Column(_l("Origin region"), lambda r: r[0].origin_region),
    Column(_l("Start date"), lambda r: r[0].start_date),
    Column(_l("End date"), lambda r: r[0].end_date),
    Column(_l("Status"), lambda r: r[0].status),
    Column(_l("Host"), lambda r: r[0].host),
    Column(_l("Host officer"), lambda r: r[0].host_officer and r[0].host_officer.display_name),
    Column(_l("Members"), lambda r: r.member_count),
    Column(_l("Announced size"), lambda r: r[0].announced_size),
)
