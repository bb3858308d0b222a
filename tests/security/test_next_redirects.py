"""A `next` with a line break or another control character (issue 19, finding 7) goes to the
default page: it never reaches the Location header (a 500) or leads off the site."""

from datetime import timedelta

import pytest

from tests.conftest import PASSWORD
from tests.followups.builders import followup
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.security import safe_local_path

# As the view reads them: a query string or form field's %0d%0a arrives decoded.
CONTROL = ["/\r\nfoo", "/\nfoo", "/\rfoo", "/\r\nSet-Cookie: a=b", "/\t/evil.example", "/\x85x"]
OFF_SITE = ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:x"]


@pytest.mark.parametrize("target", [*CONTROL, *OFF_SITE, "", None, "needs/"], ids=repr)
def test_unsafe_targets_are_refused(target):
    assert safe_local_path(target) is None


@pytest.mark.parametrize(
    "target", ["/", "/needs/?stage=new&page=2", "/login?next=%2Fneeds%2F", "/%0d%0a", "/é"]
)
def test_local_paths_are_kept(target):
    assert safe_local_path(target) == target


def _local(response) -> str:
    assert response.status_code == 302, response.status_code
    return response.headers["Location"].removeprefix("http://tracker.test")


@pytest.mark.parametrize("target", CONTROL, ids=repr)
def test_login_goes_to_the_dashboard(client, make, target):
    user = make.user()
    db.session.commit()
    response = client.post(
        "/login", query_string={"next": target}, data={"email": user.email, "password": PASSWORD}
    )
    assert _local(response) == "/"


def test_login_with_an_encoded_line_break_in_the_raw_query_string(client, make):
    user = make.user()
    db.session.commit()
    data = {"email": user.email, "password": PASSWORD}
    assert _local(client.post("/login?next=/%0d%0afoo", data=data)) == "/"
    assert _local(client.post("/login?next=%2F%0Afoo", data=data)) == "/"


@pytest.mark.parametrize("target", CONTROL, ids=repr)
def test_language_switch_goes_to_the_dashboard(client, login, target):
    login()
    assert _local(client.post("/language", data={"language": "de", "next": target})) == "/"


@pytest.mark.parametrize("target", CONTROL, ids=repr)
def test_language_switch_before_login_goes_to_the_login_page(client, target):
    assert _local(client.post("/language", data={"language": "de", "next": target})) == "/login"


@pytest.mark.parametrize("action", ["complete", "cancel"])
@pytest.mark.parametrize("target", CONTROL, ids=repr)
def test_followup_completion_goes_to_the_followup(client, login, action, target):
    me = login()
    task = followup(me, local_today() + timedelta(days=1))
    db.session.commit()
    data = {"outcome": "Price list sent", "version": "1", "next": target}
    response = client.post(f"/followups/{task.id}/{action}", data=data)
    assert _local(response) == f"/followups/{task.id}"


@pytest.mark.parametrize("target", CONTROL, ids=repr)
def test_followup_creation_goes_to_its_organisation(client, login, make, target):
    me = login()
    org = make.organisation()
    db.session.commit()
    data = {
        "title": "Send the price list", "kind": "email", "assignee_id": str(me.id),
        "due_date": (local_today() + timedelta(days=3)).isoformat(),
    }  # fmt: skip
    query = {"organisation_id": org.id, "next": target}
    response = client.post("/followups/new", query_string=query, data=data)
    assert _local(response) == f"/organisations/{org.id}"
