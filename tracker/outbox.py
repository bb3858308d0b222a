"""The webhooks' outbox: the changes hooks subscribe to, queued in the same transaction.

A session hook, like the audit trail's (tracker.audit.recorder): whoever makes the change (a page,
the API, the CLI, an import), the flush that writes it also writes one delivery row per active
hook subscribed to the event, so a rolled-back save queues nothing and a committed one cannot
lose its events. Sending happens later, outside the request (tracker.webhooks.delivery).

An event about a confidential need carries only the need's id and stage (and the id of the
record it is about): receivers are other systems, outside the rule that hides such needs.
"""

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from functools import partial

from sqlalchemy import Connection, event, inspect, select
from sqlalchemy.orm import Session

from tracker.models import FollowUp, Match, Need, StageChange, Talk, User, utcnow
from tracker.models.webhook import DeliveryStatus, Webhook, WebhookDelivery

_hooks = Webhook.__table__
_deliveries = WebhookDelivery.__table__


def iso(value: datetime | None) -> str | None:
    """A naive UTC time as ISO 8601 with a Z."""
    return None if value is None else value.replace(microsecond=0).isoformat() + "Z"


def _user(user: User | None) -> dict | None:
    return None if user is None else {"id": user.id, "name": user.display_name}


def _need(need: Need) -> dict:
    """The need as events show it; a confidential one only by id and stage."""
    if need.confidential:
        return {"id": need.id, "stage": need.stage.value, "confidential": True}
    return {
        "id": need.id, "title": need.title, "stage": need.stage.value, "confidential": False,
        "organisation_id": need.organisation_id,
    }  # fmt: skip


def _secret(need: Need | None) -> bool:
    return need is not None and need.confidential


def stage_changed(change: StageChange) -> dict:
    """need.stage_changed: the need, from and to which stage, by whom."""
    data = {
        "need": _need(change.need),
        "from_stage": change.from_stage.value if change.from_stage else None,
        "to_stage": change.to_stage.value,
    }
    if not _secret(change.need):
        data |= {"reopened": change.reopened, "note": change.note,
                 "changed_by": _user(change.changed_by)}  # fmt: skip
    return data


def followup_assigned(followup: FollowUp, reassigned: bool) -> dict:
    """followup.assigned: the follow-up, to whom, by whom, and what it is on."""
    if _secret(followup.need):
        return {"followup": {"id": followup.id}, "need": _need(followup.need)}
    return {
        "followup": {
            "id": followup.id, "title": followup.title, "kind": followup.kind.value,
            "due_date": followup.due_date.isoformat(), "status": followup.status.value,
        },
        "assignee": _user(followup.assignee),
        "assigned_by": _user(followup.assigned_by),
        "reassigned": reassigned,
        "need": _need(followup.need) if followup.need is not None else None,
        "organisation_id": followup.organisation_id,
        "delegation_id": followup.delegation_id,
    }  # fmt: skip


def talk_scheduled(talk: Talk, rescheduled: bool) -> dict:
    """talk.scheduled: when and where the talk is, and its need."""
    if _secret(talk.need):
        return {"talk": {"id": talk.id}, "need": _need(talk.need)}
    return {
        "talk": {
            "id": talk.id, "title": talk.title, "starts_at": iso(talk.starts_at),
            "ends_at": iso(talk.ends_at), "timezone": talk.timezone, "place": talk.place,
            "video_link": talk.video_link, "match_id": talk.match_id,
        },
        "rescheduled": rescheduled,
        "need": _need(talk.need),
    }  # fmt: skip


def match_accepted(match: Match) -> dict:
    """match.accepted: the need, the local partner (and offer) it was matched with."""
    if _secret(match.need):
        return {"match": {"id": match.id}, "need": _need(match.need)}
    return {
        "match": {
            "id": match.id, "status": match.status.value, "score": match.score,
            "organisation": {"id": match.organisation.id, "name": match.organisation.name},
            "offer_id": match.offer_id,
        },
        "need": _need(match.need),
        "created_by": _user(match.created_by),
    }  # fmt: skip


def _changed(obj, *keys: str) -> bool:
    state = inspect(obj)
    return any(state.attrs[key].history.has_changes() for key in keys)


def flushed_events(session: Session) -> list[tuple[str, Callable[[], dict]]]:
    """The events of what this flush wrote, as (type, a function making its data): the data is
    made only for events some hook subscribes to, so that without hooks nothing is loaded."""
    found = []
    for obj in session.new:
        if isinstance(obj, StageChange):
            found.append(("need.stage_changed", partial(stage_changed, obj)))
        elif isinstance(obj, FollowUp):
            found.append(("followup.assigned", partial(followup_assigned, obj, False)))
        elif isinstance(obj, Talk):
            found.append(("talk.scheduled", partial(talk_scheduled, obj, False)))
        elif isinstance(obj, Match):
            found.append(("match.accepted", partial(match_accepted, obj)))
    for obj in session.dirty:
        if isinstance(obj, FollowUp) and _changed(obj, "assignee_id", "assignee"):
            found.append(("followup.assigned", partial(followup_assigned, obj, True)))
        elif isinstance(obj, Talk) and _changed(obj, "starts_at", "ends_at"):
            found.append(("talk.scheduled", partial(talk_scheduled, obj, True)))
    return found


def event_body(event_type: str, data: dict, now: datetime | None = None) -> tuple[str, str]:
    """A new event's id and its JSON body, the exact bytes every hook receives and signs."""
    event_id = f"evt_{uuid.uuid4().hex}"
    body = {"id": event_id, "type": event_type, "occurred_at": iso(now or utcnow()), "data": data}
    return event_id, json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _subscriptions(connection: Connection, webhook_id: int | None) -> dict[int, set[str]]:
    """The events of each active hook (of hook webhook_id alone, active or not, when given)."""
    query = select(_hooks.c.id, _hooks.c.events)
    if webhook_id is None:
        query = query.where(_hooks.c.active.is_(True))
    else:
        query = query.where(_hooks.c.id == webhook_id)
    return {row.id: set(row.events.split()) for row in connection.execute(query)}


def _insert(connection: Connection, event_type: str, data: dict, targets: list[int]) -> int:
    """One pending delivery of a new event per hook in targets."""
    if not targets:
        return 0
    now = utcnow()
    event_id, body = event_body(event_type, data, now)
    rows = [
        {"webhook_id": target, "event_id": event_id, "event_type": event_type, "body": body,
         "status": DeliveryStatus.PENDING.value, "attempts": 0, "created_at": now,
         "next_attempt_at": now}
        for target in targets
    ]  # fmt: skip
    connection.execute(_deliveries.insert(), rows)
    return len(rows)


def enqueue(session: Session, event_type: str, data: dict, webhook_id: int | None = None) -> int:
    """Queue the event for every active hook subscribed to it, or for hook webhook_id alone
    whatever it subscribes to (the test event); returns how many deliveries were queued."""
    connection = session.connection()
    hooks = _subscriptions(connection, webhook_id)
    targets = [i for i, events in hooks.items() if webhook_id is not None or event_type in events]
    return _insert(connection, event_type, data, targets)


@event.listens_for(Session, "after_flush")
def _queue_flushed_events(session: Session, _context) -> None:
    """Queue the deliveries of what this flush wrote, through the same connection."""
    found = flushed_events(session)
    if not found:
        return
    connection = session.connection()
    hooks = _subscriptions(connection, None)
    for event_type, make_data in found:
        targets = [i for i, events in hooks.items() if event_type in events]
        if targets:
            _insert(connection, event_type, make_data(), targets)
