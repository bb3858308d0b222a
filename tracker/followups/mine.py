"""My follow-ups: the assignee's open tasks in four groups by due date, each group bounded.

A busy colleague can have thousands of open follow-ups; the page shows the first of each group
(soonest due first) with the group's total and a link to the full, paginated list.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select, union_all, update

from tracker.extensions import db
from tracker.followups.queries import OPEN, ROW_OPTIONS
from tracker.models import FollowUp, User

GROUP_LIMIT = 10  # follow-ups shown per group; the group's total links to all of them


@dataclass
class Group:
    """One group: its first follow-ups, how many it holds, and its due days (None: open end)."""

    due_from: date | None
    due_to: date | None
    total: int = 0
    unseen: int = 0  # of the total, how many the assignee has not seen yet
    items: list[FollowUp] = field(default_factory=list)

    @property
    def more(self) -> int:
        """How many the page leaves to the full list."""
        return self.total - len(self.items)


def week_end(today: date) -> date:
    """The coming Sunday (today when today is a Sunday)."""
    return today + timedelta(days=6 - today.weekday())


def _groups(today: date) -> dict[str, Group]:
    sunday = week_end(today)
    return {
        "overdue": Group(None, today - timedelta(days=1)),
        "today": Group(today, today),
        "this_week": Group(today + timedelta(days=1), sunday),
        "later": Group(sunday + timedelta(days=1), None),
    }


def _within(group: Group):
    conditions = []
    if group.due_from is not None:
        conditions.append(FollowUp.due_date >= group.due_from)
    if group.due_to is not None:
        conditions.append(FollowUp.due_date <= group.due_to)
    return and_(*conditions)


def my_followups(user: User, today: date, limit: int | None = None) -> dict[str, Group]:
    """The user's open follow-ups grouped into overdue, today, this_week and later, soonest due
    first, at most limit (default GROUP_LIMIT) per group: two queries whatever their number."""
    limit = limit or GROUP_LIMIT
    groups = _groups(today)
    mine = (FollowUp.assignee_id == user.id, FollowUp.status == OPEN)
    unseen = FollowUp.seen_by_assignee.is_(False)
    totals = select(
        *(_count(_within(g)) for g in groups.values()),
        *(_count(and_(_within(g), unseen)) for g in groups.values()),
    ).where(*mine)
    row = db.session.execute(totals).one()
    for i, group in enumerate(groups.values()):
        group.total, group.unseen = row[i], row[i + len(groups)]
    order = (FollowUp.due_date, FollowUp.id)
    firsts = [
        select(FollowUp.id).where(*mine, _within(g)).order_by(*order).limit(limit).subquery()
        for g in groups.values()
        if g.total
    ]
    if firsts:
        shown = union_all(*(select(ids.c.id) for ids in firsts)).subquery()
        stmt = select(FollowUp).join(shown, FollowUp.id == shown.c.id).options(*ROW_OPTIONS)
        for followup in db.session.scalars(stmt.order_by(*order)):
            next(g for g in groups.values() if _holds(g, followup.due_date)).items.append(followup)
    return groups


def _count(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _holds(group: Group, day: date) -> bool:
    return (group.due_from is None or day >= group.due_from) and (
        group.due_to is None or day <= group.due_to
    )


def mark_seen(user: User) -> None:
    """Mark the user's open follow-ups as seen (not an edit: version and updated_at stay)."""
    db.session.execute(
        update(FollowUp)
        .where(
            FollowUp.assignee_id == user.id,
            FollowUp.status == OPEN,
            FollowUp.seen_by_assignee.is_(False),
        )
        .values(seen_by_assignee=True, updated_at=FollowUp.updated_at)
        .execution_options(synchronize_session="fetch")
    )
