"""Organisation rules: the duplicate guard and writes (views and the import call these)."""

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Organisation
from tracker.text import organisation_key


def find_duplicates(
    *names: str | None, exclude_id: int | None = None, limit: int = 5
) -> list[Organisation]:
    """Organisations whose name equals one of names once case, spacing, punctuation and legal
    forms are ignored (Jenaer Optronik = JENAER OPTRONIK AG)."""
    keys = {organisation_key(n) for n in names if n and organisation_key(n)}
    if not keys:
        return []
    stmt = select(Organisation).where(Organisation.name_key.in_(keys)).order_by(Organisation.name)
    if exclude_id is not None:
        stmt = stmt.where(Organisation.id != exclude_id)
    return list(db.session.scalars(stmt.limit(limit)))
