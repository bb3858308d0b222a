"""The production entry point builds the app and settles the garbage collector."""

import gc
import importlib
import sys

import pytest

from tracker.serving import GC_THRESHOLDS, settle_after_start


@pytest.fixture
def restored_gc():
    """Undo the process-wide settings, so the rest of the suite runs as before."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_settling_freezes_start_up_objects_and_raises_the_thresholds(restored_gc):
    settle_after_start()
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold() == GC_THRESHOLDS


def test_the_wsgi_module_serves_the_configured_app(restored_gc, monkeypatch, tmp_path):
    monkeypatch.setenv("TRACKER_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("TRACKER_SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path}/served.db")
    sys.modules.pop("tracker.wsgi", None)
    wsgi = importlib.import_module("tracker.wsgi")
    try:
        assert wsgi.app.config["SECRET_KEY"] == "from-the-environment"
        assert wsgi.app.test_client().get("/healthz").text == "ok"
        assert gc.get_threshold() == GC_THRESHOLDS
    finally:
        sys.modules.pop("tracker.wsgi", None)
