"""Pages past the middle are read from the end (tracker.pagination): every page must list
exactly the rows that plain offset paging lists, whatever the sort, its ties and its NULLs."""

from datetime import date, timedelta

import pytest

from tracker.extensions import db
from tracker.models import Priority
from tracker.needs.services import NeedFilters, list_needs
from tracker.organisations.services import list_organisations
from tracker.pagination import paginate_ids_first

PER_PAGE = 4


def _pages(app, stmt, rows: bool = False) -> list[list[int]]:
    """The ids on pages 1 to 4 (the last one beyond the end)."""
    pages = []
    for number in range(1, 5):
        with app.test_request_context(f"/?page={number}"):
            items = paginate_ids_first(stmt, rows=rows).items
            pages.append([(item[0] if rows else item).id for item in items])
    return pages


@pytest.mark.parametrize(
    "sort", ["-created", "created", "title", "-title", "stage", "-stage", "next_step",
             "-next_step", "priority", "-priority"],
)  # fmt: skip
def test_needs_pages_list_what_offset_paging_lists(app, make, monkeypatch, sort):
    monkeypatch.setitem(app.config, "PER_PAGE", PER_PAGE)
    organisation = make.organisation()
    for n in range(11):  # ties in every sort key, and next-step dates left empty half the time
        make.need(
            organisation=organisation,
            title=f"Need {n % 3}",
            priority=list(Priority)[n % 3],
            next_step_date=date(2026, 1, 1) + timedelta(days=n % 4) if n % 2 else None,
        )
    db.session.commit()
    stmt = list_needs(NeedFilters(), sort)
    expected = [need.id for need in db.session.scalars(stmt)]
    assert _pages(app, stmt) == [expected[0:4], expected[4:8], expected[8:11], []]


@pytest.mark.parametrize("sort", ["name", "-name", "country", "-created"])
def test_organisation_pages_list_what_offset_paging_lists(app, make, monkeypatch, sort):
    monkeypatch.setitem(app.config, "PER_PAGE", PER_PAGE)
    for n in range(11):
        make.organisation(name=f"Werk {n % 3}", country=None if n % 2 else "DE")
    db.session.commit()
    stmt = list_organisations(sort=sort)
    expected = [row[0].id for row in db.session.execute(stmt)]
    assert _pages(app, stmt, rows=True) == [expected[0:4], expected[4:8], expected[8:11], []]


def test_a_page_past_the_end_runs_the_queries_of_any_other(app, make, monkeypatch, count_queries):
    monkeypatch.setitem(app.config, "PER_PAGE", PER_PAGE)
    for _ in range(6):
        make.need()
    db.session.commit()
    stmt = list_needs(NeedFilters())
    counts = []
    for number in (1, 2, 9):  # the first page, the last (read from the end), past the end
        with app.test_request_context(f"/?page={number}"), count_queries() as seen:
            paginate_ids_first(stmt)
        counts.append(len(seen))
    assert counts == [2, 2, 2]  # the count and the page
