"""Hostile workbooks, built in the tests (never committed): zip bombs, DTDs, lying sizes."""

import io
import struct
import zipfile
from pathlib import Path

from tests.imports.files import xlsx

SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = b"</sheetData></worksheet>"
# The same row again and again: openpyxl walks every one without yielding it, keeping each
# cleared element in its tree, which is what cost 51 s and 1.1 GB for 200 MB.
REPEATED_ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'
BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="{encoding}"?>\n'
    '<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
    "</sheetData></worksheet>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&secret;</t></si></sst>'
)


def replaced(parts: dict[str, bytes], base: bytes | None = None) -> bytes:
    """A small valid workbook (Name / Jan) with some parts replaced or added."""
    base = base or xlsx([["Name", "Firma"], ["Jan", "Glaswerk"]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item, source.read(item), zipfile.ZIP_DEFLATED)
        for name, data in parts.items():
            target.writestr(name, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def bomb(path: Path, unpacked: int = 200 * 2**20) -> Path:
    """A workbook whose sheet unpacks to about `unpacked` bytes of repeated rows (~0.7 MB)."""
    chunk = REPEATED_ROW * 16384
    base = xlsx([["Name"], ["Jan"]])
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            if item.filename != SHEET:
                target.writestr(item, source.read(item), zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo(SHEET)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START)
            for _ in range(unpacked // len(chunk)):
                sheet.write(chunk)
            sheet.write(SHEET_END)
    return path


def understated(unpacked: int = 30 * 2**20) -> bytes:
    """A workbook whose directory says its big sheet unpacks to 1 KB."""
    body = SHEET_START + REPEATED_ROW * (unpacked // len(REPEATED_ROW)) + SHEET_END
    data = bytearray(replaced({SHEET: body}))
    name = SHEET.encode()
    entry = data.find(b"PK\x01\x02")  # the central directory's entries
    while entry != -1:
        name_length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46 : entry + 46 + name_length] == name:
            struct.pack_into("<I", data, entry + 24, 1024)  # uncompressed size
        entry = data.find(b"PK\x01\x02", entry + 4)
    return bytes(data)
