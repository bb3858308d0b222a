"""Matchmaking: local partners' offers, the synonym list, and matches of needs with partners."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import (
    LabelledEnum,
    RecordMixin,
    TimestampMixin,
    VersionedMixin,
    enum_column,
    link_table,
    live_index,
    utcnow,
)
from tracker.text import search_key
from tracker.textmatch import match_text

if TYPE_CHECKING:
    from tracker.models.need import Need
    from tracker.models.organisation import Organisation
    from tracker.models.person import Person
    from tracker.models.user import User
    from tracker.models.vocabulary import KeyIndustry

TERM_SEPARATOR = " ~ "


class OfferKind(LabelledEnum):
    """What a local partner provides."""

    FACTORY_SPACE = "factory_space", _l("Factory space")
    OFFICE_SPACE = "office_space", _l("Office space")
    LAB_SPACE = "lab_space", _l("Lab space")
    TALENT_PROGRAMME = "talent_programme", _l("Talent programme")
    SUBSIDY_SCHEME = "subsidy_scheme", _l("Subsidy scheme")
    SUPPLIER_CAPABILITY = "supplier_capability", _l("Supplier capability")
    DISTRIBUTION = "distribution", _l("Distribution")
    RESEARCH_COOPERATION = "research_cooperation", _l("Research cooperation")
    SERVICES = "services", _l("Professional services")
    FINANCE = "finance", _l("Finance and funding")
    ASSOCIATION = "association", _l("Association or cluster")
    TEST_SITE = "test_site", _l("Test site or pilot zone")
    PILOT_CUSTOMER = "pilot_customer", _l("Pilot customer")
    MARKET_ACCESS = "market_access", _l("Market access and certification")
    HOUSING = "housing", _l("Housing")
    EVENTS = "events", _l("Events and trade fairs")
    OTHER = "other", _l("Other")

    @property
    def is_space(self) -> bool:
        """Space offers have an area in m²."""
        return self in (OfferKind.FACTORY_SPACE, OfferKind.OFFICE_SPACE, OfferKind.LAB_SPACE)


OFFER_KIND_LABELS = OfferKind.labels()

offer_industry = link_table(
    "offer_industry", "offer_id", "key_industry_id", owner_table="local_offer"
)


class LocalOffer(VersionedMixin, TimestampMixin, db.Model):
    """What a local partner offers a visiting company: space, talent, subsidies, suppliers..."""

    __tablename__ = "local_offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Offers go with their partner (organisation pages list them; nobody else refers to them).
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[OfferKind] = mapped_column(enum_column(OfferKind), default=OfferKind.OTHER)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    area_m2: Mapped[int | None]
    headcount: Mapped[int | None]
    keywords: Mapped[str | None] = mapped_column(String(1000))
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    # Folded, word-separated text kept on every write so ranking never folds at request time.
    match_key: Mapped[str] = mapped_column(Text, default="")
    keyword_key: Mapped[str] = mapped_column(Text, default="")
    # Title and keywords folded, with pinyin, for the global search.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    organisation: Mapped["Organisation"] = relationship()
    contact_person: Mapped["Person | None"] = relationship()
    industries: Mapped[list["KeyIndustry"]] = relationship(secondary=offer_industry, lazy="raise")
    created_by: Mapped["User | None"] = relationship()

    @property
    def keyword_list(self) -> list[str]:
        """The keywords as entered, one per comma, semicolon or line."""
        return split_keywords(self.keywords)

    def refresh_keys(self) -> None:
        """Recompute the folded match keys from title, keywords and description."""
        self.match_key = match_text(self.title, self.keywords, self.description)
        keys = (match_text(k).strip() for k in self.keyword_list)
        self.keyword_key = "\n".join(k for k in keys if k)
        self.search_key = search_key(self.title, self.keywords)

    def __repr__(self) -> str:
        return f"<LocalOffer {self.title!r}>"


def split_keywords(text: str | None) -> list[str]:
    """Keywords separated by commas (also Chinese ones), semicolons or new lines."""
    if not text:
        return []
    # Chinese text separates with a full-width comma, an enumeration comma or semicolon.
    for separator in ("\uff0c", "\u3001", ";", "\uff1b", "\n"):
        text = text.replace(separator, ",")
    return [k.strip() for k in text.split(",") if k.strip()]


class SynonymGroup(VersionedMixin, TimestampMixin, db.Model):
    """Terms that mean the same across languages, e.g. Gehäuseteile ~ housing parts ~ 外壳."""

    __tablename__ = "synonym_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    terms: Mapped[str] = mapped_column(String(1000))  # joined with " ~ "
    active: Mapped[bool] = mapped_column(default=True)
    terms_key: Mapped[str] = mapped_column(Text, default="")  # folded terms, one per line
    # The shipped glossary's concept this group was seeded from (tracker/matchmaking/glossary.tsv):
    # the group replaces that concept, so a manager's edit or deactivation wins over the file.
    glossary_key: Mapped[str | None] = mapped_column(String(80), unique=True)

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.split("~") if t.strip()]

    def refresh_keys(self) -> None:
        """Fold the terms for matching."""
        keys = (match_text(t).strip() for t in self.term_list)
        self.terms_key = "\n".join(k for k in keys if k)

    def __repr__(self) -> str:
        return f"<SynonymGroup {self.terms!r}>"


class MatchStatus(LabelledEnum):
    """Where a match of a need with a local partner stands."""

    PROPOSED = "proposed", _l("Proposed")
    INTRODUCED = "introduced", _l("Introduced")
    TALK_SCHEDULED = "talk_scheduled", _l("Talk scheduled")
    TALK_HELD = "talk_held", _l("Talk held")
    AGREED_FOLLOW_UP = "agreed_follow_up", _l("Agreed follow-up")
    DECLINED = "declined", _l("Declined")


MATCH_STATUS_LABELS = MatchStatus.labels()


class Match(RecordMixin, db.Model):
    """A need paired with a local partner (and perhaps one of its offers)."""

    __tablename__ = "match"
    __table_args__ = (
        UniqueConstraint("need_id", "organisation_id"),
        # The matches list, latest changes first (its default order).
        live_index("ix_match_live_updated_at", "updated_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("local_offer.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[MatchStatus] = mapped_column(
        enum_column(MatchStatus), default=MatchStatus.PROPOSED, index=True
    )
    # Snapshot of the suggestion when it was accepted: score and reasons, one per line.
    score: Mapped[int | None]
    reasons: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[str | None] = mapped_column(String(500))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    need: Mapped["Need"] = relationship()
    organisation: Mapped["Organisation"] = relationship()
    offer: Mapped[LocalOffer | None] = relationship()
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    changes: Mapped[list["MatchChange"]] = relationship(
        back_populates="match", lazy="raise", cascade="all, delete-orphan",
        order_by="MatchChange.changed_at",
    )  # fmt: skip

    @property
    def reason_list(self) -> list[str]:
        return [r for r in (self.reasons or "").split("\n") if r]

    def __repr__(self) -> str:
        return f"<Match need={self.need_id} partner={self.organisation_id} {self.status}>"


class MatchChange(db.Model):
    """One status change of a match: who, when, from, to, and a note."""

    __tablename__ = "match_change"
    __table_args__ = (Index("ix_match_change_match_at", "match_id", "changed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("match.id", ondelete="CASCADE"))
    from_status: Mapped[MatchStatus | None] = mapped_column(enum_column(MatchStatus, "from_status"))
    to_status: Mapped[MatchStatus] = mapped_column(enum_column(MatchStatus, "to_status"))
    note: Mapped[str | None] = mapped_column(Text)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    match: Mapped[Match] = relationship(back_populates="changes")
    changed_by: Mapped["User | None"] = relationship()
