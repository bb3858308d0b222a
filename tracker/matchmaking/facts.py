"""The plain facts ranking works on: a need, local partners and their offers."""

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

from tracker.i18n import reader_language
from tracker.models import OfferKind


@dataclass(frozen=True)
class NeedFacts:
    """What ranking needs to know about the need."""

    title: str
    description: str = ""
    id: int | None = None
    industry_id: int | None = None
    industry_label: str = ""
    category_key: str = ""  # folded English name of the category
    category_label: str = ""
    area_asked: int | None = None
    headcount_asked: int | None = None


class PartnerFacts(NamedTuple):
    """A local partner: its names in every language and its own description."""

    id: int
    name: str
    industry_id: int | None = None
    names: tuple[str, ...] = ()
    description: str | None = None
    by_language: tuple[tuple[str, str], ...] = ()  # ("zh", "上海机器人产业园"), ...

    @property
    def shown_name(self) -> str:
        """The name in the reader's language where recorded (as Organisation.shown_name)."""
        return dict(self.by_language).get(reader_language()) or self.name


class OfferFacts(NamedTuple):
    """An active offer of a local partner (fields in the order suggestions.py selects them)."""

    id: int
    organisation_id: int
    kind: OfferKind
    title: str
    description: str | None = None
    keywords: str | None = None
    area_m2: int | None = None
    headcount: int | None = None
    industry_ids: AbstractSet[int] = frozenset()
