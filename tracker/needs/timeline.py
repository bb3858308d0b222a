"""A need's story in one chronological list: stage moves, follow-ups, reassignments and notes."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.extensions import db
from tracker.models import (
    FollowUp,
    FollowUpStatus,
    Match,
    MatchChange,
    Need,
    NeedNote,
    Reassignment,
    StageChange,
    Talk,
)
from tracker.statements import built_once


@dataclass
class Event:
    """One entry of the timeline; `kind` picks the template snippet, `subject` is the record."""

    at: datetime
    kind: str
    actor: object
    subject: object


def need_timeline(need: Need) -> list[Event]:
    """Every event of need, oldest first (six queries, whatever the history's length)."""
    statements, params = _statements(), {"need_id": need.id}
    events: list[Event] = []
    changes = db.session.scalars(statements["stage"], params)
    events += [Event(c.changed_at, "stage", c.changed_by, c) for c in changes]
    for f in db.session.scalars(statements["followups"], params):
        events.append(Event(f.created_at, "followup_created", f.assigned_by, f))
        events += [Event(r.at, "reassigned", r.by_user, r) for r in f.reassignments]
        if f.status == FollowUpStatus.DONE and f.completed_at:
            events.append(Event(f.completed_at, "followup_done", f.completed_by, f))
        elif f.status == FollowUpStatus.CANCELLED:
            events.append(Event(f.completed_at or f.updated_at, "followup_cancelled", None, f))
    notes = db.session.scalars(statements["notes"], params)
    events += [Event(n.created_at, "note", n.author, n) for n in notes]
    matches = db.session.scalars(statements["matches"], params)
    events += [Event(c.changed_at, "match", c.changed_by, c) for c in matches]
    talks = db.session.scalars(statements["talks"], params)
    events += [Event(t.created_at, "talk", t.created_by, t) for t in talks]
    # Ties (same second) keep a stable, meaningful order: the kind order above.
    return sorted(events, key=lambda e: e.at)


@built_once
def _statements() -> dict[str, Select]:
    """What the timeline reads, the need's id a parameter: built once, since building these
    statements with their loader options cost as much as running them."""
    need_id = bindparam("need_id")
    return {
        "stage": select(StageChange)
        .where(StageChange.need_id == need_id)
        .options(joinedload(StageChange.changed_by)),
        "followups": select(FollowUp)
        .where(FollowUp.need_id == need_id)
        .options(
            joinedload(FollowUp.assignee),
            joinedload(FollowUp.assigned_by),
            joinedload(FollowUp.completed_by),
            selectinload(FollowUp.reassignments).options(
                joinedload(Reassignment.from_user),
                joinedload(Reassignment.to_user),
                joinedload(Reassignment.by_user),
            ),
        ),
        "notes": select(NeedNote)
        .where(NeedNote.need_id == need_id)
        .options(joinedload(NeedNote.author)),
        # Match status changes and talks scheduled.
        "matches": select(MatchChange)
        .join(Match, Match.id == MatchChange.match_id)
        .where(Match.need_id == need_id)
        .options(
            joinedload(MatchChange.changed_by),
            joinedload(MatchChange.match).joinedload(Match.organisation),
        ),
        "talks": select(Talk).where(Talk.need_id == need_id).options(joinedload(Talk.created_by)),
    }
