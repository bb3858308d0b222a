"""The webhook forms and buttons carry CSRF tokens, and refuse posts without them."""

import re

import pytest
from flask import g, request_started
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.webhooks.receiver import Receiver, hook
from tracker.extensions import db
from tracker.models import Webhook

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture
def app_config():
    """The real CSRF setting, not the tests' relaxed one."""
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture(autouse=True)
def _fresh_token_per_request(app):
    """Forget Flask-WTF's token cached in g before each request, as a real server would: the
    tests' shared app context would otherwise keep the token of the session before login."""

    def forget(_sender, **_extra):
        g.pop("csrf_token", None)

    request_started.connect(forget, app)
    yield
    request_started.disconnect(forget, app)


@pytest.fixture
def manager_client(client, make):
    manager = make.user(role="manager", password=PASSWORD)
    db.session.commit()
    token = TOKEN.search(client.get("/login").text).group(1)
    response = client.post(
        "/login", data={"email": manager.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    return client


def test_creating_without_a_token_is_refused(manager_client):
    response = manager_client.post(
        "/admin/webhooks/new",
        data={"name": "X", "url": "https://example.org/h", "events": ["need.stage_changed"]},
    )
    assert response.status_code == 400
    assert db.session.scalars(select(Webhook)).all() == []


@pytest.mark.parametrize("action", ["test", "secret", "delete", "edit"])
def test_buttons_without_a_token_are_refused(manager_client, action):
    with Receiver() as receiver:
        target = hook(receiver.url, secret="whsec_unchanged_secret")
        db.session.commit()
        response = manager_client.post(f"/admin/webhooks/{target.id}/{action}")
    assert response.status_code == 400
    assert receiver.received == []
    db.session.expire_all()
    assert db.session.get(Webhook, target.id).secret == "whsec_unchanged_secret"


def test_the_test_button_with_the_pages_token_sends(manager_client):
    with Receiver() as receiver:
        target = hook(receiver.url)
        db.session.commit()
        page = manager_client.get(f"/admin/webhooks/{target.id}").text
        token = TOKEN.search(page).group(1)
        response = manager_client.post(
            f"/admin/webhooks/{target.id}/test", data={"csrf_token": token}
        )
    assert response.status_code == 302
    assert len(receiver.received) == 1
