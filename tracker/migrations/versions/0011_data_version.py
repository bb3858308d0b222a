"""Data versions: a counter per kind of cached figures (the pipeline report and board, the
dashboard's counts), raised in the transaction of every change to the data behind them
(tracker.datacache).

The rows are added here, so that writers only ever update them.

Revision ID: 0011_data_version
Revises: 0010_report_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_data_version"
down_revision = "0010_report_indexes"
branch_labels = None
depends_on = None

# The scopes of tracker.datacache.SCOPES when this migration was written (a migration must not
# import app code); a scope added later gets its row from the first change to its data.
SCOPES = ("pipeline", "dashboard")


def upgrade():
    table = op.create_table(
        "data_version",
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("counter", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_data_version")),
    )
    op.bulk_insert(table, [{"scope": scope, "counter": 0} for scope in SCOPES])


def downgrade():
    op.drop_table("data_version")
