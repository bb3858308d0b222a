"""Managed vocabularies: topics, key industries, need categories, lost reasons and origin
regions; their usage, and the delete guard."""

from dataclasses import dataclass
from typing import Required, TypedDict, Unpack

from sqlalchemy import ScalarSelect, func, select

from tracker.extensions import db
from tracker.models import (
    Delegation,
    KeyIndustry,
    LostReason,
    Need,
    NeedCategory,
    Organisation,
    OriginRegion,
    Topic,
    delegation_topic,
)
from tracker.models.matchmaking import offer_industry
from tracker.models.meeting import meeting_topic

Term = Topic | KeyIndustry | NeedCategory | LostReason | OriginRegion

# URL segment -> model; the views 404 on anything else.
VOCABULARIES: dict[str, type[Term]] = {
    "topics": Topic,
    "industries": KeyIndustry,
    "categories": NeedCategory,
    "lost-reasons": LostReason,
    "regions": OriginRegion,
}


class TermInUse(Exception):
    """The term is still used by records, so it can only be deactivated."""


@dataclass
class TermRow:
    """A term with the number of records using it."""

    term: Term
    usage: int


def vocabulary_model(kind: str) -> type[Term] | None:
    """The model behind a URL segment, or None when unknown."""
    return VOCABULARIES.get(kind)


def _usage_expression(model: type[Term]) -> ScalarSelect:
    """A correlated count of the records using each term, so a list costs one query."""
    if model is Topic:
        delegations = (
            select(func.count())
            .select_from(delegation_topic)
            .where(delegation_topic.c.topic_id == Topic.id)
            .scalar_subquery()
        )
        meetings = (
            select(func.count())
            .select_from(meeting_topic)
            .where(meeting_topic.c.topic_id == Topic.id)
            .scalar_subquery()
        )
        return delegations + meetings
    if model is KeyIndustry:
        organisations = (
            select(func.count(Organisation.id))
            .where(Organisation.key_industry_id == KeyIndustry.id)
            .scalar_subquery()
        )
        needs = select(func.count(Need.id)).where(Need.key_industry_id == KeyIndustry.id)
        offers = (
            select(func.count())
            .select_from(offer_industry)
            .where(offer_industry.c.key_industry_id == KeyIndustry.id)
        )
        return organisations + needs.scalar_subquery() + offers.scalar_subquery()
    if model is OriginRegion:
        # The table, not the model: deleted delegations count too (the global criteria would
        # hide them), since their rows still refer to the region and would block its delete.
        delegation = Delegation.__table__
        delegations = select(func.count()).select_from(delegation)
        return delegations.where(delegation.c.origin_region_id == OriginRegion.id).scalar_subquery()
    column = Need.category_id if model is NeedCategory else Need.lost_reason_id
    return select(func.count(Need.id)).where(column == model.id).scalar_subquery()


def list_terms(model: type[Term]) -> list[TermRow]:
    """All terms of a vocabulary in display order, each with its usage count."""
    stmt = select(model, _usage_expression(model).label("usage")).order_by(
        model.position, model.name, model.id
    )
    return [TermRow(term, usage) for term, usage in db.session.execute(stmt)]


def usage_count(term: Term) -> int:
    """How many records (delegations and meetings, or organisations) use the term."""
    model = type(term)
    stmt = select(_usage_expression(model)).select_from(model).where(model.id == term.id)
    return db.session.scalar(stmt) or 0


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def name_taken(model: type[Term], name: str, exclude_id: int | None = None) -> bool:
    """True when another term of the vocabulary has this name, ignoring case and spacing.

    Compared in Python: vocabularies are short, and SQLite's lower() only folds ASCII
    (Ärzte vs ärzte), so SQL alone would disagree between the two databases.
    """
    folded = _fold(name)
    stmt = select(model.id, model.name)
    return any(i != exclude_id and _fold(n) == folded for i, n in db.session.execute(stmt))


class TermFields(TypedDict, total=False):
    """What a vocabulary form sets on a term; needs_text and country belong to one model each."""

    name: Required[str]
    name_de: str | None
    name_zh: str | None
    position: int
    active: bool
    needs_text: bool
    country: str | None


def _apply(
    term: Term,
    name: str,
    name_de: str | None = None,
    name_zh: str | None = None,
    position: int = 0,
    active: bool = True,
    needs_text: bool = False,
    country: str | None = None,
) -> None:
    if isinstance(term, LostReason):
        term.needs_text = needs_text
    if isinstance(term, OriginRegion):
        term.country = country or None
    term.name = " ".join(name.split())
    term.name_de = (name_de or "").strip() or None
    term.name_zh = (name_zh or "").strip() or None
    term.position = position
    term.active = active


def create_term(model: type[Term], **fields: Unpack[TermFields]) -> Term:
    """Add a term to a vocabulary; the caller has checked name_taken."""
    term = model()
    _apply(term, **fields)
    db.session.add(term)
    db.session.flush()
    return term


def update_term(term: Term, **fields: Unpack[TermFields]) -> None:
    """Rename, reorder or (de)activate a term; records keep using it either way."""
    _apply(term, **fields)
    db.session.flush()


def delete_term(term: Term) -> None:
    """Delete an unused term; TermInUse when records refer to it (deactivate it instead)."""
    if usage_count(term):
        raise TermInUse(term.name)
    db.session.delete(term)
    db.session.flush()
