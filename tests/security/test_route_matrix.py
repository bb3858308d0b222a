"""Every rule of the URL map, every method, every role: the status the matrix expects."""

import re

import pytest

from tests.conftest import PASSWORD, _empty_tables
from tests.security.route_matrix import ROUTES, URL_VALUES
from tests.security.world import build_world
from tracker import create_app

ROLES = ("anonymous", "staff", "manager", "admin")
ALLOWED = {
    "public": set(ROLES),
    "all": {"staff", "manager", "admin"},
    "managers": {"manager", "admin"},
    "admins": {"admin"},
}


def _rules():
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule))


RULES = _rules()
CASES = [
    (rule, method)
    for rule in RULES
    if rule.endpoint in ROUTES
    for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
]


def test_every_route_has_a_line_in_the_matrix():
    missing = sorted({r.endpoint for r in RULES} - ROUTES.keys())
    assert not missing, f"add these endpoints to tests/security/route_matrix.py: {missing}"


def test_every_line_of_the_matrix_is_a_route():
    gone = sorted(ROUTES.keys() - {r.endpoint for r in RULES})
    assert not gone, f"remove these endpoints from tests/security/route_matrix.py: {gone}"
    unknown = {e: a for e, a in ROUTES.items() if isinstance(a, str) and a not in ALLOWED}
    assert not unknown, f"unknown access words: {unknown}"
    partial = {e: a for e, a in ROUTES.items() if isinstance(a, dict) and set(a) != set(ROLES)}
    assert not partial, f"a status per role is needed for every role: {partial}"


def _url(rule, values: dict) -> str:
    overrides = URL_VALUES.get(rule.endpoint, {})

    def value(match) -> str:
        name = match.group(2)
        key = overrides.get(name, name)
        if key.startswith("="):
            return key[1:]
        if match.group(1) and match.group(1).startswith("any("):
            return match.group(1)[4:].split(",")[0].strip(" '\")")
        return str(values[key])

    path = re.sub(r"<(?:([^:>]+):)?(\w+)>", value, rule.rule)
    query = [f"{k[1:]}={values[v]}" for k, v in overrides.items() if k.startswith("?")]
    return path + ("?" + "&".join(query) if query else "")


def _expectation(endpoint: str, role: str) -> str | int:
    access = ROUTES[endpoint]
    if isinstance(access, dict):
        return access[role]
    if role in ALLOWED[access]:
        return "allowed"
    return "login" if role == "anonymous" else 403


def _to_login(response) -> bool:
    return response.status_code == 302 and "/login?next=" in response.headers["Location"]


def _mismatch(response, method: str, expected) -> bool:
    if expected == "login":
        return not _to_login(response)
    if expected == "allowed":
        statuses = {200, 302} if method == "GET" else {200, 302, 400, 409}
        return response.status_code not in statuses or _to_login(response)
    return response.status_code != expected


@pytest.mark.parametrize(("rule", "method"), CASES, ids=[f"{r.endpoint}-{m}" for r, m in CASES])
def test_route_answers_each_role_as_the_matrix_says(app, rule, method):
    world = build_world()
    wrong = []
    for role in ROLES:
        client = app.test_client()
        if role != "anonymous":
            email = world.users[role].email
            assert (
                client.post("/login", data={"email": email, "password": PASSWORD}).status_code
                == 302
            )
        # A field no form has: with no form data at all, Flask-WTF would fill forms from objects.
        response = client.open(_url(rule, world.values), method=method, data={"matrix": "1"})
        response.get_data()  # read streamed downloads to the end, so their generators finish
        response.close()
        expected = _expectation(rule.endpoint, role)
        if _mismatch(response, method, expected):
            wrong.append(f"{role}: {response.status_code} (expected {expected})")
        if method != "GET" and expected != "login" and response.status_code < 400:
            _empty_tables()  # the request may have changed or deleted the world
            world = build_world()
    assert not wrong, f"{method} {rule.rule}: " + "; ".join(wrong)
