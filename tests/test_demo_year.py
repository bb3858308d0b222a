"""seed-demo's year: enough visits, needs in every stage over twelve months, matches, talks held
and planned, overdue follow-ups and exchange rates, all dated from today; nothing twice."""

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tracker import demo_data, demo_data_year
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import (
    Currency,
    Delegation,
    DelegationStatus,
    ExchangeRate,
    FollowUp,
    FollowUpStatus,
    Match,
    MatchStatus,
    Meeting,
    Need,
    Organisation,
    Person,
    Stage,
    StageChange,
    Talk,
    utcnow,
)
from tracker.reports.services import set_rates


def _count(*where, model=Need) -> int:
    return db.session.scalar(select(func.count(model.id)).where(*where))


def test_visits_from_several_states_and_countries(demo):
    assert _count(model=Delegation) >= 4
    countries = set(db.session.scalars(select(Delegation.origin_country)))
    regions = set(db.session.scalars(select(Delegation.origin_region_id)))
    assert {"DE", "AT", "CH"} <= countries and len(regions) >= 5
    assert _count(Delegation.start_date > local_today(), model=Delegation) >= 1
    assert _count(Organisation.is_local.is_(True), model=Organisation) >= 30


def test_needs_in_every_stage_with_histories_over_twelve_months(demo):
    assert _count() >= 40
    for stage in Stage:
        assert _count(Need.stage == stage) >= 2, stage
    first, last = db.session.execute(
        select(func.min(StageChange.changed_at), func.max(StageChange.changed_at))
    ).one()
    now = utcnow()
    assert timedelta(days=300) < now - first < timedelta(days=366)
    assert last <= now
    # Every need's moves are in order, from its creation on.
    for need in db.session.scalars(select(Need)):
        moves = db.session.scalars(
            select(StageChange.changed_at).where(StageChange.need_id == need.id)
            .order_by(StageChange.id)
        ).all()  # fmt: skip
        assert moves == sorted(moves) and moves[0] >= need.created_at - timedelta(seconds=1)
    won = db.session.scalars(select(Need).where(Need.stage == Stage.WON)).all()
    assert all(n.won_on and n.won_outcome for n in won)
    lost = db.session.scalars(select(Need).where(Need.stage == Stage.LOST)).all()
    assert all(n.lost_reason_id for n in lost)


def test_matches_and_talks_held_and_planned(demo):
    now = utcnow()
    assert _count(Talk.ends_at <= now, Talk.outcome.is_not(None), model=Talk) >= 10
    assert _count(Talk.ends_at <= now, Talk.outcome.is_(None), model=Talk) >= 1
    assert _count(Talk.starts_at > now, model=Talk) >= 3
    statuses = set(db.session.scalars(select(Match.status)))
    assert {MatchStatus.AGREED_FOLLOW_UP, MatchStatus.DECLINED, MatchStatus.TALK_HELD} <= statuses
    assert {MatchStatus.PROPOSED, MatchStatus.INTRODUCED, MatchStatus.TALK_SCHEDULED} <= statuses


def test_follow_ups_some_overdue_and_some_done(demo):
    today = local_today()
    open_ = FollowUp.status == FollowUpStatus.OPEN
    assert _count(open_, FollowUp.due_date < today, model=FollowUp) >= 5
    assert _count(open_, FollowUp.due_date >= today, model=FollowUp) >= 10
    assert _count(FollowUp.status == FollowUpStatus.DONE, model=FollowUp) >= 10


def test_meetings_include_local_partners_people_and_rates_are_set(demo):
    assert _count(model=Meeting) >= 6
    meeting = db.session.scalar(
        select(Meeting)
        .where(Meeting.title == "Site visit at the Baoshan Automotive Parts Cluster")
        .options(selectinload(Meeting.people).joinedload(Person.organisation))
    )
    assert meeting.delegation.status == DelegationStatus.COMPLETED
    assert len(meeting.local_people) == 3 and len(meeting.visitors) == 5
    rates = dict(db.session.execute(select(ExchangeRate.currency, ExchangeRate.rate_to_cny)).all())
    assert set(rates) == {"EUR", "USD"}


def test_a_managers_rates_are_kept(runner, make):
    set_rates({Currency.EUR: Decimal("8.1")}, make.user(role="manager"))
    db.session.commit()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    rates = dict(db.session.execute(select(ExchangeRate.currency, ExchangeRate.rate_to_cny)).all())
    assert rates == {"EUR": Decimal("8.1"), "USD": Decimal("7.15")}


def test_the_second_run_adds_nothing(demo, runner):
    before = {t.name: db.session.scalar(select(func.count()).select_from(t))
              for t in db.metadata.sorted_tables}  # fmt: skip
    result = runner.invoke(args=["seed-demo"])
    assert result.output.strip() == "Demo data: nothing to add."
    after = {t.name: db.session.scalar(select(func.count()).select_from(t))
             for t in db.metadata.sorted_tables}  # fmt: skip
    assert after == before


def test_the_demo_tables_load_as_rows_of_the_recorded_shapes():
    """The JSON rows come back as tuples, with tuples where a row holds one and lists where it
    holds a list (of topics, of people)."""
    follow_up = next(row[8] for row in demo_data.NEEDS if row[8] is not None)
    assert isinstance(demo_data.NEEDS[0], tuple) and isinstance(follow_up, tuple)
    assert all(isinstance(asked, tuple) for asked in demo_data.NEED_ASKS.values())
    assert isinstance(demo_data_year.MEETINGS[0][5], list)
    need = demo_data_year.NEEDS[0]
    assert isinstance(need, demo_data_year.DemoNeed) and isinstance(need.partners, tuple)
    assert demo_data_year.NEEDS[1].followup == (
        "Check the sample parts' X-ray report",
        "document",
        2,
        -4,
    )
