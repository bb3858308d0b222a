"""The records behind each figure of the report: the same conditions as the figures, listing
the projects, instalments, needs or organisations they count."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from tracker.extensions import db
from tracker.leadership import funnel
from tracker.leadership.figures import (
    PRODUCING,
    SIGNED,
    STARTED,
    reached_by,
    reached_join,
    signed_join,
)
from tracker.leadership.periods import Drill, Period, drill_conditions, within
from tracker.models import MAJOR_PROJECT_CNY, Instalment, Milestone, Need, Organisation, Project

PROJECT_FIGURES = ("signed", "contracted", "major", "jobs", "started", "producing")
INSTALMENT_FIGURES = ("in_place", "foreign")
FUNNEL_FIGURES = tuple(f"funnel_{step}" for step in funnel.STEPS[1:])
FIGURES = PROJECT_FIGURES + INSTALMENT_FIGURES + FUNNEL_FIGURES


@dataclass(frozen=True)
class Records:
    """What a records page lists: the kind of rows, their statement and the sum they make."""

    kind: str  # "project", "instalment", "need" or "organisation"
    stmt: Select
    total: Decimal | int | None = None  # the sum of a money figure (CNY) or of the jobs


def _projects(figure: str, period: Period, drill: Drill) -> Select:
    stmt = signed_join(select(Project)).outerjoin(Organisation, Project.organisation)
    stmt = stmt.where(within(SIGNED.actual_on, period), *drill_conditions(drill, SIGNED.actual_on))
    if figure == "contracted":
        stmt = stmt.where(Project.contracted_cny != 0)
    elif figure == "major":
        stmt = stmt.where(Project.contracted_cny >= MAJOR_PROJECT_CNY)
    elif figure == "jobs":
        stmt = stmt.where(Project.jobs_promised != 0)
    elif figure == "started":
        stmt = reached_join(stmt, STARTED, Milestone.CONSTRUCTION)
        stmt = stmt.where(reached_by(STARTED, period))
    elif figure == "producing":
        stmt = reached_join(stmt, PRODUCING, Milestone.PRODUCTION)
        stmt = stmt.where(reached_by(PRODUCING, period))
    return stmt


def _instalments(figure: str, period: Period, drill: Drill) -> Select:
    stmt = (
        select(Instalment)
        .join(Project, Instalment.project)
        .outerjoin(Organisation, Project.organisation)
        .where(within(Instalment.received_on, period),
               *drill_conditions(drill, Instalment.received_on))
    )  # fmt: skip
    if figure == "foreign":
        stmt = stmt.where(Project.foreign.is_(True))
    return stmt


def _sum(stmt: Select, column) -> Decimal:
    total = db.session.scalar(stmt.with_only_columns(func.sum(column)).order_by(None))
    return Decimal(total or 0).quantize(Decimal("0.01"))


def records(figure: str, period: Period, drill: Drill, last: bool = False) -> Records | None:
    """The records figure counts for the period (or the same months last year), None for an
    unknown figure."""
    if last:
        period = period.last_year
    if figure in PROJECT_FIGURES:
        stmt = _projects(figure, period, drill)
        total = None
        if figure == "contracted":
            total = _sum(stmt, Project.contracted_cny)
        elif figure == "jobs":
            total = int(_sum(stmt, Project.jobs_promised))
        return Records("project", _listed_projects(stmt), total)
    if figure in INSTALMENT_FIGURES:
        stmt = _instalments(figure, period, drill)
        listed = stmt.options(joinedload(Instalment.project)).order_by(
            Instalment.received_on, Instalment.id
        )
        return Records("instalment", listed, _sum(stmt, Instalment.amount_cny))
    if figure == "funnel_organisations":
        return Records("organisation", funnel.organisations(period.year).order_by(Organisation.id))
    if figure in ("funnel_needs", "funnel_talks", "funnel_won"):
        step = figure.removeprefix("funnel_")
        stmt = funnel.needs(period.year, step).options(joinedload(Need.organisation))
        return Records("need", stmt.order_by(Need.id))
    if figure in FUNNEL_FIGURES:
        stmt = funnel.projects(period.year, figure.removeprefix("funnel_"))
        return Records("project", _listed_projects(stmt))
    return None


def _listed_projects(stmt: Select) -> Select:
    """Projects with their signing day and organisation, in the order they were signed."""
    return (
        stmt.add_columns(SIGNED.actual_on)
        .options(joinedload(Project.organisation))
        .order_by(SIGNED.actual_on, Project.id)
    )
