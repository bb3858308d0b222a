"""Every kind of record with an edit form: how to build one, where its form is, what a valid
save of it posts, and where the typed text is stored (for tests/security/test_versions.py)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tests import factories as make
from tracker.models import (
    Delegation,
    KeyIndustry,
    LocalOffer,
    LostReason,
    Match,
    Meeting,
    Need,
    NeedCategory,
    Organisation,
    Person,
    SynonymGroup,
    Talk,
    Topic,
    User,
)

TALK_FORM = {
    "day": "2026-05-13", "start": "10:00", "end": "11:00", "timezone": "Asia/Shanghai",
    "place": "Hall 1",
}  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """One editable record kind."""

    name: str
    role: str  # the least role allowed to edit it
    model: type
    build: Callable[[], object]
    url: Callable[[object], str]  # the edit form, loaded and posted
    data: Callable[[object, str], dict]  # a valid save writing the text
    stored: Callable[[object], str]  # the text as stored
    page: Callable[[object], str] | None = None  # where the form is shown, when not at url

    def page_url(self, record) -> str:
        return (self.page or self.url)(record)

    def __str__(self) -> str:
        return self.name


def _talk():
    return make.talk(make.need(), datetime(2026, 5, 13, 2))


def _vocabulary(kind: str, model: type, builder: Callable[[], object]) -> Kind:
    return Kind(
        kind, "manager", model, builder,
        lambda t: f"/vocabularies/{kind}/{t.id}/edit",
        lambda t, text: {"name": text, "position": "0", "active": "y"},
        lambda t: t.name,
    )  # fmt: skip


KINDS = [
    Kind(
        "delegation", "staff", Delegation, make.delegation,
        lambda d: f"/delegations/{d.id}/edit",
        lambda d, text: {
            "title": text, "origin_country": "DE", "start_date": "2026-05-12",
            "end_date": "2026-05-14", "host": "Baoshan", "status": "planned",
        },
        lambda d: d.title,
    ),
    Kind(
        "meeting", "staff", Meeting, lambda: make.meeting(make.delegation()),
        lambda m: f"/delegations/{m.delegation_id}/meetings/{m.id}/edit",
        lambda m, text: {"title": text, "starts_at": "2026-05-12T09:30"},
        lambda m: m.title,
    ),
    Kind(
        "organisation", "staff", Organisation, make.organisation,
        lambda o: f"/organisations/{o.id}/edit",
        lambda o, text: {"name": text, "kind": "company", "country": "DE"},
        lambda o: o.name,
    ),
    Kind(
        "person", "staff", Person, make.person,
        lambda p: f"/people/{p.id}/edit",
        lambda p, text: {"full_name": text},
        lambda p: p.full_name,
    ),
    Kind(
        "need", "staff", Need, make.need,
        lambda n: f"/needs/{n.id}/edit",
        lambda n, text: {"organisation_id": n.organisation_id, "title": text, "priority": "medium"},
        lambda n: n.title,
    ),
    Kind(
        "talk", "staff", Talk, _talk,
        lambda t: f"/talks/{t.id}/edit",
        lambda t, text: {**TALK_FORM, "title": text},
        lambda t: t.title,
    ),
    Kind(
        "talk outcome", "staff", Talk, _talk,
        lambda t: f"/talks/{t.id}/outcome",
        lambda t, text: {"minutes": "", "outcome": text},
        lambda t: t.outcome,
    ),
    Kind(
        "match status", "staff", Match, lambda: make.match(make.need(), make.local_partner()),
        lambda m: f"/matchmaking/matches/{m.id}/status",
        lambda m, text: {"to_status": "declined", "decline_reason": text},
        lambda m: m.decline_reason,
        page=lambda m: f"/needs/{m.need_id}",
    ),
    Kind(
        "local offer", "staff", LocalOffer, lambda: make.offer(make.local_partner()),
        lambda o: f"/matchmaking/offers/{o.id}/edit",
        lambda o, text: {"kind": "factory_space", "title": text, "active": "y"},
        lambda o: o.title,
    ),
    Kind(
        "synonym group", "manager", SynonymGroup, lambda: make.synonyms("housing ~ Gehäuse"),
        lambda g: f"/matchmaking/synonyms/{g.id}/edit",
        lambda g, text: {"terms": f"{text} ~ Gehäuse", "active": "y"},
        lambda g: g.term_list[0],
    ),
    Kind(
        "user", "admin", User, make.user,
        lambda u: f"/admin/users/{u.id}/edit",
        lambda u, text: {"display_name": text, "role": "staff", "language": ""},
        lambda u: u.display_name,
    ),
    _vocabulary("topics", Topic, make.topic),
    _vocabulary("industries", KeyIndustry, make.industry),
    _vocabulary("categories", NeedCategory, make.category),
    _vocabulary("lost-reasons", LostReason, make.lost_reason),
]  # fmt: skip
