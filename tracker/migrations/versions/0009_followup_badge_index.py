"""Counts on every page, the dashboard, the team and vocabularies pages, read from indexes alone.

The top bar counts the user's open follow-ups and how many are unseen on every request; my
follow-ups counts its groups by due date; the team page counts each colleague's open and overdue
follow-ups. The index on (assignee_id, status, due_date) found those rows but read each one from
the table for deleted_at and seen_by_assignee: several milliseconds per page for a busy
colleague, 0.9 s for the team page at 300,000 follow-ups. The vocabularies page counts the live
needs and organisations using each term: 0.25 s without deleted_at in the index. The dashboard
and the organisations list count and group organisations by side and country.

Revision ID: 0009_followup_badge_index
Revises: 0008_performance_indexes
"""

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


def upgrade() -> None:
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, columns)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(name)
