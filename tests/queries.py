"""Counting SQL statements, for tests that pages do not issue more queries as data grows."""

from contextlib import contextmanager

from sqlalchemy import event

from tracker.extensions import db

# The first view after a change computes the figures kept between views (the nav badge, the
# delegation list's filter choices: tracker.datacache) and later views do not: tests that
# compare counts compare later views (warm_up first), and tests/test_list_queries.py both.


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


def warm_up(client, url: str) -> None:
    """View url once, so that the figures it keeps are kept, then start the next view from a
    fresh state (requests share the test's session)."""
    assert client.get(url).status_code == 200
    db.session.expire_all()


def queries_on_page(client, url: str) -> int:
    """How many statements a later view of url runs (after warm_up), the page answering 200."""
    warm_up(client, url)
    with count_queries() as statements:
        assert client.get(url).status_code == 200
    return len(statements)
