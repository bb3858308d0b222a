"""A small commission for the leadership report: projects signed this year (2026, to June) and
last year, capital in place, a confidential project, targets, a visit's funnel and overdue
obligations. Every expected figure in the tests is worked out from this by hand."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import pytest

from tracker.extensions import db
from tracker.leadership.periods import Period
from tracker.models import (
    Agreement,
    AgreementKind,
    AnnualTarget,
    Currency,
    Instalment,
    Milestone,
    Obligation,
    ObligationKind,
    ObligationStatus,
    Party,
    Project,
    ProjectMilestone,
    Stage,
    TargetMetric,
    delegation_organisation,
    project_need,
    utcnow,
)

PERIOD = Period(2026, 6)
TODAY = date(2026, 6, 30)
PASSWORD = "correct horse battery"


@dataclass
class World:
    things: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.things[name]


def _project(make, name, organisation, signed=None, **kw) -> Project:
    milestones = kw.pop("milestones", {})
    project = Project(name=name, organisation=organisation, **kw)
    db.session.add(project)
    db.session.flush()
    if signed is not None:
        milestones[Milestone.SIGNED] = signed
    for milestone, day in milestones.items():
        db.session.add(ProjectMilestone(project_id=project.id, milestone=milestone, actual_on=day))
    return project


def _instalment(project, day, cny) -> Instalment:
    row = Instalment(project_id=project.id, received_on=day, amount=Decimal(cny),
                     currency=Currency.CNY, rate_to_cny=Decimal(1),
                     amount_cny=Decimal(cny))  # fmt: skip
    db.session.add(row)
    return row


def _obligation(agreement, party, due, status=ObligationStatus.OPEN, amount=None, currency=None):
    row = Obligation(agreement=agreement, project_id=agreement.project_id, party=party,
                     kind=ObligationKind.INVESTMENT, description=f"Owed {due}", due_on=due,
                     status=status, amount=amount, currency=currency)  # fmt: skip
    db.session.add(row)
    return row


@pytest.fixture
def world(make) -> World:
    w = World()
    t = w.things
    t["manager"] = make.user("manager", display_name="Manager M")
    t["a"] = make.user(display_name="Officer A")
    t["b"] = make.user(display_name="Officer B")
    t["robotics"] = make.industry(name="Robotics", name_zh="机器人")
    t["optics"] = make.industry(name="Optics")
    de = t["org_de"] = make.organisation(name="Saale Robotics GmbH", country="DE")
    fr = t["org_fr"] = make.organisation(name="Lumière SA", country="FR")
    # This year, January to June: P1, P2, P3 (confidential, B's).
    t["p1"] = _project(make, "P1 robot plant", de, date(2026, 2, 10),
                       contracted_cny=Decimal("150000000"), jobs_promised=100,
                       key_industry=t["robotics"], owner=t["a"], foreign=True,
                       milestones={Milestone.CONSTRUCTION: date(2026, 4, 1),
                                   Milestone.PRODUCTION: date(2026, 6, 15)})  # fmt: skip
    t["p2"] = _project(make, "P2 optics lab", fr, date(2026, 3, 5),
                       contracted_cny=Decimal("20000000"), jobs_promised=30,
                       key_industry=t["optics"], owner=t["b"],
                       milestones={Milestone.CONSTRUCTION: date(2026, 7, 1)})  # fmt: skip
    t["p3"] = _project(make, "P3 secret", de, date(2026, 3, 20),
                       contracted_cny=Decimal("5000000"), owner=t["b"], confidential=True,
                       milestones={Milestone.CONSTRUCTION: date(2026, 5, 1)})  # fmt: skip
    # Last year: P4 within January to June, P5 after; this year after June: P6; unsigned: P7;
    # deleted: P8.
    t["p4"] = _project(make, "P4 last year", de, date(2025, 2, 1),
                       contracted_cny=Decimal("200000000"), jobs_promised=50,
                       key_industry=t["robotics"], owner=t["b"])  # fmt: skip
    t["p5"] = _project(make, "P5 last autumn", de, date(2025, 9, 1),
                       contracted_cny=Decimal("10000000"))  # fmt: skip
    t["p6"] = _project(make, "P6 later", fr, date(2026, 8, 1), contracted_cny=Decimal("1"))
    t["p7"] = _project(make, "P7 unsigned", fr, contracted_cny=Decimal("999"))
    t["p8"] = _project(make, "P8 deleted", fr, date(2026, 4, 1), contracted_cny=Decimal("7"))
    t["p8"].deleted_at = utcnow()
    for project, day, cny in (
        ("p1", date(2026, 3, 1), "10000000"), ("p1", date(2026, 5, 1), "5000000"),
        ("p2", date(2026, 6, 30), "2000000"), ("p4", date(2025, 3, 1), "7000000"),
        ("p1", date(2026, 7, 1), "1"), ("p4", date(2025, 7, 1), "1"),
        ("p8", date(2026, 4, 2), "3"),
    ):  # fmt: skip
        _instalment(t[project], day, cny)
    # Targets for 2026.
    for metric, value, scope in (
        (TargetMetric.SIGNED, "10", {}), (TargetMetric.CONTRACTED, "500000000", {}),
        (TargetMetric.SIGNED, "4", {"key_industry_id": t["robotics"].id}),
        (TargetMetric.SIGNED, "3", {"officer_id": t["a"].id}),
    ):  # fmt: skip
        db.session.add(AnnualTarget(year=2026, metric=metric, value=Decimal(value), **scope))
    _funnel(make, t)
    _obligations(t)
    db.session.commit()
    return w


def _funnel(make, t) -> None:
    """A visit in 2026 (a member from Saale Robotics, Lumière named without people) with three
    needs: won (P1 came of it), in talks (P7, unsigned), new; and a visit of 2025."""
    visit = t["visit"] = make.delegation(title="Visit 2026", start_date=date(2026, 5, 12))
    make.delegation(title="Visit 2025", start_date=date(2025, 5, 12))
    make.member(visit, make.person(organisation=t["org_de"]))
    db.session.execute(delegation_organisation.insert().values(
        delegation_id=visit.id, organisation_id=t["org_fr"].id))  # fmt: skip
    won = t["n_won"] = make.need(t["org_de"], delegation=visit, stage=Stage.WON, title="Need won")
    talks = make.need(t["org_fr"], delegation=visit, stage=Stage.TALKS, title="Need in talks")
    make.need(t["org_de"], delegation=visit, title="Need new")
    for need in (won, talks):
        make.talk(need, datetime(2026, 5, 13, 2, 0))
    db.session.execute(project_need.insert(), [
        {"project_id": t["p1"].id, "need_id": won.id},
        {"project_id": t["p7"].id, "need_id": talks.id},
    ])  # fmt: skip


def _obligations(t) -> None:
    """Overdue on 30 June 2026: the company's O1 and O5 (of the confidential P3), the
    district's O2."""
    agreements = {}
    for name in ("p1", "p2", "p3"):
        agreements[name] = Agreement(project_id=t[name].id, kind=AgreementKind.INVESTMENT,
                                     title=f"Agreement {name}")  # fmt: skip
        db.session.add(agreements[name])
    db.session.flush()
    company, district = Party.COMPANY, Party.DISTRICT
    _obligation(agreements["p1"], company, date(2026, 1, 1), amount=Decimal("1000000"),
                currency=Currency.CNY)  # fmt: skip
    _obligation(agreements["p2"], district, date(2026, 2, 1), ObligationStatus.LATE,
                Decimal("500000"), Currency.EUR)  # fmt: skip
    _obligation(agreements["p1"], company, date(2026, 3, 1), ObligationStatus.MET)
    _obligation(agreements["p2"], company, date(2099, 1, 1))
    _obligation(agreements["p3"], company, date(2026, 1, 15), amount=Decimal("2000"),
                currency=Currency.CNY)  # fmt: skip
