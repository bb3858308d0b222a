"""Figures recomputed in plain Python from the fixture (the one place for loops over needs)."""

import statistics
from collections import Counter
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tracker.models import FollowUpStatus, Stage, utcnow
from tracker.needs.services import REACH_ORDER

ACTIVE = REACH_ORDER[:-1]


def funnel(needs) -> dict:
    counts = Counter(n.stage for n in needs)
    return {s: counts.get(s, 0) for s in Stage}


def reach(history, current: Stage) -> int:
    """The furthest place in REACH_ORDER that the history or the current stage got to."""
    ranks = [REACH_ORDER.index(s) for s, _at in history if s in REACH_ORDER]
    if current in REACH_ORDER:
        ranks.append(REACH_ORDER.index(current))
    return max(ranks, default=-1)


def conversion(needs, histories) -> list[int]:
    tops = [reach(histories[n.title.removeprefix("Need ")], n.stage) for n in needs]
    return [sum(1 for top in tops if top >= i) for i in range(len(REACH_ORDER))]


def percentile(values: list[float], p: int) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def time_in_stage(needs, histories, now: datetime) -> dict:
    """stage -> (periods, needs, median, p90), closed stages left out."""
    periods: dict[Stage, list[tuple[str, float]]] = {}
    for need in needs:
        history = histories[need.title.removeprefix("Need ")]
        for i, (stage, at) in enumerate(history):
            end = history[i + 1][1] if i + 1 < len(history) else now
            periods.setdefault(stage, []).append((need.title, (end - at).total_seconds() / 86400))
    return {
        stage: (len(rows), len({t for t, _d in rows}), percentile(sorted(d for _t, d in rows), 50),
                percentile(sorted(d for _t, d in rows), 90))
        for stage, rows in periods.items()
        if stage not in (Stage.WON, Stage.LOST)
    }  # fmt: skip


def followups_by_staff(followups, need_ids: set[int], today) -> dict:
    """assignee name -> (open, overdue), follow-ups on the given needs only."""
    result: dict[str, list[int]] = {}
    for f in followups:
        if f.need_id in need_ids and f.status == FollowUpStatus.OPEN:
            row = result.setdefault(f.assignee.display_name, [0, 0])
            row[0] += 1
            row[1] += f.due_date < today
    return {name: tuple(v) for name, v in result.items()}


def no_open_followup(needs, followups) -> int:
    with_open = {f.need_id for f in followups if f.status == FollowUpStatus.OPEN}
    return sum(1 for n in needs if n.stage in ACTIVE and n.id not in with_open)


def local_month(at: datetime, zone: str = "Asia/Shanghai") -> str:
    """'YYYY-MM' of a naive UTC time in the commission's time zone."""
    return at.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).strftime("%Y-%m")


def talks_per_month(talks, need_ids: set[int], months: set[str]) -> Counter:
    """Talks held (ended by now) on the given needs per local month of their start, within the
    months: a talk later this month is not held yet."""
    now = utcnow()
    return Counter(
        local_month(t.starts_at)
        for t in talks
        if t.need_id in need_ids and local_month(t.starts_at) in months and t.ends_at <= now
    )
