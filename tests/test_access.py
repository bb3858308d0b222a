"""Every route needs login unless listed public; CSRF is enforced in the real configuration."""

import re

import pytest

from tracker import create_app
from tracker.security import PUBLIC_ENDPOINTS


def _all_rules():
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return [r for r in app.url_map.iter_rules() if r.endpoint not in PUBLIC_ENDPOINTS]


def _concrete(rule) -> str:
    """The rule's URL with every converter replaced by a plausible value."""
    return re.sub(r"<(?:(\w+)(?:\(([^)]*)\))?:)?(\w+)>", _value, rule.rule)


def _value(match) -> str:
    converter, args, name = match.group(1), match.group(2), match.group(3)
    if converter == "any":
        return args.split(",")[0].strip().strip("'\"")
    if converter in ("int", None) and name.endswith("id"):
        return "1"
    if name == "kind":
        return "topics"
    return "1" if converter == "int" else "x"


RULES = _all_rules()


@pytest.mark.parametrize(
    ("rule", "method"),
    [(r, m) for r in RULES for m in sorted(r.methods - {"HEAD", "OPTIONS"})],
    ids=lambda v: v.rule if hasattr(v, "rule") else v,
)
def test_every_route_requires_login(client, rule, method):
    response = client.open(_concrete(rule), method=method)
    if rule.rule.startswith("/api/"):  # the JSON API asks for a token: 401 problem details
        assert response.status_code == 401, f"{method} {rule.rule} answered {response.status_code}"
        assert response.mimetype == "application/problem+json"
        return
    assert response.status_code == 302, f"{method} {rule.rule} answered {response.status_code}"
    assert "/login" in response.headers["Location"]


def test_login_page_is_public(client):
    assert client.get("/login").status_code == 200


def test_there_are_routes_to_check():
    assert len(RULES) > 10


@pytest.fixture
def app_config():
    """The real CSRF setting, not the tests' relaxed one."""
    return {"WTF_CSRF_ENABLED": True}


def test_post_without_csrf_token_is_refused(client, make):
    from tracker.extensions import db

    make.user(email="a@example.org", password="correct horse battery")
    db.session.commit()
    response = client.post(
        "/login", data={"email": "a@example.org", "password": "correct horse battery"}
    )
    assert response.status_code == 400
    assert "form expired" in response.text


def test_post_with_csrf_token_is_accepted(client, make):
    from tracker.extensions import db

    make.user(email="a@example.org", password="correct horse battery")
    db.session.commit()
    page = client.get("/login").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/login",
        data={"email": "a@example.org", "password": "correct horse battery", "csrf_token": token},
    )
    assert response.status_code == 302
