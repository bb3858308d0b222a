"""Sending the queued deliveries: claim the due ones, POST them signed, log the attempt, and
retry with backoff until the hook answers 2xx or the attempts run out.

Nothing here runs inside a user's request but the test button: the CLI command and the
background worker call deliver_due(). A claim moves the delivery's next attempt a lease ahead
and counts the attempt before anything is sent, in its own short transaction; PostgreSQL skips
rows another worker holds (FOR UPDATE SKIP LOCKED), and the claim's UPDATE names the time it
read, so two workers (or SQLite's processes) can never both win a row. A worker that dies
mid-send leaves the row due again once the lease is over.
"""

import http.client
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import select, update

from tracker.extensions import db
from tracker.models import DeliveryStatus, Webhook, WebhookAttempt, WebhookDelivery, utcnow
from tracker.webhooks.signing import SIGNATURE_HEADER, signature_header

Clock = Callable[[], datetime]
PENDING = DeliveryStatus.PENDING
USER_AGENT = "tracker-webhooks/1"
READ_AT_MOST = 64 * 1024  # of an answer's body: only its status counts


@dataclass(frozen=True)
class Outcome:
    """What one POST gave: a status code, or an error; and how long it took."""

    status_code: int | None
    error: str | None
    duration_ms: int


@dataclass(frozen=True)
class Pass:
    """What one pass over the queue did."""

    delivered: int = 0
    retrying: int = 0
    failed: int = 0

    def __add__(self, other: "Pass") -> "Pass":
        return Pass(
            self.delivered + other.delivered, self.retrying + other.retrying,
            self.failed + other.failed,
        )  # fmt: skip


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the attempts-th failed attempt (1 min, 5 min, 30 min, 2 h, 12 h)."""
    delays = current_app.config["WEBHOOK_RETRY_DELAYS"]
    return timedelta(seconds=delays[min(attempts, len(delays)) - 1])


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Outcome:
    """POST body to url once: no redirect is followed (a 3xx is a failure), a short timeout."""
    parts = urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    connection = connection_class(parts.hostname or "", parts.port, timeout=timeout)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(READ_AT_MOST)
        status, error = response.status, None
    except (OSError, http.client.HTTPException, ValueError) as problem:
        status, error = None, (f"{type(problem).__name__}: {problem}")[:300]
    finally:
        connection.close()
    return Outcome(status, error, round((time.monotonic() - started) * 1000))


def _headers(delivery: WebhookDelivery, secret: str, timestamp: int, body: bytes) -> dict:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Tracker-Event": delivery.event_type,
        "X-Tracker-Delivery": str(delivery.id),
        SIGNATURE_HEADER: signature_header(secret, timestamp, body),
    }


def claim(now: datetime, limit: int, delivery_id: int | None = None) -> list[int]:
    """Take up to limit due deliveries (or delivery_id alone, due or not) for this worker;
    commits. Returns their ids."""
    lease = timedelta(seconds=current_app.config["WEBHOOK_LEASE_SECONDS"])
    found = select(WebhookDelivery.id, WebhookDelivery.next_attempt_at).where(
        WebhookDelivery.status == PENDING
    )
    if delivery_id is None:
        found = found.where(WebhookDelivery.next_attempt_at <= now)
    else:
        found = found.where(WebhookDelivery.id == delivery_id)
    found = found.order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id).limit(limit)
    claimed = []
    for row_id, due in db.session.execute(found.with_for_update(skip_locked=True)).all():
        taken = db.session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == row_id, WebhookDelivery.next_attempt_at == due)
            .values(next_attempt_at=now + lease, attempts=WebhookDelivery.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount == 1:
            claimed.append(row_id)
    db.session.commit()
    return claimed


def attempt(delivery_id: int, clock: Clock = utcnow) -> WebhookAttempt | None:
    """Send a claimed delivery once, log the attempt and settle the delivery; commits. None
    when its hook was deleted meanwhile (and the delivery with it)."""
    delivery = db.session.get(WebhookDelivery, delivery_id, populate_existing=True)
    if delivery is None:
        return None
    hook = db.session.get(Webhook, delivery.webhook_id)
    body, url, secret = delivery.body.encode(), hook.url, hook.secret
    headers = _headers(delivery, secret, int(clock().replace(tzinfo=UTC).timestamp()), body)
    db.session.commit()  # no transaction stays open while the receiver answers
    outcome = post(url, body, headers, current_app.config["WEBHOOK_TIMEOUT"])
    delivery = db.session.get(WebhookDelivery, delivery_id)
    return None if delivery is None else _settle(delivery, outcome, clock())


def _settle(delivery: WebhookDelivery, outcome: Outcome, now: datetime) -> WebhookAttempt:
    """Log the attempt; the delivery is done on a 2xx, failed after the last attempt, else
    due again after its backoff."""
    logged = WebhookAttempt(
        delivery_id=delivery.id, webhook_id=delivery.webhook_id, at=now,
        status_code=outcome.status_code, error=outcome.error, duration_ms=outcome.duration_ms,
    )  # fmt: skip
    if logged.ok:
        delivery.status, delivery.finished_at = DeliveryStatus.DELIVERED, now
    elif delivery.attempts >= current_app.config["WEBHOOK_MAX_ATTEMPTS"]:
        delivery.status, delivery.finished_at = DeliveryStatus.FAILED, now
    else:
        delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    if logged.error is None and not logged.ok:
        logged.error = f"HTTP {outcome.status_code}"
    db.session.add(logged)
    db.session.commit()
    return logged


def _tally(logged: WebhookAttempt | None) -> Pass:
    if logged is None:
        return Pass()
    delivery = logged.delivery
    if delivery.status == DeliveryStatus.DELIVERED:
        return Pass(delivered=1)
    return Pass(failed=1) if delivery.status == DeliveryStatus.FAILED else Pass(retrying=1)


def deliver_due(clock: Clock = utcnow, limit: int | None = None) -> Pass:
    """One pass: claim the due deliveries, a batch at a time, and send each once."""
    batch = limit or current_app.config["WEBHOOK_BATCH_SIZE"]
    done = Pass()
    while ids := claim(clock(), batch):
        for delivery_id in ids:
            done += _tally(attempt(delivery_id, clock))
        if limit is not None:
            break
    return done


def deliver_now(delivery_id: int, clock: Clock = utcnow) -> WebhookAttempt | None:
    """Send one pending delivery at once (the test button); None when another worker has it."""
    ids = claim(clock(), 1, delivery_id)
    return attempt(ids[0], clock) if ids else None
