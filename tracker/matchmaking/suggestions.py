"""Loading the facts ranking works on, in a fixed number of queries, and ranking them."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import Select, bindparam, func, select

from tracker.extensions import db
from tracker.matchmaking.ranking import (
    NeedFacts,
    OfferFacts,
    PartnerFacts,
    Suggestion,
    SynonymFacts,
    rank,
)
from tracker.matchmaking.textmatch import match_text
from tracker.models import (
    Delegation,
    DelegationMember,
    KeyIndustry,
    LocalOffer,
    Match,
    Meeting,
    Need,
    NeedCategory,
    Organisation,
    Person,
    SynonymGroup,
    delegation_organisation,
    offer_industry,
)
from tracker.models.meeting import meeting_person
from tracker.statements import built_once
from tracker.text import fold


@dataclass(frozen=True)
class Snapshot:
    """Partners, offers and synonyms as plain facts, with the state of the tables they match."""

    key: tuple
    partners: list[PartnerFacts]
    offers: list[OfferFacts]
    synonyms: list[SynonymFacts]


# One snapshot per database, rebuilt when its freshness key changes: loading and converting
# thousands of offers costs more than ranking them, and offers change rarely.
_snapshots: dict[str, Snapshot] = {}


def snapshot() -> Snapshot:
    """The current partners, offers and synonyms (one query when nothing changed, else four)."""
    key = _freshness()
    bind = str(db.engine.url)
    found = _snapshots.get(bind)
    if found is None or found.key != key:
        found = Snapshot(key, partner_facts(), offer_facts(), synonym_facts())
        _snapshots[bind] = found
    return found


def _freshness() -> tuple:
    """Counts and latest changes of everything a snapshot is built from, in one query."""
    return tuple(db.session.execute(_freshness_statement()).one())


@built_once
def _freshness_statement() -> Select:
    offers = select(func.count(LocalOffer.id), func.max(LocalOffer.updated_at))
    links = select(func.count(), func.coalesce(func.sum(offer_industry.c.key_industry_id), 0))
    # Local organisations only (the partners): the index on (is_local, deleted_at, updated_at)
    # answers it, where all 30,000 organisations took a table scan.
    orgs = select(func.count(Organisation.id), func.max(Organisation.updated_at)).where(
        Organisation.is_local.is_(True)
    )
    groups = select(func.count(SynonymGroup.id), func.max(SynonymGroup.updated_at))
    parts = [
        q.with_only_columns(column).scalar_subquery()
        for q in (offers, links.select_from(offer_industry), orgs, groups)
        for column in q.selected_columns
    ]
    return select(*parts)


def suggest(need: Need, limit: int = 10) -> list[Suggestion]:
    """Local partners for need, best first, leaving out those already matched with it."""
    matched = frozenset(db.session.scalars(_matched_statement(), {"need_id": need.id}))
    facts = snapshot()
    met = met_delegation(need.delegation_id) if need.delegation_id else {}
    return rank(
        need_facts(need), facts.partners, facts.offers, facts.synonyms,
        met=met, exclude=matched, limit=limit,
    )  # fmt: skip


@built_once
def _matched_statement() -> Select:
    return select(Match.organisation_id).where(Match.need_id == bindparam("need_id"))


def suggestion_for(need: Need, organisation_id: int) -> Suggestion | None:
    """The suggestion for one partner (to snapshot its score and reasons when accepted)."""
    partners = [p for p in partner_facts() if p.id == organisation_id]
    met = met_delegation(need.delegation_id) if need.delegation_id else {}
    found = rank(need_facts(need), partners, offer_facts(organisation_id), synonym_facts(), met=met)
    return found[0] if found else None


def need_facts(need: Need) -> NeedFacts:
    """The need's text, industry, category and what it asks for (two small lookups)."""
    industry = db.session.get(KeyIndustry, need.key_industry_id) if need.key_industry_id else None
    category = db.session.get(NeedCategory, need.category_id) if need.category_id else None
    return NeedFacts(
        text=match_text(need.title, need.description),
        industry_id=need.key_industry_id,
        industry_label=industry.label if industry else "",
        category_key=fold(category.name) if category else "",
        category_label=category.label if category else "",
        area_asked=need.area_m2_asked,
        headcount_asked=need.headcount_asked,
    )


def partner_facts() -> list[PartnerFacts]:
    """Every local organisation."""
    rows = db.session.execute(
        select(Organisation.id, Organisation.name, Organisation.key_industry_id).where(
            Organisation.is_local.is_(True)
        )
    )
    return [PartnerFacts(i, name, industry) for i, name, industry in rows]


def offer_facts(organisation_id: int | None = None) -> list[OfferFacts]:
    """Active offers of local partners (of one partner when given), in id order."""
    where = [LocalOffer.active.is_(True), Organisation.is_local.is_(True)]
    if organisation_id is not None:
        where.append(LocalOffer.organisation_id == organisation_id)
    industries: dict[int, set[int]] = {}
    links = select(offer_industry.c.offer_id, offer_industry.c.key_industry_id).join(
        LocalOffer, LocalOffer.id == offer_industry.c.offer_id
    )
    for offer_id, industry_id in db.session.execute(
        links.join(Organisation, Organisation.id == LocalOffer.organisation_id).where(*where)
    ):
        industries.setdefault(offer_id, set()).add(industry_id)
    # A Core execute: plain rows, without the ORM's per-row bookkeeping.
    rows = db.session.connection().execute(
        select(
            LocalOffer.id, LocalOffer.organisation_id, LocalOffer.kind, LocalOffer.title,
            LocalOffer.match_key, LocalOffer.keyword_key, LocalOffer.keywords,
            LocalOffer.area_m2, LocalOffer.headcount,
        )
        .join(Organisation, Organisation.id == LocalOffer.organisation_id)
        .where(*where)
        .order_by(LocalOffer.id)
    )  # fmt: skip
    none: frozenset[int] = frozenset()
    # Positional construction: this runs once per offer, thousands of times per ranking.
    return [OfferFacts(*row, industries.get(row[0], none)) for row in rows]


def synonym_facts() -> list[SynonymFacts]:
    """The active synonym groups."""
    rows = db.session.execute(
        select(SynonymGroup.terms, SynonymGroup.terms_key)
        .where(SynonymGroup.active.is_(True))
        .order_by(SynonymGroup.id)
    )
    return [SynonymFacts(terms, tuple(k for k in key.split("\n") if k)) for terms, key in rows]


def met_delegation(delegation_id: int) -> dict[int, date]:
    """Local organisations that met the delegation: their people attended one of its meetings,
    or the organisation took part in the visit; with the first such (local) date."""
    met: dict[int, date] = {}
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    first_seen_stmt, local_attendees_stmt, took_part_stmt = _met_statements()
    first_seen = dict(db.session.execute(first_seen_stmt, {"delegation_id": delegation_id}).all())
    attended: dict[int, datetime] = {}
    if first_seen:
        local_attendees = db.session.execute(local_attendees_stmt, {"people": list(first_seen)})
        for person_id, organisation_id in local_attendees:
            at = first_seen[person_id]
            attended[organisation_id] = min(attended.get(organisation_id, at), at)
    for organisation_id, starts_at in attended.items():
        met[organisation_id] = _local_date(starts_at, zone)
    took_part = db.session.execute(took_part_stmt, {"delegation_id": delegation_id})
    for organisation_id, start in took_part:
        met[organisation_id] = min(met.get(organisation_id, start), start)
    return met


@built_once
def _met_statements() -> tuple[Select, Select, Select]:
    """met_delegation's statements, the delegation and the people as parameters."""
    delegation_id = bindparam("delegation_id")
    # The delegation's attendees first, then their local organisations by id: in one join,
    # SQLite without planner statistics took "people not deleted" (an index) for the narrower
    # start and read every person.
    first_seen = (
        select(meeting_person.c.person_id, func.min(Meeting.starts_at))
        .join(Meeting, Meeting.id == meeting_person.c.meeting_id)
        .where(Meeting.delegation_id == delegation_id)
        .group_by(meeting_person.c.person_id)
    )
    local_attendees = (
        select(Person.id, Person.organisation_id)
        .join(Organisation, Organisation.id == Person.organisation_id)
        .where(Person.id.in_(bindparam("people", expanding=True)), Organisation.is_local.is_(True))
    )
    took_part = (
        select(Organisation.id, Delegation.start_date)
        .join(Delegation, Delegation.id == delegation_id)
        .where(
            Organisation.is_local.is_(True),
            Organisation.id.in_(
                select(delegation_organisation.c.organisation_id)
                .where(delegation_organisation.c.delegation_id == delegation_id)
                .union(
                    select(DelegationMember.organisation_id).where(
                        DelegationMember.delegation_id == delegation_id
                    )
                )
            ),
        )
    )
    return first_seen, local_attendees, took_part


def _local_date(value: datetime, zone: ZoneInfo) -> date:
    return value.replace(tzinfo=UTC).astimezone(zone).date()
