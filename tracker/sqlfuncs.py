"""Portable SQL for the report queries and other counts: one spelling per database, chosen
when compiling."""

from sqlalchemy import Float, Integer, String, case, cast, func, literal_column
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


class span(FunctionElement):
    """The time from timestamp a to timestamp b, as the database orders it cheaply: an interval
    on PostgreSQL, fractional days on SQLite. Sorting by it sorts by days_between(a, b)."""

    name = "span"
    inherit_cache = True


@compiles(span)
def _span_sqlite(element, compiler, **kw):
    a, b = (compiler.process(c, **kw) for c in element.clauses.clauses)
    return f"(julianday({b}) - julianday({a}))"


@compiles(span, "postgresql")
def _span_postgresql(element, compiler, **kw):
    a, b = (compiler.process(c, **kw) for c in element.clauses.clauses)
    return f"({b} - {a})"


def _portable(name: str, type_, doc: str, sqlite: str, postgresql: str) -> type:
    """A SQL function spelt per database: {args} in each spelling is the compiled arguments."""
    element = type(name, (FunctionElement,), {
        "__doc__": doc, "type": type_, "name": name, "inherit_cache": True,
    })  # fmt: skip
    for dialect, spelling in (("default", sqlite), ("postgresql", postgresql)):

        def compile_(element, compiler, spelling=spelling, **kw):
            return spelling.format(args=compiler.process(element.clauses, **kw))

        compiles(element, *(() if dialect == "default" else (dialect,)))(compile_)
    return element


# A span in days (fractional): days_between(a, b) is span_days(span(a, b)).
span_days = _portable(
    "span_days", Float(), "A span in days (fractional).",
    sqlite="{args}", postgresql="(EXTRACT(EPOCH FROM {args}) / 86400.0)",
)  # fmt: skip
# SQLite's two-argument max() is its GREATEST.
greatest = _portable(
    "greatest", Integer(), "The larger of two values.",
    sqlite="max({args})", postgresql="greatest({args})",
)  # fmt: skip


def days_between(a, b):
    """Days (fractional) from timestamp a to timestamp b."""
    return span_days(span(a, b))


def count_if(condition):
    """How many rows meet condition, as an aggregate (0, not NULL, over no rows); an int on
    both databases (PostgreSQL's sum of integers is a numeric, which Python reads as Decimal,
    and a count that is a Decimal chooses no plural form)."""
    return cast(func.coalesce(func.sum(case((condition, 1), else_=0)), 0), Integer)
