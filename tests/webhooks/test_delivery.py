"""Delivering from the queue to a real receiver: signed, retried with backoff, given up, logged."""

import json
from datetime import UTC, timedelta

import pytest
from sqlalchemy import select

from tests.webhooks.receiver import SECRET, Receiver, hook
from tracker.extensions import db
from tracker.models import DeliveryStatus, Stage, WebhookAttempt, WebhookDelivery, utcnow
from tracker.needs.pipeline import move_need
from tracker.webhooks.delivery import attempt, claim, deliver_due
from tracker.webhooks.signing import verify


class Clock:
    """An injected clock: starts a second after the real now, after what the test queues (the
    receiver checks signatures against it)."""

    def __init__(self):
        self.now = utcnow() + timedelta(seconds=1)

    def __call__(self):
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()


def _queue_stage_change(make, url: str):
    target = hook(url)
    need = make.need(title="Production space", stage=Stage.QUALIFIED)
    move_need(need, Stage.MATCHING, make.user())
    db.session.commit()
    return target, need


def _delivery() -> WebhookDelivery:
    return db.session.scalars(
        select(WebhookDelivery).execution_options(populate_existing=True)
    ).one()


def _log() -> list[WebhookAttempt]:
    return list(db.session.scalars(select(WebhookAttempt).order_by(WebhookAttempt.id)))


def test_a_delivery_reaches_a_local_receiver_signed(app, make, clock):
    with Receiver() as receiver:
        _hook, need = _queue_stage_change(make, receiver.url)
        done = deliver_due(clock)
    assert done.delivered == 1
    (got,) = receiver.received
    delivery = _delivery()
    assert got.path == "/hooks/tracker"
    assert got.headers["X-Tracker-Event"] == "need.stage_changed"
    assert got.headers["X-Tracker-Delivery"] == str(delivery.id)
    assert got.headers["Content-Type"].startswith("application/json")
    now = clock().replace(tzinfo=UTC).timestamp()
    assert verify(SECRET, got.headers["X-Tracker-Signature"], got.body, now=now)
    assert not verify("whsec_wrong_secret", got.headers["X-Tracker-Signature"], got.body, now=now)
    assert got.event["data"]["need"]["id"] == need.id
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 1
    (logged,) = _log()
    assert logged.status_code == 200 and logged.error is None and logged.duration_ms >= 0


def test_a_failed_delivery_is_retried_after_its_backoff(app, make, clock):
    with Receiver(statuses=[500, 200]) as receiver:
        _queue_stage_change(make, receiver.url)
        assert deliver_due(clock).retrying == 1
        delivery = _delivery()
        assert delivery.status == DeliveryStatus.PENDING
        assert delivery.next_attempt_at == clock() + timedelta(minutes=1)
        clock.advance(seconds=59)
        assert deliver_due(clock).delivered == 0  # not due yet
        assert len(receiver.received) == 1
        clock.advance(seconds=1)
        assert deliver_due(clock).delivered == 1
    first, second = receiver.received
    assert first.body == second.body  # the same event, signed afresh
    assert _delivery().status == DeliveryStatus.DELIVERED and _delivery().attempts == 2
    assert [(a.status_code, a.error) for a in _log()] == [(500, "HTTP 500"), (200, None)]


def test_the_backoff_grows_and_the_delivery_fails_after_the_last_attempt(app, make, clock):
    with Receiver(statuses=[503]) as receiver:
        _queue_stage_change(make, receiver.url)
        waits = []
        for _attempt in range(6):
            deliver_due(clock)
            delivery = _delivery()
            waits.append(delivery.next_attempt_at - clock())
            clock.now = delivery.next_attempt_at
        assert len(receiver.received) == 6
    assert [w.total_seconds() for w in waits[:5]] == [60, 300, 1800, 7200, 43200]
    delivery = _delivery()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 6
    assert delivery.finished_at is not None
    clock.advance(days=1)
    assert deliver_due(clock).failed == 0  # given up: never sent again
    assert len(_log()) == 6


def test_an_unreachable_receiver_is_logged_as_an_error(app, make, clock):
    _queue_stage_change(make, "http://127.0.0.1:9/closed")
    assert deliver_due(clock).retrying == 1
    (logged,) = _log()
    assert logged.status_code is None and "Connection" in logged.error


def test_a_redirect_is_not_followed(app, make, clock):
    with Receiver(statuses=[302]) as receiver:
        _queue_stage_change(make, receiver.url)
        assert deliver_due(clock).retrying == 1
    assert len(receiver.received) == 1
    assert _log()[0].status_code == 302 and _delivery().status == DeliveryStatus.PENDING


def test_a_claimed_delivery_is_not_claimed_again_until_its_lease_ends(app, make, clock):
    _queue_stage_change(make, "http://127.0.0.1:9/closed")
    first = claim(clock(), 10)
    assert len(first) == 1
    assert claim(clock(), 10) == []  # another worker finds nothing to take
    clock.advance(seconds=app.config["WEBHOOK_LEASE_SECONDS"] + 1)
    assert claim(clock(), 10) == first  # the first worker died: the row is due again
    assert _delivery().attempts == 2


def test_the_command_sends_what_is_due_in_one_pass(app, make, runner):
    with Receiver() as receiver:
        _queue_stage_change(make, receiver.url)
        result = runner.invoke(args=["deliver-webhooks"])
    assert result.exit_code == 0, result.output
    assert "Delivered 1, to retry 0, failed 0." in result.output
    assert json.loads(receiver.received[0].body)["type"] == "need.stage_changed"


def test_a_delivery_whose_hook_was_deleted_after_the_claim_is_dropped(app, make, clock):
    target, _need = _queue_stage_change(make, "http://127.0.0.1:9/closed")
    (claimed,) = claim(clock(), 10)
    db.session.delete(target)
    db.session.commit()
    assert attempt(claimed, clock) is None
    assert _log() == []
