"""The funnel from visit to producing plant for one year: the year's delegations, the
organisations they brought, the needs raised on those visits, the needs that reached talks and
were won, the projects they became (signed), those with capital in place and those producing.

Each step is a statement over its records (the drill-down lists them); the counts take four
statements."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, exists, func, or_, select

from tracker.extensions import db
from tracker.leadership.figures import PRODUCING, reached_join, signed_join
from tracker.models import (
    Delegation,
    DelegationMember,
    Instalment,
    Milestone,
    Need,
    Organisation,
    Project,
    Stage,
    Talk,
    delegation_organisation,
    project_need,
)

STEPS = ("delegations", "organisations", "needs", "talks", "won", "signed", "in_place",
         "producing")  # fmt: skip


@dataclass(frozen=True)
class Step:
    """One step of the funnel: its key (a STEPS value) and how many records reached it."""

    key: str
    value: int


def delegations(year: int) -> Select:
    """The delegations whose visit started in year."""
    return select(Delegation.id).where(
        Delegation.start_date >= date(year, 1, 1), Delegation.start_date <= date(year, 12, 31)
    )


def organisations(year: int) -> Select:
    """The organisations of the year's delegations: their members' and those named without
    people."""
    visits = delegations(year)
    members = select(DelegationMember.organisation_id).where(
        DelegationMember.delegation_id.in_(visits)
    )
    extra = select(delegation_organisation.c.organisation_id).where(
        delegation_organisation.c.delegation_id.in_(visits)
    )
    return select(Organisation).where(or_(Organisation.id.in_(members), Organisation.id.in_(extra)))


def _had_talks():
    return exists(select(Talk.id).where(Talk.need_id == Need.id))


def needs(year: int, step: str = "needs") -> Select:
    """The needs raised on the year's visits (step "needs"), those with talks, or those won."""
    stmt = select(Need).where(Need.delegation_id.in_(delegations(year)))
    if step == "talks":
        stmt = stmt.where(_had_talks())
    elif step == "won":
        stmt = stmt.where(Need.stage == Stage.WON)
    return stmt


def _has_capital():
    return exists(select(Instalment.id).where(Instalment.project_id == Project.id))


def _from_needs(year: int):
    """SQL: the project was made from one of the year's needs."""
    needs_of_year = select(Need.id).where(Need.delegation_id.in_(delegations(year)))
    return Project.id.in_(
        select(project_need.c.project_id).where(project_need.c.need_id.in_(needs_of_year))
    )


def projects(year: int, step: str = "signed") -> Select:
    """The signed projects made from the year's needs (step "signed"), those with capital in
    place, or those producing."""
    stmt = signed_join(select(Project)).where(_from_needs(year))
    if step == "in_place":
        stmt = stmt.where(_has_capital())
    elif step == "producing":
        stmt = reached_join(stmt, PRODUCING, Milestone.PRODUCTION).where(
            PRODUCING.actual_on.is_not(None)
        )
    return stmt


def _count(stmt: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def funnel(year: int) -> list[Step]:
    """Every step's count."""
    need_counts = db.session.execute(
        select(
            func.count(Need.id),
            func.count(Need.id).filter(_had_talks()),
            func.count(Need.id).filter(Need.stage == Stage.WON),
        ).where(Need.delegation_id.in_(delegations(year)))
    ).one()
    counts = select(
        func.count(Project.id), func.count(Project.id).filter(_has_capital()),
        func.count(Project.id).filter(PRODUCING.actual_on.is_not(None)),
    ).select_from(Project)  # fmt: skip
    counts = reached_join(signed_join(counts), PRODUCING, Milestone.PRODUCTION)
    project_counts = db.session.execute(counts.where(_from_needs(year))).one()
    values = (
        _count(delegations(year)), _count(organisations(year).with_only_columns(Organisation.id)),
        *need_counts, *project_counts,
    )  # fmt: skip
    return [Step(key, int(value or 0)) for key, value in zip(STEPS, values, strict=True)]
