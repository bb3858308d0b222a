"""Ranking local partners for a need: deterministic, explainable, in plain Python.

Scores are sums of fixed points, each with a reason in plain words. Work happens on plain
facts (see suggestions.py for loading them), and reason texts are only written for the
suggestions returned, so ranking a thousand partners stays well under 50 ms.
"""

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from babel.dates import format_skeleton
from flask_babel import format_number, get_locale
from flask_babel import gettext as _

from tracker.matchmaking.textmatch import contains, match_text
from tracker.models import OfferKind
from tracker.models.matchmaking import split_keywords

POINTS_INDUSTRY = 30
POINTS_KIND_FITS = 20
POINTS_AREA = 25
POINTS_HEADCOUNT = 15
POINTS_KEYWORD = 10
MAX_KEYWORD_POINTS = 30
POINTS_MET = 10

K = OfferKind
# Need category (folded English name of the managed term) -> offer kinds that answer it.
KIND_FITS: dict[str, frozenset[OfferKind]] = {
    "establishment and investment": frozenset({K.FACTORY_SPACE, K.OFFICE_SPACE, K.SUBSIDY_SCHEME}),
    "local partner search": frozenset(
        {K.SUPPLIER_CAPABILITY, K.DISTRIBUTION, K.RESEARCH_COOPERATION}
    ),
    "supply chain and sourcing": frozenset({K.SUPPLIER_CAPABILITY, K.DISTRIBUTION}),
    "talent and recruitment": frozenset({K.TALENT_PROGRAMME}),
    "industrial land and space": frozenset({K.FACTORY_SPACE, K.OFFICE_SPACE, K.LAB_SPACE}),
    "policy and subsidies": frozenset({K.SUBSIDY_SCHEME}),
    "r&d cooperation": frozenset({K.RESEARCH_COOPERATION, K.LAB_SPACE}),
    "market access and regulation": frozenset({K.DISTRIBUTION}),
}


@dataclass(frozen=True)
class NeedFacts:
    """What ranking needs to know about the need."""

    text: str  # match_text of title and description
    industry_id: int | None = None
    industry_label: str = ""
    category_key: str = ""  # folded English name of the category
    category_label: str = ""
    area_asked: int | None = None
    headcount_asked: int | None = None


class PartnerFacts(NamedTuple):
    """A local partner (tuples: thousands are built per ranking)."""

    id: int
    name: str
    industry_id: int | None = None


class OfferFacts(NamedTuple):
    """An active offer of a local partner (fields in the order suggestions.py selects them)."""

    id: int
    organisation_id: int
    kind: OfferKind
    title: str
    match_key: str
    keyword_key: str  # folded keywords, one per line
    keywords: str | None  # as entered, for the reasons
    area_m2: int | None = None
    headcount: int | None = None
    industry_ids: AbstractSet[int] = frozenset()


@dataclass(frozen=True)
class SynonymFacts:
    label: str  # "Gehäuseteile ~ housing parts ~ 外壳"
    terms: tuple[str, ...]  # folded


@dataclass
class Suggestion:
    """One local partner (with its best offer, if any), its score and its reasons."""

    partner: PartnerFacts
    offer: OfferFacts | None
    score: int
    codes: list[tuple] = field(default_factory=list)  # (points, code, *values)
    reasons: list[str] = field(default_factory=list)  # written for returned suggestions


def rank(
    need: NeedFacts,
    partners: list[PartnerFacts],
    offers: list[OfferFacts],
    synonyms: list[SynonymFacts],
    *,
    met: dict[int, date] | None = None,
    exclude: frozenset[int] = frozenset(),
    limit: int = 10,
) -> list[Suggestion]:
    """The best `limit` partners for need, highest score first; ties by name, then id.

    met gives, per partner, the day it first met the need's delegation.
    """
    met = met or {}
    groups = [g for g in synonyms if any(contains(need.text, t) for t in g.terms)]
    grouped_terms = {t for g in groups for t in g.terms}
    fits = KIND_FITS.get(need.category_key, frozenset())
    by_partner: dict[int, list[OfferFacts]] = {}
    for offer in offers:
        by_partner.setdefault(offer.organisation_id, []).append(offer)
    ranked = []
    seen: dict[str, bool] = {}
    for partner in partners:
        if partner.id in exclude:
            continue
        score, offer, codes = _partner_only(need, partner)
        # Offers come in id order: among equal scores the first offer stays, and an offer
        # beats the partner alone at the same score (it is more concrete).
        for candidate in by_partner.get(partner.id, ()):
            found = _offer_codes(need, partner, candidate, fits, groups, grouped_terms, seen)
            points = sum(c[0] for c in found)
            if points > score or (points == score and points > 0 and offer is None):
                score, offer, codes = points, candidate, found
        # Having met the delegation adds to a fit; it is no reason to suggest a partner alone.
        if score > 0 and partner.id in met:
            codes = [*codes, (POINTS_MET, "met", met[partner.id])]
            score += POINTS_MET
        if score > 0:
            ranked.append(Suggestion(partner, offer, score, codes))
    ranked.sort(key=lambda s: (-s.score, s.partner.name.casefold(), s.partner.id))
    top = ranked[:limit]
    for suggestion in top:
        suggestion.reasons = [reason_text(need, suggestion, c) for c in suggestion.codes]
    return top


def _partner_only(need: NeedFacts, partner: PartnerFacts) -> tuple[int, None, list[tuple]]:
    """Score of a partner without any offer: its own key industry."""
    if need.industry_id is not None and partner.industry_id == need.industry_id:
        return POINTS_INDUSTRY, None, [(POINTS_INDUSTRY, "industry")]
    return 0, None, []


def _offer_codes(need, partner, offer, fits, groups, grouped_terms, seen) -> list[tuple]:
    codes: list[tuple] = []
    if need.industry_id is not None and (
        need.industry_id in offer.industry_ids or partner.industry_id == need.industry_id
    ):
        codes.append((POINTS_INDUSTRY, "industry"))
    if offer.kind in fits:
        codes.append((POINTS_KIND_FITS, "fits"))
    if (
        need.area_asked
        and offer.area_m2
        and offer.kind.is_space
        and (offer.area_m2 >= need.area_asked)
    ):
        codes.append((POINTS_AREA, "area"))
    if need.headcount_asked and offer.headcount and offer.headcount >= need.headcount_asked:
        codes.append((POINTS_HEADCOUNT, "headcount"))
    budget = MAX_KEYWORD_POINTS
    text = offer.match_key
    for group in groups:
        if any(contains(text, t) for t in group.terms):
            points = min(POINTS_KEYWORD, budget)
            budget -= points
            codes.append((points, "synonym", group.label))
    if offer.keyword_key:
        for key in offer.keyword_key.split("\n"):
            found = seen.get(key)
            if found is None:  # the same keywords recur across offers: test each once
                found = seen[key] = key not in grouped_terms and contains(need.text, key)
            if found:
                points = min(POINTS_KEYWORD, budget)
                budget -= points
                codes.append((points, "keyword", key))
    return codes


def reason_text(need: NeedFacts, suggestion: Suggestion, code: tuple) -> str:
    """One reason in plain words, in the interface language."""
    kind = code[1]
    offer = suggestion.offer
    if kind == "industry":
        return _("same key industry: %(industry)s", industry=need.industry_label)
    if kind == "fits":
        return _(
            "%(kind)s fits a need for %(category)s",
            kind=offer.kind.label,
            category=need.category_label.lower(),
        )
    if kind == "area":
        return _(
            "offers %(kind)s %(area)s m² ≥ %(asked)s m² asked",
            kind=offer.kind.label.lower(),
            area=format_number(offer.area_m2),
            asked=format_number(need.area_asked),
        )
    if kind == "headcount":
        return _(
            "capacity for %(count)s people ≥ %(asked)s asked",
            count=format_number(offer.headcount),
            asked=format_number(need.headcount_asked),
        )
    if kind == "synonym":
        return _("keywords: %(terms)s", terms=code[2])
    if kind == "keyword":
        return _("keywords: %(terms)s", terms=_as_entered(offer, code[2]))
    if kind == "met":
        when = format_skeleton("MMMMd", code[2], locale=get_locale() or "en")
        return _("met the delegation on %(date)s", date=when)
    return kind


def _as_entered(offer: OfferFacts, key: str) -> str:
    """The keyword as the partner's offer spells it, for a folded key."""
    for keyword in split_keywords(offer.keywords):
        if match_text(keyword).strip() == key:
            return keyword
    return key
