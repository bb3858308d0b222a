"""The pages the district leadership is shown, in Chinese and English, on a laptop and a phone:
nothing cut off on the right, the top bar on one row, the printed delegation report paginated.
Their screenshots (test-results/screenshots/<language>-<page>-<width>.png) are the ones copied
to docs/screenshots/."""

import re

import pytest
from sqlalchemy import select

from tests.e2e.conftest import LAPTOP, PHONE, screenshot
from tracker.demo import THURINGIA_TITLE
from tracker.extensions import db
from tracker.models import Delegation, Need, Stage

pytestmark = pytest.mark.e2e

PAGES = [
    ("dashboard", "/"),
    ("board", "/needs/board"),
    ("report", "/reports/pipeline"),
    ("need", "/needs/{need}"),
    ("needs", "/needs/"),
    ("delegation", "/delegations/{delegation}"),
    ("matchmaking-board", "/matchmaking/delegations/{delegation}/board"),
]
LOCALES = {"zh": "zh-CN", "en": "en-GB", "de": "de-DE"}


@pytest.fixture(scope="module")
def ids(e2e_app):
    with e2e_app.app_context():
        delegation = db.session.scalar(
            select(Delegation.id).where(Delegation.title == THURINGIA_TITLE)
        )
        need = db.session.scalar(
            select(Need.id).where(Need.stage == Stage.TALKS).order_by(Need.id).limit(1)
        )
        db.session.remove()
    return {"delegation": delegation, "need": need}


def _overflow(page) -> int:
    """How many pixels the page is wider than the window (what a reader must scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("language", ["zh", "en", "de"])
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_nothing_is_cut_off_on_a_phone(new_context, ids, language, name, path):
    page = new_context("manager", viewport=PHONE, locale=LOCALES[language]).new_page()
    assert page.goto(path.format(**ids)).status == 200
    assert page.get_attribute("html", "lang").startswith(language)
    screenshot(page, f"{language}-{name}-390")
    assert _overflow(page) <= 0, f"{path} is {_overflow(page)} px too wide at 390 px"


@pytest.mark.parametrize("language", ["zh", "en", "de"])
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_laptop_pages_keep_the_top_bar_on_one_row(new_context, ids, language, name, path):
    page = new_context("manager", viewport=LAPTOP, locale=LOCALES[language]).new_page()
    assert page.goto(path.format(**ids)).status == 200
    screenshot(page, f"{language}-{name}-1366")
    screenshot(page, f"{language}-{name}-1366-top", full_page=False)
    assert _overflow(page) <= 0
    search = page.locator("#nav-search").bounding_box()
    brand = page.locator(".navbar-brand").bounding_box()
    account = page.locator("nav .dropdown-toggle.btn").last.bounding_box()
    # One row: the brand, the search field and the account button share a line.
    assert abs(search["y"] - brand["y"]) < brand["height"]
    assert abs(account["y"] - brand["y"]) < brand["height"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_printed_delegation_report(new_context, ids, language, tmp_path):
    page = new_context("manager", viewport=LAPTOP, locale=LOCALES[language]).new_page()
    assert page.goto(f"/delegations/{ids['delegation']}/report").status == 200
    page.emulate_media(media="print")
    screenshot(page, f"{language}-delegation-report-print")
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())
    assert len(pages) >= 2  # the report of a 30-person visit runs over several pages
