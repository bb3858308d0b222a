"""Meetings are deleted softly, like every other record: deleted_at and who deleted, and the
partial index over the deleted rows that the Deleted items page and the purge read (issue 19).

Revision ID: 0014_meeting_soft_delete
Revises: 0013_matchmaking_relevance
"""

from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0014_meeting_soft_delete"
down_revision = "0013_matchmaking_relevance"
branch_labels = None
depends_on = None

DELETED = {
    "sqlite_where": sa.text("deleted_at IS NOT NULL"),
    "postgresql_where": sa.text("deleted_at IS NOT NULL"),
}
# What refers to a meeting: participants, staff and topics (ON DELETE CASCADE), and the needs
# raised in it (ON DELETE SET NULL).
LINKS = [
    sa.table("meeting_person", sa.column("meeting_id"), sa.column("person_id")),
    sa.table("meeting_staff", sa.column("meeting_id"), sa.column("user_id")),
    sa.table("meeting_topic", sa.column("meeting_id"), sa.column("topic_id")),
]
_NEED = sa.table("need", sa.column("id"), sa.column("meeting_id"))


@contextmanager
def _references_kept():
    """Put back what refers to meetings after SQLite's batch copy of the table.

    The copy drops the old table, and with foreign keys on, SQLite's DROP TABLE first deletes
    its rows and runs their ON DELETE actions: every participant list would be emptied and
    every need unlinked from its meeting. PRAGMA foreign_keys cannot be switched off inside
    the upgrade's transaction, so the rows are read before and written back after.
    """
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        yield
        return
    kept = {link: [row._asdict() for row in bind.execute(sa.select(link))] for link in LINKS}
    raised = bind.execute(
        sa.select(_NEED.c.id, _NEED.c.meeting_id).where(_NEED.c.meeting_id.is_not(None))
    ).all()
    yield
    for link, rows in kept.items():
        bind.execute(link.delete())
        if rows:
            bind.execute(link.insert(), rows)
    if raised:
        bind.execute(
            _NEED.update()
            .where(_NEED.c.id == sa.bindparam("need_id"))
            .values(meeting_id=sa.bindparam("raised_in")),
            [{"need_id": need_id, "raised_in": meeting_id} for need_id, meeting_id in raised],
        )


def upgrade() -> None:
    with _references_kept(), op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("deleted_by_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_meeting_deleted_at", ["deleted_at"], unique=False, **DELETED)
        batch_op.create_foreign_key(
            "fk_meeting_deleted_by_id_user", "user", ["deleted_by_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with _references_kept(), op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint("fk_meeting_deleted_by_id_user", type_="foreignkey")
        batch_op.drop_index("ix_meeting_deleted_at")
        batch_op.drop_column("deleted_by_id")
        batch_op.drop_column("deleted_at")
