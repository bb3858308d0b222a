"""How many open follow-ups each need has, kept on every write of a follow-up.

The report counts the active needs without an open follow-up. Asked of the follow-ups, that was
an anti-join of every active need against the follow-ups table (about 45 ms of the report's
first view at 100k needs on SQLite); kept on the need, it is a count over an index.

The count is derived, never set by hand: whenever a flush writes, moves or deletes a
follow-up, each need it belonged to before or after is counted again from its follow-ups (open,
not deleted) by the same SQL as the migration's backfill, within the flush's transaction. Bulk
inserts that bypass the session (the benchmark's data set) call recompute() afterwards.
"""

from sqlalchemy import event, func, inspect, select, update
from sqlalchemy.orm import Session

from tracker.models import FollowUp, FollowUpStatus, Need

_TOUCHED = "open_followups_touched"  # Session.info: needs whose follow-ups this flush wrote


def recompute(connection, need_ids=None) -> None:
    """Count the open follow-ups again of the needs (all when None)."""
    followups, needs = FollowUp.__table__, Need.__table__
    count = (
        select(func.count(followups.c.id))
        .where(
            followups.c.need_id == needs.c.id,
            followups.c.status == FollowUpStatus.OPEN.value,
            followups.c.deleted_at.is_(None),
        )
        .scalar_subquery()
    )
    rows = update(needs)
    if need_ids is not None:
        rows = rows.where(needs.c.id.in_(sorted(need_ids)))
    connection.execute(rows.values(open_followups=count))


def _earlier_need(followup: FollowUp) -> set[int]:
    """The need a follow-up belonged to before this flush: its need_id before the change, or
    still its need_id when the change went through the relationship (set in the flush)."""
    earlier = {*inspect(followup).attrs.need_id.history.deleted, followup.need_id}
    return {need_id for need_id in earlier if need_id is not None}


@event.listens_for(Session, "before_flush")
def _note_followups(session: Session, _context, _instances) -> None:
    """Remember the follow-ups this flush writes, and the needs any was moved away from (a new
    follow-up of a new need learns its need's id only in the flush)."""
    written = [
        record for record in (*session.new, *session.dirty, *session.deleted)
        if isinstance(record, FollowUp)
    ]  # fmt: skip
    if written:
        earlier = set().union(*(_earlier_need(followup) for followup in written))
        noted = session.info.setdefault(_TOUCHED, ([], set()))
        noted[0].extend(written)
        noted[1].update(earlier)


@event.listens_for(Session, "after_flush")
def _keep_counts(session: Session, _context) -> None:
    """Count the open follow-ups again of every need whose follow-ups this flush wrote."""
    noted = session.info.get(_TOUCHED)
    if noted:
        written, earlier = noted
        touched = earlier | {f.need_id for f in written if f.need_id is not None}
        session.info[_TOUCHED] = ([], touched)
        if touched:
            recompute(session.connection(), touched)


@event.listens_for(Session, "after_flush_postexec")
def _expire_counts(session: Session, _context) -> None:
    """The needs in the session read their count afresh when asked."""
    noted = session.info.pop(_TOUCHED, None)
    if not noted or not noted[1]:
        return
    for record in list(session.identity_map.values()):
        if isinstance(record, Need) and record.id in noted[1]:
            session.expire(record, ["open_followups"])
