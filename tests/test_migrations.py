"""The Alembic migrations build exactly the models' schema (no drift), on SQLite and PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from tracker import create_app
from tracker.extensions import db

SCHEMA = "migration_check"


@pytest.fixture
def migration_app(database_url, tmp_path):
    """An app on an empty database: a fresh SQLite file, or a scratch schema on PostgreSQL."""
    if database_url.startswith("postgresql"):
        engine = create_engine(database_url)
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        options = {"connect_args": {"options": f"-csearch_path={SCHEMA}"}}
        app = create_app(
            {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": database_url,
             "SQLALCHEMY_ENGINE_OPTIONS": options}
        )  # fmt: skip
        yield app
        with app.app_context():
            db.engine.dispose()
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        engine.dispose()
    else:
        app = create_app(
            {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/m.db"}
        )
        yield app
        with app.app_context():
            db.engine.dispose()


def test_upgrade_produces_the_models_schema(migration_app):
    with migration_app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []


def test_downgrade_to_base_removes_every_table(migration_app):
    with migration_app.app_context():
        upgrade()
        downgrade(revision="base")
        tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()


def test_pinyin_migration_recomputes_existing_search_keys(migration_app):
    with migration_app.app_context():
        upgrade(revision="0006_user_language")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO person (full_name, email, search_key, created_at, updated_at)"
                    " VALUES ('张伟', '', '张伟', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
        upgrade(revision="0007_pinyin_search_keys")
        with db.engine.connect() as conn:
            key = conn.execute(text("SELECT search_key FROM person")).scalar_one()
        assert key == "张伟 | zhang wei | zhangwei"


def _partial_where(index: dict) -> str | None:
    options = index.get("dialect_options", {})
    where = options.get("sqlite_where", options.get("postgresql_where"))
    return None if where is None else " ".join(str(where).split()).lower()


def test_list_deleted_at_and_confidential_indexes_are_partial(migration_app):
    """Full indexes on these led the planner to read whole tables (migration 0009)."""
    with migration_app.app_context():
        upgrade()
        inspector = inspect(db.engine)
        need = {ix["name"]: ix for ix in inspector.get_indexes("need")}
        followup = {ix["name"]: ix for ix in inspector.get_indexes("followup")}
    assert "deleted_at is not null" in _partial_where(need["ix_need_deleted_at"])
    assert "deleted_at is not null" in _partial_where(followup["ix_followup_deleted_at"])
    assert "confidential" in _partial_where(need["ix_need_confidential"])
    assert "deleted_at is null" in _partial_where(need["ix_need_live_created_at"])


def test_data_versions_start_with_a_row_per_scope(migration_app):
    """Writers only update the counters (tracker.datacache): the migration adds their rows."""
    from tracker.datacache import SCOPES

    with migration_app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            rows = dict(conn.execute(text("SELECT scope, counter FROM data_version")).all())
        assert rows == dict.fromkeys(SCOPES, 0)
