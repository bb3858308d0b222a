"""Matchmaking writes: local partners' offers, the synonym list, and matches."""

import re
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import contains_eager, selectinload

from tracker.extensions import db
from tracker.matchmaking.flow import MatchError, change_status, record
from tracker.matchmaking.suggestions import suggestion_for
from tracker.models import (
    KeyIndustry,
    LocalOffer,
    Match,
    MatchStatus,
    Need,
    OfferKind,
    Organisation,
    Person,
    SynonymGroup,
    User,
    utcnow,
)
from tracker.models.matchmaking import TERM_SEPARATOR
from tracker.stored_text import N_, StoredMessage
from tracker.textmatch import match_text

# The note on a match made from a suggestion (shown in the reader's language).
ACCEPTED = StoredMessage(N_("Accepted from the suggestions."))

__all__ = ["MatchError", "change_status"]


@dataclass
class OfferData:
    """The editable fields of an offer, as plain values."""

    kind: OfferKind
    title: str
    description: str | None = None
    area_m2: int | None = None
    headcount: int | None = None
    keywords: str | None = None
    contact_person_id: int | None = None
    industry_ids: list[int] = field(default_factory=list)
    active: bool = True


def save_offer(
    offer: LocalOffer | None, organisation: Organisation, data: OfferData, by: User | None
) -> LocalOffer:
    """Create (offer None) or update an offer of a local partner; flushes."""
    if not organisation.is_local:
        raise ValueError("Only local partners carry offers.")
    ids = set(data.industry_ids)
    industries = (
        list(db.session.scalars(select(KeyIndustry).where(KeyIndustry.id.in_(ids)))) if ids else []
    )
    if offer is None:
        offer = LocalOffer(organisation=organisation, created_by=by, industries=industries)
        db.session.add(offer)
    else:
        offer.industries = industries  # loaded with the offer (offer_for_edit)
    offer.kind = OfferKind(data.kind)
    offer.title = data.title.strip()
    offer.description = (data.description or "").strip() or None
    offer.area_m2 = data.area_m2
    offer.headcount = data.headcount
    offer.keywords = (data.keywords or "").strip() or None
    offer.contact_person_id = data.contact_person_id
    offer.active = data.active
    offer.updated_at = utcnow()  # also when only its industries changed (ranking snapshots)
    db.session.flush()
    return offer


def offer_for_edit(offer_id: int) -> LocalOffer | None:
    """An offer with its industries and partner loaded (none when the partner is deleted)."""
    stmt = (
        select(LocalOffer)
        .join(LocalOffer.organisation)
        .where(LocalOffer.id == offer_id)
        .options(selectinload(LocalOffer.industries), contains_eager(LocalOffer.organisation))
    )
    return db.session.scalar(stmt)


def delete_offer(offer: LocalOffer) -> None:
    """Delete an offer; matches made with it keep the partner and lose the offer; flushes."""
    db.session.delete(offer)
    db.session.flush()


def contact_choices(organisation_id: int) -> list[tuple[int, str]]:
    """People of the partner, for the offer's contact person."""
    rows = db.session.execute(
        select(Person.id, Person.full_name)
        .where(Person.organisation_id == organisation_id)
        .order_by(Person.full_name)
    )
    return [(i, name) for i, name in rows]


def offer_choices() -> list[tuple[int, str]]:
    """Active offers of local partners, as (id, "Partner: title"), in one query."""
    rows = db.session.execute(
        select(LocalOffer.id, Organisation.name, LocalOffer.title)
        .join(Organisation, Organisation.id == LocalOffer.organisation_id)
        .where(Organisation.is_local.is_(True), LocalOffer.active.is_(True))
        .order_by(LocalOffer.title, LocalOffer.id)
    )
    return [(i, f"{partner}: {title}") for i, partner, title in rows]


# --- the synonym list -------------------------------------------------------------------------

_TERM_SPLIT = re.compile(r"\s*(?:~|\n|\r)\s*")


def parse_terms(text: str | None) -> list[str]:
    """Terms separated by ~ or new lines, blanks and repeats (after folding) dropped."""
    terms: list[str] = []
    seen: set[str] = set()
    for term in _TERM_SPLIT.split(text or ""):
        key = match_text(term)
        if key and key not in seen:
            seen.add(key)
            terms.append(" ".join(term.split()))
    return terms


def list_synonym_groups(query: str | None = None) -> Select:
    """The synonym list (groups with a term containing query), active first, then by terms."""
    stmt = select(SynonymGroup).order_by(SynonymGroup.active.desc(), SynonymGroup.terms)
    needle = match_text(query).strip()
    if needle:
        stmt = stmt.where(SynonymGroup.terms_key.contains(needle, autoescape=True))
    return stmt


def save_synonym_group(group: SynonymGroup | None, terms: list[str], active: bool) -> SynonymGroup:
    """Create (group None) or update a synonym group; flushes."""
    if group is None:
        group = SynonymGroup()
        db.session.add(group)
    group.terms = TERM_SEPARATOR.join(terms)
    group.active = active
    db.session.flush()
    return group


def delete_synonym_group(group: SynonymGroup) -> bool:
    """Delete a manager's own group; a group seeded from the glossary is switched off instead,
    so that seeding never brings it back. True when it was deleted; flushes."""
    if group.glossary_key:
        group.active = False
    else:
        db.session.delete(group)
    db.session.flush()
    return not group.glossary_key


# --- matches ----------------------------------------------------------------------------------


def _new_match(
    need: Need, organisation: Organisation, offer: LocalOffer | None, by, note, **snapshot
):
    if not organisation.is_local:
        raise MatchError(_("Only local partners can be matched with a need."))
    if offer is not None and offer.organisation_id != organisation.id:
        raise MatchError(_("That offer belongs to another partner."))
    taken = db.session.scalar(
        select(Match.id).where(Match.need_id == need.id, Match.organisation_id == organisation.id)
    )
    if taken is not None:
        raise MatchError(_("%(name)s is already matched with this need.", name=organisation.name))
    # The suggestion's score and reasons go in before the first flush, so that the match as
    # first written (and the match.accepted webhook event made from it) carries them.
    match = Match(need=need, organisation=organisation, offer=offer, created_by=by, **snapshot)
    db.session.add(match)
    record(match, MatchStatus.PROPOSED, by, note)
    return match


def accept_suggestion(need: Need, organisation_id: int, by: User | None) -> Match:
    """Match need with a suggested partner, keeping the suggestion's score and reasons."""
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        raise MatchError(_("That partner no longer exists."))
    suggestion = suggestion_for(need, organisation_id)
    offer = (
        db.session.get(LocalOffer, suggestion.offer.id) if suggestion and suggestion.offer else None
    )
    snapshot = (
        {"score": suggestion.score, "reasons": "\n".join(suggestion.reasons)} if suggestion else {}
    )
    return _new_match(need, organisation, offer, by, ACCEPTED.text(), **snapshot)


def pick_partner(
    need: Need, organisation: Organisation, offer: LocalOffer | None, by: User | None, note=None
) -> Match:
    """Match need with a partner chosen by hand; flushes."""
    return _new_match(need, organisation, offer, by, note)
