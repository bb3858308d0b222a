"""Soft delete: deleted records are hidden from every ORM query unless a query asks for them.

SQLAlchemy's documented pattern for global criteria: a do_orm_execute listener adds
with_loader_criteria to each top-level SELECT; relationship loads of the objects it returns
inherit the criteria. It composes with the confidential-needs listener in tracker.security.
A query passes execution option include_deleted=True (see `with_deleted`) to see deleted rows:
the Deleted items page, restore and purge.

Session.get() and db.get_or_404() return an object already in the identity map without SQL,
so pages look records up with `tracker.security.get_visible_or_404`, which always runs a SELECT.
"""

from collections.abc import Callable, Sequence
from datetime import datetime

from flask import current_app
from flask_babel import ngettext
from sqlalchemy import Select, event, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from tracker.extensions import db
from tracker.models.base import SoftDeleteMixin, utcnow

INCLUDE_DELETED = "include_deleted"
# One option for every statement: immutable, so built once rather than on each SELECT.
_NOT_DELETED = (
    with_loader_criteria(
        SoftDeleteMixin, lambda cls: cls.deleted_at.is_(None), include_aliases=True
    ),
)


@event.listens_for(Session, "do_orm_execute")
def _hide_deleted(state: ORMExecuteState) -> None:
    """Add "not deleted" to every entity of a top-level ORM statement, unless asked not to."""
    if state.is_column_load or state.is_relationship_load:
        return  # refreshing a loaded object, or loading under its parent's criteria
    if state.execution_options.get(INCLUDE_DELETED, False):
        return
    if not state.is_select:
        return  # bulk UPDATE/DELETE (e.g. merging organisations) must reach deleted rows too
    state.statement = state.statement.options(*_NOT_DELETED)


def with_deleted(stmt: Select) -> Select:
    """stmt, seeing deleted rows too."""
    return stmt.execution_options(**{INCLUDE_DELETED: True})


def mark_deleted(records, by_id: int | None, at: datetime | None = None) -> datetime:
    """Stamp records as deleted by by_id, all with the same moment (restore finds them by it)."""
    at = at or utcnow()
    for record in records:
        record.deleted_at = at
        record.deleted_by_id = by_id
    return at


def soft_delete(record, by_id: int | None) -> None:
    """Delete record softly (restorable until purged); flushes."""
    mark_deleted([record], by_id)
    db.session.flush()


def restorable_note() -> str:
    """The confirmation pages' promise that a deletion can be undone, and for how long."""
    days = current_app.config["DELETED_RETENTION_DAYS"]
    return ngettext(
        "Managers can restore it from Deleted items for %(num)d day.",
        "Managers can restore it from Deleted items for %(num)d days.",
        days,
    )


# A count of the rows still referring to a record, and the reason it gives for keeping it.
Blocker = tuple[Select, Callable[[int], str]]


def delete_blockers(blockers: Sequence[Blocker]) -> list[str]:
    """Why a record may not be deleted yet, counted in one query (empty when it may)."""
    counts = db.session.execute(
        select(*(count.scalar_subquery() for count, _reason in blockers))
    ).one()
    return [reason(n) for n, (_count, reason) in zip(counts, blockers, strict=True) if n]
