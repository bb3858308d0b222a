"""An XLSX file checked as a zip archive before any of its XML is parsed.

A workbook is a zip of XML parts. A small upload can unpack to gigabytes (a "zip bomb"), and
its XML can declare entities that expand without end or read files of the server. Everything
here reads the archive's directory, or streams the parts in small chunks, so the check itself
costs at most MAX_UNPACKED bytes of decompression and almost no memory.

Python's zipfile never returns more than a part's declared size (a part that holds more fails
its CRC check), so the declared sizes bound what openpyxl can read afterwards too.
"""

import io
import re
import zipfile
from typing import IO

from flask_babel import lazy_gettext as _l

UNREADABLE_XLSX = _l(
    "The Excel file cannot be read; it may be damaged or not really an .xlsx file. "
    "Open it in Excel and save it again, or save it as CSV."
)


class ImportFileError(ValueError):
    """The file cannot be read as a member list; str() is a message for the user."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


# A member list of IMPORT_MAX_ROWS rows by 60 columns unpacks to a few MB; ordinary workbooks
# compress 5 to 25 times. Apache POI's ZipSecureFile uses the same ratio and grace size.
MAX_UNPACKED = 20 * 2**20
MAX_PARTS = 1000
MAX_RATIO = 100
RATIO_GRACE = 100 * 1024  # small parts may compress well: their size is harmless
CHUNK = 2**20
# Excel never writes a DTD; without one no entity can be declared. UTF-16 is XML's other
# encoding that the parser detects by itself, so its spelling of the keywords is looked for too.
_DTD = re.compile(
    b"|".join(
        re.escape(keyword.encode(encoding))
        for keyword in ("<!DOCTYPE", "<!ENTITY")
        for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    )
)
_TOO_MANY_PARTS = _l(
    "The Excel file has more than %(max)d parts; a member list has far fewer. Open it in Excel "
    "and save it again, or save it as CSV.",
    max=MAX_PARTS,
)
_OVERLAP = max(len(k.encode("utf-16-le")) for k in ("<!DOCTYPE", "<!ENTITY"))


def check_xlsx(data: bytes) -> None:
    """Refuse a workbook that would unpack too large, too many parts or with a DTD."""
    # Each directory entry starts with this signature; counting them first spares building
    # the list of a crafted directory of 100,000 entries.
    if data.count(b"PK\x01\x02") > MAX_PARTS:
        raise ImportFileError(_TOO_MANY_PARTS)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            _check_sizes(parts)
            for part in parts:
                with archive.open(part) as stream:
                    if _has_dtd(stream):
                        raise ImportFileError(
                            _l(
                                "The Excel file contains a document type declaration "
                                "(DOCTYPE), which Excel never writes, so it is not read. Open "
                                "it in Excel and save it again, or save it as CSV."
                            )
                        )
    except ImportFileError:
        raise
    except Exception as error:  # damaged or encrypted archives fail in many ways, all alike
        raise ImportFileError(UNREADABLE_XLSX) from error


def _check_sizes(parts: list[zipfile.ZipInfo]) -> None:
    """Refuse by the directory alone: too many parts, too tightly packed, too large unpacked."""
    if len(parts) > MAX_PARTS:
        raise ImportFileError(_TOO_MANY_PARTS)
    unpacked = sum(part.file_size for part in parts)
    packed = sum(part.compress_size for part in parts)
    sizes = [(p.file_size, p.compress_size) for p in parts] + [(unpacked, packed)]
    if any(size > RATIO_GRACE and size > MAX_RATIO * max(stored, 1) for size, stored in sizes):
        raise ImportFileError(
            _l(
                "The Excel file unpacks to far more than its size, as a “zip bomb” does, so it "
                "is not read. Open it in Excel and save it again, or save it as CSV."
            )
        )
    if unpacked > MAX_UNPACKED:
        raise ImportFileError(
            _l(
                "The Excel file would unpack to %(size)s MB; at most %(max)s MB are read. Save "
                "the member list on its own in a new file, or as CSV.",
                size=round(unpacked / 2**20, 1),
                max=round(MAX_UNPACKED / 2**20, 1),
            )
        )


def _has_dtd(stream: IO[bytes]) -> bool:
    """Whether a part declares a DTD anywhere, read in chunks that overlap by a keyword."""
    tail = b""
    while chunk := stream.read(CHUNK):
        if _DTD.search(tail + chunk):
            return True
        tail = chunk[-_OVERLAP:]
    return False
