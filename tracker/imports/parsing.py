"""Reading a member list (CSV or XLSX) into a header and rows of text; nothing is evaluated."""

import codecs
import csv
import io
import itertools
import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath
from typing import Any

from flask_babel import lazy_gettext as _l

from tracker.exports import restore
from tracker.imports.archive import UNREADABLE_XLSX, ImportFileError, check_xlsx
from tracker.imports.fields import header_score

log = logging.getLogger(__name__)

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
ACCEPTED = ", ".join((*CSV_SUFFIXES, *XLSX_SUFFIXES))
HEADER_SCAN = 20  # the header row is looked for among the first rows (title rows above it)
MAX_COLUMNS = 60
MAX_CELL = 5000
DELIMITERS = ",;\t"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Table:
    """A sheet's header and the data rows below it, as (row number in the file, cells)."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    header_row: int = 1
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)


def file_kind(filename: str, data: bytes) -> str:
    """ "csv" or "xlsx", judged by the content where it is clear, else by the name."""
    suffix = PurePath(filename or "").suffix.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _l("Old Excel files (.xls) cannot be read. Save the list as .xlsx or CSV.")
        )
    if suffix in XLSX_SUFFIXES or (suffix in CSV_SUFFIXES and data.startswith(b"PK\x03\x04")):
        return "xlsx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise ImportFileError(_l("Upload a CSV or Excel file (%(accepted)s).", accepted=ACCEPTED))


def read_table(
    data: bytes, filename: str, sheet: str | None = None, *, max_rows: int = 2000
) -> Table:
    """The member list in data; raises ImportFileError with a message saying what is wrong."""
    if not data or not data.strip():
        raise ImportFileError(_l("The file is empty."))
    if file_kind(filename, data) == "xlsx":
        rows, sheet, sheets = _xlsx_rows(data, sheet, max_rows)
    else:
        rows, sheets = _csv_rows(data, max_rows), []
        sheet = None
    header_index = _find_header(rows)
    headers = _trim(rows[header_index])
    body = [(number, _fit(cells, len(headers))) for number, cells in _numbered(rows, header_index)]
    if len(body) > max_rows:
        raise ImportFileError(
            _l("The list has more than %(max)d rows. Split it into smaller files.", max=max_rows)
        )
    if not any(any(cells) for _number, cells in body):
        raise ImportFileError(_l("There are no rows below the header row."))
    return Table(headers, body, header_index + 1, sheet, sheets)


def _numbered(rows: list[list[str]], header_index: int):
    for index in range(header_index + 1, len(rows)):
        yield index + 1, rows[index]


def _find_header(rows: list[list[str]]) -> int:
    """The index of the row naming the most known fields among the first rows."""
    scores = [header_score(cells) for cells in rows[:HEADER_SCAN]]
    if not scores or max(scores) == 0:
        raise ImportFileError(
            _l(
                "No header row found. The first rows must name the columns, "
                "e.g. Name, Organisation, E-Mail (or 姓名, 单位, 邮箱)."
            )
        )
    return scores.index(max(scores))


def _trim(headers: list[str]) -> list[str]:
    """Headers without the empty columns at the right."""
    headers = [" ".join(h.split())[:100] for h in headers[:MAX_COLUMNS]]
    while headers and not headers[-1]:
        headers.pop()
    return headers


def _fit(cells: list[str], width: int) -> list[str]:
    return (cells + [""] * width)[:width]


def clean(value: Any) -> str:
    """A cell as text: formulas stay text, numbers lose a spurious .0, control bytes go."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    elif isinstance(value, date | time):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value
    else:  # array formulas and other objects: their text, never their result
        text = str(getattr(value, "text", None) or value)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return restore(text[:MAX_CELL])


# --- CSV ---------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 (Excel)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # cp1252 leaves five bytes undefined


def _looks_binary(text: str) -> bool:
    """A program or image renamed .csv: many NUL and other control characters."""
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    return sample.count("\x00") > 16 or controls > max(8, len(sample) // 50)


def sniff_delimiter(text: str) -> str:
    """The delimiter: csv.Sniffer over the first lines, else the one most frequent in them."""
    # Only the first lines: splitting a whole 5 MB file of short lines costs 100 MB.
    head = itertools.islice(io.StringIO(text, newline=None), HEADER_SCAN)
    lines = [line.rstrip("\n") for line in head if line.strip()]
    sample = "\n".join(lines)
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sum(line.count(d) for line in lines) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _parse(text: str, delimiter: str, limit: int) -> list[list[str]]:
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            rows.append([clean(c) for c in cells[:MAX_COLUMNS]])
            if len(rows) > limit:
                break
    except csv.Error as error:
        raise ImportFileError(
            _l("Line %(line)d of the file cannot be read as CSV.", line=reader.line_num)
        ) from error
    return rows


def _csv_rows(data: bytes, max_rows: int) -> list[list[str]]:
    text = decode(data)
    if _looks_binary(text):
        raise ImportFileError(
            _l("This is not a CSV text file. Upload the list as CSV or Excel (.xlsx).")
        )
    text = text.replace("\x00", "")
    limit = max_rows + HEADER_SCAN + 1
    first = sniff_delimiter(text)
    best: list[list[str]] = []
    best_score = -1
    # A wrong guess shows as a header naming nothing; the other delimiters get a chance then.
    for delimiter in (first, *(d for d in DELIMITERS if d != first)):
        rows = _parse(text, delimiter, limit)
        score = max((header_score(r) for r in rows[:HEADER_SCAN]), default=0)
        if score > best_score:
            best, best_score = rows, score
        if score >= 2:
            break
    return best


# --- XLSX --------------------------------------------------------------------------------------


def _xlsx_rows(
    data: bytes, sheet: str | None, max_rows: int
) -> tuple[list[list[str]], str, list[str]]:
    # Imported for XLSX files only: openpyxl costs every worker 5 MB.
    from openpyxl import load_workbook

    check_xlsx(data)  # sizes, ratios and DTDs, before openpyxl parses anything
    limit = max_rows + HEADER_SCAN + 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # data_only=False: a formula is read as its text and never evaluated.
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                sheets = list(workbook.sheetnames)
                name = _pick_sheet(sheets, sheet)
                worksheet = workbook[name]
                worksheet.reset_dimensions()  # a bogus <dimension> must not pad every row
                rows = []
                for cells in worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                    rows.append([clean(c) for c in cells])
                    if len(rows) > limit:
                        break
            finally:
                workbook.close()
    except ImportFileError:
        raise
    except Exception as error:  # a damaged zip or XML fails in many ways, all meaning the same
        log.info("unreadable XLSX: %r", error)
        raise ImportFileError(UNREADABLE_XLSX) from error
    width = max((len(r) for r in rows), default=0)
    return [_fit(r, width) for r in rows], name, sheets


def _pick_sheet(sheets: list[str], wanted: str | None) -> str:
    """The sheet asked for (case and spacing ignored), else the first one."""
    if not sheets:
        raise ImportFileError(_l("The workbook has no sheets."))
    if not wanted or not wanted.strip():
        return sheets[0]
    for name in sheets:
        if name.strip().casefold() == wanted.strip().casefold():
            return name
    raise ImportFileError(
        _l(
            "The workbook has no sheet named “%(name)s”. Its sheets: %(sheets)s.",
            name=wanted,
            sheets=", ".join(sheets),
        )
    )
