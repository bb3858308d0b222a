"""Seed the managed vocabularies every installation starts with.

Topics, the district's key industries, need categories and lost reasons; managers can edit them
afterwards. The rows are literal here (not imported from the app) so the migration never changes.

Revision ID: 0002_reference_vocabularies
Revises: 0001_initial_schema
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002_reference_vocabularies"
down_revision = "0001_initial_schema"
branch_labels = None
depends_on = None

TOPICS = [
    ("AI and robotics", "KI und Robotik", "人工智能与机器人"),
    ("Industrial innovation cooperation", "Industrielle Innovationszusammenarbeit", "产业创新合作"),
    ("Global supply chains", "Globale Lieferketten", "全球供应链"),
    ("Investment promotion", "Investitionsförderung", "投资促进"),
]
KEY_INDUSTRIES = [
    ("Cruise tourism", "Kreuzfahrttourismus", "邮轮旅游"),
    ("Green and low-carbon technology", "Grüne und kohlenstoffarme Technologien", "绿色低碳"),
    ("Robotics and high-end manufacturing", "Robotik und High-End-Fertigung", "机器人及高端制造"),
    ("Biopharma and synthetic biology", "Biopharmazie und synthetische Biologie", "生物医药与合成生物"),
    ("New materials", "Neue Materialien", "新材料"),
    ("Next-generation information technology", "Informationstechnik der neuen Generation", "新一代信息技术"),
    ("Automotive parts", "Automobilteile", "汽车零部件"),
]
NEED_CATEGORIES = [
    ("Establishment and investment", "Ansiedlung und Investition", "落户与投资"),
    ("Local partner search", "Suche nach lokalen Partnern", "寻找本地合作伙伴"),
    ("Supply chain and sourcing", "Lieferkette und Beschaffung", "供应链与采购"),
    ("Talent and recruitment", "Fachkräfte und Rekrutierung", "人才与招聘"),
    ("Industrial land and space", "Gewerbeflächen und Räume", "产业用地与空间"),
    ("Policy and subsidies", "Förderpolitik und Zuschüsse", "政策与补贴"),
    ("R&D cooperation", "F&E-Kooperation", "研发合作"),
    ("Market access and regulation", "Marktzugang und Regulierung", "市场准入与监管"),
    ("Other", "Sonstiges", "其他"),
]
LOST_REASONS = [
    ("Chose another location", "Anderen Standort gewählt", "选择了其他地点", False),
    ("No budget", "Kein Budget", "没有预算", False),
    ("No response", "Keine Rückmeldung", "没有回应", False),
    ("Not a fit", "Passt nicht", "不匹配", False),
    ("Other", "Sonstiges", "其他", True),
]


def _table(name: str, *extra: sa.Column) -> sa.Table:
    return sa.table(
        name,
        sa.column("name", sa.String),
        sa.column("name_de", sa.String),
        sa.column("name_zh", sa.String),
        sa.column("position", sa.Integer),
        sa.column("active", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        *extra,
    )


def _rows(terms, **extra) -> list[dict]:
    now = datetime.now(UTC).replace(tzinfo=None)
    return [
        {"name": t[0], "name_de": t[1], "name_zh": t[2], "position": i, "active": True,
         "created_at": now, "updated_at": now, **{k: f(t) for k, f in extra.items()}}
        for i, t in enumerate(terms)
    ]  # fmt: skip


def upgrade():
    op.bulk_insert(_table("topic"), _rows(TOPICS))
    op.bulk_insert(_table("key_industry"), _rows(KEY_INDUSTRIES))
    op.bulk_insert(_table("need_category"), _rows(NEED_CATEGORIES))
    op.bulk_insert(
        _table("lost_reason", sa.column("needs_text", sa.Boolean)),
        _rows(LOST_REASONS, needs_text=lambda t: t[3]),
    )


def downgrade():
    for name, terms in (("lost_reason", LOST_REASONS), ("need_category", NEED_CATEGORIES),
                        ("key_industry", KEY_INDUSTRIES), ("topic", TOPICS)):
        table = sa.table(name, sa.column("name", sa.String))
        op.execute(table.delete().where(table.c.name.in_([t[0] for t in terms])))
