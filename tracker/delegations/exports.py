"""The delegations list's export columns, over the list's rows (services.list_delegations)."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column
from tracker.i18n import country_name
from tracker.regions import region_label

COLUMNS = (
    Column(_l("Title"), lambda r: r.title),
    Column(_l("Origin country"), lambda r: country_name(r.origin_country)),
    Column(_l("Origin region"), lambda r: region_label(r.origin_region_id)),
    Column(_l("Start date"), lambda r: r.start_date),
    Column(_l("End date"), lambda r: r.end_date),
    Column(_l("Status"), lambda r: r.status),
    Column(_l("Host"), lambda r: r.host),
    Column(_l("Host officer"), lambda r: r.host_officer_name),
    Column(_l("Members"), lambda r: r.member_count),
    Column(_l("Announced size"), lambda r: r.announced_size),
)
