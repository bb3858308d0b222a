"""seed-demo's projects: a few won needs carried on to agreements and capital, done steps never
after today, a reminder for the obligation coming due; Saale Robotik's won need is left for a
new user to make into a project; nothing twice."""

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import (
    AnnualTarget,
    FollowUp,
    Instalment,
    Need,
    Obligation,
    Project,
    ProjectMilestone,
    Stage,
    project_need,
)
from tracker.projects.uscc import is_valid


def test_projects_carry_won_needs_on_with_capital_agreements_and_targets(demo):
    today = local_today()
    projects = db.session.scalars(select(Project)).all()
    assert len(projects) >= 3
    assert all(p.contracted_cny and p.contracted_cny > p.contracted_amount for p in projects)
    assert all(is_valid(p.credit_code) for p in projects if p.credit_code)
    linked = select(Need.stage).join(project_need, project_need.c.need_id == Need.id)
    assert set(db.session.scalars(linked)) == {Stage.WON}
    assert db.session.scalar(select(func.max(ProjectMilestone.actual_on))) <= today
    assert db.session.scalar(select(func.max(Instalment.received_on))) <= today
    assert db.session.scalar(select(func.count(Instalment.id))) >= 2
    assert db.session.scalar(select(func.count(AnnualTarget.id))) == 5
    reminded = select(func.count(FollowUp.id)).join(
        Obligation, Obligation.reminder_id == FollowUp.id
    )
    assert db.session.scalar(reminded) >= 1


def test_saale_robotiks_won_need_from_the_round_table_is_not_a_project_yet(demo):
    need = db.session.scalar(select(Need).where(Need.title.startswith("Set up a robot arm")))
    assert need.stage == Stage.WON and need.organisation.name == "Saale Robotik GmbH"
    assert need.meeting.title.startswith("Round table") and need.delegation.start_date.month == 11
    taken = select(project_need.c.project_id).where(project_need.c.need_id == need.id)
    assert db.session.scalar(taken) is None


def test_a_second_seed_adds_no_project(demo, runner):
    before = db.session.scalar(select(func.count(Project.id)))
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert db.session.scalar(select(func.count(Project.id))) == before
    assert db.session.scalar(select(func.count(AnnualTarget.id))) == 5
