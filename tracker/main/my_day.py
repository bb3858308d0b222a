"""My day, at the top of the dashboard: a colleague's overdue follow-ups, those due today, and
the talks she takes part in this week.

The days are the commission's (the view passes tracker.i18n.local_today()), grouped as My
follow-ups groups them; every query is an ORM select, so the confidentiality rule and soft
delete (tracker.security, tracker.softdelete) hide what she may not see.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from tracker.dates import within_days
from tracker.extensions import db
from tracker.followups.mine import Group, my_followups, week_end
from tracker.models import Need, Talk, User, talk_staff

# Rows shown per part; a part's count says how many there are and links to all of them.
MY_DAY_LIMIT = 5


@dataclass
class MyDay:
    """Her open follow-ups overdue and due today, and her talks from today to Sunday."""

    overdue: Group
    today: Group
    week_from: date
    week_to: date
    talks_total: int = 0
    talks: list[Talk] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing overdue, nothing due today, no talk this week."""
        return not (self.overdue.total or self.today.total or self.talks_total)


def my_day(user: User, today: date, limit: int = MY_DAY_LIMIT) -> MyDay:
    """The user's day, soonest first, at most limit rows a part: three queries at most."""
    groups = my_followups(user, today, limit)
    day = MyDay(groups["overdue"], groups["today"], today, week_end(today))
    day.talks, day.talks_total = my_talks(user, day.week_from, day.week_to, limit)
    return day


def my_talks(user: User, first_day: date, last_day: date, limit: int) -> tuple[list[Talk], int]:
    """The first talks starting within the local days that the user takes part in as staff or
    organised, soonest first, and how many there are (a window count: one query)."""
    takes_part = or_(
        Talk.created_by_id == user.id,
        Talk.id.in_(select(talk_staff.c.talk_id).where(talk_staff.c.user_id == user.id)),
    )
    stmt = (
        select(Talk, func.count().over())
        .where(takes_part, *within_days(Talk.starts_at, first_day, last_day))
        .options(joinedload(Talk.need).load_only(Need.title))
        .order_by(Talk.starts_at, Talk.id)
        .limit(limit)
    )
    rows = db.session.execute(stmt).all()
    return [talk for talk, _total in rows], rows[0][1] if rows else 0
