"""The TOTP secret being enrolled is kept on the user row, no longer in the session cookie,
which the browser can read (issue 19).

Revision ID: 0015_totp_pending_secret
Revises: 0014_meeting_soft_delete
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_totp_pending_secret"
down_revision = "0014_meeting_soft_delete"
branch_labels = None
depends_on = None


# Not in batch mode: on SQLite a batch copy of the user table would drop the old one, and with
# foreign keys on, that first runs every ON DELETE action pointing at users (recovery codes
# deleted, owners and assignees cleared). SQLite 3.35+ adds and drops a plain column in place.


def upgrade():
    op.add_column("user", sa.Column("totp_pending_secret", sa.String(length=64), nullable=True))


def downgrade():
    op.drop_column("user", "totp_pending_secret")
