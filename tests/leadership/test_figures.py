"""The report's figures on the small commission of conftest.py, worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest
from flask_babel import force_locale

from tests.leadership.conftest import PERIOD, TODAY
from tracker.leadership.periods import Period, parse_period
from tracker.leadership.services import leadership_report
from tracker.models import Party, TargetMetric
from tracker.security import view_as

M = Decimal(1_000_000)


@pytest.fixture
def report(world):
    return leadership_report(PERIOD, TODAY)


def _row(report, key):
    return next(r for r in report.summary if r.key == key)


def test_summary_year_to_date_against_targets_and_last_year(report):
    signed = _row(report, "signed")
    assert (signed.target, signed.actual, signed.last) == (Decimal(10), 3, 1)
    assert signed.completion == pytest.approx(0.3)
    assert signed.change == pytest.approx(2.0)
    contracted = _row(report, "contracted")
    assert (contracted.target, contracted.actual, contracted.last) == (500 * M, 175 * M, 200 * M)
    assert contracted.completion == pytest.approx(0.35)
    assert contracted.change == pytest.approx(-0.125)
    assert (_row(report, "in_place").actual, _row(report, "in_place").last) == (17 * M, 7 * M)
    assert (_row(report, "major").actual, _row(report, "major").last) == (1, 1)
    assert (_row(report, "jobs").actual, _row(report, "jobs").last) == (130, 50)
    assert _row(report, "jobs").target is None and _row(report, "jobs").completion is None
    assert (_row(report, "foreign").actual, _row(report, "foreign").last) == (15 * M, 0)


def test_start_and_production_rates(report):
    # P1 started in April and produces since June; P3 started in May; P2 starts in July.
    start = _row(report, "start_rate")
    assert (start.count, start.actual) == (2, pytest.approx(2 / 3))
    production = _row(report, "production_rate")
    assert (production.count, production.actual) == (1, pytest.approx(1 / 3))
    assert (start.last_count, start.last) == (0, 0)


def test_by_month(report):
    months = {row.month.month: row for row in report.by_month}
    assert list(months) == [1, 2, 3, 4, 5, 6]
    assert [months[m].this.signed for m in months] == [0, 1, 2, 0, 0, 0]
    assert [months[m].this.in_place for m in months] == [0, 0, 10 * M, 0, 5 * M, 2 * M]
    assert months[2].last.signed == 1 and months[3].last.in_place == 7 * M


def test_by_industry_with_its_targets(report):
    rows = {row.label: row for row in report.by_industry}
    assert set(rows) == {"Robotics", "Optics", "No key industry"}
    robotics = rows["Robotics"]
    assert (robotics.tally.signed, robotics.tally.contracted, robotics.tally.in_place) == (
        1, 150 * M, 15 * M)  # fmt: skip
    assert robotics.targets == {TargetMetric.SIGNED: Decimal(4)}
    assert rows["Optics"].tally.in_place == 2 * M and rows["Optics"].targets == {}
    assert rows["No key industry"].tally.signed == 1


def test_by_officer_with_their_targets(report, world):
    rows = {row.label: row for row in report.by_officer}
    assert rows["Officer A"].tally.signed == 1
    assert rows["Officer A"].targets == {TargetMetric.SIGNED: Decimal(3)}
    assert (rows["Officer B"].tally.signed, rows["Officer B"].tally.contracted) == (2, 25 * M)
    assert rows["Officer A"].drill.officer == world["a"].id


def test_by_country_named_in_the_readers_language(world):
    with force_locale("zh"):
        report = leadership_report(PERIOD, TODAY)
    rows = {row.label: row.tally.signed for row in report.by_country}
    assert rows == {"德国": 2, "法国": 1}
    assert {row.drill.country for row in report.by_country} == {"DE", "FR"}


def test_funnel_from_visit_to_production(report):
    assert [(s.key, s.value) for s in report.funnel] == [
        ("delegations", 1), ("organisations", 2), ("needs", 3), ("talks", 2), ("won", 1),
        ("signed", 1), ("in_place", 1), ("producing", 1),
    ]  # fmt: skip


def test_overdue_obligations_per_party(report):
    parties = {p.party: p for p in report.overdue.parties}
    assert parties[Party.COMPANY].count == 2
    assert parties[Party.COMPANY].amounts == {"CNY": Decimal("1002000.00")}
    assert parties[Party.DISTRICT].count == 1
    assert parties[Party.DISTRICT].amounts == {"EUR": Decimal("500000.00")}
    assert [o.description for o in report.overdue.top] == [
        "Owed 2026-01-01", "Owed 2026-01-15", "Owed 2026-02-01"]  # fmt: skip


def test_confidential_projects_follow_the_rule(world):
    """Through the ORM: someone who may not see P3 gets figures without it."""
    with view_as(world["a"]):
        report = leadership_report(PERIOD, TODAY)
    assert _row(report, "signed").actual == 2
    assert _row(report, "contracted").actual == 170 * M
    parties = {p.party: p for p in report.overdue.parties}
    assert parties[Party.COMPANY].count == 1
    with view_as(world["b"]):  # P3's owner
        assert _row(leadership_report(PERIOD, TODAY), "signed").actual == 3


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({}, Period(2026, 6)),
        ({"year": "2025"}, Period(2025, 12)),
        ({"year": "2025", "month": "3"}, Period(2025, 3)),
        ({"year": "abc", "month": "13"}, Period(2026, 6)),
        ({"year": "99999", "month": "-1"}, Period(2026, 6)),
    ],
)
def test_period_from_the_query(args, expected):
    assert parse_period(args, date(2026, 6, 30)) == expected
