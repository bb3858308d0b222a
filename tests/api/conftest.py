"""Fixtures for the JSON API: a client that sends a token, and the token's builder."""

import pytest

from tests import factories
from tracker.extensions import db


class ApiClient:
    """The test client with a bearer token on every request (JSON bodies by json=)."""

    def __init__(self, client, secret: str | None):
        self.client, self.secret = client, secret

    def open(self, path: str, method: str = "GET", headers: dict | None = None, **kwargs):
        headers = dict(headers or {})
        if self.secret is not None:
            headers.setdefault("Authorization", f"Bearer {self.secret}")
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def get(self, path, **kwargs):
        return self.open(path, "GET", **kwargs)

    def post(self, path, **kwargs):
        return self.open(path, "POST", **kwargs)

    def patch(self, path, **kwargs):
        return self.open(path, "PATCH", **kwargs)


@pytest.fixture
def api(client):
    """api(role="staff", scope="write", user=None) -> an ApiClient with a new token."""

    def _api(role: str = "staff", scope: str = "write", user=None, name: str = "script"):
        owner = user or factories.user(role=role)
        secret = factories.api_token(owner, scope, name)
        db.session.commit()
        return ApiClient(client, secret)

    return _api
