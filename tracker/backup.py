"""Backups: SQLite through its online backup API, PostgreSQL through pg_dump and pg_restore."""

import shutil
import sqlite3
import subprocess  # pg_dump and pg_restore, run with argument lists, never through a shell
from contextlib import closing
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from tracker import datacache
from tracker.extensions import db


class BackupError(RuntimeError):
    """A backup or restore that could not be done, with a message for the operator."""


def backup(target: Path) -> Path:
    """Write a consistent copy of the database to target while the app keeps running."""
    url = db.engine.url
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        with closing(_sqlite(url.database)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
    else:
        _run("pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq(url))
    return target


def restore(source: Path) -> None:
    """Replace the database's contents with the backup at source."""
    if not source.is_file():
        raise BackupError(f"No backup file at {source}.")
    url = db.engine.url
    earlier = datacache.versions()
    db.session.remove()
    db.engine.dispose()  # no pooled connection may hold the old data open
    if url.get_backend_name() == "sqlite":
        with closing(sqlite3.connect(source)) as saved, closing(_sqlite(url.database)) as live:
            saved.backup(live)
    else:
        _run(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
            f"--dbname={_libpq(url)}", str(source),
        )  # fmt: skip
    # A backup older than migration 0011 has no counters: `flask db upgrade` adds them.
    if inspect(db.engine).has_table("data_version"):
        datacache.move_past(earlier)
        db.session.commit()


def _sqlite(path: str | None) -> sqlite3.Connection:
    if not path or path == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return sqlite3.connect(path)


def _libpq(url) -> str:
    """The SQLAlchemy URL as libpq understands it (no +psycopg driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(program: str, *args: str) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run([executable, *args], capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()[:500]}")
