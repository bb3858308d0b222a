"""Choices for the needs forms and filters, loaded once per request."""

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import (
    Delegation,
    KeyIndustry,
    LostReason,
    Meeting,
    NeedCategory,
    Organisation,
    User,
)

NONE = [("", "—")]


def organisations() -> list[tuple[int, str]]:
    """Visiting organisations first (they raise needs), then local ones."""
    rows = db.session.execute(
        select(Organisation.id, Organisation.name, Organisation.is_local).order_by(
            Organisation.is_local, Organisation.name
        )
    )
    return [(i, name) for i, name, _local in rows]


def delegations() -> list[tuple[str | int, str]]:
    rows = db.session.execute(
        select(Delegation.id, Delegation.title, Delegation.start_date).order_by(
            Delegation.start_date.desc()
        )
    )
    return NONE + [(i, f"{title} ({start:%Y-%m-%d})") for i, title, start in rows]


def meetings(delegation_id: int | None) -> list[tuple[str | int, str]]:
    """Meetings of one delegation (a meeting only makes sense with its visit)."""
    if delegation_id is None:
        return NONE
    rows = db.session.execute(
        select(Meeting.id, Meeting.title)
        .where(Meeting.delegation_id == delegation_id)
        .order_by(Meeting.starts_at)
    )
    return NONE + [(i, title) for i, title in rows]


def vocabulary(model, include_id: int | None = None) -> list[tuple[str | int, str]]:
    """Active terms, plus the one a record already uses even if it was retired since."""
    stmt = select(model).where(model.active.is_(True) | (model.id == include_id))
    return NONE + [
        (t.id, t.label) for t in db.session.scalars(stmt.order_by(model.position, model.name))
    ]


def categories(include_id: int | None = None):
    return vocabulary(NeedCategory, include_id)


def industries(include_id: int | None = None):
    return vocabulary(KeyIndustry, include_id)


def lost_reasons():
    return vocabulary(LostReason)


def active_users(include_id: int | None = None) -> list[tuple[str | int, str]]:
    stmt = select(User.id, User.display_name).where(User.active.is_(True) | (User.id == include_id))
    return NONE + [(i, name) for i, name in db.session.execute(stmt.order_by(User.display_name))]
