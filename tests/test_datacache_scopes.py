"""Cached figures are correct by construction: every figure tracker.datacache keeps reads only
tables of the models its scope names, so a change to anything it shows moves its counter.

Each figure is run with a listener that records the tables its statements read; the pages
below reach every call of datacache.cached in the source (checked), as a manager and as staff.
"""

import ast
import re
import sys
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from tracker import datacache
from tracker.extensions import db
from tracker.models import FollowUp, Need, Stage

SOURCE = Path(datacache.__file__).resolve().parent
# A table named after FROM or JOIN, quoted or not (the statements of both databases); not a
# column after FROM, as in PostgreSQL's EXTRACT(month FROM signed_m.actual_on).
_TABLE = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)"?(?![\w."])', re.IGNORECASE)


@contextmanager
def tables_read():
    """The set of tables the statements run inside the block read."""
    found: set[str] = set()

    def record(_conn, _cursor, statement, _params, _context, _many):
        found.update(_TABLE.findall(statement))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield found
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def scope_tables(scope: str) -> set[str]:
    """The tables of the models scope names (what moves its counter)."""
    return {getattr(model, "__table__", model).name for model in datacache.SCOPES[scope]}


def unscoped_reads(scope: str, compute) -> set[str]:
    """Tables compute() reads that scope does not name: a change to them would not show."""
    with tables_read() as read:
        compute()
    return read - scope_tables(scope)


def cached_calls() -> set[tuple[str, int, int]]:
    """(file, first line, last line) of every datacache.cached(...) call in the app."""
    calls = set()
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func_ = getattr(node, "func", None)
            if (
                isinstance(node, ast.Call) and isinstance(func_, ast.Attribute)
                and func_.attr == "cached" and getattr(func_.value, "id", "") == "datacache"
            ):  # fmt: skip
                calls.add((str(path), node.lineno, node.end_lineno))
    return calls


def test_the_checker_finds_a_figure_reading_outside_its_scope(app, make):
    """A figure declared over needs that counts follow-ups is caught; a right one is not."""
    make.followup(make.user(), need=make.need())
    db.session.flush()
    count_followups = lambda: db.session.scalar(select(func.count(FollowUp.id)))  # noqa: E731
    count_needs = lambda: db.session.scalar(select(func.count(Need.id)))  # noqa: E731
    datacache.SCOPES["needs only, for this test"] = (Need,)
    try:
        assert unscoped_reads("needs only, for this test", count_followups) == {"followup"}
        assert unscoped_reads("needs only, for this test", count_needs) == set()
    finally:
        del datacache.SCOPES["needs only, for this test"]


def _data(make):
    """One of everything the cached figures show."""
    staff = make.user()
    region = make.region()
    delegation = make.delegation(origin_region=region)
    organisation = make.organisation(key_industry=make.industry())
    make.person(organisation=organisation)
    need = make.need(organisation, delegation=delegation, owner=staff,
                     category=make.category(), stage=Stage.QUALIFIED)  # fmt: skip
    make.lost_reason()
    make.followup(staff, need=need, due_date=date.today() - timedelta(days=1))
    db.session.commit()
    return staff, need, delegation


PAGES = (
    "/", "/needs/", "/needs/board", "/reports/pipeline", "/reports/pipeline?owner_id={staff}",
    "/delegations/", "/delegations/{delegation}", "/organisations/", "/people/",
    "/needs/{need}", "/followups/mine",
)  # fmt: skip
# Pages only managers may open (staff get 403).
MANAGER_PAGES = ("/leadership", "/leadership?year=2025&month=3")


@pytest.mark.parametrize("role", ["manager", "staff"])
def test_every_cached_figure_reads_only_its_scope(app, client, login, make, monkeypatch, role):
    staff, need, delegation = _data(make)
    ran: dict[tuple[str, int], set[str]] = {}

    def checked(scope, parts, compute):
        caller = sys._getframe(1)
        with tables_read() as read:
            value = compute()
        where = (caller.f_code.co_filename, caller.f_lineno)
        ran.setdefault(where, set()).update(read - scope_tables(scope))
        return value

    monkeypatch.setattr(datacache, "cached", checked)
    login(role) if role == "manager" else client.post(
        "/login", data={"email": staff.email, "password": "correct horse battery"}
    )
    for page in PAGES + (MANAGER_PAGES if role == "manager" else ()):
        url = page.format(staff=staff.id, need=need.id, delegation=delegation.id)
        assert client.get(url).status_code == 200, url
    outside = {f"{Path(f).name}:{line}": sorted(t) for (f, line), t in ran.items() if t}
    assert outside == {}
    if role == "manager":
        missed = {
            (f, first) for f, first, last in cached_calls()
            if not any(rf == f and first <= line <= last for rf, line in ran)
        }  # fmt: skip
        assert missed == set(), "pages to add so that every cached figure runs"
