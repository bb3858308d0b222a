"""Counting SQL statements, for tests that pages do not issue more queries as data grows."""

from contextlib import contextmanager

from sqlalchemy import event

from tracker.extensions import db


@contextmanager
def count_queries():
    """Collect the SQL statements run inside the block: `with count_queries() as sql: ...`."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
