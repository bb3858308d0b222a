"""Spreadsheet downloads shared by the features: CSV and XLSX, with formulas neutralised."""

import csv
import enum
import io
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from flask import Response, send_file, stream_with_context
from flask_babel import gettext as _

from tracker.extensions import db
from tracker.i18n import commission_zone, local_today

# A cell starting with one of these is run as a formula by Excel or LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would evaluate, prefixed with an apostrophe; other values as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo neutralise() on text read back from an export (the import reads exports)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _cells(row: Iterable[Any]) -> list[Any]:
    return [neutralise("" if value is None else value) for value in row]


def _xml_safe(value: Any) -> Any:
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 CSV with a byte order mark, so Excel shows umlauts and Chinese correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_cells(header))
    writer.writerows(_cells(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(
    header: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "Sheet1"
) -> bytes:
    """An XLSX workbook with one sheet; every text cell is stored as text, never as a formula."""
    return xlsx_workbook_bytes([(title, header, rows)])


# Characters Excel refuses in a sheet's name.
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def xlsx_workbook_bytes(
    sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
) -> bytes:
    """An XLSX workbook with one sheet per (title, header, rows), cells as in xlsx_bytes."""
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        write_sheet(workbook, title, chain([header], rows))
    if not workbook.worksheets:
        workbook.create_sheet("Sheet1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# How XLSX cells show dates, times and amounts (Excel's number formats; the cells hold real
# dates and numbers, so that they sort, filter and add up).
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
AMOUNT_FORMAT = "#,##0.00"
# Columns are as wide as their header and the first rows need: a sheet is written as its rows
# come, so only a sample is read ahead (and kept in memory) to measure them.
WIDTH_SAMPLE = 200
MIN_WIDTH, MAX_WIDTH = 8, 50


def write_sheet(workbook, title: str, rows: Iterable[Sequence[Any]]) -> None:
    """Add a sheet of rows to a write-only workbook: the first row a bold header, frozen and
    filterable; dates, times and amounts formatted, text neutralised (see xlsx_bytes)."""
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(_xml_safe(title).translate(SHEET_TITLE_FORBIDDEN)[:31])
    rows = iter(rows)
    header = list(next(rows, []))
    sample = list(islice(rows, WIDTH_SAMPLE))
    for index, width in enumerate(_widths(header, sample), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(_header_cells(sheet, header))
    count = 1
    for row in chain(sample, rows):
        sheet.append(_typed_cells(sheet, row))
        count += 1
    if header:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count}"


def _header_cells(sheet, header: Sequence[Any]) -> list:
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cells = []
    for value in _cells(header):
        cells.append(WriteOnlyCell(sheet, _xml_safe(value)))
        cells[-1].font = Font(bold=True)
    return cells


def _typed_cells(sheet, row: Sequence[Any]) -> list:
    """A row's cells: text neutralised and stripped of control characters (not allowed in a
    sheet's XML), dates, times and amounts with their number format."""
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in map(neutralise, row):  # an empty value stays an empty cell
        if isinstance(value, datetime | date | Decimal):
            cell = WriteOnlyCell(sheet, value)
            cell.number_format = (
                DATETIME_FORMAT if isinstance(value, datetime)
                else DATE_FORMAT if isinstance(value, date) else AMOUNT_FORMAT
            )  # fmt: skip
            cells.append(cell)
        else:
            cells.append(_xml_safe(value))
    return cells


def _widths(header: Sequence[Any], sample: Sequence[Sequence[Any]]) -> list[float]:
    """Each column's width in characters: its widest cell among the header and the sample."""
    widths = [_shown_width(value) + 2 for value in header]  # the bold header and the filter
    for row in sample:
        for index, value in enumerate(row):
            if index < len(widths):
                widths[index] = max(widths[index], _shown_width(value))
    return [min(max(width + 1, MIN_WIDTH), MAX_WIDTH) for width in widths]


def _shown_width(value: Any) -> int:
    """About how many character widths a cell shows (Chinese characters count twice)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(DATETIME_FORMAT)
    if isinstance(value, date):
        return len(DATE_FORMAT)
    if isinstance(value, Decimal | float):
        return len(f"{value:,.2f}")
    text = str(value)
    longest = max(text.splitlines() or [""], key=len)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in longest)


def download(data: bytes, filename: str) -> Response:
    """A response that saves data as filename (.csv or .xlsx)."""
    # content_type, not mimetype: Werkzeug appends a second charset to a mimetype that has one.
    kind = XLSX_MIMETYPE if filename.endswith(".xlsx") else CSV_CONTENT_TYPE
    response = Response(data, content_type=kind)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


# Streaming exports of whole lists: rows are read in batches and written as they come. Small
# batches keep the peak low (100k needs: 107 MB at 500 a batch on PostgreSQL, 99 MB at 100).
YIELD_PER = 100
# Below this size an XLSX file stays in memory; above it, it moves to a temporary file.
SPOOL_BYTES = 4 * 1024 * 1024
CSV_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Column:
    """One column of an export: its (translatable) header and how to read a row's value."""

    header: Any
    value: Callable[[Any], Any]


def cell(value: Any) -> Any:
    """A value as a CSV file shows it: enums as labels, dates ISO, money as numbers."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return xlsx_cell(value)


def xlsx_cell(value: Any) -> Any:
    """A value as an XLSX cell holds it: enums as labels, dates as dates, money as numbers."""
    if isinstance(value, enum.Enum):
        return getattr(value, "label", value.value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | float | Decimal | date) or value is None:
        return value
    return str(value)


def local_time(value: datetime | None) -> datetime | None:
    """A stored naive UTC time as the commission's wall-clock time (naive, for spreadsheets)."""
    if value is None:
        return None
    zone = commission_zone()
    return value.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def stream_rows(stmt, scalars: bool = True) -> Iterator[Any]:
    """The statement's rows (or first entities), fetched YIELD_PER at a time when iterated.

    Its first row is read here, in the view: a query that fails is then an error page, not a
    download cut short after its first bytes (once the body streams, the status is sent). The
    rows themselves are read while the body streams, in the session of the context that
    stream_with_context pushes again: the view's session is closed when the view returns."""
    db.session.execute(stmt.limit(1)).all()
    return _fetch(stmt, scalars)


def _fetch(stmt, scalars: bool) -> Iterator[Any]:
    with db.session.execute(stmt.execution_options(yield_per=YIELD_PER)) as result:
        yield from result.scalars() if scalars else result


def _table(
    columns: Sequence[Column], items: Iterable[Any], convert: Callable[[Any], Any] = cell
) -> Iterator[list[Any]]:
    yield [str(c.header) for c in columns]
    for item in items:
        yield [convert(c.value(item)) for c in columns]


def iter_csv(rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """CSV bytes in chunks, starting with the byte order mark, cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    yield "\ufeff".encode()
    for row in rows:
        writer.writerow(_cells(row))
        if buffer.tell() > CSV_CHUNK:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def xlsx_file(rows: Iterable[Sequence[Any]], title: str = "Sheet1"):
    """A write-only XLSX workbook of one sheet (write_sheet) in a spooled temporary file, at
    its start."""
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    write_sheet(workbook, title, rows)
    # The response closes the file once it is sent, so no context manager here.
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    try:
        workbook.save(spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def send_table(fmt: str, name: str, columns: Sequence[Column], items: Iterable[Any]) -> Response:
    """Stream items as name-<today>.csv or .xlsx, one row per item, a header row first."""
    filename = f"{name}-{local_today().isoformat()}.{fmt}"
    if fmt == "xlsx":
        spool = xlsx_file(_table(columns, items, xlsx_cell), title=name)
        size = spool.seek(0, io.SEEK_END)
        spool.seek(0)
        response = send_file(
            spool, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=filename
        )
        response.content_length = size
        return response
    body = stream_with_context(iter_csv(_table(columns, items)))
    response = Response(body, content_type=CSV_CONTENT_TYPE)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response
