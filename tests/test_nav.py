"""The main navigation, drawn once per language, page, badge and permissions
(tracker.templating.fragment): each user still sees the links of their own role, language
and page."""

import re

import pytest

from tests.conftest import PASSWORD, log_in_as
from tracker.extensions import db


def _nav_links(page: str) -> dict[str, bool]:
    """The main navigation's links: label -> shown as the active one."""
    nav = page[page.index('<ul class="navbar-nav') : page.index('role="search"')]
    links = re.findall(r'<a class="nav-link([^"]*)" href="[^"]+"[^>]*>\s*([^<]+?)\s*<', nav)
    return {label: "active" in classes.split() for classes, label in links}


@pytest.mark.parametrize(
    ("role", "vocabularies", "users"),
    [("staff", False, False), ("manager", True, False), ("admin", True, True)],
)
def test_each_role_sees_its_own_links(client, make, role, vocabularies, users):
    """Users of every role in turn, in one process: no one gets another role's links."""
    for other in ("admin", "staff", "manager"):
        log_in_as(client, make.user(role=other, password=PASSWORD))
        db.session.commit()
        client.get("/delegations/")
    log_in_as(client, make.user(role=role, password=PASSWORD))
    page = client.get("/delegations/").text
    links = _nav_links(page)
    assert "Delegations" in links and "Reports" in links
    # Managing the lists and the users is in the account menu, so the bar fits one row.
    menu = page[page.index('<ul class="dropdown-menu dropdown-menu-end">') :]
    menu = menu[: menu.index("</ul>")]
    assert ("/vocabularies/" in menu, "/admin/users" in menu) == (vocabularies, users)


@pytest.mark.parametrize(
    ("path", "active"),
    [("/delegations/", "Delegations"), ("/needs/", "Needs"), ("/matchmaking/matches", "Matches"),
     ("/talks/", "Talks"), ("/followups/mine", "Follow-ups"), ("/", None),
     ("/matchmaking/synonyms", None)],  # matchmaking, but not the matches list
)  # fmt: skip
def test_the_page_s_own_section_is_marked(client, login, path, active):
    login("manager")
    for other in ("/delegations/", "/needs/", "/matchmaking/matches", "/"):  # drawn first
        client.get(other)
    response = client.get(path)
    assert response.status_code == 200
    links = _nav_links(response.text)
    assert [label for label, on in links.items() if on] == ([active] if active else [])


def test_the_links_follow_the_user_s_language(client, make):
    german = make.user(role="staff", password=PASSWORD, language="de")
    chinese = make.user(role="staff", password=PASSWORD, language="zh")
    db.session.commit()
    log_in_as(client, german)
    assert "Delegationen" in _nav_links(client.get("/delegations/").text)
    log_in_as(client, chinese)
    links = _nav_links(client.get("/delegations/").text)
    assert "代表团" in links and "Delegationen" not in links


def test_style_sheets_and_scripts_are_on_every_page(client, login):
    login()
    for path in ("/", "/delegations/"):
        page = client.get(path).text
        assert page.count('<link rel="stylesheet"') == 4
        assert "/static/js/tracker.js" in page and "bootstrap.min.js" in page
    client.post("/logout")
    assert "/static/css/tracker.css" in client.get("/login").text
