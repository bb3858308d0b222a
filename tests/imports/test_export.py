"""Members export: CSV with BOM and XLSX in the import's layout; formulas neutralised."""

import io

import pytest
from flask import url_for
from openpyxl import load_workbook

from tests.imports.files import german_list
from tests.imports.helpers import run, totals
from tracker.exports import CSV_CONTENT_TYPE, XLSX_MIMETYPE, csv_bytes, neutralise, xlsx_bytes
from tracker.extensions import db
from tracker.imports.commit import import_members
from tracker.imports.fields import guess_mapping
from tracker.imports.parsing import read_table


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"), ("+49 361", "'+49 361"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("Jürgen", "Jürgen"), ("", ""), (5, 5), (None, None),
    ],
)  # fmt: skip
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_has_bom_and_neutralised_cells():
    data = csv_bytes(["Name"], [['=HYPERLINK("x")'], ["Käthe"]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["Name", '"\'=HYPERLINK(""x"")"', "Käthe"]


def test_xlsx_cells_are_text_not_formulas():
    workbook = load_workbook(io.BytesIO(xlsx_bytes(["Name"], [["=1+1"], ["a\x01b"]])))
    cells = [c.value for c in workbook.active["A"]]
    assert cells == ["Name", "'=1+1", "ab"]
    assert workbook.active["A2"].data_type == "s"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_creates_nothing_new(client, login, delegation, fmt):
    run(german_list().rows, delegation)
    before = totals()
    login("staff")
    response = client.get(url_for("imports.export", delegation_id=delegation.id, fmt=fmt))
    assert response.status_code == 200
    assert f"members.{fmt}" in response.headers["Content-Disposition"]
    assert response.headers["Content-Type"] == (CSV_CONTENT_TYPE if fmt == "csv" else XLSX_MIMETYPE)
    table = read_table(response.data, f"members.{fmt}")
    assert len(table.rows) == 27
    record = import_members(table, guess_mapping(table.headers), delegation.id, None, file_name="x")
    db.session.commit()
    assert record.counts["people_created"] == 0
    assert record.counts["organisations_created"] == 0
    assert record.counts["members_added"] == 0
    assert record.counts["people_updated"] == 0
    assert totals() == {**before, "ImportRecord": before["ImportRecord"] + 1}


def test_round_trip_keeps_text_that_looks_like_a_formula(client, login, delegation):
    run([["Name", "Funktion", "Telefon"], ["Jan", "=CMD()", "+49 361"]], delegation)
    login("staff")
    response = client.get(url_for("imports.export", delegation_id=delegation.id, fmt="xlsx"))
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.active["D2"].value == "'=CMD()"
    table = read_table(response.data, "m.xlsx")
    assert table.rows[0][1][3:6] == ["=CMD()", "", "+49 361"]


def test_export_of_unknown_delegation_is_404(client, login):
    login("staff")
    assert client.get("/imports/delegation/999/members.csv").status_code == 404
    assert client.get("/imports/delegation/1/members.pdf").status_code == 404
