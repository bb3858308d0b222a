"""The report's counts, one query each, grouped and summed by the database."""

from dataclasses import dataclass, field, replace
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select

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


def _counts_by(f: NeedFilters, column, *where):
    """Filtered needs per value of column, grouped before any join: each count then reads one
    narrow index (column, deleted_at) and the names are looked up once per group, not per need."""
    stmt = filtered(select(column.label("key"), func.count(Need.id).label("n")), f)
    return stmt.where(*where).group_by(column).subquery()


def _vocabulary_bars(f: NeedFilters, model, column, filter_key: str, none_label: str, *where):
    counts = _counts_by(f, column, *where)
    stmt = (
        select(counts.c.key, model.name, model.name_de, model.name_zh, counts.c.n)
        .select_from(counts)
        .outerjoin(model, model.id == counts.c.key)
        .order_by(counts.c.n.desc(), model.name, counts.c.key)
    )
    return [
        Bar(
            in_language(name, de, zh) if key is not None else none_label,
            count,
            {filter_key: key if key is not None else NONE},
            key,
        )
        for key, name, de, zh, count in db.session.execute(stmt)
    ]


def by_industry(f: NeedFilters) -> list[Bar]:
    """Needs per key industry, largest first; needs without one in their own bar."""
    return _vocabulary_bars(
        f, KeyIndustry, Need.key_industry_id, "key_industry_id", _("No key industry")
    )


def by_category(f: NeedFilters) -> list[Bar]:
    """Needs per category, largest first."""
    return _vocabulary_bars(f, NeedCategory, Need.category_id, "category_id", _("No category"))


def by_delegation(f: NeedFilters) -> list[Bar]:
    """Needs per delegation they were raised in, largest first."""
    counts = _counts_by(f, Need.delegation_id)
    stmt = (
        select(counts.c.key, Delegation.title, Delegation.start_date, counts.c.n)
        .select_from(counts)
        .outerjoin(Delegation, Delegation.id == counts.c.key)
        .order_by(counts.c.n.desc(), Delegation.start_date.desc(), counts.c.key)
    )
    return [
        Bar(
            f"{title} ({start:%Y-%m})" if key is not None else _("No delegation"),
            count,
            {"delegation_id": key if key is not None else NONE},
            key,
        )
        for key, title, start, count in db.session.execute(stmt)
    ]


def by_region(f: NeedFilters) -> list[Bar]:
    """Needs per origin region of their delegation (e.g. Thuringia), largest first: grouped by
    the region, so Thuringia and Thüringen are one bar, named in the reader's language."""
    counts = _counts_by(f, Need.delegation_id)
    region, total = Delegation.origin_region_id, func.sum(counts.c.n)
    per_region = (
        select(region.label("key"), total.label("n"))
        .select_from(counts)
        .outerjoin(Delegation, Delegation.id == counts.c.key)
        .group_by(region)
        .subquery()
    )
    stmt = (
        select(per_region.c.key, OriginRegion.name, OriginRegion.name_de, OriginRegion.name_zh,
               per_region.c.n)
        .select_from(per_region)
        .outerjoin(OriginRegion, OriginRegion.id == per_region.c.key)
        .order_by(per_region.c.n.desc(), OriginRegion.name, per_region.c.key)
    )  # fmt: skip
    return [
        Bar(
            in_language(name, de, zh) if key is not None else _("No region"),
            int(count),
            {"region_id": key if key is not None else NONE},
            key,
        )
        for key, name, de, zh, count in db.session.execute(stmt)
    ]


def by_owner(f: NeedFilters) -> list[Bar]:
    """Needs per owner, largest first."""
    counts = _counts_by(f, Need.owner_id)
    stmt = (
        select(counts.c.key, User.display_name, counts.c.n)
        .select_from(counts)
        .outerjoin(User, User.id == counts.c.key)
        .order_by(counts.c.n.desc(), User.display_name, counts.c.key)
    )
    return [
        Bar(name if key is not None else _("No owner"), count,
            {"owner_id": key if key is not None else NONE}, key)
        for key, name, count in db.session.execute(stmt)
    ]  # fmt: skip


@dataclass(frozen=True)
class Conversion:
    """How many needs reached a stage, and their share of those that reached the one before."""

    stage: Stage
    reached: int
    share: float | None  # of the previous stage's, None for the first stage or no needs


def conversion(f: NeedFilters) -> list[Conversion]:
    """Needs that reached each stage of new -> won (by their history or current stage)."""
    # Needs per current stage and furthest stage in their history (kept on the need by
    # tracker.needs.periods): a few dozen groups, read from the (stage, history_reach) index.
    stmt = filtered(select(Need.stage, Need.history_reach, func.count(Need.id)), f).group_by(
        Need.stage, Need.history_reach
    )
    rank = {stage: i for i, stage in enumerate(REACH_ORDER)}
    furthest: dict[int, int] = {}
    for stage, reached, n in db.session.execute(stmt):
        reach = max(rank.get(stage, -1), reached)
        furthest[reach] = furthest.get(reach, 0) + n
    counts = [sum(n for reach, n in furthest.items() if reach >= i) for i in range(len(rank))]
    return [
        Conversion(stage, count, count / counts[i - 1] if i and counts[i - 1] else None)
        for i, (stage, count) in enumerate(zip(REACH_ORDER, counts, strict=True))
    ]


def lost_reasons(f: NeedFilters) -> list[Bar]:
    """Lost needs per reason, most frequent first."""
    bars = _vocabulary_bars(
        f, LostReason, Need.lost_reason_id, "lost_reason_id", _("No reason given"),
        Need.stage == Stage.LOST,
    )  # fmt: skip
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
    """Active needs without an open follow-up (Need.next_followup_due is None), counted as an
    anti-join rather than by the earliest due date of each need's follow-ups."""
    open_followup = select(FollowUp.id).where(
        FollowUp.need_id == Need.id, FollowUp.status == FollowUpStatus.OPEN
    )
    stmt = filtered(select(func.count(Need.id)), f).where(
        Need.stage.in_(ACTIVE_STAGES), ~open_followup.exists()
    )
    return Bar(_("No open follow-up"), db.session.scalar(stmt), {"no_open_followup": True})
