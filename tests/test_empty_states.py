"""Pages with nothing to show say so: with no records at all, and when filters match nothing."""

import pytest

from tracker.extensions import db

# (role, url, what the page says) on an empty database.
NOTHING_RECORDED = [
    ("staff", "/", ["No visits are planned"]),
    ("staff", "/delegations/", ["No delegations yet."]),
    ("staff", "/organisations/", ["No organisations recorded yet"]),
    ("staff", "/people/", ["No people recorded yet"]),
    ("staff", "/talks/", ["No talks yet"]),
    ("staff", "/talks/?status=held", ["No talk matches these filters"]),
    ("staff", "/matchmaking/matches", ["No matches yet"]),
    ("staff", "/matchmaking/matches?status=declined", ["No match fits these filters"]),
    ("staff", "/search", ["Type a name"]),
    ("staff", "/search?q=nobody", ["Nothing matches"]),
    ("manager", "/matchmaking/synonyms", ["No synonyms yet"]),
    ("manager", "/vocabularies/", ["No topics yet", "No key industries yet"]),
    ("manager", "/reports/pipeline", ["No stage history yet.", "No needs match these filters."]),
    ("admin", "/admin/users?q=nobody-by-that-name", ["No user matches these filters."]),
]


@pytest.mark.parametrize(("role", "url", "messages"), NOTHING_RECORDED)
def test_an_empty_page_says_there_is_nothing(client, login, role, url, messages):
    login(role)
    response = client.get(url)
    assert response.status_code == 200
    assert [m for m in messages if m not in response.text] == []


@pytest.mark.parametrize(
    ("kind", "url", "no_match", "none_recorded"),
    [
        ("delegation", "/delegations/?q=nothing-like-this", "No delegation matches these filters.",
         "No delegations yet."),
        ("organisation", "/organisations/?q=nothing-like-this",
         "No organisation matches these filters.", "No organisations recorded yet"),
        ("person", "/people/?q=nobody", "Nobody matches these filters.", "No people recorded yet"),
    ],
)  # fmt: skip
def test_filters_matching_nothing_are_not_an_empty_list(
    client, login, make, kind, url, no_match, none_recorded
):
    login()
    getattr(make, kind)()
    db.session.commit()
    text = client.get(url).text
    assert no_match in text
    assert none_recorded not in text
