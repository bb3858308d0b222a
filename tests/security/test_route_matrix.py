"""Every rule of the URL map, every method, every role: the status the matrix expects."""

import re

import pytest

from tests import factories
from tests.conftest import PASSWORD, _empty_tables
from tests.security.route_matrix import API_ROUTES, ROUTES, URL_VALUES
from tests.security.world import build_world
from tracker import create_app
from tracker.extensions import db

ROLES = ("anonymous", "staff", "manager", "admin")
ALLOWED = {
    "public": set(ROLES),
    "all": {"staff", "manager", "admin"},
    "managers": {"manager", "admin"},
    "admins": {"admin"},
}
TOKEN_ONLY = "token"
SCOPES = ("read", "write")


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
    words = {*ALLOWED, TOKEN_ONLY}
    unknown = {e: a for e, a in ROUTES.items() if isinstance(a, str) and a not in words}
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
    if access == TOKEN_ONLY:
        return 401  # the API never reads the session cookie
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


API_CASES = [
    (rule, method)
    for rule in RULES
    if rule.endpoint in API_ROUTES
    for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
]


def test_every_api_route_has_a_line_for_tokens():
    api = {r.endpoint for r in RULES if ROUTES.get(r.endpoint) == TOKEN_ONLY}
    assert api <= API_ROUTES.keys(), f"add to API_ROUTES: {sorted(api - API_ROUTES.keys())}"
    assert API_ROUTES.keys() <= {r.endpoint for r in RULES}


def _api_mismatch(response, method: str, expected: str, gone: bool = False) -> bool:
    """Whether the answer is not what the matrix says; a DELETE allowed is a 204 the first time,
    and a 404 once an earlier token deleted the record."""
    if expected == "forbidden":
        return response.status_code != 403
    if method == "DELETE":
        return response.status_code != (404 if gone else 204)
    allowed = {200} if method == "GET" else {200, 201, 422, 428}
    return response.status_code not in allowed


@pytest.mark.parametrize(
    ("rule", "method"), API_CASES, ids=[f"{r.endpoint}-{m}" for r, m in API_CASES]
)
def test_api_route_answers_each_roles_tokens_as_the_matrix_says(app, client, rule, method):
    world = build_world()
    wrong, gone = [], False
    for role in ("staff", "manager", "admin"):
        for scope in SCOPES:
            secret = factories.api_token(world.users[role], scope)
            db.session.commit()
            headers = {"Authorization": f"Bearer {secret}"}
            body = {"json": {}} if method not in ("GET", "DELETE") else {}
            response = client.open(_url(rule, world.values), method=method, headers=headers, **body)
            access = API_ROUTES[rule.endpoint]
            expected = "forbidden" if access == "write" and scope == "read" else "allowed"
            if _api_mismatch(response, method, expected, gone):
                wrong.append(f"{role}/{scope}: {response.status_code} (expected {expected})")
            gone = gone or (method == "DELETE" and response.status_code == 204)
    assert not wrong, f"{method} {rule.rule}: " + "; ".join(wrong)
