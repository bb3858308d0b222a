"""Flask extensions, created unbound and initialised in create_app()."""

import sqlite3
import time

from flask_babel import Babel
from flask_bootstrap import Bootstrap5
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base with named constraints, so migrations can alter them on SQLite too."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
bootstrap = Bootstrap5()
talisman = Talisman()
# Figures kept until their data changes (tracker.datacache); SimpleCache unless configured.
cache = Cache()
# No default limits: only the login endpoints are limited (see tracker.auth.views).
limiter = Limiter(key_func=get_remote_address)


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, _record):
    """Foreign keys on, WAL so readers never block the writer, and wait on locks."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


OPTIMIZE_EVERY_SECONDS = 600
_last_optimize = 0.0


@event.listens_for(Engine, "checkin")
def _keep_sqlite_statistics(dbapi_connection, _record):
    """Keep SQLite's planner statistics current, as SQLite recommends for long-lived connections.

    Without statistics the planner takes "deleted_at IS NULL" on an index starting with
    deleted_at for a selective lookup and reads whole tables through it. PRAGMA optimize
    analyses the tables this connection used whose statistics are missing or stale, and costs
    nothing when they are current; it runs when a connection goes back to the pool, at most
    every OPTIMIZE_EVERY_SECONDS per process.
    """
    global _last_optimize
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    now = time.monotonic()
    if now - _last_optimize < OPTIMIZE_EVERY_SECONDS and _last_optimize:
        return
    _last_optimize = now
    try:
        dbapi_connection.execute("PRAGMA optimize")
        dbapi_connection.commit()
    except sqlite3.OperationalError:  # busy writer: statistics can wait for the next round
        _last_optimize = 0.0
