"""The SQL underneath: portable functions, percentiles by hand, a constant number of queries."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import literal, select

from tests.reports.conftest import noon_days_ago
from tracker.extensions import db
from tracker.models import Stage
from tracker.needs.services import NeedFilters
from tracker.reports.timing import time_in_stage
from tracker.sqlfuncs import days_between, greatest, year_month


@pytest.mark.parametrize(
    ("at", "minutes", "month"),
    [
        (datetime(2026, 1, 31, 15, 59), 480, "2026-01"),
        (datetime(2026, 1, 31, 16, 0), 480, "2026-02"),  # midnight in Shanghai
        (datetime(2026, 12, 31, 23, 0), 0, "2026-12"),
    ],
)
def test_year_month_of_local_time(app, at, minutes, month):
    assert db.session.scalar(select(year_month(literal(at), minutes))) == month


def test_days_between(app):
    a, b = datetime(2026, 3, 1, 6, 0), datetime(2026, 3, 3, 18, 0)
    assert db.session.scalar(select(days_between(literal(a), literal(b)))) == pytest.approx(2.5)


def test_greatest(app):
    assert db.session.scalar(select(greatest(literal(3), literal(5)))) == 5


def test_percentiles_on_a_hand_checked_example(make):
    """New lasted 1, 2, 3 and 4 days: median 2.5, 90th percentile 3.7 (1 + (4-1)*.9 rows in)."""
    start = datetime(2026, 1, 5, 4, 0)
    for days in (3, 1, 4, 2):
        make.need_with_history(
            [(Stage.NEW, start), (Stage.QUALIFIED, start + timedelta(days=days))]
        )
    now = start + timedelta(days=10)
    rows = {r.stage: r for r in time_in_stage(NeedFilters(), now)}
    assert rows[Stage.NEW].periods == 4
    assert rows[Stage.NEW].median == pytest.approx(2.5)
    assert rows[Stage.NEW].p90 == pytest.approx(3.7)
    # Qualified is current: 9, 7, 6 and 8 days until now.
    assert rows[Stage.QUALIFIED].median == pytest.approx(7.5)
    assert rows[Stage.QUALIFIED].p90 == pytest.approx(8.7)


def test_a_single_period_is_its_own_median(make):
    start = datetime(2026, 1, 5, 4, 0)
    make.need_with_history([(Stage.NEW, start), (Stage.WON, start + timedelta(days=6))])
    rows = time_in_stage(NeedFilters(), start + timedelta(days=20))
    assert [(r.stage, r.median, r.p90) for r in rows] == [(Stage.NEW, 6.0, 6.0)]


def _build(make, count: int, owner) -> None:
    for i in range(count):
        need = make.need_with_history(
            [(Stage.NEW, noon_days_ago(40 + i % 30)), (Stage.TALKS, noon_days_ago(i % 30))],
            owner=owner, key_industry=make.industry(), category=make.category(),
            delegation=make.delegation(origin_region=f"Region {i}"), currency="EUR",
        )  # fmt: skip
        make.followup(owner, need=need)


def test_report_queries_do_not_grow_with_the_data(client, login, make, count_queries):
    manager = login("manager")
    _build(make, 5, manager)
    db.session.commit()
    with count_queries() as few:
        assert client.get("/reports/pipeline").status_code == 200
    _build(make, 60, manager)
    db.session.commit()
    with count_queries() as many:
        page = client.get("/reports/pipeline").text
    # 65 regions now, of which the page draws the largest (tracker.reports.views.TOP_BARS).
    assert "The 15 largest of 65" in page
    assert len(few) == len(many)


def test_percentiles_of_ended_and_current_periods_together(make):
    """New lasted 1, 2, 3, 4 and 10 days for five needs and has lasted 5, 6 and 7 days for three:
    the median (4.5) is read from the shortest end, the 90th percentile (7 + 3 * .3 = 7.9) from
    the longest, each merging the ended periods with the current ones."""
    start = datetime(2026, 1, 5, 4, 0)
    now = start + timedelta(days=30)
    for days in (3, 10, 1, 4, 2):
        make.need_with_history(
            [(Stage.NEW, start), (Stage.QUALIFIED, start + timedelta(days=days))]
        )
    for days in (6, 5, 7):
        make.need_with_history([(Stage.NEW, now - timedelta(days=days))])
    new = {r.stage: r for r in time_in_stage(NeedFilters(), now)}[Stage.NEW]
    assert (new.periods, new.needs) == (8, 8)
    assert new.median == pytest.approx(4.5)
    assert new.p90 == pytest.approx(7.9)
