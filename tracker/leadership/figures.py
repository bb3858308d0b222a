"""The projects' figures of the year to date and the same period last year, in two aggregate
statements: the projects signed in either period (counts, contracted investment, major projects,
jobs, started and producing) and the capital that arrived in either (in place, foreign), each
grouped by period, month, key industry, officer and origin country with conditional sums. Every
breakdown of the report adds up these few hundred groups.

Both statements go through the ORM, so the soft-delete and confidential rules apply as on every
page (managers see every project; the rule still decides)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, and_, case, extract, func, not_, or_, select
from sqlalchemy.orm import aliased

from tracker.extensions import db
from tracker.leadership.periods import Period
from tracker.models import (
    MAJOR_PROJECT_CNY,
    Instalment,
    Milestone,
    Organisation,
    Project,
    ProjectMilestone,
)

ZERO = Decimal("0.00")
# A project's milestones, one alias each: the signature puts it in a period, construction and
# production make the start and production rates.
SIGNED = aliased(ProjectMilestone, name="signed_m")
STARTED = aliased(ProjectMilestone, name="started_m")
PRODUCING = aliased(ProjectMilestone, name="producing_m")

# (this period, month, key industry id, officer id, country)
Key = tuple[bool, int, int | None, int | None, str | None]


@dataclass
class Tally:
    """The figures of some projects and instalments."""

    signed: int = 0
    contracted: Decimal = ZERO
    in_place: Decimal = ZERO
    major: int = 0
    jobs: int = 0
    started: int = 0
    producing: int = 0
    foreign: Decimal = ZERO

    def add(self, other: "Tally") -> None:
        """Add other's figures (spelt out: this runs once per group and breakdown)."""
        self.signed += other.signed
        self.contracted += other.contracted
        self.in_place += other.in_place
        self.major += other.major
        self.jobs += other.jobs
        self.started += other.started
        self.producing += other.producing
        self.foreign += other.foreign

    @property
    def start_rate(self) -> float | None:
        """Share of the signed projects whose construction started (开工率)."""
        return self.started / self.signed if self.signed else None

    @property
    def production_rate(self) -> float | None:
        """Share of the signed projects in production (投产率)."""
        return self.producing / self.signed if self.signed else None


# The breakdowns, by their position in a Key.
PARTS = {"month": 1, "industry": 2, "officer": 3, "country": 4}


class Groups:
    """Both periods' tallies in total and by month, industry, officer and country, summed in
    one pass over the statements' groups."""

    def __init__(self) -> None:
        self.totals: dict[bool, Tally] = defaultdict(Tally)
        self.parts: dict[str, dict[tuple, Tally]] = {part: defaultdict(Tally) for part in PARTS}

    def add(self, key: Key, tally: Tally) -> None:
        self.totals[key[0]].add(tally)
        for part, position in PARTS.items():
            self.parts[part][(key[0], key[position])].add(tally)

    def total(self, current: bool = True, month: int | None = None) -> Tally:
        """A period's figures, or those of one month of it."""
        if month is None:
            return self.totals.get(current, Tally())
        return self.parts["month"].get((current, month), Tally())

    def by(self, part: str, current: bool = True) -> dict:
        """{value of part: tally} of a period (part: month, industry, officer or country)."""
        return {value: t for (this, value), t in self.parts[part].items() if this == current}


def signed_join(stmt: Select) -> Select:
    """stmt (over Project) joined to the project's signature."""
    return stmt.join(
        SIGNED,
        and_(SIGNED.project_id == Project.id, SIGNED.milestone == Milestone.SIGNED,
             SIGNED.actual_on.is_not(None)),
    )  # fmt: skip


def reached_join(stmt: Select, alias, milestone: Milestone) -> Select:
    """stmt (over Project) outer-joined to one more of its milestones."""
    return stmt.outerjoin(alias, and_(alias.project_id == Project.id, alias.milestone == milestone))


def reached_by(alias, period: Period):
    """SQL: the milestone happened by the end of the period."""
    return and_(alias.actual_on.is_not(None), alias.actual_on <= period.end)


def _count_if(condition):
    return func.sum(case((condition, 1), else_=0))


def _groups(period: Period, day, *extra) -> tuple:
    """The grouping columns of the statements: period, month, industry, officer, country."""
    current = case((day >= period.start, 1), else_=0)
    return (current, extract("month", day), Project.key_industry_id, Project.owner_id,
            Organisation.country, *extra)  # fmt: skip


def _either(day, period: Period):
    """SQL: day falls within the period or the same months last year. Written as one range
    less the months between, so that an index on day answers it with one range scan."""
    last = period.last_year
    return and_(day >= last.start, day <= period.end,
                not_(and_(day > last.end, day < period.start)))  # fmt: skip


def _signed_rows(period: Period):
    this = SIGNED.actual_on >= period.start
    started = or_(and_(this, reached_by(STARTED, period)),
                  and_(~this, reached_by(STARTED, period.last_year)))  # fmt: skip
    producing = or_(and_(this, reached_by(PRODUCING, period)),
                    and_(~this, reached_by(PRODUCING, period.last_year)))  # fmt: skip
    groups = _groups(period, SIGNED.actual_on)
    stmt = select(
        *groups, func.count(Project.id), func.sum(Project.contracted_cny),
        _count_if(Project.contracted_cny >= MAJOR_PROJECT_CNY), func.sum(Project.jobs_promised),
        _count_if(started), _count_if(producing),
    ).outerjoin(Organisation, Project.organisation)  # fmt: skip
    stmt = signed_join(stmt)
    stmt = reached_join(stmt, STARTED, Milestone.CONSTRUCTION)
    stmt = reached_join(stmt, PRODUCING, Milestone.PRODUCTION)
    return db.session.execute(stmt.where(_either(SIGNED.actual_on, period)).group_by(*groups)).all()


def _instalment_rows(period: Period):
    groups = _groups(period, Instalment.received_on, Project.foreign)
    stmt = (
        select(*groups, func.sum(Instalment.amount_cny))
        .join(Project, Instalment.project)
        .outerjoin(Organisation, Project.organisation)
        .where(_either(Instalment.received_on, period))
        .group_by(*groups)
    )
    return db.session.execute(stmt).all()


def _key(row) -> Key:
    return (bool(row[0]), int(row[1]), row[2], row[3], row[4])


def project_groups(period: Period) -> Groups:
    """Both periods' figures, grouped (two statements)."""
    groups = Groups()
    for row in _signed_rows(period):
        groups.add(_key(row), Tally(
            signed=row[5], contracted=Decimal(row[6] or 0), major=int(row[7] or 0),
            jobs=int(row[8] or 0), started=int(row[9] or 0), producing=int(row[10] or 0),
        ))  # fmt: skip
    for row in _instalment_rows(period):
        amount = Decimal(row[6] or 0)
        groups.add(_key(row), Tally(in_place=amount, foreign=amount if row[5] else ZERO))
    return groups
