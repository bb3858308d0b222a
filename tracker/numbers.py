"""Ids and page numbers from user input (query strings, forms, URLs), bounded so that no
database overflows on them: one parser for every whole number a request names."""

from flask import abort

# PostgreSQL's INTEGER, the type of every id column; SQLite's 64-bit integers hold it too.
ID_MAX = 2**31 - 1
# Far past any list's last page (a million follow-ups make 40,000 pages of 25), and small
# enough that page times page size stays a modest OFFSET on every database.
PAGE_MAX = 1_000_000


def _whole(value, high: int) -> int | None:
    """A whole number 1..high from user input, or None: ASCII digits only ("²" and "٣" are
    digits to Python, " 7", "+7" and "7_0" are numbers to int()), no sign, nothing bigger."""
    text = "" if value is None else str(value)
    # Length first: int() of thousands of digits is slow, and past 4,300 a ValueError.
    if not text or len(text) > len(str(high)) or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 1 <= number <= high else None


def parse_id(value) -> int | None:
    """A database id (1..ID_MAX) from user input, or None."""
    return _whole(value, ID_MAX)


def parse_page(value) -> int:
    """A list's page number (1..PAGE_MAX) from user input; anything else is the first page."""
    return _whole(value, PAGE_MAX) or 1


def refuse_ids_out_of_range(_endpoint: str | None, values: dict | None) -> None:
    """404 for a URL whose number no id can be (0, or past ID_MAX): Werkzeug's int converter
    takes any length of digits, and the lookup would overflow the database (a 500)."""
    if values and any(isinstance(v, int) and parse_id(v) is None for v in values.values()):
        abort(404)
