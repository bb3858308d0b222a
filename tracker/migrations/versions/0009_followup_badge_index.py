"""Indexes that find what the hot pages ask for, with planner statistics (issue 10).

Live rows: every list and count asks for "deleted_at IS NULL". The lists' indexes from 0008
started with deleted_at; PostgreSQL does not treat IS NULL as an equality, so such an index
could not give a list its order and it sorted the whole table (0.05-0.09 s a page at 100,000
needs), and SQLite, lacking statistics, took such an index for a selective lookup and read
whole tables through it. They are replaced by partial indexes over the live rows.

New ones, each read alone: the vocabularies' usage counts (0.25 s); the dashboard's
organisation counts, the suggestions' partner check and the countries in use. (The follow-ups
per assignee, for the top bar's badge, my follow-ups and the team, are in 0010.)

Partial where rows are few: deleted_at only where set (the Deleted items page, the purge),
the confidential needs (the confidentiality rule), the follow-ups' organisation_id and
delegation_id (empty on the many follow-ups about a need: statistics counted the empty ones
as one key holding most of the table). Last, ANALYZE gives both engines statistics; the app
keeps SQLite's current with PRAGMA optimize (tracker.extensions), PostgreSQL's autovacuum its own.

Revision ID: 0009_followup_badge_index
Revises: 0008_performance_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_followup_badge_index"
down_revision = "0008_performance_indexes"
branch_labels = None
depends_on = None

# 0008's list indexes (table, name, columns), replaced by LIVE.
REPLACED = [
    ("need", "ix_need_deleted_at_created_at", ["deleted_at", "created_at", "id"]),
    ("need", "ix_need_deleted_at_stage", ["deleted_at", "stage", "stage_changed_at", "id"]),
    ("organisation", "ix_organisation_deleted_at_name", ["deleted_at", "name", "id"]),
    ("person", "ix_person_deleted_at_full_name", ["deleted_at", "full_name", "id"]),
    ("person", "ix_person_deleted_at_organisation_id", ["deleted_at", "organisation_id"]),
    ("delegation", "ix_delegation_deleted_at_start_date", ["deleted_at", "start_date", "id"]),
]
# Partial indexes over the live rows (table, name, columns).
LIVE = [
    ("need", "ix_need_live_created_at", ["created_at", "id"]),
    ("need", "ix_need_live_stage", ["stage", "stage_changed_at", "id"]),
    ("organisation", "ix_organisation_live_name", ["name", "id"]),
    ("person", "ix_person_live_full_name", ["full_name", "id"]),
    ("person", "ix_person_live_organisation_id", ["organisation_id"]),
    ("delegation", "ix_delegation_live_start_date", ["start_date", "id"]),
    ("need", "ix_need_live_key_industry_id", ["key_industry_id"]),
    ("need", "ix_need_live_category_id", ["category_id"]),
    ("organisation", "ix_organisation_live_key_industry_id", ["key_industry_id"]),
    ("organisation", "ix_organisation_live_is_local", ["is_local", "updated_at"]),
    ("organisation", "ix_organisation_live_country", ["country"]),
    ("match", "ix_match_live_updated_at", ["updated_at", "id"]),
]
FOLLOWUP_TARGETS = ["organisation_id", "delegation_id"]
SOFT_DELETED = ["delegation", "organisation", "person", "need", "followup", "match", "talk"]
CONFIDENTIAL_WHERE = {"sqlite_where": sa.text("confidential IS 1"),
                      "postgresql_where": sa.text("confidential IS true")}  # fmt: skip


def _where(condition: str) -> dict:
    return {"sqlite_where": sa.text(condition), "postgresql_where": sa.text(condition)}


def _swap(table: str, name: str, columns: list[str], **options) -> None:
    """Drop index name and create it again over columns with options (e.g. a WHERE)."""
    with op.batch_alter_table(table) as batch:
        batch.drop_index(name)
        batch.create_index(name, columns, **options)


def upgrade() -> None:
    for table, name, _columns in REPLACED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(name)
    for table, name, columns in LIVE:
        with op.batch_alter_table(table) as batch:
            # deleted_at last: SQLite 3.40 counts a partial index as covering only with it.
            batch.create_index(name, [*columns, "deleted_at"], **_where("deleted_at IS NULL"))
    for table in SOFT_DELETED:
        _swap(table, f"ix_{table}_deleted_at", ["deleted_at"], **_where("deleted_at IS NOT NULL"))
    _swap("need", "ix_need_confidential", ["confidential"], **CONFIDENTIAL_WHERE)
    for column in FOLLOWUP_TARGETS:
        _swap("followup", f"ix_followup_{column}", [column], **_where(f"{column} IS NOT NULL"))
    op.execute("ANALYZE")


def downgrade() -> None:
    for column in FOLLOWUP_TARGETS:
        _swap("followup", f"ix_followup_{column}", [column])
    _swap("need", "ix_need_confidential", ["confidential"])
    for table in SOFT_DELETED:
        _swap(table, f"ix_{table}_deleted_at", ["deleted_at"])
    for table, name, _columns in reversed(LIVE):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(name)
    for table, name, columns in REPLACED:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, columns)
