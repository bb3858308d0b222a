"""The managers' webhook pages: configure, the secret shown once, the test button, the log."""

import re
import threading
from datetime import UTC

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD, log_in_as
from tests.webhooks.receiver import Receiver, hook
from tracker.extensions import db
from tracker.models import AuditEntry, DeliveryStatus, Stage, Webhook, WebhookDelivery, utcnow
from tracker.webhooks.delivery import deliver_due
from tracker.webhooks.signing import verify

SECRET_SHOWN = re.compile(r"Secret of [^:]+: (whsec_[A-Za-z0-9_-]{40,})")


def _create(client, **data):
    form = {"name": "Project database", "url": "https://projects.example.gov/hook",
            "events": ["need.stage_changed", "talk.scheduled"], "active": "y", **data}  # fmt: skip
    return client.post("/admin/webhooks/new", data=form, follow_redirects=True)


def test_a_manager_creates_a_hook_and_sees_its_generated_secret_once(client, login):
    login("manager")
    response = _create(client)
    secret = SECRET_SHOWN.search(response.text).group(1)
    saved = db.session.scalars(select(Webhook)).one()
    assert saved.secret == secret
    assert saved.event_list == ["need.stage_changed", "talk.scheduled"] and saved.active
    assert secret not in client.get(f"/admin/webhooks/{saved.id}").text


def test_a_manager_may_set_the_secret(client, login):
    login("manager")
    response = _create(client, secret="a-secret-of-our-own-1234")
    assert "Created the webhook Project database." in response.text
    assert "a-secret-of-our-own-1234" not in response.text  # the manager knows it
    assert db.session.scalars(select(Webhook)).one().secret == "a-secret-of-our-own-1234"


@pytest.mark.parametrize("url", ["ftp://example.org/hook", "javascript:alert(1)", "http://"])
def test_only_http_and_https_addresses_are_accepted(client, login, url):
    login("manager")
    response = _create(client, url=url)
    assert response.status_code == 200 and db.session.scalars(select(Webhook)).all() == []


def test_an_unknown_event_is_refused(client, login):
    login("manager")
    _create(client, events=["need.deleted"])
    assert db.session.scalars(select(Webhook)).all() == []


def test_editing_changes_events_and_status_and_keeps_the_secret(client, login):
    login("manager")
    target = hook(events="need.stage_changed", secret="whsec_kept_secret_value")
    db.session.commit()
    client.post(f"/admin/webhooks/{target.id}/edit", data={
        "name": "BI", "url": "http://127.0.0.1:8080/in", "events": ["match.accepted"]})  # fmt: skip
    db.session.refresh(target)
    assert (target.name, target.url, target.events) == ("BI", "http://127.0.0.1:8080/in",
                                                        "match.accepted")  # fmt: skip
    assert not target.active and target.secret == "whsec_kept_secret_value"


def test_a_new_secret_replaces_the_old_and_is_shown_once(client, login):
    login("manager")
    target = hook(secret="whsec_old_secret_value")
    db.session.commit()
    response = client.post(f"/admin/webhooks/{target.id}/secret", follow_redirects=True)
    db.session.refresh(target)
    assert SECRET_SHOWN.search(response.text).group(1) == target.secret != "whsec_old_secret_value"


def test_deleting_a_hook_removes_its_queue(client, login, make):
    login("manager")
    target = hook()
    need = make.need(stage=Stage.QUALIFIED)
    db.session.commit()
    client.post(f"/needs/{need.id}/stage", data={"to_stage": "matching"})
    client.post(f"/admin/webhooks/{target.id}/delete")
    assert db.session.scalars(select(Webhook)).all() == []
    assert db.session.scalars(select(WebhookDelivery)).all() == []


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/admin/webhooks/"), ("get", "/admin/webhooks/new"), ("get", "/admin/webhooks/{id}"),
     ("post", "/admin/webhooks/{id}/edit"), ("post", "/admin/webhooks/{id}/test"),
     ("post", "/admin/webhooks/{id}/secret"), ("post", "/admin/webhooks/{id}/delete")],
)  # fmt: skip
def test_staff_cannot_configure_webhooks(client, login, method, path):
    target = hook()
    login("staff")
    response = getattr(client, method)(path.format(id=target.id))
    assert response.status_code == 403
    assert db.session.get(Webhook, target.id) is not None


@pytest.mark.parametrize(("role", "offered"), [("staff", False), ("manager", True)])
def test_the_menu_offers_webhooks_to_managers_only(client, login, role, offered):
    login(role)
    assert ("/admin/webhooks/" in client.get("/").text) is offered


def test_the_test_button_delivers_a_signed_ping_at_once_and_logs_it(client, login):
    user = login("manager")
    with Receiver() as receiver:
        target = hook(receiver.url, events="need.stage_changed")
        db.session.commit()
        response = client.post(f"/admin/webhooks/{target.id}/test", follow_redirects=True)
    assert "The test event was delivered (HTTP 200)." in response.text
    (got,) = receiver.received
    assert got.headers["X-Tracker-Event"] == "ping"
    now = utcnow().replace(tzinfo=UTC).timestamp()
    assert verify(target.secret, got.headers["X-Tracker-Signature"], got.body, now=now)
    assert got.event["data"]["sent_by"] == {"id": user.id, "name": user.display_name}
    page = client.get(f"/admin/webhooks/{target.id}").text
    assert "ping" in page and ">200<" in page and "Delivered" in page


def test_a_failing_test_event_says_why_and_is_logged(client, login):
    login("manager")
    with Receiver(statuses=[500]) as receiver:
        target = hook(receiver.url)
        db.session.commit()
        response = client.post(f"/admin/webhooks/{target.id}/test", follow_redirects=True)
    assert "The test event was not delivered: HTTP 500. It will be retried." in response.text
    delivery = db.session.scalars(select(WebhookDelivery)).one()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert "HTTP 500" in client.get(f"/admin/webhooks/{target.id}").text


def test_a_slow_receiver_does_not_slow_a_save(client, login, make):
    """The save only queues: the receiver (which would hold its answer) hears nothing of it."""
    login("staff")
    need = make.need(stage=Stage.QUALIFIED)
    with Receiver(gate=threading.Event()) as receiver:
        hook(receiver.url)
        db.session.commit()
        response = client.post(f"/needs/{need.id}/stage", data={"to_stage": "matching"})
        assert response.status_code == 302
        assert not receiver.arrived.is_set()
    delivery = db.session.scalars(select(WebhookDelivery)).one()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 0
    assert delivery.event_type == "need.stage_changed"


def test_a_save_goes_through_while_a_worker_waits_on_a_slow_receiver(app, client, login, make):
    """The worker holds no transaction while a receiver answers, so saves never wait on it."""
    login("staff")
    first, second = make.need(stage=Stage.QUALIFIED), make.need(stage=Stage.QUALIFIED)
    gate = threading.Event()
    with Receiver(gate=gate) as receiver:
        hook(receiver.url)
        db.session.commit()
        client.post(f"/needs/{first.id}/stage", data={"to_stage": "matching"})

        def work():
            with app.app_context():
                deliver_due()

        worker = threading.Thread(target=work)
        worker.start()
        assert receiver.arrived.wait(10)  # the worker is now waiting for the answer
        response = client.post(f"/needs/{second.id}/stage", data={"to_stage": "matching"})
        assert response.status_code == 302
        gate.set()
        worker.join(10)
    db.session.expire_all()
    statuses = [
        d.status for d in db.session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id))
    ]
    # The save queued while the worker waited; the worker's next batch then took it too.
    assert statuses == [DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED]
    assert len(receiver.received) == 2


def test_configuring_a_hook_is_audited_without_its_secret(client, login):
    login("manager")
    _create(client, secret="a-secret-of-our-own-1234")
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.entity == "webhook")).one()
    assert entry.action == "create"
    assert entry.changes["url"] == [None, "https://projects.example.gov/hook"]
    assert entry.changes["secret"] == [None, "•••"]
    page = client.get(f"/history/webhook/{entry.entity_id}").text
    assert "https://projects.example.gov/hook" in page
    assert "a-secret-of-our-own-1234" not in page


def test_staff_cannot_read_a_hooks_history(client, login, make):
    login("manager")
    _create(client)
    hook_id = db.session.scalars(select(Webhook.id)).one()
    log_in_as(client, make.user(role="staff", password=PASSWORD))
    assert client.get(f"/history/webhook/{hook_id}").status_code == 404
