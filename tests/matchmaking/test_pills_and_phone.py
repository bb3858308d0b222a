"""Match statuses are inline pills everywhere; lists become phone cards; one quiet menu a row
(issue 20)."""

from tracker.extensions import db
from tracker.models import MatchStatus, Role

PILL = '<span class="badge rounded-pill status-pill text-bg-success">Agreed follow-up</span>'


def _agreed_match(make):
    delegation = make.delegation(title="Thuringia")
    visitor = make.organisation(name="Saale Robotik GmbH")
    need = make.need(visitor, title="Robot arm assembly", delegation=delegation)
    park = make.local_partner(name="Robot Park")
    make.offer(park, title="Factory halls")
    make.match(need, park, status=MatchStatus.AGREED_FOLLOW_UP)
    db.session.commit()
    return delegation, need, park


def test_a_match_status_is_an_inline_pill_on_every_page_that_shows_it(client, login, make):
    login()
    delegation, need, park = _agreed_match(make)
    for url in (
        f"/needs/{need.id}",
        f"/organisations/{park.id}",
        "/matchmaking/matches",
        f"/matchmaking/delegations/{delegation.id}/board",
    ):
        assert PILL in client.get(url).text, url


def test_panels_let_a_long_pill_wrap_under_the_text_instead_of_stretching(client, login, make):
    login()
    _delegation, need, park = _agreed_match(make)
    assert '<div class="pill-row">' in client.get(f"/needs/{need.id}").text
    assert '<li class="list-group-item pill-row">' in client.get(f"/organisations/{park.id}").text


def test_board_is_one_phone_card_per_visiting_organisation(client, login, make):
    login()
    delegation, need, _park = _agreed_match(make)
    make.need(need.organisation, title="Second need", delegation=delegation)
    db.session.commit()
    text = client.get(f"/matchmaking/delegations/{delegation.id}/board").text
    assert 'class="table align-middle mb-0 table-cards table-grouped"' in text
    assert text.count("<tbody>") == 1  # both needs of Saale Robotik in one card
    assert '<td data-label="Local partners">' in text and '<td data-label="Talk slot">' in text
    # A need's second line leaves the organisation cell empty, so the card does not repeat it.
    assert '<td class="align-top fw-semibold"></td>' in text


def test_matches_list_renders_phone_cards_and_folds_its_filters(client, login, make):
    login()
    _agreed_match(make)
    text = client.get("/matchmaking/matches?status=agreed_follow_up").text
    assert '<details class="filter-fold card shadow-sm mb-3">' in text
    assert "Filtered</span>" in text
    assert "table-cards" in text and 'data-label="Score"' in text


def test_offers_have_one_named_menu_instead_of_red_buttons(client, login, make):
    login(role=Role.MANAGER)
    _delegation, _need, park = _agreed_match(make)
    text = client.get(f"/organisations/{park.id}").text
    offers = text[text.index('id="offers"') : text.index('id="matched-h"')]
    assert offers.count('<details class="row-menu">') == 1
    assert "Actions for Factory halls" in offers
    assert "Edit Factory halls" in offers and "Delete Factory halls" in offers
    assert "btn-outline-danger" not in offers


def test_synonym_rows_have_one_named_menu(client, login, make):
    login(role=Role.MANAGER)
    group = make.synonyms("Gehäuseteile ~ housing parts")
    db.session.commit()
    text = client.get("/matchmaking/synonyms").text
    assert "Actions for Gehäuseteile ~ housing parts" in text
    assert f'href="/matchmaking/synonyms/{group.id}/delete"' in text
    assert "btn-outline-danger" not in text
