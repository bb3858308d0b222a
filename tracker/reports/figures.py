"""The report's counts, one query each, grouped and summed by the database."""

from dataclasses import dataclass, field, replace
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select, tuple_

from tracker.extensions import db
from tracker.i18n import in_language
from tracker.models import (
    ACTIVE_STAGES,
    Delegation,
    FollowUp,
    FollowUpStatus,
    KeyIndustry,
    LostReason,
    Need,
    NeedCategory,
    OriginRegion,
    Stage,
    User,
)
from tracker.needs.services import NONE, REACH_ORDER, NeedFilters, filtered
from tracker.reports.scope import on_needs
from tracker.sqlfuncs import count_if


@dataclass(frozen=True)
class Bar:
    """One figure: its label, its value and what the drill-down link adds to the filters."""

    label: str
    value: int
    drill: dict = field(default_factory=dict)
    key: object = None


def funnel(f: NeedFilters) -> list[Bar]:
    """Needs per current stage, every stage in pipeline order (zeros included)."""
    stmt = filtered(select(Need.stage, func.count(Need.id)), f).group_by(Need.stage)
    return stage_bars(dict(db.session.execute(stmt).all()))


def stage_bars(counts: dict) -> list[Bar]:
    """The funnel's bars from needs per stage (the money table counts them too)."""
    return [Bar(s.label, counts.get(s, 0), {"stage": s}, s) for s in Stage]


# The columns the report counts the filtered needs by, one set per figure: lost needs per
# reason and needs per furthest stage reached are grouped by stage too.
BREAKDOWNS = {
    "key_industry_id": (Need.key_industry_id,),
    "category_id": (Need.category_id,),
    "delegation_id": (Need.delegation_id,),
    "owner_id": (Need.owner_id,),
    "lost_reason_id": (Need.stage, Need.lost_reason_id),
    "reach": (Need.stage, Need.history_reach),
}


def need_counts(f: NeedFilters, names=tuple(BREAKDOWNS)) -> dict[str, dict]:
    """Filtered needs per value of each breakdown named: {name: {value: needs}}, values being
    tuples for sets of two columns. PostgreSQL counts them all in one scan of the needs
    (grouping sets); SQLite has none, and reads each from its own narrow index."""
    sets = [BREAKDOWNS[name] for name in names]
    counts: dict[str, dict] = {name: {} for name in names}
    if db.session.get_bind().dialect.name != "postgresql":
        for name, columns in zip(names, sets, strict=True):
            stmt = filtered(select(*columns, func.count(Need.id)), f).group_by(*columns)
            if name == "lost_reason_id":  # only the lost needs' reasons are shown
                stmt = stmt.where(Need.stage == Stage.LOST)
            for *key, n in db.session.execute(stmt):
                counts[name][key[0] if len(key) == 1 else tuple(key)] = n
        return counts
    columns = list({c.key: c for group in sets for c in group}.values())
    keys = [c.key for c in columns]
    # GROUPING(all columns): a bit per column, the first the highest, set when not grouped by.
    bit = {k: 1 << (len(keys) - 1 - i) for i, k in enumerate(keys)}
    masks = {
        sum(bit[k] for k in keys if k not in {c.key for c in group}): name
        for name, group in zip(names, sets, strict=True)
    }
    stmt = filtered(select(func.grouping(*columns), *columns, func.count(Need.id)), f).group_by(
        func.grouping_sets(*(tuple_(*group) for group in sets))
    )
    for mask, *values, n in db.session.execute(stmt):
        name = masks[mask]
        key = tuple(values[keys.index(c.key)] for c in BREAKDOWNS[name])
        counts[name][key[0] if len(key) == 1 else key] = n
    return counts


def _largest_first(counts: dict, names: dict) -> list[tuple]:
    """(key, count, name) by count, largest first, then by name and key (none last)."""
    rows = [(key, n, names.get(key)) for key, n in counts.items()]
    return sorted(rows, key=lambda r: (-r[1], r[2] is None, r[2] or "", r[0] is None, r[0] or 0))


def _vocabulary_bars(model, counts: dict, filter_key: str, none_label: str) -> list[Bar]:
    keys = [key for key in counts if key is not None]
    stmt = select(model.id, model.name, model.name_de, model.name_zh).where(model.id.in_(keys))
    names = {key: (name, de, zh) for key, name, de, zh in db.session.execute(stmt)}
    return [
        Bar(
            in_language(*names.get(key, (None, None, None))) if key is not None else none_label,
            count,
            {filter_key: key if key is not None else NONE},
            key,
        )
        for key, count, _name in _largest_first(
            counts, {key: name for key, (name, _de, _zh) in names.items()}
        )
    ]


def _counts(f: NeedFilters, name: str, counts: dict | None) -> dict:
    return counts[name] if counts is not None else need_counts(f, (name,))[name]


def by_industry(f: NeedFilters, counts: dict | None = None) -> list[Bar]:
    """Needs per key industry, largest first; needs without one in their own bar."""
    return _vocabulary_bars(
        KeyIndustry, _counts(f, "key_industry_id", counts), "key_industry_id",
        _("No key industry"),
    )  # fmt: skip


def by_category(f: NeedFilters, counts: dict | None = None) -> list[Bar]:
    """Needs per category, largest first."""
    return _vocabulary_bars(
        NeedCategory, _counts(f, "category_id", counts), "category_id", _("No category")
    )


def by_delegation(f: NeedFilters, counts: dict | None = None) -> list[Bar]:
    """Needs per delegation they were raised in, largest first (then the latest first)."""
    per_delegation = _counts(f, "delegation_id", counts)
    keys = [key for key in per_delegation if key is not None]
    stmt = select(Delegation.id, Delegation.title, Delegation.start_date).where(
        Delegation.id.in_(keys)
    )
    found = {key: (title, start) for key, title, start in db.session.execute(stmt)}

    def order(row):  # the largest first, then the latest delegation
        key, n = row
        start = found[key][1].toordinal() if key in found else 0
        return (-n, key not in found, -start, key is None, key or 0)

    rows = sorted(per_delegation.items(), key=order)
    bars = []
    for key, count in rows:
        title, start = found.get(key, (None, None))
        label = f"{title} ({start:%Y-%m})" if key is not None else _("No delegation")
        bars.append(Bar(label, count, {"delegation_id": key if key is not None else NONE}, key))
    return bars


def by_region(f: NeedFilters, counts: dict | None = None) -> list[Bar]:
    """Needs per origin region of their delegation (e.g. Thuringia), largest first: grouped by
    the region, so Thuringia and Thüringen are one bar, named in the reader's language."""
    per_delegation = _counts(f, "delegation_id", counts)
    keys = [key for key in per_delegation if key is not None]
    stmt = select(Delegation.id, Delegation.origin_region_id).where(Delegation.id.in_(keys))
    region_of = dict(db.session.execute(stmt).all())
    per_region: dict = {}
    for key, n in per_delegation.items():
        region = region_of.get(key)
        per_region[region] = per_region.get(region, 0) + n
    return _vocabulary_bars(OriginRegion, per_region, "region_id", _("No region"))


def by_owner(f: NeedFilters, counts: dict | None = None) -> list[Bar]:
    """Needs per owner, largest first."""
    per_owner = _counts(f, "owner_id", counts)
    keys = [key for key in per_owner if key is not None]
    stmt = select(User.id, User.display_name).where(User.id.in_(keys))
    names = dict(db.session.execute(stmt).all())
    return [
        Bar(name if key is not None else _("No owner"), count,
            {"owner_id": key if key is not None else NONE}, key)
        for key, count, name in _largest_first(per_owner, names)
    ]  # fmt: skip


@dataclass(frozen=True)
class Conversion:
    """How many needs reached a stage, and their share of those that reached the one before."""

    stage: Stage
    reached: int
    share: float | None  # of the previous stage's, None for the first stage or no needs


def conversion(f: NeedFilters, counts: dict | None = None) -> list[Conversion]:
    """Needs that reached each stage of new -> won (by their history or current stage)."""
    # Needs per current stage and furthest stage in their history (kept on the need by
    # tracker.needs.periods): a few dozen groups.
    rank = {stage: i for i, stage in enumerate(REACH_ORDER)}
    furthest: dict[int, int] = {}
    for (stage, reached), n in _counts(f, "reach", counts).items():
        reach = max(rank.get(stage, -1), reached)
        furthest[reach] = furthest.get(reach, 0) + n
    counts_ = [sum(n for reach, n in furthest.items() if reach >= i) for i in range(len(rank))]
    return [
        Conversion(stage, count, count / counts_[i - 1] if i and counts_[i - 1] else None)
        for i, (stage, count) in enumerate(zip(REACH_ORDER, counts_, strict=True))
    ]


def lost_reasons(f: NeedFilters, counts: dict | None = None) -> list[Bar]:
    """Lost needs per reason, most frequent first."""
    per_reason = {
        reason: n
        for (stage, reason), n in _counts(f, "lost_reason_id", counts).items()
        if stage == Stage.LOST
    }
    bars = _vocabulary_bars(LostReason, per_reason, "lost_reason_id", _("No reason given"))
    return [replace(bar, drill={"stage": Stage.LOST, **bar.drill}) for bar in bars]


@dataclass(frozen=True)
class StaffFollowUps:
    """One colleague's open and overdue follow-ups on the report's needs."""

    user_id: int
    name: str
    open: int
    overdue: int


def followups_by_staff(f: NeedFilters, today: date) -> list[StaffFollowUps]:
    """Open and overdue follow-ups on the filtered needs, per assignee, most open first."""
    per_assignee = (
        select(
            FollowUp.assignee_id, func.count(FollowUp.id).label("open"),
            count_if(FollowUp.due_date < today).label("overdue"),
        )
        .where(FollowUp.status == FollowUpStatus.OPEN, on_needs(FollowUp.need_id, f))
        .group_by(FollowUp.assignee_id)
        .subquery()
    )  # fmt: skip
    stmt = (
        select(User.id, User.display_name, per_assignee.c.open, per_assignee.c.overdue)
        .join(per_assignee, per_assignee.c.assignee_id == User.id)
        .order_by(per_assignee.c.open.desc(), User.display_name, User.id)
    )
    return [StaffFollowUps(*row) for row in db.session.execute(stmt)]


def no_open_followup(f: NeedFilters) -> Bar:
    """Active needs without an open follow-up (Need.next_followup_due is None), counted by
    the open follow-ups each need keeps (tracker.needs.open_followups) from an index."""
    stmt = filtered(select(func.count(Need.id)), f).where(
        Need.stage.in_(ACTIVE_STAGES), Need.open_followups == 0
    )
    return Bar(_("No open follow-up"), db.session.scalar(stmt), {"no_open_followup": True})
