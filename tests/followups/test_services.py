"""Follow-up services without HTTP: assigning, reassigning, completing, grouping, counting."""

from datetime import date, timedelta

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import func, select

from tests.followups.builders import followup, need
from tests.queries import count_queries
from tracker.extensions import db
from tracker.followups import services
from tracker.models import FollowUp, FollowUpStatus, Reassignment, User, utcnow

WEDNESDAY = date(2026, 5, 13)


def test_badge_for_anonymous_is_zero_without_querying(app):
    with count_queries() as n:
        badge = services.followup_badge(AnonymousUserMixin())
    assert (badge.open, badge.unseen, len(n)) == (0, 0, 0)


def test_badge_counts_open_and_unseen_in_one_query(app, make):
    me = make.user()
    followup(me, WEDNESDAY, seen_by_assignee=False)
    followup(me, WEDNESDAY, seen_by_assignee=True)
    followup(me, WEDNESDAY, status=FollowUpStatus.DONE)
    followup(make.user(), WEDNESDAY)
    with count_queries() as n:
        badge = services.followup_badge(me)
    assert (badge.open, badge.unseen, len(n)) == (2, 1, 1)


def test_create_on_need_fills_the_organisation(app, make):
    me, colleague = make.user(), make.user()
    n = need()
    created = services.create_followup(
        need=n,
        title=" Call back ",
        kind="call",
        assignee=colleague,
        due_date=WEDNESDAY,
        assigned_by=me,
    )
    assert created.need_id == n.id
    assert created.organisation_id == n.organisation_id
    assert created.delegation_id is None
    assert created.title == "Call back"
    assert created.seen_by_assignee is False


@pytest.mark.parametrize("target", ["organisation", "delegation"])
def test_create_on_organisation_or_delegation(app, make, target):
    me = make.user()
    thing = getattr(make, target)()
    created = services.create_followup(
        **{target: thing},
        title="Visit",
        kind="site_visit",
        assignee=me,
        due_date=WEDNESDAY,
        assigned_by=me,
    )
    assert getattr(created, f"{target}_id") == thing.id
    assert created.need_id is None
    assert created.seen_by_assignee is True  # a note to self is not news


def test_create_needs_exactly_one_target(app, make):
    me = make.user()
    with pytest.raises(services.FollowUpError):
        services.create_followup(
            title="x", kind="call", assignee=me, due_date=WEDNESDAY, assigned_by=me
        )
    with pytest.raises(services.FollowUpError):
        services.create_followup(
            organisation=make.organisation(),
            delegation=make.delegation(),
            title="x",
            kind="call",
            assignee=me,
            due_date=WEDNESDAY,
            assigned_by=me,
        )


def test_create_refuses_inactive_assignee(app, make):
    me = make.user()
    with pytest.raises(services.FollowUpError):
        services.create_followup(
            organisation=make.organisation(),
            title="x",
            kind="call",
            assignee=make.user(active=False),
            due_date=WEDNESDAY,
            assigned_by=me,
        )


def test_reassign_records_and_marks_unseen_for_the_new_assignee(app, make):
    boss, first, second = make.user(), make.user(), make.user()
    task = followup(first, WEDNESDAY, seen_by_assignee=True, assigned_by=boss)
    services.reassign(task, second, boss)
    row = db.session.scalar(select(Reassignment))
    assert (row.from_user_id, row.to_user_id, row.by_user_id) == (first.id, second.id, boss.id)
    assert task.assignee_id == second.id and task.seen_by_assignee is False
    assert services.followup_badge(second) == services.Badge(open=1, unseen=1)
    assert services.followup_badge(first) == services.Badge(open=0, unseen=0)


def test_reassign_to_same_assignee_records_nothing(app, make):
    me = make.user()
    task = followup(me, WEDNESDAY)
    assert services.reassign(task, me, me) is None
    assert db.session.scalar(select(func.count(Reassignment.id))) == 0


def test_update_with_new_assignee_reassigns_and_bumps_version(app, make):
    me, other = make.user(), make.user()
    task = followup(me, WEDNESDAY)
    services.update_followup(
        task, title="New", kind="email", assignee=other, due_date=WEDNESDAY, by=me
    )
    assert task.version == 2 and task.assignee_id == other.id
    assert db.session.scalar(select(func.count(Reassignment.id))) == 1


def test_complete_records_outcome_and_who(app, make):
    me = make.user()
    task = followup(me, WEDNESDAY)
    services.complete_followup(task, " Sent the price list ", me)
    assert task.status == FollowUpStatus.DONE
    assert task.outcome == "Sent the price list"
    assert task.completed_by_id == me.id and task.completed_at is not None


def test_complete_requires_outcome_and_an_open_follow_up(app, make):
    me = make.user()
    task = followup(me, WEDNESDAY)
    with pytest.raises(services.FollowUpError):
        services.complete_followup(task, "  ", me)
    services.cancel_followup(task, me)
    with pytest.raises(services.FollowUpError):
        services.complete_followup(task, "late", me)
    assert task.status == FollowUpStatus.CANCELLED


def test_my_followups_groups_by_due_date(app, make):
    me = make.user()
    overdue = followup(me, WEDNESDAY - timedelta(days=3))
    today = followup(me, WEDNESDAY)
    sunday = followup(me, date(2026, 5, 17))
    thursday = followup(me, date(2026, 5, 14))
    monday = followup(me, date(2026, 5, 18))
    followup(me, WEDNESDAY, status=FollowUpStatus.DONE)
    followup(make.user(), WEDNESDAY)
    groups = services.my_followups(me, WEDNESDAY)
    assert {key: group.items for key, group in groups.items()} == {
        "overdue": [overdue],
        "today": [today],
        "this_week": [thursday, sunday],
        "later": [monday],
    }
    assert [(g.total, g.more) for g in groups.values()] == [(1, 0), (1, 0), (2, 0), (1, 0)]
    assert (groups["this_week"].due_from, groups["this_week"].due_to) == (
        date(2026, 5, 14),
        date(2026, 5, 17),
    )


def test_my_followups_shows_the_soonest_of_each_group_and_counts_them_all(app, make):
    me = make.user()
    overdue = [followup(me, WEDNESDAY - timedelta(days=d)) for d in range(1, 5)]
    later = [followup(me, date(2026, 6, d)) for d in range(1, 4)]
    groups = services.my_followups(me, WEDNESDAY, limit=2)
    assert groups["overdue"].items == [overdue[3], overdue[2]]  # the oldest first
    assert (groups["overdue"].total, groups["overdue"].more) == (4, 2)
    assert groups["later"].items == later[:2] and groups["later"].more == 1
    assert groups["today"].total == 0 and groups["today"].items == []


def test_my_followups_of_two_colleagues_on_two_days(app, make):
    """The statements are built once; the colleague and the day are their parameters."""
    me, colleague = make.user(), make.user()
    mine = followup(me, WEDNESDAY)
    theirs = followup(colleague, WEDNESDAY + timedelta(days=1))
    assert services.my_followups(me, WEDNESDAY)["today"].items == [mine]
    assert services.my_followups(colleague, WEDNESDAY)["this_week"].items == [theirs]
    next_day = services.my_followups(colleague, WEDNESDAY + timedelta(days=1))
    assert next_day["today"].items == [theirs] and next_day["this_week"].total == 0
    assert services.my_followups(me, WEDNESDAY + timedelta(days=1))["overdue"].items == [mine]


def test_on_a_sunday_this_week_is_empty(app, make):
    me = make.user()
    followup(me, date(2026, 5, 18))
    groups = services.my_followups(me, date(2026, 5, 17))
    assert groups["this_week"].items == [] and len(groups["later"].items) == 1


def test_my_followups_is_two_queries_with_subjects_loaded(app, make):
    me = make.user()
    for _ in range(3):
        followup(me, WEDNESDAY, need=need(), assigned_by=make.user())
    followup(me, WEDNESDAY, delegation=make.delegation())
    me_id = me.id
    db.session.commit()
    db.session.expunge_all()
    me = db.session.get(User, me_id)
    with count_queries() as n:
        groups = services.my_followups(me, WEDNESDAY)
        titles = [
            (f.need.title if f.need else f.delegation.title, f.assigned_by)
            for f in groups["today"].items
        ]
    assert len(titles) == 4 and len(n) == 2  # the groups' totals, then their first rows


def test_mark_seen_keeps_version_and_updated_at(app, make):
    me = make.user()
    task = followup(me, WEDNESDAY, seen_by_assignee=False)
    closed = followup(me, WEDNESDAY, status=FollowUpStatus.DONE, seen_by_assignee=False)
    db.session.commit()
    before = (task.version, task.updated_at)
    services.mark_seen(me)
    db.session.commit()
    db.session.refresh(task)
    db.session.refresh(closed)
    assert task.seen_by_assignee is True and (task.version, task.updated_at) == before
    assert closed.seen_by_assignee is False


def test_team_summary_matches_a_direct_count(app, make):
    a, b, idle = (
        make.user(display_name="Anna"),
        make.user(display_name="Bo"),
        make.user(display_name="Chen"),
    )
    make.user(display_name="Gone", active=False)
    followup(a, WEDNESDAY - timedelta(days=1))
    followup(a, WEDNESDAY + timedelta(days=1))
    followup(b, WEDNESDAY - timedelta(days=10))
    followup(b, WEDNESDAY, status=FollowUpStatus.DONE, completed_at=utcnow())
    followup(b, WEDNESDAY, status=FollowUpStatus.DONE, completed_at=utcnow() - timedelta(days=60))
    followup(a, WEDNESDAY, status=FollowUpStatus.CANCELLED, completed_at=utcnow())
    db.session.commit()
    today = date.today()
    rows = {r.name: r for r in services.team_summary(today)}
    assert set(rows) == {"Anna", "Bo", "Chen"}
    for user in (a, b, idle):
        mine = list(db.session.scalars(select(FollowUp).where(FollowUp.assignee_id == user.id)))
        open_ = [f for f in mine if f.status == FollowUpStatus.OPEN]
        expected = (
            len(open_),
            len([f for f in open_ if f.due_date < today]),
            len(
                [
                    f
                    for f in mine
                    if f.status == FollowUpStatus.DONE
                    and f.completed_at >= utcnow() - timedelta(days=29)
                ]
            ),
        )
        row = rows[user.display_name]
        assert (row.open, row.overdue, row.done_recently) == expected
    assert (rows["Chen"].open, rows["Chen"].overdue, rows["Chen"].done_recently) == (0, 0, 0)


def _ids(stmt) -> list[int]:
    return [f.id for f in db.session.scalars(stmt)]


def test_list_filters(app, make):
    a, b = make.user(), make.user()
    n = need()
    late = followup(a, WEDNESDAY - timedelta(days=2), need=n)
    soon = followup(a, WEDNESDAY + timedelta(days=2))
    done = followup(b, WEDNESDAY - timedelta(days=5), status=FollowUpStatus.DONE)
    assert _ids(services.list_followups(assignee_id=a.id)) == [late.id, soon.id]
    assert _ids(services.list_followups(status="done")) == [done.id]
    assert _ids(services.list_followups(status="bogus")) == [done.id, late.id, soon.id]
    assert _ids(services.list_followups(overdue=True, today=WEDNESDAY)) == [late.id]
    assert _ids(services.list_followups(need_id=n.id)) == [late.id]
    assert _ids(services.list_followups(due_from=WEDNESDAY)) == [soon.id]
    assert _ids(services.list_followups(due_to=WEDNESDAY - timedelta(days=3))) == [done.id]
    assert _ids(services.list_followups(sort="-due")) == [soon.id, late.id, done.id]
    assert _ids(services.list_followups(sort="nonsense")) == [done.id, late.id, soon.id]


def test_due_for_reminders_per_active_user(app, make):
    a, b = make.user(), make.user(active=False)
    late = followup(a, WEDNESDAY - timedelta(days=1))
    today = followup(a, WEDNESDAY)
    followup(a, WEDNESDAY + timedelta(days=1))
    followup(a, WEDNESDAY, status=FollowUpStatus.DONE)
    followup(b, WEDNESDAY)
    batches = services.due_for_reminders(WEDNESDAY)
    assert [(x.user, x.followups) for x in batches] == [(a, [late, today])]
