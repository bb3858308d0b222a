"""Default exchange rates, so the pipeline report shows its CNY totals from the first day
(issue 20): each rate says on which day it was quoted and whether it is a default, which a
manager's own rate replaces. A currency that already has a rate keeps it.

Revision ID: 0017_default_exchange_rates
Revises: 0016_origin_regions
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0017_default_exchange_rates"
down_revision = "0016_origin_regions"
branch_labels = None
depends_on = None

# CNY per unit, approximately the People's Bank of China's central parity rates at the end of
# 2025, rounded: a starting point for the report, meant to be replaced by the commission's own.
# (Needs are recorded in CNY, EUR or USD only: tracker.models.need.Currency.)
QUOTED_ON = date(2025, 12, 31)
DEFAULT_RATES = {"EUR": Decimal("8.25"), "USD": Decimal("7.05")}

_RATE = sa.table(
    "exchange_rate",
    sa.column("currency", sa.String), sa.column("rate_to_cny", sa.Numeric(18, 6)),
    sa.column("effective_on", sa.Date), sa.column("is_default", sa.Boolean),
    sa.column("created_at", sa.DateTime), sa.column("updated_at", sa.DateTime),
)  # fmt: skip


def upgrade():
    op.add_column("exchange_rate", sa.Column("effective_on", sa.Date(), nullable=True))
    op.add_column(
        "exchange_rate",
        sa.Column("is_default", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    bind = op.get_bind()
    have = set(bind.execute(sa.select(_RATE.c.currency)).scalars())
    now = datetime.now(UTC).replace(tzinfo=None)
    missing = [
        {"currency": currency, "rate_to_cny": rate, "effective_on": QUOTED_ON,
         "is_default": True, "created_at": now, "updated_at": now}
        for currency, rate in DEFAULT_RATES.items()
        if currency not in have
    ]  # fmt: skip
    if missing:
        op.bulk_insert(_RATE, missing)


def downgrade():
    op.execute(_RATE.delete().where(_RATE.c.is_default.is_(True)))
    op.drop_column("exchange_rate", "is_default")
    op.drop_column("exchange_rate", "effective_on")
