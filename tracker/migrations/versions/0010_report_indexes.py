"""Indexes for the pipeline report at a commission's scale (issue 10).

The report counts live needs per delegation, owner, and stage and currency (with the money
table's sums and the lost reasons), open follow-ups per assignee and per need, follow-ups done
per month, and reads each need's stage history in order. Each count now reads one narrow index
over the live rows (as in 0009) instead of the table: the key first, so that a filtered report
still finds its few needs by it; deleted_at last, because SQLite 3.40 takes a partial index for
covering only when it holds every column the query names. The open follow-ups per assignee
index also covers the top bar's badge, counted on every page. The history index gains id and
to_stage, so that the time spent in each stage is read from it alone; to_stage's index gains
need_id for the needs per stage; the old done-per-month index becomes a live one. Last,
ANALYZE, as in 0009: without statistics SQLite's planner cannot tell these indexes apart.

Revision ID: 0010_report_indexes
Revises: 0009_followup_badge_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_report_indexes"
down_revision = "0009_followup_badge_index"
branch_labels = None
depends_on = None

LIVE_ONLY = {
    "sqlite_where": sa.text("deleted_at IS NULL"),
    "postgresql_where": sa.text("deleted_at IS NULL"),
}
# (table, index name, columns): replaced by the indexes below.
REPLACED = [
    ("followup", "ix_followup_status_completed_at", ["status", "completed_at"]),
    ("stage_change", "ix_stage_change_need_at", ["need_id", "changed_at"]),
    ("stage_change", "ix_stage_change_to_stage", ["to_stage"]),
]
# Partial indexes over the live rows (table, name, columns); deleted_at is added last.
LIVE = [
    ("need", "ix_need_live_delegation_id", ["delegation_id"]),
    ("need", "ix_need_live_owner_id", ["owner_id"]),
    (
        "need",
        "ix_need_live_stage_currency",
        ["stage", "currency", "estimated_investment", "expected_jobs", "lost_reason_id"],
    ),
    ("followup", "ix_followup_live_status_completed_at", ["status", "completed_at", "need_id"]),
    ("followup", "ix_followup_live_status_need", ["status", "need_id", "due_date", "assignee_id"]),
    (
        "followup",
        "ix_followup_live_status_assignee",
        ["status", "assignee_id", "due_date", "need_id", "seen_by_assignee"],
    ),
]
HISTORY = [
    ("stage_change", "ix_stage_change_need_at", ["need_id", "changed_at", "id", "to_stage"]),
    ("stage_change", "ix_stage_change_to_stage_need_id", ["to_stage", "need_id"]),
]


def upgrade() -> None:
    for table, name, _columns in REPLACED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(name)
    for table, name, columns in LIVE:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, [*columns, "deleted_at"], **LIVE_ONLY)
    for table, name, columns in HISTORY:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, columns)
    op.execute("ANALYZE")


def downgrade() -> None:
    for table, name, _columns in reversed(HISTORY + LIVE):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(name)
    for table, name, columns in REPLACED:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, columns)
