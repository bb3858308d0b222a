"""Outgoing webhooks: the receivers managers configure, the queue of deliveries (an outbox
written in the same transaction as the change) and the log of every attempt."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import LabelledEnum, TimestampMixin, enum_column, utcnow

if TYPE_CHECKING:
    from tracker.models.user import User

PING = "ping"
# The events a hook may subscribe to, with their labels; the ping is sent on request only.
WEBHOOK_EVENTS = {
    "need.stage_changed": _l("A need moved to another stage"),
    "followup.assigned": _l("A follow-up was assigned"),
    "talk.scheduled": _l("A talk was scheduled or moved"),
    "match.accepted": _l("A need was matched with a local partner"),
}


class DeliveryStatus(LabelledEnum):
    """Where a delivery stands in the queue."""

    PENDING = "pending", _l("Pending")
    DELIVERED = "delivered", _l("Delivered")
    FAILED = "failed", _l("Failed")


class Webhook(TimestampMixin, db.Model):
    """A receiver of events: where to POST them, the secret that signs them, which ones."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    url: Mapped[str] = mapped_column(String(500))
    # Kept as is: the signature (HMAC) needs the secret itself, not a hash of it.
    secret: Mapped[str] = mapped_column(String(128))
    events: Mapped[str] = mapped_column(String(500), default="")  # space-separated
    active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    created_by: Mapped["User | None"] = relationship()

    @property
    def event_list(self) -> list[str]:
        """The subscribed events, in the order of WEBHOOK_EVENTS."""
        chosen = set(self.events.split())
        return [name for name in WEBHOOK_EVENTS if name in chosen]

    def __repr__(self) -> str:
        return f"<Webhook {self.name!r} {self.url!r}>"


class WebhookDelivery(db.Model):
    """One event for one hook: the exact body to send, and when to try (again)."""

    __tablename__ = "webhook_delivery"
    # The workers' question: which pending deliveries are due.
    __table_args__ = (Index("ix_webhook_delivery_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(
        ForeignKey("webhook.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[str] = mapped_column(String(40))
    event_type: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[DeliveryStatus] = mapped_column(
        enum_column(DeliveryStatus), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    webhook: Mapped[Webhook] = relationship()


class WebhookAttempt(db.Model):
    """One try at a delivery: when, the answer's status code or the error, how long it took."""

    __tablename__ = "webhook_attempt"
    __table_args__ = (Index("ix_webhook_attempt_hook_at", "webhook_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_delivery.id", ondelete="CASCADE"), index=True
    )
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhook.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(String(300))
    duration_ms: Mapped[int] = mapped_column(default=0)

    delivery: Mapped[WebhookDelivery] = relationship()

    @property
    def ok(self) -> bool:
        """A 2xx answer."""
        return self.status_code is not None and 200 <= self.status_code < 300
