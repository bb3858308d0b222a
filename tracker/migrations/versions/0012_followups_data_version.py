"""A data version for the follow-ups: each user's nav badge (open and new follow-ups) is kept
until a follow-up changes, instead of being counted on every page (tracker.datacache).

The row is added here, as in 0011, so that writers only ever update it.

Revision ID: 0012_followups_data_version
Revises: 0011_data_version
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_followups_data_version"
down_revision = "0011_data_version"
branch_labels = None
depends_on = None

_DATA_VERSION = sa.table("data_version", sa.column("scope", sa.String), sa.column("counter"))


def upgrade():
    op.bulk_insert(_DATA_VERSION, [{"scope": "followups", "counter": 0}])


def downgrade():
    op.execute(_DATA_VERSION.delete().where(_DATA_VERSION.c.scope == "followups"))
