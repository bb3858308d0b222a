"""Search-as-you-type pickers in a real browser: typing asks the server, the choice is saved."""

import pytest

from tests.e2e.conftest import expect, pick, screenshot, unique
from tracker.extensions import db
from tracker.lookup import FALLBACK
from tracker.models import Organisation, Person

pytestmark = pytest.mark.e2e


def _organisation_behind_the_latest(name: str) -> int:
    """An organisation with more recorded after it than a picker lists without a search."""
    organisation = Organisation(name=name, city="Görlitz", country="DE")
    db.session.add(organisation)
    db.session.add_all(Organisation(name=unique("Filler"), country="DE") for _ in range(FALLBACK))
    db.session.flush()
    return organisation.id


def _person(full_name: str) -> int:
    person = Person(full_name=full_name)
    db.session.add(person)
    db.session.flush()
    return person.id


def test_pick_an_organisation_by_typing_and_save(page, run_in_app):
    marker = unique("Müller")  # e.g. "Müller 1a2b3c": found by "mueller 1a2b3c"
    organisation_id = run_in_app(_organisation_behind_the_latest, f"{marker} Feinmechanik GmbH")
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto("/people/new")
    assert f"{marker} Feinmechanik" not in page.locator("select#organisation_id").inner_text()

    page.get_by_label("Full name").fill("Zhang Wei")
    typed = marker.replace("ü", "ue").lower()
    pick(page, "Organisation", typed, f"{marker} Feinmechanik GmbH (Görlitz)")
    expect(page.locator("select#organisation_id")).to_have_value(str(organisation_id))
    screenshot(page, "picker-organisation")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Zhang Wei")
    expect(page.get_by_role("link", name=f"{marker} Feinmechanik GmbH")).to_be_visible()
    assert not errors, errors  # no script error, no Content-Security-Policy refusal


def test_pick_a_member_by_pinyin(page, run_in_app):
    name = "张" + unique("伟").replace(" ", "")
    run_in_app(_person, name)
    page.goto("/delegations/")
    page.get_by_role("link", name="Thuringia business delegation to Baoshan").first.click()
    page.get_by_role("link", name="Add member").first.click()
    pick(page, "Existing person", "zhang wei", name)
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_text(f"{name} added.")).to_be_visible()
