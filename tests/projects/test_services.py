"""Projects without HTTP: the credit code, conversions at the day's rate, needs and projects."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.projects.helpers import VALID_CODE, pay, project, quote, won_need
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Currency, Milestone, Project, Stage
from tracker.projects import money, services, uscc
from tracker.projects.milestones import latest_reached, milestones_of, save_milestones, timeline
from tracker.security import view_as


def test_a_code_with_its_check_character_is_valid():
    assert uscc.is_valid(VALID_CODE)
    # One computed here: a Shanghai company's first 17 characters and their check character.
    first17 = "91310115MA1K4D7C2"
    code = first17 + uscc.check_character(first17)
    assert uscc.is_valid(code) and code[-1] in uscc.ALPHABET


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "9135010OM000100Y43",
     "91350100M000100I43", "", "SHORT"],
)  # fmt: skip
def test_a_wrong_code_is_refused(code):
    assert not uscc.is_valid(code)


def test_codes_are_normalised():
    assert uscc.normalise(" 9135 0100-m000100y43 ") == VALID_CODE
    assert uscc.normalise("   ") is None


def test_an_instalment_is_converted_at_the_rate_of_its_day(app, make):
    quote("EUR", date(2026, 1, 1), "7.5")
    quote("EUR", date(2026, 4, 1), "8.0")
    by = make.user()
    plant = project(by)
    early = pay(plant, by, date(2026, 3, 31), "1000", "EUR")
    late = pay(plant, by, date(2026, 4, 2), "1000", "EUR")
    assert (early.rate_to_cny, early.amount_cny) == (Decimal("7.5"), Decimal("7500.00"))
    assert (late.rate_to_cny, late.amount_cny) == (Decimal("8.0"), Decimal("8000.00"))


def test_a_currency_without_any_rate_is_refused_at_its_field(app, make):
    by = make.user()
    plant = project(by)
    with pytest.raises(money.NoRate) as refused:
        pay(plant, by, date(2026, 3, 1), "10", "USD")
    assert refused.value.field == "currency" and "USD" in str(refused.value)


def test_a_rate_from_a_date_converts_that_period_again(app, make):
    quote("USD", date(2026, 1, 1), "7.0")
    by = make.user()
    plant = project(by, contracted_amount=Decimal("1000"), contracted_currency=Currency.USD)
    save_milestones(plant, {Milestone.SIGNED: (None, date(2026, 2, 10), None)})
    before = pay(plant, by, date(2026, 2, 15), "100", "USD")
    after = pay(plant, by, date(2026, 1, 5), "100", "USD")
    assert plant.contracted_cny == Decimal("7000.00")
    changed = money.set_quote(Currency.USD, date(2026, 2, 1), Decimal("7.2"), by)
    assert changed == 2  # the February instalment and the contract signed in February
    assert before.amount_cny == Decimal("720.00") and after.amount_cny == Decimal("700.00")
    assert plant.contracted_cny == Decimal("7200.00")


def test_the_contract_is_converted_at_the_signing_day_and_again_when_it_moves(app, make):
    quote("EUR", date(2026, 1, 1), "7.5")
    quote("EUR", date(2026, 6, 1), "8.0")
    by = make.user()
    plant = project(by, contracted_amount=Decimal("100"), contracted_currency=Currency.EUR)
    assert plant.contracted_cny == Decimal("800.00")  # not signed yet: today's rate
    save_milestones(plant, {Milestone.SIGNED: (None, date(2026, 2, 1), None)})
    assert plant.contracted_cny == Decimal("750.00")


def test_a_need_becomes_one_project_only(app, make):
    by = make.user()
    need = won_need()
    project(by, need)
    with pytest.raises(services.ProjectError) as refused:
        project(by, need)
    assert refused.value.field == "need_id"


def test_only_a_won_need_becomes_a_project(app, make):
    need = make.need(stage=Stage.NEGOTIATION)
    with pytest.raises(services.ProjectError, match="won"):
        project(make.user(), need)


def test_another_won_need_of_the_same_company_joins(app, make):
    by = make.user()
    first = won_need()
    plant = project(by, first)
    second = won_need(first.organisation)
    assert services.candidate_needs(plant) == [(second.id, second.title)]
    services.add_need(plant, second.id)
    assert services.project_id_of_need(second.id) == plant.id
    with pytest.raises(services.ProjectError, match="another company"):
        services.add_need(plant, won_need().id)


def test_a_project_from_a_confidential_need_is_confidential_for_its_owner(app, make):
    owner, other = make.user(), make.user()
    need = won_need(confidential=True, owner_id=owner.id)
    secret = project(other, need)
    assert secret.confidential and secret.owner_id == owner.id
    db.session.commit()
    with view_as(other):
        assert db.session.scalar(select(Project).where(Project.id == secret.id)) is None
    with view_as(owner):
        assert db.session.scalar(select(Project).where(Project.id == secret.id)) is not None


def test_the_credit_code_is_unique(app, make):
    by = make.user()
    project(by, credit_code=VALID_CODE)
    with pytest.raises(services.ProjectError) as refused:
        project(by, credit_code=VALID_CODE)
    assert refused.value.field == "credit_code"


def test_a_company_from_abroad_makes_a_foreign_project(app, make):
    by = make.user()
    assert project(by).foreign  # the builder's company is German
    local = make.organisation(country="CN", is_local=True)
    data = services.ProjectData(name="Local plant", organisation_id=local.id)
    assert not services.create_project(data, by).foreign


def test_milestones_on_the_timeline_are_done_planned_or_late(app, make):
    today = local_today()
    plant = project(make.user())
    save_milestones(plant, {
        Milestone.SIGNED: (None, today - timedelta(days=30), None),
        Milestone.REGISTERED: (today - timedelta(days=1), None, None),
        Milestone.SITE_SECURED: (today + timedelta(days=5), None, "Lease"),
    })  # fmt: skip
    steps = timeline(milestones_of(plant.id), today)
    assert [s.state for s in steps] == ["done", "late", "planned", "open", "open"]
    assert latest_reached(steps) == Milestone.SIGNED
