"""Issue 24's acceptance journey, as a new user does it on the demo: Saale Robotik's won need
from the Thuringia visit made into an investment project, its milestones, its investment
agreement with the signed PDF and what each side owes (the district's space coming due, so its
reminder lands in the officer's follow-ups), its capital in EUR shown in CNY, and where it came
from; then a manager sets the year's targets and finds the project counted in the leadership
report, its records and its workbook; the pages in Chinese at laptop and phone width."""

import re
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from babel.numbers import format_currency
from sqlalchemy import select

from tests.e2e.conftest import LAPTOP, PHONE, expect, screenshot
from tracker.demo import THURINGIA_TITLE
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Agreement, Currency, Project, rate_on
from tracker.projects.uscc import check_character

pytestmark = pytest.mark.e2e

NEED = "Set up a robot arm assembly company in Baoshan"
ROUND_TABLE = "Round table: AI, robotics and supply chains"
PROJECT = "Saale Robotik robot arm assembly, Baoshan"
CODE = "91310113MA1GX5R2K" + check_character("91310113MA1GX5R2K")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# The obligations' descriptions: the company's investment and the district's space.
INVEST = "Invest EUR 15 million in the assembly plant"
SPACE = "Hand over 3,000 m² in the Robot Industry Park"
INSTALMENTS = (Decimal("1200000"), Decimal("800000"))


def _facts() -> dict:
    """What the journey checks against: today and the demo's euro rate."""
    today = local_today()
    return {"today": today, "rate": rate_on(Currency.EUR, today)}


def _ids() -> dict[str, int]:
    project = db.session.scalar(select(Project).where(Project.name == PROJECT))
    agreement = db.session.scalar(select(Agreement.id).where(Agreement.project_id == project.id))
    return {"project": project.id, "agreement": agreement}


def _cny(amount: Decimal) -> str:
    """An amount in CNY as the English pages show it."""
    return format_currency(amount, "CNY", locale="en")


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow} px too wide"


def _make_the_project(page) -> None:
    """From the won need, through "Make it a project", to the new project's page."""
    page.goto("/needs/?q=robot+arm+assembly+company")
    page.get_by_role("link", name=NEED).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEED)
    page.get_by_role("link", name="Make it a project").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("New investment project")
    expect(page.get_by_label("Contracted investment", exact=True)).to_have_value("15000000.00")
    page.get_by_label("Project name").fill(PROJECT)
    page.get_by_label("Unified social credit code").fill(CODE)
    page.get_by_label("Officer").select_option(label="E2E Staff")
    page.get_by_label("Registered capital", exact=True).fill("5000000")
    page.get_by_label("Currency of the registered capital").select_option("EUR")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text(f"Project “{PROJECT}” saved.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(PROJECT)
    expect(page.locator("dd.font-monospace")).to_have_text(CODE)


def _record_milestones(page, today: date) -> None:
    milestones = page.locator("#milestones")
    milestones.get_by_text("Edit the milestones").click()
    milestones.locator("#actual_signed").fill(today.isoformat())
    milestones.locator("#actual_registered").fill(today.isoformat())
    milestones.get_by_role("button", name="Save milestones").click()
    expect(page.get_by_text("Milestones saved.")).to_be_visible()
    expect(milestones).to_contain_text("2 of 5 reached")
    expect(page.locator(".badge", has_text="Company registered")).to_be_visible()


def _record_the_agreement(page, today: date) -> None:
    """The investment agreement with its PDF, then what each side owes under it."""
    page.locator("#agreements").get_by_role("link", name="Add agreement").click()
    page.get_by_label("Kind").select_option("investment")
    page.get_by_label("Title").fill("Investment agreement: robot arm assembly")
    page.get_by_label("Parties").fill("Saale Robotik GmbH\nBaoshan District Commerce Commission")
    page.get_by_label("Signed on").fill(today.isoformat())
    page.get_by_label("Document", exact=True).set_input_files(
        files=[{"name": "Investment agreement.pdf", "mimeType": "application/pdf",
                "buffer": PDF}]
    )  # fmt: skip
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Agreement “Investment agreement: robot arm assembly” saved.")
           ).to_be_visible()  # fmt: skip
    document = page.get_by_role("link", name="Investment agreement.pdf")
    with page.expect_download() as download:
        document.click()
    assert download.value.path().read_bytes() == PDF

    _add_obligation(page, "company", "investment", INVEST, today + timedelta(days=730),
                    amount="15000000", currency="EUR")  # fmt: skip
    _add_obligation(page, "district", "space", SPACE, today + timedelta(days=7))
    obligations = page.locator("#obligations")
    expect(obligations.locator(".list-group-item")).to_have_count(2)
    expect(obligations).to_contain_text("€15,000,000.00")


def _add_obligation(page, party, kind, description, due_on, amount=None, currency=None):
    page.locator("#obligations").get_by_role("link", name="Add obligation").click()
    page.get_by_label("Owed by").select_option(party)
    page.get_by_label("Kind").select_option(kind)
    page.get_by_label("Description").fill(description)
    if amount:
        page.get_by_label("Amount").fill(amount)
        page.get_by_label("Currency").select_option(currency)
    page.get_by_label("Due on").fill(due_on.isoformat())
    # By default the project's officer watches it.
    expect(page.get_by_label("Owner").locator("option:checked")).to_have_text("E2E Staff")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"Obligation “{description}” saved.")).to_be_visible()


def _record_capital(page, today: date) -> None:
    capital = page.locator("#capital")
    for index, amount in enumerate(INSTALMENTS):
        capital.locator("#received_on").fill((today - timedelta(days=index)).isoformat())
        capital.locator("#amount").fill(str(amount))
        capital.locator("#currency").select_option("EUR")
        capital.locator("#note").fill(f"Instalment {index + 1}")
        capital.get_by_role("button", name="Record capital received").click()
        expect(page.get_by_text("Capital in place recorded.")).to_be_visible()
    expect(capital.locator("tbody tr")).to_have_count(2)


def test_a_won_need_becomes_a_project_counted_against_the_targets(new_context, run_in_app):
    facts = run_in_app(_facts)
    today, rate = facts["today"], facts["rate"]
    page = new_context("staff").new_page()

    _make_the_project(page)
    _record_milestones(page, today)
    project_url = page.url.split("#")[0]
    _record_the_agreement(page, today)
    page.get_by_role("link", name=PROJECT).click()
    _record_capital(page, today)

    # Committed and in place, in CNY at the demo's euro rate.
    capital = page.locator("#capital")
    committed, in_place = Decimal("15000000") * rate, sum(INSTALMENTS) * rate
    expect(capital).to_contain_text(_cny(committed))
    expect(capital).to_contain_text(_cny(in_place))
    expect(capital).to_contain_text(f"at {rate.normalize()}")
    expect(page.get_by_text("Over ¥100 million")).to_be_visible()
    # Where it came from: the Thuringia visit, its round table, the won need.
    origins = page.locator("#origins")
    expect(origins.get_by_role("link", name=THURINGIA_TITLE)).to_be_visible()
    expect(origins).to_contain_text(f"Meeting: {ROUND_TABLE}")
    expect(origins.get_by_role("link", name=NEED)).to_be_visible()
    # The agreement's panel: the document and both obligations, the space due in a week.
    agreements = page.locator("#agreements")
    expect(agreements.get_by_role("link", name="Document")).to_be_visible()
    expect(agreements).to_contain_text(INVEST)
    expect(agreements).to_contain_text(SPACE)

    # The district's space is due within its 14 days' notice: the officer has a reminder.
    page.goto("/followups/mine")
    reminder = page.get_by_role("link", name=f"Obligation due {(today + timedelta(days=7))}: "
                                             f"{SPACE} ({PROJECT})", exact=True)  # fmt: skip
    expect(reminder).to_be_visible()
    page.goto("/agreements/obligations?party=district")
    expect(page.locator("tbody tr", has_text=SPACE)).to_contain_text(PROJECT)

    _manager_sets_targets_and_reads_the_report(new_context("manager").new_page(), today, rate)
    _chinese_pages(new_context, project_url, run_in_app(_ids), today.year)


def _manager_sets_targets_and_reads_the_report(page, today: date, rate: Decimal) -> None:
    page.goto("/leadership/targets")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Annual targets {today.year}")
    page.get_by_label("District · Signed projects", exact=True).fill("8")
    page.get_by_label("District · Contracted investment (CNY)", exact=True).fill("500000000")
    page.get_by_role("button", name="Save targets").click()
    expect(page.get_by_text(f"Targets for {today.year} saved.")).to_be_visible()
    expect(page.get_by_label("District · Signed projects", exact=True)).to_have_value("8")

    page.get_by_role("link", name="Leadership report").click()
    signed = page.locator("#summary tr[data-figure=signed]")
    expect(signed.locator("td").first).to_have_text("8")
    contracted = page.locator("#summary tr[data-figure=contracted]")
    expect(contracted.locator("td").first).to_have_text(_cny(Decimal(500_000_000)))
    counted = int(signed.locator("td").nth(1).inner_text())
    assert counted >= 1
    expect(signed.locator("td").nth(2)).to_have_text(f"{round(counted / 8 * 100)}%")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the workbook").click()
    assert download.value.suggested_filename == f"leadership-{today.year}-{today.month:02d}.xlsx"
    book = openpyxl.load_workbook(BytesIO(download.value.path().read_bytes()))
    summary = {row[0]: row[1:] for row in book.worksheets[0].iter_rows(min_row=4, values_only=True)}
    assert summary["Signed projects"][:2] == (8, counted)
    assert summary["Contracted investment (CNY)"][0] == 500_000_000

    signed.locator("td").nth(1).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Records behind the leadership report"
    )
    expect(page.locator("#records-total")).to_contain_text(f"{counted} record")
    row = page.locator("#records tbody tr", has_text=PROJECT)
    expect(row).to_contain_text("Saale Robotik GmbH")
    expect(row).to_contain_text(_cny(Decimal("15000000") * rate))


def _chinese_pages(new_context, project_url: str, ids: dict[str, int], year: int) -> None:
    """The journey's pages in Chinese, at laptop and phone width, none wider than the window."""
    pages = [
        ("staff", "project", project_url, "#capital", "到位资金"),
        ("staff", "agreement", f"/agreements/{ids['agreement']}", "#obligations", "义务"),
        ("staff", "obligations", "/agreements/obligations", "main", "义务"),
        ("manager", "targets", f"/leadership/targets?year={year}", "#targets", "签约项目"),
        ("manager", "leadership", "/leadership", "#summary", "签约项目"),
    ]
    for width, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        contexts = {role: new_context(role, locale="zh-CN", viewport=viewport)
                    for role in ("staff", "manager")}  # fmt: skip
        for role, name, url, part, text in pages:
            page = contexts[role].new_page()
            assert page.goto(url).status == 200
            expect(page.locator("html")).to_have_attribute("lang", re.compile("^zh"))
            expect(page.locator(part).first).to_contain_text(text)
            screenshot(page, f"journey-projects-{name}-zh-{width}")
            _no_sideways_scroll(page)
            page.close()
