"""Cursor (keyset) pagination: each page continues after the last row of the one before, by
the sort column and the id, so pages never repeat or skip a row when rows are added, and the
database reads an index range instead of counting past an offset."""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from flask import request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, Select, and_, or_

from tracker.api.conventions import refuse
from tracker.extensions import db

BAD_CURSOR = _l("Not a cursor of this list: use the next link as it was given.")


@dataclass(frozen=True)
class Page:
    """The items of one page, and the cursor of the next (None on the last page)."""

    items: list
    next_cursor: str | None


def keyset_page(
    stmt: Select, sorts: dict[str, ColumnElement], sort: str, id_column: ColumnElement,
    cursor: str | None, limit: int, *, scalars: bool = True,
) -> Page:  # fmt: skip
    """One page of stmt ordered by sort ("name" or "-name", a key of sorts, whose columns are
    never NULL) and then id, after the cursor's row."""
    key, descending = sort.removeprefix("-"), sort.startswith("-")
    column = sorts[key]
    ordered = stmt.order_by(None).order_by(
        *((column.desc(), id_column.desc()) if descending else (column.asc(), id_column.asc()))
    )
    if cursor:
        value, last_id = _decode(cursor, sort, column)
        after = (column < value) if descending else (column > value)
        beyond = (id_column < last_id) if descending else (id_column > last_id)
        ordered = ordered.where(or_(after, and_(column == value, beyond)))
    result = db.session.execute(ordered.limit(limit + 1))
    rows = list(result.scalars() if scalars else result.all())
    if len(rows) <= limit:
        return Page(rows, None)
    last = rows[limit - 1]
    return Page(rows[:limit], _encode(sort, getattr(last, column.key), last.id))


def _encode(sort: str, value, last_id: int) -> str:
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, date | datetime):
        value = value.isoformat()
    text = json.dumps([sort, value, last_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(cursor: str, sort: str, column: ColumnElement) -> tuple:
    """The cursor's sort value and id; a cursor of another sort, or garbage, is a 422."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        cursor_sort, value, last_id = json.loads(base64.urlsafe_b64decode(padded))
        python_type = column.type.python_type
        if python_type in (date, datetime):
            value = python_type.fromisoformat(value)
        elif not isinstance(value, python_type):
            value = python_type(value)
        if cursor_sort != sort or not isinstance(last_id, int):
            raise ValueError(cursor_sort)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        refuse({"cursor": [str(BAD_CURSOR)]})
    return value, last_id


def next_link(page: Page) -> str | None:
    """The URL of the next page: this request's URL with the next cursor."""
    if page.next_cursor is None:
        return None
    args = {**request.args.to_dict(), "cursor": page.next_cursor}
    return url_for(request.endpoint, **(request.view_args or {}), **args, _external=True)


def page_body(page: Page) -> tuple[dict, dict]:
    """The list's body ({items, next}) and headers (Link: <next>; rel="next")."""
    link = next_link(page)
    headers = {"Link": f'<{link}>; rel="next"'} if link else {}
    return {"items": page.items, "next": link}, headers
