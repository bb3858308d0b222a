"""The matches list's export columns; rows are Match entities with need, partner and offer."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column, local_time
from tracker.stored_text import shown

COLUMNS = (
    Column(_l("Need"), lambda m: m.need.title),
    Column(_l("Visiting organisation"), lambda m: m.need.organisation.name),
    Column(_l("Local partner"), lambda m: m.organisation.name),
    Column(_l("Offer"), lambda m: m.offer and m.offer.title),
    Column(_l("Status"), lambda m: m.status.label),
    Column(_l("Score"), lambda m: m.score),
    Column(_l("Reasons"), lambda m: "; ".join(shown(r) for r in m.reason_list)),
    Column(_l("Decline reason"), lambda m: m.decline_reason),
    Column(_l("Created"), lambda m: local_time(m.created_at)),
    Column(_l("Updated"), lambda m: local_time(m.updated_at)),
)
