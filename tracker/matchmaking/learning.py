"""Learning from the commission's own decisions: partners accepted for similar needs.

A partner a colleague accepted for a need much like this one (the same rare words, weighed by
the partner index's inverse frequencies) earns points, and the reason names that need.
Declined partners are handled where suggestions are made: they are not suggested again.
"""

from functools import lru_cache

from sqlalchemy import Select, bindparam, select

from tracker.extensions import db
from tracker.matchmaking.analysis import analyse
from tracker.matchmaking.index import PartnerIndex
from tracker.models import Match, MatchStatus, Need
from tracker.statements import built_once

SIMILAR = 0.3  # below this share of weighted words in common, two needs are not alike
RECENT = 2000  # the latest accepted matches looked at


@lru_cache(maxsize=4096)
def need_forms(title: str, description: str) -> frozenset[str]:
    """Every form of a need's words."""
    words = analyse(f"{title}\n{description}")
    return frozenset(f for w in words if not w.word.isdigit() for f in w.forms)


def learned_from(need: Need, index: PartnerIndex) -> dict[int, tuple[float, str]]:
    """Per partner accepted for a similar need: how similar (0-1), and that need's title."""
    mine = need_forms(need.title or "", need.description or "")
    if not mine:
        return {}
    weight = {f: index.idf(f) for f in mine}
    total = sum(weight.values())
    best: dict[int, tuple[float, str]] = {}
    for organisation_id, title, description in db.session.execute(
        _accepted_statement(), {"need_id": need.id or 0}
    ):
        theirs = need_forms(title or "", description or "")
        shared = sum(weight[f] for f in mine & theirs)
        other = sum(index.idf(f) for f in theirs) or 1.0
        similarity = shared / (total * other) ** 0.5
        if similarity >= SIMILAR and similarity > best.get(organisation_id, (0.0, ""))[0]:
            best[organisation_id] = (min(similarity, 1.0), title)
    return best


@built_once
def _accepted_statement() -> Select:
    """Partners matched with other needs and not declined, latest first. Confidential needs
    are left out: their titles would show in this need's reasons."""
    return (
        select(Match.organisation_id, Need.title, Need.description)
        .join(Need, Need.id == Match.need_id)
        .where(
            Match.need_id != bindparam("need_id"),
            Match.status != MatchStatus.DECLINED,
            Need.confidential.is_(False),
        )
        .order_by(Match.updated_at.desc(), Match.id.desc())
        .limit(RECENT)
    )
