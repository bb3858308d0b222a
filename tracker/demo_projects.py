"""The demo's investment projects: a few of the year's won needs carried on to signed
agreements, registered companies and capital in place, so the leadership report has something
to show. Saale Robotik's won need from the Thuringia visit is left for a new user to make into a
project (README: the journey). Idempotent: a need already in a project is skipped.

Dates follow each need's won date and stop at today: a step that would fall after today is
planned, not done.
"""

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import (
    AgreementKind,
    AnnualTarget,
    Currency,
    Milestone,
    Need,
    ObligationKind,
    Party,
    TargetMetric,
    User,
    project_need,
)
from tracker.projects import services
from tracker.projects.agreements import AgreementData, save_agreement
from tracker.projects.instalments import InstalmentData, add_instalment
from tracker.projects.milestones import save_milestones
from tracker.projects.obligations import ObligationData, save_obligation
from tracker.projects.uscc import check_character

# Need title -> (project name, jobs, days after "won" of each milestone, the instalments as
# (days after won, EUR), the company's registration code's first 17 characters).
PROJECTS = {
    "Wholly foreign-owned company for a moulding plant": (
        "Ennstal moulding plant, Baoshan", 45,
        {Milestone.SIGNED: 8, Milestone.REGISTERED: 34, Milestone.SITE_SECURED: 44,
         Milestone.CONSTRUCTION: 150, Milestone.PRODUCTION: 330},
        ((44, "2000000"), (55, "1500000")), "91310113MA1GL2Q86",
    ),
    "Injection moulding partner for PA66 connector housings": (
        "Allgäu connector housings line", 18,
        {Milestone.SIGNED: 8, Milestone.REGISTERED: 28, Milestone.SITE_SECURED: 33,
         Milestone.CONSTRUCTION: 44, Milestone.PRODUCTION: 140},
        ((36, "1200000"),), "91310113MA1GK7W35",
    ),
    "Leased hall of 4,000 m² for e-drive housing machining": (
        "Oberpfalz e-drive housing machining", 60,
        {Milestone.SIGNED: 0, Milestone.REGISTERED: 45, Milestone.SITE_SECURED: 30,
         Milestone.CONSTRUCTION: 120, Milestone.PRODUCTION: 300},
        (), None,
    ),
}  # fmt: skip
# This year's targets for the district (managers set the rest on the targets page).
DISTRICT_TARGETS = {
    TargetMetric.SIGNED: 6, TargetMetric.CONTRACTED: 400_000_000,
    TargetMetric.IN_PLACE: 120_000_000, TargetMetric.MAJOR: 2, TargetMetric.JOBS: 400,
}  # fmt: skip


def seed_projects(staff: list[User], today: date, created: Counter) -> None:
    """Make the demo's projects from their won needs, once."""
    for title, spec in PROJECTS.items():
        need = db.session.scalar(select(Need).where(Need.title == title, Need.won_on.is_not(None)))
        taken = select(project_need.c.project_id).where(project_need.c.need_id == Need.id)
        if need is None or db.session.scalar(taken.where(Need.id == need.id)) is not None:
            continue
        _project(need, spec, need.owner or staff[0], today)
        created["projects"] += 1
    year = today.year
    for metric, value in DISTRICT_TARGETS.items():
        exists = select(AnnualTarget.id).where(
            AnnualTarget.year == year, AnnualTarget.metric == metric,
            AnnualTarget.key_industry_id.is_(None), AnnualTarget.officer_id.is_(None),
        )  # fmt: skip
        if db.session.scalar(exists) is None:
            db.session.add(AnnualTarget(year=year, metric=metric, value=Decimal(value)))


def _project(need: Need, spec: tuple, by: User, today: date) -> None:
    name, jobs, steps, instalments, code17 = spec
    data = services.ProjectData(
        name=name, organisation_id=need.organisation_id, key_industry_id=need.key_industry_id,
        owner_id=by.id, contracted_amount=need.estimated_investment,
        contracted_currency=need.currency or Currency.EUR, jobs_promised=jobs,
        credit_code=code17 + check_character(code17) if code17 else None,
    )  # fmt: skip
    project = services.create_project(data, by, (need.id,))
    won = need.won_on
    entries = {}
    for milestone, days in steps.items():
        day = won + timedelta(days=days)
        done = day <= today
        entries[milestone] = (day, day if done else None, None)
    save_milestones(project, entries)
    for days, amount in instalments:
        day = won + timedelta(days=days)
        if day <= today:
            add_instalment(project, InstalmentData(day, Decimal(amount), Currency.EUR), by)
    signed = won + timedelta(days=steps[Milestone.SIGNED])
    _agreement(project, need, signed, by, today)


def _agreement(project, need: Need, signed: date, by: User, today: date) -> None:
    """The investment agreement, with what each side owes: the company its investment and
    jobs, the district the site (one of them due soon, so its reminder shows)."""
    agreement = save_agreement(
        None, project,
        AgreementData(kind=AgreementKind.INVESTMENT, title=f"Investment agreement: {project.name}",
                      parties=f"{need.organisation.name}\nBaoshan District Commerce Commission",
                      signed_on=min(signed, today)),
        by, today=today, document_limit=0,
    )  # fmt: skip
    invest_by, jobs_by = signed + timedelta(days=730), signed + timedelta(days=540)
    owed = [
        ObligationData(party=Party.COMPANY, kind=ObligationKind.INVESTMENT,
                       description="Invest the contracted amount", due_on=invest_by,
                       amount=project.contracted_amount, currency=project.contracted_currency),
        ObligationData(party=Party.COMPANY, kind=ObligationKind.JOBS,
                       description="Create the promised jobs", due_on=jobs_by,
                       headcount=project.jobs_promised),
        ObligationData(party=Party.DISTRICT, kind=ObligationKind.SPACE,
                       description="Hand over the production space",
                       due_on=today + timedelta(days=10)),
    ]  # fmt: skip
    for data in owed:
        save_obligation(None, agreement, data, by, today)
