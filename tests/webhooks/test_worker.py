"""The background worker: started by the first request when configured, never under tests."""

import threading

from tests.webhooks.receiver import Receiver, hook
from tracker import create_app
from tracker.extensions import db
from tracker.models import Stage
from tracker.needs.pipeline import move_need
from tracker.webhooks import worker

CONFIG = {"WEBHOOK_WORKER": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"}


def test_the_worker_is_not_started_under_tests(app):
    assert not app.config["WEBHOOK_WORKER"]
    configured = create_app({"TESTING": True, **CONFIG})
    hooks = configured.before_request_funcs.get(None, [])
    assert all(f.__name__ != "_start_webhook_worker" for f in hooks)


def test_a_configured_app_starts_the_worker_with_its_first_request_only():
    configured = create_app(CONFIG)
    hooks = configured.before_request_funcs.get(None, [])
    assert any(f.__name__ == "_start_webhook_worker" for f in hooks)


def test_a_round_of_the_worker_delivers_what_is_due(app, make):
    with Receiver() as receiver:
        hook(receiver.url)
        move_need(make.need(stage=Stage.QUALIFIED), Stage.MATCHING, make.user())
        db.session.commit()
        stop = threading.Event()
        thread = threading.Thread(target=worker.run, args=(app, stop))
        thread.start()
        assert receiver.arrived.wait(10)
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
    assert receiver.received[0].headers["X-Tracker-Event"] == "need.stage_changed"
