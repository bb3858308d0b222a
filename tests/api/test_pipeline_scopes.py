"""Every write of the pipeline's resources, from the URL map: a read token is refused (403) and
no token at all is a 401, before anything is read or written."""

import re

import pytest

from tracker import create_app

PIPELINE = ("api_needs.", "api_followup", "api_match", "api_offers.", "api_talks.", "api_reports.")


def _writes():
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return sorted(
        (rule.endpoint, re.sub(r"<(?:[^:>]+:)?\w+>", "1", rule.rule), method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(PIPELINE)
        for method in rule.methods - {"GET", "HEAD", "OPTIONS"}
    )


WRITES = _writes()


def test_the_pipeline_has_writes():
    assert len(WRITES) >= 14  # needs 3, follow-ups 4, matchmaking 3, offers 2, talks 2


@pytest.mark.parametrize(("endpoint", "path", "method"), WRITES, ids=[w[0] for w in WRITES])
def test_a_read_token_cannot_write(api, endpoint, path, method):
    response = api("manager", "read").open(path, method, json={}, headers={"If-Match": '"x"'})
    assert response.status_code == 403, endpoint


@pytest.mark.parametrize(("endpoint", "path", "method"), WRITES, ids=[w[0] for w in WRITES])
def test_no_token_is_a_401(client, endpoint, path, method):
    assert client.open(path, method=method, json={}).status_code == 401, endpoint
