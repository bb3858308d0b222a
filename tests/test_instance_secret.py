"""The instance folder: private to the app's user; one secret key, whoever starts first."""

import multiprocessing
import stat
from pathlib import Path

import pytest

from tracker import create_app

WORKERS = 8


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _started(**config):
    """An app as a worker starts it, without a configured secret key."""
    return create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", **config})


def _worker(barrier, keys) -> None:
    barrier.wait()  # all workers start together, as gunicorn's do
    keys.put(_started().config["SECRET_KEY"])


@pytest.fixture
def instance(tmp_path, monkeypatch) -> Path:
    """An empty instance folder that create_app uses; no key in the environment."""
    folder = tmp_path / "instance"
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda _self: str(folder))
    monkeypatch.delenv("TRACKER_SECRET_KEY", raising=False)
    return folder


def test_workers_starting_together_on_an_empty_instance_share_one_key(instance):
    context = multiprocessing.get_context("fork")  # the children keep the patched instance
    barrier, keys = context.Barrier(WORKERS), context.Queue()
    workers = [context.Process(target=_worker, args=(barrier, keys)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    found = [keys.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert len(set(found)) == 1
    assert len(found[0]) == 64
    assert (instance / "secret_key").read_text().strip() == found[0]
    assert _mode(instance / "secret_key") == 0o600
    assert _mode(instance) == 0o700
    assert not (instance / "config.py").exists()  # the operator's file is never written
    assert [p.name for p in instance.iterdir()] == ["secret_key"]  # no temporary file left


def test_a_configured_key_is_used_and_none_is_written(instance):
    instance.mkdir()
    (instance / "config.py").write_text("SECRET_KEY = 'from the secret store'\n")
    assert _started().config["SECRET_KEY"] == "from the secret store"
    assert not (instance / "secret_key").exists()


def test_an_empty_key_file_stops_the_start(instance):
    instance.mkdir()
    (instance / "secret_key").write_text("\n")
    with pytest.raises(RuntimeError, match="secret_key"):
        _started()


def test_a_new_sqlite_database_is_private(instance, tmp_path):
    _started(SQLALCHEMY_DATABASE_URI="sqlite:///tracker.db")  # in the instance folder
    assert _mode(instance / "tracker.db") == 0o600
    elsewhere = tmp_path / "elsewhere.db"
    _started(SQLALCHEMY_DATABASE_URI=f"sqlite:///{elsewhere}")
    assert _mode(elsewhere) == 0o600
