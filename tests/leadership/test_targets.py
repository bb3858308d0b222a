"""The annual targets grid: saved whole in one transaction, blanks for no target, bad numbers
kept with their errors, a save over changed targets refused, last year's copied for saving."""

import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.conftest import log_in_as
from tracker.extensions import db
from tracker.leadership import targets
from tracker.models import AnnualTarget, AuditEntry, TargetMetric
from tracker.versioning import StaleEdit


def _saved(year=2026) -> dict:
    return {(k, i, m.value): v for (k, i, m), v in targets.targets_of(year).items()}


def _token(page: str) -> str:
    return re.search(r'name="version" type="hidden" value="([^"]*)"', page).group(1)


def _form(page: str) -> dict:
    """Every input of the grid as the browser would send it."""
    fields = re.findall(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', page)
    named = {name: value for name, value in fields if "__" in name or name == "version"}
    for name in re.findall(r'<input[^>]*?name="(\w+__\w+__\d+)"', page):
        named.setdefault(name, "")
    return named


def test_save_creates_changes_and_removes_targets(world):
    token = targets.version_of(2026)
    values = {
        ("district", 0, TargetMetric.SIGNED): Decimal(12),  # changed from 10
        ("district", 0, TargetMetric.CONTRACTED): None,  # removed
        ("district", 0, TargetMetric.JOBS): Decimal(800),  # new
    }
    assert targets.save_targets(2026, values, token, world["manager"]) == 3
    db.session.commit()
    saved = _saved()
    assert saved[("district", 0, "signed")] == Decimal(12)
    assert ("district", 0, "contracted") not in saved
    assert saved[("district", 0, "jobs")] == Decimal(800)
    assert saved[("industry", world["robotics"].id, "signed")] == Decimal(4)  # not in values


def test_save_over_changed_targets_is_refused(world):
    token = targets.version_of(2026)
    target = db.session.scalar(select(AnnualTarget).where(AnnualTarget.value == 10))
    target.value = Decimal(11)
    db.session.commit()
    with pytest.raises(StaleEdit):
        targets.save_targets(2026, {}, token, world["manager"])


def test_grid_shows_the_years_targets_for_district_industries_and_officers(client, world):
    log_in_as(client, world["manager"])
    page = client.get("/leadership/targets?year=2026").text
    form = _form(page)
    assert form["signed__district__0"] == "10"
    assert form["contracted__district__0"] == "500000000"
    assert form[f"signed__industry__{world['robotics'].id}"] == "4"
    assert form[f"signed__officer__{world['a'].id}"] == "3"
    assert form[f"jobs__officer__{world['b'].id}"] == ""
    grid = page.split('id="targets"')[1]
    assert "Officer A" in grid and "Robotics" in grid and "Manager M" not in grid


def test_saving_the_grid_writes_and_audits(client, world):
    log_in_as(client, world["manager"])
    form = _form(client.get("/leadership/targets?year=2026").text)
    form["major__district__0"] = "2"
    form["signed__district__0"] = ""
    response = client.post("/leadership/targets?year=2026", data=form)
    assert response.status_code == 302
    saved = _saved()
    assert saved[("district", 0, "major")] == Decimal(2)
    assert ("district", 0, "signed") not in saved
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.entity == "annual_target"))
    assert {e.action for e in entries} == {"create", "delete"}


@pytest.mark.parametrize(
    ("value", "error"),
    [("abc", "Not a valid decimal value"), ("-5", "Enter a number from 0 to 10"),
     ("1.5", "Enter a whole number"), ("NaN", "Not a valid decimal value"),
     ("1e40", "Enter a number from 0 to 10")],
)  # fmt: skip
def test_bad_numbers_keep_the_input_and_save_nothing(client, world, value, error):
    log_in_as(client, world["manager"])
    form = _form(client.get("/leadership/targets?year=2026").text)
    form["signed__district__0"] = value
    form["jobs__district__0"] = "77"
    response = client.post("/leadership/targets?year=2026", data=form)
    assert response.status_code == 200
    assert error in response.text
    assert f'value="{value}"' in response.text and 'value="77"' in response.text
    assert "is-invalid" in response.text
    assert _saved()[("district", 0, "signed")] == Decimal(10)
    assert ("district", 0, "jobs") not in _saved()


def test_a_save_over_someone_elses_is_a_conflict_keeping_the_input(client, world):
    log_in_as(client, world["manager"])
    form = _form(client.get("/leadership/targets?year=2026").text)
    target = db.session.scalar(select(AnnualTarget).where(AnnualTarget.value == 10))
    target.value = Decimal(11)
    db.session.commit()
    form["signed__district__0"] = "15"
    response = client.post("/leadership/targets?year=2026", data=form)
    assert response.status_code == 409
    assert 'value="15"' in response.text and "edit-conflict" in response.text
    assert _saved()[("district", 0, "signed")] == Decimal(11)
    # The page now carries the current version: saving again overwrites knowingly.
    form["version"] = _token(response.text)
    assert client.post("/leadership/targets?year=2026", data=form).status_code == 302
    assert _saved()[("district", 0, "signed")] == Decimal(15)


def test_a_save_without_a_version_is_refused(client, world):
    log_in_as(client, world["manager"])
    response = client.post("/leadership/targets?year=2026", data={"signed__district__0": "1"})
    assert response.status_code == 409
    assert _saved()[("district", 0, "signed")] == Decimal(10)


def test_copy_from_last_year_fills_the_grid_for_saving(client, world):
    log_in_as(client, world["manager"])
    page = client.get("/leadership/targets?year=2027&copy=1").text
    form = _form(page)
    assert form["signed__district__0"] == "10"
    assert _saved(2027) == {}
    assert client.post("/leadership/targets?year=2027", data=form).status_code == 302
    assert _saved(2027)[("district", 0, "signed")] == Decimal(10)
