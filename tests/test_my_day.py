"""My day on the dashboard: my overdue follow-ups, those due today, my talks this week."""

from datetime import date, timedelta

import pytest

from tests.queries import queries_on_page
from tracker.dates import local_midnight_utc
from tracker.extensions import db
from tracker.followups.mine import week_end
from tracker.i18n import local_today
from tracker.main.my_day import my_day
from tracker.models import FollowUpStatus


def _at(day: date, hour: int):
    """hour o'clock on day in the commission's zone, as stored (naive UTC)."""
    return local_midnight_utc(day) + timedelta(hours=hour)


def _my_day(page: str) -> str:
    """The My day section of the dashboard."""
    start = page.index('aria-labelledby="my-day-h"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def colleague(make):
    return make.user(display_name="Colleague")


def test_my_day_shows_my_overdue_and_today_follow_ups_and_my_talks_this_week(client, login, make):
    me = login()
    today = local_today()
    need = make.need(title="Cold chain hall")
    make.followup(me, title="Overdue call", need=need, due_date=today - timedelta(days=3))
    make.followup(me, title="Today's e-mail", due_date=today)
    make.followup(me, title="Next month's visit", due_date=today + timedelta(days=30))
    make.followup(me, title="Done already", due_date=today - timedelta(days=1),
                  status=FollowUpStatus.DONE)  # fmt: skip
    make.talk(need, _at(today, 10), title="Talk I attend", staff=[me])
    make.talk(need, _at(week_end(today), 20), title="Talk I organised", created_by=me)
    make.talk(need, _at(week_end(today) + timedelta(days=1), 10), title="Next week", staff=[me])
    make.talk(need, _at(today - timedelta(days=7), 10), title="Last week", staff=[me])
    db.session.commit()
    section = _my_day(client.get("/").text)
    overdue, rest = section.split('id="my-day-today"')
    due_today, talks = rest.split('id="my-day-talks"')
    assert "Overdue call" in overdue and "Cold chain hall" in overdue
    assert "Today&#39;s e-mail" in due_today
    assert "Talk I attend" in talks and "Talk I organised" in talks
    assert talks.index("Talk I attend") < talks.index("Talk I organised")  # soonest first
    for absent in ("Next month", "Done already", "Next week", "Last week"):
        assert absent not in section
    for key, count in (("overdue", 1), ("today", 1), ("talks", 2)):
        assert f'data-count="my-{key}" title="' in section
        assert section.split(f'data-count="my-{key}"')[1].split("<")[0].endswith(f">{count}")


def test_each_item_links_to_its_page(client, login, make):
    me = login()
    today = local_today()
    followup = make.followup(me, due_date=today)
    talk = make.talk(make.need(), _at(today, 9), staff=[me])
    db.session.commit()
    section = _my_day(client.get("/").text)
    assert f'href="/followups/{followup.id}"' in section
    assert f'href="/talks/{talk.id}"' in section


def test_a_colleagues_follow_ups_and_talks_are_not_in_my_day(client, login, make, colleague):
    login()
    today = local_today()
    need = make.need()
    make.followup(colleague, title="Her overdue task", due_date=today - timedelta(days=1))
    make.followup(colleague, title="Her task today", due_date=today)
    make.talk(need, _at(today, 11), title="Her talk", staff=[colleague], created_by=colleague)
    db.session.commit()
    section = _my_day(client.get("/").text)
    assert "Her " not in section
    assert "Nothing overdue, nothing due today, no talks this week." in section


def test_a_confidential_need_i_may_not_see_does_not_leak_into_my_day(
    client, login, make, colleague
):
    """Taking part in a talk does not open a confidential need: only its owner, the assignees
    of its follow-ups and managers see it, and so its talks and follow-ups."""
    me = login()
    today = local_today()
    secret = make.need(title="Secret expansion", owner=colleague, confidential=True)
    make.followup(colleague, title="Secret follow-up", need=secret, due_date=today)
    make.talk(secret, _at(today, 10), title="Secret talk", staff=[me])
    db.session.commit()
    section = _my_day(client.get("/").text)
    assert "Secret" not in section
    assert "no talks this week" in section


def test_my_follow_up_on_a_confidential_need_shows_it_to_me(client, login, make, colleague):
    """An assignee sees the confidential need of her follow-up (tracker.security's rule)."""
    me = login()
    today = local_today()
    secret = make.need(title="Secret expansion", owner=colleague, confidential=True)
    make.followup(me, title="My part of it", need=secret, due_date=today)
    db.session.commit()
    section = _my_day(client.get("/").text)
    assert "My part of it" in section and "Secret expansion" in section


def test_my_day_counts_all_but_lists_the_first(app, make):
    me = make.user()
    today = local_today()
    need = make.need()
    for i in range(7):
        make.followup(me, title=f"Overdue {i}", due_date=today - timedelta(days=i + 1))
        make.talk(need, _at(today, 8 + i), title=f"Talk {i}", staff=[me])
    db.session.commit()
    day = my_day(me, today, limit=5)
    assert (day.overdue.total, len(day.overdue.items)) == (7, 5)
    assert (day.talks_total, [t.title for t in day.talks]) == (7, [f"Talk {i}" for i in range(5)])
    assert not day.empty


def test_the_dashboard_queries_do_not_grow_with_my_day(client, login, make):
    me = login()
    today = local_today()

    def add(n: int) -> None:
        need = make.need()
        for _ in range(n):
            make.followup(me, need=need, due_date=today - timedelta(days=1))
            make.followup(me, need=make.need(), due_date=today)
            make.talk(need, _at(today, 9), staff=[me])
        db.session.commit()

    add(1)
    few = queries_on_page(client, "/")
    add(6)
    assert queries_on_page(client, "/") == few
