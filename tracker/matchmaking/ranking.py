"""Ranking local partners for a need: relevance of the whole profile plus evidence, explained.

The need's words and concepts are weighed against every partner's documents by BM25
(index.py): a specific technology counts for much, a word every partner uses for little.
Category, industry, kind of offer, space, headcount, having met the delegation and the
commission's own earlier decisions add points as evidence; none of them is a gate, so a need
filed under the wrong industry still finds the partner its words describe. Reasons are only
written for the suggestions returned, in the interface language.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import date

from tracker.matchmaking.analysis import analyse, split_compound
from tracker.matchmaking.facts import NeedFacts, OfferFacts, PartnerFacts
from tracker.matchmaking.index import CONCEPT, OFFER_FIELDS, PIECE, Doc, PartnerIndex, Units
from tracker.matchmaking.reasons import reason_text
from tracker.models import OfferKind
from tracker.text import fold

# Points for the relevance of a partner's words, per unit of BM25 divided by the highest
# inverse frequency (a word only one partner uses counts about as much, at any size).
POINTS_RELEVANCE = 10.0
POINTS_INDUSTRY = 8.0
POINTS_KIND = 8.0
POINTS_AREA = 10.0
POINTS_HEADCOUNT = 6.0
POINTS_TOO_SMALL = -4.0
POINTS_MET = 5.0
POINTS_LEARNED = 12.0
TITLE = 1.5  # a need's title says what it is about more surely than its description
CONCEPT_WEIGHT = 1.5
REACH = 0.5  # a compound a need's word is part of, found in a profile
FITS_ALONE = frozenset({"fits", "industry"})  # evidence that makes a partner worth suggesting

K = OfferKind
# Need category (folded English name of the managed term) -> offer kinds that answer it, and
# how well. A kind not listed adds nothing and takes nothing away.
KIND_FITS: dict[str, dict[OfferKind, float]] = {
    "establishment and investment": {
        K.FACTORY_SPACE: 1, K.OFFICE_SPACE: 1, K.SERVICES: 1, K.SUBSIDY_SCHEME: 0.5,
        K.FINANCE: 0.5, K.TEST_SITE: 0.5,
    },
    "local partner search": {
        K.SUPPLIER_CAPABILITY: 1, K.DISTRIBUTION: 1, K.ASSOCIATION: 1, K.PILOT_CUSTOMER: 1,
        K.RESEARCH_COOPERATION: 0.5, K.SERVICES: 0.5,
    },
    "supply chain and sourcing": {
        K.SUPPLIER_CAPABILITY: 1, K.DISTRIBUTION: 0.5, K.MARKET_ACCESS: 0.5,
        K.PILOT_CUSTOMER: 0.5,
    },
    "talent and recruitment": {
        K.TALENT_PROGRAMME: 1, K.HOUSING: 0.5, K.SERVICES: 0.5, K.RESEARCH_COOPERATION: 0.5,
    },
    "industrial land and space": {
        K.FACTORY_SPACE: 1, K.OFFICE_SPACE: 1, K.LAB_SPACE: 1, K.TEST_SITE: 0.5,
    },
    "policy and subsidies": {K.SUBSIDY_SCHEME: 1, K.FINANCE: 0.5, K.SERVICES: 0.5},
    "r&d cooperation": {K.RESEARCH_COOPERATION: 1, K.LAB_SPACE: 1, K.TEST_SITE: 0.5},
    "market access and regulation": {
        K.MARKET_ACCESS: 1, K.DISTRIBUTION: 1, K.SERVICES: 0.5, K.PILOT_CUSTOMER: 0.5,
        K.EVENTS: 0.5, K.ASSOCIATION: 0.5,
    },
    "financing and capital": {K.FINANCE: 1, K.SUBSIDY_SCHEME: 0.5},
    "professional services": {K.SERVICES: 1, K.MARKET_ACCESS: 0.5},
    "housing and relocation": {K.HOUSING: 1, K.SERVICES: 0.5, K.TALENT_PROGRAMME: 0.5},
    "test sites and pilot projects": {K.TEST_SITE: 1, K.PILOT_CUSTOMER: 1, K.LAB_SPACE: 0.5},
    "customers and sales": {
        K.PILOT_CUSTOMER: 1, K.DISTRIBUTION: 1, K.EVENTS: 0.5, K.MARKET_ACCESS: 0.5,
    },
    "events and networking": {K.EVENTS: 1, K.ASSOCIATION: 1},
}  # fmt: skip


@dataclass
class Suggestion:
    """One local partner (with its best offer, if any), its score and its reasons."""

    partner: PartnerFacts
    offer: OfferFacts | None
    points: float
    codes: list[tuple] = field(default_factory=list)  # (points, code, *values)
    relevance: float = 0.0
    declined: bool = False
    doc: Doc | None = None
    reasons: list[str] = field(default_factory=list)  # written for returned suggestions

    @property
    def score(self) -> int:
        return round(self.points)


def rank(
    need: NeedFacts,
    index: PartnerIndex,
    *,
    met: dict[int, date] | None = None,
    exclude: frozenset[int] = frozenset(),
    declined: frozenset[int] = frozenset(),
    learned: dict[int, tuple[float, str]] | None = None,
    only: int | None = None,
    limit: int = 10,
) -> list[Suggestion]:
    """The best `limit` partners for need, best first; ties by the weight of the words that
    matched, then by how many kinds of evidence agree, then the partner on file longest.

    met gives, per partner, the day it first met the need's delegation; learned, per partner,
    how similar (0-1) a need it was accepted for is, and that need's title; declined partners
    are shown (marked) rather than left out; only ranks a single partner.
    """
    met, learned = met or {}, learned or {}
    units = need_units(need, index)
    text = index.scores(units.items)
    top_idf = math.log(1 + (max(index.partner_count, 1) + 0.5) / 0.5)
    scale = POINTS_RELEVANCE / top_idf
    fits = KIND_FITS.get(need.category_key, {})
    ranked = []
    if only is None:
        entries = index.entries.values()
    else:
        entries = [index.entries[only]] if only in index.entries else []
    for entry in entries:
        partner = entry.partner
        if partner.id in exclude:
            continue
        best: tuple[float, float, Doc, list[tuple]] | None = None
        for doc in entry.docs:
            relevance = text.get(doc.id, 0.0) * scale
            evidence = _offer_evidence(need, doc.offer, fits) if doc.offer else []
            total = relevance + sum(c[0] for c in evidence)
            if best is None or total > best[0]:
                best = (total, relevance, doc, evidence)
        total, relevance, doc, codes = best  # type: ignore[misc]
        if need.industry_id is not None and (
            partner.industry_id == need.industry_id
            or (doc.offer is not None and need.industry_id in doc.offer.industry_ids)
        ):
            codes = [*codes, (POINTS_INDUSTRY, "industry")]
            total += POINTS_INDUSTRY
        # Space, headcount, a meeting or a similar need add to a fit; none is a fit alone.
        if total <= 0 or not (relevance > 0 or any(c[1] in FITS_ALONE for c in codes)):
            continue
        if partner.id in learned:
            similarity, title = learned[partner.id]
            codes.append((POINTS_LEARNED * similarity, "learned", title))
            total += POINTS_LEARNED * similarity
        if partner.id in met:
            codes.append((POINTS_MET, "met", met[partner.id]))
            total += POINTS_MET
        suggestion = Suggestion(partner, doc.offer, total, codes, relevance, doc=doc)
        suggestion.declined = partner.id in declined
        ranked.append(suggestion)
    ranked.sort(key=lambda s: (-s.points, -s.relevance, -len(s.codes), s.partner.id))
    top = ranked[:limit]
    for suggestion in top:
        codes = _word_codes(units, suggestion, index) + sorted(
            suggestion.codes, key=lambda c: -c[0]
        )
        if suggestion.declined:
            codes.append((0, "declined"))
        suggestion.codes = codes
        suggestion.reasons = [reason_text(need, suggestion, c) for c in codes]
    return top


def need_units(need: NeedFacts, index: PartnerIndex) -> Units:
    """The need's words (title weighing more), the compounds' pieces and wholes they reach,
    and the concepts they name, as weighted units of forms. Numbers only complete a concept's
    term (ISO 7); alone they would match any partner's figures."""
    units = Units()
    weights: dict[frozenset[str], float] = {}
    words = [(w, TITLE) for w in analyse(need.title)]
    words += [(w, 1.0) for w in analyse(need.description)]
    present: set[str] = set()  # forms of whole words and pieces, for concepts
    extra: dict[frozenset[str], float] = {}
    for word, weight in words:
        for form in word.forms:
            units.asked.setdefault(form, word.surface)
        if word.whole:
            present.update(word.forms)
        if word.word.isdigit():
            continue
        weights[word.forms] = min(weights.get(word.forms, 0.0) + weight, 2 * TITLE)
        if not word.whole:
            continue
        for piece in split_compound(word.word, index):
            unit = frozenset((piece,))
            extra[unit] = max(extra.get(unit, 0.0), weight * PIECE)
            present.add(piece)
            units.asked.setdefault(piece, word.surface)
        for form in word.forms:
            if len(form) < 5 or not form.isascii():
                continue
            reached = frozenset(index.with_affix(form))
            if reached:
                extra[reached] = max(extra.get(reached, 0.0), weight * REACH)
                for other in reached:
                    units.asked.setdefault(other, word.surface)
    for key, terms in index.concepts.find(present).items():
        extra[frozenset((CONCEPT + key,))] = CONCEPT_WEIGHT
        units.asked[CONCEPT + key] = terms[0]
    units.items = [*weights.items(), *((f, w) for f, w in extra.items() if f not in weights)]
    return units


def _offer_evidence(need: NeedFacts, offer: OfferFacts, fits) -> list[tuple]:
    codes: list[tuple] = []
    fit = fits.get(offer.kind, 0)
    if fit:
        codes.append((POINTS_KIND * fit, "fits"))
    if need.area_asked and offer.area_m2 and offer.kind.is_space:
        if offer.area_m2 >= need.area_asked:
            # The closest adequate space first: a hall of 5,000 m² before a plot of 20,000.
            closeness = math.sqrt(need.area_asked / offer.area_m2)
            codes.append((POINTS_AREA * closeness, "area"))
        else:
            codes.append((POINTS_TOO_SMALL, "area_small"))
    if need.headcount_asked and offer.headcount:
        if offer.headcount >= need.headcount_asked:
            closeness = math.sqrt(need.headcount_asked / offer.headcount)
            codes.append((POINTS_HEADCOUNT * closeness, "headcount"))
        else:
            codes.append((POINTS_TOO_SMALL, "headcount_small"))
    return codes


def _word_codes(units: Units, suggestion: Suggestion, index: PartnerIndex) -> list[tuple]:
    """What matched in the partner's chosen document, as written there, weightiest first."""
    doc = suggestion.doc
    if doc is None or suggestion.relevance <= 0:
        return []
    found: list[tuple[float, str, str, str]] = []  # weight, field, as written, as asked
    for forms, weight in units.items:
        hits = [f for f in forms if f in doc.tf]
        if hits:
            form = max(hits, key=lambda f: index.idf(f) * doc.tf[f])
            quote = doc.quotes[form]
            found.append((weight * index.idf(form), form, quote.field, quote.surface))
    found.sort(key=lambda f: -f[0])
    offer_words: list[str] = []
    profile_words: list[str] = []
    concepts: list[tuple] = []
    same: list[str] = []  # concepts found under the need's own word
    for _weight, form, where, surface in found:
        if form.startswith(CONCEPT):
            asked = units.asked.get(form, "")
            if fold(asked) == fold(surface):
                same.append(surface)
            elif len(concepts) < 3:
                concepts.append((0, "concept", asked, surface))
            continue
        (offer_words if where in OFFER_FIELDS else profile_words).append(surface)
    if not (offer_words or profile_words or concepts):
        offer_words = same
    codes: list[tuple] = []
    if offer_words:
        codes.append((suggestion.relevance, "offer_words", _quotable(offer_words)))
    if profile_words:
        codes.append((0, "profile_words", _quotable(profile_words)))
    return codes + concepts


def _quotable(surfaces: list[str], limit: int = 5) -> list[str]:
    """Words to quote, weightiest first: each once, and none that is part of another quoted
    (十万 and 万级 inside 十万级)."""
    unique: dict[str, str] = {}
    for surface in surfaces:
        unique.setdefault(fold(surface), surface)
    kept = [s for key, s in unique.items() if not any(key != k and key in k for k in unique)]
    return kept[:limit]


_AREA = re.compile(
    r"(\d+(?:[.,]\d+)*)\s*(万)?\s*(?:m²|m2|qm|sqm|square\s*met(?:er|re)s?|平方米|平米|平方|㎡)",
    re.IGNORECASE,
)


def area_in_text(*texts: str | None) -> int | None:
    """The first area in m² written in texts ("500平米", "ca. 2.000 m²", "1万平方米")."""
    for text in texts:
        match = _AREA.search(text or "")
        if match:
            number = re.sub(r"[.,](?=\d{3}\b)", "", match.group(1)).replace(",", ".")
            try:
                value = float(number)
            except ValueError:
                continue
            return int(value * (10000 if match.group(2) else 1)) or None
    return None
