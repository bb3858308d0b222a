"""What the matchmaking screens show: a need's panel, a partner's panel, a delegation's board."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from tracker.extensions import db
from tracker.i18n import commission_zone
from tracker.matchmaking.flow import allowed_statuses
from tracker.matchmaking.suggestions import suggest
from tracker.models import (
    LocalOffer,
    Match,
    MatchStatus,
    Need,
    Organisation,
    Talk,
    talk_organisation,
)
from tracker.statements import built_once


def _talk_options():
    return (
        selectinload(Talk.organisations),
        selectinload(Talk.staff),
        selectinload(Talk.people),
    )


def need_matchmaking(need: Need, *, show_declined: bool = False) -> dict:
    """Suggestions (with the partners declined for it, if asked), matches (with the statuses
    each may go to) and talks of a need."""
    matches_stmt, talks_stmt = _need_statements()
    matches = list(db.session.scalars(matches_stmt, {"need_id": need.id}))
    talks = list(db.session.scalars(talks_stmt, {"need_id": need.id}))
    return {
        "suggestions": suggest(need, show_declined=show_declined),
        "show_declined": show_declined,
        "declined_count": sum(m.status is MatchStatus.DECLINED for m in matches),
        "matches": matches,
        "next_statuses": {m.id: allowed_statuses(m.status) for m in matches},
        "talks": talks,
    }


def list_offers(organisation_id: int | None = None, active: bool | None = None) -> Select:
    """Offers of local partners (of one, if given; only active or retired ones, if given)."""
    stmt = (
        select(LocalOffer)
        .join(LocalOffer.organisation)
        .options(selectinload(LocalOffer.industries), contains_eager(LocalOffer.organisation))
    )
    if organisation_id is not None:
        stmt = stmt.where(LocalOffer.organisation_id == organisation_id)
    if active is not None:
        stmt = stmt.where(LocalOffer.active.is_(active))
    return stmt


def need_matches(need_id: int) -> list[Match]:
    """A need's matches with their partners and offers, oldest first."""
    return list(db.session.scalars(_need_statements()[0], {"need_id": need_id}))


@built_once
def _need_statements() -> tuple[Select, Select]:
    """A need's matches and talks, its id a parameter."""
    need_id = bindparam("need_id")
    matches = (
        select(Match)
        .where(Match.need_id == need_id)
        .options(joinedload(Match.organisation), joinedload(Match.offer))
        .order_by(Match.created_at, Match.id)
    )
    talks = (
        select(Talk)
        .where(Talk.need_id == need_id)
        .options(*_talk_options())
        .order_by(Talk.starts_at, Talk.id)
    )
    return matches, talks


def partner_panel(organisation_id: int) -> dict:
    """A local partner's offers, every need matched with it, and its talks."""
    offers = db.session.scalars(
        select(LocalOffer)
        .where(LocalOffer.organisation_id == organisation_id)
        .options(selectinload(LocalOffer.industries), joinedload(LocalOffer.contact_person))
        .order_by(LocalOffer.active.desc(), LocalOffer.title, LocalOffer.id)
    )
    matches = db.session.scalars(
        select(Match)
        .where(Match.organisation_id == organisation_id)
        .options(joinedload(Match.need).joinedload(Need.organisation), joinedload(Match.offer))
        .order_by(Match.updated_at.desc(), Match.id.desc())
    )
    talks = db.session.scalars(
        select(Talk)
        .join(talk_organisation, talk_organisation.c.talk_id == Talk.id)
        .where(talk_organisation.c.organisation_id == organisation_id)
        .options(joinedload(Talk.need).joinedload(Need.organisation), selectinload(Talk.staff))
        .order_by(Talk.starts_at.desc(), Talk.id.desc())
    )
    return {"offers": list(offers), "matches": list(matches), "talks": list(talks)}


@dataclass
class BoardNeed:
    need: Need
    matches: list[tuple[Match, list[Talk]]] = field(default_factory=list)
    other_talks: list[Talk] = field(default_factory=list)  # talks not tied to a match


@dataclass
class BoardRow:
    organisation: Organisation
    needs: list[BoardNeed] = field(default_factory=list)


@dataclass
class Board:
    rows: list[BoardRow]
    days: list[tuple[date, list[Talk]]]  # the talks by local day, in time order


def delegation_board(delegation_id: int) -> Board:
    """Visiting organisations x their needs x partners with each talk's slot (three queries)."""
    needs = db.session.scalars(
        select(Need)
        .where(Need.delegation_id == delegation_id)
        .options(joinedload(Need.organisation))
        .order_by(Need.title, Need.id)
    ).all()
    ids = [n.id for n in needs]
    matches = db.session.scalars(
        select(Match)
        .where(Match.need_id.in_(ids))
        .options(joinedload(Match.organisation), joinedload(Match.offer))
        .order_by(Match.created_at, Match.id)
    ).all()
    talks = db.session.scalars(
        select(Talk)
        .where(Talk.need_id.in_(ids))
        .options(*_talk_options())
        .order_by(Talk.starts_at, Talk.id)
    ).all()
    rows: dict[int, BoardRow] = {}
    for need in needs:
        row = rows.setdefault(need.organisation_id, BoardRow(need.organisation))
        row.needs.append(_board_need(need, matches, talks))
    ordered = sorted(
        rows.values(), key=lambda r: (r.organisation.name.casefold(), r.organisation.id)
    )
    return Board(ordered, talks_by_day(talks))


def _board_need(need: Need, matches, talks) -> BoardNeed:
    entry = BoardNeed(need)
    own = [t for t in talks if t.need_id == need.id]
    placed: set[int] = set()
    for match in (m for m in matches if m.need_id == need.id):
        slots = [
            t
            for t in own
            if t.match_id == match.id or match.organisation_id in {o.id for o in t.organisations}
        ]
        placed.update(t.id for t in slots)
        entry.matches.append((match, slots))
    entry.other_talks = [t for t in own if t.id not in placed]
    return entry


def talks_by_day(talks) -> list[tuple[date, list[Talk]]]:
    """Talks grouped by their day in the commission's time zone."""
    zone = commission_zone()
    days: dict[date, list[Talk]] = defaultdict(list)
    for talk in sorted(talks, key=lambda t: (t.starts_at, t.id)):
        days[talk.starts_at.replace(tzinfo=UTC).astimezone(zone).date()].append(talk)
    return sorted(days.items())
