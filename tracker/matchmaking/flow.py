"""A match's status rules: which changes make sense, and recording every change."""

from flask_babel import gettext as _

from tracker.extensions import db
from tracker.models import Match, MatchChange, MatchStatus, User, utcnow

S = MatchStatus
OPEN_STATUSES = (S.PROPOSED, S.INTRODUCED, S.TALK_SCHEDULED, S.TALK_HELD)

# Forward along the way to a talk, back one step when a talk falls through or another is
# needed, declined from any open status; an agreed follow-up is the end; a declined match may
# be reconsidered (back to proposed).
ALLOWED: dict[MatchStatus, frozenset[MatchStatus]] = {
    S.PROPOSED: frozenset({S.INTRODUCED, S.TALK_SCHEDULED, S.DECLINED}),
    S.INTRODUCED: frozenset({S.TALK_SCHEDULED, S.DECLINED}),
    S.TALK_SCHEDULED: frozenset({S.INTRODUCED, S.TALK_HELD, S.DECLINED}),
    S.TALK_HELD: frozenset({S.TALK_SCHEDULED, S.AGREED_FOLLOW_UP, S.DECLINED}),
    S.AGREED_FOLLOW_UP: frozenset(),
    S.DECLINED: frozenset({S.PROPOSED}),
}


class MatchError(ValueError):
    """A refused change, with a message for the user."""


def allowed_statuses(status: MatchStatus) -> list[MatchStatus]:
    """Where a match may go from status, in the usual order."""
    return [s for s in MatchStatus if s in ALLOWED[status]]


def change_status(
    match: Match,
    to_status: MatchStatus,
    by: User | None,
    note: str | None = None,
    decline_reason: str | None = None,
) -> MatchChange:
    """Move match to to_status (declining needs a reason), or raise MatchError; flushes."""
    if to_status == match.status:
        raise MatchError(_("The match is already “%(status)s”.", status=match.status.label))
    if to_status not in ALLOWED[match.status]:
        raise MatchError(
            _(
                "A match cannot go from “%(a)s” to “%(b)s”.",
                a=match.status.label,
                b=to_status.label,
            )
        )
    reason = (decline_reason or "").strip()
    if to_status == S.DECLINED:
        if not reason:
            raise MatchError(_("Say why the match was declined."))
        match.decline_reason = reason[:500]
    elif match.status == S.DECLINED:
        match.decline_reason = None
    return record(match, to_status, by, note or (reason if to_status == S.DECLINED else None))


def record(match: Match, to_status: MatchStatus, by: User | None, note: str | None):
    """Record the change from the match's current status (None for a new match); flushes."""
    change = MatchChange(
        match=match,
        from_status=match.status,  # None while a new match has no status yet
        to_status=to_status,
        note=(note or "").strip() or None,
        changed_by=by,
        changed_at=utcnow(),
    )
    match.status = to_status
    db.session.add(change)
    db.session.flush()
    return change
