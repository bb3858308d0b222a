"""The matchmaking day (issue 23): a delegation's sessions of one-to-one talks, their days,
breaks, tables, interpreters and availability blocks, the talk requests the solver places, and
the languages staff speak.

Revision ID: 0021_matchmaking_day
Revises: 0020_webhooks
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_matchmaking_day"
down_revision = "0020_webhooks"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str | None = None):
    """A foreign key to target.id, named by the models' naming convention."""
    name = op.f(f"fk_{table}_{column}_{target}")
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=name, ondelete=ondelete)


def _enum(*values: str, name: str) -> sa.Enum:
    """A portable string enum (VARCHAR plus CHECK), as tracker.models.base.enum_column."""
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade():
    op.create_table("matchmaking_session",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("delegation_id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=200), nullable=False),
    sa.Column("slot_minutes", sa.Integer(), nullable=False),
    sa.Column("timezone", sa.String(length=64), nullable=False),
    sa.Column("max_talks_per_day", sa.Integer(), nullable=False),
    sa.Column("status", _enum("draft", "published", name="sessionstatus"), nullable=False),
    sa.Column("last_solve", sa.String(length=300), nullable=True),
    sa.Column("created_by_id", sa.Integer(), nullable=True),
    sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.Column("deleted_by_id", sa.Integer(), nullable=True),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    _fk("matchmaking_session", "created_by_id", "user"),
    _fk("matchmaking_session", "delegation_id", "delegation", "CASCADE"),
    _fk("matchmaking_session", "deleted_by_id", "user", "SET NULL"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_matchmaking_session"))
    )  # fmt: skip
    op.create_index(
        op.f("ix_matchmaking_session_delegation_id"), "matchmaking_session", ["delegation_id"]
    )
    op.create_index(
        "ix_matchmaking_session_deleted_at",
        "matchmaking_session",
        ["deleted_at"],
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.create_table("interpreter",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("session_id", sa.Integer(), nullable=False),
    sa.Column("user_id", sa.Integer(), nullable=True),
    sa.Column("name", sa.String(length=200), nullable=False),
    sa.Column("pairs", sa.String(length=120), nullable=False),
    sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    _fk("interpreter", "session_id", "matchmaking_session", "CASCADE"),
    _fk("interpreter", "user_id", "user", "SET NULL"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_interpreter"))
    )  # fmt: skip
    op.create_index(op.f("ix_interpreter_session_id"), "interpreter", ["session_id"])
    op.create_index(op.f("ix_interpreter_user_id"), "interpreter", ["user_id"])
    op.create_table("session_break",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("session_id", sa.Integer(), nullable=False),
    sa.Column("label", sa.String(length=100), nullable=False),
    sa.Column("starts", sa.Time(), nullable=False),
    sa.Column("ends", sa.Time(), nullable=False),
    _fk("session_break", "session_id", "matchmaking_session", "CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_session_break"))
    )  # fmt: skip
    op.create_index(op.f("ix_session_break_session_id"), "session_break", ["session_id"])
    op.create_table("session_day",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("session_id", sa.Integer(), nullable=False),
    sa.Column("day", sa.Date(), nullable=False),
    sa.Column("starts", sa.Time(), nullable=False),
    sa.Column("ends", sa.Time(), nullable=False),
    _fk("session_day", "session_id", "matchmaking_session", "CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_session_day")),
    sa.UniqueConstraint("session_id", "day", name=op.f("uq_session_day_session_id"))
    )  # fmt: skip
    op.create_table("session_table",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("session_id", sa.Integer(), nullable=False),
    sa.Column("name", sa.String(length=100), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("capacity", sa.Integer(), nullable=False),
    sa.Column("host_id", sa.Integer(), nullable=True),
    sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    _fk("session_table", "host_id", "user", "SET NULL"),
    _fk("session_table", "session_id", "matchmaking_session", "CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_session_table"))
    )  # fmt: skip
    op.create_index(op.f("ix_session_table_host_id"), "session_table", ["host_id"])
    op.create_index(op.f("ix_session_table_session_id"), "session_table", ["session_id"])
    op.create_table("availability_block",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("session_id", sa.Integer(), nullable=False),
    sa.Column("person_id", sa.Integer(), nullable=True),
    sa.Column("interpreter_id", sa.Integer(), nullable=True),
    sa.Column("table_id", sa.Integer(), nullable=True),
    sa.Column("starts_at", sa.DateTime(), nullable=False),
    sa.Column("ends_at", sa.DateTime(), nullable=False),
    sa.Column("reason", sa.String(length=200), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    _fk("availability_block", "interpreter_id", "interpreter", "CASCADE"),
    _fk("availability_block", "person_id", "person", "CASCADE"),
    _fk("availability_block", "session_id", "matchmaking_session", "CASCADE"),
    _fk("availability_block", "table_id", "session_table", "CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_availability_block"))
    )  # fmt: skip
    op.create_index(
        op.f("ix_availability_block_interpreter_id"), "availability_block", ["interpreter_id"]
    )
    op.create_index(op.f("ix_availability_block_person_id"), "availability_block", ["person_id"])
    op.create_index(op.f("ix_availability_block_session_id"), "availability_block", ["session_id"])
    op.create_index(op.f("ix_availability_block_table_id"), "availability_block", ["table_id"])
    op.create_table("talk_request",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("session_id", sa.Integer(), nullable=False),
    sa.Column("match_id", sa.Integer(), nullable=True),
    sa.Column("need_id", sa.Integer(), nullable=True),
    sa.Column("title", sa.String(length=200), nullable=False),
    sa.Column("priority", _enum("must", "should", "could", name="requestpriority"), nullable=False),
    sa.Column("status", _enum("requested", "scheduled", "held", "no_show",
                              name="requeststatus"), nullable=False),
    sa.Column("starts_at", sa.DateTime(), nullable=True),
    sa.Column("table_id", sa.Integer(), nullable=True),
    sa.Column("interpreter_id", sa.Integer(), nullable=True),
    sa.Column("locked", sa.Boolean(), nullable=False),
    sa.Column("unplaced_reason", sa.Text(), nullable=True),
    sa.Column("talk_id", sa.Integer(), nullable=True),
    sa.Column("created_by_id", sa.Integer(), nullable=True),
    sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.Column("deleted_by_id", sa.Integer(), nullable=True),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    _fk("talk_request", "created_by_id", "user"),
    _fk("talk_request", "deleted_by_id", "user", "SET NULL"),
    _fk("talk_request", "interpreter_id", "interpreter", "SET NULL"),
    _fk("talk_request", "match_id", "match", "SET NULL"),
    _fk("talk_request", "need_id", "need", "SET NULL"),
    _fk("talk_request", "session_id", "matchmaking_session", "CASCADE"),
    _fk("talk_request", "table_id", "session_table", "SET NULL"),
    _fk("talk_request", "talk_id", "talk", "SET NULL"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_request"))
    )  # fmt: skip
    op.create_index(
        "ix_talk_request_deleted_at",
        "talk_request",
        ["deleted_at"],
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
        postgresql_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.create_index(op.f("ix_talk_request_interpreter_id"), "talk_request", ["interpreter_id"])
    op.create_index(op.f("ix_talk_request_match_id"), "talk_request", ["match_id"])
    op.create_index(op.f("ix_talk_request_need_id"), "talk_request", ["need_id"])
    op.create_index("ix_talk_request_session_status", "talk_request", ["session_id", "status"])
    op.create_index(op.f("ix_talk_request_table_id"), "talk_request", ["table_id"])
    op.create_index(op.f("ix_talk_request_talk_id"), "talk_request", ["talk_id"])
    op.create_table("talk_request_partner",
    sa.Column("talk_request_id", sa.Integer(), nullable=False),
    sa.Column("person_id", sa.Integer(), nullable=False),
    _fk("talk_request_partner", "person_id", "person", "CASCADE"),
    _fk("talk_request_partner", "talk_request_id", "talk_request", "CASCADE"),
    sa.PrimaryKeyConstraint("talk_request_id", "person_id", name=op.f("pk_talk_request_partner"))
    )  # fmt: skip
    op.create_index(
        op.f("ix_talk_request_partner_person_id"), "talk_request_partner", ["person_id"]
    )
    op.create_table("talk_request_visitor",
    sa.Column("talk_request_id", sa.Integer(), nullable=False),
    sa.Column("person_id", sa.Integer(), nullable=False),
    _fk("talk_request_visitor", "person_id", "person", "CASCADE"),
    _fk("talk_request_visitor", "talk_request_id", "talk_request", "CASCADE"),
    sa.PrimaryKeyConstraint("talk_request_id", "person_id", name=op.f("pk_talk_request_visitor"))
    )  # fmt: skip
    op.create_index(
        op.f("ix_talk_request_visitor_person_id"), "talk_request_visitor", ["person_id"]
    )

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("languages", sa.String(length=120), nullable=True))


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("languages")
    for table in (
        "talk_request_visitor", "talk_request_partner", "talk_request", "availability_block",
        "session_table", "session_day", "session_break", "interpreter", "matchmaking_session",
    ):  # fmt: skip
        op.drop_table(table)
