"""Follow-up rules: assigning, reassigning, completing and cancelling, and the nav badge.

The read side (lists, groups, summaries) lives in tracker.followups.queries and is re-exported here.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from tracker import datacache
from tracker.extensions import db
from tracker.followups.mine import mark_seen, my_followups, week_end
from tracker.followups.queries import (
    OPEN,
    ReminderBatch,
    Subject,
    TeamRow,
    all_user_choices,
    assignee_choices,
    due_for_reminders,
    followup_detail,
    list_followups,
    subject_of,
    team_summary,
)
from tracker.models import (
    Delegation,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Need,
    Organisation,
    Reassignment,
    User,
    utcnow,
)
from tracker.sqlfuncs import count_if

__all__ = [
    "Badge",
    "FollowUpError",
    "ReminderBatch",
    "Subject",
    "TeamRow",
    "all_user_choices",
    "assignee_choices",
    "cancel_followup",
    "complete_followup",
    "create_followup",
    "due_for_reminders",
    "followup_badge",
    "followup_detail",
    "list_followups",
    "mark_seen",
    "my_followups",
    "reassign",
    "subject_of",
    "team_summary",
    "update_followup",
    "week_end",
]


class FollowUpError(ValueError):
    """A rule was broken (inactive assignee, no target, already closed)."""


@dataclass(frozen=True)
class Badge:
    """The nav badge: open follow-ups assigned to me, and how many of them are new."""

    open: int = 0
    unseen: int = 0


def followup_badge(user) -> Badge:
    """Open and unseen follow-up counts for user; zeros for anonymous visitors. Every page shows
    them, so they are counted once per change to the follow-ups (tracker.datacache)."""
    if not getattr(user, "is_authenticated", False):
        return Badge()
    return datacache.cached("followups", ("badge", user.id), lambda: _count_badge(user.id))


def _count_badge(user_id: int) -> Badge:
    # The user is the assignee of every follow-up counted, and assignees see them all (the
    # confidential-needs rule): the counts are the same whoever asks.
    unseen = count_if(FollowUp.seen_by_assignee.is_(False))
    row = db.session.execute(
        select(func.count(FollowUp.id), unseen).where(
            FollowUp.assignee_id == user_id, FollowUp.status == OPEN
        )
    ).one()
    return Badge(open=row[0], unseen=row[1])


def _check_assignee(assignee: User) -> None:
    if not assignee.active:
        raise FollowUpError("Follow-ups can only be assigned to active colleagues.")


def create_followup(
    *,
    need: Need | None = None,
    organisation: Organisation | None = None,
    delegation: Delegation | None = None,
    title: str,
    kind: FollowUpKind | str,
    assignee: User,
    due_date: date,
    assigned_by: User | None,
) -> FollowUp:
    """Assign a new follow-up on exactly one of need, organisation or delegation; flushes."""
    if sum(target is not None for target in (need, organisation, delegation)) != 1:
        raise FollowUpError("A follow-up belongs to exactly one need, organisation or delegation.")
    _check_assignee(assignee)
    # Organisation pages list the follow-ups on their needs through organisation_id too.
    owner = need.organisation_id if need is not None else None
    followup = FollowUp(
        need=need,
        organisation_id=organisation.id if organisation is not None else owner,
        delegation=delegation,
        title=title.strip(),
        kind=FollowUpKind(kind),
        assignee=assignee,
        assigned_by=assigned_by,
        due_date=due_date,
        # Assigning to someone else notifies them through the badge; a note to self does not.
        seen_by_assignee=assigned_by is not None and assigned_by.id == assignee.id,
    )
    db.session.add(followup)
    db.session.flush()
    return followup


def update_followup(
    followup: FollowUp,
    *,
    title: str,
    kind: FollowUpKind | str,
    assignee: User,
    due_date: date,
    by: User | None,
) -> FollowUp:
    """Change a follow-up; a new assignee is recorded as a reassignment; flushes."""
    followup.title = title.strip()
    followup.kind = FollowUpKind(kind)
    followup.due_date = due_date
    if assignee.id != followup.assignee_id:
        reassign(followup, assignee, by)
    db.session.flush()
    return followup


def reassign(followup: FollowUp, new_assignee: User, by: User | None) -> Reassignment | None:
    """Hand the follow-up to new_assignee (active), recording who did it; flushes."""
    if new_assignee.id == followup.assignee_id:
        return None
    _check_assignee(new_assignee)
    record = Reassignment(
        followup_id=followup.id,
        from_user_id=followup.assignee_id,
        to_user_id=new_assignee.id,
        by_user_id=by.id if by is not None else None,
    )
    db.session.add(record)
    followup.assignee = new_assignee
    followup.seen_by_assignee = by is not None and by.id == new_assignee.id
    db.session.flush()
    return record


def _close(followup: FollowUp, status: FollowUpStatus, by: User | None) -> None:
    if followup.status != OPEN:
        raise FollowUpError("This follow-up is already closed.")
    followup.status = status
    followup.completed_at = utcnow()
    followup.completed_by = by


def complete_followup(followup: FollowUp, outcome: str, by: User | None) -> FollowUp:
    """Mark an open follow-up done with its outcome; flushes."""
    if not outcome or not outcome.strip():
        raise FollowUpError("An outcome is required.")
    _close(followup, FollowUpStatus.DONE, by)
    followup.outcome = outcome.strip()
    db.session.flush()
    return followup


def cancel_followup(followup: FollowUp, by: User | None) -> FollowUp:
    """Cancel an open follow-up; flushes."""
    _close(followup, FollowUpStatus.CANCELLED, by)
    db.session.flush()
    return followup
