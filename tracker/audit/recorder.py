"""Record every create, update and delete of the main records, inside the same transaction."""

import enum
from datetime import date, datetime
from decimal import Decimal

from flask import g, has_request_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from tracker.models import utcnow
from tracker.models.audit import AuditEntry

# Tables whose writes are audited (matches and talks are included once they exist).
AUDITED = frozenset(
    {"delegation", "organisation", "person", "meeting", "need", "followup", "user",
     "match", "talk", "local_offer"}
)  # fmt: skip
# Derived or bookkeeping columns: noise in a history.
IGNORED = frozenset(
    {"created_at", "updated_at", "version", "search_key", "name_key", "session_epoch",
     "totp_last_step", "stage_changed_at"}
)  # fmt: skip
# Secrets: the history says that they changed, never their values.
MASKED = frozenset({"password_hash", "totp_secret", "calendar_token"})
LABEL_FIELDS = ("title", "name", "full_name", "display_name", "email")


def _json(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _label(obj) -> str:
    for name in LABEL_FIELDS:
        value = getattr(obj, name, None)
        if value:
            return str(value)[:200]
    return ""


def _changes(obj, action: str) -> dict:
    state = inspect(obj)
    changes = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in IGNORED or key == "id":
            continue
        history = state.attrs[key].history
        if action == "update":
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
        elif action == "create":
            old, new = None, getattr(obj, key)
        else:
            old, new = (history.unchanged or history.deleted or [None])[0], None
        if old == new:
            continue
        if key in MASKED:
            old, new = ("•••" if old else None), ("•••" if new else None)
        changes[key] = [_json(old), _json(new)]
    return changes


def _acting_user_id() -> int | None:
    """The logged-in user of the request, if any (the CLI and tests write as 'system')."""
    if not has_request_context():
        return None
    user = g.get("_login_user")
    return getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None


@event.listens_for(Session, "after_flush")
def _record(session: Session, _context) -> None:
    rows = []
    now = utcnow()
    user_id = _acting_user_id()
    for action, objects in (
        ("create", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            table = getattr(obj, "__tablename__", None)
            if table not in AUDITED:
                continue
            changes = _changes(obj, action)
            if action == "update" and not changes:
                continue  # touched but unchanged (or only bookkeeping columns)
            rows.append(
                {"at": now, "user_id": user_id, "action": action, "entity": table,
                 "entity_id": inspect(obj).identity[0] if action != "create" else obj.id,
                 "label": _label(obj), "changes": changes}
            )  # fmt: skip
    if rows:
        # Written through the connection: adding objects during a flush would need another one.
        session.connection().execute(AuditEntry.__table__.insert(), rows)
