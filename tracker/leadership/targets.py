"""The annual targets: for the district, each key industry and each officer, one value per
figure (TargetMetric); a blank cell is no target. The grid is saved whole, in one transaction,
and refused when any target of the year changed since the grid was loaded."""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select

from tracker.extensions import db
from tracker.models import AnnualTarget, KeyIndustry, Role, TargetMetric, User
from tracker.versioning import StaleEdit

# A target's scope: ("district", 0), ("industry", id) or ("officer", id).
Scope = tuple[str, int]
Cell = tuple[str, int, TargetMetric]
DISTRICT: Scope = ("district", 0)
METRICS = tuple(TargetMetric)
# Figures counted in whole numbers (the others are CNY amounts).
COUNTED = frozenset({TargetMetric.SIGNED, TargetMetric.MAJOR, TargetMetric.JOBS})


@dataclass(frozen=True)
class GridRow:
    """One row of the targets grid: its scope and how the page names it."""

    scope: Scope
    label: str


def scope_of(target: AnnualTarget) -> Scope:
    if target.key_industry_id is not None:
        return ("industry", target.key_industry_id)
    if target.officer_id is not None:
        return ("officer", target.officer_id)
    return DISTRICT


def _targets(year: int) -> list[AnnualTarget]:
    return list(db.session.scalars(
        select(AnnualTarget).where(AnnualTarget.year == year).order_by(AnnualTarget.id)
    ))  # fmt: skip


def targets_of(year: int) -> dict[Cell, Decimal]:
    """The year's targets by (scope kind, id, metric)."""
    return {(*scope_of(t), t.metric): t.value for t in _targets(year)}


def version_of(year: int) -> str:
    """A token of the year's targets as they are (ids and versions): the grid carries it, so a
    save over targets changed since is refused."""
    marks = ",".join(f"{t.id}:{t.version}" for t in _targets(year))
    return hashlib.sha256(f"{year}|{marks}".encode()).hexdigest()[:32]


def grid_rows(year: int) -> list[GridRow]:
    """The district, the active key industries and the active staff (and any industry or
    officer that has a target this year), in that order."""
    held = select(AnnualTarget).where(AnnualTarget.year == year)
    industries = db.session.execute(
        select(KeyIndustry.id, KeyIndustry.label_column())
        .where(or_(KeyIndustry.active.is_(True),
                   KeyIndustry.id.in_(held.with_only_columns(AnnualTarget.key_industry_id))))
        .order_by(KeyIndustry.position, KeyIndustry.name)
    )  # fmt: skip
    officers = db.session.execute(
        select(User.id, User.display_name)
        .where(or_(User.active.is_(True) & (User.role == Role.STAFF),
                   User.id.in_(held.with_only_columns(AnnualTarget.officer_id))))
        .order_by(User.display_name)
    )  # fmt: skip
    return [GridRow(DISTRICT, ""),
            *(GridRow(("industry", i), label) for i, label in industries),
            *(GridRow(("officer", i), name) for i, name in officers)]  # fmt: skip


def save_targets(
    year: int, values: dict[Cell, Decimal | None], loaded: str | None, by: User
) -> int:
    """Set the year's targets to values (None: no target); returns how many changed. Refused
    (StaleEdit) when the targets changed since loaded was read. Only flushes."""
    if loaded != version_of(year):
        raise StaleEdit(None if not loaded else 0)
    existing = {(*scope_of(t), t.metric): t for t in _targets(year)}
    changed = 0
    for (kind, ident, metric), value in values.items():
        target = existing.get((kind, ident, metric))
        if value is None:
            if target is not None:
                db.session.delete(target)
                changed += 1
        elif target is None:
            db.session.add(AnnualTarget(
                year=year, metric=metric, value=value, set_by_id=by.id,
                key_industry_id=ident if kind == "industry" else None,
                officer_id=ident if kind == "officer" else None,
            ))  # fmt: skip
            changed += 1
        elif target.value != value:
            target.value, target.set_by_id = value, by.id
            changed += 1
    db.session.flush()
    return changed
