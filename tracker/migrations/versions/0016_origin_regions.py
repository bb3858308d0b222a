"""Origin regions become a managed vocabulary in English, German and Chinese (issue 20).

Seeds the German and Austrian states, the main Swiss cantons, China's provinces, and the other
countries and regions delegations often come from; every delegation's free-text region moves to
the region with that name in any language (case, accents, spaces and hyphens ignored: "Thüringen",
"thueringen" and "Thuringia" are one region), and a value that names none becomes a region of
its own. Talks and local offers get search keys, so the global search finds them.

The rows are literal here (not imported from the app) so the migration never changes; the
search keys are the app's own derived data (tracker.text.search_key), as in migration 0007.

Revision ID: 0016_origin_regions
Revises: 0015_totp_pending_secret
"""

import re
from collections import Counter
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from tracker.text import fold, search_key

revision = "0016_origin_regions"
down_revision = "0015_totp_pending_secret"
branch_labels = None
depends_on = None

# (English, German, Chinese, ISO country), in the order of the admin page and the forms' select.
REGIONS = [
    ("Baden-Württemberg", "Baden-Württemberg", "巴登-符腾堡州", "DE"),
    ("Bavaria", "Bayern", "巴伐利亚州", "DE"),
    ("Berlin", "Berlin", "柏林", "DE"),
    ("Brandenburg", "Brandenburg", "勃兰登堡州", "DE"),
    ("Bremen", "Bremen", "不来梅", "DE"),
    ("Hamburg", "Hamburg", "汉堡", "DE"),
    ("Hesse", "Hessen", "黑森州", "DE"),
    ("Lower Saxony", "Niedersachsen", "下萨克森州", "DE"),
    ("Mecklenburg-Western Pomerania", "Mecklenburg-Vorpommern", "梅克伦堡-前波美拉尼亚州", "DE"),
    ("North Rhine-Westphalia", "Nordrhein-Westfalen", "北莱茵-威斯特法伦州", "DE"),
    ("Rhineland-Palatinate", "Rheinland-Pfalz", "莱茵兰-普法尔茨州", "DE"),
    ("Saarland", "Saarland", "萨尔州", "DE"),
    ("Saxony", "Sachsen", "萨克森州", "DE"),
    ("Saxony-Anhalt", "Sachsen-Anhalt", "萨克森-安哈尔特州", "DE"),
    ("Schleswig-Holstein", "Schleswig-Holstein", "石勒苏益格-荷尔斯泰因州", "DE"),
    ("Thuringia", "Thüringen", "图林根州", "DE"),
    ("Burgenland", "Burgenland", "布尔根兰州", "AT"),
    ("Carinthia", "Kärnten", "克恩顿州", "AT"),
    ("Lower Austria", "Niederösterreich", "下奥地利州", "AT"),
    ("Salzburg", "Salzburg", "萨尔茨堡州", "AT"),
    ("Styria", "Steiermark", "施蒂利亚州", "AT"),
    ("Tyrol", "Tirol", "蒂罗尔州", "AT"),
    ("Upper Austria", "Oberösterreich", "上奥地利州", "AT"),
    ("Vorarlberg", "Vorarlberg", "福拉尔贝格州", "AT"),
    ("Vienna", "Wien", "维也纳", "AT"),
    ("Aargau", "Aargau", "阿尔高州", "CH"),
    ("Basel-Landschaft", "Basel-Landschaft", "巴塞尔乡村州", "CH"),
    ("Basel-Stadt", "Basel-Stadt", "巴塞尔城市州", "CH"),
    ("Bern", "Bern", "伯尔尼州", "CH"),
    ("Fribourg", "Freiburg", "弗里堡州", "CH"),
    ("Geneva", "Genf", "日内瓦州", "CH"),
    ("Graubünden", "Graubünden", "格劳宾登州", "CH"),
    ("Lucerne", "Luzern", "卢塞恩州", "CH"),
    ("Neuchâtel", "Neuenburg", "纳沙泰尔州", "CH"),
    ("Schaffhausen", "Schaffhausen", "沙夫豪森州", "CH"),
    ("Solothurn", "Solothurn", "索洛图恩州", "CH"),
    ("St. Gallen", "St. Gallen", "圣加仑州", "CH"),
    ("Thurgau", "Thurgau", "图尔高州", "CH"),
    ("Ticino", "Tessin", "提契诺州", "CH"),
    ("Valais", "Wallis", "瓦莱州", "CH"),
    ("Vaud", "Waadt", "沃州", "CH"),
    ("Zug", "Zug", "楚格州", "CH"),
    ("Zurich", "Zürich", "苏黎世州", "CH"),
    # China's provinces, municipalities and autonomous regions (domestic delegations).
    ("Anhui", "Anhui", "安徽省", "CN"),
    ("Beijing", "Peking", "北京市", "CN"),
    ("Chongqing", "Chongqing", "重庆市", "CN"),
    ("Fujian", "Fujian", "福建省", "CN"),
    ("Gansu", "Gansu", "甘肃省", "CN"),
    ("Guangdong", "Guangdong", "广东省", "CN"),
    ("Guangxi", "Guangxi", "广西壮族自治区", "CN"),
    ("Guizhou", "Guizhou", "贵州省", "CN"),
    ("Hainan", "Hainan", "海南省", "CN"),
    ("Hebei", "Hebei", "河北省", "CN"),
    ("Heilongjiang", "Heilongjiang", "黑龙江省", "CN"),
    ("Henan", "Henan", "河南省", "CN"),
    ("Hubei", "Hubei", "湖北省", "CN"),
    ("Hunan", "Hunan", "湖南省", "CN"),
    ("Inner Mongolia", "Innere Mongolei", "内蒙古自治区", "CN"),
    ("Jiangsu", "Jiangsu", "江苏省", "CN"),
    ("Jiangxi", "Jiangxi", "江西省", "CN"),
    ("Jilin", "Jilin", "吉林省", "CN"),
    ("Liaoning", "Liaoning", "辽宁省", "CN"),
    ("Ningxia", "Ningxia", "宁夏回族自治区", "CN"),
    ("Qinghai", "Qinghai", "青海省", "CN"),
    ("Shaanxi", "Shaanxi", "陕西省", "CN"),
    ("Shandong", "Shandong", "山东省", "CN"),
    ("Shanghai", "Shanghai", "上海市", "CN"),
    ("Shanxi", "Shanxi", "山西省", "CN"),
    ("Sichuan", "Sichuan", "四川省", "CN"),
    ("Tianjin", "Tianjin", "天津市", "CN"),
    ("Tibet", "Tibet", "西藏自治区", "CN"),
    ("Xinjiang", "Xinjiang", "新疆维吾尔自治区", "CN"),
    ("Yunnan", "Yunnan", "云南省", "CN"),
    ("Zhejiang", "Zhejiang", "浙江省", "CN"),
    ("Belgium", "Belgien", "比利时", "BE"),
    ("Flanders", "Flandern", "弗拉芒大区", "BE"),
    ("Wallonia", "Wallonien", "瓦隆大区", "BE"),
    ("Brussels-Capital Region", "Region Brüssel-Hauptstadt", "布鲁塞尔首都大区", "BE"),
    ("France", "Frankreich", "法国", "FR"),
    ("Île-de-France", "Île-de-France", "法兰西岛大区", "FR"),
    ("Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", "奥弗涅-罗讷-阿尔卑斯大区", "FR"),
    ("Grand Est", "Grand Est", "大东部大区", "FR"),
    ("Italy", "Italien", "意大利", "IT"),
    ("Lombardy", "Lombardei", "伦巴第大区", "IT"),
    ("Piedmont", "Piemont", "皮埃蒙特大区", "IT"),
    ("Emilia-Romagna", "Emilia-Romagna", "艾米利亚-罗马涅大区", "IT"),
    ("Veneto", "Venetien", "威尼托大区", "IT"),
    ("South Tyrol", "Südtirol", "南蒂罗尔", "IT"),
    ("Spain", "Spanien", "西班牙", "ES"),
    ("Catalonia", "Katalonien", "加泰罗尼亚", "ES"),
    ("Basque Country", "Baskenland", "巴斯克自治区", "ES"),
    ("Netherlands", "Niederlande", "荷兰", "NL"),
    ("North Brabant", "Nordbrabant", "北布拉班特省", "NL"),
    ("United Kingdom", "Vereinigtes Königreich", "英国", "GB"),
    ("England", "England", "英格兰", "GB"),
    ("Scotland", "Schottland", "苏格兰", "GB"),
    ("Wales", "Wales", "威尔士", "GB"),
    ("Denmark", "Dänemark", "丹麦", "DK"),
    ("Finland", "Finnland", "芬兰", "FI"),
    ("Norway", "Norwegen", "挪威", "NO"),
    ("Sweden", "Schweden", "瑞典", "SE"),
    ("Ireland", "Irland", "爱尔兰", "IE"),
    ("Luxembourg", "Luxemburg", "卢森堡", "LU"),
    ("Liechtenstein", "Liechtenstein", "列支敦士登", "LI"),
    ("Portugal", "Portugal", "葡萄牙", "PT"),
    ("Poland", "Polen", "波兰", "PL"),
    ("Czech Republic", "Tschechien", "捷克", "CZ"),
    ("Slovakia", "Slowakei", "斯洛伐克", "SK"),
    ("Slovenia", "Slowenien", "斯洛文尼亚", "SI"),
    ("Hungary", "Ungarn", "匈牙利", "HU"),
    ("United States", "Vereinigte Staaten", "美国", "US"),
    ("Canada", "Kanada", "加拿大", "CA"),
    ("Japan", "Japan", "日本", "JP"),
    ("South Korea", "Südkorea", "韩国", "KR"),
    ("Singapore", "Singapur", "新加坡", "SG"),
    ("Australia", "Australien", "澳大利亚", "AU"),
    ("Israel", "Israel", "以色列", "IL"),
]  # fmt: skip
# Other spellings typed into the old free-text field (compared by _key) -> the English name.
ALIASES = {
    "NRW": "North Rhine-Westphalia",
    "Basel": "Basel-Stadt",
    "Holland": "Netherlands",
    "UK": "United Kingdom",
    "Great Britain": "United Kingdom",
    "USA": "United States",
    "Korea": "South Korea",
    "Czechia": "Czech Republic",
}
# Regions created for values that name none come after the seeded ones.
UNKNOWN_POSITION = 9000

_NOT_WORD = re.compile(r"[\W_]+")
_CHINESE_KINDS = ("自治区", "大区", "州", "省", "区")

_REGION = sa.table(
    "origin_region",
    sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("name_de", sa.String),
    sa.column("name_zh", sa.String), sa.column("country", sa.String),
    sa.column("position", sa.Integer), sa.column("active", sa.Boolean),
    sa.column("search_key", sa.Text), sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)  # fmt: skip
_DELEGATION = sa.table(
    "delegation",
    sa.column("id", sa.Integer), sa.column("title", sa.String), sa.column("host", sa.String),
    sa.column("origin_country", sa.String), sa.column("origin_region", sa.String),
    sa.column("origin_region_id", sa.Integer), sa.column("search_key", sa.Text),
)  # fmt: skip
# table -> the columns its model folds into search_key (Talk.refresh_keys, LocalOffer's).
NEW_KEYS = {"talk": ("title", "place"), "local_offer": ("title", "keywords")}


def _key(text: str | None) -> str:
    """As tracker.regions.name_key when this was written: folded, no spaces, hyphens or dots,
    and no trailing kind of division of a Chinese name (图林根 is 图林根州)."""
    key = _NOT_WORD.sub("", fold(text))
    for kind in _CHINESE_KINDS:
        if key.endswith(kind) and len(key) > len(kind) + 1:
            return key[: -len(kind)]
    return key


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def upgrade():
    op.create_table(
        "origin_region",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_de", sa.String(length=120), nullable=True),
        sa.Column("name_zh", sa.String(length=120), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_origin_region")),
        sa.UniqueConstraint("name", name=op.f("uq_origin_region_name")),
    )
    now = _now()
    op.bulk_insert(_REGION, [
        {"name": en, "name_de": de, "name_zh": zh, "country": country, "position": 10 * (i + 1),
         "active": True, "search_key": search_key(en, de, zh), "created_at": now,
         "updated_at": now}
        for i, (en, de, zh, country) in enumerate(REGIONS)
    ])  # fmt: skip
    _add_region_reference()
    _move_free_text()
    op.drop_column("delegation", "origin_region")  # in place: SQLite 3.35+ drops plain columns
    _recompute("delegation", ("title", "host"))
    for table, columns in NEW_KEYS.items():
        op.add_column(table, sa.Column("search_key", sa.Text(), server_default="", nullable=False))
        _recompute(table, columns)


def _add_region_reference() -> None:
    """delegation.origin_region_id with its foreign key. On SQLite added in place with the key
    inline: batch mode's copy of the table would drop the old one, and with foreign keys on that
    first deletes every membership, topic and meeting of every delegation (see 0014)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE delegation ADD COLUMN origin_region_id INTEGER CONSTRAINT"
            " fk_delegation_origin_region_id_origin_region REFERENCES origin_region (id)"
        )
    else:
        op.add_column("delegation", sa.Column("origin_region_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_delegation_origin_region_id_origin_region"), "delegation", "origin_region",
            ["origin_region_id"], ["id"],
        )  # fmt: skip
    op.create_index(
        op.f("ix_delegation_origin_region_id"), "delegation", ["origin_region_id"], unique=False
    )


def _move_free_text() -> None:
    """Point every delegation at the region its free text names; new regions for the rest."""
    bind = op.get_bind()
    regions = {}
    for region_id, *names in bind.execute(
        sa.select(_REGION.c.id, _REGION.c.name, _REGION.c.name_de, _REGION.c.name_zh)
    ):
        for name in names:
            regions.setdefault(_key(name), region_id)
    for alias, name in ALIASES.items():
        regions.setdefault(_key(alias), regions[_key(name)])
    rows = bind.execute(
        sa.select(_DELEGATION.c.origin_region, _DELEGATION.c.origin_country).where(
            _DELEGATION.c.origin_region.is_not(None)
        )
    ).all()
    countries: dict[str, Counter] = {}
    for text, country in rows:
        countries.setdefault(text, Counter())[country] += 1
    for text in sorted(countries):
        key, name = _key(text), " ".join(text.split())[:120]
        if not key:
            continue  # blank: the delegation has no region
        if key not in regions:
            country = countries[text].most_common(1)[0][0]
            region_id = bind.execute(
                _REGION.insert().values(
                    name=name, country=country, position=UNKNOWN_POSITION, active=True,
                    search_key=search_key(name), created_at=_now(), updated_at=_now(),
                ).returning(_REGION.c.id)
            ).scalar_one()  # fmt: skip
            regions[key] = region_id
        bind.execute(
            _DELEGATION.update()
            .where(_DELEGATION.c.origin_region == text)
            .values(origin_region_id=regions[key])
        )


def _recompute(table_name: str, columns: tuple[str, ...]) -> None:
    """Write the search keys the app's models would write."""
    bind = op.get_bind()
    table = sa.table(table_name, sa.column("id"), sa.column("search_key"),
                     *(sa.column(c) for c in columns))  # fmt: skip
    for row in bind.execute(sa.select(table.c.id, *(table.c[c] for c in columns))).all():
        key = search_key(*row[1:])
        bind.execute(table.update().where(table.c.id == row[0]).values(search_key=key))


def downgrade():
    for table in NEW_KEYS:
        op.drop_column(table, "search_key")
    op.add_column("delegation", sa.Column("origin_region", sa.String(length=120), nullable=True))
    names = sa.select(_REGION.c.name).where(_REGION.c.id == _DELEGATION.c.origin_region_id)
    op.execute(_DELEGATION.update().values(origin_region=names.scalar_subquery()))
    _recompute("delegation", ("title", "origin_region", "host"))
    op.drop_index(op.f("ix_delegation_origin_region_id"), table_name="delegation")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(
            op.f("fk_delegation_origin_region_id_origin_region"), "delegation", type_="foreignkey"
        )
    # In place on SQLite too: the key is the column's own (added inline by the upgrade).
    op.drop_column("delegation", "origin_region_id")
    op.drop_table("origin_region")
