"""Origin regions (a managed vocabulary): their names in the reader's language, finding one by
any of its names, and the search condition that finds them whatever language it is typed in.

Pages name a delegation's region from one dict of every region's names, kept per data version
(tracker.datacache), so a list or the report never loads a region per row.
"""

import re

from sqlalchemy import Select, select

from tracker import datacache
from tracker.extensions import db
from tracker.i18n import country_name, in_language
from tracker.models import OriginRegion
from tracker.text import fold

_NOT_WORD = re.compile(r"[\W_]+")
# Chinese names of states and regions end in the kind of division, which people often leave out:
# 图林根 is 图林根州.
_CHINESE_KINDS = ("自治区", "大区", "州", "省", "区")

Names = tuple[str, str | None, str | None, str | None]  # English, German, Chinese, country


def name_key(text: str | None) -> str:
    """A name folded for comparing: case, accents, spaces, hyphens and dots ignored, and the
    kind of division of a Chinese name (州, 省 ...) dropped."""
    key = _NOT_WORD.sub("", fold(text))
    for kind in _CHINESE_KINDS:
        if key.endswith(kind) and len(key) > len(kind) + 1:
            return key[: -len(kind)]
    return key


def region_names() -> dict[int, Names]:
    """Every region's names and country by id, read once per change to the regions."""
    return datacache.cached("dashboard", ("origin regions",), _all_names)


def _all_names() -> dict[int, Names]:
    columns = (OriginRegion.id, OriginRegion.name, OriginRegion.name_de, OriginRegion.name_zh,
               OriginRegion.country)  # fmt: skip
    return {row[0]: tuple(row[1:]) for row in db.session.execute(select(*columns))}


def label_of(names: Names) -> str:
    """A region's name in the interface language, falling back to English."""
    return in_language(*names[:3])


def region_label(region_id: int | None) -> str:
    """The region's name in the interface language ("" for none or an unknown id)."""
    names = region_names().get(region_id) if region_id is not None else None
    return label_of(names) if names else ""


def origin_label(country: str | None, region_id: int | None) -> str:
    """Country and region, "Germany / Thuringia"; a region that is the country itself (France)
    is named once."""
    country_text, region = country_name(country), region_label(region_id)
    if region and fold(region) == fold(country_text):
        return region
    return " / ".join(part for part in (country_text, region) if part)


def regions_named(needle: str) -> Select:
    """SQL: ids of the regions one of whose names (or the pinyin of the Chinese one) contains
    the folded needle."""
    return select(OriginRegion.id).where(OriginRegion.search_key.contains(needle, autoescape=True))


def find_region(name: str | None, exclude_id: int | None = None) -> OriginRegion | None:
    """The region with this name in any of its languages (compared by name_key), or None.

    Compared in Python: the list is short, and SQL could not drop hyphens and 州 alike on both
    databases."""
    key = name_key(name)
    if not key:
        return None
    for region in db.session.scalars(select(OriginRegion).order_by(OriginRegion.id)):
        names = (region.name, region.name_de, region.name_zh)
        if region.id != exclude_id and key in {name_key(n) for n in names if n}:
            return region
    return None


def region_named(
    name: str, name_de: str | None = None, name_zh: str | None = None, country: str | None = None
) -> OriginRegion:
    """The region known by any of these names, else a new one with them (flushed)."""
    for known in (name, name_de, name_zh):
        if (region := find_region(known)) is not None:
            return region
    region = OriginRegion(name=name, name_de=name_de, name_zh=name_zh, country=country,
                          position=9000)  # fmt: skip
    db.session.add(region)
    db.session.flush()
    return region
