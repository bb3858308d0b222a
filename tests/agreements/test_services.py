"""Agreements and obligations without HTTP: the dates' and kinds' rules, the signed milestone,
the owner default, soft delete with the obligations."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.agreements import builders as build
from tracker.deleted.services import restore
from tracker.extensions import db
from tracker.models import (
    Agreement,
    AgreementKind,
    Currency,
    FollowUp,
    Milestone,
    Obligation,
    ObligationKind,
    ObligationStatus,
    Party,
    ProjectMilestone,
)
from tracker.projects.agreements import (
    AgreementData,
    AgreementError,
    agreements_of,
    delete_agreement,
    save_agreement,
)
from tracker.projects.obligations import (
    ObligationData,
    ObligationError,
    obligation_problems,
    save_obligation,
)
from tracker.softdelete import with_deleted

TODAY = date(2026, 6, 1)


def _save(project, **fields):
    data = AgreementData(**{"kind": AgreementKind.INVESTMENT, "title": "Investment", **fields})
    return save_agreement(None, project, data, None, today=TODAY, document_limit=1024)


def _signed(project):
    return db.session.scalar(
        select(ProjectMilestone).where(
            ProjectMilestone.project_id == project.id,
            ProjectMilestone.milestone == Milestone.SIGNED,
        )
    )


def test_an_agreement_keeps_its_fields_and_one_party_per_line(make):
    project = build.project()
    agreement = _save(project, parties=" Saale Robotik GmbH \n\n  District government ",
                      reference=" ", signed_on=date(2026, 5, 2))  # fmt: skip
    assert agreement.parties == "Saale Robotik GmbH\nDistrict government"
    assert agreement.reference is None
    assert agreements_of(project.id) == [agreement]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"signed_on": TODAY + timedelta(days=1)}, "signed_on"),
        ({"starts_on": date(2026, 5, 2), "ends_on": date(2026, 5, 1)}, "ends_on"),
    ],
)
def test_impossible_dates_are_refused_at_their_field(make, fields, field):
    with pytest.raises(AgreementError) as error:
        _save(build.project(), **fields)
    assert error.value.field == field


def test_an_investment_agreements_signature_is_the_projects_signed_milestone(make):
    project = build.project()
    _save(project, signed_on=date(2026, 5, 2))
    assert _signed(project).actual_on == date(2026, 5, 2)


def test_a_recorded_signature_is_not_overwritten(make):
    project = build.project()
    db.session.add(ProjectMilestone(project_id=project.id, milestone=Milestone.SIGNED,
                                    planned_on=date(2026, 4, 1)))  # fmt: skip
    _save(project, signed_on=date(2026, 5, 2))
    assert _signed(project).actual_on == date(2026, 5, 2)  # planned only: now it happened
    _save(project, signed_on=date(2026, 5, 20))
    assert _signed(project).actual_on == date(2026, 5, 2)


def test_other_kinds_leave_the_milestone_alone(make):
    project = build.project()
    _save(project, kind=AgreementKind.LEASE, signed_on=date(2026, 5, 2))
    _save(project, signed_on=None)
    assert _signed(project) is None


def _obligation(**fields) -> ObligationData:
    values = {"party": Party.COMPANY, "kind": ObligationKind.OTHER, "description": "Report",
              "due_on": date(2027, 3, 1)}  # fmt: skip
    return ObligationData(**{**values, **fields})


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": ObligationKind.INVESTMENT}, "amount"),
        ({"kind": ObligationKind.TAX}, "amount"),
        ({"kind": ObligationKind.SUBSIDY, "amount": Decimal(5)}, "currency"),
        ({"kind": ObligationKind.JOBS}, "headcount"),
        ({"kind": ObligationKind.MILESTONE}, "milestone"),
        ({"status": ObligationStatus.MET}, "met_on"),
    ],
)
def test_what_each_kind_and_status_asks_for(fields, field):
    assert [name for name, _message in obligation_problems(_obligation(**fields))] == [field]


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": ObligationKind.INVESTMENT, "amount": Decimal(1), "currency": Currency.EUR},
        {"kind": ObligationKind.JOBS, "headcount": 120},
        {"kind": ObligationKind.MILESTONE, "milestone": Milestone.PRODUCTION},
        {"status": ObligationStatus.MET, "met_on": date(2026, 5, 1)},
        {"kind": ObligationKind.APPROVAL},
    ],
)
def test_complete_obligations_pass(fields):
    assert obligation_problems(_obligation(**fields)) == []


def test_an_obligation_takes_the_agreements_project_and_the_projects_owner(make):
    owner = make.user()
    agreement = build.agreement(build.project(owner))
    obligation = save_obligation(None, agreement, _obligation(), None, TODAY)
    assert obligation.project_id == agreement.project_id
    assert obligation.owner_id == owner.id
    assert obligation.remind_days == 14


def test_only_a_met_obligation_keeps_the_day_it_was_met(make):
    agreement = build.agreement(build.project())
    obligation = save_obligation(None, agreement, _obligation(met_on=date(2026, 5, 1)), None, TODAY)
    assert obligation.met_on is None


def test_the_service_refuses_what_the_form_would(make):
    agreement = build.agreement(build.project())
    with pytest.raises(ObligationError) as error:
        save_obligation(None, agreement, _obligation(kind=ObligationKind.JOBS), None, TODAY)
    assert error.value.field == "headcount"


def test_deleting_an_agreement_takes_its_obligations_and_restoring_brings_them_back(make):
    agreement = build.agreement(build.project())
    build.obligation(agreement)
    db.session.commit()
    delete_agreement(agreement, None)
    db.session.commit()
    assert db.session.scalars(select(Obligation)).all() == []
    gone = db.session.scalar(with_deleted(select(Agreement)))
    assert restore(gone) == 2
    db.session.commit()
    assert len(db.session.scalars(select(Obligation)).all()) == 1


def test_an_open_reminder_follows_a_moved_due_date_and_a_new_description(make):
    agreement = build.agreement(build.project(make.user()))
    soon = TODAY + timedelta(days=5)
    obligation = save_obligation(None, agreement, _obligation(due_on=soon), None, TODAY)
    db.session.commit()
    reminder = db.session.get(FollowUp, obligation.reminder_id)
    assert reminder.due_date == soon
    later = TODAY + timedelta(days=9)
    save_obligation(obligation, agreement, _obligation(due_on=later, description="Report 2"),
                    None, TODAY)  # fmt: skip
    db.session.commit()
    db.session.expire_all()
    moved = db.session.get(FollowUp, obligation.reminder_id)
    assert moved.id == reminder.id and moved.due_date == later
    assert moved.title.startswith(f"Obligation due {later.isoformat()}: Report 2")
    assert db.session.scalar(select(func.count(FollowUp.id))) == 1
