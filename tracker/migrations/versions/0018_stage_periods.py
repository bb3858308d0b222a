"""Stage periods kept on write for the pipeline report (issue 21): each stage change records
when the need's next change came, the days between and whether it first entered its stage,
each need the furthest stage its history reached, so that the report reads time in stage and conversion from indexes instead of walking
and sorting the whole history. Backfilled from the history by the same rules as
tracker.needs.periods.

Revision ID: 0018_stage_periods
Revises: 0017_default_exchange_rates
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_stage_periods"
down_revision = "0017_default_exchange_rates"
branch_labels = None
depends_on = None

REACH_ORDER = ("new", "qualified", "matching", "talks", "negotiation", "won")

LEFT_AT = """
UPDATE stage_change SET left_at = (
    SELECT n.changed_at FROM stage_change AS n
    WHERE n.need_id = stage_change.need_id
      AND (n.changed_at, n.id) > (stage_change.changed_at, stage_change.id)
    ORDER BY n.changed_at, n.id LIMIT 1),
  first_in_stage = NOT EXISTS (
    SELECT 1 FROM stage_change AS e
    WHERE e.need_id = stage_change.need_id AND e.to_stage = stage_change.to_stage
      AND (e.changed_at, e.id) < (stage_change.changed_at, stage_change.id))
"""
DAYS = {
    "sqlite": "UPDATE stage_change SET days = julianday(left_at) - julianday(changed_at)",
    "postgresql": "UPDATE stage_change"
    " SET days = EXTRACT(EPOCH FROM (left_at - changed_at)) / 86400.0",
}


def _reach():
    """UPDATE need SET history_reach = the furthest stage its history reached (-1: none)."""
    need = sa.table("need", sa.column("id"), sa.column("history_reach"))
    change = sa.table("stage_change", sa.column("need_id"), sa.column("to_stage"))
    rank = sa.case({stage: i for i, stage in enumerate(REACH_ORDER)}, value=change.c.to_stage,
                   else_=-1)  # fmt: skip
    furthest = sa.select(sa.func.max(rank)).where(change.c.need_id == need.c.id)
    return sa.update(need).values(
        history_reach=sa.func.coalesce(furthest.scalar_subquery(), -1)
    )


def upgrade():
    # Plain ADD COLUMN, never a batch copy: on SQLite a batch rebuild drops the old need table,
    # and with foreign keys on that deletes every stage change (ON DELETE CASCADE).
    op.add_column("stage_change", sa.Column("left_at", sa.DateTime(), nullable=True))
    op.add_column("stage_change", sa.Column("days", sa.Double(), nullable=True))
    op.add_column(
        "stage_change",
        sa.Column("first_in_stage", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column(
        "need",
        sa.Column("history_reach", sa.Integer(), server_default=sa.text("-1"), nullable=False),
    )
    op.execute(LEFT_AT)
    op.execute(DAYS[op.get_bind().dialect.name])
    op.execute(_reach())
    for name, columns, where in (
        ("ix_stage_change_ended_days", ["to_stage", "days", "need_id"], "days IS NOT NULL"),
        ("ix_stage_change_current", ["to_stage", "changed_at", "need_id", "left_at"],
         "left_at IS NULL"),
    ):  # fmt: skip
        op.create_index(name, "stage_change", columns, sqlite_where=sa.text(where),
                        postgresql_where=sa.text(where))  # fmt: skip
    op.create_index("ix_stage_change_to_stage_first", "stage_change",
                    ["to_stage", "first_in_stage", "need_id"])  # fmt: skip
    op.create_index("ix_need_live_stage_reach", "need", ["stage", "history_reach", "deleted_at"],
                    sqlite_where=sa.text("deleted_at IS NULL"),
                    postgresql_where=sa.text("deleted_at IS NULL"))  # fmt: skip


def downgrade():
    op.drop_index("ix_need_live_stage_reach", table_name="need")
    op.drop_index("ix_stage_change_to_stage_first", table_name="stage_change")
    op.drop_index("ix_stage_change_current", table_name="stage_change")
    op.drop_index("ix_stage_change_ended_days", table_name="stage_change")
    # Plain DROP COLUMN (SQLite 3.35+), never a batch copy: see upgrade.
    op.drop_column("need", "history_reach")
    for column in ("first_in_stage", "days", "left_at"):
        op.drop_column("stage_change", column)
