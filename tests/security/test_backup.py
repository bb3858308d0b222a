"""Backup and restore: a restored backup holds every record it was taken with."""

import stat
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests.checks import snapshot
from tests.conftest import _test_config
from tracker import backup as backup_module
from tracker import create_app, datacache
from tracker.extensions import db
from tracker.models import AuditEntry, Person


def test_backup_then_restore_gives_back_every_record(runner, tmp_path):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    before = snapshot()
    assert before["counts"]["person"] > 20
    target = tmp_path / "tracker.backup"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    # Damage data after the backup: overwrite names, delete the audit trail.
    db.session.execute(Person.__table__.update().values(full_name="overwritten"))
    db.session.execute(AuditEntry.__table__.delete())
    db.session.commit()
    assert snapshot() != before
    damaged = datacache.versions()
    result = runner.invoke(args=["restore", str(target), "--yes"])
    assert result.exit_code == 0, result.output
    db.session.remove()
    assert snapshot() == before
    # The backup's counters are older: figures cached since then must not match them again.
    restored = datacache.versions()
    assert all(restored[scope] > damaged[scope] for scope in datacache.SCOPES)


def test_restore_asks_first_and_refuses_a_missing_file(runner, tmp_path):
    result = runner.invoke(args=["restore", str(tmp_path / "nothing")], input="n\n")
    assert result.exit_code != 0
    (tmp_path / "file").write_bytes(b"x")
    result = runner.invoke(args=["restore", str(tmp_path / "file")], input="n\n")
    assert result.exit_code != 0
    assert "Aborted" in result.output


def test_a_failed_restore_ends_with_its_reason(runner, tmp_path, monkeypatch):
    def fail(_path):
        raise backup_module.BackupError("pg_restore failed: no such file")

    monkeypatch.setattr("tracker.cli.restore", fail)
    (tmp_path / "file").write_bytes(b"x")
    result = runner.invoke(args=["restore", str(tmp_path / "file"), "--yes"])
    assert result.exit_code == 1
    assert "Error: pg_restore failed: no such file" in result.output


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_private_to_the_app_user(runner, tmp_path):
    target = tmp_path / "new folder" / "tracker.backup"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert _mode(target) == 0o600
    assert _mode(target.parent) == 0o700
    # Over an earlier, world-readable backup as well.
    target.chmod(0o644)
    assert runner.invoke(args=["backup", str(target)]).exit_code == 0
    assert _mode(target) == 0o600


def test_a_new_sqlite_database_file_is_private(tmp_path):
    path = tmp_path / "tracker.db"
    app = create_app(_test_config(f"sqlite:///{path}"))
    with app.app_context():
        db.create_all()
        db.session.execute(select(1))
        db.engine.dispose()
    assert _mode(path) == 0o600
    for companion in tmp_path.glob("tracker.db-*"):  # WAL and shared-memory files
        assert _mode(companion) == 0o600


PG_URL = "postgresql+psycopg://tracker:pa:ss%5Cw0rd@db.example.org:5433/tracker?sslmode=require"
PG_CONNINFO = "postgresql://tracker@db.example.org:5433/tracker?sslmode=require"  # no password


@pytest.fixture
def postgres_app():
    """An app configured for a PostgreSQL server with a password (never connected to)."""
    app = create_app(_test_config(PG_URL))
    with app.app_context():
        yield app


@pytest.fixture
def pg_calls(monkeypatch):
    """subprocess.run replaced: records argv, environment and the password file's state."""
    calls = []

    def run(argv, **kwargs):
        passfile = Path(kwargs["env"]["PGPASSFILE"])
        calls.append(
            {
                "argv": argv,
                "env": kwargs["env"],
                "passfile": passfile.read_text(),
                "mode": _mode(passfile),
                "folder mode": _mode(passfile.parent),
            }
        )
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(backup_module.shutil, "which", lambda program: f"/usr/bin/{program}")
    monkeypatch.setattr(backup_module.subprocess, "run", run)
    return calls


def test_pg_dump_gets_the_password_from_a_private_file_not_its_command_line(
    postgres_app, pg_calls, tmp_path, monkeypatch
):
    monkeypatch.setenv("PGPASSWORD", "an older one")
    target = tmp_path / "tracker.backup"
    backup_module.backup(target)
    (call,) = pg_calls
    assert call["argv"][0] == "/usr/bin/pg_dump"
    assert "--no-password" in call["argv"]
    assert not any("pa:ss" in arg or "w0rd" in arg for arg in call["argv"])
    assert PG_CONNINFO in call["argv"]
    assert call["passfile"] == "*:*:*:*:pa\\:ss\\\\w0rd\n"
    assert (call["mode"], call["folder mode"]) == (0o600, 0o700)
    assert "PGPASSWORD" not in call["env"]
    assert not Path(call["env"]["PGPASSFILE"]).exists()  # removed once pg_dump is done
    assert _mode(target) == 0o600


def test_pg_restore_gets_the_password_from_a_private_file_not_its_command_line(
    postgres_app, pg_calls, tmp_path, monkeypatch
):
    monkeypatch.setattr(backup_module.datacache, "versions", dict)
    monkeypatch.setattr(
        backup_module, "inspect", lambda _engine: SimpleNamespace(has_table=lambda _name: False)
    )
    source = tmp_path / "tracker.backup"
    source.write_bytes(b"PGDMP")
    backup_module.restore(source)
    (call,) = pg_calls
    assert call["argv"][0] == "/usr/bin/pg_restore"
    assert not any("pa:ss" in arg or "w0rd" in arg for arg in call["argv"])
    assert f"--dbname={PG_CONNINFO}" in call["argv"]
    assert call["passfile"] == "*:*:*:*:pa\\:ss\\\\w0rd\n"
    assert call["mode"] == 0o600


def test_a_failed_pg_dump_leaves_no_empty_backup_behind(postgres_app, monkeypatch, tmp_path):
    monkeypatch.setattr(backup_module.shutil, "which", lambda program: f"/usr/bin/{program}")
    monkeypatch.setattr(
        backup_module.subprocess,
        "run",
        lambda argv, **_kw: subprocess.CompletedProcess(argv, 1, "", "connection refused"),
    )
    with pytest.raises(backup_module.BackupError, match="connection refused"):
        backup_module.backup(tmp_path / "tracker.backup")
    assert not (tmp_path / "tracker.backup").exists()
