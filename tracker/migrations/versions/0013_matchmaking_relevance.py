"""Matchmaking a broker would trust: offer kinds and need categories for what hosts really
offer (services, finance, associations, test sites, pilot customers, market access, housing,
events), and synonym groups that remember the glossary concept they were seeded from.

Revision ID: 0013_matchmaking_relevance
Revises: 0012_followups_data_version
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013_matchmaking_relevance"
down_revision = "0012_followups_data_version"
branch_labels = None
depends_on = None

OLD_KINDS = [
    "factory_space", "office_space", "lab_space", "talent_programme", "subsidy_scheme",
    "supplier_capability", "distribution", "research_cooperation", "other",
]  # fmt: skip
NEW_KINDS = [
    "services", "finance", "association", "test_site", "pilot_customer", "market_access",
    "housing", "events",
]  # fmt: skip
NEED_CATEGORIES = [
    ("Financing and capital", "Finanzierung und Kapital", "融资与资本"),
    ("Professional services", "Dienstleistungen und Beratung", "专业服务"),
    ("Housing and relocation", "Wohnen und Umzug", "住房与安居"),
    ("Test sites and pilot projects", "Testfelder und Pilotprojekte", "测试场景与试点项目"),
    ("Customers and sales", "Kunden und Vertrieb", "客户与销售"),
    ("Events and networking", "Veranstaltungen und Netzwerke", "活动与交流"),
]
_CATEGORY = sa.table(
    "need_category",
    sa.column("name", sa.String),
    sa.column("name_de", sa.String),
    sa.column("name_zh", sa.String),
    sa.column("position", sa.Integer),
    sa.column("active", sa.Boolean),
    sa.column("version", sa.Integer),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)


def _kinds(values: list[str]) -> sa.Enum:
    return sa.Enum(*values, name="offerkind", native_enum=False, create_constraint=True, length=32)


def upgrade():
    with op.batch_alter_table("synonym_group") as batch_op:
        batch_op.add_column(sa.Column("glossary_key", sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_synonym_group_glossary_key"), ["glossary_key"]
        )
    _change_kinds(OLD_KINDS, OLD_KINDS[:-1] + NEW_KINDS + ["other"])
    bind = op.get_bind()
    start = bind.execute(sa.select(sa.func.coalesce(sa.func.max(_CATEGORY.c.position), 0))).scalar()
    now = datetime.now(UTC).replace(tzinfo=None)
    present = set(bind.execute(sa.select(_CATEGORY.c.name)).scalars())
    rows = [
        {"name": en, "name_de": de, "name_zh": zh, "position": start + 1 + i, "active": True,
         "version": 1, "created_at": now, "updated_at": now}
        for i, (en, de, zh) in enumerate(NEED_CATEGORIES) if en not in present
    ]  # fmt: skip
    if rows:
        op.bulk_insert(_CATEGORY, rows)
    # "Other" stays last in the list.
    op.execute(
        _CATEGORY.update()
        .where(_CATEGORY.c.name == "Other")
        .values(position=start + 1 + len(NEED_CATEGORIES))
    )


def downgrade():
    op.execute(
        _CATEGORY.delete().where(_CATEGORY.c.name.in_([c[0] for c in NEED_CATEGORIES]))
    )
    offer = sa.table("local_offer", sa.column("kind", sa.String))
    op.execute(offer.update().where(offer.c.kind.in_(NEW_KINDS)).values(kind="other"))
    _change_kinds(OLD_KINDS[:-1] + NEW_KINDS + ["other"], OLD_KINDS)
    with op.batch_alter_table("synonym_group") as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_synonym_group_glossary_key"), type_="unique")
        batch_op.drop_column("glossary_key")


def _change_kinds(old: list[str], new: list[str]) -> None:
    """Swap the CHECK constraint of local_offer.kind (batch mode rebuilds the table on SQLite)."""
    with op.batch_alter_table("local_offer") as batch_op:
        batch_op.alter_column(
            "kind", existing_type=_kinds(old), type_=_kinds(new), existing_nullable=False
        )
