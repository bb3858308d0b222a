"""The instance folder: private to the app's user, its generated secret key, the SQLite file."""

import os
import secrets
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

SECRET_KEY_FILE = "secret_key"  # noqa: S105 (a file name, not a key)


def make_folder(instance: Path) -> None:
    """Create the instance folder readable by the app's user only (an existing one is kept)."""
    instance.mkdir(mode=0o700, parents=True, exist_ok=True)


def secret_key(instance: Path) -> str:
    """The key in instance/secret_key, written on first start by whichever worker comes first.

    The key is written whole to a private temporary file, then linked to its name; a link
    never replaces an existing file, so workers starting together all read the first one's key.
    """
    path = instance / SECRET_KEY_FILE
    if not path.exists():
        fd, temporary = tempfile.mkstemp(dir=instance, prefix=".secret_key-")  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_hex(32) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.link(temporary, path)
        except FileExistsError:
            pass  # another worker was first: its key is the one
        finally:
            os.unlink(temporary)
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise RuntimeError(f"{path} is empty: delete it to have a new key written on start.")
    return key


def create_sqlite_file(database_uri: str, instance: Path) -> None:
    """Create a SQLite database file readable by the app's user only, before SQLite makes it
    with the umask's mode (often world-readable); its -wal and -shm files take the same mode."""
    url = make_url(database_uri)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    if url.query.get("uri") or url.database.startswith("file:"):
        return  # a URI filename names no plain path
    path = instance / url.database  # Flask-SQLAlchemy's rule: relative paths are in instance/
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except (FileExistsError, FileNotFoundError):
        return  # an existing database keeps its mode; a missing folder is SQLite's error to give
    os.close(fd)
