"""The matchmaking days in figures: per session, the talks requested, scheduled, held and missed,
and the agreements their check-ins reported (one grouped query and one count)."""

from dataclasses import dataclass

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import (
    CheckInAnswer,
    Delegation,
    MatchmakingSession,
    RequestStatus,
    TalkCheckIn,
    TalkRequest,
)
from tracker.sqlfuncs import count_if

PLACED = (RequestStatus.SCHEDULED, RequestStatus.HELD, RequestStatus.NO_SHOW)
FIGURES = ("requested", "scheduled", "held", "no_show", "agreements")


@dataclass(frozen=True)
class SessionFigures:
    """A session's counts; scheduled counts every talk placed (held and missed ones too)."""

    session_id: int
    title: str
    delegation: str
    requested: int
    scheduled: int
    held: int
    no_show: int
    agreements: int


def session_figures(session_id: int | None = None) -> list[SessionFigures]:
    """Every session's figures (or one session's), newest first."""
    status = TalkRequest.status
    stmt = (
        select(
            MatchmakingSession.id,
            MatchmakingSession.title,
            Delegation.title,
            func.count(TalkRequest.id),
            count_if(status.in_(PLACED)),
            count_if(status == RequestStatus.HELD),
            count_if(status == RequestStatus.NO_SHOW),
        )
        .join(Delegation, Delegation.id == MatchmakingSession.delegation_id)
        .outerjoin(TalkRequest, TalkRequest.session_id == MatchmakingSession.id)
        .group_by(MatchmakingSession.id, MatchmakingSession.title, Delegation.title)
        .order_by(MatchmakingSession.id.desc())
    )
    if session_id is not None:
        stmt = stmt.where(MatchmakingSession.id == session_id)
    agreements = dict(
        db.session.execute(
            select(TalkRequest.session_id, func.count(func.distinct(TalkCheckIn.talk_request_id)))
            .join(TalkRequest, TalkRequest.id == TalkCheckIn.talk_request_id)
            .where(TalkCheckIn.answer == CheckInAnswer.AGREEMENT)
            .group_by(TalkRequest.session_id)
        ).all()
    )
    return [SessionFigures(*row, agreements.get(row[0], 0)) for row in db.session.execute(stmt)]
