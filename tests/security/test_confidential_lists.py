"""Confidential needs are absent for outsiders from every list, search, board, export, count and
calendar feed, and present for the owner, the assignee, managers and admins."""

import re

import pytest
from flask import url_for

from tests.security.confidential_world import MARK, OUTSIDER, build_world, signed_in
from tracker.extensions import db
from tracker.models import Need

# (endpoint, arguments): pages and exports listing needs, follow-ups, matches or talks by title.
# Placeholders: D the delegation, O the visiting organisation, P the local partner, N the need.
LISTS = [
    ("needs.list", {}),
    ("needs.list", {"q": "plant"}),
    ("needs.board", {}),
    ("needs.export", {"fmt": "csv"}),
    ("followups.list", {}),
    ("followups.list", {"need_id": "N"}),
    ("followups.export", {"fmt": "csv"}),
    ("matchmaking.matches", {}),
    ("matchmaking.export_matches", {"fmt": "csv"}),
    ("matchmaking.board", {"delegation_id": "D"}),
    ("talks.list", {}),
    ("talks.export", {"fmt": "csv"}),
    ("organisations.detail", {"organisation_id": "O"}),
    ("organisations.detail", {"organisation_id": "P"}),
    ("delegations.detail", {"delegation_id": "D"}),
    ("delegations.report", {"delegation_id": "D"}),
    ("delegations.report_needs_csv", {"delegation_id": "D"}),
]
# Pages with counts (or searches that do not list needs): for the outsider they must read exactly
# as if the confidential need, its follow-up, match and talk had never existed.
COUNTS = [
    ("main.dashboard", {}),
    ("main.search", {"q": "plant"}),
    ("needs.board", {}),
    ("needs.list", {}),
    ("followups.team", {}),
    ("followups.mine", {}),
    ("followups.list", {}),
    ("talks.list", {}),
    ("matchmaking.matches", {}),
    ("matchmaking.board", {"delegation_id": "D"}),
    ("organisations.list", {}),
    ("organisations.detail", {"organisation_id": "O"}),
    ("organisations.detail", {"organisation_id": "P"}),
    ("delegations.list", {}),
    ("delegations.detail", {"delegation_id": "D"}),
    ("delegations.report", {"delegation_id": "D"}),
    ("reports.pipeline", {}),
]
# Tokens and clocks that differ between two renderings of the same data.
VOLATILE = re.compile(r'(name="csrf_token"[^>]*|csrf-token" content="[^"]*"|nonce="[^"]*")')


@pytest.fixture
def world(app):
    return build_world()


def _url(app, world, endpoint: str, args: dict) -> str:
    if endpoint not in {r.endpoint for r in app.url_map.iter_rules()}:
        pytest.skip(f"{endpoint} is not in this build")
    ids = {"D": world.delegation_id, "O": world.organisation_id, "P": world.partner_id,
           "N": world.need.id}  # fmt: skip
    with app.test_request_context():
        return url_for(endpoint, **{k: ids.get(v, v) for k, v in args.items()})


def _label(page) -> str:
    return page[0] + "".join(f"-{k}" for k in page[1] if k != "fmt")


@pytest.mark.parametrize("page", LISTS, ids=_label)
def test_lists_show_it_to_insiders_only(app, world, page):
    url = _url(app, world, *page)
    for who, sees in [(OUTSIDER, False), ("owner", True), ("assignee", True),
                      ("manager", True), ("admin", True)]:  # fmt: skip
        response = signed_in(app, world.users[who]).get(url)
        assert response.status_code == 200, (who, url)
        assert (MARK in response.get_data(as_text=True)) is sees, (who, url)


@pytest.mark.parametrize("page", COUNTS, ids=_label)
def test_counts_for_the_outsider_are_as_if_it_never_existed(app, world, page):
    url = _url(app, world, *page)
    client = signed_in(app, world.users[OUTSIDER])
    client.get(url)  # shows the login's flashed welcome, and marks new follow-ups seen
    with_it = VOLATILE.sub("", client.get(url).get_data(as_text=True))
    _forget_the_confidential_need(world)
    without_it = VOLATILE.sub("", client.get(url).get_data(as_text=True))
    assert with_it == without_it


def _forget_the_confidential_need(world) -> None:
    """Delete the need in SQL; the database cascades to its follow-ups, matches and talks."""
    table = Need.__table__
    db.session.execute(table.delete().where(table.c.id == world.need.id))
    db.session.commit()
    db.session.expunge_all()


def test_the_calendar_feed_leaves_out_talks_of_a_need_the_user_may_not_see(app, world):
    """The outsider takes part in the talk, but the talk belongs to the confidential need."""
    client = app.test_client()
    outsider_feed = client.get(f"/calendar/{world.users[OUTSIDER].calendar_token}.ics")
    assert outsider_feed.status_code == 200
    assert "Open call" in outsider_feed.text and MARK not in outsider_feed.text
    assignee_feed = client.get(f"/calendar/{world.users['assignee'].calendar_token}.ics")
    assert f"{MARK} call" in assignee_feed.text


def test_the_search_box_of_the_needs_list_finds_it_for_the_owner_only(app, world):
    for who, found in [(OUTSIDER, 0), ("owner", 1)]:
        page = signed_in(app, world.users[who]).get("/needs/?q=plant").text
        assert page.count(f'href="/needs/{world.need.id}"') >= found
        assert (f'href="/needs/{world.need.id}"' in page) is bool(found)
