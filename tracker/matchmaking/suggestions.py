"""Loading the facts ranking works on, in a fixed number of queries, and ranking them."""

import threading
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Select, bindparam, func, select

from tracker.extensions import db
from tracker.i18n import commission_zone
from tracker.matchmaking.facts import NeedFacts, OfferFacts, PartnerFacts
from tracker.matchmaking.glossary import concepts_in_force
from tracker.matchmaking.index import Concepts, PartnerIndex
from tracker.matchmaking.learning import learned_from
from tracker.matchmaking.ranking import Suggestion, area_in_text, rank
from tracker.models import (
    Delegation,
    DelegationMember,
    KeyIndustry,
    LocalOffer,
    Match,
    MatchStatus,
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

# One index per database. It is brought up to date on each use: the freshness query tells
# whether anything changed; if so, the partners whose signature moved are re-indexed alone.
# A change of the synonym list rebuilds it (every document's concepts may change).
_indexes: dict[str, PartnerIndex] = {}
_lock = threading.Lock()


def current_index() -> PartnerIndex:
    """The partner index, up to date (one query when nothing changed)."""
    key = _freshness()
    bind = str(db.engine.url)
    index = _indexes.get(bind)
    synonyms_key = key[-2:]
    if index is None or index.synonyms_key != synonyms_key:
        index = PartnerIndex(Concepts(concepts_in_force()))
        index.synonyms_key = synonyms_key
        _refresh(index)
        index.key = key
        _indexes[bind] = index
    elif index.key != key:
        _refresh(index)
        index.key = key
    return index


def _refresh(index: PartnerIndex) -> int:
    """Re-index the partners whose signature changed, drop those gone; returns how many."""
    signatures = _signatures()
    gone = [pid for pid in index.entries if pid not in signatures]
    for pid in gone:
        index.remove(pid)
    changed = [pid for pid, sig in signatures.items()
               if pid not in index.entries or index.entries[pid].signature != sig]  # fmt: skip
    for chunk in _chunks(changed, 500):
        offers: dict[int, list[OfferFacts]] = {}
        for offer in offer_facts(chunk):
            offers.setdefault(offer.organisation_id, []).append(offer)
        for partner in partner_facts(chunk):
            index.update(partner, offers.get(partner.id, []), signatures[partner.id])
    return len(gone) + len(changed)


def _chunks(ids: list[int], size: int):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _signatures() -> dict[int, tuple]:
    """Per local partner: when it changed, and the count, latest change and ids of its offers."""
    offers = {
        org: (count, latest, total)
        for org, count, latest, total in db.session.execute(_offer_signature_statement())
    }
    return {
        org: (changed, *offers.get(org, (0, None, 0)))
        for org, changed in db.session.execute(_partner_signature_statement())
    }


@built_once
def _partner_signature_statement() -> Select:
    return select(Organisation.id, Organisation.updated_at).where(Organisation.is_local.is_(True))


@built_once
def _offer_signature_statement() -> Select:
    return (
        select(
            LocalOffer.organisation_id, func.count(LocalOffer.id),
            func.max(LocalOffer.updated_at), func.sum(LocalOffer.id),
        )
        .join(Organisation, Organisation.id == LocalOffer.organisation_id)
        .where(Organisation.is_local.is_(True))
        .group_by(LocalOffer.organisation_id)
    )  # fmt: skip


def _freshness() -> tuple:
    """Counts and latest changes of everything the index is built from, in one query."""
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


def suggest(need: Need, limit: int = 10, *, show_declined: bool = False) -> list[Suggestion]:
    """Local partners for need, best first, leaving out those already matched with it (and
    those declined for it, unless show_declined)."""
    matched = {
        org: status
        for org, status in db.session.execute(_matched_statement(), {"need_id": need.id})
    }
    declined = frozenset(o for o, s in matched.items() if s == MatchStatus.DECLINED)
    exclude = frozenset(matched) - (declined if show_declined else frozenset())
    facts = need_facts(need)
    with _lock:
        index = current_index()
        return rank(
            facts, index, met=_met(need), exclude=exclude, declined=declined,
            learned=learned_from(need, index), limit=limit,
        )  # fmt: skip


@built_once
def _matched_statement() -> Select:
    return select(Match.organisation_id, Match.status).where(Match.need_id == bindparam("need_id"))


def suggestion_for(need: Need, organisation_id: int) -> Suggestion | None:
    """The suggestion for one partner (to snapshot its score and reasons when accepted)."""
    facts = need_facts(need)
    with _lock:
        index = current_index()
        found = rank(
            facts, index, met=_met(need), learned=learned_from(need, index),
            only=organisation_id, limit=1,
        )  # fmt: skip
    return found[0] if found else None


def _met(need: Need) -> dict[int, date]:
    return met_delegation(need.delegation_id) if need.delegation_id else {}


def need_facts(need: Need) -> NeedFacts:
    """The need's text, industry, category and what it asks for (two small lookups)."""
    industry = db.session.get(KeyIndustry, need.key_industry_id) if need.key_industry_id else None
    category = db.session.get(NeedCategory, need.category_id) if need.category_id else None
    return NeedFacts(
        title=need.title or "",
        description=need.description or "",
        id=need.id,
        industry_id=need.key_industry_id,
        industry_label=industry.label if industry else "",
        category_key=fold(category.name) if category else "",
        category_label=category.label if category else "",
        # An area written in the text counts when the field is empty ("需要500平米洁净车间").
        area_asked=need.area_m2_asked or area_in_text(need.title, need.description),
        headcount_asked=need.headcount_asked,
    )


LANGUAGES = ("en", "de", "zh")


def partner_facts(ids: list[int]) -> list[PartnerFacts]:
    """The local organisations of ids, with their names and descriptions."""
    rows = db.session.execute(
        select(
            Organisation.id, Organisation.name, Organisation.key_industry_id,
            Organisation.name_en, Organisation.name_de, Organisation.name_zh,
            Organisation.description,
        ).where(Organisation.is_local.is_(True), Organisation.id.in_(ids))
    )  # fmt: skip
    partners = []
    for i, name, industry, en, de, zh, description in rows:
        names = tuple(dict.fromkeys(n for n in (name, en, de, zh) if n))
        by_language = tuple((lang, n) for lang, n in zip(LANGUAGES, (en, de, zh), strict=True) if n)
        partners.append(PartnerFacts(i, name, industry, names, description, by_language))
    return partners


def offer_facts(organisation_ids: list[int]) -> list[OfferFacts]:
    """Active offers of the local partners of organisation_ids, in id order."""
    where = [
        LocalOffer.active.is_(True),
        Organisation.is_local.is_(True),
        LocalOffer.organisation_id.in_(organisation_ids),
    ]
    industries: dict[int, set[int]] = {}
    links = select(offer_industry.c.offer_id, offer_industry.c.key_industry_id).join(
        LocalOffer, LocalOffer.id == offer_industry.c.offer_id
    )
    for offer_id, industry_id in db.session.execute(
        links.join(Organisation, Organisation.id == LocalOffer.organisation_id).where(*where)
    ):
        industries.setdefault(offer_id, set()).add(industry_id)
    rows = db.session.execute(
        select(
            LocalOffer.id, LocalOffer.organisation_id, LocalOffer.kind, LocalOffer.title,
            LocalOffer.description, LocalOffer.keywords, LocalOffer.area_m2, LocalOffer.headcount,
        )
        .join(Organisation, Organisation.id == LocalOffer.organisation_id)
        .where(*where)
        .order_by(LocalOffer.id)
    )  # fmt: skip
    none: frozenset[int] = frozenset()
    return [OfferFacts(*row, industries.get(row[0], none)) for row in rows]


def met_delegation(delegation_id: int) -> dict[int, date]:
    """Local organisations that met the delegation: their people attended one of its meetings,
    or the organisation took part in the visit; with the first such (local) date."""
    met: dict[int, date] = {}
    zone = commission_zone()
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
        # A deleted meeting met nobody. The soft-delete rule reaches Meeting here too; said
        # outright all the same, as the statement starts from a link table, not from the model.
        .where(Meeting.delegation_id == delegation_id, Meeting.deleted_at.is_(None))
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
