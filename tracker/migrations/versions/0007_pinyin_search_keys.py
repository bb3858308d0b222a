"""Recompute the search keys so that Chinese names are also found by their pinyin.

The keys are the app's own derived data (tracker.text.search_key), so this migration uses the
app's function: keys written after it and keys recomputed here must be identical.

Revision ID: 0007_pinyin_search_keys
Revises: 0006_user_language
"""

import sqlalchemy as sa
from alembic import op

from tracker.text import search_key

revision = "0007_pinyin_search_keys"
down_revision = "0006_user_language"
branch_labels = None
depends_on = None

# table -> the columns its model folds into search_key (see each model's refresh_keys).
KEYED_COLUMNS = {
    "delegation": ("title", "origin_region", "host"),
    "need": ("title",),
    "person": ("full_name", "name_other_script", "email"),
    "organisation": ("name", "name_de", "name_en", "name_zh", "city"),
    "organisation_alias": ("name",),
}


def _recompute() -> None:
    connection = op.get_bind()
    for table_name, columns in KEYED_COLUMNS.items():
        table = sa.table(table_name, sa.column("id"), sa.column("search_key"),
                         *(sa.column(c) for c in columns))  # fmt: skip
        rows = connection.execute(sa.select(table.c.id, *(table.c[c] for c in columns))).all()
        for row in rows:
            key = search_key(*row[1:])
            connection.execute(table.update().where(table.c.id == row[0]).values(search_key=key))


def upgrade():
    _recompute()


def downgrade():
    # The keys with pinyin still find everything the old keys found; nothing to undo.
    pass
