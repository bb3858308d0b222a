"""My follow-ups: the assignee's open tasks in four groups by due date, each group bounded.

A busy colleague can have thousands of open follow-ups; the page shows the first of each group
(soonest due first) with the group's total and a link to the full, paginated list.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Date, Select, and_, bindparam, literal, select, union_all, update

from tracker import datacache
from tracker.extensions import db
from tracker.followups.queries import LIST_OPTIONS, OPEN
from tracker.models import FollowUp, User
from tracker.sqlfuncs import count_if
from tracker.statements import built_once

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


def _within(key: str, group: Group):
    """SQL: due within the group's days; its bounds are parameters (key_from, key_to)."""
    conditions = []
    if group.due_from is not None:
        conditions.append(FollowUp.due_date >= bindparam(f"{key}_from", type_=Date))
    if group.due_to is not None:
        conditions.append(FollowUp.due_date <= bindparam(f"{key}_to", type_=Date))
    return and_(*conditions)


def my_followups(user: User, today: date, limit: int | None = None) -> dict[str, Group]:
    """The user's open follow-ups grouped into overdue, today, this_week and later, soonest due
    first, at most limit (default GROUP_LIMIT) per group: two queries whatever their number."""
    groups = _groups(today)
    params = {"assignee_id": user.id}
    for key, group in groups.items():
        params |= {f"{key}_from": group.due_from, f"{key}_to": group.due_to}
    totals, firsts = _statements(limit or GROUP_LIMIT)
    row = db.session.execute(totals, params).one()
    for i, group in enumerate(groups.values()):
        group.total, group.unseen = row[i], row[i + len(groups)]
    if any(group.total for group in groups.values()):
        for followup, key in db.session.execute(firsts, params):
            groups[key].items.append(followup)
    return groups


@built_once
def _statements(limit: int) -> tuple[Select, Select]:
    """The groups' totals, and their first follow-ups tagged with the group's key: built once,
    the user and the days are parameters (the groups' bounds are the same every day)."""
    groups = _groups(date.today())
    mine = (FollowUp.assignee_id == bindparam("assignee_id"), FollowUp.status == OPEN)
    unseen = FollowUp.seen_by_assignee.is_(False)
    totals = select(
        *(count_if(_within(k, g)) for k, g in groups.items()),
        *(count_if(and_(_within(k, g), unseen)) for k, g in groups.items()),
    ).where(*mine)
    order = (FollowUp.due_date, FollowUp.id)
    firsts = [
        select(FollowUp.id, literal(key).label("key"))
        .where(*mine, _within(key, g))
        .order_by(*order)
        .limit(limit)
        .subquery()
        for key, g in groups.items()
    ]
    shown = union_all(*(select(ids.c.id, ids.c.key) for ids in firsts)).subquery()
    rows = (
        select(FollowUp, shown.c.key)
        .join(shown, FollowUp.id == shown.c.id)
        .options(*LIST_OPTIONS)
        .order_by(*order)
    )
    return totals, rows


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
