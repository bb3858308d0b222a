"""Soft delete: deleted_at and deleted_by_id on the main records.

Revision ID: 0004_soft_delete
Revises: 0003_need_confidential
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_soft_delete"
down_revision = "0003_need_confidential"
branch_labels = None
depends_on = None

TABLES = ("delegation", "organisation", "person", "need", "followup", "match", "talk")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
            batch_op.add_column(sa.Column("deleted_by_id", sa.Integer(), nullable=True))
            batch_op.create_index(f"ix_{table}_deleted_at", ["deleted_at"], unique=False)
            batch_op.create_foreign_key(
                f"fk_{table}_deleted_by_id_user", "user", ["deleted_by_id"], ["id"],
                ondelete="SET NULL",
            )  # fmt: skip


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_deleted_by_id_user", type_="foreignkey")
            batch_op.drop_index(f"ix_{table}_deleted_at")
            batch_op.drop_column("deleted_by_id")
            batch_op.drop_column("deleted_at")
