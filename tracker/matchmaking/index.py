"""An inverted index over local partners' whole profiles, for BM25-style relevance.

A partner is one or more documents: one per active offer (the offer's title, keywords and
description with the partner's names and description), or its profile alone when it has no
offer. Words are indexed by their forms (analysis.py), found concepts (glossary and synonym
list) as pseudo-words, so a need in Chinese meets an offer in German through their concept.
A partner's documents are replaced on their own when it or its offers change (update), which
keeps an edit from rebuilding the index of a thousand partners.
"""

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from tracker.matchmaking.analysis import (
    Forms,
    Word,
    add_words,
    analyse,
    split_compound,
    whole_term,
)
from tracker.matchmaking.facts import OfferFacts, PartnerFacts
from tracker.matchmaking.glossary import Concept
from tracker.models.matchmaking import split_keywords
from tracker.text import fold

K1 = 1.2
B = 0.5  # partners' descriptions vary in length more than their relevance does
# How much a word counts by where it stands: what an offer is called and tagged with says most.
WEIGHTS = {"title": 2.0, "keywords": 2.0, "offer": 1.0, "name": 1.0, "profile": 0.7}
OFFER_FIELDS = frozenset({"title", "keywords", "offer"})
PIECE = 0.5  # a known piece of a compound counts for half a word
CONCEPT = "\x1f"  # prefix of a concept's pseudo-word (no word holds a control character)


class Quote(NamedTuple):
    """Where a form was first found in a document, and as what was written there."""

    field: str
    surface: str


@dataclass
class Doc:
    """One offer with its partner's profile, or a partner's profile alone (offer None)."""

    id: int  # the index's own number: an offer's id may come back for another partner
    partner_id: int
    offer: OfferFacts | None
    tf: dict[str, float]
    length: float
    quotes: dict[str, Quote]


@dataclass
class Entry:
    partner: PartnerFacts
    signature: tuple
    docs: list[Doc]
    forms: frozenset[str]  # every form of its documents, for document frequencies


class Concepts:
    """Finds the concepts of the glossary and synonym list in a set of forms."""

    def __init__(self, concepts: Iterable[Concept]):
        self.by_key: dict[str, Concept] = {}
        # form of a term's first word -> (concept key, the term's words' forms, the term)
        self._starts: dict[str, list[tuple[str, tuple[Forms, ...], str]]] = {}
        vocabulary: set[str] = set()
        self.first_forms: dict[str, Forms] = {}
        concepts = list(concepts)
        add_words(t for c in concepts for t in c.terms)
        for concept in concepts:
            self.by_key[concept.key] = concept
            for term in concept.terms:
                analysed = analyse(term, precise=True)
                # A term of figures alone, or with a Chinese character no word holds, would
                # match what it does not mean.
                if all(w.word.isdigit() for w in analysed) or not whole_term(term):
                    continue
                words = tuple(w.forms for w in analysed)
                self.first_forms[term] = words[0]
                for form in words[0]:
                    self._starts.setdefault(form, []).append((concept.key, words, term))
                vocabulary.update(f for forms in words for f in forms)
        self.vocabulary = frozenset(vocabulary)
        self._order = {term: i for i, term in enumerate(self.first_forms)}

    def find(self, forms: set[str]) -> dict[str, list[str]]:
        """Concept key -> its terms found among forms (all of a term's words present), in
        the order of the concepts' terms (the same whatever order forms come in)."""
        found: dict[str, list[str]] = {}
        for form in forms:
            for key, words, term in self._starts.get(form, ()):
                if all(any(f in forms for f in w) for w in words[1:]):
                    found.setdefault(key, []).append(term)
        order = self._order
        return {key: sorted(set(terms), key=order.__getitem__) for key, terms in found.items()}


class PartnerIndex:
    """Documents of every local partner, their postings, and the partner frequencies."""

    def __init__(self, concepts: Concepts):
        self.concepts = concepts
        self.entries: dict[int, Entry] = {}
        self.postings: dict[str, dict[int, float]] = {}
        self.docs: dict[int, Doc] = {}
        self.df: Counter[str] = Counter()
        self._length_total = 0.0
        self._last_doc = 0
        self._sorted: tuple[list[str], list[str]] | None = None
        self.key: tuple = ()  # the freshness of the data it was brought up to date with
        self.synonyms_key: tuple = ()  # the synonym list's, which its concepts come from

    # --- keeping it up to date ---------------------------------------------------------------

    def update(self, partner: PartnerFacts, offers: list[OfferFacts], signature: tuple) -> None:
        """Index partner with its active offers, replacing what was indexed of it."""
        self.remove(partner.id)
        profile = self._fields([("name", n) for n in partner.names])
        profile += self._fields([("profile", partner.description)])
        # The offer's own words first: a word quoted from it says more than from the profile.
        docs = [
            self._doc(partner.id, offer, self._offer_fields(offer) + profile) for offer in offers
        ] or [self._doc(partner.id, None, profile)]
        forms = frozenset(f for doc in docs for f in doc.tf)
        self.entries[partner.id] = Entry(partner, signature, docs, forms)
        for doc in docs:
            self.docs[doc.id] = doc
            self._length_total += doc.length
            for form, tf in doc.tf.items():
                self.postings.setdefault(form, {})[doc.id] = tf
        self.df.update(forms)
        self._sorted = None

    def remove(self, partner_id: int) -> None:
        """Drop a partner's documents (when it is deleted, no longer local, or re-indexed)."""
        entry = self.entries.pop(partner_id, None)
        if entry is None:
            return
        for doc in entry.docs:
            del self.docs[doc.id]
            self._length_total -= doc.length
            for form in doc.tf:
                postings = self.postings[form]
                del postings[doc.id]
                if not postings:
                    del self.postings[form]
        self.df.subtract(entry.forms)
        for form in entry.forms:
            if self.df[form] <= 0:
                del self.df[form]
        self._sorted = None

    def _offer_fields(self, offer: OfferFacts) -> list[tuple[str, Word]]:
        # A keyword typed twice in different cases is one keyword; it is quoted as entered.
        keywords: dict[str, str] = {}
        for keyword in split_keywords(offer.keywords):
            keywords.setdefault(fold(keyword), keyword)
        tagged = [
            ("keywords", word._replace(surface=keyword))
            for keyword in keywords.values()
            for word in analyse(keyword)
        ]
        title = self._fields([("title", offer.title)])
        return title + tagged + self._fields([("offer", offer.description)])

    @staticmethod
    def _fields(texts: list[tuple[str, str | None]]) -> list[tuple[str, Word]]:
        return [(name, word) for name, text in texts for word in analyse(text)]

    def _doc(self, partner_id, offer, words: list[tuple[str, Word]]) -> Doc:
        tf: dict[str, float] = {}
        quotes: dict[str, Quote] = {}
        whole: set[str] = set()  # forms of whole words and compounds' pieces, for concepts
        length = 0.0
        known = self.concepts.vocabulary
        for name, word in words:
            # A shorter word found inside a Chinese word (写字 in 写字楼) counts for half.
            weight = WEIGHTS[name] * (1.0 if word.whole else PIECE)
            length += weight
            for form in word.forms:
                tf[form] = tf.get(form, 0.0) + weight
                quotes.setdefault(form, Quote(name, word.surface))
            if not word.whole:
                continue
            whole.update(word.forms)
            for piece in split_compound(word.word, known):
                tf[piece] = tf.get(piece, 0.0) + weight * PIECE
                quotes.setdefault(piece, Quote(name, word.surface))
                whole.add(piece)
        for key, terms in self.concepts.find(whole).items():
            weight, field, term = self._weightiest(terms, quotes)
            tf[CONCEPT + key] = weight
            quotes[CONCEPT + key] = Quote(field, term)
        self._last_doc += 1
        return Doc(self._last_doc, partner_id, offer, tf, max(length, 1.0), quotes)

    def _weightiest(self, terms: list[str], quotes: dict[str, Quote]) -> tuple[float, str, str]:
        """The weight and place of the weightiest of a concept's terms found in a document, and
        that term (the first such, as the concept lists them): the concept counts as much."""
        best = (0.0, "profile", terms[0])
        for term in terms:
            for form in self.concepts.first_forms[term]:
                quote = quotes.get(form)
                if quote is not None and WEIGHTS[quote.field] > best[0]:
                    best = (WEIGHTS[quote.field], quote.field, term)
        return best

    # --- reading it ---------------------------------------------------------------------------

    @property
    def partner_count(self) -> int:
        return len(self.entries)

    def idf(self, form: str) -> float:
        """BM25's inverse frequency of a form over partners (not offers: a partner with ten
        offers on robots makes "robot" no more common)."""
        n = len(self.entries)
        df = self.df.get(form, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def scores(self, units: Iterable[tuple[frozenset[str], float]]) -> dict[int, float]:
        """BM25 of every document that holds a unit's form; a unit of several forms (the
        stems of one word, or the words one compound reaches) counts by its best form."""
        average = self._length_total / len(self.docs) if self.docs else 1.0
        scores: dict[int, float] = {}
        for forms, weight in units:
            best: dict[int, float] = {}
            for form in forms:
                postings = self.postings.get(form)
                if not postings:
                    continue
                idf = self.idf(form) * weight
                for doc_id, tf in postings.items():
                    norm = K1 * (1 - B + B * self.docs[doc_id].length / average)
                    value = idf * tf * (K1 + 1) / (tf + norm)
                    if value > best.get(doc_id, 0.0):
                        best[doc_id] = value
            for doc_id, value in best.items():
                scores[doc_id] = scores.get(doc_id, 0.0) + value
        return scores

    def with_affix(self, form: str, limit: int = 20) -> list[str]:
        """Indexed forms that begin or end with form and are longer (the compounds it is a
        head or modifier of: spritzguss -> spritzgussteil)."""
        if self._sorted is None:
            words = sorted(f for f in self.postings if not f.startswith(CONCEPT))
            self._sorted = words, sorted(w[::-1] for w in words)
        found = []
        for words, needle, flip in (
            (self._sorted[0], form, False),
            (self._sorted[1], form[::-1], True),
        ):
            i = bisect_left(words, needle)
            while i < len(words) and words[i].startswith(needle) and len(found) < limit:
                if len(words[i]) - len(needle) >= 3:
                    found.append(words[i][::-1] if flip else words[i])
                i += 1
        return found

    def __contains__(self, form: object) -> bool:
        """A form some partner uses or some concept names (compounds are split into these)."""
        return form in self.postings or form in self.concepts.vocabulary


@dataclass
class Units:
    """A need's words and concepts as weighted units, with what each was asked as."""

    items: list[tuple[frozenset[str], float]] = field(default_factory=list)
    asked: dict[str, str] = field(default_factory=dict)  # form or concept -> the need's word
