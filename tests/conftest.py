"""Fixtures: an app per test on SQLite (default) or PostgreSQL (TEST_DATABASE_URL)."""

import os

import pytest
from flask import g, request_started
from sqlalchemy import text

from tests import factories, queries
from tracker import create_app
from tracker.extensions import db

PASSWORD = "correct horse battery"


def log_in_as(client, user) -> None:
    """Log the client out (if it was in) and in again as user, made with PASSWORD."""
    client.post("/logout")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.text


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """The test database: TEST_DATABASE_URL, else a SQLite file in a temporary folder."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def _schema(database_url):
    """Create the schema once per run; each test then starts from empty tables."""
    app = create_app(_test_config(database_url))
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()


def _test_config(database_url: str, **overrides) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": "tracker.test",
        # scrypt costs 0.3 s a hash by design; the suite logs in hundreds of times.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        # Hundreds of logins from one address; tests/security turns limits back on.
        "RATELIMIT_ENABLED": False,
        # Managers and admins log in hundreds of times; tests/security/test_two_step.py tests
        # the default (two-step login required of them).
        "TOTP_REQUIRED_ROLES": [],
    }
    config.update(overrides)
    return config


def _empty_tables() -> None:
    """Remove every row, children first; TRUNCATE on PostgreSQL for speed."""
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app_config() -> dict:
    """Per-test config overrides; override this fixture to change the app."""
    return {}


@pytest.fixture
def app(_schema, database_url, app_config):
    """A fresh app bound to empty tables."""
    app = create_app(_test_config(database_url, **app_config))
    with app.app_context():
        _empty_tables()
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _fresh_login_per_request(app):
    """Forget the cached login user before each request, as a real server would.

    The app fixture keeps one app context pushed, so requests share flask.g, and Flask-Login's
    cached user would leak from one request (or test client) into the next.
    """

    def forget(_sender, **_extra):
        g.pop("_login_user", None)
        g.pop("api_token", None)  # tracker.security's token of an API request, and its name
        g.pop("api_token_name", None)
        g.pop("_flask_babel", None)  # Flask-Babel's cached locale, chosen afresh per request
        g.pop("url_patterns", None)  # tracker.templating.url_pattern's, built once per request

    request_started.connect(forget, app)
    yield
    request_started.disconnect(forget, app)


@pytest.fixture
def count_queries(app):
    """The tests.queries.count_queries context manager, as a fixture."""
    return queries.count_queries


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def demo(runner):
    """The demo data set, loaded as `make run` loads it (some modules add to it)."""
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def make(app):
    """Builders for test data (see tests/factories.py), flushed into the session."""
    return factories


@pytest.fixture
def delegation(make):
    """A committed delegation from Germany: the Thüringen 2026 visit."""
    visit = make.delegation(title="Thüringen 2026", origin_country="DE")
    db.session.commit()
    return visit


@pytest.fixture
def login(client):
    """Log the client in as a new user of the given role; returns that user."""

    def _login(role: str = "staff", **kwargs):
        user = factories.user(role=role, password=PASSWORD, **kwargs)
        db.session.commit()
        response = client.post(
            "/login", data={"email": user.email, "password": PASSWORD}, follow_redirects=False
        )
        assert response.status_code == 302, response.text
        return user

    return _login
