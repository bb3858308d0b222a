"""Reading projects: the list with its filters and figures, one project's page, the figures of
its capital."""

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from flask import abort
from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import joinedload

from tracker.extensions import db
from tracker.models import (
    MAJOR_PROJECT_CNY,
    Instalment,
    Milestone,
    Project,
    ProjectMilestone,
    User,
)
from tracker.models.organisation import NAME_COLUMNS as ORGANISATION_NAMES
from tracker.numbers import ID_MAX, parse_id
from tracker.pagination import allowed_sort, sort_term
from tracker.text import search_needle

MILESTONE_ORDER = {m.value: i for i, m in enumerate(Milestone)}


def in_place_cny(project_id=Project.id):
    """SQL: the project's capital in place in CNY (0 without any)."""
    return (
        select(func.coalesce(func.sum(Instalment.amount_cny), 0))
        .where(Instalment.project_id == project_id, Instalment.deleted_at.is_(None))
        .correlate_except(Instalment)
        .scalar_subquery()
    )


def latest_milestone(project_id=Project.id):
    """SQL: the furthest milestone the project reached (its value), NULL for none."""
    return (
        select(ProjectMilestone.milestone)
        .where(ProjectMilestone.project_id == project_id, ProjectMilestone.actual_on.is_not(None))
        .order_by(case(MILESTONE_ORDER, value=ProjectMilestone.milestone).desc())
        .limit(1)
        .correlate_except(ProjectMilestone)
        .scalar_subquery()
    )


SORTS = {
    "name": Project.name,
    "contracted": Project.contracted_cny,
    "in_place": in_place_cny(),
    "created": Project.created_at,
}
DEFAULT_SORT = "-created"


@dataclass(frozen=True)
class ProjectFilters:
    """The list's filters, each from an allow-list or an id."""

    q: str = ""
    key_industry_id: int | None = None
    owner_id: int | None = None
    reached: Milestone | None = None
    signed_year: int | None = None
    major: bool = False
    foreign: str | None = None  # "yes" or "no"

    @classmethod
    def from_args(cls, args) -> "ProjectFilters":
        year = parse_id(args.get("signed_year"))
        reached = args.get("reached")
        return cls(
            q=args.get("q", "")[:200],
            key_industry_id=parse_id(args.get("industry")),
            owner_id=parse_id(args.get("officer")),
            reached=Milestone(reached) if reached in MILESTONE_ORDER else None,
            signed_year=year if year and 1900 < year < 3000 else None,
            major=args.get("major") == "1",
            foreign=args.get("foreign") if args.get("foreign") in ("yes", "no") else None,
        )

    def is_set(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def _reached(milestone: Milestone, start: date | None = None, end: date | None = None):
    conditions = [
        ProjectMilestone.project_id == Project.id,
        ProjectMilestone.milestone == milestone,
        ProjectMilestone.actual_on.is_not(None),
    ]
    if start is not None:
        conditions += [ProjectMilestone.actual_on >= start, ProjectMilestone.actual_on <= end]
    return select(ProjectMilestone.id).where(*conditions).exists()


def filtered(stmt: Select, f: ProjectFilters) -> Select:
    """Apply the filters to a select over Project."""
    if needle := search_needle(f.q):
        stmt = stmt.where(Project.search_key.contains(needle, autoescape=True))
    if f.key_industry_id is not None:
        stmt = stmt.where(Project.key_industry_id == f.key_industry_id)
    if f.owner_id is not None:
        stmt = stmt.where(Project.owner_id == f.owner_id)
    if f.reached is not None:
        stmt = stmt.where(_reached(f.reached))
    if f.signed_year is not None:
        first, last = date(f.signed_year, 1, 1), date(f.signed_year, 12, 31)
        stmt = stmt.where(_reached(Milestone.SIGNED, first, last))
    if f.major:
        stmt = stmt.where(Project.contracted_cny >= MAJOR_PROJECT_CNY)
    if f.foreign is not None:
        stmt = stmt.where(Project.foreign.is_(f.foreign == "yes"))
    return stmt


def list_projects(f: ProjectFilters, sort: str = DEFAULT_SORT) -> Select:
    """Rows (Project, in_place, latest milestone value): filtered, sorted, ready to paginate."""
    order = sort_term(sort, SORTS, DEFAULT_SORT)
    stmt = select(
        Project, in_place_cny().label("in_place"), latest_milestone().label("latest")
    ).options(
        joinedload(Project.organisation).load_only(*ORGANISATION_NAMES),
        joinedload(Project.owner).load_only(User.display_name),
        joinedload(Project.key_industry),
    )
    return filtered(stmt, f).order_by(order, Project.id.desc())


def chosen_sort(sort: str) -> str:
    return allowed_sort(sort, SORTS, DEFAULT_SORT)


def get_project_or_404(project_id: int) -> Project:
    """The project with the records its page names, or 404 (absent, deleted or hidden)."""
    if not 0 < project_id <= ID_MAX:
        abort(404)
    stmt = (
        select(Project)
        .where(Project.id == project_id)
        .options(
            joinedload(Project.organisation),
            joinedload(Project.key_industry),
            joinedload(Project.owner),
            joinedload(Project.created_by),
        )
    )
    return db.first_or_404(stmt)


@dataclass(frozen=True)
class Capital:
    """Committed against in place, in CNY."""

    committed: Decimal | None
    in_place: Decimal

    @property
    def share(self) -> Decimal | None:
        """In place as a share of committed (0 to 1 and beyond), None without a commitment."""
        if not self.committed:
            return None
        return self.in_place / self.committed


def capital(project: Project, instalments) -> Capital:
    """The project's committed and in-place capital."""
    return Capital(project.contracted_cny, sum((i.amount_cny for i in instalments), Decimal(0)))


def officer_choices() -> list[tuple[int, str]]:
    """The officers who answer for some project, for the list's filter."""
    stmt = (
        select(User.id, User.display_name)
        .where(User.id.in_(select(Project.owner_id)))
        .order_by(User.display_name)
    )
    return [(i, name) for i, name in db.session.execute(stmt)]
