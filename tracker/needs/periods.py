"""The stage periods the report reads, kept on every write of a need's history.

Each stage change knows when the need's next change came (left_at), the days between (days)
and whether it is the need's first change into its stage (first_in_stage); each need knows the
furthest stage its history reached (history_reach). Computing these from the history on every
report walked and sorted every stage change (about 0.6 s at 100k needs); kept, the report reads
them in index order.

They are derived, never set by hand: whenever a flush writes, redates or deletes a stage
change, the need's values are computed again from its history by the same SQL as the
migration's backfill (recompute), within the flush's transaction. Bulk inserts that bypass the
session (a data set, a restore) call recompute() for all needs afterwards.
"""

from sqlalchemy import case, event, func, select, tuple_, update
from sqlalchemy.orm import Session, aliased

from tracker.models import Need, StageChange
from tracker.needs.services import REACH_ORDER
from tracker.sqlfuncs import days_between

_TOUCHED = "stage_periods_touched"  # Session.info: needs whose history this flush wrote
_next = aliased(StageChange)


def reach_rank(column):
    """A stage's place in REACH_ORDER; -1 for lost and on hold, which reach nothing."""
    return case({s.value: i for i, s in enumerate(REACH_ORDER)}, value=column, else_=-1)


def recompute(connection, need_ids=None) -> None:
    """Compute left_at, days, first_in_stage and history_reach again for the needs (all when
    None)."""
    changes, needs = StageChange.__table__, Need.__table__
    left_at = (
        select(_next.changed_at)
        .where(
            _next.need_id == changes.c.need_id,
            tuple_(_next.changed_at, _next.id) > tuple_(changes.c.changed_at, changes.c.id),
        )
        .order_by(_next.changed_at, _next.id)
        .limit(1)
        .scalar_subquery()
    )
    earlier = (
        select(_next.id)
        .where(
            _next.need_id == changes.c.need_id,
            _next.to_stage == changes.c.to_stage,
            tuple_(_next.changed_at, _next.id) < tuple_(changes.c.changed_at, changes.c.id),
        )
        .exists()
    )
    reach = (
        select(func.coalesce(func.max(reach_rank(changes.c.to_stage)), -1))
        .where(changes.c.need_id == needs.c.id)
        .scalar_subquery()
    )
    stage_rows, need_rows = update(changes), update(needs)
    if need_ids is not None:
        ids = sorted(need_ids)
        stage_rows = stage_rows.where(changes.c.need_id.in_(ids))
        need_rows = need_rows.where(needs.c.id.in_(ids))
    connection.execute(stage_rows.values(left_at=left_at, first_in_stage=~earlier))
    connection.execute(
        stage_rows.values(days=days_between(changes.c.changed_at, changes.c.left_at))
    )
    connection.execute(need_rows.values(history_reach=reach))


@event.listens_for(Session, "after_flush")
def _keep_periods(session: Session, _context) -> None:
    """Compute the periods again of every need whose history this flush wrote."""
    touched = {
        change.need_id
        for change in (*session.new, *session.dirty, *session.deleted)
        if isinstance(change, StageChange) and change.need_id is not None
    }
    if touched:
        recompute(session.connection(), touched)
        session.info.setdefault(_TOUCHED, set()).update(touched)


@event.listens_for(Session, "after_flush_postexec")
def _expire_kept_values(session: Session, _context) -> None:
    """The records in the session read the kept values afresh when asked."""
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    for record in list(session.identity_map.values()):
        if isinstance(record, StageChange) and record.need_id in touched:
            session.expire(record, ["left_at", "days", "first_in_stage"])
        elif isinstance(record, Need) and record.id in touched:
            session.expire(record, ["history_reach"])
