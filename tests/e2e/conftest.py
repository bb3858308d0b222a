"""Real-browser fixtures: the app on a loopback port with its own SQLite file, and Chromium.

The journeys run against the real configuration (CSRF on, rate limits on); they share one
database seeded once with the demo data, and each journey makes its own uniquely named records.
"""

import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from tracker import create_app
from tracker.admin.services import create_user
from tracker.demo import seed
from tracker.extensions import db
from tracker.models import Role

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "Quiet-harbour-lantern-47"
LAPTOP = {"width": 1366, "height": 900}
TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def expect(*args, **kwargs):
    """Playwright's expect, imported late: `make test` collects this folder without Playwright."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(*args, **kwargs)


@pytest.fixture(autouse=True)
def _fresh_login_per_request():
    """Replace the unit suite's autouse fixture: the browser talks to a real server."""
    yield


@pytest.fixture(scope="session")
def playwright_api():
    """Playwright's sync API, or a skip saying what to install."""
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium fonts-noto-cjk")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright missing: pip install -e '.[e2e]'"
    )
    with sync_api.sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_api):
    """Debian's Chromium, headless (never a downloaded browser build)."""
    browser = playwright_api.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=["--no-sandbox", "--disable-background-networking"],
    )
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def e2e_app(tmp_path_factory):
    """The app with a fresh SQLite database holding the demo data."""
    folder = tmp_path_factory.mktemp("e2e")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'tracker.db'}",
            "SECRET_KEY": uuid.uuid4().hex,
            # Real hashing is 0.3 s a login; the journeys log in a handful of times only.
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            # The journeys log in as manager and admin without an authenticator app.
            "TOTP_REQUIRED_ROLES": [],
        }
    )
    # Uploaded documents (instance/documents) go to the run's folder, not the checkout's.
    app.instance_path = str(folder / "instance")
    with app.app_context():
        db.create_all()
        seed()
        db.session.commit()
        db.session.remove()
    return app


class _QuietHandler(WSGIRequestHandler):
    """No access log: pytest would print every asset request of a failed journey."""

    def log_request(self, *args, **kwargs) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(e2e_app) -> Iterator[str]:
    """Serve the app from a background thread on a free loopback port."""
    server = make_server("127.0.0.1", 0, e2e_app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def accounts(e2e_app) -> dict[str, str]:
    """One account per role, made by the admin service, all with PASSWORD; e-mail by role."""
    emails = {}
    with e2e_app.app_context():
        for role in Role:
            user = create_user(
                email=f"e2e.{role.value}@example.org",
                display_name=f"E2E {role.value.title()}",
                role=role,
                password=PASSWORD,
            )
            emails[role.value] = user.email
        db.session.commit()
        db.session.remove()
    return emails


@pytest.fixture
def run_in_app(e2e_app):
    """Call a function inside an app context and commit (to seed what one journey needs)."""

    def _run(function, *args, **kwargs):
        with e2e_app.app_context():
            result = function(*args, **kwargs)
            db.session.commit()
            db.session.remove()
        return result

    return _run


def log_in(page, email: str, password: str = PASSWORD) -> None:
    """Fill the login form the way a person does and wait for the dashboard."""
    page.goto("/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login" not in url)


@pytest.fixture(scope="session")
def login_states(browser, base_url, accounts, tmp_path_factory) -> dict[str, str]:
    """Log each role in once through the form; journeys reuse the saved cookies."""
    folder = tmp_path_factory.mktemp("states")
    states = {}
    for role, email in accounts.items():
        context = browser.new_context(base_url=base_url)
        log_in(context.new_page(), email)
        states[role] = str(folder / f"{role}.json")
        context.storage_state(path=states[role])
        context.close()
    return states


@pytest.fixture
def new_context(browser, base_url, login_states):
    """Open browser contexts (logged in as a role, or anonymous); closed after the test."""
    contexts = []

    def _new(role: str | None = "staff", *, viewport=LAPTOP, locale="en-GB", **options):
        context = browser.new_context(
            base_url=base_url,
            viewport=viewport,
            locale=locale,
            timezone_id="Asia/Shanghai",
            storage_state=login_states[role] if role else None,
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield _new
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page logged in as staff at laptop size."""
    return new_context("staff").new_page()


@pytest.fixture
def manager_page(new_context):
    """A page logged in as a manager (sees every need in reports)."""
    return new_context("manager").new_page()


@pytest.fixture
def admin_page(new_context):
    """A page logged in as an admin."""
    return new_context("admin").new_page()


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot into test-results/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def blocking_violations(page) -> list[str]:
    """The serious and critical axe-core violations on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    for violation in Axe().run(page).response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [node["target"] for node in violation["nodes"][:3]]
            problems.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return problems


def unique(prefix: str) -> str:
    """A name no other journey uses."""
    return f"{prefix} {uuid.uuid4().hex[:6]}"


def pick(page, label: str, typed: str, option: str | None = None) -> None:
    """Type into a search-as-you-type picker (static/js/lookup.js) and click the option whose
    text contains option (default: what was typed)."""
    import re

    # Until static/js/lookup.js has enhanced every picker, the label still names the bare
    # select, which the enhancement then hides: wait for it instead of racing it. A locator,
    # not wait_for_function: that evaluates a string, which the app's CSP (no unsafe-eval)
    # refuses.
    expect(page.locator("select[data-lookup]:not(.tomselected)")).to_have_count(0)
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(typed, delay=20)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    wanted = re.compile(re.escape(option or typed), re.IGNORECASE)
    listbox.get_by_role("option", name=wanted).first.click()
