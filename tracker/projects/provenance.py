"""Where a project came from, and what a visit led to.

A project's page shows, for each need it came from, the visit and meeting the need was raised
in, the topics discussed there, the need's way through the pipeline, its local partners, talks
and follow-ups. A delegation's page shows the projects its needs became, with their money and
jobs. A handful of queries each, whatever the number of needs (no query per row).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from tracker.extensions import db
from tracker.models import (
    Delegation,
    FollowUp,
    Match,
    MatchStatus,
    Meeting,
    Need,
    Project,
    Talk,
    project_need,
)
from tracker.projects.queries import in_place_cny


@dataclass
class NeedOrigin:
    """One need of a project and the history around it."""

    need: Need
    topics: list = field(default_factory=list)  # of its meeting, else of its visit
    matches: list[Match] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)


def _by_need(model, need_ids: list[int], *conditions, order=(), options=()) -> dict:
    stmt = select(model).where(model.need_id.in_(need_ids), *conditions)
    grouped = defaultdict(list)
    for row in db.session.scalars(stmt.options(*options).order_by(*order)):
        grouped[row.need_id].append(row)
    return grouped


def project_origins(project_id: int) -> list[NeedOrigin]:
    """The project's needs with their visit, meeting, topics, stage history, accepted matches
    and partners, talks and follow-ups."""
    stmt = (
        select(Need)
        .join(project_need, project_need.c.need_id == Need.id)
        .where(project_need.c.project_id == project_id)
        .options(
            joinedload(Need.delegation).selectinload(Delegation.topics),
            joinedload(Need.meeting).selectinload(Meeting.topics),
            selectinload(Need.stage_changes),
        )
        .order_by(Need.won_on, Need.id)
    )
    needs = list(db.session.scalars(stmt))
    ids = [n.id for n in needs]
    matches = _by_need(Match, ids, Match.status != MatchStatus.DECLINED,
                       order=(Match.id,), options=(joinedload(Match.organisation),))  # fmt: skip
    talks = _by_need(Talk, ids, order=(Talk.starts_at,))
    followups = _by_need(FollowUp, ids, order=(FollowUp.due_date,),
                         options=(joinedload(FollowUp.assignee),))  # fmt: skip
    return [
        NeedOrigin(
            need,
            topics=list(
                need.meeting.topics
                if need.meeting and need.meeting.topics
                else need.delegation.topics
                if need.delegation
                else []
            ),
            matches=matches[need.id],
            talks=talks[need.id],
            followups=followups[need.id],
        )
        for need in needs
    ]


@dataclass(frozen=True)
class VisitProject:
    project: Project
    in_place: Decimal


@dataclass(frozen=True)
class VisitResults:
    """What a visit has led to: its projects and their totals in CNY."""

    projects: list[VisitProject]

    @property
    def contracted(self) -> Decimal:
        return sum((p.project.contracted_cny or 0 for p in self.projects), Decimal(0))

    @property
    def in_place(self) -> Decimal:
        return sum((p.in_place for p in self.projects), Decimal(0))

    @property
    def jobs(self) -> int:
        return sum(p.project.jobs_promised or 0 for p in self.projects)


def visit_results(delegation_id: int) -> VisitResults:
    """The projects the delegation's needs became (those the reader may see), in one query."""
    from_visit = (
        select(project_need.c.project_id)
        .join(Need, Need.id == project_need.c.need_id)
        .where(Need.delegation_id == delegation_id, Need.deleted_at.is_(None))
    )
    stmt = (
        select(Project, in_place_cny().label("in_place"))
        .where(Project.id.in_(from_visit))
        .options(joinedload(Project.organisation))
        .order_by(Project.contracted_cny.desc().nulls_last(), Project.id)
    )
    return VisitResults([VisitProject(p, in_place) for p, in_place in db.session.execute(stmt)])
