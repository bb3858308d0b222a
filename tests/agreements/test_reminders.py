"""Reminders of obligations: a follow-up for the owner inside the window, once; late marking;
confidential projects' reminders seen by insiders only."""

from datetime import date, timedelta

from sqlalchemy import select

from tests.agreements import builders as build
from tests.conftest import log_in_as
from tracker.extensions import db
from tracker.models import FollowUp, FollowUpKind, ObligationStatus, Stage
from tracker.projects.reminders import remind_due_obligations
from tracker.softdelete import soft_delete

TODAY = date(2027, 2, 10)
DUE = date(2027, 3, 1)  # 19 days after TODAY: inside a 30-day window, outside the default 14


def _followups():
    return db.session.scalars(select(FollowUp).order_by(FollowUp.id)).all()


def _world(make, **obligation):
    owner = make.user(display_name="Wang Fang")
    need = make.need(title="Production space", stage=Stage.WON, owner=owner)
    project = build.project(owner, need=need, name="Jena robot plant")
    agreement = build.agreement(project)
    found = build.obligation(agreement, description="Invest EUR 5 million", due_on=DUE,
                             remind_days=30, **obligation)  # fmt: skip
    db.session.commit()
    return owner, need, project, found


def test_a_due_obligation_gets_one_follow_up_for_its_owner(make):
    owner, need, _project, obligation = _world(make)
    run = remind_due_obligations(TODAY)
    db.session.commit()
    assert (run.created, run.skipped) == (1, 0)
    [followup] = _followups()
    assert followup.title == "Obligation due 2027-03-01: Invest EUR 5 million (Jena robot plant)"
    assert followup.assignee_id == owner.id and followup.need_id == need.id
    assert followup.kind == FollowUpKind.DOCUMENT and followup.due_date == DUE
    assert obligation.reminder_id == followup.id


def test_a_second_run_creates_nothing(make):
    _world(make)
    remind_due_obligations(TODAY)
    db.session.commit()
    run = remind_due_obligations(TODAY + timedelta(days=1))
    assert run.created == 0
    assert len(_followups()) == 1


def test_a_deleted_reminder_is_made_again(make):
    _world(make)
    remind_due_obligations(TODAY)
    soft_delete(_followups()[0], None)
    db.session.commit()
    assert remind_due_obligations(TODAY).created == 1


def test_nothing_before_the_window_opens(make):
    _world(make)
    assert remind_due_obligations(DUE - timedelta(days=31)).created == 0
    assert _followups() == []


def test_met_and_waived_obligations_are_not_reminded(make):
    _world(make, status=ObligationStatus.WAIVED)
    assert remind_due_obligations(TODAY).created == 0


def test_without_a_need_the_reminder_is_on_the_company(make):
    owner = make.user()
    project = build.project(owner)
    build.obligation(build.agreement(project), due_on=DUE)
    remind_due_obligations(DUE)
    [followup] = _followups()
    assert followup.need_id is None and followup.organisation_id == project.organisation_id


def test_the_obligations_owner_comes_before_the_projects(make):
    watcher = make.user()
    _world(make, owner_id=watcher.id)
    remind_due_obligations(TODAY)
    assert _followups()[0].assignee_id == watcher.id


def test_without_anyone_to_remind_it_is_skipped_and_counted(make):
    project = build.project(None)
    build.obligation(build.agreement(project), due_on=DUE)
    run = remind_due_obligations(DUE)
    assert (run.created, run.skipped) == (0, 1)


def test_open_obligations_past_their_date_turn_late_and_are_due_today(make):
    _owner, _need, _project, obligation = _world(make)
    later = DUE + timedelta(days=3)
    run = remind_due_obligations(later)
    assert run.late == 1 and obligation.status == ObligationStatus.LATE
    assert _followups()[0].due_date == later
    assert remind_due_obligations(later).late == 0


def test_the_title_is_in_the_owners_language(make):
    owner, *_rest = _world(make)
    owner.language = "de"
    db.session.commit()
    remind_due_obligations(TODAY)
    assert _followups()[0].title.startswith("Verpflichtung fällig am 2027-03-01")


def test_a_confidential_projects_reminder_is_hidden_from_outsiders(app, make):
    owner = make.user(display_name="Wang Fang")
    need = make.need(title="Secret plant", stage=Stage.WON, owner=owner, confidential=True)
    project = build.project(owner, need=need, confidential=True, name="Secret plant project")
    build.obligation(build.agreement(project), description="Invest quietly", due_on=DUE)
    outsider = make.user(display_name="Outsider")
    db.session.commit()
    remind_due_obligations(DUE)
    db.session.commit()
    [followup] = _followups()
    assert "Invest quietly" in followup.title  # the need is confidential: only insiders see it
    client = app.test_client()
    log_in_as(client, outsider)
    assert client.get(f"/followups/{followup.id}").status_code == 404
    assert "Invest quietly" not in client.get("/followups/?scope=all").text
    assert "Invest quietly" not in client.get(f"/organisations/{need.organisation_id}").text
    log_in_as(client, owner)
    assert client.get(f"/followups/{followup.id}").status_code == 200


def test_a_confidential_project_on_an_open_need_names_nothing(make):
    owner = make.user()
    need = make.need(stage=Stage.WON, owner=owner)
    project = build.project(owner, need=need, confidential=True, name="Quiet project")
    build.obligation(build.agreement(project), description="Invest quietly", due_on=DUE)
    remind_due_obligations(DUE)
    title = _followups()[0].title
    assert "Quiet" not in title and "quietly" not in title and "2027-03-01" in title


def test_the_command_reminds_and_says_what_it_did(make, runner):
    _world(make)
    result = runner.invoke(args=["remind-obligations"])
    assert result.exit_code == 0, result.output
    assert "Created 1 reminder" in result.output or "Created 0 reminder" in result.output
