"""My follow-ups: the assignee's open tasks in four groups by due date, each group bounded.

A busy colleague can have thousands of open follow-ups; the page shows the first of each group
(soonest due first) with the group's total and a link to the full, paginated list.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, literal, select, union_all, update

from tracker import datacache
from tracker.extensions import db
from tracker.followups.queries import OPEN, ROW_OPTIONS
from tracker.models import FollowUp, User
from tracker.reports.sqlfuncs import count_if

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
        *(count_if(_within(g)) for g in groups.values()),
        *(count_if(and_(_within(g), unseen)) for g in groups.values()),
    ).where(*mine)
    row = db.session.execute(totals).one()
    for i, group in enumerate(groups.values()):
        group.total, group.unseen = row[i], row[i + len(groups)]
    order = (FollowUp.due_date, FollowUp.id)
    # Each group's first ids, tagged with the group's key: the bounds live in _within alone.
    firsts = [
        select(FollowUp.id, literal(key).label("key"))
        .where(*mine, _within(g))
        .order_by(*order)
        .limit(limit)
        .subquery()
        for key, g in groups.items()
        if g.total
    ]
    if firsts:
        shown = union_all(*(select(ids.c.id, ids.c.key) for ids in firsts)).subquery()
        stmt = (
            select(FollowUp, shown.c.key)
            .join(shown, FollowUp.id == shown.c.id)
            .options(*ROW_OPTIONS)
            .order_by(*order)
        )
        for followup, key in db.session.execute(stmt):
            groups[key].items.append(followup)
    return groups


def mark_seen(user: User) -> None:
    """Mark the user's open follow-ups as seen (not an edit: version and updated_at stay)."""
    marked = db.session.execute(
        update(FollowUp)
        .where(
            FollowUp.assignee_id == user.id,
            FollowUp.status == OPEN,
            FollowUp.seen_by_assignee.is_(False),
        )
        .values(seen_by_assignee=True, updated_at=FollowUp.updated_at)
        .execution_options(synchronize_session="fetch", **datacache.NO_FIGURE_CHANGES)
    )
    if marked.rowcount:  # the badge's "new" count moved; opening the page again moves nothing
        datacache.changed("followups")
