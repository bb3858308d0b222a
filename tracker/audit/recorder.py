"""Record every create, update and delete of the main records, inside the same transaction."""

import enum
from datetime import date, datetime
from decimal import Decimal

from flask import g, has_request_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from tracker.models import utcnow
from tracker.models.audit import AuditEntry
from tracker.security import current_token_name

# Tables whose writes are audited (matches and talks are included once they exist).
AUDITED = frozenset(
    {"delegation", "organisation", "person", "meeting", "need", "followup", "user",
     "match", "talk", "local_offer", "webhook", "project", "project_milestone", "instalment",
     "annual_target", "agreement", "obligation"}
)  # fmt: skip
# Derived or bookkeeping columns: noise in a history (the pages hide them in older entries too).
IGNORED = frozenset(
    {"created_at", "updated_at", "version", "search_key", "name_key", "session_epoch",
     "totp_last_step", "stage_changed_at", "match_key", "keyword_key", "place_key", "sequence",
     "history_reach", "open_followups"}
)  # fmt: skip
# Secrets: the history says that they changed, never their values.
MASKED = frozenset(
    {"password_hash", "totp_secret", "totp_pending_secret", "calendar_token", "secret"}
)
LABEL_FIELDS = ("title", "name", "full_name", "display_name", "email", "description")


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
    changes.update(_collection_changes(state, action))
    return changes


def _collection_changes(state, action: str) -> dict:
    """Many-to-many collections (topics, participants ...) as [old labels, new labels]; only
    what the flush saw, so an unloaded collection is never loaded for the history."""
    changes = {}
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        history = state.attrs[rel.key].history
        if not history.has_changes() and action != "delete":
            continue
        old = [*history.unchanged, *history.deleted] if action != "create" else []
        new = [*history.unchanged, *history.added] if action != "delete" else []
        old_labels, new_labels = sorted(map(_item, old)), sorted(map(_item, new))
        if old_labels != new_labels:
            changes[rel.key] = [old_labels, new_labels]
    return changes


def _item(obj) -> str:
    return _label(obj) or f"#{inspect(obj).identity[0] if inspect(obj).identity else '?'}"


def _acting_user_id() -> int | None:
    """The logged-in user of the request, if any (the CLI and tests write as 'system')."""
    if not has_request_context():
        return None
    user = g.get("_login_user")
    return getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None


def _via() -> str | None:
    """The API token's name when the request came with one: the history names it."""
    return current_token_name()


@event.listens_for(Session, "after_flush")
def _record(session: Session, _context) -> None:
    rows = []
    now = utcnow()
    user_id, via = _acting_user_id(), _via()
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
            recorded = action
            if action == "update" and "deleted_at" in changes:
                # A soft delete or a restore: say so, so the log can be searched for them.
                recorded = "delete" if changes["deleted_at"][1] is not None else "restore"
            rows.append(
                {"at": now, "user_id": user_id, "action": recorded, "entity": table,
                 "entity_id": inspect(obj).identity[0] if action != "create" else obj.id,
                 "label": _label(obj), "changes": changes, "via": via}
            )  # fmt: skip
    if rows:
        # Written through the connection: adding objects during a flush would need another one.
        session.connection().execute(AuditEntry.__table__.insert(), rows)


def deletion_changes(obj) -> dict:
    """A record's fields as a delete entry has them, for a bulk DELETE the hook cannot see."""
    return _changes(obj, "delete")


def record_entries(session: Session, action: str, entity: str, entries: list[dict]) -> None:
    """Audit writes the flush hook cannot see (bulk UPDATE and DELETE statements); each entry
    has entity_id, label and changes."""
    if not entries:
        return
    now, user_id, via = utcnow(), _acting_user_id(), _via()
    rows = [
        {"at": now, "user_id": user_id, "action": action, "entity": entity, "via": via, **entry}
        for entry in entries
    ]
    session.connection().execute(AuditEntry.__table__.insert(), rows)
