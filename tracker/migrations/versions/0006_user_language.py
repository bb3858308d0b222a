"""Users' interface language: user.locale becomes user.language (zh, de, en; NULL = browser).

The column already held the preferred language; renaming it keeps every saved choice.

Revision ID: 0006_user_language
Revises: 0005_record_versions
"""

from alembic import op

revision = "0006_user_language"
down_revision = "0005_record_versions"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column("locale", new_column_name="language")


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.alter_column("language", new_column_name="locale")
