"""The delegation report: everything about one visit, loaded in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.delegations.services import MemberGroup, get_delegation_detail, members_by_organisation
from tracker.extensions import db
from tracker.followups.queries import ROW_OPTIONS
from tracker.models import (
    Delegation,
    FollowUp,
    FollowUpStatus,
    Match,
    Need,
    Organisation,
    Stage,
    Talk,
)
from tracker.text import fold


@dataclass
class DelegationReport:
    """A visit with who came, the needs raised, and what followed from them."""

    delegation: Delegation
    groups: list[MemberGroup]
    needs: list[Need]
    followups: list[FollowUp]
    matches: list[Match]
    talks: list[Talk]
    stage_counts: dict[Stage, int] = field(default_factory=dict)

    @property
    def organisations(self) -> list[Organisation]:
        """The organisations that took part (named people or not), by name."""
        return [g.organisation for g in self.groups if g.organisation is not None]

    @property
    def people_count(self) -> int:
        return sum(len(g.members) for g in self.groups)

    @property
    def open_followups(self) -> int:
        return sum(1 for f in self.followups if f.status == FollowUpStatus.OPEN)


def _needs(delegation_id: int) -> list[Need]:
    """The needs raised during the visit with what their rows show, oldest first (2 queries)."""
    stmt = (
        select(Need)
        .where(Need.delegation_id == delegation_id)
        .options(
            joinedload(Need.organisation),
            joinedload(Need.owner),
            joinedload(Need.category),
            joinedload(Need.key_industry),
            joinedload(Need.lost_reason),
            joinedload(Need.meeting),
            selectinload(Need.stage_changes),
        )
        .order_by(Need.created_at, Need.id)
    )
    return list(db.session.scalars(stmt))


def _followups(delegation_id: int) -> list[FollowUp]:
    """Follow-ups on the visit or on a need raised during it, any status, by due date."""
    raised_there = select(Need.id).where(Need.delegation_id == delegation_id)
    stmt = (
        select(FollowUp)
        .options(*ROW_OPTIONS, joinedload(FollowUp.completed_by))
        .where((FollowUp.delegation_id == delegation_id) | FollowUp.need_id.in_(raised_there))
        .order_by(FollowUp.due_date, FollowUp.id)
    )
    return list(db.session.scalars(stmt))


def _about_needs_raised(model: type[Match] | type[Talk], delegation_id: int) -> Select:
    """The matches or talks about the needs raised during the visit."""
    return (
        select(model)
        .join(Need, Need.id == model.need_id)
        .where(Need.delegation_id == delegation_id)
    )


def _matches(delegation_id: int) -> list[Match]:
    """Local partners matched with the visit's needs (one query)."""
    stmt = (
        _about_needs_raised(Match, delegation_id)
        .options(joinedload(Match.need), joinedload(Match.organisation), joinedload(Match.offer))
        .order_by(Need.created_at, Need.id, Match.id)
    )
    return list(db.session.scalars(stmt))


def _talks(delegation_id: int) -> list[Talk]:
    """Talks about the visit's needs with their participants, earliest first (4 queries)."""
    talks = _about_needs_raised(Talk, delegation_id).options(
        joinedload(Talk.need),
        joinedload(Talk.match).joinedload(Match.organisation),
        selectinload(Talk.organisations),
        selectinload(Talk.people),
        selectinload(Talk.staff),
    )
    return list(db.session.scalars(talks.order_by(Talk.starts_at, Talk.id)))


def delegation_report(delegation_id: int) -> DelegationReport | None:
    """The report of a visit, or None when there is no such delegation."""
    delegation = get_delegation_detail(delegation_id)
    if delegation is None:
        return None
    needs = _needs(delegation_id)
    counts = Counter(n.stage for n in needs)
    return DelegationReport(
        delegation=delegation,
        groups=members_by_organisation(delegation),
        needs=needs,
        followups=_followups(delegation_id),
        matches=_matches(delegation_id),
        talks=_talks(delegation_id),
        stage_counts={stage: counts[stage] for stage in Stage if counts[stage]},
    )


def report_filename(delegation: Delegation, part: str, extension: str) -> str:
    """A download name from the visit's start and folded title: 2026-05-12-thuringia-needs.csv."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in fold(delegation.title)).split())
    return f"{delegation.start_date:%Y-%m-%d}-{slug[:60] or 'delegation'}-{part}.{extension}"
