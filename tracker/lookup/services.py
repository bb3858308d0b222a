"""Bounded searches and labels of organisations, people and delegations, for the pickers.

Pickers ask `find` as the user types, and render only the chosen records plus a short list
(`offered`). Deleted records never appear: tracker.softdelete hides them from every query.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, or_, select

from tracker.extensions import db
from tracker.lookup import FALLBACK, LIMIT
from tracker.models import Delegation, Organisation, Person
from tracker.models.imports import name_matches
from tracker.text import search_needle

MAX_NEEDLE = 100  # longer queries match nothing anyway; keep the LIKE pattern short


class Option(NamedTuple):
    """One record as a picker shows it (the JSON of the lookup endpoints); a (value, text) pair
    to templates."""

    value: int
    text: str


@dataclass(frozen=True)
class Kind:
    """How to select, match, order and label one kind of record.

    The no-JavaScript list holds the most recent records, what users most likely pick next.
    """

    id: ColumnElement
    statement: Callable[[bool], Select]  # (local only?) -> SELECT id, label parts
    matches: Callable[[str], ColumnElement]  # folded needle -> condition
    by_name: tuple
    recent: Callable[[bool], tuple]  # (local only?) -> the order of the no-JavaScript list
    label: Callable[..., str]
    sort_offered: bool  # list the recent ones by name (delegations stay newest first)


def _organisations(local: bool) -> Select:
    stmt = select(Organisation.id, Organisation.name, Organisation.city)
    return stmt.where(Organisation.is_local.is_(True)) if local else stmt


def _people(local: bool) -> Select:
    stmt = select(Person.id, Person.full_name, Organisation.name).outerjoin(
        Organisation, Organisation.id == Person.organisation_id
    )
    if local:
        partners = select(Organisation.id).where(Organisation.is_local.is_(True))
        stmt = stmt.where(Person.organisation_id.in_(partners))
    return stmt


def _recent_people(local: bool) -> tuple:
    # Local people are few among many: "+ 0" keeps SQLite from walking every person by id
    # (looking for them) instead of reading the partners' people from their index.
    return ((Person.id + 0).desc(),) if local else (Person.id.desc(),)


def _delegations(_local: bool) -> Select:
    return select(Delegation.id, Delegation.title, Delegation.start_date)


KINDS: dict[str, Kind] = {
    "organisations": Kind(
        Organisation.id, _organisations, name_matches,
        by_name=(Organisation.name, Organisation.id), recent=lambda _l: (Organisation.id.desc(),),
        label=lambda name, city: f"{name} ({city})" if city else name, sort_offered=True,
    ),
    "people": Kind(
        Person.id, _people, lambda needle: Person.search_key.contains(needle, autoescape=True),
        by_name=(Person.full_name, Person.id), recent=_recent_people,
        label=lambda name, organisation: f"{name} — {organisation}" if organisation else name,
        sort_offered=True,
    ),
    "delegations": Kind(
        Delegation.id, _delegations,
        lambda needle: Delegation.search_key.contains(needle, autoescape=True),
        by_name=(Delegation.start_date.desc(), Delegation.id.desc()),
        recent=lambda _l: (Delegation.start_date.desc(), Delegation.id.desc()),
        label=lambda title, start: f"{title} ({start:%Y-%m-%d})", sort_offered=False,
    ),
}  # fmt: skip


def find(kind: str, query: str, *, local: bool = False, limit: int = LIMIT) -> list[Option]:
    """Up to limit records whose folded names contain the folded query (pinyin, umlauts and
    accents fold as in the search box); without a query, the most recent ones."""
    spec = KINDS[kind]
    needle = search_needle(query)[:MAX_NEEDLE]
    stmt = spec.statement(local)
    if needle:
        stmt = stmt.where(spec.matches(needle)).order_by(*spec.by_name)
    else:
        stmt = stmt.order_by(*spec.recent(local))
    return [_option(spec, row) for row in db.session.execute(stmt.limit(limit))]


def offered(
    kind: str, chosen: Iterable[int | None], *, local: bool = False, fallback: bool = True
) -> tuple[list[Option], list[Option]]:
    """(the chosen records that exist, a bounded list of others), in one query.

    A chosen id missing from the answer is unknown, deleted or of the wrong side (local).
    """
    spec = KINDS[kind]
    ids = {i for i in chosen if i is not None and 0 < i < 2**31}  # no column overflows
    return _offered(spec, ids, local, fallback)


def _offered(
    spec: Kind, ids: set[int], local: bool, fallback: bool = True
) -> tuple[list[Option], list[Option]]:
    if not ids and not fallback:
        return [], []
    conditions = [spec.id.in_(ids)] if ids else []
    if fallback:
        recent = spec.statement(local).with_only_columns(spec.id).order_by(*spec.recent(local))
        conditions.append(spec.id.in_(recent.limit(FALLBACK).scalar_subquery()))
    stmt = spec.statement(local).where(or_(*conditions)).order_by(*spec.recent(local))
    options = [_option(spec, row) for row in db.session.execute(stmt)]
    others = [o for o in options if o.value not in ids]
    if spec.sort_offered:
        others.sort(key=lambda o: (o.text.casefold(), o.value))
    return [o for o in options if o.value in ids], others


def filter_options(kind: str, chosen: int | str | None, *, local: bool = False) -> list[Option]:
    """A list filter's picker options: the chosen record (if it exists), then the latest."""
    current, others = offered(kind, [chosen if isinstance(chosen, int) else None], local=local)
    return current + others


def _option(spec: Kind, row) -> Option:
    return Option(row[0], spec.label(*row[1:]))
