"""Each need's count of open follow-ups, kept on every write of a follow-up
(tracker.needs.open_followups), so the report counts the active needs without one from an index.

Revision ID: 0024_open_followups
Revises: 0023_projects
"""

import sqlalchemy as sa
from alembic import op

revision = "0024_open_followups"
down_revision = "0023_projects"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")


def upgrade():
    with op.batch_alter_table("need") as batch_op:
        batch_op.add_column(
            sa.Column("open_followups", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
    op.execute(
        "UPDATE need SET open_followups = (SELECT count(followup.id) FROM followup"
        " WHERE followup.need_id = need.id AND followup.status = 'open'"
        " AND followup.deleted_at IS NULL)"
    )
    op.create_index("ix_need_live_stage_open_followups", "need",
                    ["stage", "open_followups", "deleted_at"], sqlite_where=LIVE,
                    postgresql_where=LIVE)  # fmt: skip


def downgrade():
    op.drop_index("ix_need_live_stage_open_followups", table_name="need")
    with op.batch_alter_table("need") as batch_op:
        batch_op.drop_column("open_followups")
