"""Reading member lists: encodings, delimiters, title rows, sheets, formulas, bad files."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from tests.imports.files import csv_file, german_list, xlsx
from tracker.imports.parsing import ImportFileError, read_table

ROWS = [["Name", "Firma", "E-Mail"], ["Jürgen Müller", "Jenaer Optronik GmbH", "jm@example.de"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings(encoding):
    table = read_table(csv_file(ROWS, encoding=encoding), "liste.csv")
    assert table.headers == ["Name", "Firma", "E-Mail"]
    assert table.rows == [(2, ["Jürgen Müller", "Jenaer Optronik GmbH", "jm@example.de"])]


def test_csv_utf16_with_bom_as_excel_unicode_text():
    table = read_table(csv_file(ROWS, delimiter="\t", encoding="utf-16"), "liste.txt")
    assert table.rows[0][1][0] == "Jürgen Müller"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters(delimiter):
    rows = [*ROWS, ["Käthe Weiß", "Glaswerk Ilmenau AG, Werk 2", ""]]
    table = read_table(csv_file(rows, delimiter=delimiter), "liste.csv")
    assert table.headers == ["Name", "Firma", "E-Mail"]
    assert table.rows[1][1] == ["Käthe Weiß", "Glaswerk Ilmenau AG, Werk 2", ""]


def test_csv_header_below_title_rows():
    rows = [["Teilnehmerliste Thüringen"], [], *ROWS]
    table = read_table(csv_file(rows), "liste.csv")
    assert table.header_row == 3
    assert table.rows[0][0] == 4


def test_xlsx_header_below_title_and_row_numbers_as_in_excel():
    table = read_table(xlsx(german_list().rows), "liste.xlsx")
    assert table.header_row == 3
    assert table.headers[1:4] == ["Vorname", "Nachname", "Firma"]
    assert table.rows[0] == (4, table.rows[0][1])
    assert len(table.rows) == 30


def test_xlsx_chosen_sheet():
    data = xlsx([["Notizen"]], sheet="Deckblatt", extra_sheets={"Teilnehmer": ROWS})
    table = read_table(data, "liste.xlsx", "teilnehmer")
    assert table.sheet == "Teilnehmer"
    assert table.sheets == ["Deckblatt", "Teilnehmer"]
    assert table.rows[0][1][0] == "Jürgen Müller"


def test_xlsx_unknown_sheet_names_the_sheets():
    with pytest.raises(ImportFileError, match=r"no sheet named “Gäste”\. Its sheets: Teilnehmer"):
        read_table(xlsx(ROWS), "liste.xlsx", "Gäste")


def test_xlsx_formulas_are_read_as_text_never_evaluated():
    workbook = Workbook()
    workbook.active.append(["Name", "Firma"])
    workbook.active.append(["=1+1", '=HYPERLINK("http://evil.example","x")'])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "liste.xlsx")
    assert table.rows[0][1] == ["=1+1", '=HYPERLINK("http://evil.example","x")']


def test_numbers_and_dates_become_plain_text():
    from datetime import datetime

    table = read_table(
        xlsx([["Name", "Telefon", "Notizen"], ["A", 4936411234.0, datetime(2026, 5, 12)]]), "l.xlsx"
    )
    assert table.rows[0][1] == ["A", "4936411234", "2026-05-12"]


def test_neutralised_cells_from_an_export_are_restored():
    table = read_table(csv_file([["Name", "Telefon"], ["A", "'+49 361 1"]]), "l.csv")
    assert table.rows[0][1] == ["A", "+49 361 1"]


def _zip_cut_short() -> bytes:
    return xlsx(ROWS)[:300]


def _not_a_workbook_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "liste.csv", "The file is empty."),
        (b"  \r\n ", "liste.csv", "The file is empty."),
        (b"Name;Firma", "liste.pdf", "Upload a CSV or Excel file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "liste.xls", "Old Excel files (.xls)"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 8, "liste.csv", "not a CSV text"),
        (_zip_cut_short(), "liste.xlsx", "The Excel file cannot be read"),
        (_not_a_workbook_zip(), "liste.xlsx", "The Excel file cannot be read"),
        (b"Name;Firma", "liste.xlsx", "The Excel file cannot be read"),
        (b"Teilnehmerliste Thueringen 2026\r\n", "liste.csv", "No header row found"),
        (b"Jan;Gera\r\nUte;Jena\r\n", "liste.csv", "No header row found"),
        (b"Name;Firma\r\n", "liste.csv", "no rows below the header"),
        (b'Name;Firma\r\n"a' + b"x" * 200_000 + b"\r\n", "liste.csv", "cannot be read as CSV"),
    ],
)
def test_unreadable_files_get_a_clear_message(data, name, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_table(data, name)


def test_row_limit():
    rows = [["Name"], *([f"Person {i}"] for i in range(11))]
    assert len(read_table(csv_file(rows), "l.csv", max_rows=11).rows) == 11
    with pytest.raises(ImportFileError, match="more than 10 rows"):
        read_table(csv_file(rows), "l.csv", max_rows=10)


def test_nul_bytes_and_control_characters_are_dropped():
    table = read_table(b"Name;Firma\r\nJ\x00an;G\x07era\r\n", "l.csv")
    assert table.rows[0][1] == ["Jan", "Gera"]


def test_an_xlsx_renamed_csv_is_read_as_xlsx():
    assert read_table(xlsx(ROWS), "liste.csv").rows[0][1][0] == "Jürgen Müller"
