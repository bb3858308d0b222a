"""Backups: SQLite through its online backup API, PostgreSQL through pg_dump and pg_restore."""

import os
import shutil
import sqlite3
import subprocess  # pg_dump and pg_restore, run with argument lists, never through a shell
import tempfile
from contextlib import closing
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import URL, make_url

from tracker import datacache
from tracker.extensions import db


class BackupError(RuntimeError):
    """A backup or restore that could not be done, with a message for the operator."""


def backup(target: Path) -> Path:
    """Write a consistent copy of the database to target while the app keeps running."""
    url = db.engine.url
    created = _create_private(target)
    try:
        if url.get_backend_name() == "sqlite":
            with closing(_sqlite(url.database)) as source, closing(sqlite3.connect(target)) as copy:
                source.backup(copy)
        else:
            conninfo, password = _libpq(url)
            _run("pg_dump", "--format=custom", "--no-owner", f"--file={target}", conninfo,
                 password=password)  # fmt: skip
    except BaseException:
        if created:
            target.unlink(missing_ok=True)  # no empty file that looks like a backup
        raise
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
        conninfo, password = _libpq(url)
        _run(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
            f"--dbname={conninfo}", str(source), password=password,
        )  # fmt: skip
    # A backup older than migration 0011 has no counters: `flask db upgrade` adds them.
    if inspect(db.engine).has_table("data_version"):
        datacache.move_past(earlier)
        db.session.commit()


def _create_private(target: Path) -> bool:
    """Make target (and a missing folder) readable by the app's user only before any data goes
    in, an existing file too, as it is about to be overwritten; True if it was created."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        created = True
    except FileExistsError:
        fd = os.open(target, os.O_WRONLY)
        created = False
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return created


def _sqlite(path: str | None) -> sqlite3.Connection:
    if not path or path == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return sqlite3.connect(path)


def _libpq(url: URL) -> tuple[str, str | None]:
    """The URL as libpq understands it (no +psycopg suffix) without its password, and the
    password apart: on a command line every user of the host could read it (ps, /proc)."""
    url = make_url(url)
    without_password = URL.create(
        "postgresql", url.username, None, url.host, url.port, url.database, url.query
    )
    return without_password.render_as_string(hide_password=False), url.password


def _run(program: str, *args: str, password: str | None) -> None:
    """Run a PostgreSQL client program; the password reaches it in a private password file."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="tracker-pg-") as folder:  # mode 0700
        if password:
            env.pop("PGPASSWORD", None)  # it would win over the file
            env["PGPASSFILE"] = _password_file(Path(folder), password)
        result = subprocess.run(  # noqa: S603
            [executable, "--no-password", *args],
            capture_output=True, text=True, check=False, env=env,
        )  # fmt: skip
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()[:500]}")


def _password_file(folder: Path, password: str) -> str:
    """A libpq password file for any server (mode 0600: libpq ignores a file others can read)."""
    escaped = password.replace("\\", "\\\\").replace(":", "\\:")
    path = folder / "pgpass"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f"*:*:*:*:{escaped}\n")
    return str(path)
