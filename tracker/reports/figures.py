"""The report's counts, one query each, grouped and summed by the database."""

from dataclasses import dataclass, field, replace
from datetime import date

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import case, func, select

from tracker.extensions import db
from tracker.models import (
    Delegation,
    FollowUp,
    FollowUpStatus,
    KeyIndustry,
    LostReason,
    Need,
    NeedCategory,
    Stage,
    StageChange,
    User,
)
from tracker.needs.services import NONE, REACH_ORDER, NeedFilters, filtered
from tracker.reports.sqlfuncs import greatest


@dataclass(frozen=True)
class Bar:
    """One figure: its label, its value and what the drill-down link adds to the filters."""

    label: str
    value: int
    drill: dict = field(default_factory=dict)
    key: object = None


def vocabulary_label(name: str | None, name_de: str | None, name_zh: str | None) -> str:
    """A term's name in the interface language (as VocabularyMixin.label, from plain columns)."""
    language = str(get_locale() or "en")[:2]
    return {"de": name_de, "zh": name_zh}.get(language) or name or ""


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def funnel(f: NeedFilters) -> list[Bar]:
    """Needs per current stage, every stage in pipeline order (zeros included)."""
    stmt = filtered(select(Need.stage, func.count(Need.id)), f).group_by(Need.stage)
    rows = dict(db.session.execute(stmt).all())
    return [Bar(s.label, rows.get(s, 0), {"stage": s}, s) for s in Stage]


def _vocabulary_bars(f: NeedFilters, model, column, filter_key: str, none_label: str):
    stmt = filtered(
        select(column, model.name, model.name_de, model.name_zh, func.count(Need.id))
        .select_from(Need)
        .outerjoin(model, model.id == column)
        .group_by(column, model.name, model.name_de, model.name_zh),
        f,
    ).order_by(func.count(Need.id).desc(), model.name)
    return [
        Bar(
            vocabulary_label(name, de, zh) if key is not None else none_label,
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
    stmt = filtered(
        select(Need.delegation_id, Delegation.title, Delegation.start_date, func.count(Need.id))
        .select_from(Need)
        .outerjoin(Delegation, Delegation.id == Need.delegation_id)
        .group_by(Need.delegation_id, Delegation.title, Delegation.start_date),
        f,
    ).order_by(func.count(Need.id).desc(), Delegation.start_date.desc())
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
    """Needs per origin region of their delegation (e.g. Thuringia), largest first."""
    region = Delegation.origin_region
    stmt = filtered(
        select(region, func.count(Need.id))
        .select_from(Need)
        .outerjoin(Delegation, Delegation.id == Need.delegation_id)
        .group_by(region),
        f,
    ).order_by(func.count(Need.id).desc(), region)
    return [
        Bar(key or _("No region"), count, {"region": key or NONE}, key)
        for key, count in db.session.execute(stmt)
    ]


def by_owner(f: NeedFilters) -> list[Bar]:
    """Needs per owner, largest first."""
    stmt = filtered(
        select(Need.owner_id, User.display_name, func.count(Need.id))
        .select_from(Need)
        .outerjoin(User, User.id == Need.owner_id)
        .group_by(Need.owner_id, User.display_name),
        f,
    ).order_by(func.count(Need.id).desc(), User.display_name)
    return [
        Bar(name if key is not None else _("No owner"), count,
            {"owner_id": key if key is not None else NONE}, key)
        for key, name, count in db.session.execute(stmt)
    ]  # fmt: skip


def _reach_rank(column):
    """A stage's place in REACH_ORDER; -1 for lost and on hold, which reach nothing."""
    return case({s.value: i for i, s in enumerate(REACH_ORDER)}, value=column, else_=-1)


@dataclass(frozen=True)
class Conversion:
    """How many needs reached a stage, and their share of those that reached the one before."""

    stage: Stage
    reached: int
    share: float | None  # of the previous stage's, None for the first stage or no needs


def conversion(f: NeedFilters) -> list[Conversion]:
    """Needs that reached each stage of new -> won (by their history or current stage)."""
    top = (
        select(StageChange.need_id, func.max(_reach_rank(StageChange.to_stage)).label("rank"))
        .group_by(StageChange.need_id)
        .subquery()
    )
    reach = greatest(func.coalesce(top.c.rank, -1), _reach_rank(Need.stage))
    stmt = filtered(
        select(*(_count_if(reach >= i) for i in range(len(REACH_ORDER))))
        .select_from(Need)
        .outerjoin(top, top.c.need_id == Need.id),
        f,
    )
    counts = db.session.execute(stmt).one()
    return [
        Conversion(stage, count, count / counts[i - 1] if i and counts[i - 1] else None)
        for i, (stage, count) in enumerate(zip(REACH_ORDER, counts, strict=True))
    ]


def lost_reasons(f: NeedFilters) -> list[Bar]:
    """Lost needs per reason, most frequent first."""
    stmt = filtered(
        select(
            Need.lost_reason_id, LostReason.name, LostReason.name_de, LostReason.name_zh,
            func.count(Need.id),
        )
        .select_from(Need)
        .outerjoin(LostReason, LostReason.id == Need.lost_reason_id)
        .where(Need.stage == Stage.LOST)
        .group_by(Need.lost_reason_id, LostReason.name, LostReason.name_de, LostReason.name_zh),
        f,
    ).order_by(func.count(Need.id).desc(), LostReason.name)  # fmt: skip
    return [
        Bar(vocabulary_label(name, de, zh) if key is not None else _("No reason given"), count,
            {"stage": Stage.LOST, "lost_reason_id": key if key is not None else NONE}, key)
        for key, name, de, zh, count in db.session.execute(stmt)
    ]  # fmt: skip


@dataclass(frozen=True)
class StaffFollowUps:
    """One colleague's open and overdue follow-ups on the report's needs."""

    user_id: int
    name: str
    open: int
    overdue: int


def followups_by_staff(f: NeedFilters, today: date) -> list[StaffFollowUps]:
    """Open and overdue follow-ups on the filtered needs, per assignee, most open first."""
    is_open = FollowUp.status == FollowUpStatus.OPEN
    opened = _count_if(is_open)
    stmt = (
        select(User.id, User.display_name, opened, _count_if(is_open & (FollowUp.due_date < today)))
        .select_from(FollowUp)
        .join(User, User.id == FollowUp.assignee_id)
        .where(is_open, FollowUp.need_id.in_(filtered(select(Need.id), f)))
        .group_by(User.id, User.display_name)
        .order_by(opened.desc(), User.display_name)
    )
    return [StaffFollowUps(*row) for row in db.session.execute(stmt)]


def no_next_step(f: NeedFilters) -> Bar:
    """Active needs without an open follow-up."""
    stmt = filtered(select(func.count(Need.id)), replace(f, no_next_step=True))
    return Bar(_("No next step"), db.session.scalar(stmt), {"no_next_step": True})
