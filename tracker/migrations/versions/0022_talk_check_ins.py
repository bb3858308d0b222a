"""After the matchmaking day: the check-ins on a held talk three and six months later (each a
follow-up for the need's owner) and their answers.

Revision ID: 0022_talk_check_ins
Revises: 0021_matchmaking_day
"""

import sqlalchemy as sa
from alembic import op

revision = "0022_talk_check_ins"
down_revision = "0021_matchmaking_day"
branch_labels = None
depends_on = None


def upgrade():
    answer = sa.Enum("no_contact", "in_contact", "negotiating", "agreement", name="checkinanswer",
                     native_enum=False, create_constraint=True, length=32)  # fmt: skip
    op.create_table("talk_check_in",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("talk_request_id", sa.Integer(), nullable=False),
    sa.Column("followup_id", sa.Integer(), nullable=False),
    sa.Column("months", sa.Integer(), nullable=False),
    sa.Column("answer", answer, nullable=True),
    sa.Column("answered_at", sa.DateTime(), nullable=True),
    sa.Column("answered_by_id", sa.Integer(), nullable=True),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["answered_by_id"], ["user.id"],
                            name=op.f("fk_talk_check_in_answered_by_id_user")),
    sa.ForeignKeyConstraint(["followup_id"], ["followup.id"], ondelete="CASCADE",
                            name=op.f("fk_talk_check_in_followup_id_followup")),
    sa.ForeignKeyConstraint(["talk_request_id"], ["talk_request.id"], ondelete="CASCADE",
                            name=op.f("fk_talk_check_in_talk_request_id_talk_request")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_check_in")),
    sa.UniqueConstraint("followup_id", name=op.f("uq_talk_check_in_followup_id")),
    sa.UniqueConstraint("talk_request_id", "months", name=op.f("uq_talk_check_in_talk_request_id")),
    )  # fmt: skip
    op.create_index(op.f("ix_talk_check_in_talk_request_id"), "talk_check_in", ["talk_request_id"])


def downgrade():
    op.drop_index(op.f("ix_talk_check_in_talk_request_id"), table_name="talk_check_in")
    op.drop_table("talk_check_in")
