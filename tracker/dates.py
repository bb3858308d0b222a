"""Days as users give them and as the database keeps them: input days, local days as UTC bounds.

Stored times are naive UTC; users think in the commission's days. Every feature that filters by
day goes through these, so "from 4 May" means the same on every list and in the report.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tracker.i18n import commission_zone


def parse_date(value) -> date | None:
    """A YYYY-MM-DD day from user input between 1900 and 9998, or None."""
    try:
        day = date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None
    # Days at the ends of the calendar overflow once turned into UTC bounds or month ranges.
    return day if date(1900, 1, 1) <= day <= date(9998, 12, 31) else None


def local_midnight_utc(day: date) -> datetime:
    """The start of day in the commission's time zone, as naive UTC like the stored times."""
    zone = commission_zone()
    local = datetime.combine(day, time.min, tzinfo=zone)
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def within_days(column, start: date | None, end: date | None) -> list:
    """column between two local days, both included (stored times are naive UTC)."""
    conditions = []
    if start is not None:
        conditions.append(column >= local_midnight_utc(start))
    if end is not None:
        conditions.append(column < local_midnight_utc(end + timedelta(days=1)))
    return conditions
