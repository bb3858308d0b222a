"""Managed vocabularies: discussion topics, the district's key industries, origin regions."""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.extensions import db
from tracker.i18n import in_language, language_column
from tracker.models.base import TimestampMixin, VersionedMixin
from tracker.text import search_key


class VocabularyMixin(VersionedMixin, TimestampMixin):
    """A term with its name in English, German and Chinese, ordered and retirable."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    name_de: Mapped[str | None] = mapped_column(String(120))
    name_zh: Mapped[str | None] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    @property
    def label(self) -> str:
        """The name in the interface language, falling back to English."""
        return in_language(self.name, self.name_de, self.name_zh)

    @classmethod
    def label_column(cls):
        """label in SQL: the name in the interface language, for lists sorted by it."""
        return language_column(cls.name, cls.name_de, cls.name_zh)

    def __str__(self) -> str:
        return self.label


class Topic(VocabularyMixin, db.Model):
    """A discussion topic, e.g. AI and robotics."""


class KeyIndustry(VocabularyMixin, db.Model):
    """One of the district's focus sectors, e.g. robotics and high-end manufacturing."""

    __tablename__ = "key_industry"


class OriginRegion(VocabularyMixin, db.Model):
    """Where a delegation comes from: a state, canton, region or country, e.g. Thuringia."""

    __tablename__ = "origin_region"

    country: Mapped[str | None] = mapped_column(String(2))  # ISO alpha-2
    # Every name folded, with the pinyin of the Chinese one: Thüringen, thueringen, Thuringia,
    # 图林根 and tulingen all find the region (tracker.regions).
    search_key: Mapped[str] = mapped_column(Text, default="")

    def refresh_keys(self) -> None:
        """Recompute the folded search key from the three names."""
        self.search_key = search_key(self.name, self.name_de, self.name_zh)
