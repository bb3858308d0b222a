"""Moving a need to won or lost asks for the outcome or the reason in place: the fields of the
chosen stage only; without JavaScript the move page asks for them, the choice kept (issue 20)."""

import re
from datetime import date

import pytest

from tracker.extensions import db
from tracker.models import Stage, WonOutcome


@pytest.fixture
def need(make):
    n = make.need(title="Assembly hall", stage=Stage.TALKS)
    db.session.commit()
    return n


def _shown(page: str) -> set[str]:
    """The closing field groups (won, lost) the page shows."""
    groups = re.findall(r'data-closing="(\w+)"( hidden)?', page)
    return {name for name, hidden in groups if not hidden}


def _move_to_won(client, need, **extra):
    """Post the move to won with its date (20 Nov 2026) and outcome."""
    won = {"won_on": "2026-11-20", "won_outcome": WonOutcome.COMPANY_REGISTERED.value}
    return client.post(f"/needs/{need.id}/stage", data={"to_stage": "won", **won, **extra})


def test_the_need_page_shows_neither_won_nor_lost_fields_for_another_choice(client, login,
                                                                             need):  # fmt: skip
    login()
    page = client.get(f"/needs/{need.id}").text
    assert 'data-closing="won"' in page and 'data-closing="lost"' in page  # for the script
    assert _shown(page) == set()


def test_the_need_page_shows_the_won_fields_when_won_is_the_usual_next_step(client, login, make):
    login()
    need = make.need(stage=Stage.NEGOTIATION)
    db.session.commit()
    assert _shown(client.get(f"/needs/{need.id}").text) == {"won"}


def test_won_without_its_details_asks_for_them_with_the_choice_kept(client, login, need):
    login()
    response = client.post(f"/needs/{need.id}/stage", data={"to_stage": "won"})
    assert response.status_code == 200
    page = response.text
    assert '<option selected value="won">' in page
    assert _shown(page) == {"won"}
    assert 'id="closing-ask"' in page and "give the date and the outcome" in page
    assert 'id="won_on-error"' in page and 'id="won_outcome-error"' in page
    assert "alert-danger" not in page
    db.session.refresh(need)
    assert need.stage == Stage.TALKS
    done = _move_to_won(client, need)
    assert done.headers["Location"].endswith(f"/needs/{need.id}")
    db.session.refresh(need)
    assert (need.stage, need.won_on) == (Stage.WON, date(2026, 11, 20))


def test_choosing_won_on_a_board_card_asks_for_the_outcome_and_returns_to_the_board(
    client, login, need
):
    login()
    board = client.get("/needs/board").text
    assert '<template id="closing-fields">' in board
    assert 'class="mt-2 move-form stage-form"' in board
    response = client.post(
        f"/needs/{need.id}/stage", data={"to_stage": "won", "next": "/needs/board"}
    )
    assert response.status_code == 200
    page = response.text
    assert _shown(page) == {"won"} and '<option selected value="won">' in page
    assert '<input type="hidden" name="next" value="/needs/board">' in page
    done = _move_to_won(client, need, next="/needs/board")
    assert done.status_code == 302 and done.headers["Location"].endswith("/needs/board")
    db.session.refresh(need)
    assert need.stage == Stage.WON


def test_choosing_lost_on_a_board_card_asks_for_the_reason(client, login, make, need):
    login()
    make.lost_reason(name="Chose another location")
    db.session.commit()
    response = client.post(
        f"/needs/{need.id}/stage", data={"to_stage": "lost", "next": "/needs/board"}
    )
    assert response.status_code == 200
    assert _shown(response.text) == {"lost"}
    assert 'id="lost_reason_id-error"' in response.text
    assert "Chose another location" in response.text
    db.session.refresh(need)
    assert need.stage == Stage.TALKS


def test_a_reason_that_needs_words_asks_for_them_at_the_field(client, login, make, need):
    login()
    other = make.lost_reason(name="Other", needs_text=True)
    db.session.commit()
    response = client.post(
        f"/needs/{need.id}/stage", data={"to_stage": "lost", "lost_reason_id": other.id}
    )
    assert response.status_code == 200
    assert 'id="lost_reason_text-error"' in response.text
    assert "Explain the reason in a few words." in response.text
