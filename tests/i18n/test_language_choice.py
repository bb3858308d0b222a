"""The interface language: the user's saved choice, else the login-page cookie, else the browser."""

import re

import pytest

from tracker.extensions import db

ZH_BROWSER = "zh-CN,zh;q=0.9,en;q=0.5"
# A word of the top bar in each language.
NAV = {"zh": "代表团", "de": "Delegationen", "en": "Delegations"}


def shown_language(page: str) -> str:
    return re.search(r'<html lang="([a-z-]+)"', page).group(1)


@pytest.mark.parametrize(
    ("saved", "browser", "expected"),
    [
        ("de", ZH_BROWSER, "de"),
        ("zh", "de-DE,de;q=0.9", "zh"),
        ("en", ZH_BROWSER, "en"),
        (None, ZH_BROWSER, "zh"),
        (None, "de-AT", "de"),
        (None, "fr-FR,fr;q=0.9", "en"),
        (None, "", "en"),
    ],
)
def test_saved_language_wins_over_the_browser(client, login, saved, browser, expected):
    """A saved language always wins; without one the browser's best match among zh/de/en."""
    login(language=saved)
    page = client.get("/", headers={"Accept-Language": browser}).text
    assert shown_language(page) == expected
    assert NAV[expected] in page


PAGES = {
    # language: (dashboard title, needs list heading, form error, flash message)
    "zh": ("首页", "合作需求", "结束日期不能早于开始日期。", "日历链接已生成。"),
    "de": ("Übersicht", "Kooperationsbedarfe", "Das Ende darf nicht vor dem Beginn liegen.",
           "Kalender-Link erzeugt."),
}  # fmt: skip
BAD_DELEGATION = {"title": "", "start_date": "2026-05-10", "end_date": "2026-05-01", "host": "X"}


@pytest.mark.parametrize("language", PAGES)
def test_pages_render_in_the_users_language(client, login, language):
    """Dashboard, needs list, a form with errors and a flash message, all translated."""
    login(language=language)
    dashboard, needs, form_error, flash = PAGES[language]
    english = {"Headline": "Dashboard", "Needs": "Cooperation needs"}
    page = client.get("/").text
    assert f"<title>{dashboard} ·" in page and "Dashboard" not in page
    page = client.get("/needs/").text
    assert needs in page and english["Needs"] not in page
    page = client.post("/delegations/new", data=BAD_DELEGATION).text
    assert form_error in page
    required = {"zh": "该字段是必填字段。", "de": "Dieses Feld wird benötigt."}[language]
    assert required in page  # WTForms' own messages follow the same locale
    page = client.post("/profile/calendar/regenerate", follow_redirects=True).text
    assert flash in page


def test_switch_saves_the_language_and_goes_back(client, login):
    """The top-bar switch stores the choice on the account and returns to the page."""
    user = login()
    response = client.post("/language", data={"language": "zh", "next": "/needs/?stage=new"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/needs/?stage=new")
    db.session.refresh(user)
    assert user.language == "zh"
    page = client.get("/needs/", headers={"Accept-Language": "de"}).text
    assert shown_language(page) == "zh" and "界面语言已保存。" in page


def test_switch_to_browser_default_clears_the_choice(client, login):
    """The empty choice stores None, so the browser decides again."""
    user = login(language="de")
    client.post("/language", data={"language": "", "next": "/"})
    db.session.refresh(user)
    assert user.language is None
    assert shown_language(client.get("/", headers={"Accept-Language": ZH_BROWSER}).text) == "zh"


@pytest.mark.parametrize("language", ["fr", "zh_TW", "x" * 50, "de\n"])
def test_switch_refuses_unknown_languages(client, login, language):
    """Only the offered languages are stored; the page says why nothing changed."""
    user = login(language="en")
    response = client.post("/language", data={"language": language}, follow_redirects=True)
    assert response.status_code == 200 and "Choose a language from the list." in response.text
    db.session.refresh(user)
    assert user.language == "en"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x", ""]
)
def test_switch_redirects_only_to_local_pages(client, login, target):
    """An unsafe or missing next goes to the dashboard."""
    login()
    response = client.post("/language", data={"language": "de", "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] in {"/", "http://tracker.test/"}


def test_login_page_switch_uses_a_cookie(client):
    """Before logging in, the choice is kept in a cookie and wins over the browser."""
    response = client.post("/language", data={"language": "zh", "next": "/login?next=%2Fneeds%2F"})
    assert response.headers["Location"].endswith("/login?next=%2Fneeds%2F")
    assert "language=zh" in response.headers["Set-Cookie"]
    page = client.get("/login", headers={"Accept-Language": "de"}).text
    assert shown_language(page) == "zh" and "登录" in page


def test_profile_offers_the_language_choice(client, login):
    """The profile page has the same choice, preselected with the saved language."""
    login(language="de")
    page = client.get("/profile").text
    assert re.search(r'<option selected value="de">Deutsch</option>', page)
    assert 'action="/language"' in page


class TestWithCsrf:
    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    def test_switch_needs_the_csrf_token(self, client):
        """A cross-site form cannot change the language."""
        response = client.post("/language", data={"language": "zh"})
        assert response.status_code == 400
        assert "language=" not in response.headers.get("Set-Cookie", "")
