"""Pagination over whole rows (a record plus figures computed in the same query)."""

from flask import current_app
from flask_sqlalchemy.pagination import SelectPagination
from sqlalchemy import Select

from tracker.extensions import db


class RowPagination(SelectPagination):
    """Like db.paginate, but each item is a row; db.paginate keeps only its first column."""

    def _query_items(self) -> list:
        stmt = self._query_args["select"].limit(self.per_page).offset(self._query_offset)
        return list(self._query_args["session"].execute(stmt))


def paginate_rows(stmt: Select) -> RowPagination:
    """The requested page (from ?page=) of stmt's rows; a page out of range is empty, not 404."""
    return RowPagination(
        select=stmt,
        session=db.session(),
        per_page=current_app.config["PER_PAGE"],
        max_per_page=None,
        error_out=False,
        count=True,
    )
