"""Reading exports back: CSV and XLSX responses as lists of rows."""

import csv
import io

from openpyxl import load_workbook

BOM = b"\xef\xbb\xbf"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def read_rows(response, fmt: str) -> list[list]:
    """The exported rows, header first; CSV cells as text, XLSX cells as stored."""
    if fmt == "csv":
        return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def formula_cells(response) -> list[str]:
    """Coordinates of XLSX cells a spreadsheet would run as formulas."""
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    return [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def column(rows: list[list], header: str) -> list:
    """The values under header (header row excluded)."""
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]
