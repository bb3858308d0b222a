"""Projects through the test client: made from a won need, edited, milestones, capital, list,
delete and restore, and the confidential rule."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from tests.projects.helpers import VALID_CODE, pay, project, quote, won_need
from tests.queries import queries_on_page
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Instalment, Milestone, Project, ProjectMilestone
from tracker.projects import services
from tracker.projects.milestones import save_milestones


def _form(**changes) -> dict:
    data = {"name": "Cell plant", "contracted_amount": "", "contracted_currency": "",
            "registered_capital": "", "registered_currency": "", "foreign": "auto"}  # fmt: skip
    data.update(changes)
    return data


def test_a_won_need_offers_to_become_a_project_and_prefills_it(client, login, make):
    user = login("staff")
    need = won_need(title="Battery cells", estimated_investment=Decimal("5000000"),
                    currency="EUR", expected_jobs=120, owner_id=user.id)  # fmt: skip
    db.session.commit()
    page = client.get(f"/needs/{need.id}").text
    assert f"/projects/new?need_id={need.id}" in page
    form = client.get(f"/projects/new?need_id={need.id}").text
    assert 'value="Battery cells"' in form and 'value="5000000.00"' in form
    assert 'value="120"' in form


def test_making_the_project_links_the_need_to_it(client, login, make):
    login("staff")
    need = won_need()
    quote("EUR", date(2026, 1, 1), "7.8")
    db.session.commit()
    response = client.post(
        f"/projects/new?need_id={need.id}",
        data=_form(organisation_id=need.organisation_id, contracted_amount="1000",
                   contracted_currency="EUR", credit_code=" 9135 0100m000100y43"),
    )  # fmt: skip
    assert response.status_code == 302, response.text
    made = db.session.scalar(select(Project))
    assert made.credit_code == VALID_CODE and made.contracted_cny == Decimal("7800.00")
    assert services.project_id_of_need(need.id) == made.id
    page = client.get(f"/needs/{need.id}").text
    assert f"/projects/{made.id}" in page and "Make it a project" not in page


def test_a_wrong_credit_code_is_a_field_error(client, login, make):
    login("staff")
    organisation = make.organisation()
    db.session.commit()
    response = client.post(
        "/projects/new",
        data=_form(organisation_id=organisation.id, credit_code="91350100M000100Y44"),
    )
    assert response.status_code == 200
    assert "not a valid unified social credit code" in response.text
    assert db.session.scalar(select(Project)) is None


def test_a_need_not_won_is_refused(client, login, make):
    login("staff")
    need = make.need()
    db.session.commit()
    response = client.post(f"/projects/new?need_id={need.id}",
                           data=_form(organisation_id=need.organisation_id))  # fmt: skip
    assert response.status_code == 200 and "Only a won need becomes a project" in response.text


def test_a_stale_edit_is_refused_with_409(client, login, make):
    user = login("staff")
    plant = project(user)
    db.session.commit()
    data = _form(organisation_id=plant.organisation_id, name="Renamed", foreign="yes",
                 version=plant.version)  # fmt: skip
    assert client.post(f"/projects/{plant.id}/edit", data=data).status_code == 302
    stale = client.post(f"/projects/{plant.id}/edit", data=data | {"name": "Stale"})
    assert stale.status_code == 409 and "Nothing was saved" in stale.text
    db.session.expire_all()
    assert db.session.get(Project, plant.id).name == "Renamed"


def test_milestone_errors_re_render_with_the_input(client, login, make):
    user = login("staff")
    plant = project(user)
    db.session.commit()
    future = (local_today() + timedelta(days=3)).isoformat()
    response = client.post(
        f"/projects/{plant.id}/milestones",
        data={"version": plant.version, "planned_signed": "2026-01-10", "actual_signed": future,
              "note_registered": "At the Baoshan market office"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "This date is in the future" in response.text
    assert "At the Baoshan market office" in response.text and 'value="2026-01-10"' in response.text
    assert db.session.scalar(select(ProjectMilestone)) is None


def test_milestones_are_saved_and_shown(client, login, make):
    user = login("staff")
    plant = project(user)
    db.session.commit()
    response = client.post(
        f"/projects/{plant.id}/milestones",
        data={"version": plant.version, "actual_signed": "2026-01-10",
              "planned_registered": "2026-01-20"},
    )  # fmt: skip
    assert response.status_code == 302
    rows = db.session.scalars(select(ProjectMilestone)).all()
    assert {r.milestone for r in rows} == {Milestone.SIGNED, Milestone.REGISTERED}
    page = client.get(f"/projects/{plant.id}").text
    assert "Late" in page  # registration was planned for a day gone by


def test_capital_is_added_with_a_clear_error_without_a_rate(client, login, make):
    user = login("staff")
    plant = project(user)
    db.session.commit()
    data = {"received_on": "2026-02-01", "amount": "100", "currency": "USD"}
    refused = client.post(f"/projects/{plant.id}/instalments", data=data)
    assert refused.status_code == 200 and "There is no exchange rate for USD" in refused.text
    quote("USD", date(2026, 1, 1), "7.1")
    db.session.commit()
    assert client.post(f"/projects/{plant.id}/instalments", data=data).status_code == 302
    assert db.session.scalar(select(Instalment.amount_cny)) == Decimal("710.00")


def test_delete_and_restore_a_project_with_its_capital(client, login, make):
    user = login("manager")
    plant = project(user)
    pay(plant, user, date(2026, 2, 1), "100")
    db.session.commit()
    assert client.post(f"/projects/{plant.id}/delete").status_code == 302
    assert client.get(f"/projects/{plant.id}").status_code == 404
    assert "Battery cell plant" in client.get("/deleted/").text
    assert client.post(f"/deleted/project/{plant.id}/restore").status_code == 302
    assert client.get(f"/projects/{plant.id}").status_code == 200
    db.session.expire_all()
    assert db.session.scalar(select(Instalment.deleted_at)) is None


def test_the_list_filters(client, login, make):
    user = login("staff")
    project(user, name="Gigafactory", contracted_amount=Decimal("200000000"),
                  contracted_currency="CNY")  # fmt: skip
    small = project(user, name="Service office", contracted_amount=Decimal("1000000"),
                    contracted_currency="CNY", foreign=False)  # fmt: skip
    save_milestones(small, {Milestone.SIGNED: (None, date(2025, 6, 1), None)})
    db.session.commit()
    major = client.get("/projects/?major=1").text
    assert "Gigafactory" in major and "Service office" not in major
    signed = client.get("/projects/?signed_year=2025").text
    assert "Service office" in signed and "Gigafactory" not in signed
    reached = client.get("/projects/?reached=signed").text
    assert "Service office" in reached and "Gigafactory" not in reached
    assert "Gigafactory" not in client.get("/projects/?foreign=no").text
    assert "Gigafactory" in client.get("/projects/?q=giga").text
    export = client.get("/projects/export.csv?major=1").text
    assert "Gigafactory" in export and "Service office" not in export


def test_a_confidential_project_is_hidden_from_other_staff(client, login, make):
    owner = make.user()
    delegation = make.delegation(title="Jena optics")
    need = won_need(delegation=delegation, confidential=True, owner_id=owner.id)
    secret = project(owner, need, name="Secret lens plant")
    paid = pay(secret, owner, date(2026, 2, 1), "100")
    db.session.commit()
    login("staff")
    assert client.get(f"/projects/{secret.id}").status_code == 404
    base = f"/projects/{secret.id}/instalments/{paid.id}"
    assert client.get(f"{base}/edit").status_code == 404
    assert client.get(f"{base}/delete").status_code == 404
    assert client.post(f"/projects/{secret.id}/instalments", data={}).status_code == 404
    assert "Secret lens plant" not in client.get("/projects/").text
    assert "Secret lens plant" not in client.get(f"/delegations/{delegation.id}").text


def test_the_visit_shows_what_it_led_to(client, login, make):
    user = login("staff")
    delegation = make.delegation(title="Jena optics")
    need = won_need(delegation=delegation)
    plant = project(user, need, name="Lens plant", contracted_amount=Decimal("3000000"),
                    contracted_currency="CNY", jobs_promised=40)  # fmt: skip
    pay(plant, user, date(2026, 2, 1), "1000000")
    db.session.commit()
    page = client.get(f"/delegations/{delegation.id}").text
    assert "What this visit has led to" in page and "Lens plant" in page
    detail = client.get(f"/projects/{plant.id}").text
    assert "Jena optics" in detail and need.title in detail


def _need_with_history(make, organisation, delegation, user):
    meeting = make.meeting(delegation, topics=[make.topic()])
    need = won_need(organisation, delegation=delegation, meeting=meeting)
    make.match(need, make.local_partner())
    make.talk(need, datetime(2026, 5, 13, 2))
    make.followup(user, need=need, assigned_by=user)
    return need


def test_the_project_page_runs_as_many_queries_for_three_needs_as_for_one(client, login, make):
    user = login("staff")
    delegation = make.delegation()
    first = _need_with_history(make, None, delegation, user)
    plant = project(user, first)
    db.session.commit()
    one = queries_on_page(client, f"/projects/{plant.id}")
    for _ in range(2):
        services.add_need(plant, _need_with_history(make, first.organisation, delegation, user).id)
    db.session.commit()
    assert queries_on_page(client, f"/projects/{plant.id}") == one


def test_the_list_sorts_by_each_column_and_pages(client, login, make):
    user = login("staff")
    for n in range(3):
        plant = project(user, name=f"Plant {n}", contracted_amount=Decimal(n + 1),
                        contracted_currency="CNY")  # fmt: skip
        pay(plant, user, date(2026, 2, 1), str(10 - n))
    db.session.commit()
    for sort in ("name", "-name", "contracted", "-contracted", "in_place", "-in_place", "nonsense"):
        assert client.get(f"/projects/?sort={sort}").status_code == 200
    page = client.get("/projects/?sort=-in_place").text
    assert page.index("Plant 0") < page.index("Plant 2")
    assert client.get("/projects/?page=99&signed_year=99999999999").status_code == 200
    assert client.get("/projects/export.xlsx?sort=in_place").status_code == 200


def test_adding_a_need_of_another_company_is_a_field_error(client, login, make):
    user = login("staff")
    plant = project(user, won_need())
    same, other = won_need(plant.organisation), won_need()
    db.session.commit()
    refused = client.post(f"/projects/{plant.id}/needs", data={"need_id": other.id})
    assert refused.status_code == 200 and "is a need of another company" in refused.text
    assert client.post(f"/projects/{plant.id}/needs", data={"need_id": same.id}).status_code == 302
    assert services.project_id_of_need(same.id) == plant.id
