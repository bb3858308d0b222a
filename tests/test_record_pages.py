"""What the pages of delegations, organisations and people share: unknown ids, empty sections,
and deleting, which only managers may do and which records still referred to refuse."""

import pytest

from tests.checks import count_rows
from tracker.extensions import db
from tracker.models import Delegation, Organisation, Person

# kind: (the record's pages, its model); the kind is also the name of its builder in factories.
KINDS = {
    "delegation": ("/delegations", Delegation),
    "organisation": ("/organisations", Organisation),
    "person": ("/people", Person),
}
# The field a record of each kind is named by.
NAME_FIELD = {"delegation": "title", "organisation": "name", "person": "full_name"}


def build(make, kind: str, **kw):
    """A committed record of kind and the URL of its page."""
    record = getattr(make, kind)(**kw)
    db.session.commit()
    return record, f"{KINDS[kind][0]}/{record.id}"


@pytest.mark.parametrize(
    "url",
    [
        "/delegations/999",
        "/delegations/999/edit",
        "/organisations/12345",
        "/organisations/999/edit",
        "/people/999",
        "/people/999/edit",
    ],
)
def test_an_unknown_record_is_404(client, login, url):
    login()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("kind", "suffix", "messages"),
    [
        ("delegation", "", ["No members recorded yet.", "No meetings recorded yet."]),
        (
            "delegation",
            "/report",
            ["No members recorded.", "No needs were raised during this visit.", "No talks yet."],
        ),
        (
            "organisation",
            "",
            ["No people recorded for this organisation.", "has not been part of a delegation yet"],
        ),
        (
            "person",
            "",
            ["Not a member of any delegation yet.", "No meetings recorded for this person."],
        ),
    ],
)
def test_a_new_records_page_shows_its_empty_states(client, login, make, kind, suffix, messages):
    login()
    _record, url = build(make, kind)
    text = client.get(url + suffix).text
    assert [m for m in messages if m not in text] == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("role", "shown"), [("staff", False), ("manager", True), ("admin", True)])
def test_the_delete_button_is_shown_to_managers_only(client, login, make, kind, role, shown):
    login(role)
    _record, url = build(make, kind)
    assert (f"{url}/delete" in client.get(url).text) is shown


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_may_not_delete(client, login, make, kind, method):
    login("staff")
    _record, url = build(make, kind)
    assert getattr(client, method)(f"{url}/delete").status_code == 403
    assert count_rows(KINDS[kind][1]) == 1


@pytest.mark.parametrize(
    ("kind", "question"),
    [
        ("delegation", "Delete delegation “Jena optics”?"),
        ("organisation", "Delete “Jena optics”? Managers can restore it"),
        ("person", "Delete “Jena optics”? Managers can restore it"),
    ],
)
def test_delete_asks_for_confirmation_on_get(client, login, make, kind, question):
    login("manager")
    _record, url = build(make, kind, **{NAME_FIELD[kind]: "Jena optics"})
    response = client.get(f"{url}/delete")
    assert response.status_code == 200
    assert question in response.text
    assert f'action="{url}/delete"' in response.text
    assert count_rows(KINDS[kind][1]) == 1


@pytest.mark.parametrize(
    ("kind", "refusal"),
    [
        ("delegation", ["cannot be deleted", "1 need was raised during it."]),
        ("organisation", ["cannot be deleted", "It has 1 need and 1 follow-up"]),
    ],
)
def test_delete_is_refused_while_needs_or_followups_refer_to_it(client, login, make, kind, refusal):
    user = login("manager")
    record, url = build(make, kind)
    make.need(**{kind: record})
    make.followup(user, **{kind: record})
    db.session.commit()
    for method in ("get", "post"):
        assert getattr(client, method)(f"{url}/delete").status_code == 302
    page = client.get(url).text
    assert [m for m in refusal if m not in page] == []
    assert db.session.get(KINDS[kind][1], record.id) is not None
