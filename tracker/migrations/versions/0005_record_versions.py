"""Every record with an edit form gets a version counter (optimistic locking), like needs and
follow-ups already have: a save from a form loaded on an older version is refused.

Existing rows start at version 1 (server default), the version a freshly loaded form carries.

Revision ID: 0005_record_versions
Revises: 0004_soft_delete
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_record_versions"
down_revision = "0004_soft_delete"
branch_labels = None
depends_on = None

# The tables of tracker.models.base.VersionedMixin (need and followup had a version already).
TABLES = (
    "delegation",
    "organisation",
    "person",
    "meeting",
    "talk",
    "match",
    "local_offer",
    "synonym_group",
    "user",
    "topic",
    "key_industry",
    "need_category",
    "lost_reason",
)


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )


def downgrade():
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
