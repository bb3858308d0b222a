"""Spreadsheet downloads shared by the features: CSV and XLSX, with formulas neutralised."""

import csv
import enum
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from flask import Response, current_app, send_file, stream_with_context
from flask_babel import gettext as _

from tracker.extensions import db
from tracker.i18n import local_today

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
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(_xml_safe(title).translate(SHEET_TITLE_FORBIDDEN)[:31])
        for row in (header, *rows):
            # Control characters are not allowed in the XML of a sheet.
            sheet.append([_xml_safe(value) for value in _cells(row)])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    if not workbook.worksheets:
        workbook.create_sheet("Sheet1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
    """A value as a spreadsheet shows it: enums as labels, dates ISO, money as numbers."""
    if isinstance(value, enum.Enum):
        return getattr(value, "label", value.value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | float | Decimal) or value is None:
        return value
    return str(value)


def local_time(value: datetime | None) -> datetime | None:
    """A stored naive UTC time as the commission's wall-clock time (naive, for spreadsheets)."""
    if value is None:
        return None
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return value.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def stream_rows(stmt, scalars: bool = True) -> Iterator[Any]:
    """The statement's rows (or first entities), fetched YIELD_PER at a time when iterated."""
    result = db.session.execute(stmt.execution_options(yield_per=YIELD_PER))
    with result:
        yield from result.scalars() if scalars else result


def _table(columns: Sequence[Column], items: Iterable[Any]) -> Iterator[list[Any]]:
    yield [str(c.header) for c in columns]
    for item in items:
        yield [cell(c.value(item)) for c in columns]


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
    """A write-only XLSX workbook (first row in bold) in a spooled temporary file, at its start."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    rows, header = iter(rows), []
    for value in _cells(next(rows, [])):
        header.append(WriteOnlyCell(sheet, _xml_safe(value)))
        header[-1].font = Font(bold=True)
    sheet.append(header)
    for row in rows:
        sheet.append([_xml_safe(value) for value in _cells(row)])
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
        spool = xlsx_file(_table(columns, items), title=name)
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
