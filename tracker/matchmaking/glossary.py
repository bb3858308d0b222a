"""The shipped trilingual glossary (glossary.tsv) and the synonym list managers edit.

The glossary seeds the synonym list (seed_glossary, run by `flask seed-glossary` and `make run`)
so managers see and edit its groups. Ranking uses the glossary as shipped, except where the
synonym list holds a group seeded from the same concept: that group, edited or switched off by
a manager, replaces the shipped one. Managers' own groups are added to it.
"""

from functools import cache
from importlib.resources import files
from typing import NamedTuple

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import SynonymGroup
from tracker.models.matchmaking import TERM_SEPARATOR


class Concept(NamedTuple):
    """One group of terms that mean the same, with a label for reasons."""

    key: str  # the glossary's key, or "group-<id>" for a manager's own group
    terms: tuple[str, ...]


@cache
def shipped_glossary() -> tuple[Concept, ...]:
    """The concept groups of glossary.tsv, in file order."""
    text = files("tracker.matchmaking").joinpath("glossary.tsv").read_text(encoding="utf-8")
    concepts = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True  # key, en, de, zh
            continue
        key, *cells = line.split("\t")
        terms = [t.strip() for cell in cells for t in cell.split("~") if t.strip()]
        concepts.append(Concept(key.strip(), tuple(dict.fromkeys(terms))))
    return tuple(concepts)


def concepts_in_force() -> list[Concept]:
    """The shipped concepts, each replaced by its seeded group where the list holds one, and
    the managers' own active groups (one query)."""
    rows = db.session.execute(
        select(SynonymGroup.id, SynonymGroup.glossary_key, SynonymGroup.terms, SynonymGroup.active)
    ).all()
    seeded = {key: (terms, active) for _, key, terms, active in rows if key}
    found = []
    for concept in shipped_glossary():
        if concept.key not in seeded:
            found.append(concept)
        elif seeded[concept.key][1]:
            found.append(Concept(concept.key, _terms(seeded[concept.key][0])))
    own = (Concept(f"group-{i}", _terms(t)) for i, key, t, active in rows if active and not key)
    found.extend(own)
    return found


def _terms(joined: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in joined.split("~") if t.strip())


def seed_glossary() -> int:
    """Add the shipped concepts the synonym list lacks (by key); never changes a group a
    manager may have edited. Returns how many were added; flushes."""
    present = set(db.session.scalars(select(SynonymGroup.glossary_key)))
    added = 0
    for concept in shipped_glossary():
        if concept.key in present:
            continue
        db.session.add(SynonymGroup(terms=_joined(concept.terms), glossary_key=concept.key))
        added += 1
    db.session.flush()
    return added


def _joined(terms: tuple[str, ...], limit: int = 1000) -> str:
    """Terms joined as the synonym list stores them, as many whole terms as its column holds."""
    joined = ""
    for term in terms:
        longer = f"{joined}{TERM_SEPARATOR}{term}" if joined else term
        if len(longer) > limit:
            break
        joined = longer
    return joined
