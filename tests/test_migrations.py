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
        meeting = {ix["name"]: ix for ix in inspector.get_indexes("meeting")}
    assert "deleted_at is not null" in _partial_where(need["ix_need_deleted_at"])
    assert "deleted_at is not null" in _partial_where(followup["ix_followup_deleted_at"])
    assert "deleted_at is not null" in _partial_where(meeting["ix_meeting_deleted_at"])
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


MEETING_ROWS = [
    "INSERT INTO organisation (id, name, kind, is_local, name_key, search_key, created_at,"
    " updated_at) VALUES (1, 'O', 'company', false, 'o', 'o', '2026-05-01', '2026-05-01')",
    "INSERT INTO person (id, full_name, search_key, created_at, updated_at)"
    " VALUES (1, 'P', 'p', '2026-05-01', '2026-05-01')",
    "INSERT INTO delegation (id, title, start_date, end_date, host, status, search_key,"
    " created_at, updated_at) VALUES (1, 'D', '2026-05-12', '2026-05-13', 'H', 'planned', 'd',"
    " '2026-05-01', '2026-05-01')",
    "INSERT INTO meeting (id, delegation_id, title, starts_at, minutes, created_at, updated_at)"
    " VALUES (1, 1, 'M', '2026-05-12 01:00:00', 'Agreed', '2026-05-01', '2026-05-01')",
    "INSERT INTO meeting_person (meeting_id, person_id) VALUES (1, 1)",
    "INSERT INTO meeting_topic (meeting_id, topic_id) SELECT 1, min(id) FROM topic",  # seeded
    "INSERT INTO need (id, version, organisation_id, delegation_id, meeting_id, title, priority,"
    " stage, stage_changed_at, search_key, created_at, updated_at) VALUES (1, 1, 1, 1, 1, 'N',"
    " 'medium', 'new', '2026-05-01', 'n', '2026-05-01', '2026-05-01')",
]


def _meeting_links(conn) -> tuple:
    return tuple(
        conn.execute(text(sql)).scalar()
        for sql in (
            "SELECT minutes FROM meeting WHERE id = 1",
            "SELECT count(*) FROM meeting_person",
            "SELECT count(*) FROM meeting_topic",
            "SELECT meeting_id FROM need WHERE id = 1",
        )
    )


def test_meeting_soft_delete_migration_keeps_participants_and_needs(migration_app):
    """SQLite's batch copy drops the old meeting table, whose ON DELETE actions would empty
    every participant list and unlink every need (migration 0014 puts them back)."""
    with migration_app.app_context():
        upgrade(revision="0013_matchmaking_relevance")
        with db.engine.begin() as conn:
            for sql in MEETING_ROWS:
                conn.execute(text(sql))
        upgrade(revision="0014_meeting_soft_delete")
        with db.engine.connect() as conn:
            assert _meeting_links(conn) == ("Agreed", 1, 1, 1)
        downgrade(revision="0013_matchmaking_relevance")
        with db.engine.connect() as conn:
            assert _meeting_links(conn) == ("Agreed", 1, 1, 1)


INSERT_DELEGATION = text(
    "INSERT INTO delegation (title, origin_country, origin_region, start_date, end_date,"
    " host, status, search_key, version, created_at, updated_at)"
    " VALUES (:title, 'DE', :region, '2026-05-12', '2026-05-14', 'Host', 'planned', '', 1,"
    " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
)


def test_free_text_regions_become_one_region_each(migration_app):
    """Migration 0016: spellings of one region in any language become that region; a value
    that names none becomes a region of its own; China's provinces are seeded."""
    with migration_app.app_context():
        upgrade(revision="0015_totp_pending_secret")
        rows = [("A", "Thüringen"), ("B", "thueringen"), ("C", "Thuringia"), ("D", "图林根"),
                ("E", "Atlantis"), ("F", None)]  # fmt: skip
        with db.engine.begin() as conn:
            for title, region in rows:
                conn.execute(INSERT_DELEGATION, {"title": title, "region": region})
        upgrade(revision="0016_origin_regions")
        with db.engine.connect() as conn:
            found = dict(
                conn.execute(
                    text(
                        "SELECT d.title, r.name FROM delegation d"
                        " LEFT JOIN origin_region r ON r.id = d.origin_region_id"
                    )
                ).all()
            )
            provinces = conn.execute(
                text("SELECT name_zh FROM origin_region WHERE country = 'CN' ORDER BY name")
            ).scalars()
            assert "广东省" in list(provinces)
        assert found == {"A": "Thuringia", "B": "Thuringia", "C": "Thuringia", "D": "Thuringia",
                         "E": "Atlantis", "F": None}  # fmt: skip


STAGE_HISTORIES = {1: ["new", "qualified", "matching", "lost"], 2: ["new"], 3: [], 4: [
    "new", "qualified", "on_hold", "qualified", "talks"]}  # fmt: skip


def _stage_periods(conn) -> tuple:
    changes = conn.execute(
        text("SELECT need_id, to_stage, left_at IS NOT NULL, days, first_in_stage"
             " FROM stage_change ORDER BY need_id, changed_at")
    ).all()  # fmt: skip
    reach = dict(conn.execute(text("SELECT id, history_reach FROM need")).all())
    return [
        (n, s, bool(left), round(d, 3) if d else d, bool(f)) for n, s, left, d, f in changes
    ], reach


def test_stage_periods_migration_keeps_the_history_and_backfills_it(migration_app):
    """Migration 0018 adds the kept stage periods without a batch copy of need (whose DROP on
    SQLite would delete every stage change) and fills them in from the history."""
    with migration_app.app_context():
        upgrade(revision="0017_default_exchange_rates")
        with db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO organisation (id, version, name, name_key, search_key, kind,"
                " is_local, created_at, updated_at) VALUES (1, 1, 'A', 'a', 'a', 'company',"
                " false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))  # fmt: skip
            for need_id, stages in STAGE_HISTORIES.items():
                conn.execute(text(
                    "INSERT INTO need (id, version, organisation_id, title, priority, stage,"
                    " stage_changed_at, search_key, created_at, updated_at, confidential)"
                    " VALUES (:id, 1, 1, 't', 'medium', :stage, CURRENT_TIMESTAMP, '',"
                    " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, false)"),
                    {"id": need_id, "stage": stages[-1] if stages else "new"})  # fmt: skip
                for day, stage in enumerate(stages, start=1):
                    at = f"2026-01-{day:02d} 10:00"
                    conn.execute(text(
                        "INSERT INTO stage_change (need_id, to_stage, changed_at, reopened)"
                        " VALUES (:need, :stage, :at, false)"),
                        {"need": need_id, "stage": stage, "at": at})  # fmt: skip
        upgrade(revision="0018_stage_periods")
        with db.engine.connect() as conn:
            changes, reach = _stage_periods(conn)
        assert len(changes) == sum(len(s) for s in STAGE_HISTORIES.values())
        assert reach == {1: 2, 2: 0, 3: -1, 4: 3}  # matching, new, none, talks
        assert [c for c in changes if c[0] == 4] == [
            (4, "new", True, 1.0, True), (4, "qualified", True, 1.0, True),
            (4, "on_hold", True, 1.0, True), (4, "qualified", True, 1.0, False),
            (4, "talks", False, None, True),
        ]  # fmt: skip
        downgrade(revision="0017_default_exchange_rates")
        with db.engine.connect() as conn:
            kept = conn.execute(text("SELECT count(*) FROM stage_change")).scalar()
        assert kept == len(changes)
