"""The delegation's matchmaking board: organisations x needs x partners x talk slots."""

from datetime import datetime

from tests.queries import queries_on_page
from tracker.extensions import db


def _delegation_with_talks(make, n: int, delegation=None):
    delegation = delegation or make.delegation(title="Thuringia")
    for i in range(n):
        visitor = make.organisation(name=f"Visitor {i:02d}")
        need = make.need(visitor, title=f"Need {i:02d}", delegation=delegation)
        partner = make.local_partner(name=f"Partner {i:02d}")
        match = make.match(need, partner)
        make.talk(
            need,
            datetime(2026, 5, 13, 1 + i % 8),
            title=f"Talk {i:02d}",
            match=match,
            organisations=[partner],
            staff=[make.user()],
        )
    db.session.commit()
    return delegation


def test_board_shows_needs_partners_and_the_day_plan(client, login, make):
    login()
    delegation = _delegation_with_talks(make, 2)
    page = client.get(f"/matchmaking/delegations/{delegation.id}/board").text
    for text in ("Visitor 00", "Need 01", "Partner 01", "Talk 00", "Day plan of talks"):
        assert text in page
    assert "Wednesday, 13 May 2026" in page
    assert "09:00\u201310:00" in page  # 01:00 UTC shown in Shanghai time


def test_board_empty_state_and_need_without_partner(client, login, make):
    login()
    delegation = make.delegation()
    db.session.commit()
    assert (
        "No needs recorded for this delegation yet"
        in client.get(f"/matchmaking/delegations/{delegation.id}/board").text
    )
    make.need(title="Lonely need", delegation=delegation)
    db.session.commit()
    page = client.get(f"/matchmaking/delegations/{delegation.id}/board").text
    assert "No partner yet: see suggestions" in page
    assert "No talks scheduled yet." in page


def test_delegation_page_links_to_the_board(client, login, make):
    login()
    delegation = make.delegation()
    db.session.commit()
    page = client.get(f"/delegations/{delegation.id}").text
    assert f"/matchmaking/delegations/{delegation.id}/board" in page


def test_board_queries_do_not_grow_with_rows(client, login, make):
    login()
    delegation = _delegation_with_talks(make, 3)
    board = f"/matchmaking/delegations/{delegation.id}/board"
    few = queries_on_page(client, board)
    _delegation_with_talks(make, 27, delegation)
    assert queries_on_page(client, board) == few


def test_unknown_delegation_is_404(client, login):
    login()
    assert client.get("/matchmaking/delegations/999999/board").status_code == 404
