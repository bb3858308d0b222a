"""Switching the interface language: pages, messages and export headers follow the user."""

import csv
import io
import re

import pytest

from tests.e2e.conftest import PASSWORD, expect, log_in, unique
from tracker.admin.services import create_user
from tracker.models import Role

pytestmark = pytest.mark.e2e


def _csv_header(page) -> list[str]:
    page.goto("/needs/")
    page.get_by_role("button", name=re.compile(r"^(Export|导出|Exportieren)")).click()
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    text = info.value.path().read_bytes().decode("utf-8-sig")
    return next(csv.reader(io.StringIO(text)))


def test_switch_to_chinese_then_german_and_back(new_context, run_in_app):
    # A user of its own: the language is saved on the user, and other journeys expect English.
    email = f"{unique('lang').replace(' ', '.')}@example.org"
    run_in_app(create_user, email=email, display_name="Lin Yu", role=Role.STAFF, password=PASSWORD)
    page = new_context(None).new_page()
    log_in(page, email)

    page.get_by_role("button", name=re.compile("^Language")).click()
    page.get_by_role("button", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^zh"))
    expect(page.get_by_role("link", name="代表团").first).to_be_visible()
    page.goto("/needs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("合作需求")
    header = _csv_header(page)
    assert "名称" in header and "Title" not in header

    page.get_by_role("button", name=re.compile("^语言")).click()
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^de"))
    expect(page.get_by_role("link", name="Delegationen").first).to_be_visible()
    assert "Titel" in _csv_header(page)

    # The choice is the user's: a new browser (no cookie) logs in to German pages.
    other = new_context(None).new_page()
    log_in(other, email)
    expect(other.locator("html")).to_have_attribute("lang", re.compile("^de"))

    page.get_by_role("button", name=re.compile("^Sprache")).click()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("link", name="Delegations").first).to_be_visible()
