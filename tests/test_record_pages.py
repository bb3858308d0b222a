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


@pytest.mark.parametrize(("kind", "role", "message"), [
    ("organisation", "manager", "Organisation “Unused” deleted."),
    ("person", "admin", "“Unused” deleted."),
])  # fmt: skip
def test_an_unused_record_is_deleted(client, login, make, kind, role, message):
    login(role)
    # A person's organisation is no history: the person may still go.
    extra = {"organisation": make.organisation()} if kind == "person" else {}
    _record, url = build(make, kind, **{NAME_FIELD[kind]: "Unused"}, **extra)
    response = client.post(f"{url}/delete", follow_redirects=True)
    assert response.status_code == 200
    assert message in response.text
    assert count_rows(KINDS[kind][1]) == 0


def _two_people(make, organisation) -> None:
    make.person(organisation=organisation)
    make.person(organisation=organisation)


def _a_member_who_moved_on(make, organisation) -> None:
    person = make.person(organisation=organisation)
    make.member(make.delegation(), person)
    person.organisation = None  # the visit still remembers the organisation


def _named_in_a_delegation(make, organisation) -> None:
    make.delegation(extra_organisations=[organisation])


def _a_delegation_member(make, person) -> None:
    make.member(make.delegation(), person)


def _a_meeting_attendee(make, person) -> None:
    make.meeting(make.delegation(), people=[person])


@pytest.mark.parametrize(
    ("kind", "use", "reason"),
    [
        ("organisation", _two_people, "2 people still belong to it"),
        ("organisation", _a_member_who_moved_on, "represented by 1 delegation member"),
        ("organisation", _named_in_a_delegation, "It is named in 1 delegation"),
        ("person", _a_delegation_member, "member of 1 delegation"),
        ("person", _a_meeting_attendee, "They attended 1 meeting"),
    ],
    ids=lambda v: getattr(v, "__name__", "").strip("_") or None,
)
def test_delete_is_refused_while_the_record_is_in_use(client, login, make, kind, use, reason):
    login("manager")
    record, url = build(make, kind, **{NAME_FIELD[kind]: "Busy"})
    use(make, record)
    db.session.commit()
    response = client.post(f"{url}/delete", follow_redirects=True)
    assert "“Busy” cannot be deleted." in response.text
    assert reason in response.text
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
