"""The rule itself: every shape of query honours it, report figures included; who is exempt;
the opt-out; and the need form's checkbox and lock badge."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import exists, func, select
from sqlalchemy.orm import aliased

from tests.security.confidential_world import MARK, OUTSIDER, build_world, signed_in
from tracker.extensions import db
from tracker.models import FollowUp, Match, Need, NeedNote, Organisation, StageChange, Talk
from tracker.reports.services import ReportFilters, pipeline_report
from tracker.security import SEE_ALL_NEEDS, view_as


@pytest.fixture
def world(app):
    return build_world()


AliasedNeed = aliased(Need)
AliasedFollowUp = aliased(FollowUp)
# Statements of every shape the app uses; each counts rows of the confidential need's family.
SHAPES = {
    "entities": select(Need),
    "column count": select(func.count(Need.id)),
    "count from": select(func.count()).select_from(Need),
    "group by": select(Need.stage, func.count(Need.id)).group_by(Need.stage),
    "scalar subquery": select(select(func.count(Need.id)).scalar_subquery()),
    "correlated subquery": select(
        Organisation.id,
        select(func.count(Need.id))
        .where(Need.organisation_id == Organisation.id)
        .scalar_subquery(),
    ),
    "join": select(Organisation.id, Need.id).join(Need, Need.organisation_id == Organisation.id),
    "outer join count": select(Organisation.id, func.count(Need.id))
    .outerjoin(Need, Need.organisation_id == Organisation.id)
    .group_by(Organisation.id),
    "aliased": select(AliasedNeed.id),
    "subquery": select(select(Need.id).subquery()),
    "cte": select(func.count()).select_from(select(Need.id).cte()),
    "in subquery": select(Organisation.id).where(
        Organisation.id.in_(select(Need.organisation_id).where(Need.confidential))
    ),
    "exists": select(Organisation.id).where(
        exists().where(Need.organisation_id == Organisation.id, Need.confidential)
    ),
    "follow-ups": select(FollowUp.id),
    "aliased follow-ups": select(AliasedFollowUp.id),
    "follow-ups joined to needs": select(FollowUp.id).join(FollowUp.need),
    "matches": select(func.count(Match.id)),
    "talks": select(Talk.id),
    "stage history": select(func.count(StageChange.id)),
    "notes": select(NeedNote.id),
}


def _rows(stmt, **options) -> list:
    return db.session.execute(stmt.execution_options(**options)).all()


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_of_query_hides_it_from_the_outsider_only(world, shape):
    stmt = SHAPES[shape]
    everything = _rows(stmt)
    with view_as(world.users[OUTSIDER]):
        outsider = _rows(stmt)
        opted_out = _rows(stmt, **{SEE_ALL_NEEDS: True})
    assert outsider != everything
    assert opted_out == everything
    for who in ("owner", "assignee", "manager", "admin"):
        with view_as(world.users[who]):
            assert _rows(stmt) == everything, who


def test_without_a_request_everything_is_seen(world):
    """CLI commands, reminders and jobs: nobody is logged in, no rule."""
    assert db.session.scalar(select(func.count(Need.id))) == 2


def test_report_figures_for_the_outsider_are_as_if_it_never_existed(world):
    """Every figure of the manager's (unscoped) report, computed for the outsider: column
    selects, subqueries and window functions all honour the rule."""
    today, manager = date(2026, 5, 14), world.users["manager"]
    with view_as(world.users[OUTSIDER]):
        hidden = _figures(manager, today)
    with view_as(manager):
        seen = _figures(manager, today)
    assert seen.total == hidden.total + 1
    assert seen.followups_by_staff != hidden.followups_by_staff
    table = Need.__table__
    db.session.execute(table.delete().where(table.c.id == world.need.id))
    db.session.commit()
    assert _figures(manager, today) == hidden


def _figures(manager, today):
    """The report, its times in stage without the still-running (clock-dependent) days."""
    report = pipeline_report(ReportFilters(), manager, today)
    stages = [(t.stage, t.periods, t.needs) for t in report.time_in_stage]
    return replace(report, time_in_stage=stages)


def test_the_owner_records_a_confidential_need_and_it_wears_a_lock(app, world):
    client = signed_in(app, world.users["owner"])
    form = client.get("/needs/new").text
    assert 'name="confidential"' in form and "managers and admins will see" in form
    response = client.post(
        "/needs/new",
        data={"organisation_id": world.organisation_id, "title": f"{MARK} warehouse",
              "priority": "medium", "owner_id": world.users["owner"].id, "confidential": "y"},
    )  # fmt: skip
    assert response.status_code == 302
    need = db.session.scalar(select(Need).where(Need.title == f"{MARK} warehouse"))
    assert need.confidential is True
    for page in (response.location, "/needs/", "/needs/board"):
        assert "bi-lock-fill" in client.get(page).text
    assert signed_in(app, world.users[OUTSIDER]).get(response.location).status_code == 404


def test_unticking_the_box_opens_the_need_to_everyone(app, world):
    client = signed_in(app, world.users["owner"])
    data = {"organisation_id": world.organisation_id, "title": world.need.title,
            "priority": "medium", "owner_id": world.users["owner"].id,
            "version": world.need.version}  # fmt: skip
    assert client.post(f"/needs/{world.need.id}/edit", data=data).status_code == 302
    assert db.session.get(Need, world.need.id).confidential is False
    assert signed_in(app, world.users[OUTSIDER]).get(f"/needs/{world.need.id}").status_code == 200


def test_open_needs_wear_no_lock(app, world):
    page = signed_in(app, world.users[OUTSIDER]).get(f"/needs/{world.open_need.id}").text
    assert "bi-lock-fill" not in page


def test_handing_a_confidential_need_over_leads_back_to_the_list(app, world):
    """The former owner saved it out of their own sight: the list, not a 404, and a word why."""
    client = signed_in(app, world.users["owner"])
    data = {"organisation_id": world.organisation_id, "title": world.need.title,
            "priority": "medium", "owner_id": world.users["manager"].id, "confidential": "y",
            "version": world.need.version}  # fmt: skip
    response = client.post(f"/needs/{world.need.id}/edit", data=data, follow_redirects=True)
    assert response.request.path == "/needs/"
    assert "Saved as confidential" in response.text
