"""Counts on every page, the dashboard, the team and vocabularies pages, read from indexes alone.

The top bar counts the user's open follow-ups and how many are unseen on every request; my
follow-ups counts its groups by due date; the team page counts each colleague's open and overdue
follow-ups. The index on (assignee_id, status, due_date) found those rows but read each one from
the table for deleted_at and seen_by_assignee: several milliseconds per page for a busy
colleague, 0.9 s for the team page at 300,000 follow-ups. The vocabularies page counts the live
needs and organisations using each term: 0.25 s without deleted_at in the index. The dashboard
and the organisations list count and group organisations by side and country.

Two indexes become partial. deleted_at is indexed only where set (the Deleted items page and
the purge look for those few rows): a full index made SQLite's planner, lacking statistics,
take every list's "deleted_at IS NULL" for a selective lookup and read whole tables through
it. ix_need_confidential covers only the few confidential needs, so the confidentiality rule
stays a lookup once the planner has statistics; likewise the follow-ups' organisation_id and
delegation_id, empty on most rows (those about a need), which statistics counted as one key
holding most of the table. Last, ANALYZE gives both engines statistics
(the app keeps SQLite's current with PRAGMA optimize; PostgreSQL's autovacuum does it there).

Revision ID: 0009_followup_badge_index
Revises: 0008_performance_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_followup_badge_index"
down_revision = "0008_performance_indexes"
branch_labels = None
depends_on = None

# (table, index name, columns)
INDEXES = [
    (
        "followup",
        "ix_followup_assignee_status_seen",
        ["assignee_id", "status", "deleted_at", "due_date", "seen_by_assignee"],
    ),
    ("need", "ix_need_key_industry_id_deleted_at", ["key_industry_id", "deleted_at"]),
    ("need", "ix_need_category_id_deleted_at", ["category_id", "deleted_at"]),
    (
        "organisation",
        "ix_organisation_key_industry_id_deleted_at",
        ["key_industry_id", "deleted_at"],
    ),
    # The dashboard counts visiting and local organisations, the need page's suggestions check
    # whether the partners changed, the organisations list offers the countries in use: each
    # read the whole table without these.
    (
        "organisation",
        "ix_organisation_is_local_deleted_at",
        ["is_local", "deleted_at", "updated_at"],
    ),
    ("organisation", "ix_organisation_deleted_at_country", ["deleted_at", "country"]),
]


FOLLOWUP_TARGETS = ["organisation_id", "delegation_id"]
SOFT_DELETED = ["delegation", "organisation", "person", "need", "followup", "match", "talk"]
CONFIDENTIAL_WHERE = {"sqlite_where": sa.text("confidential IS 1"),
                      "postgresql_where": sa.text("confidential IS true")}  # fmt: skip


def _where(condition: str) -> dict:
    return {"sqlite_where": sa.text(condition), "postgresql_where": sa.text(condition)}


def upgrade() -> None:
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, columns)
    for table in SOFT_DELETED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_deleted_at")
            batch.create_index(
                f"ix_{table}_deleted_at", ["deleted_at"], **_where("deleted_at IS NOT NULL")
            )
    with op.batch_alter_table("need") as batch:
        batch.drop_index("ix_need_confidential")
        batch.create_index("ix_need_confidential", ["confidential"], **CONFIDENTIAL_WHERE)
    with op.batch_alter_table("followup") as batch:
        for column in FOLLOWUP_TARGETS:
            batch.drop_index(f"ix_followup_{column}")
            batch.create_index(f"ix_followup_{column}", [column], **_where(f"{column} IS NOT NULL"))
    op.execute("ANALYZE")


def downgrade() -> None:
    with op.batch_alter_table("followup") as batch:
        for column in FOLLOWUP_TARGETS:
            batch.drop_index(f"ix_followup_{column}")
            batch.create_index(f"ix_followup_{column}", [column])
    with op.batch_alter_table("need") as batch:
        batch.drop_index("ix_need_confidential")
        batch.create_index("ix_need_confidential", ["confidential"])
    for table in SOFT_DELETED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_deleted_at")
            batch.create_index(f"ix_{table}_deleted_at", ["deleted_at"])
    for table, name, _columns in reversed(INDEXES):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(name)
