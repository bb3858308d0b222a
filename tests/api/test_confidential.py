"""Confidential needs through the API: every operation that names a need, follow-up, match or
talk answers 404 to an outsider's token (read or write) and changes nothing, and lets the owner,
the assignee, managers and admins read. Generated from the URL map, so a new operation of that
kind is covered without being listed here (tests/security/test_confidential.py: the pages)."""

import pytest
from flask import url_for

from tests import factories
from tests.conftest import _test_config
from tests.security.confidential_world import INSIDERS, build_world, snapshot
from tracker import create_app
from tracker.api.conventions import blp_etag
from tracker.extensions import db

ID_VARIABLES = {"need_id": "need", "followup_id": "followup", "match_id": "match",
                "talk_id": "talk"}  # fmt: skip
METHODS = {"GET", "POST", "PATCH"}


def _api_routes() -> list[tuple[str, str]]:
    app = create_app(_test_config("sqlite://"))
    return sorted(
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/") and rule.arguments & ID_VARIABLES.keys()
        for method in sorted(rule.methods & METHODS)
    )


API_ROUTES = _api_routes()


@pytest.fixture
def world(app):
    return build_world()


def _call(app, world, who: str, endpoint: str, method: str, scope: str = "write"):
    """The operation on the world's records, by who's token, with a body that would succeed
    were the record theirs, and the record's current ETag (as if they had guessed it)."""
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    names = rule.arguments & ID_VARIABLES.keys()
    values = {name: getattr(world, ID_VARIABLES[name]).id for name in names}
    with app.test_request_context():
        url = url_for(endpoint, **values)
    record = getattr(world, ID_VARIABLES[sorted(names)[-1]])
    secret = factories.api_token(world.users[who], scope, "idor")
    db.session.commit()
    headers = {"Authorization": f"Bearer {secret}", "If-Match": blp_etag(record)}
    body = {"title": "Changed", "to_stage": "talks", "note": "changed", "outcome": "changed",
            "organisation_id": world.partner_id, "assignee_id": world.users[who].id,
            "to_status": "introduced", "day": "2026-05-20", "start": "10:00",
            "end": "11:00"}  # fmt: skip
    client = app.test_client()
    json = body if method != "GET" else None
    return client.open(url, method=method, headers=headers, json=json)


def test_every_operation_on_a_need_record_is_covered():
    """The API names needs, follow-ups, matches and talks in its paths: they are all here."""
    endpoints = {endpoint for endpoint, _method in API_ROUTES}
    assert {"api_needs.get", "api_need_moves.move", "api_followups.get",
            "api_talks.update"} <= endpoints  # fmt: skip


@pytest.mark.parametrize(("endpoint", "method"), API_ROUTES)
def test_an_outsiders_token_gets_404_and_changes_nothing(app, world, endpoint, method):
    before = snapshot(world)
    response = _call(app, world, "outsider", endpoint, method)
    assert response.status_code == 404, (endpoint, method, response.text)
    assert response.mimetype == "application/problem+json"
    db.session.rollback()
    assert snapshot(world) == before


@pytest.mark.parametrize(
    "endpoint", sorted({e for e, m in API_ROUTES if m == "GET"})
)  # fmt: skip
def test_insiders_tokens_read(app, world, endpoint):
    for who in INSIDERS:
        response = _call(app, world, who, endpoint, "GET", scope="read")
        assert response.status_code == 200, (who, endpoint, response.status_code)
