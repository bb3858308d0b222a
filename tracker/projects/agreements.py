"""A project's agreements and the obligations they carry."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.models import Agreement, Obligation


def agreements_of(project_id: int) -> list[Agreement]:
    """The project's live agreements, newest signature first, with their live obligations."""
    stmt = (
        select(Agreement)
        .where(Agreement.project_id == project_id)
        .options(selectinload(Agreement.obligations).joinedload(Obligation.owner))
        .order_by(Agreement.signed_on.desc().nulls_last(), Agreement.id.desc())
    )
    return list(db.session.scalars(stmt))
