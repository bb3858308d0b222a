"""The main pages, drawn over the demo data in Chinese and German, show no English the app wrote:
labels, states, notes composed in Python and stored, reasons, plurals."""

import re
from functools import cache
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.i18n.test_catalogues import load_catalogue
from tracker.demo import THURINGIA_TITLE
from tracker.extensions import db
from tracker.models import (
    Delegation,
    DelegationStatus,
    Match,
    Need,
    Organisation,
    Person,
    Role,
    Stage,
    Talk,
    User,
)

PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sd]|%%")
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# The same in English as in the language looked at (codes, units, and words German shares).
SAME_EVERYWHERE = frozenset({"CNY", "EUR", "USD", "CSV", "XLSX", "ICS", "QR", "OK", "m²"})


class _Text(HTMLParser):
    """The text a reader sees or hears: text nodes and read-out attributes, not scripts, nor
    what is marked as written in another language (a term's English name, lang="en")."""

    ATTRIBUTES = frozenset({"title", "placeholder", "aria-label", "alt"})

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.nodes: list[str] = []
        self._skip = 0
        self._foreign: list[str] = []  # the open elements in another language, innermost last

    def handle_starttag(self, tag, attrs) -> None:
        if tag in {"script", "style", "template"}:
            self._skip += 1
        lang = dict(attrs).get("lang")
        if lang and not lang.startswith(self.language) and tag != "html":
            self._foreign.append(tag)
        if not self._foreign:
            self.nodes += [value for name, value in attrs if name in self.ATTRIBUTES and value]

    def handle_endtag(self, tag) -> None:
        if tag in {"script", "style", "template"}:
            self._skip = max(0, self._skip - 1)
        if self._foreign and self._foreign[-1] == tag:
            self._foreign.pop()

    def handle_data(self, data) -> None:
        if not self._skip and not self._foreign and data.strip():
            self.nodes.append(" ".join(data.split()))


def _norm(text: str) -> str:
    """Text without the punctuation around it, spaces folded: "Talk scheduled:" -> "talk
    scheduled"."""
    return " ".join(text.split()).strip(" .:;,·\u2013—-()“”\"'…?!").casefold()


@cache
def english_left(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """What only untranslated text would show in language: the English messages (whole) whose
    translation differs, and their fixed pieces of four words or more (between placeholders)."""
    catalogue = load_catalogue(language)
    whole: set[str] = set()
    pieces: set[str] = set()
    translated: set[str] = set()  # what the language writes (German shares words with English)
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated |= {_norm(PLACEHOLDER.sub("", s)) for s in strings}
        for msgid in ids:
            if not WORD.search(msgid):
                continue
            for piece in PLACEHOLDER.split(msgid):
                words = WORD.findall(piece)
                if not words or all(w in SAME_EVERYWHERE for w in words):
                    continue
                if piece is msgid or PLACEHOLDER.sub("", msgid).strip() == piece.strip():
                    whole.add(_norm(piece))
                if len(words) >= 4:
                    pieces.add(_norm(piece))
            whole.add(_norm(PLACEHOLDER.sub("", msgid)))
    return frozenset(whole - translated - {""}), tuple(sorted(pieces - translated - {""}))


def untranslated(html: str, language: str) -> list[str]:
    """The text nodes of a page that are English messages, or hold a long piece of one."""
    whole, pieces = english_left(language)
    parser = _Text(language)
    parser.feed(html)
    found = []
    for node in parser.nodes:
        text = _norm(node)
        if not WORD.search(text):
            continue
        if text in whole or any(piece in text for piece in pieces):
            found.append(node)
    return found


@pytest.fixture
def demo(app, runner):
    """The demo data; wang.wei (a manager with follow-ups) made admin to see every page."""
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    user = db.session.scalar(select(User).where(User.email == "wang.wei@example.org"))
    user.role = Role.ADMIN
    user.set_password(PASSWORD)
    db.session.commit()
    return user


def _one(statement):
    found = db.session.scalars(statement.limit(1)).first()
    assert found is not None, statement
    return found


def main_pages() -> list[str]:
    """The paths of the pages the commission works in, on demo records that show the most."""
    thuringia = _one(select(Delegation).where(Delegation.title == THURINGIA_TITLE))
    completed = _one(select(Delegation).where(Delegation.status == DelegationStatus.COMPLETED))
    talk = _one(select(Talk).where(Talk.match_id.is_not(None)).order_by(Talk.id))
    need = db.session.get(Need, talk.need_id)
    won = _one(select(Need).where(Need.stage == Stage.WON, Need.won_outcome.is_not(None)))
    lost = _one(select(Need).where(Need.stage == Stage.LOST))
    visitor = db.session.get(Organisation, need.organisation_id)
    partner = _one(select(Organisation).join(Match, Match.organisation_id == Organisation.id))
    person = _one(select(Person).where(Person.organisation_id == visitor.id))
    return [
        "/",
        "/delegations/",
        f"/delegations/{thuringia.id}",
        f"/delegations/{completed.id}",
        f"/delegations/{thuringia.id}/report",
        f"/delegations/{thuringia.id}/edit",
        "/organisations/",
        f"/organisations/{visitor.id}",
        f"/organisations/{partner.id}",
        f"/organisations/{visitor.id}/edit",
        "/people/",
        f"/people/{person.id}",
        "/needs/",
        "/needs/new",
        f"/needs/{need.id}",
        f"/needs/{need.id}/edit",
        f"/needs/{won.id}",
        f"/needs/{lost.id}",
        "/needs/board",
        "/followups/mine",
        "/followups/",
        "/followups/team",
        "/reports/pipeline",
        "/reports/rates",
        "/talks/",
        f"/talks/{talk.id}",
        f"/talks/{talk.id}/edit",
        f"/matchmaking/needs/{need.id}/pick",
        f"/matchmaking/delegations/{thuringia.id}/board",
        "/matchmaking/matches",
        "/matchmaking/synonyms",
        "/vocabularies/",
        "/admin/users",
        "/admin/audit",
        "/search?q=Jena",
    ]


@pytest.mark.parametrize("language", ["zh", "de"])
def test_main_pages_show_no_english_message(app, client, demo, language):
    """Every main page, drawn in zh and de over the demo, shows none of the English messages."""
    demo.language = language
    db.session.commit()
    client.post("/login", data={"email": demo.email, "password": PASSWORD})
    found = {}
    for path in main_pages():
        response = client.get(path)
        assert response.status_code == 200, path
        if left := untranslated(response.text, language):
            found[path] = sorted(set(left))
    assert not found, "\n".join(f"{path}: {left}" for path, left in found.items())
