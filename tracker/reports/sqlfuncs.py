"""Portable SQL for the report queries: one spelling per database, chosen when compiling."""

from sqlalchemy import Float, Integer, String, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class year_month(FunctionElement):
    """'YYYY-MM' of a UTC timestamp shifted by minutes (the local month of a naive UTC value)."""

    type = String()
    name = "year_month"
    inherit_cache = True

    def __init__(self, column, minutes: int = 0):
        # The offset is a literal so that it takes part in the statement cache key.
        super().__init__(column, literal_column(str(int(minutes)), Integer))


def _offset(element) -> int:
    return int(element.clauses.clauses[1].name)


@compiles(year_month)
def _year_month_sqlite(element, compiler, **kw):
    column = compiler.process(element.clauses.clauses[0], **kw)
    return f"strftime('%Y-%m', {column}, '{_offset(element):+d} minutes')"


@compiles(year_month, "postgresql")
def _year_month_postgresql(element, compiler, **kw):
    column = compiler.process(element.clauses.clauses[0], **kw)
    return f"to_char({column} + interval '{_offset(element):+d} minutes', 'YYYY-MM')"


class days_between(FunctionElement):
    """Days (fractional) from timestamp a to timestamp b."""

    type = Float()
    name = "days_between"
    inherit_cache = True


@compiles(days_between)
def _days_between_sqlite(element, compiler, **kw):
    a, b = (compiler.process(c, **kw) for c in element.clauses.clauses)
    return f"(julianday({b}) - julianday({a}))"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw):
    a, b = (compiler.process(c, **kw) for c in element.clauses.clauses)
    return f"(EXTRACT(EPOCH FROM ({b} - {a})) / 86400.0)"


class greatest(FunctionElement):
    """The larger of two values (SQLite's two-argument max() is its GREATEST)."""

    type = Integer()
    name = "greatest"
    inherit_cache = True


@compiles(greatest)
def _greatest_sqlite(element, compiler, **kw):
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(greatest, "postgresql")
def _greatest_postgresql(element, compiler, **kw):
    return f"greatest({compiler.process(element.clauses, **kw)})"
