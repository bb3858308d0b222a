"""Organisations: visiting companies, agencies and institutes, and local (host-side) partners."""

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.i18n import reader_language
from tracker.models.base import LabelledEnum, RecordMixin, enum_column, live_index
from tracker.text import organisation_key, search_key

if TYPE_CHECKING:
    from tracker.models.imports import OrganisationAlias
    from tracker.models.person import Person
    from tracker.models.user import User
    from tracker.models.vocabulary import KeyIndustry


class OrganisationKind(LabelledEnum):
    """What sort of body an organisation is."""

    GOVERNMENT = "government", _l("Government")
    DEVELOPMENT_AGENCY = "development_agency", _l("Development agency")
    RESEARCH_INSTITUTE = "research_institute", _l("Research institute")
    UNIVERSITY = "university", _l("University")
    COMPANY = "company", _l("Company")
    ASSOCIATION = "association", _l("Association")
    CHAMBER = "chamber", _l("Chamber")
    BANK = "bank", _l("Bank")
    INDUSTRIAL_PARK = "industrial_park", _l("Industrial park")
    OTHER = "other", _l("Other")


KIND_LABELS = OrganisationKind.labels()


class Organisation(RecordMixin, db.Model):
    """A company, agency, institute or other body, visiting or local."""

    # The list skips deleted organisations and sorts by name: read in index order; the
    # dashboard shows what its user created last.
    __table_args__ = (
        live_index("ix_organisation_live_name", "name", "id"),
        Index("ix_organisation_created_by_id_created_at", "created_by_id", "created_at"),
        # The dashboard's visiting and local counts, the suggestions' freshness check, the
        # list's filter of countries in use.
        live_index("ix_organisation_live_is_local", "is_local", "updated_at"),
        live_index("ix_organisation_live_country", "country"),
        # How many live organisations use each key industry (the vocabularies page).
        live_index("ix_organisation_live_key_industry_id", "key_industry_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_de: Mapped[str | None] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[OrganisationKind] = mapped_column(
        enum_column(OrganisationKind), default=OrganisationKind.COMPANY
    )
    country: Mapped[str | None] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    city: Mapped[str | None] = mapped_column(String(120))
    website: Mapped[str | None] = mapped_column(String(500))
    key_industry_id: Mapped[int | None] = mapped_column(ForeignKey("key_industry.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    is_local: Mapped[bool] = mapped_column(default=False, index=True)
    # Maintained on every write (see tracker.models.keys): duplicate guard and search.
    name_key: Mapped[str] = mapped_column(String(200), index=True, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    key_industry: Mapped["KeyIndustry | None"] = relationship()
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])
    people: Mapped[list["Person"]] = relationship(
        back_populates="organisation", lazy="raise", order_by="Person.full_name"
    )
    aliases: Mapped[list["OrganisationAlias"]] = relationship(
        back_populates="organisation",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="OrganisationAlias.name",
    )

    def refresh_keys(self) -> None:
        """Recompute the folded keys from the names."""
        self.name_key = organisation_key(self.name)
        self.search_key = search_key(self.name, self.name_de, self.name_en, self.name_zh, self.city)

    @property
    def shown_name(self) -> str:
        """The name in the reader's language where one is recorded, else the main name: a
        Chinese reader sees 耶拿光学 for Jenoptik when its Chinese name is on file."""
        return getattr(self, SHOWN_NAME_COLUMNS.get(reader_language(), "name")) or self.name

    @property
    def other_names(self) -> list[str]:
        """Names in other languages or scripts that differ from the main one."""
        names = (self.name_de, self.name_en, self.name_zh)
        return [n for n in names if n and n != self.name]

    def __repr__(self) -> str:
        return f"<Organisation {self.name!r}>"


# The column of each interface language's name; what loads an organisation only for its name
# loads NAME_COLUMNS, so that shown_name needs no second query.
SHOWN_NAME_COLUMNS = {"de": "name_de", "en": "name_en", "zh": "name_zh"}
NAME_COLUMNS = (Organisation.name, Organisation.name_de, Organisation.name_en, Organisation.name_zh)


def on_side(side: str | None) -> list:
    """SQL: the lists' side filter, local (the district's partners) or visiting organisations;
    none for any other value."""
    return [Organisation.is_local.is_(side == "local")] if side in ("local", "visiting") else []


def shown_name_column(language: str, label: str = "organisation_name"):
    """SQL: the organisation's name in that language ("zh") where recorded, else its name."""
    column = SHOWN_NAME_COLUMNS.get(language[:2])
    if column is None:
        return Organisation.name.label(label)
    return func.coalesce(getattr(Organisation, column), Organisation.name).label(label)
