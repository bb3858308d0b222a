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
    return _paginate(RowPagination, stmt)


class IdsFirstPagination(SelectPagination):
    """Like db.paginate, but a deep page costs little more than the first: the page's ids come
    from a narrow query that an index on the sort columns answers alone, and only those rows
    are then loaded in full (with their joins and computed columns) in the same statement."""

    whole_rows = False  # True: each item is a row (the record plus figures), as RowPagination

    def _query_items(self) -> list:
        stmt = self._query_args["select"]
        model = stmt.column_descriptions[0]["entity"]
        page_ids = (
            stmt.with_only_columns(model.id)  # same FROM, filters and order; no eager loads
            .limit(self.per_page)
            .offset(self._query_offset)
            .subquery()
        )
        # A join, not IN: the planner then starts from the page's few ids, not the whole index.
        stmt = stmt.join(page_ids, model.id == page_ids.c.id)
        if self.whole_rows:
            return list(self._query_args["session"].execute(stmt))
        return list(self._query_args["session"].scalars(stmt).unique())


class RowIdsFirstPagination(IdsFirstPagination):
    """IdsFirstPagination whose items are rows: the record and the figures computed with it,
    computed only for the page's rows."""

    whole_rows = True


def paginate_ids_first(stmt: Select, rows: bool = False) -> IdsFirstPagination:
    """The requested page (from ?page=) of stmt, a select of one model (first) ordered by its
    own columns, with rows=True a select of the model and figures; a page out of range is
    empty, not 404."""
    return _paginate(RowIdsFirstPagination if rows else IdsFirstPagination, stmt)


def _paginate(kind: type[SelectPagination], stmt: Select) -> SelectPagination:
    """kind over stmt with the configured page size, the page taken from ?page=."""
    return kind(
        select=stmt,
        session=db.session(),
        per_page=current_app.config["PER_PAGE"],
        max_per_page=None,
        error_out=False,
        count=True,
    )
