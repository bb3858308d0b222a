"""The matchmaking day, as a new user would try it on the demo: a session for the Thuringia
delegation with tables and interpreters, the requests from the accepted matches, two of them
"must", a partner blocked for the morning, solve, move one talk by hand and lock it, solve
again; the pages in Chinese at laptop and phone width."""

import re
from contextlib import suppress

import pytest
from sqlalchemy import select

from tests.e2e.conftest import PHONE, expect, screenshot, unique
from tracker.demo import THURINGIA_TITLE
from tracker.extensions import db
from tracker.matchmaking.services import MatchError, accept_suggestion
from tracker.models import Delegation, LocalOffer, Need, User
from tracker.models.scheduling import MatchmakingSession
from tracker.scheduling.layout import load_session

pytestmark = pytest.mark.e2e


def _thuringia_id() -> int:
    return db.session.scalar(select(Delegation.id).where(Delegation.title == THURINGIA_TITLE))


def _accept_matches(delegation_id: int, count: int = 6) -> None:
    """Accept partners for the delegation's needs, as staff do on the matchmaking board (the
    journeys in test_journeys_pipeline.py go through that page)."""
    staff = db.session.scalar(select(User).where(User.email == "e2e.staff@example.org"))
    needs = db.session.scalars(
        select(Need).where(Need.delegation_id == delegation_id).order_by(Need.id).limit(count)
    ).all()
    partners = db.session.scalars(select(LocalOffer.organisation_id).distinct()).all()
    for index, need in enumerate(needs):
        with suppress(MatchError):  # matched by an earlier run already
            accept_suggestion(need, partners[index % len(partners)], staff)


def _session_id(title: str) -> int:
    return db.session.scalar(select(MatchmakingSession.id).where(MatchmakingSession.title == title))


def _a_partner_of_a_must(session_id: int) -> int:
    session = load_session(session_id)
    must = [r for r in session.requests if r.priority.value == "must" and r.partners]
    return must[0].partners[0].id


def _add(page, kind: str, fields: dict[str, str], button: str) -> None:
    for name, value in fields.items():
        field = page.locator(f"#{kind}-{name}")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.locator(f"#{kind}").get_by_role("button", name=button).click()


def test_a_matchmaking_day_from_set_up_to_a_re_solve(page, new_context, run_in_app, e2e_app):
    e2e_app.config["SCHEDULE_TIME_LIMIT"] = 3.0
    delegation_id = run_in_app(_thuringia_id)
    run_in_app(_accept_matches, delegation_id)
    title = unique("Thuringia matchmaking day")

    page.goto(f"/delegations/{delegation_id}")
    page.locator("#sessions").get_by_role("link", name="New session").click()
    page.get_by_label("Title").fill(title)
    page.locator("#days-0-day").fill("2027-03-10")
    page.locator("#days-0-starts").fill("09:00")
    page.locator("#days-0-ends").fill("13:00")
    page.locator("#breaks-0-starts").fill("10:40")
    page.locator("#breaks-0-ends").fill("11:00")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Session created.")).to_be_visible()

    for number in range(1, 5):
        _add(page, "tables", {"name": f"Table {number}", "capacity": "6"}, "Add table")
    _add(page, "interpreters", {"name": "Li Na", "pairs": "de-zh en-zh"}, "Add interpreter")
    _add(page, "interpreters", {"name": "Jonas Weber", "pairs": "de-zh"}, "Add interpreter")
    page.get_by_role("button", name="Requests from accepted matches").click()
    expect(
        page.get_by_text(re.compile(r"requests? added from the accepted matches"))
    ).to_be_visible()
    rows = page.locator("#requests tbody tr")
    assert rows.count() >= 2
    for index in range(2):
        rows.nth(index).locator("select[name=priority]").select_option("must")
        rows.nth(index).get_by_role("button", name="Change").click()
    expect(
        page.locator("#requests tbody tr").nth(1).locator("select[name=priority]")
    ).to_have_value("must")

    session_id = run_in_app(_session_id, title)
    partner_id = run_in_app(_a_partner_of_a_must, session_id)
    _add(page, "blocks", {"who": f"person:{partner_id}", "starts": "09:00", "ends": "11:00",
                          "reason": "Factory visit"}, "Block")  # fmt: skip
    expect(page.locator("#blocks")).to_contain_text("Factory visit")

    page.get_by_role("button", name="Solve").first.click()
    expect(page.get_by_text(re.compile(r"Solved: \d+ talks? placed"))).to_be_visible()
    expect(page.locator("#solve")).to_contain_text("Objective")
    must = page.locator(".grid-cell .grid-talk.priority-must")
    expect(must).to_have_count(2)  # both "must" talks placed, the blocked partner after 11:00
    talks = page.locator(".grid-cell .grid-talk")
    assert talks.count() >= 2

    # Move the first placed talk by its form to an empty cell, then lock it there.
    talk = talks.first
    talk_id = talk.get_attribute("id")
    empty = page.locator(".grid-cell:not(:has(.grid-talk))").last
    slot, table = empty.get_attribute("data-slot"), empty.get_attribute("data-table")
    talk.locator("summary").click()
    talk.locator("select[name=slot]").select_option(slot)
    talk.locator("select[name=table]").select_option(table)
    talk.get_by_role("button", name="Move here").click()
    cell = page.locator(f'.grid-cell[data-slot="{slot}"][data-table="{table}"]')
    expect(cell.locator(f"#{talk_id}")).to_be_visible()
    cell.locator(f"#{talk_id}").get_by_role("button", name="Lock").click()
    expect(cell.locator(f"#{talk_id} .bi-lock-fill")).to_be_visible()

    page.get_by_role("button", name="Solve again").click()
    expect(page.get_by_text(re.compile(r"Solved: \d+ talks? placed"))).to_be_visible()
    expect(cell.locator(f"#{talk_id}")).to_be_visible()  # the locked talk stayed

    for width, viewport in (("laptop", None), ("phone", PHONE)):
        options = {"viewport": viewport} if viewport else {}
        zh = new_context("staff", locale="zh-CN", **options).new_page()
        zh.goto(f"/matchmaking-days/{session_id}/grid")
        expect(zh.locator("#solve")).to_contain_text("目标值")
        screenshot(zh, f"journey-scheduling-grid-zh-{width}")
        zh.goto(f"/matchmaking-days/{session_id}")
        expect(zh.locator("#requests")).to_contain_text("洽谈申请")
        screenshot(zh, f"journey-scheduling-setup-zh-{width}")
