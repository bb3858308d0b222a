"""Which history, follow-up and talk rows belong to the report's needs, cheaply at any scale."""

from sqlalchemy import select

from tracker.models import Need
from tracker.needs.services import NeedFilters, filtered

# A plain alias of the need table: the soft-delete rule (tracker.softdelete) adds its criteria
# to the Need entity only, so this alias can look at the deleted needs themselves.
_any_need = Need.__table__.alias("any_need")


def on_needs(need_id, f: NeedFilters):
    """SQL: the need need_id (a column) is one of the filtered needs.

    With filters this is `need_id IN (the filtered needs)`, usually a few ids. Without any,
    that list would be every need (100k at a commission's scale), built again by each query;
    a row's need always exists (foreign key), so "not deleted" is the same condition, checked
    against the few deleted needs. Confidentiality still applies: the global rule adds its
    criteria to the outer follow-up, history or talk rows.
    """
    if f.is_set():
        return need_id.in_(filtered(select(Need.id), f))
    deleted = select(_any_need.c.id).where(_any_need.c.deleted_at.is_not(None))
    return need_id.is_not(None) & need_id.not_in(deleted)
