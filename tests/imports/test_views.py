"""The upload -> mapping -> preview -> confirm pages."""

import io

import pytest
from flask import url_for
from sqlalchemy import select

from tests.imports.files import csv_file, german_list, xlsx
from tests.imports.helpers import totals
from tracker.extensions import db
from tracker.models import ImportRecord, ImportStatus, Person


def upload(client, delegation, data: bytes, name: str = "liste.xlsx", sheet: str = ""):
    return client.post(
        url_for("imports.upload", delegation_id=delegation.id),
        data={"file": (io.BytesIO(data), name), "sheet": sheet},
        content_type="multipart/form-data",
    )


def draft_id() -> int:
    return db.session.scalar(select(ImportRecord.id).order_by(ImportRecord.id.desc()))


def mapping_data(fields: list[str]) -> dict:
    return {f"col_{i}": f for i, f in enumerate(fields)}


GERMAN_FIELDS = [
    "", "first_name", "last_name", "organisation", "position", "email", "phone", "industry",
    "needs", "role", "city",
]  # fmt: skip


def test_whole_flow_as_a_new_user_would(client, login, delegation):
    login("staff")
    response = upload(client, delegation, xlsx(german_list().rows))
    assert response.status_code == 302
    record_id = draft_id()
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "Header found in row 3" in page.text
    assert 'selected value="first_name"' in page.text
    response = client.post(
        url_for("imports.mapping", record_id=record_id), data=mapping_data(GERMAN_FIELDS)
    )
    assert response.status_code == 302
    preview = client.get(url_for("imports.preview", record_id=record_id))
    assert "27 new people" in preview.text
    assert "10 new organisations" in preview.text
    assert "1 blank row skipped" in preview.text
    assert "1 repeated row skipped" in preview.text
    assert "1 row with errors" in preview.text
    assert "No name." in preview.text
    assert "also written: JENAER OPTRONIK GMBH · Jenaer Optronik" in preview.text
    assert totals()["Person"] == 0
    response = client.post(url_for("imports.preview", record_id=record_id))
    assert response.status_code == 302
    assert totals()["Person"] == 27
    result = client.get(response.headers["Location"])
    assert "Members added" in result.text
    # The confirm button pressed twice imports once.
    again = client.post(url_for("imports.preview", record_id=record_id))
    assert again.status_code == 302
    assert totals()["Person"] == 27


def test_last_mapping_is_offered_again(client, login, delegation):
    login("staff")
    rows = [["Name", "Bezeichnung"], ["Jan", "Glaswerk"]]
    upload(client, delegation, xlsx(rows))
    client.post(
        url_for("imports.mapping", record_id=draft_id()),
        data=mapping_data(["full_name", "organisation"]),
    )
    client.post(url_for("imports.preview", record_id=draft_id()))
    upload(client, delegation, xlsx(rows))
    page = client.get(url_for("imports.mapping", record_id=draft_id()))
    assert 'selected value="organisation"' in page.text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (["", "organisation"], "Choose the column with the name"),
        (["full_name", "full_name"], "Another column is already used for this."),
        (["full_name", "no-such-field"], "Not a valid choice"),
    ],
)
def test_mapping_errors(client, login, delegation, fields, message):
    login("staff")
    upload(client, delegation, xlsx([["Name", "Firma"], ["Jan", "X"]]))
    response = client.post(
        url_for("imports.mapping", record_id=draft_id()), data=mapping_data(fields)
    )
    assert response.status_code == 200
    assert message in response.text
    assert db.session.get(ImportRecord, draft_id()).mapping is None


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "liste.csv", "The file is empty."),
        (b"Name\r\n", "", "Choose the file to import."),
        (b"%PDF-1.4", "liste.pdf", "Upload a CSV or Excel file"),
        (b"Nur ein Titel\r\n", "liste.csv", "No header row found"),
        (b"PK\x03\x04broken", "liste.xlsx", "The Excel file cannot be read"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_kept(
    client, login, delegation, data, name, message
):
    login("staff")
    response = upload(client, delegation, data, name)
    assert response.status_code == 200
    assert message in response.text
    assert totals()["ImportRecord"] == 0


@pytest.mark.parametrize("app_config", [{"IMPORT_MAX_BYTES": 200}])
def test_size_limit(client, login, delegation):
    login("staff")
    response = upload(client, delegation, csv_file([["Name"], *([["x" * 50]] * 10)]), "l.csv")
    assert "The file is larger than" in response.text
    assert totals()["ImportRecord"] == 0


@pytest.mark.parametrize("app_config", [{"IMPORT_MAX_ROWS": 5}])
def test_row_limit_message(client, login, delegation):
    login("staff")
    response = upload(client, delegation, csv_file([["Name"], *([["Jan"]] * 6)]), "l.csv")
    assert "more than 5 rows" in response.text


@pytest.mark.parametrize("app_config", [{"MAX_CONTENT_LENGTH": 1000}])
def test_far_too_large_request_is_refused(client, login, delegation):
    login("staff")
    response = upload(client, delegation, b"x" * 5000, "l.csv")
    assert response.status_code == 413


def test_wrong_sheet_name(client, login, delegation):
    login("staff")
    response = upload(client, delegation, xlsx([["Name"], ["Jan"]]), sheet="Gäste")
    assert "no sheet named “Gäste”" in response.text


def test_someone_elses_draft_is_not_found(client, login, make, delegation):
    owner = make.user()
    db.session.add(
        ImportRecord(
            delegation=delegation, created_by=owner, file_name="x.csv", payload=b"Name\nJan\n"
        )
    )
    db.session.commit()
    login("manager")
    record_id = draft_id()
    for endpoint in ("imports.mapping", "imports.preview"):
        assert client.get(url_for(endpoint, record_id=record_id)).status_code == 404
    assert client.post(url_for("imports.cancel", record_id=record_id)).status_code == 404


def test_cancel_drops_the_draft(client, login, delegation):
    login("staff")
    upload(client, delegation, xlsx([["Name"], ["Jan"]]))
    response = client.post(url_for("imports.cancel", record_id=draft_id()))
    assert response.status_code == 302
    assert totals()["ImportRecord"] == 0


def test_preview_escapes_names_and_similar_organisation_can_be_kept_separate(
    client, login, make, delegation
):
    make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    login("staff")
    upload(
        client, delegation, xlsx([["Name", "Firma"], ["<script>x</script>", "JENAER OPTRONIK AG"]])
    )
    record_id = draft_id()
    client.post(
        url_for("imports.mapping", record_id=record_id),
        data=mapping_data(["full_name", "organisation"]),
    )
    preview = client.get(url_for("imports.preview", record_id=record_id))
    assert "<script>x</script>" not in preview.text
    assert "Similar name" in preview.text
    client.post(url_for("imports.preview", record_id=record_id), data={"separate": "jenaroptronik"})
    assert totals()["Organisation"] == 2


def test_old_drafts_are_cleaned_up_on_the_next_upload(client, login, delegation):
    from datetime import timedelta

    from tracker.models import utcnow

    user = login("staff")
    old = ImportRecord(delegation=delegation, created_by=user, file_name="old.csv", payload=b"x")
    old.created_at = utcnow() - timedelta(days=2)
    db.session.add(old)
    db.session.commit()
    upload(client, delegation, xlsx([["Name"], ["Jan"]]))
    names = db.session.scalars(select(ImportRecord.file_name)).all()
    assert names == ["liste.xlsx"]


def test_delegation_page_offers_import_and_export(client, login, delegation):
    login("staff")
    page = client.get(url_for("delegations.detail", delegation_id=delegation.id))
    assert f"/imports/delegation/{delegation.id}" in page.text
    assert f"/imports/delegation/{delegation.id}/members.xlsx" in page.text


def test_result_page_of_unknown_import_is_404(client, login):
    login("staff")
    assert client.get(url_for("imports.detail", record_id=999)).status_code == 404


def test_people_imported_as_staff_record_the_author(client, login, delegation):
    user = login("staff")
    upload(client, delegation, xlsx([["Name"], ["Jan"]]))
    client.post(url_for("imports.mapping", record_id=draft_id()), data=mapping_data(["full_name"]))
    client.post(url_for("imports.preview", record_id=draft_id()))
    person = db.session.scalar(select(Person))
    assert person.created_by_id == user.id
    record = db.session.scalar(select(ImportRecord))
    assert (record.status, record.created_by_id) == (ImportStatus.DONE, user.id)
