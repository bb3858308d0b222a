"""Each figure of the pipeline report equals a direct computation over the fixture."""

from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.reports import expected
from tests.reports.conftest import noon_days_ago
from tracker.extensions import db
from tracker.models import OriginRegion, Stage
from tracker.needs.services import REACH_ORDER
from tracker.reports import figures, money, services, timing
from tracker.reports.services import ReportFilters, pipeline_report
from tracker.softdelete import soft_delete


@pytest.fixture
def today(pipeline):
    return noon_days_ago(0).date()


def _report(pipeline, today, **filters):
    return pipeline_report(ReportFilters(**filters), pipeline.manager, today)


def test_funnel_counts_current_stages_in_pipeline_order(pipeline, today):
    report = _report(pipeline, today)
    assert [bar.key for bar in report.funnel] == list(Stage)
    assert {bar.key: bar.value for bar in report.funnel} == expected.funnel(pipeline.needs.values())
    assert report.total == 8


@pytest.mark.parametrize(
    ("figure", "attribute", "label_of"),
    [
        ("by_industry", "key_industry", lambda t: t.name if t else "No key industry"),
        ("by_category", "category", lambda t: t.name if t else "No category"),
        ("by_owner", "owner", lambda u: u.display_name if u else "No owner"),
        ("by_region", "delegation", lambda d: _region_name(d) or "No region"),
    ],
)
def test_breakdowns(pipeline, today, figure, attribute, label_of):
    bars = getattr(_report(pipeline, today), figure)
    assert {bar.label: bar.value for bar in bars} == Counter(
        label_of(getattr(n, attribute)) for n in pipeline.needs.values()
    )
    assert [bar.value for bar in bars] == sorted((bar.value for bar in bars), reverse=True)


def test_by_delegation(pipeline, today):
    bars = _report(pipeline, today).by_delegation
    assert {bar.key: bar.value for bar in bars} == Counter(
        n.delegation_id for n in pipeline.needs.values()
    )


def test_conversion_counts_needs_reaching_each_stage_or_later(pipeline, today):
    rows = _report(pipeline, today).conversion
    counts = expected.conversion(pipeline.needs.values(), pipeline.histories)
    assert [(r.stage, r.reached) for r in rows] == list(zip(REACH_ORDER, counts, strict=True))
    assert counts == [8, 6, 6, 5, 4, 2]  # hand-checked: won counts as having passed matching
    assert rows[0].share is None
    assert rows[5].share == pytest.approx(counts[5] / counts[4])


def test_lost_reasons(pipeline, today):
    bars = _report(pipeline, today).lost_reasons
    assert {bar.label: bar.value for bar in bars} == {"Price": 1, "Other": 1}


def test_money_per_stage_and_currency_with_cny_conversion(pipeline, today):
    table = _report(pipeline, today).money
    stages = {s.stage: s for s in table.stages}
    rows = {(s.stage, r.currency and r.currency.value): r for s in table.stages for r in s.rows}
    for need in pipeline.needs.values():
        row = rows[(need.stage, need.currency and need.currency.value)]
        assert row.needs >= 1
    talks = stages[Stage.TALKS]
    assert (talks.needs, talks.jobs, talks.in_cny) == (1, 50, Decimal("7800000"))
    negotiation = stages[Stage.NEGOTIATION]
    assert negotiation.in_cny == Decimal("1950000")
    won = stages[Stage.WON]  # 500,000 EUR and 100 CNY
    assert won.in_cny == Decimal("3900100") and won.jobs == 20 and won.needs == 2
    lost = stages[Stage.LOST]  # 2,000,000 USD without a rate and 100 without a currency
    assert lost.partial and lost.in_cny is None
    assert table.missing_rates == ["USD", "—"]
    assert rows[(Stage.LOST, "USD")].investment == Decimal("2000000")


def test_money_totals_equal_the_sum_of_needs(pipeline, today):
    table = _report(pipeline, today).money
    for stage in table.stages:
        needs = [n for n in pipeline.needs.values() if n.stage == stage.stage]
        assert stage.needs == len(needs)
        jobs = [n.expected_jobs for n in needs if n.expected_jobs is not None]
        assert stage.jobs == (sum(jobs) if jobs else None)


def test_rates_convert_once_set(pipeline, today, app):
    services.set_rates({"USD": Decimal("7.1")}, by=pipeline.manager)
    table = money.money_by_stage(services.ReportFilters().need_filters(today))
    lost = {s.stage: s for s in table.stages}[Stage.LOST]
    assert lost.in_cny == Decimal("14200000")  # the amount without a currency stays out
    assert table.missing_rates == ["—"]


def test_time_in_stage(pipeline, today):
    now = noon_days_ago(0) + timedelta(hours=3)
    rows = timing.time_in_stage(ReportFilters().need_filters(today), now)
    want = expected.time_in_stage(pipeline.needs.values(), pipeline.histories, now)
    got = {r.stage: (r.periods, r.needs, r.median, r.p90) for r in rows}
    assert got.keys() == want.keys()
    for stage, (periods, needs, median, p90) in want.items():
        assert got[stage][:2] == (periods, needs)
        assert got[stage][2] == pytest.approx(median, abs=1e-6)
        assert got[stage][3] == pytest.approx(p90, abs=1e-6)


def test_followups_by_staff_count_follow_ups_on_needs_only(pipeline, today):
    rows = _report(pipeline, today).followups_by_staff
    need_ids = {n.id for n in pipeline.needs.values()}
    assert {r.name: (r.open, r.overdue) for r in rows} == expected.followups_by_staff(
        pipeline.followups, need_ids, today
    )
    assert {r.name: (r.open, r.overdue) for r in rows} == {"Staff An": (1, 1), "Staff Bo": (2, 1)}


def test_no_open_followup(pipeline, today):
    report = _report(pipeline, today)
    assert report.no_open_followup.value == expected.no_open_followup(
        pipeline.needs.values(), pipeline.followups
    )
    assert report.no_open_followup.value == 2


def test_done_per_month(pipeline, today):
    report = _report(pipeline, today)
    done = {p.month.strftime("%Y-%m"): p.values["done"] for p in report.done_per_month}
    want = Counter(f.completed_at.strftime("%Y-%m") for f in pipeline.followups if f.completed_at)
    assert {k: v for k, v in done.items() if v} == want
    assert len(report.done_per_month) == 12


def test_trend_new_won_lost_per_month(pipeline, today):
    report = _report(pipeline, today)
    months = {p.month.strftime("%Y-%m") for p in report.trend}
    got = Counter()
    for point in report.trend:
        for series, value in point.values.items():
            if series != "talks":  # compared in test_trend_talks_held_per_month
                got[(point.month.strftime("%Y-%m"), series)] += value
    want = Counter()
    for need in pipeline.needs.values():
        if (month := need.created_at.strftime("%Y-%m")) in months:
            want[(month, "new")] += 1
        closed_in = need.stage_changed_at.strftime("%Y-%m")
        if need.stage in (Stage.WON, Stage.LOST) and closed_in in months:
            want[(closed_in, need.stage.value)] += 1
    assert +got == want
    assert sum(p.values["new"] for p in report.trend) == 7  # n8 is older than the 12 months


@pytest.mark.parametrize(
    ("filters", "names"),
    [
        (lambda p: {}, None),
        (lambda p: {"delegation_id": p.things["thuringia"].id}, {"n1", "n2", "n7", "n8"}),
        (lambda p: {"owner_id": p.staff_b.id}, {"n3", "n4", "n7"}),
        (lambda p: {"origin": "AT"}, {"n2", "n5"}),
        (lambda p: {"key_industry_id": p.things["biotech"].id}, {"n3", "n6"}),
        (lambda p: {"date_from": noon_days_ago(90).date()}, {"n3", "n4", "n6", "n7"}),
        (lambda p: {"date_from": noon_days_ago(70).date(), "dates": "talks"}, {"n1", "n2", "n7"}),
    ],
    ids=["all", "delegation", "owner", "origin", "industry", "created", "reached-talks"],
)
def test_trend_talks_held_per_month(pipeline, today, filters, names):
    report = _report(pipeline, today, **filters(pipeline))
    names = names or set(pipeline.needs)
    need_ids = {pipeline.needs[name].id for name in names}
    months = {p.month.strftime("%Y-%m") for p in report.trend}
    got = Counter({p.month.strftime("%Y-%m"): p.values["talks"] for p in report.trend})
    assert +got == expected.talks_per_month(pipeline.talks, need_ids, months)


def test_trend_talks_count_in_the_local_month(pipeline, today):
    """The talk at 00:30 on the 1st in Shanghai is still the previous month in UTC."""
    report = _report(pipeline, today)
    this_month = report.trend[-1]
    assert this_month.month == today.replace(day=1)
    starts = [t.starts_at for t in pipeline.talks if t.need_id == pipeline.needs["n5"].id]
    assert starts[0].strftime("%Y-%m") != this_month.month.strftime("%Y-%m")
    assert this_month.values["talks"] >= 1
    assert this_month.drills["talks"] == {
        "held_from": this_month.month,
        "held_to": timing.month_end(this_month.month),
    }


def test_trend_window_follows_the_date_range(pipeline, today):
    report = _report(pipeline, today, date_from=today.replace(day=1) - timedelta(days=40))
    assert len(report.trend) in (2, 3)
    assert report.trend[-1].month == today.replace(day=1)


@pytest.mark.parametrize(
    ("filters", "names"),
    [
        (lambda p: {"delegation_id": p.things["thuringia"].id}, {"n1", "n2", "n7", "n8"}),
        (lambda p: {"key_industry_id": p.things["robotics"].id}, {"n1", "n2", "n5", "n7", "n8"}),
        (lambda p: {"category_id": p.things["finance"].id}, {"n2", "n6"}),
        (lambda p: {"origin": "AT"}, {"n2", "n5"}),
        (lambda p: {"owner_id": p.staff_b.id}, {"n3", "n4", "n7"}),
        (lambda p: {"date_from": noon_days_ago(90).date()}, {"n3", "n4", "n6", "n7"}),
        (lambda p: {"date_from": noon_days_ago(70).date(), "dates": "talks"}, {"n1", "n2", "n7"}),
        (lambda p: {"date_to": noon_days_ago(100).date(), "dates": "won"}, {"n8"}),
    ],
)
def test_filters_change_every_figure(pipeline, today, filters, names):
    report = _report(pipeline, today, **filters(pipeline))
    needs = [pipeline.needs[name] for name in names]
    assert report.total == len(names)
    assert {b.key: b.value for b in report.funnel} == expected.funnel(needs)
    assert [r.reached for r in report.conversion] == expected.conversion(needs, pipeline.histories)
    assert sum(b.value for b in report.by_owner) == len(names)
    ids = {n.id for n in needs}
    assert {r.name: (r.open, r.overdue) for r in report.followups_by_staff} == (
        expected.followups_by_staff(pipeline.followups, ids, today)
    )
    assert report.no_open_followup.value == expected.no_open_followup(needs, pipeline.followups)


def test_breakdown_labels_follow_the_interface_language(pipeline, today, app):
    pipeline.things["robotics"].name_de = "Robotik"
    with app.test_request_context(headers={"Accept-Language": "de"}):
        bars = figures.by_industry(ReportFilters().need_filters(today))
    assert "Robotik" in {b.label for b in bars}


@pytest.mark.parametrize("by_industry", [False, True])
def test_deleted_needs_leave_out_their_history_and_follow_ups(pipeline, today, by_industry):
    """Their own rows are live: only their need's deletion keeps them out (unfiltered, the
    report checks that against the deleted needs rather than listing every live one)."""
    gone = {"n1", "n2"}  # open and done follow-ups, talks, histories reaching talks and won
    for name in gone:
        soft_delete(pipeline.needs[name], pipeline.manager.id)
    db.session.commit()
    robotics = pipeline.things["robotics"]
    filters = {"key_industry_id": robotics.id} if by_industry else {}
    needs = [
        need for name, need in pipeline.needs.items()
        if name not in gone and (not by_industry or need.key_industry_id == robotics.id)
    ]  # fmt: skip
    ids = {n.id for n in needs}
    report = _report(pipeline, today, **filters)
    assert [r.reached for r in report.conversion] == expected.conversion(needs, pipeline.histories)
    assert {r.name: (r.open, r.overdue) for r in report.followups_by_staff} == (
        expected.followups_by_staff(pipeline.followups, ids, today)
    )
    done = sum(p.values["done"] for p in report.done_per_month)
    assert done == sum(1 for f in pipeline.followups if f.completed_at and f.need_id in ids)
    now = noon_days_ago(0) + timedelta(hours=3)
    rows = timing.time_in_stage(ReportFilters(**filters).need_filters(today), now)
    want = expected.time_in_stage(needs, pipeline.histories, now)
    assert {r.stage: (r.periods, r.needs) for r in rows} == {s: w[:2] for s, w in want.items()}
    assert {r.stage: r.median for r in rows} == pytest.approx({s: w[2] for s, w in want.items()})


def _region_name(delegation) -> str | None:
    if delegation is None or delegation.origin_region_id is None:
        return None
    return db.session.get(OriginRegion, delegation.origin_region_id).name


@pytest.mark.parametrize("own", [False, True])
def test_breakdowns_counted_together_equal_each_counted_alone(pipeline, today, own):
    """PostgreSQL counts all breakdowns in one statement (grouping sets): the same counts."""
    filters = {"owner_id": pipeline.staff_a.id} if own else {}
    f = ReportFilters(**filters).need_filters(today)
    together = figures.need_counts(f)
    for name in figures.BREAKDOWNS:
        assert figures.need_counts(f, (name,))[name] == together[name]
    assert together["owner_id"]
