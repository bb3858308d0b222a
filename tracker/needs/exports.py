"""The needs list's export columns, and what they load beyond the list's own rows."""

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from tracker.exports import Column, local_time
from tracker.models import Need

# Many-to-one only, joined into the list's query: one query however many needs.
OPTIONS = (joinedload(Need.delegation), joinedload(Need.key_industry))

COLUMNS = (
    Column(_l("Title"), lambda n: n.title),
    Column(_l("Organisation"), lambda n: n.organisation.name),
    Column(_l("Delegation"), lambda n: n.delegation and n.delegation.title),
    Column(_l("Stage"), lambda n: n.stage),
    Column(_l("Priority"), lambda n: n.priority),
    Column(_l("Category"), lambda n: n.category and n.category.label),
    Column(_l("Key industry"), lambda n: n.key_industry and n.key_industry.label),
    Column(_l("Estimated investment"), lambda n: n.estimated_investment),
    Column(_l("Currency"), lambda n: n.currency and n.currency.value),
    Column(_l("Expected jobs"), lambda n: n.expected_jobs),
    Column(_l("Owner"), lambda n: n.owner and n.owner.display_name),
    Column(_l("Next step"), lambda n: n.next_step),
    Column(_l("Next step date"), lambda n: n.next_step_date),
    Column(_l("Next follow-up due"), lambda n: n.next_followup_due),
    Column(_l("Created"), lambda n: local_time(n.created_at).date()),
)
