"""The needs list on a phone (issue 20): rows become cards, the filters fold away."""

import re

from tracker.extensions import db
from tracker.models import Stage

FOLD = '<details class="filter-fold card shadow-sm mb-3">'


def _needs(make, user):
    make.need(make.organisation(name="Saale Robotik GmbH"), title="Robot arm assembly",
              owner=user, next_step="Send the floor plans", stage=Stage.TALKS)  # fmt: skip
    make.need(title="Ownerless need")
    db.session.commit()


def test_rows_carry_the_labels_a_phone_card_shows(client, login, make):
    user = login()
    _needs(make, user)
    text = client.get("/needs/").text
    assert '<table class="table table-hover mb-0 table-cards">' in text
    assert '<tr data-label="Sort by">' in text
    assert f'data-label="Owner">{user.display_name}</td>' in text
    assert 'data-label="Next step">Send the floor plans</td>' in text
    assert 'data-label="Priority">' in text


def test_empty_cells_stay_empty_so_a_card_leaves_them_out(client, login, make):
    user = login()
    _needs(make, user)
    text = client.get("/needs/").text
    row = text[text.index("Ownerless need") :]
    row = row[: row.index("</tr>")]
    assert '<td class="cell-inline" data-label="Owner"></td>' in row
    assert '<td class="cell-last" data-label="Next step"></td>' in row


def test_filters_fold_behind_a_summary_closed_by_default(client, login, make):
    login()
    text = client.get("/needs/").text
    assert FOLD in text  # no "open": folded on a phone, shown from md up by tracker.css
    summary = re.search(r"<summary>(.*?)</summary>", text[text.index(FOLD) :], re.S)[1]
    assert "Filters" in summary and "Filtered" not in summary
    fold = text[text.index(FOLD) : text.index("</details>", text.index(FOLD))]
    assert 'role="search"' in fold and 'name="q"' in fold


def test_the_summary_says_when_filters_are_set(client, login, make):
    login()
    text = client.get("/needs/?stage=talks").text
    summary = re.search(r"<summary>(.*?)</summary>", text[text.index(FOLD) :], re.S)[1]
    assert "Filtered" in summary


def test_filtering_still_works_through_the_folded_form(client, login, make):
    user = login()
    _needs(make, user)
    text = client.get("/needs/?q=robot").text
    assert "Robot arm assembly" in text and "Ownerless need" not in text
