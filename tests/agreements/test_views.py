"""The agreements register's pages through the test client: agreements with documents, the
download's rules, conflicts, bad input, obligations and their list."""

import io
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.agreements import builders as build
from tests.agreements.builders import EXE, PDF, PNG
from tests.conftest import log_in_as
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Agreement, AuditEntry, FollowUp, Obligation, ObligationStatus, Party
from tracker.projects.agreements import agreements_of


def _form(**fields):
    data = {"kind": "investment", "title": "Investment agreement", "parties": "A\nB",
            "signed_on": "2026-05-02", "starts_on": "2026-06-01",
            "ends_on": "2031-05-31"}  # fmt: skip
    data.update(fields)
    return data


def _upload(content: bytes, name: str):
    return (io.BytesIO(content), name)


@pytest.fixture
def project(make):
    record = build.project(make.user(display_name="Li Na"), name="Jena robot plant")
    db.session.commit()
    return record


def test_create_an_agreement_with_its_document_and_download_it(client, login, project):
    login("staff")
    response = client.post(
        f"/agreements/projects/{project.id}/new",
        data=_form(document=_upload(PDF, "Vertrag final.pdf")),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.text
    agreement = db.session.scalar(select(Agreement))
    assert agreement.document_type == "application/pdf"
    assert agreement.document_name == "Vertrag final.pdf"
    page = client.get(f"/agreements/{agreement.id}").text
    assert "Investment agreement" in page and "Vertrag final.pdf" in page
    download = client.get(f"/agreements/{agreement.id}/document")
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]


def test_a_renamed_program_is_refused_at_the_field_keeping_the_input(client, login, project):
    login("staff")
    response = client.post(
        f"/agreements/projects/{project.id}/new",
        data=_form(title="Lease of hall 3", document=_upload(EXE, "contract.pdf")),
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Upload a PDF or an image" in response.text and "is-invalid" in response.text
    assert 'value="Lease of hall 3"' in response.text
    assert db.session.scalar(select(Agreement)) is None


@pytest.mark.parametrize(
    ("app_config", "size", "status", "message"),
    [
        # Over the document limit: the form's own message at the field.
        ({"AGREEMENT_DOCUMENT_MAX_BYTES": 100}, 200, 200, "larger than"),
        # Far over any limit: the request itself is refused, with a clear page.
        ({"MAX_CONTENT_LENGTH": 1000}, 5000, 413, "The upload is too large."),
    ],
)
def test_an_upload_too_large_is_refused_clearly(client, login, project, size, status, message):
    login("staff")
    response = client.post(
        f"/agreements/projects/{project.id}/new",
        data=_form(document=_upload(PDF + b"x" * size, "big.pdf")),
        content_type="multipart/form-data",
    )
    assert response.status_code == status and message in response.text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_on": "2026-06-01", "ends_on": "2026-05-01"}, "The end cannot be before"),
        ({"signed_on": "2999-01-01"}, "cannot be in the future"),
        ({"title": ""}, "This field is required."),
        ({"kind": "bogus"}, "Not a valid choice"),
        ({"signed_on": "yesterday"}, "Not a valid date value"),
    ],
)
def test_bad_input_re_renders_with_the_data_and_field_errors(client, login, project, fields,
                                                             message):  # fmt: skip
    login("staff")
    response = client.post(
        f"/agreements/projects/{project.id}/new", data=_form(parties="Saale GmbH", **fields)
    )
    assert response.status_code == 200
    assert message in response.text and "is-invalid" in response.text
    assert "Saale GmbH" in response.text


def test_an_outsider_gets_404_for_a_confidential_projects_agreement_and_document(app, make):
    owner = make.user()
    outsider = make.user()
    secret = build.project(owner, confidential=True)
    client = app.test_client()
    log_in_as(client, owner)
    client.post(f"/agreements/projects/{secret.id}/new",
                data=_form(document=_upload(PNG, "site.png")),
                content_type="multipart/form-data")  # fmt: skip
    agreement = db.session.scalar(select(Agreement))
    assert client.get(f"/agreements/{agreement.id}/document").status_code == 200
    log_in_as(client, outsider)
    for url in (
        f"/agreements/{agreement.id}",
        f"/agreements/{agreement.id}/document",
        f"/agreements/{agreement.id}/edit",
        f"/agreements/projects/{secret.id}/new",
    ):
        assert client.get(url).status_code == 404, url  # fmt: skip


def test_an_edit_on_an_older_version_is_a_409_keeping_the_input(client, login, project):
    login("staff")
    agreement = build.agreement(project, title="MoU")
    db.session.commit()
    stale = agreement.version
    client.post(f"/agreements/{agreement.id}/edit", data=_form(title="MoU v2", version=stale))
    response = client.post(
        f"/agreements/{agreement.id}/edit", data=_form(title="MoU mine", version=stale)
    )
    assert response.status_code == 409
    assert 'value="MoU mine"' in response.text and "MoU v2" in response.text


def test_replace_and_remove_the_document(client, login, project):
    login("staff")
    agreement = build.agreement(project)
    db.session.commit()
    url = f"/agreements/{agreement.id}/edit"
    client.post(url, data=_form(version=1, document=_upload(PDF, "a.pdf")),
                content_type="multipart/form-data")  # fmt: skip
    client.post(url, data=_form(version=2, document=_upload(PNG, "b.pdf")),
                content_type="multipart/form-data")  # fmt: skip
    db.session.refresh(agreement)
    assert (agreement.document_name, agreement.document_type) == ("b.png", "image/png")
    client.post(url, data=_form(version=3, remove_document="y"))
    db.session.refresh(agreement)
    assert agreement.document_sha256 is None
    assert client.get(f"/agreements/{agreement.id}/document").status_code == 404


def test_agreement_and_obligation_writes_are_audited(client, login, project):
    login("staff")
    client.post(f"/agreements/projects/{project.id}/new", data=_form())
    agreement = db.session.scalar(select(Agreement))
    client.post(f"/agreements/{agreement.id}/obligations/new", data=_obligation_form())
    entities = set(db.session.scalars(select(AuditEntry.entity)))
    assert {"agreement", "obligation"} <= entities
    assert client.get(f"/history/agreement/{agreement.id}").status_code == 200


def _obligation_form(**fields):
    data = {"party": "company", "kind": "investment", "description": "Invest EUR 5 million",
            "amount": "5000000", "currency": "EUR", "due_on": "2030-03-01", "status": "open",
            "remind_days": "14"}  # fmt: skip
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("fields", "field_error"),
    [
        ({"amount": ""}, "Give the amount"),
        ({"kind": "jobs", "amount": ""}, "Give the number of jobs"),
        ({"kind": "milestone"}, "Choose the milestone"),
        ({"status": "met"}, "Give the date it was met"),
        ({"currency": ""}, "Choose the currency"),
        ({"remind_days": "999"}, "Enter 0 to 365."),
        ({"owner_id": "99999"}, "Not a valid choice"),
    ],
)
def test_obligation_field_rules(client, login, project, fields, field_error):
    login("staff")
    agreement = build.agreement(project)
    db.session.commit()
    response = client.post(
        f"/agreements/{agreement.id}/obligations/new", data=_obligation_form(**fields)
    )
    assert response.status_code == 200 and field_error in response.text
    assert 'value="Invest EUR 5 million"' in response.text
    assert db.session.scalar(select(Obligation)) is None


def test_an_obligation_due_soon_reminds_its_owner_at_once(client, login, project):
    login("staff")
    agreement = build.agreement(project)
    db.session.commit()
    due = (local_today() + timedelta(days=5)).isoformat()
    response = client.post(
        f"/agreements/{agreement.id}/obligations/new", data=_obligation_form(due_on=due)
    )
    assert response.status_code == 302
    obligation = db.session.scalar(select(Obligation))
    assert obligation.owner_id == project.owner_id
    followup = db.session.get(FollowUp, obligation.reminder_id)
    assert followup.assignee_id == project.owner_id


def test_an_obligation_edit_on_an_older_version_is_a_409(client, login, project):
    login("staff")
    obligation = build.obligation(build.agreement(project))
    db.session.commit()
    url = f"/agreements/obligations/{obligation.id}/edit"
    assert client.post(url, data=_obligation_form(version=1)).status_code == 302
    assert client.post(url, data=_obligation_form(version=1)).status_code == 409


def _listed(client, query=""):
    return client.get(f"/agreements/obligations{query}").text


def test_the_obligations_list_filters_and_sorts_by_due_date(client, login, make, project):
    me = login("staff")
    agreement = build.agreement(project)
    today = local_today()
    build.obligation(agreement, description="Company overdue", due_on=today - timedelta(days=3),
                     status=ObligationStatus.LATE)  # fmt: skip
    build.obligation(agreement, description="District later", party=Party.DISTRICT,
                     due_on=today + timedelta(days=90), owner_id=me.id)  # fmt: skip
    build.obligation(agreement, description="Company sooner", due_on=today + timedelta(days=9))
    build.obligation(agreement, description="Company done", due_on=today - timedelta(days=9),
                     status=ObligationStatus.MET, met_on=today)  # fmt: skip
    db.session.commit()
    page = _listed(client)
    assert page.index("Company overdue") < page.index("Company sooner") < page.index("District")
    assert "Company done" not in page and "table-danger" in page
    overdue = _listed(client, "?overdue=1&party=company")
    assert "Company overdue" in overdue and "Company sooner" not in overdue
    assert "District later" not in _listed(client, "?party=company")
    assert "Company sooner" not in _listed(client, "?party=district")
    assert "Company done" in _listed(client, "?status=met")
    mine = _listed(client, f"?owner={me.id}")
    assert "District later" in mine and "Company sooner" not in mine
    assert client.get("/agreements/obligations?party=x&status=y&owner=z").status_code == 200


def test_the_obligations_list_hides_confidential_projects_from_outsiders(app, make):
    owner, outsider = make.user(), make.user()
    secret = build.project(owner, confidential=True)
    build.obligation(build.agreement(secret), description="Hidden duty")
    db.session.commit()
    client = app.test_client()
    log_in_as(client, outsider)
    assert "Hidden duty" not in _listed(client)
    log_in_as(client, owner)
    assert "Hidden duty" in _listed(client)


def test_staff_delete_their_own_agreement_and_managers_restore_it(client, login, make, project):
    login("staff")
    client.post(f"/agreements/projects/{project.id}/new", data=_form(title="Lease"))
    agreement = db.session.scalar(select(Agreement))
    assert client.post(f"/agreements/{agreement.id}/delete").status_code == 302
    assert client.get(f"/agreements/{agreement.id}").status_code == 404
    manager = make.user(role="manager")
    db.session.commit()
    log_in_as(client, manager)
    assert "Lease" in client.get("/deleted/").text
    response = client.post(f"/deleted/agreement/{agreement.id}/restore")
    assert response.status_code == 302
    assert client.get(f"/agreements/{agreement.id}").status_code == 200


def test_staff_may_not_delete_anothers_agreement(client, login, project):
    agreement = build.agreement(project)
    db.session.commit()
    login("staff")
    assert client.get(f"/agreements/{agreement.id}/delete").status_code == 403


def test_the_project_panel_lists_agreements_with_obligations(app, client, login, project):
    login("staff")
    agreement = build.agreement(project, title="Subsidy contract 2026", signed_on=date(2026, 5, 2))
    build.obligation(agreement, description="Late duty", status=ObligationStatus.LATE,
                     due_on=local_today() - timedelta(days=1))  # fmt: skip
    db.session.commit()
    with app.test_request_context():
        html = app.jinja_env.get_template("projects/_agreements.html").render(
            project=project, agreements=agreements_of(project.id)
        )
    assert "Subsidy contract 2026" in html and "Late duty" in html and "text-bg-danger" in html


def test_the_project_page_shows_the_agreements_panel(client, login, project):
    login("staff")
    agreement = build.agreement(project, title="Lease of hall 3")
    build.obligation(agreement, description="Pay the rent deposit")
    db.session.commit()
    page = client.get(f"/projects/{project.id}").text
    assert "Lease of hall 3" in page and "Pay the rent deposit" in page
    assert f"/agreements/projects/{project.id}/new" in page
    back = client.get(f"/agreements/{agreement.id}").text
    assert f'href="/projects/{project.id}"' in back
