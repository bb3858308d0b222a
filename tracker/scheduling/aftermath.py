"""After the matchmaking day: each table's talks marked held or no-show in one step, the check-ins
on a held talk's need three and six months later, their answers on the need's timeline, and the
session's figures."""

from calendar import monthrange
from datetime import UTC, date

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from tracker.extensions import db
from tracker.followups.services import cancel_followup, complete_followup, create_followup
from tracker.i18n import zone_info
from tracker.matchmaking.flow import record
from tracker.models import (
    CHECK_IN_MONTHS,
    CheckInAnswer,
    FollowUpKind,
    FollowUpStatus,
    MatchmakingSession,
    MatchStatus,
    Need,
    RequestStatus,
    Talk,
    TalkCheckIn,
    TalkRequest,
    User,
    utcnow,
)
from tracker.needs.services import add_note
from tracker.reports.sessions import PLACED, SessionFigures, session_figures
from tracker.softdelete import soft_delete, with_deleted
from tracker.stored_text import N_, StoredMessage

MARKS = (RequestStatus.HELD, RequestStatus.NO_SHOW, RequestStatus.SCHEDULED)
HELD_NOTE = StoredMessage(N_("Held at the matchmaking day “%(session)s”."))
NO_SHOW_NOTE = StoredMessage(N_("No-show at the matchmaking day “%(session)s”."))
# Each answer of a check-in as the need's timeline records it, in the reader's language.
ANSWER_NOTES = {
    CheckInAnswer.NO_CONTACT: StoredMessage(
        N_("What came of the talk “%(title)s” after %(months)s months: no further contact.")
    ),
    CheckInAnswer.IN_CONTACT: StoredMessage(
        N_("What came of the talk “%(title)s” after %(months)s months: in contact.")
    ),
    CheckInAnswer.NEGOTIATING: StoredMessage(
        N_("What came of the talk “%(title)s” after %(months)s months: negotiating.")
    ),
    CheckInAnswer.AGREEMENT: StoredMessage(
        N_("What came of the talk “%(title)s” after %(months)s months: agreement reached.")
    ),
}


class AttendanceError(ValueError):
    """A talk cannot be marked so; request_id names it."""

    def __init__(self, message: str, request_id: int):
        super().__init__(message)
        self.request_id = request_id


def add_months(day: date, months: int) -> date:
    """The same day months later (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def record_attendance(
    session: MatchmakingSession, marks: dict[int, RequestStatus], by: User | None
) -> int:
    """Mark the session's placed talks held, no-show or back to scheduled, all or none; the
    number changed. A talk not started yet cannot be marked: AttendanceError. Flushes."""
    placed = {r.id: r for r in session.requests if r.deleted_at is None and r.is_placed}
    now = utcnow()
    for request_id, status in marks.items():
        request = placed.get(request_id)
        if request is None or status not in MARKS:
            raise AttendanceError(_("This talk is not in the session's grid."), request_id)
        if status != RequestStatus.SCHEDULED and request.starts_at > now:
            raise AttendanceError(_("This talk has not taken place yet."), request_id)
    changed = [(placed[i], s) for i, s in marks.items() if placed[i].status != s]
    for request, status in changed:
        _mark(session, request, status, by)
    db.session.flush()
    return len(changed)


def _mark(session: MatchmakingSession, request: TalkRequest, status: RequestStatus, by) -> None:
    """One talk's new mark: its match follows, a held talk gets its check-ins, and a no-show's
    talk, which did not take place, is deleted (restorable: unmarking brings it back), so talk
    lists and the report never count it as held."""
    was_held, request.status = request.status == RequestStatus.HELD, status
    _follow_talk(request, by)
    match = request.match
    if status == RequestStatus.HELD:
        if match is not None and match.status == MatchStatus.TALK_SCHEDULED:
            record(match, MatchStatus.TALK_HELD, by, HELD_NOTE.text(session=session.title))
        schedule_check_ins(session, request, by)
        return
    if was_held:
        if match is not None and match.status == MatchStatus.TALK_HELD:
            record(match, MatchStatus.TALK_SCHEDULED, by, None)
        _withdraw_check_ins(request, by)
    # A talk that fell through: the match goes a step back.
    if status == RequestStatus.NO_SHOW and match and match.status == MatchStatus.TALK_SCHEDULED:
        record(match, MatchStatus.INTRODUCED, by, NO_SHOW_NOTE.text(session=session.title))


def _follow_talk(request: TalkRequest, by: User | None) -> None:
    if request.talk_id is None:
        return
    talk = db.session.scalar(with_deleted(select(Talk).where(Talk.id == request.talk_id)))
    if request.status == RequestStatus.NO_SHOW and talk.deleted_at is None:
        soft_delete(talk, by.id if by else None)
    elif request.status != RequestStatus.NO_SHOW and talk.deleted_at is not None:
        talk.deleted_at = talk.deleted_by_id = None


def _day_of(session: MatchmakingSession, request: TalkRequest) -> date:
    zone = zone_info(session.timezone)
    return request.starts_at.replace(tzinfo=UTC).astimezone(zone).date()


def check_ins_of(request: TalkRequest) -> list[TalkCheckIn]:
    return list(
        db.session.scalars(
            select(TalkCheckIn)
            .where(TalkCheckIn.talk_request_id == request.id)
            .options(joinedload(TalkCheckIn.followup))
            .order_by(TalkCheckIn.months)
        )
    )


def schedule_check_ins(session: MatchmakingSession, request: TalkRequest, by: User | None):
    """A follow-up for the need's owner three and six months after the talk ("What came of
    it?"), each once; none for a talk without a need or an active owner. Flushes."""
    need = request.need
    owner = need.owner if need is not None else None
    if owner is None or not owner.active:
        return []
    have = {c.months for c in check_ins_of(request)}
    held_on = _day_of(session, request)
    with force_locale(owner.language or current_app.config["BABEL_DEFAULT_LOCALE"]):
        title = _("What came of it? Talk “%(title)s”", title=request.title)[:200]
    made = []
    for months in CHECK_IN_MONTHS:
        if months in have:
            continue
        followup = create_followup(
            need=need,
            title=title,
            kind=FollowUpKind.CALL,
            assignee=owner,
            due_date=add_months(held_on, months),
            assigned_by=by,
        )
        check_in = TalkCheckIn(talk_request_id=request.id, followup_id=followup.id, months=months)
        db.session.add(check_in)
        made.append(check_in)
    db.session.flush()
    return made


def _withdraw_check_ins(request: TalkRequest, by: User | None) -> None:
    """A talk no longer held: its unanswered check-ins are cancelled and forgotten."""
    for check_in in check_ins_of(request):
        if check_in.answer is None:
            if check_in.followup.status == FollowUpStatus.OPEN:
                cancel_followup(check_in.followup, by)
            db.session.delete(check_in)
    db.session.flush()


def check_in_of(followup_id: int) -> TalkCheckIn | None:
    """The check-in a follow-up stands for, with its talk request and need."""
    return db.session.scalar(
        select(TalkCheckIn)
        .where(TalkCheckIn.followup_id == followup_id)
        .options(
            joinedload(TalkCheckIn.followup),
            joinedload(TalkCheckIn.talk_request).joinedload(TalkRequest.need),
        )
    )


class CheckInError(ValueError):
    """The check-in cannot take this answer."""


def answer_check_in(check_in: TalkCheckIn, answer: CheckInAnswer, by: User) -> TalkCheckIn:
    """Record what came of the talk: the check-in's follow-up is done with the answer, and the
    need's timeline notes it. Flushes."""
    if check_in.answer is not None or check_in.followup.status != FollowUpStatus.OPEN:
        raise CheckInError(_("This check-in has been answered or closed already."))
    request = check_in.talk_request
    check_in.answer, check_in.answered_at, check_in.answered_by = answer, utcnow(), by
    note = ANSWER_NOTES[answer].text(title=request.title, months=check_in.months)
    complete_followup(
        check_in.followup, ANSWER_NOTES[answer](title=request.title, months=check_in.months), by
    )
    if request.need is not None:
        add_note(request.need, note, by)
    db.session.flush()
    return check_in


def figures(session_id: int) -> SessionFigures | None:
    """The session's requested, scheduled, held, no-show and agreement counts."""
    found = session_figures(session_id)
    return found[0] if found else None


STATUS_FILTERS = {
    "scheduled": lambda: TalkRequest.status.in_(PLACED),
    "held": lambda: TalkRequest.status == RequestStatus.HELD,
    "no_show": lambda: TalkRequest.status == RequestStatus.NO_SHOW,
    "agreements": lambda: TalkRequest.id.in_(
        select(TalkCheckIn.talk_request_id).where(TalkCheckIn.answer == CheckInAnswer.AGREEMENT)
    ),
}


def session_requests(session_id: int, figure: str | None) -> list[TalkRequest]:
    """The session's requests behind a figure (all of them for "requested" or none given)."""
    stmt = (
        select(TalkRequest)
        .where(TalkRequest.session_id == session_id)
        .options(
            joinedload(TalkRequest.table),
            joinedload(TalkRequest.need).joinedload(Need.owner),
            selectinload(TalkRequest.visitors),
            selectinload(TalkRequest.partners),
        )
        .order_by(TalkRequest.starts_at, TalkRequest.id)
    )
    if figure in STATUS_FILTERS:
        stmt = stmt.where(STATUS_FILTERS[figure]())
    return list(db.session.scalars(stmt))
