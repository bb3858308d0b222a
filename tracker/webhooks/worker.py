"""The background worker: a thread of the app that delivers what is due, every few seconds.

For `make run` and single-process setups (WEBHOOK_WORKER on); production runs
`flask deliver-webhooks --loop` instead. The first request starts it, so commands such as
`flask db upgrade` never do; it is never started under tests.
"""

import logging
import threading

from flask import Flask

from tracker.extensions import db
from tracker.webhooks.delivery import deliver_due

_log = logging.getLogger("tracker.webhooks")


def init_app(app: Flask) -> None:
    """Start the worker with the first request when WEBHOOK_WORKER is on (never in tests)."""
    if not app.config["WEBHOOK_WORKER"] or app.testing:
        return
    started = threading.Event()
    lock = threading.Lock()

    @app.before_request
    def _start_webhook_worker():
        if started.is_set():
            return
        with lock:
            if not started.is_set():
                started.set()
                threading.Thread(
                    target=run, args=(app, threading.Event()), name="webhook-worker", daemon=True
                ).start()


def run(app: Flask, stop: threading.Event) -> None:
    """Deliver what is due every WEBHOOK_POLL_SECONDS until stop is set; errors are logged and
    the next round tries again."""
    interval = app.config["WEBHOOK_POLL_SECONDS"]
    while not stop.is_set():
        with app.app_context():
            try:
                deliver_due()
            except Exception:  # a broken round must not end the thread
                _log.exception("webhook delivery round failed")
                db.session.rollback()
            finally:
                db.session.remove()
        stop.wait(interval)
