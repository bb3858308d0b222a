"""Journeys through the records: logging in and out, a delegation, needs and follow-ups."""

import re
from datetime import timedelta

import pytest

from tests.e2e.conftest import PASSWORD, expect, pick, screenshot, unique
from tracker.admin.services import create_user
from tracker.i18n import local_today
from tracker.models import Role

pytestmark = pytest.mark.e2e


def test_log_in_and_out(new_context, run_in_app):
    email = f"{unique('login').replace(' ', '.')}@example.org"
    run_in_app(
        create_user, email=email, display_name="Ada Login", role=Role.STAFF, password=PASSWORD
    )
    page = new_context(None).new_page()

    page.goto("/needs/")
    expect(page).to_have_url(re.compile(r"/login"))
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("wrong password")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/needs/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cooperation needs")
    page.get_by_role("button", name="Ada Login").click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_label("E-mail")).to_be_visible()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login"))


def test_create_a_delegation_with_members_topics_and_a_meeting(page):
    title = unique("Bavarian robotics visit")
    page.goto("/delegations/")
    page.get_by_role("link", name="New delegation").first.click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Origin country").select_option(label="Germany")
    page.get_by_label("Origin region").select_option(label="Bavaria")
    page.get_by_label("Start date").fill("2027-05-10")
    page.get_by_label("End date").fill("2027-05-12")
    page.get_by_label("Topics").select_option(index=[0, 1])
    topics = page.get_by_label("Topics").locator("option:checked").all_inner_texts()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    for topic in topics:
        expect(page.get_by_text(topic, exact=True).first).to_be_visible()

    for name, organisation in [("Franz Huber", "Huber Robotik GmbH"), ("Eva Maier", "")]:
        page.get_by_role("link", name="Add member").first.click()
        page.get_by_label("Full name").fill(name)
        page.get_by_label("Position").fill("Managing director")
        if organisation:
            page.get_by_label("New organisation").fill(organisation)
        page.get_by_role("button", name="Add member").click()
        expect(page.get_by_role("link", name=name)).to_be_visible()
    expect(page.get_by_text("Huber Robotik GmbH").first).to_be_visible()

    page.get_by_role("link", name="New meeting").first.click()
    page.get_by_label("Title").fill("Round table on automation")
    page.get_by_label("Starts at").fill("2027-05-11T10:00")
    page.get_by_label("Place").fill("Baoshan Science Park")
    participants = page.get_by_label("Visiting side")
    franz = participants.locator("option", has_text="Franz Huber")
    participants.select_option(franz.get_attribute("value"))
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Round table on automation", exact=True)).to_be_visible()
    expect(page.get_by_text("Baoshan Science Park")).to_be_visible()
    screenshot(page, "journey-delegation")


def _new_need(page, title: str, organisation: str = "Institute for Applied Photonics Jena") -> None:
    """Record a need through the form."""
    page.goto("/needs/new")
    pick(page, "Organisation", organisation.split()[-2], organisation)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Description").fill("Looking for a pilot line partner in Baoshan.")
    page.get_by_label("Estimated investment").fill("2500000")
    page.get_by_label("Currency").select_option("EUR")
    page.get_by_label("Next step", exact=True).fill("Send the park brochure")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def test_record_needs(page):
    first, second = unique("Pilot line for lenses"), unique("Cleanroom space")
    _new_need(page, first)
    expect(page.get_by_text("Send the park brochure")).to_be_visible()
    _new_need(page, second)

    page.goto("/needs/?q=" + first.split()[-1])
    expect(page.get_by_role("link", name=first)).to_be_visible()
    expect(page.get_by_role("link", name=second)).to_have_count(0)


def test_assign_followups_and_complete_one_from_my_followups(page, run_in_app):
    need = unique("Supplier audit")
    _new_need(page, need)
    due = run_in_app(local_today) + timedelta(days=3)
    for title in ("Call the plant manager", "Send the land price list"):
        page.get_by_role("link", name="Assign follow-up").first.click()
        page.get_by_label("Title").fill(title)
        page.get_by_label("Assigned to").select_option(label="E2E Staff")
        page.get_by_label("Due date").fill(due.isoformat())
        page.get_by_role("button", name="Assign").click()
        expect(page.get_by_role("alert")).to_contain_text(f"Follow-up “{title}” assigned")

    page.goto("/followups/mine")
    item = page.get_by_role("listitem").filter(has_text="Send the land price list")
    expect(item).to_contain_text(need)
    item.get_by_label(re.compile("Outcome of")).fill("Price list sent, reply expected Monday")
    item.get_by_role("button", name="Done").click()

    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.get_by_role("link", name="Send the land price list")).to_have_count(0)
    expect(page.get_by_role("link", name="Call the plant manager").first).to_be_visible()
    screenshot(page, "journey-my-followups")
