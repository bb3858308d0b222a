"""The main lists on a phone (issue 20): each renders its rows as cards below md (a
.table-cards table with labelled cells) and folds its filters into a <details>."""

from datetime import date, datetime

import pytest

from tracker.extensions import db
from tracker.models import Role


@pytest.fixture
def records(make):
    """One row for each list."""
    user = make.user(display_name="Ms Wang")
    organisation = make.organisation(name="Zeiss Jena")
    make.person(full_name="Anna Müller", organisation=organisation)
    make.delegation(title="Thuringia", host_officer=user)
    need = make.need(organisation, title="Clean room")
    make.followup(user, title="Call Zeiss", organisation=organisation, due_date=date(2026, 6, 1))
    make.talk(need, datetime(2026, 5, 13, 2), title="Talk with the park", staff=[user])
    db.session.commit()


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("/delegations/", 'data-label="Host officer">Ms Wang</td>'),
        ("/organisations/", 'data-label="People">1</td>'),
        ("/people/", "Anna Müller"),
        ("/followups/", 'data-label="Assigned to">Ms Wang</td>'),
        ("/talks/", 'data-label="Colleagues">Ms Wang</td>'),
    ],
)
def test_lists_render_phone_cards_and_fold_their_filters(client, login, records, url, label):
    login(role=Role.MANAGER)
    text = client.get(url).text
    assert 'table-cards">' in text
    assert '<tr data-label="Sort by">' in text
    assert label in text
    assert '<details class="filter-fold card shadow-sm mb-3">' in text


def test_team_follow_ups_render_phone_cards(client, login, records):
    login(role=Role.MANAGER)
    text = client.get("/followups/team").text
    assert 'table-cards">' in text
    assert 'data-label="Overdue">' in text


def test_a_column_hidden_on_phones_stays_in_the_table(client, login, records):
    login()
    text = client.get("/organisations/").text
    assert 'class="text-end small text-body-secondary d-none d-md-table-cell"' in text
