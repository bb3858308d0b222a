"""The app factory: config layers, the instance folder, the first secret key, SQLite tuning."""

from sqlalchemy import text, update

from tracker import create_app
from tracker.extensions import db
from tracker.models import User


def test_first_start_writes_a_secret_key_and_reuses_it(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_SECRET_KEY", raising=False)
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    first = create_app()
    key_file = tmp_path / "secret_key"  # tests/test_instance_secret.py: workers starting at once
    assert key_file.exists()
    assert len(first.config["SECRET_KEY"]) == 64
    assert oct(key_file.stat().st_mode)[-3:] == "600"
    second = create_app()
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]


def test_instance_config_then_environment_then_test_overrides(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text("SECRET_KEY = 'from-instance'\nPER_PAGE = 7\nHOST = 'x'\n")
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    assert create_app().config["PER_PAGE"] == 7
    monkeypatch.setenv("TRACKER_PER_PAGE", "9")
    app = create_app()
    assert app.config["PER_PAGE"] == 9
    assert app.config["SECRET_KEY"] == "from-instance"
    assert create_app({"PER_PAGE": 3}).config["PER_PAGE"] == 3


def test_default_database_lives_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    app = create_app({"SECRET_KEY": "x"})
    with app.app_context():
        assert db.engine.url.database == str(tmp_path / "tracker.db")


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path):
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/t.db"})
    with app.app_context():
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        db.engine.dispose()


def test_templates_and_static_files_are_served(client, login):
    login()
    assert client.get("/static/css/tracker.css").status_code == 200
    page = client.get("/").text
    assert "bootstrap.min.css" in page
    assert "cdn" not in page.lower()


def test_health_check_answers_without_login_or_database(client, count_queries):
    with count_queries() as queries:
        response = client.get("/healthz")
    assert (response.status_code, response.text) == (200, "ok")
    assert queries == []


def test_a_write_that_loses_a_race_answers_409_not_500(client, login, monkeypatch):
    user = login()
    end_sessions = User.end_sessions

    def racing(self):
        # Another request saves the same user between this one's load and its write.
        db.session.execute(
            update(User).where(User.id == self.id).values(version=User.version + 1),
            execution_options={"synchronize_session": False},
        )
        end_sessions(self)

    monkeypatch.setattr(User, "end_sessions", racing)
    response = client.post("/logout")
    assert response.status_code == 409
    assert "Someone else changed this record" in response.text
    assert db.session.get(User, user.id) is not None
