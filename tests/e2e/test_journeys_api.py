"""The API's journeys as people meet them: a token made on the profile page, shown once and used
by a script, then revoked; a manager's webhook sent a test event to a receiver on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.e2e.conftest import PHONE, expect, screenshot, unique

pytestmark = pytest.mark.e2e


def test_a_token_made_on_the_profile_page_works_until_it_is_revoked(new_context):
    context = new_context("staff")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    name = unique("BI dashboard")
    page.goto("/profile")
    page.get_by_label("Token name").fill(name)
    page.get_by_label("Access").select_option(label="Read and write")
    page.get_by_role("button", name="Create token").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("API token created")
    expect(page.get_by_text("Authorization: Bearer <token>", exact=False)).to_be_visible()
    secret = page.get_by_label("Your token").input_value()
    assert secret.startswith("trk_")
    bearer = {"Authorization": f"Bearer {secret}"}
    listed = context.request.get("/api/v1/delegations", headers=bearer)
    assert listed.status == 200 and "items" in listed.json()

    page.get_by_role("link", name="Done").click()
    row = page.locator("#api-tokens tr", has_text=name)
    expect(row).to_be_visible()
    assert secret not in page.content()  # shown once, never again
    row.get_by_role("button", name="Revoke").click()
    expect(page.locator("#api-tokens tr", has_text=name)).to_contain_text("Revoked")
    refused = context.request.get("/api/v1/delegations", headers=bearer)
    assert refused.status == 401
    assert refused.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["laptop", "phone"])
def test_the_token_pages_in_chinese(new_context, viewport):
    options = {"viewport": viewport} if viewport else {}
    page = new_context("staff", locale="zh-CN", **options).new_page()
    page.goto("/profile")
    page.get_by_label("令牌名称").fill(unique("数据看板"))
    page.get_by_role("button", name="创建令牌").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("已创建 API 令牌")
    screenshot(page, f"api-token-created-zh-{'phone' if viewport else 'laptop'}")
    page.goto("/profile#api-tokens")
    screenshot(page, f"api-tokens-zh-{'phone' if viewport else 'laptop'}")


class _Receiver(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.headers["X-Tracker-Event"], json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", _Receiver.received
    server.shutdown()


def test_a_manager_sends_a_webhook_a_test_event(new_context, receiver):
    url, received = receiver
    page = new_context("manager").new_page()
    page.goto("/admin/webhooks/new")
    page.get_by_label("Name").fill(unique("Project database"))
    page.get_by_label("Address").fill(url)
    page.get_by_label("Events").select_option(index=[0, 1])
    page.get_by_role("button", name="Create webhook").click()
    expect(page.get_by_text("it is shown only now", exact=False).first).to_be_visible()

    page.get_by_role("button", name="Send test event").click()
    expect(page.get_by_role("cell", name="204")).to_be_visible()
    assert [event for event, _body in received] == ["ping"]
    screenshot(page, "webhook-test-event-en-laptop")
