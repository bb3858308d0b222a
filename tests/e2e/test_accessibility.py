"""axe-core on every main page: no serious or critical violation; screenshots of each page."""

import pytest
from sqlalchemy import select

from tests.e2e.conftest import TABLET, blocking_violations, expect, screenshot
from tracker.demo import THURINGIA_TITLE
from tracker.extensions import db
from tracker.models import Agreement, Delegation, FollowUp, Need, Organisation, Person, Project

pytestmark = pytest.mark.e2e


def _demo_ids() -> dict[str, int]:
    """Ids of demo records whose pages are checked: the Thuringia delegation and its records,
    a demo project and its agreement."""
    project = db.session.scalar(
        select(Project).where(Project.name == "Ennstal moulding plant, Baoshan")
    )
    delegation = db.session.scalar(select(Delegation).where(Delegation.title == THURINGIA_TITLE))
    need = db.session.scalar(
        select(Need)
        .where(Need.delegation_id == delegation.id)
        .order_by(Need.updated_at.desc(), Need.id)
    )
    return {
        "delegation": delegation.id,
        "need": need.id,
        "organisation": need.organisation_id,
        "person": db.session.scalar(select(Person.id).order_by(Person.id)),
        "local_organisation": db.session.scalar(
            select(Organisation.id).where(Organisation.is_local.is_(True)).order_by(Organisation.id)
        ),
        "followup": db.session.scalar(select(FollowUp.id).order_by(FollowUp.id)),
        "project": project.id,
        "agreement": db.session.scalar(
            select(Agreement.id).where(Agreement.project_id == project.id).order_by(Agreement.id)
        ),
        "won_need": db.session.scalar(
            select(Need.id).where(Need.title == "Set up a robot arm assembly company in Baoshan")
        ),
    }


README_PAGES = {"dashboard", "delegation-detail", "need-detail", "board", "pipeline-report"}
PAGES = [
    ("dashboard", "/"),
    ("delegations", "/delegations/"),
    ("delegation-detail", "/delegations/{delegation}"),
    ("delegation-form", "/delegations/new"),
    ("organisations", "/organisations/"),
    ("organisation-detail", "/organisations/{organisation}"),
    ("organisation-form", "/organisations/new"),
    ("people", "/people/"),
    ("person-detail", "/people/{person}"),
    ("person-form", "/people/new"),
    ("needs", "/needs/"),
    ("need-detail", "/needs/{need}"),
    ("need-form", "/needs/new"),
    ("need-stage", "/needs/{need}/stage"),
    ("board", "/needs/board"),
    ("followups-mine", "/followups/mine"),
    ("followups-team", "/followups/team"),
    ("followups", "/followups/"),
    ("followup-detail", "/followups/{followup}"),
    ("followup-form", "/followups/new?need_id={need}"),
    ("matchmaking-board", "/matchmaking/delegations/{delegation}/board"),
    ("synonyms", "/matchmaking/synonyms"),
    ("matchmaking-pick", "/matchmaking/needs/{need}/pick"),
    ("pipeline-report", "/reports/pipeline"),
    ("rates", "/reports/rates"),
    ("projects", "/projects/"),
    ("project-detail", "/projects/{project}"),
    ("project-form", "/projects/new?need_id={won_need}"),
    ("project-edit", "/projects/{project}/edit"),
    ("agreement-detail", "/agreements/{agreement}"),
    ("agreement-form", "/agreements/projects/{project}/new"),
    ("obligation-form", "/agreements/{agreement}/obligations/new"),
    ("obligations", "/agreements/obligations"),
    ("leadership-report", "/leadership"),
    ("leadership-records", "/leadership/records?figure=signed"),
    ("leadership-targets", "/leadership/targets"),
    ("import-upload", "/imports/delegation/{delegation}"),
    ("search", "/search?q=Jena"),
    ("profile", "/profile"),
    ("change-password", "/profile/password"),
    ("vocabularies", "/vocabularies/"),
    ("users", "/admin/users"),
    ("audit-log", "/admin/audit"),
]


@pytest.fixture(scope="module")
def ids(e2e_app):
    with e2e_app.app_context():
        found = _demo_ids()
        db.session.remove()
    return found


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_serious_violations(new_context, ids, name, path):
    page = new_context("admin").new_page()
    response = page.goto(path.format(**ids))
    assert response.status == 200
    screenshot(page, name)
    if name in README_PAGES:  # what a reader sees first; docs/screenshots holds copies
        screenshot(page, f"{name}-top", full_page=False)
    problems = blocking_violations(page)
    assert not problems, "\n".join(problems)


def test_login_page_has_no_serious_violations(new_context):
    page = new_context(None).new_page()
    page.goto("/login")
    screenshot(page, "login")
    problems = blocking_violations(page)
    assert not problems, "\n".join(problems)


def test_dashboard_on_a_tablet(new_context):
    page = new_context("manager", viewport=TABLET).new_page()
    page.goto("/")
    screenshot(page, "dashboard-tablet")
    problems = blocking_violations(page)
    assert not problems, "\n".join(problems)


def test_keyboard_reaches_every_field_of_the_delegation_form(page):
    page.goto("/delegations/new")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()

    form = page.locator("main form[method=post]")
    fields = form.locator("input:not([type=hidden]), select, textarea, button, a.btn")
    ids = [f.get_attribute("id") or f.inner_text().strip() for f in fields.all()]
    fields.first.focus()
    reached = [_focused(page)]
    for _ in range(len(ids) * 4):  # a date input takes a Tab per part (day, month, year)
        if len(reached) == len(ids):
            break
        page.keyboard.press("Tab")
        if _focused(page) != reached[-1]:
            reached.append(_focused(page))
            assert _has_focus_style(page), reached[-1]
    assert reached == ids
    assert "title" in ids and "topic_ids" in ids


def _focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.innerText.trim()")


def _has_focus_style(page) -> bool:
    """An outline (tracker.css :focus-visible) or Bootstrap's focus ring (a box shadow)."""
    outline, width, shadow = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    return (outline != "none" and width != "0px") or shadow != "none"
