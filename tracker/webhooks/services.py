"""Managing webhooks: create, change, new secret, delete, the delivery log, the test event."""

import secrets
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import Select, select

from tracker import outbox
from tracker.extensions import db
from tracker.models import (
    DeliveryStatus,
    User,
    Webhook,
    WebhookAttempt,
    WebhookDelivery,
    utcnow,
)
from tracker.models.webhook import PING, WEBHOOK_EVENTS
from tracker.webhooks.delivery import Clock, deliver_now

NAME_MAX = 120
URL_MAX = 500
SECRET_MIN, SECRET_MAX = 16, 128


class WebhookError(ValueError):
    """A refused setting; field names the form field it concerns."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def generate_secret() -> str:
    """A new random signing secret (32 random bytes, URL-safe), shown once."""
    return "whsec_" + secrets.token_urlsafe(32)


def check_url(url: str) -> str:
    """The trimmed address, or WebhookError unless it is an http(s) URL with a host."""
    address = (url or "").strip()
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(address) > URL_MAX:
        raise WebhookError(_("Enter an address starting with http:// or https://."), "url")
    return address


def _check_events(events: list[str]) -> str:
    unknown = set(events) - WEBHOOK_EVENTS.keys()
    if unknown:
        raise WebhookError(_("Choose events from the list."), "events")
    return " ".join(name for name in WEBHOOK_EVENTS if name in events)


def _apply(hook: Webhook, name: str, url: str, events: list[str], active: bool) -> None:
    hook.name = (name or "").strip()[:NAME_MAX] or check_url(url)[:NAME_MAX]
    hook.url = check_url(url)
    hook.events = _check_events(events)
    hook.active = active


def create_webhook(
    *, name: str, url: str, events: list[str], active: bool, secret: str | None, by: User | None
) -> tuple[Webhook, str]:
    """Add a hook; without a secret one is generated. Returns the hook and its secret; flushes."""
    hook = Webhook(created_by=by, secret=(secret or "").strip() or generate_secret())
    _apply(hook, name, url, events, active)
    db.session.add(hook)
    db.session.flush()
    return hook, hook.secret


def update_webhook(hook: Webhook, *, name: str, url: str, events: list[str], active: bool) -> None:
    """Change a hook's name, address, events and status; its secret stays; flushes."""
    _apply(hook, name, url, events, active)
    db.session.flush()


def replace_secret(hook: Webhook, secret: str | None = None) -> str:
    """Give the hook a new secret (generated unless given) and return it; flushes."""
    hook.secret = (secret or "").strip() or generate_secret()
    db.session.flush()
    return hook.secret


def delete_webhook(hook: Webhook) -> None:
    """Delete a hook with its queue and log; flushes."""
    db.session.delete(hook)
    db.session.flush()


def list_webhooks() -> Select:
    """Every hook, by name."""
    return select(Webhook).order_by(Webhook.name, Webhook.id)


def attempts_of(hook: Webhook) -> Select:
    """The hook's delivery log, latest first, with each attempt's delivery."""
    return (
        select(WebhookAttempt, WebhookDelivery)
        .join(WebhookDelivery, WebhookAttempt.delivery_id == WebhookDelivery.id)
        .where(WebhookAttempt.webhook_id == hook.id)
        .order_by(WebhookAttempt.at.desc(), WebhookAttempt.id.desc())
    )


def pending_count(hook: Webhook) -> int:
    """How many of the hook's deliveries wait for a (first or next) attempt."""
    return db.session.scalar(
        select(db.func.count(WebhookDelivery.id)).where(
            WebhookDelivery.webhook_id == hook.id, WebhookDelivery.status == DeliveryStatus.PENDING
        )
    )


def queue_test_event(hook: Webhook, by: User | None) -> int:
    """Queue a ping for hook alone; returns the delivery's id; flushes."""
    sender = {"id": by.id, "name": by.display_name} if by is not None else None
    data = {"webhook": {"id": hook.id, "name": hook.name}, "sent_by": sender}
    outbox.enqueue(db.session, PING, data, webhook_id=hook.id)
    return db.session.scalar(
        select(WebhookDelivery.id)
        .where(WebhookDelivery.webhook_id == hook.id, WebhookDelivery.event_type == PING)
        .order_by(WebhookDelivery.id.desc())
        .limit(1)
    )


def send_test_event(hook: Webhook, by: User | None, clock: Clock = utcnow) -> WebhookAttempt | None:
    """Queue a ping for hook and send it at once (the short timeout bounds the wait); commits.
    A failed ping is retried like any delivery."""
    delivery_id = queue_test_event(hook, by)
    db.session.commit()
    return deliver_now(delivery_id, clock)
