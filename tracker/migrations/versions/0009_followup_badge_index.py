"""The top bar's follow-up badge, counted from an index alone.

Every page counts the user's open follow-ups and how many are unseen. The index on
(assignee_id, status, due_date) found the rows but had to read each one from the table for
deleted_at and seen_by_assignee: several milliseconds on every request for a busy colleague.

Revision ID: 0009_followup_badge_index
Revises: 0008_performance_indexes
"""

from alembic import op

revision = "0009_followup_badge_index"
down_revision = "0008_performance_indexes"
branch_labels = None
depends_on = None

COLUMNS = ["assignee_id", "status", "deleted_at", "seen_by_assignee"]


def upgrade() -> None:
    with op.batch_alter_table("followup") as batch:
        batch.create_index("ix_followup_assignee_status_seen", COLUMNS)


def downgrade() -> None:
    with op.batch_alter_table("followup") as batch:
        batch.drop_index("ix_followup_assignee_status_seen")
