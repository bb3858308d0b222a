"""Pages of lists: the page number from ?page= bounded (tracker.numbers), pagination over
whole rows (a record plus figures computed in the same query), and the sort a list is asked for."""

from collections.abc import Mapping

from flask import current_app, request
from flask_sqlalchemy.pagination import SelectPagination
from sqlalchemy import ColumnElement, Select, UnaryExpression
from sqlalchemy.sql import operators

from tracker.extensions import db
from tracker.numbers import parse_page


class RowPagination(SelectPagination):
    """Like db.paginate, but each item is a row; db.paginate keeps only its first column."""

    def _query_items(self) -> list:
        stmt = self._query_args["select"].limit(self.per_page).offset(self._query_offset)
        return list(self._query_args["session"].execute(stmt))


def paginate(stmt: Select) -> SelectPagination:
    """db.paginate over stmt's first column: the requested page (from ?page=) at the
    configured size; a page out of range is empty, not 404."""
    return _paginate(SelectPagination, stmt)


def paginate_rows(stmt: Select) -> RowPagination:
    """The requested page (from ?page=) of stmt's rows; a page out of range is empty, not 404."""
    return _paginate(RowPagination, stmt)


class IdsFirstPagination(SelectPagination):
    """Like db.paginate, but a deep page costs little more than the first: the page's ids come
    from a narrow query that an index on the sort columns answers alone, and only those rows
    are then loaded in full (with their joins and computed columns) in the same statement.
    A page past the middle is read from the end, in the reverse order, so that the last page
    skips as few index entries as the first."""

    whole_rows = False  # True: each item is a row (the record plus figures), as RowPagination

    def _query_count(self) -> int:
        if not hasattr(self, "_total"):
            self._total = super()._query_count()
        return self._total

    def _query_items(self) -> list:
        stmt = self._query_args["select"]
        model = stmt.column_descriptions[0]["entity"]
        ids = stmt.with_only_columns(model.id)  # same FROM, filters and order; no eager loads
        offset, limit = self._query_offset, self.per_page
        total = self._query_count()
        # Past the end stays a plain (empty) read: a page runs the same queries at any size.
        past_the_middle = total / 2 < offset < total
        backwards = _reversed_order(stmt) if past_the_middle else None
        if backwards is not None:
            end = min(offset + limit, total)
            offset, limit = total - end, end - offset
            ids = ids.order_by(None).order_by(*backwards)
        page_ids = ids.limit(limit).offset(offset).subquery()
        # A join, not IN: the planner then starts from the page's few ids, not the whole index.
        stmt = stmt.join(page_ids, model.id == page_ids.c.id)
        if self.whole_rows:
            return list(self._query_args["session"].execute(stmt))
        return list(self._query_args["session"].scalars(stmt).unique())


def _reversed_order(stmt: Select) -> list | None:
    """stmt's ORDER BY with every direction turned round (the exact reverse on SQLite and
    PostgreSQL, whose NULLs sort first one way and last the other), or None when a term is
    not a plain column with asc() or desc() (a NULLS LAST, say)."""
    terms = []
    for term in stmt._order_by_clauses:  # no public accessor; read-only use
        if isinstance(term, UnaryExpression) and term.modifier is operators.desc_op:
            terms.append(term.element.asc())
        elif isinstance(term, UnaryExpression) and term.modifier is operators.asc_op:
            terms.append(term.element.desc())
        elif isinstance(term, ColumnElement) and not isinstance(term, UnaryExpression):
            terms.append(term.desc())
        else:
            return None
    return terms or None


class RowIdsFirstPagination(IdsFirstPagination):
    """IdsFirstPagination whose items are rows: the record and the figures computed with it,
    computed only for the page's rows."""

    whole_rows = True


def paginate_ids_first(stmt: Select, rows: bool = False) -> IdsFirstPagination:
    """The requested page (from ?page=) of stmt, a select of one model (first) ordered by its
    own columns, with rows=True a select of the model and figures; a page out of range is
    empty, not 404."""
    return _paginate(RowIdsFirstPagination if rows else IdsFirstPagination, stmt)


def _paginate(kind: type[SelectPagination], stmt: Select, **options) -> SelectPagination:
    """kind over stmt with the configured page size, the page taken from ?page=."""
    return kind(
        select=stmt,
        session=db.session(),
        # Flask-SQLAlchemy's own reading takes any int(): a page no OFFSET holds is a 500.
        page=parse_page(request.args.get("page")),
        per_page=current_app.config["PER_PAGE"],
        max_per_page=None,
        error_out=False,
        count=True,
        **options,
    )


def allowed_sort(sort: str, sorts: Mapping[str, ColumnElement], default: str) -> str:
    """sort when it names one of a list's sort keys ("-" first: descending), else default."""
    return sort if sort.removeprefix("-") in sorts else default


def sort_term(sort: str, sorts: Mapping[str, ColumnElement], default: str) -> UnaryExpression:
    """The ORDER BY term for a list's sort key ("-" first: descending); an unknown key sorts
    as default does."""
    sort = allowed_sort(sort, sorts, default)
    column = sorts[sort.removeprefix("-")]
    return column.desc() if sort.startswith("-") else column.asc()
