"""built_once: a statement is built once per app and set of arguments, and serves each call."""

from sqlalchemy import select

from tests.conftest import _test_config
from tracker import create_app
from tracker.extensions import db
from tracker.models import Need
from tracker.statements import built_once

built = []


@built_once
def _titles_of(owner_id: int):
    built.append(owner_id)
    return select(Need.title).where(Need.owner_id == owner_id)


def test_the_same_arguments_get_the_same_statement_built_once(app):
    built.clear()
    first = _titles_of(1)
    assert _titles_of(1) is first and built == [1]
    assert _titles_of(2) is not first and built == [1, 2]


def test_each_app_builds_its_own(app, app_config, database_url):
    built.clear()
    mine = _titles_of(1)
    other = create_app(_test_config(database_url, **app_config))
    with other.app_context():
        theirs = _titles_of(1)
    assert theirs is not mine and built == [1, 1]


def test_pages_built_from_shared_statements_show_each_records_own(client, login, make):
    """Detail pages run statements built once, with the record's id as a parameter: each
    page shows its own record's members, needs, follow-ups, notes and matches only."""
    from datetime import datetime

    from tracker.needs.services import add_note

    me = login("manager")
    pages = {}
    for name in ("Erfurt", "Jena"):
        company = make.organisation(name=f"{name} Optics GmbH")
        visit = make.delegation(title=f"{name} visit")
        make.member(visit, make.person(full_name=f"{name} Person", organisation=company))
        need = make.need(company, title=f"{name} need", delegation=visit)
        make.followup(me, title=f"{name} call", need=need, organisation=company)
        make.match(need, make.local_partner(name=f"{name} Park"))
        make.talk(need, datetime(2026, 5, 13, 2), title=f"{name} talk")
        add_note(need, f"{name} note", me)
        pages[name] = (
            f"/delegations/{visit.id}",
            f"/organisations/{company.id}",
            f"/needs/{need.id}",
        )
    db.session.commit()
    expected = {
        0: ("Person", "need", "call"),  # the delegation: members, needs, follow-ups
        1: ("need", "call"),  # the organisation: needs and follow-ups
        2: ("note", "Park", "talk"),  # the need: its timeline, matches and talks
    }
    for name, other in (("Erfurt", "Jena"), ("Jena", "Erfurt")):
        for i, url in enumerate(pages[name]):
            html = client.get(url).text
            for word in expected[i]:
                assert f"{name} {word}" in html and f"{other} {word}" not in html, (url, word)
