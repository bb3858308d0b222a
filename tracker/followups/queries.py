"""Reading follow-ups: my groups, the team summary, the filtered list, reminders."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import Select, and_, bindparam, func, select, true, union
from sqlalchemy.orm import joinedload, selectinload

from tracker.dates import local_midnight_utc
from tracker.extensions import db
from tracker.models import (
    Delegation,
    FollowUp,
    FollowUpStatus,
    Need,
    Reassignment,
    User,
)
from tracker.models.organisation import NAME_COLUMNS as ORGANISATION_NAMES
from tracker.needs.services import PANEL_ROWS
from tracker.pagination import sort_term
from tracker.statements import built_once

OPEN = FollowUpStatus.OPEN
# Sort keys offered to the list; a leading "-" sorts descending. Unknown keys are ignored.
SORTS = {
    "due": FollowUp.due_date,
    "title": FollowUp.title,
    "status": FollowUp.status,
    "created": FollowUp.created_at,
    "assignee": select(User.display_name).where(User.id == FollowUp.assignee_id).scalar_subquery(),
}
# What a list row shows next to the follow-up itself (all many-to-one, so joins stay bounded).
ROW_OPTIONS = (
    joinedload(FollowUp.need),
    joinedload(FollowUp.organisation),
    joinedload(FollowUp.delegation),
    joinedload(FollowUp.assignee),
    joinedload(FollowUp.assigned_by),
)
# What a list of follow-ups shows of those records: their names. Whole records cost my
# follow-ups' 30 rows some 150 columns each, with a correlated subquery per need (its next due
# date); the follow-up's own page and the reminders' recipients load ROW_OPTIONS.
LIST_OPTIONS = (
    joinedload(FollowUp.need).load_only(Need.title),
    joinedload(FollowUp.organisation).load_only(*ORGANISATION_NAMES),
    joinedload(FollowUp.delegation).load_only(Delegation.title),
    joinedload(FollowUp.assignee).load_only(User.display_name),
    joinedload(FollowUp.assigned_by).load_only(User.display_name),
)


@dataclass(frozen=True)
class Subject:
    """What a follow-up is about: a label, a name and the endpoint of its page."""

    label: str
    name: str
    endpoint: str
    values: dict


def subject_of(followup: FollowUp) -> Subject | None:
    """The need, organisation or delegation the follow-up is about (loaded with the row)."""
    if followup.need is not None:
        return Subject(
            _("Need"), followup.need.title, "needs.detail", {"need_id": followup.need_id}
        )
    if followup.organisation is not None:
        values = {"organisation_id": followup.organisation_id}
        return Subject(
            _("Organisation"), followup.organisation.name, "organisations.detail", values
        )
    if followup.delegation is not None:
        values = {"delegation_id": followup.delegation_id}
        return Subject(_("Delegation"), followup.delegation.title, "delegations.detail", values)
    return None


@dataclass(frozen=True)
class TeamRow:
    """One colleague's follow-up figures."""

    user_id: int
    name: str
    open: int
    overdue: int
    done_recently: int


def team_summary(today: date, days: int = 30) -> list[TeamRow]:
    """Per active user: open, overdue and done in the last days, in one query.

    Open and overdue are counted per colleague from the index on (assignee_id, status,
    deleted_at, due_date); done recently from the index on completed days. Joining every
    follow-up to its assignee and summing read the whole table: 0.9 s at 300,000 follow-ups.
    """
    since = local_midnight_utc(today - timedelta(days=days))

    def mine(*conditions):
        return (
            select(func.count(FollowUp.id))
            .where(FollowUp.assignee_id == User.id, *conditions)
            .scalar_subquery()
        )

    done = (
        select(FollowUp.assignee_id, func.count(FollowUp.id).label("n"))
        .where(FollowUp.status == FollowUpStatus.DONE, FollowUp.completed_at >= since)
        .group_by(FollowUp.assignee_id)
        .subquery()
    )
    stmt = (
        select(
            User.id,
            User.display_name,
            mine(FollowUp.status == OPEN),
            mine(FollowUp.status == OPEN, FollowUp.due_date < today),
            func.coalesce(done.c.n, 0),
        )
        # Outer join: colleagues who finished nothing lately appear with zeros.
        .outerjoin(done, done.c.assignee_id == User.id)
        .where(User.active.is_(True))
        .order_by(User.display_name, User.id)
    )
    return [TeamRow(*row) for row in db.session.execute(stmt)]


def list_followups(
    *,
    assignee_id: int | None = None,
    status: str | None = None,
    overdue: bool = False,
    need_id: int | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    completed_from: date | None = None,
    completed_to: date | None = None,
    need_ids: Select | None = None,
    delegation_id: int | None = None,
    organisation_id: int | None = None,
    sort: str = "due",
    today: date | None = None,
) -> Select:
    """Follow-ups matching the filters with what each row shows; unknown values are ignored.

    completed_from/to are local days; need_ids (a select of Need.id) keeps the follow-ups on
    those needs, as a report's drill-down asks; delegation_id and organisation_id keep those
    about the record, as its page's panel shows them.
    """
    stmt = select(FollowUp).options(*LIST_OPTIONS)
    if assignee_id is not None:
        stmt = stmt.where(FollowUp.assignee_id == assignee_id)
    if status in {s.value for s in FollowUpStatus}:
        stmt = stmt.where(FollowUp.status == FollowUpStatus(status))
    if overdue and today is not None:
        stmt = stmt.where(FollowUp.status == OPEN, FollowUp.due_date < today)
    if need_id is not None:
        stmt = stmt.where(FollowUp.need_id == need_id)
    if due_from is not None:
        stmt = stmt.where(FollowUp.due_date >= due_from)
    if due_to is not None:
        stmt = stmt.where(FollowUp.due_date <= due_to)
    if completed_from is not None:
        stmt = stmt.where(FollowUp.completed_at >= local_midnight_utc(completed_from))
    if completed_to is not None:
        next_day = completed_to + timedelta(days=1)
        stmt = stmt.where(FollowUp.completed_at < local_midnight_utc(next_day))
    if need_ids is not None:
        stmt = stmt.where(FollowUp.need_id.in_(need_ids))
    if delegation_id is not None or organisation_id is not None:
        stmt = stmt.where(about(organisation_id=organisation_id, delegation_id=delegation_id))
    return stmt.order_by(sort_term(sort, SORTS, "due"), FollowUp.due_date, FollowUp.id)


def followup_detail(followup_id: int) -> FollowUp | None:
    """One follow-up with its subject, people and reassignment history."""
    stmt = (
        select(FollowUp)
        .where(FollowUp.id == followup_id)
        .options(
            *ROW_OPTIONS,
            joinedload(FollowUp.completed_by),
            selectinload(FollowUp.reassignments).options(
                joinedload(Reassignment.from_user),
                joinedload(Reassignment.to_user),
                joinedload(Reassignment.by_user),
            ),
        )
    )
    return db.session.scalar(stmt)


def assignee_choices(include_id: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of active users, plus a current inactive assignee so an edit can keep them."""
    stmt = (
        select(User.id, User.display_name, User.active)
        .where(User.active.is_(True) | (User.id == include_id))
        .order_by(User.display_name, User.id)
    )
    return [
        (r.id, r.display_name if r.active else _("%(name)s (inactive)", name=r.display_name))
        for r in db.session.execute(stmt)
    ]


def all_user_choices() -> list[tuple[int, str]]:
    """(id, name) of every user, for the list filter (past assignees may be inactive)."""
    stmt = select(User.id, User.display_name).order_by(User.display_name, User.id)
    return [(r.id, r.display_name) for r in db.session.execute(stmt)]


@dataclass
class ReminderBatch:
    """One colleague and their open follow-ups due today or overdue."""

    user: User
    followups: list[FollowUp] = field(default_factory=list)


def due_for_reminders(today: date) -> list[ReminderBatch]:
    """Per active user, their open follow-ups due today or earlier (one query)."""
    stmt = (
        select(FollowUp)
        .join(FollowUp.assignee)
        .where(User.active.is_(True), FollowUp.status == OPEN, FollowUp.due_date <= today)
        .options(*ROW_OPTIONS)
        .order_by(User.id, FollowUp.due_date, FollowUp.id)
    )
    batches: dict[int, ReminderBatch] = {}
    for followup in db.session.scalars(stmt):
        batches.setdefault(followup.assignee_id, ReminderBatch(followup.assignee))
        batches[followup.assignee_id].followups.append(followup)
    return list(batches.values())


def about(*, organisation_id: int | None = None, delegation_id: int | None = None):
    """SQL: the follow-up is about the organisation (its needs' included), or about the
    delegation or a need raised during it."""
    clauses = []
    if organisation_id is not None:
        clauses.append(FollowUp.organisation_id == organisation_id)
    if delegation_id is not None:
        # A union of two index lookups: "delegation_id = ? OR need_id IN (...)" made
        # PostgreSQL walk every open follow-up in due-date order (0.4 s at 300,000).
        raised_there = select(Need.id).where(Need.delegation_id == delegation_id)
        ids = union(
            select(FollowUp.id).where(FollowUp.delegation_id == delegation_id),
            select(FollowUp.id).where(FollowUp.need_id.in_(raised_there)),
        )
        clauses.append(FollowUp.id.in_(ids))
    return and_(true(), *clauses)


def followups_panel(*, organisation_id: int | None = None, delegation_id: int | None = None):
    """What an organisation's or a delegation's page shows of its open follow-ups (the soonest
    due first), with their total."""
    of = "organisation" if organisation_id is not None else "delegation"
    record_id = organisation_id if organisation_id is not None else delegation_id
    followups, total = open_followups_about(of, record_id, limit=PANEL_ROWS)
    return {"followups": followups, "followups_total": total}


def open_followups_about(of: str, record_id: int, limit: int) -> tuple[list[FollowUp], int]:
    """The first `limit` open follow-ups of an organisation or a delegation (of: which kind of
    record record_id is), soonest first, and how many there are."""
    shown, total = _open_about_statements(of, limit)
    params = {"record_id": record_id}
    return list(db.session.scalars(shown, params)), db.session.scalar(total, params) or 0


@built_once
def _open_about_statements(of: str, limit: int) -> tuple[Select, Select]:
    """open_followups_about's statements; the record's id is a parameter."""
    record_id = bindparam("record_id")
    subject = about(**{f"{of}_id": record_id})
    where = (FollowUp.status == OPEN, subject)
    shown = select(FollowUp).options(*LIST_OPTIONS).where(*where)
    total = select(func.count(FollowUp.id)).where(*where)
    return shown.order_by(FollowUp.due_date, FollowUp.id).limit(limit), total
