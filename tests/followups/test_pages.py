"""My follow-ups, the team summary, the list and the detail page."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.followups.builders import followup, need
from tests.queries import count_queries
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import FollowUp, FollowUpKind, FollowUpStatus

SCRIPT = "<script>alert(1)</script>"


def section(html: str, key: str) -> str:
    """The HTML of one section of My follow-ups."""
    match = re.search(rf'<section[^>]*id="{key}">(.*?)</section>', html, re.S)
    return match.group(1)


def test_mine_sections_and_empty_states(client, login):
    login()
    html = client.get("/followups/mine").text
    for text in (
        "Nothing overdue.",
        "Nothing due today.",
        "Nothing else due this week.",
        "Nothing planned after this week.",
    ):
        assert text in html


def test_mine_puts_each_followup_in_its_section(client, login, make):
    me = login()
    today = local_today()
    boss = make.user(display_name="Boss")
    n = need(title="Land for a plant")
    late = followup(me, today - timedelta(days=2), title="Late call", need=n, assigned_by=boss)
    followup(me, today, title="Today mail", delegation=make.delegation(title="Thuringia 2026"))
    followup(me, today + timedelta(days=30), title="Far visit")
    followup(me, today, title="Finished", status=FollowUpStatus.DONE)
    followup(make.user(), today, title="Not mine")
    db.session.commit()
    html = client.get("/followups/mine").text
    overdue = section(html, "overdue")
    assert "Late call" in overdue and "Land for a plant" in overdue
    assert f'href="/needs/{n.id}"' in overdue and "assigned by Boss" in overdue
    assert "Today mail" in section(html, "today") and "Thuringia 2026" in section(html, "today")
    assert "Far visit" in section(html, "later")
    assert "Finished" not in html and "Not mine" not in html
    assert 'name="outcome"' in overdue and f'action="/followups/{late.id}/complete"' in overdue
    assert f'name="version" value="{late.version}"' in overdue
    assert (
        f'href="/followups/{late.id}"' in overdue and f'href="/followups/{late.id}/edit"' in overdue
    )


@pytest.mark.parametrize("kind", list(FollowUpKind))
def test_mine_shows_each_kind_with_its_own_icon(client, login, kind):
    followup(login(), local_today(), kind=kind)
    db.session.commit()
    icons = re.findall(r'<i class="bi bi-([a-z-]+)" aria-hidden="true"></i> ' + kind.label,
                       section(client.get("/followups/mine").text, "today"))  # fmt: skip
    assert icons == [kind.icon]
    assert len({k.icon for k in FollowUpKind}) == len(FollowUpKind)


def test_mine_shows_new_once_then_marks_seen(client, login, make):
    me = login()
    followup(me, local_today(), title="Fresh", assigned_by=make.user(), seen_by_assignee=False)
    db.session.commit()
    first = client.get("/followups/mine").text
    assert ">new</span>" in first
    assert "1 open, 1 new" in first  # the nav badge
    second = client.get("/followups/mine").text
    assert ">new</span>" not in second
    assert "1 open, 0 new" in second
    assert db.session.scalar(select(FollowUp.seen_by_assignee)) is True


def test_mine_bounds_a_long_group_and_links_to_all_of_it(client, login, make, monkeypatch):
    monkeypatch.setattr("tracker.followups.mine.GROUP_LIMIT", 2)
    me = login()
    today = local_today()
    for days in (1, 2, 3):
        followup(me, today - timedelta(days=days), title=f"Late {days}")
    followup(me, today, title="Due now")
    db.session.commit()
    html = client.get("/followups/mine").text
    overdue = section(html, "overdue")
    assert "Late 3" in overdue and "Late 2" in overdue and "Late 1" not in overdue
    link = re.search(r'href="([^"]*)">Show all 3 in the follow-ups list', overdue)
    assert "Show all" not in section(html, "today")
    listed = client.get(link.group(1).replace("&amp;", "&")).text
    assert all(f"Late {days}" in listed for days in (1, 2, 3)) and "Due now" not in listed


def test_mine_writes_nothing_when_everything_was_seen(client, login, make):
    me = login()
    followup(me, local_today(), title="Known", seen_by_assignee=True)
    db.session.commit()
    with count_queries() as statements:
        client.get("/followups/mine")
    assert not [s for s in statements if s.lstrip().upper().startswith("UPDATE")]


def test_team_counts_and_links(client, login, make):
    me = login(display_name="Me")
    today = local_today()
    followup(me, today - timedelta(days=1))
    followup(me, today + timedelta(days=1))
    make.user(display_name="Idle")
    db.session.commit()
    html = client.get("/followups/team").text
    assert f'href="/followups/?assignee_id={me.id}&amp;status=open">2</a>' in html
    assert f"/followups/?assignee_id={me.id}&amp;overdue=1" in html
    assert "Idle" in html


def test_list_filters_and_empty_states(client, login, make):
    me = login()
    other = make.user()
    today = local_today()
    followup(me, today - timedelta(days=1), title="Overdue one")
    followup(other, today + timedelta(days=1), title="Other one")
    followup(me, today, title="Done one", status=FollowUpStatus.DONE)
    db.session.commit()
    html = client.get("/followups/").text
    assert all(t in html for t in ("Overdue one", "Other one", "Done one"))
    html = client.get(f"/followups/?assignee_id={me.id}&status=open").text
    assert "Overdue one" in html and "Other one" not in html and "Done one" not in html
    html = client.get("/followups/?overdue=1").text
    assert "Overdue one" in html and "Other one" not in html
    html = client.get(f"/followups/?due_from={today.isoformat()}").text
    assert "Overdue one" not in html and "Other one" in html
    html = client.get("/followups/?status=done&due_to=2000-01-01").text
    assert "No follow-up matches these filters." in html


def test_list_ignores_bad_filter_values(client, login):
    login()
    response = client.get("/followups/?assignee_id=x&status=zzz&due_from=nope&sort=evil&page=-3")
    assert response.status_code == 200
    assert "No follow-ups yet." in response.text


def test_list_paginates(app, client, login):
    me = login()
    app.config["PER_PAGE"] = 5
    for i in range(7):
        followup(me, local_today() + timedelta(days=i), title=f"Task {i:02d}")
    db.session.commit()
    first = client.get("/followups/").text
    second = client.get("/followups/?page=2").text
    assert "Task 00" in first and "Task 05" not in first
    assert "Task 05" in second and "Task 06" in second and "Task 00" not in second


def test_list_sorts_by_title_descending(client, login):
    me = login()
    followup(me, local_today(), title="Alpha")
    followup(me, local_today(), title="Beta")
    db.session.commit()
    html = client.get("/followups/?sort=-title").text
    assert html.index("Beta") < html.index("Alpha")


def test_detail_shows_fields_and_outcome(client, login, make):
    me = login()
    task = followup(
        me,
        local_today(),
        title="Ring them",
        organisation=make.organisation(name="Zeiss"),
        status=FollowUpStatus.DONE,
        outcome="They will come in June",
    )
    db.session.commit()
    html = client.get(f"/followups/{task.id}").text
    assert "Ring them" in html and "Zeiss" in html and "They will come in June" in html
    assert "Never reassigned." in html
    assert client.get("/followups/999").status_code == 404


@pytest.mark.parametrize("url", ["/followups/mine", "/followups/", "/followups/{id}"])
def test_script_in_titles_is_escaped(client, login, make, url):
    me = login()
    task = followup(me, local_today(), title=SCRIPT, need=need(title=SCRIPT))
    db.session.commit()
    html = client.get(url.format(id=task.id)).text
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _fill(me, make, count: int) -> None:
    boss = make.user()
    for i in range(count):
        target = [
            {"need": need()},
            {"organisation": make.organisation()},
            {"delegation": make.delegation()},
        ][i % 3]
        followup(
            me,
            local_today() + timedelta(days=i % 9 - 3),
            assigned_by=boss,
            seen_by_assignee=True,
            **target,
        )
    db.session.commit()


@pytest.mark.parametrize("url", ["/followups/mine", "/followups/"])
def test_query_count_does_not_grow_with_rows(app, client, login, make, url):
    app.config["PER_PAGE"] = 50  # one page either way (a short first page skips the count)
    me = login()
    _fill(me, make, 3)
    client.get(url)  # warm-up: the first request of a session loads extra metadata
    db.session.expire_all()  # requests share the test's session: start each from the same state
    with count_queries() as few:
        assert client.get(url).status_code == 200
    _fill(me, make, 27)
    client.get(url)  # the badge is counted again after a change, once (tracker.datacache)
    db.session.expire_all()
    with count_queries() as many:
        assert client.get(url).status_code == 200
    assert len(few) == len(many)


@pytest.mark.parametrize("key", ["due_from", "due_to", "completed_from", "completed_to"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_list_ignores_days_at_the_ends_of_the_calendar(client, login, key, day):
    """Such days overflow once turned into UTC bounds; the list parses them like the needs list."""
    login()
    assert client.get("/followups/", query_string={key: day}).status_code == 200
