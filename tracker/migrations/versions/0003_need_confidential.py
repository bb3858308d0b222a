"""Needs may be marked confidential: seen only by their owner, their follow-ups' assignees,
managers and admins.

Revision ID: 0003_need_confidential
Revises: 0002_reference_vocabularies
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_need_confidential"
down_revision = "0002_reference_vocabularies"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confidential", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.drop_column("confidential")
