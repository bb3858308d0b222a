"""Journeys through the pipeline: the board, matchmaking, the report, imports and exports."""

import re
from io import BytesIO

import openpyxl
import pytest
from sqlalchemy import select

from tests.e2e.conftest import blocking_violations, expect, pick, screenshot, unique
from tracker.demo import THURINGIA_TITLE
from tracker.extensions import db
from tracker.models import Delegation, Need, Organisation, User
from tracker.needs.services import create_need

pytestmark = pytest.mark.e2e


def _thuringia_id() -> int:
    return db.session.scalar(select(Delegation.id).where(Delegation.title == THURINGIA_TITLE))


def _need(title: str) -> int:
    """A new need of a visiting organisation, created by the service as the e2e staff user."""
    staff = db.session.scalar(select(User).where(User.email == "e2e.staff@example.org"))
    organisation = db.session.scalar(
        select(Organisation).where(Organisation.is_local.is_(False)).order_by(Organisation.id)
    )
    return create_need({"title": title, "organisation_id": organisation.id}, staff).id


def _column(page, stage: str):
    return page.locator(f'.board-column[data-stage="{stage}"]')


def test_move_a_need_on_the_board_by_dragging(page, run_in_app, accounts):
    title = unique("Drag me to qualified")
    run_in_app(_need, title)
    page.goto("/needs/board?q=" + title.split()[-1])
    card = page.locator(".need-card", has_text=title)
    expect(_column(page, "new").locator(".need-card", has_text=title)).to_be_visible()

    with page.expect_navigation():
        card.drag_to(_column(page, "qualified"))

    expect(_column(page, "qualified").locator(".need-card", has_text=title)).to_be_visible()
    expect(_column(page, "new").locator(".need-card", has_text=title)).to_have_count(0)
    screenshot(page, "journey-board-after-drag")


def test_move_a_need_on_the_board_without_javascript(new_context, run_in_app, accounts):
    title = unique("Move me by select")
    run_in_app(_need, title)
    page = new_context("staff", java_script_enabled=False).new_page()
    page.goto("/needs/board?q=" + title.split()[-1])

    page.get_by_label(f"Move “{title}” to").select_option(label="Qualified")
    page.locator(".need-card", has_text=title).get_by_role("button", name="Move").click()

    expect(_column(page, "qualified").locator(".need-card", has_text=title)).to_be_visible()
    expect(_column(page, "new").locator(".need-card", has_text=title)).to_have_count(0)


def _need_with_suggestion() -> int:
    """The demo's synthetic-biology need, which the investment service centre can help with."""
    return db.session.scalar(select(Need.id).where(Need.title.startswith("Subsidies for")))


def test_accept_a_match_suggestion_and_schedule_a_talk(page, run_in_app, accounts):
    need_id = run_in_app(_need_with_suggestion)
    page.goto(f"/needs/{need_id}")
    suggestions = page.locator("#suggestions")
    partner = suggestions.locator("li a.fw-semibold").first.inner_text()
    suggestions.get_by_role("button", name="Accept suggestion").first.click()

    heading = page.get_by_role("heading", name="Local partners matched")
    matched = page.locator("section", has=heading)
    expect(matched.get_by_role("link", name=partner)).to_be_visible()
    matched.get_by_role("link", name="Schedule talk").first.click()

    page.get_by_label("Title").fill(f"{partner}: subsidies briefing")
    page.get_by_label("Date").fill("2027-06-02")
    page.get_by_label("Starts").fill("14:00")
    page.get_by_label("Ends").fill("15:00")
    page.get_by_label("Place", exact=True).fill("Meeting room 3")
    problems = blocking_violations(page)
    assert not problems, "\n".join(problems)
    page.get_by_role("button", name="Schedule talk").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("subsidies briefing")
    expect(page.get_by_text("Meeting room 3").first).to_be_visible()
    expect(page.get_by_role("link", name=partner).first).to_be_visible()
    screenshot(page, "talk-detail")
    problems = blocking_violations(page)
    assert not problems, "\n".join(problems)


def _needs_of_industry(delegation_id: int, industry_id: int) -> set[str]:
    stmt = select(Need.title).where(
        Need.delegation_id == delegation_id, Need.key_industry_id == industry_id
    )
    return set(db.session.scalars(stmt))


def test_manager_filters_the_pipeline_report_and_drills_down(manager_page, run_in_app):
    page = manager_page
    delegation_id = run_in_app(_thuringia_id)
    page.goto("/reports/pipeline")
    pick(page, "Delegation", THURINGIA_TITLE.split()[0], THURINGIA_TITLE)
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"delegation_id=\d+"))

    bar = page.locator("svg[aria-labelledby='industry-title'] a").first
    count = int(bar.get_attribute("aria-label").rsplit(": ", 1)[1])
    industry_id = int(re.search(r"key_industry_id=(\d+)", bar.get_attribute("href")).group(1))
    screenshot(page, "journey-pipeline-filtered")
    bar.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Cooperation needs")
    expected = run_in_app(_needs_of_industry, delegation_id, industry_id)
    rows = page.locator("table tbody tr td:first-child a.fw-semibold")
    expect(rows).to_have_count(count)
    assert set(rows.all_inner_texts()) == expected


def test_import_a_member_list_through_the_preview(page, run_in_app, tmp_path):
    delegation_id = run_in_app(_thuringia_id)
    names = [unique("Import Person") for _ in range(2)]
    csv_file = tmp_path / "members.csv"
    csv_file.write_text(
        "Name,Organisation,Position,E-mail\n"
        f"{names[0]},Jena Optics Imports GmbH,CEO,\n"
        f"{names[1]},Jena Optics Imports GmbH,Engineer,\n",
        encoding="utf-8",
    )
    page.goto(f"/delegations/{delegation_id}")
    page.get_by_role("link", name="Import members").click()
    page.get_by_label("Member list").set_input_files(csv_file)
    page.get_by_role("button", name="Read the file").click()

    expect(page.get_by_role("button", name="Show preview")).to_be_visible()
    screenshot(page, "import-mapping")
    assert not blocking_violations(page)
    page.get_by_role("button", name="Show preview").click()

    people = page.locator("section", has=page.get_by_role("heading", name="People"))
    for name in names:
        expect(people.get_by_text(name)).to_be_visible()
    expect(page.get_by_text("Jena Optics Imports GmbH").first).to_be_visible()
    screenshot(page, "import-preview")
    assert not blocking_violations(page)
    page.get_by_role("button", name="Import", exact=True).click()

    expect(page.get_by_role("alert").first).to_be_visible()
    page.goto(f"/delegations/{delegation_id}")
    for name in names:
        expect(page.get_by_role("link", name=name)).to_be_visible()


def test_download_the_member_list_as_xlsx(page, run_in_app):
    delegation_id = run_in_app(_thuringia_id)
    page.goto(f"/delegations/{delegation_id}")
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Export XLSX")).click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")

    sheet = openpyxl.load_workbook(BytesIO(download.path().read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "Name" in rows[0] or "Full name" in rows[0]
    names = {cell for row in rows[1:] for cell in row if isinstance(cell, str)}
    visible = page.locator("#members a[href*='/people/']").all_inner_texts()
    assert visible and set(visible) <= names


def test_download_the_needs_list_as_xlsx(page):
    page.goto("/needs/?stage=qualified")
    page.get_by_role("button", name=re.compile("^Export")).click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Excel (XLSX)").click()
    sheet = openpyxl.load_workbook(BytesIO(info.value.path().read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    visible = page.locator("table tbody tr td:first-child a.fw-semibold").all_inner_texts()
    titles = {cell for row in rows[1:] for cell in row if isinstance(cell, str)}
    assert len(rows) - 1 == len(visible)
    assert set(visible) <= titles


def test_the_delegation_report_prints_without_navigation(page, run_in_app):
    delegation_id = run_in_app(_thuringia_id)
    page.goto(f"/delegations/{delegation_id}/report")
    expect(page.get_by_role("button", name="Print")).to_be_visible()  # shown once scripts run
    page.emulate_media(media="print")
    expect(page.locator("nav.navbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_contain_text(THURINGIA_TITLE)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert re.findall(rb"/Type\s*/Page\b", pdf)  # at least one printed page
    screenshot(page, "delegation-report-print")
