"""Assigning a follow-up: targets, validation, past dates, redirects."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.checks import assert_refused, count_rows
from tests.followups.builders import need
from tests.messages import NOT_A_CHOICE, NOT_A_DATE, REQUIRED, required_text
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import FollowUp


def valid(assignee, **changes) -> dict:
    data = {
        "title": "Send the land price list",
        "kind": "email",
        "assignee_id": str(assignee.id),
        "due_date": (local_today() + timedelta(days=3)).isoformat(),
    }
    data.update(changes)
    return data


@pytest.fixture
def org(make):
    organisation = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    return organisation


def test_form_defaults_to_me_and_a_week_ahead(client, login, org):
    me = login()
    response = client.get(f"/followups/new?organisation_id={org.id}")
    assert response.status_code == 200
    assert f'<option selected value="{me.id}">' in response.text
    assert (local_today() + timedelta(days=7)).isoformat() in response.text
    assert "Jenaer Optronik AG" in response.text


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", 400),
        ("?organisation_id=1&delegation_id=1", 400),
        ("?organisation_id=999", 404),
        ("?need_id=999", 404),
        ("?delegation_id=999", 404),
        ("?organisation_id=abc", 404),
        ("?organisation_id=99999999999999999999", 404),
    ],
)
def test_bad_or_missing_target(client, login, make, query, status):
    login()
    make.organisation()
    make.delegation()
    db.session.commit()
    assert client.get(f"/followups/new{query}").status_code == status
    assert client.post(f"/followups/new{query}", data={}).status_code == status


@pytest.mark.parametrize(
    ("target", "endpoint_path"),
    [("need", "/needs/"), ("organisation", "/organisations/"), ("delegation", "/delegations/")],
)
def test_create_on_each_target_redirects_to_its_page(client, login, make, target, endpoint_path):
    me = login()
    colleague = make.user(display_name="Li Wei")
    thing = need() if target == "need" else getattr(make, target)()
    db.session.commit()
    response = client.post(f"/followups/new?{target}_id={thing.id}", data=valid(colleague))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{endpoint_path}{thing.id}")
    created = db.session.scalar(select(FollowUp))
    assert getattr(created, f"{target}_id") == thing.id
    assert (created.assignee_id, created.assigned_by_id) == (colleague.id, me.id)
    assert created.seen_by_assignee is False
    if target == "need":
        assert created.organisation_id == thing.organisation_id


def test_create_follows_a_safe_next(client, login, org):
    me = login()
    url = f"/followups/new?organisation_id={org.id}&next=/followups/mine"
    response = client.post(url, data=valid(me))
    assert response.headers["Location"].endswith("/followups/mine")


@pytest.mark.parametrize("bad_next", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_create_ignores_an_unsafe_next(client, login, org, bad_next):
    me = login()
    response = client.post(
        "/followups/new",
        query_string={"organisation_id": org.id, "next": bad_next},
        data=valid(me),
    )
    assert response.headers["Location"].endswith(f"/organisations/{org.id}")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        *required_text("title", 200),
        ("kind", "party", NOT_A_CHOICE),
        ("assignee_id", "", "Choose an active colleague from the list."),
        ("assignee_id", "abc", "Choose an active colleague from the list."),
        ("assignee_id", "99999", "Choose an active colleague from the list."),
        ("due_date", "", REQUIRED),
        ("due_date", "13/05/2026", NOT_A_DATE),
        ("due_date", "2026-02-30", NOT_A_DATE),
    ],
)
def test_validation_errors(client, login, org, field, value, message):
    me = login()
    response = client.post(
        f"/followups/new?organisation_id={org.id}", data=valid(me, **{field: value})
    )
    assert_refused(response, message, field)
    assert count_rows(FollowUp) == 0


def test_inactive_assignee_is_refused(client, login, make, org):
    login()
    gone = make.user(display_name="Former colleague", active=False)
    db.session.commit()
    response = client.post(f"/followups/new?organisation_id={org.id}", data=valid(gone))
    assert "Choose an active colleague from the list." in response.text
    assert "Former colleague" not in response.text  # not offered either
    assert count_rows(FollowUp) == 0


def test_past_date_needs_confirmation(client, login, org):
    me = login()
    past = (local_today() - timedelta(days=2)).isoformat()
    url = f"/followups/new?organisation_id={org.id}"
    response = client.post(url, data=valid(me, due_date=past))
    assert response.status_code == 200
    assert "This date is in the past." in response.text
    assert "Yes, the due date is in the past" in response.text
    assert count_rows(FollowUp) == 0
    response = client.post(url, data=valid(me, due_date=past, confirm_past_date="y"))
    assert response.status_code == 302
    assert count_rows(FollowUp) == 1


def test_future_date_shows_no_past_warning(client, login, org):
    login()
    response = client.get(f"/followups/new?organisation_id={org.id}")
    assert "Yes, the due date is in the past" not in response.text


def test_title_is_escaped_on_the_form(client, login, org):
    me = login()
    response = client.post(
        f"/followups/new?organisation_id={org.id}",
        data=valid(me, title="<script>alert(1)</script>", due_date=""),
    )
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
