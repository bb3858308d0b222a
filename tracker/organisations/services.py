"""Organisation rules: the duplicate guard, listing, history and writes (views and import)."""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import Select, func, literal_column, or_, select, union_all
from sqlalchemy.orm import joinedload, selectinload

from tracker import softdelete
from tracker.extensions import db
from tracker.models import (
    Delegation,
    DelegationMember,
    FollowUp,
    KeyIndustry,
    Match,
    Need,
    Organisation,
    OrganisationAlias,
    OrganisationKind,
    Person,
    User,
    delegation_organisation,
)
from tracker.models.imports import name_matches
from tracker.models.organisation import on_side
from tracker.models.talk import talk_organisation
from tracker.pagination import allowed_sort, sort_term
from tracker.text import organisation_key, search_needle

# Sort keys offered to the list; a leading "-" sorts descending. Unknown keys are ignored.
SORTS = {
    "name": Organisation.name,
    "country": Organisation.country,
    "kind": Organisation.kind,
    "created": Organisation.created_at,
}


@dataclass
class OrganisationData:
    """The editable fields of an organisation, as plain values."""

    name: str
    name_de: str | None = None
    name_en: str | None = None
    name_zh: str | None = None
    kind: OrganisationKind | str = OrganisationKind.COMPANY
    country: str | None = None
    city: str | None = None
    website: str | None = None
    key_industry_id: int | None = None
    description: str | None = None
    is_local: bool = False

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "OrganisationData":
        """Pick the known fields from a mapping (form data, an import row), ignoring the rest."""
        return cls(**{f.name: values[f.name] for f in fields(cls) if f.name in values})


def find_duplicates(
    *names: str | None, exclude_id: int | None = None, limit: int = 5
) -> list[Organisation]:
    """Organisations whose name equals one of names once case, spacing, punctuation and legal
    forms are ignored (Jenaer Optronik = JENAER OPTRONIK AG)."""
    keys = {organisation_key(n) for n in names if n and organisation_key(n)}
    if not keys:
        return []
    # Names of organisations merged into another live on as its aliases.
    alias_keys = OrganisationAlias.name_key.in_(keys)
    via_alias = select(OrganisationAlias.organisation_id).where(alias_keys)
    stmt = (
        select(Organisation)
        .where(or_(Organisation.name_key.in_(keys), Organisation.id.in_(via_alias)))
        .order_by(Organisation.name)
    )
    if exclude_id is not None:
        stmt = stmt.where(Organisation.id != exclude_id)
    return list(db.session.scalars(stmt.limit(limit)))


def possible_duplicates(
    data: OrganisationData, organisation: Organisation | None = None
) -> list[Organisation]:
    """Existing organisations this one may duplicate; on edit only when a name changed."""
    names = (data.name, data.name_de, data.name_en, data.name_zh)
    if organisation is not None:
        stored = (
            organisation.name,
            organisation.name_de,
            organisation.name_en,
            organisation.name_zh,
        )
        if tuple(_clean(n) for n in names) == stored:
            return []
    return find_duplicates(*names, exclude_id=organisation.id if organisation else None)


def _clean(value: Any) -> Any:
    """Strip text; empty text becomes None."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def save_organisation(
    organisation: Organisation | None, data: OrganisationData, user: User | None
) -> Organisation:
    """Create (organisation None) or update an organisation from data; flushes."""
    if organisation is None:
        organisation = Organisation(created_by=user)
        db.session.add(organisation)
    for field in fields(OrganisationData):
        setattr(organisation, field.name, _clean(getattr(data, field.name)))
    organisation.kind = OrganisationKind(organisation.kind or OrganisationKind.COMPANY)
    organisation.is_local = bool(data.is_local)
    organisation.country = organisation.country.upper() if organisation.country else None
    db.session.flush()
    return organisation


def list_organisations(
    *,
    query: str = "",
    kind: str | None = None,
    key_industry_id: int | None = None,
    country: str | None = None,
    side: str | None = None,
    sort: str = "name",
) -> Select:
    """Rows of (Organisation, people_count) matching the filters, counted in the same query."""
    # Counted per row shown (an index lookup each), not for every organisation before paging.
    people_count = (
        select(func.count(Person.id))
        .where(Person.organisation_id == Organisation.id)
        .correlate(Organisation)
        .scalar_subquery()
    )
    stmt = select(Organisation, people_count.label("people_count")).options(
        joinedload(Organisation.key_industry)
    )
    needle = search_needle(query)
    if needle:
        stmt = stmt.where(name_matches(needle))
    if kind in {k.value for k in OrganisationKind}:
        stmt = stmt.where(Organisation.kind == OrganisationKind(kind))
    if key_industry_id is not None:
        stmt = stmt.where(Organisation.key_industry_id == key_industry_id)
    if country and len(country) == 2 and country.isalpha():
        stmt = stmt.where(Organisation.country == country.upper())
    stmt = stmt.where(*on_side(side))
    return stmt.order_by(*_ordering(sort))


def _ordering(sort: str) -> list:
    """ORDER BY for an allow-listed sort key, with name and id as tie-breakers for stable pages."""
    sort = allowed_sort(sort, SORTS, "name")
    first = sort_term(sort, SORTS, "name")
    descending = sort.startswith("-")
    if sort.removeprefix("-") == "name":
        # Not "name, name, id": the repeated term kept SQLite from reading the order off the
        # (name, id) index, and it sorted every organisation before the page (10 ms at 30,000).
        return [first, Organisation.id.desc() if descending else Organisation.id]
    return [first, Organisation.name, Organisation.id]


def countries_in_use() -> list[str]:
    """ISO codes of the countries organisations are recorded in (for the list filter)."""
    stmt = select(Organisation.country).where(Organisation.country.is_not(None)).distinct()
    return sorted(db.session.scalars(stmt))


class Term(NamedTuple):
    """A vocabulary term for a filter select: its id and name in the interface language."""

    id: int
    label: str


def filter_options() -> tuple[list[Term], list[str]]:
    """Active key industries and the countries in use, in one query (for the list filters)."""
    industries = select(
        literal_column("'industry'").label("kind"), KeyIndustry.id,
        KeyIndustry.label_column().label("label"), KeyIndustry.position.label("position"),
        KeyIndustry.name.label("name"),
    ).where(KeyIndustry.active.is_(True))  # fmt: skip
    countries = (
        select(literal_column("'country'"), literal_column("0"), Organisation.country,
               literal_column("0"), Organisation.country)
        .where(Organisation.country.is_not(None))
        .group_by(Organisation.country)
    )  # fmt: skip
    rows = db.session.execute(union_all(industries, countries).order_by("kind", "position", "name"))
    terms, codes = [], []
    for kind, term_id, label, _position, _name in rows:
        if kind == "industry":
            terms.append(Term(term_id, label))
        else:
            codes.append(label)
    return terms, codes


def industry_choices(include_id: int | None = None) -> list[KeyIndustry]:
    """Active key industries, plus the one an organisation already has even if retired."""
    stmt = select(KeyIndustry).where(
        or_(KeyIndustry.active.is_(True), KeyIndustry.id == include_id)
    )
    return list(db.session.scalars(stmt.order_by(KeyIndustry.position, KeyIndustry.name)))


@dataclass
class OrganisationDetail:
    """What the detail page shows."""

    organisation: Organisation
    delegations: list[Delegation]


def organisation_detail(organisation_id: int) -> OrganisationDetail | None:
    """The organisation with its industry and people, and the delegations it joined."""
    stmt = (
        select(Organisation)
        .where(Organisation.id == organisation_id)
        .options(
            joinedload(Organisation.key_industry),
            selectinload(Organisation.people),
            selectinload(Organisation.aliases),
        )
    )
    organisation = db.session.scalar(stmt)
    if organisation is None:
        return None
    return OrganisationDetail(organisation, organisation_delegations(organisation_id))


def organisation_delegations(organisation_id: int) -> list[Delegation]:
    """Delegations the organisation took part in, through members or named alone; newest first."""
    via_members = select(DelegationMember.delegation_id).where(
        DelegationMember.organisation_id == organisation_id
    )
    via_links = select(delegation_organisation.c.delegation_id).where(
        delegation_organisation.c.organisation_id == organisation_id
    )
    stmt = (
        select(Delegation)
        .where(or_(Delegation.id.in_(via_members), Delegation.id.in_(via_links)))
        .order_by(Delegation.start_date.desc(), Delegation.id.desc())
    )
    return list(db.session.scalars(stmt))


def delete_blockers(organisation: Organisation) -> list[str]:
    """Why the organisation may not be deleted yet (empty when it may)."""
    oid = organisation.id
    people = select(func.count(Person.id)).where(Person.organisation_id == oid)
    members = select(func.count(DelegationMember.id)).where(DelegationMember.organisation_id == oid)
    links = select(func.count()).select_from(delegation_organisation)
    links = links.where(delegation_organisation.c.organisation_id == oid)
    reasons = softdelete.delete_blockers([
        (people, lambda n: ngettext(
            "%(num)d person still belongs to it; move or delete them first.",
            "%(num)d people still belong to it; move or delete them first.", n)),
        (members, lambda n: ngettext(
            "It was represented by %(num)d delegation member; that history must be kept.",
            "It was represented by %(num)d delegation members; that history must be kept.", n)),
        (links, lambda n: ngettext(
            "It is named in %(num)d delegation; remove it there first.",
            "It is named in %(num)d delegations; remove it there first.", n)),
    ])  # fmt: skip
    pipeline = _pipeline_counts(oid)
    if pipeline["needs"] or pipeline["followups"]:
        reasons.append(
            _("It has %(needs)s and %(followups)s; they must be kept.",
              needs=ngettext("%(num)s need", "%(num)s needs", pipeline["needs"]),
              followups=ngettext("%(num)s follow-up", "%(num)s follow-ups", pipeline["followups"]))
        )  # fmt: skip
    if pipeline["matches"] or pipeline["talks"]:
        reasons.append(
            _("It has %(matches)s and %(talks)s; that history must be kept.",
              matches=ngettext("%(num)s match", "%(num)s matches", pipeline["matches"]),
              talks=ngettext("%(num)s talk", "%(num)s talks", pipeline["talks"]))
        )  # fmt: skip
    return reasons


def delete_organisation(organisation: Organisation, by_id: int | None = None) -> None:
    """Soft-delete an unused organisation (check delete_blockers first); flushes."""
    softdelete.soft_delete(organisation, by_id)


def _pipeline_counts(organisation_id: int) -> dict[str, int]:
    """Needs, follow-ups, matches and talks that refer to the organisation, in one query."""

    def count(stmt):
        return stmt.scalar_subquery()

    row = db.session.execute(
        select(
            count(select(func.count(Need.id)).where(Need.organisation_id == organisation_id)),
            count(
                select(func.count(FollowUp.id)).where(FollowUp.organisation_id == organisation_id)
            ),
            count(select(func.count(Match.id)).where(Match.organisation_id == organisation_id)),
            count(
                select(func.count())
                .select_from(talk_organisation)
                .where(talk_organisation.c.organisation_id == organisation_id)
            ),
        )
    ).one()
    return dict(zip(("needs", "followups", "matches", "talks"), row, strict=True))
