"""Data versions (tracker.datacache): every committed change to a scope's models raises its
counter in the same transaction, whoever wrote it; nothing else does."""

import pytest
from sqlalchemy import select, update

from tests.conftest import PASSWORD, _test_config, log_in_as
from tracker import create_app, datacache
from tracker.extensions import db
from tracker.models import FollowUp, Need


def _versions() -> dict[str, int]:
    return {scope: datacache.data_version(scope) for scope in datacache.SCOPES}


@pytest.mark.parametrize(
    ("build", "raised"),
    [
        (lambda make, org: make.need(org), {"pipeline", "followups", "leadership"}),
        (lambda make, org: make.industry(), {"pipeline", "dashboard", "leadership"}),
        (lambda make, org: make.organisation(), {"dashboard", "leadership"}),
        # The organisation's people change too, and the leadership report reads organisations.
        (lambda make, org: make.person(organisation=org), {"dashboard", "leadership"}),
        (lambda make, org: make.delegation(), {"pipeline", "dashboard", "leadership"}),
        (lambda make, org: make.user(), {"pipeline", "leadership"}),
    ],
    ids=["need", "industry", "organisation", "person", "delegation", "user"],
)
def test_a_commit_raises_the_scopes_it_wrote(app, make, build, raised):
    org = make.organisation()
    db.session.commit()
    before = _versions()
    build(make, org)
    db.session.commit()
    after = _versions()
    assert {scope for scope in after if after[scope] != before[scope]} == raised


def test_a_bulk_update_raises_its_scope(app, make):
    make.need()
    db.session.commit()
    before = datacache.data_version("pipeline")
    db.session.execute(update(Need).values(title="Renamed"))
    db.session.commit()
    assert datacache.data_version("pipeline") == before + 1


def test_a_rolled_back_change_raises_nothing(app, make):
    before = _versions()
    make.need()
    db.session.flush()
    db.session.rollback()
    db.session.commit()
    assert _versions() == before


def test_a_savepoint_rolled_back_keeps_the_change_before_it(app, make):
    before = datacache.data_version("pipeline")
    make.need()
    db.session.flush()
    with db.session.begin_nested() as savepoint:
        make.organisation()
        db.session.flush()
        savepoint.rollback()
    db.session.commit()
    assert datacache.data_version("pipeline") == before + 1


def test_logging_in_and_out_raises_nothing(client, login):
    user = login("manager")
    before = _versions()
    client.post("/logout")
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert _versions() == before


def test_a_new_name_raises_the_pipeline(app, make):
    user = make.user()
    db.session.commit()
    before = datacache.data_version("pipeline")
    user.display_name = "Renamed"
    db.session.commit()
    assert datacache.data_version("pipeline") == before + 1


def test_a_change_in_another_process_shows_at_once(app, database_url, make, login, client):
    """Two workers, each with its own in-process cache, on one database."""
    login("manager")
    make.organisation()
    db.session.commit()
    assert _dashboard_count(client, "visiting") == 1
    other = create_app(_test_config(database_url))
    with other.app_context():
        db.session.add(_organisation())
        db.session.commit()
        db.session.remove()
    # The tests' requests share the test's session; a served request ends its own transaction,
    # and with it the counters it read.
    db.session.commit()
    assert _dashboard_count(client, "visiting") == 2


def test_the_dashboard_reads_its_counts_once_per_version(client, login, make, count_queries):
    login("manager")
    client.get("/")
    with count_queries() as again:
        client.get("/")
    assert not any("count(organisation.id)" in q.lower() for q in again)


def _organisation():
    from tracker.models import Organisation

    return Organisation(name="Another visitor", country="DE")


def _dashboard_count(client, name: str) -> int:
    import re

    page = client.get("/").text
    return int(re.search(rf'data-count="{name}">(\d+)<', page).group(1))


def test_seeing_my_follow_ups_raises_only_the_badges(client, login, make):
    """Marking follow-ups as seen writes no column any report figure reads; it moves the nav
    badge's "new" count, and only when something was new."""
    user = login("staff")
    make.followup(user)
    db.session.commit()
    before = _versions()
    assert client.get("/followups/mine").status_code == 200
    db.session.expire_all()
    assert db.session.scalar(select(FollowUp.seen_by_assignee)) is True
    assert _versions() == {**before, "followups": before["followups"] + 1}
    assert client.get("/followups/mine").status_code == 200
    assert _versions() == {**before, "followups": before["followups"] + 1}


def test_the_badge_is_counted_once_per_version(client, login, make, count_queries):
    user = login("staff")
    make.followup(user, seen_by_assignee=True)
    db.session.commit()
    assert "1 open, 0 new" in client.get("/delegations/").text
    with count_queries() as again:
        assert "1 open, 0 new" in client.get("/delegations/").text
    assert not any("from followup" in q.lower() for q in again)
    make.followup(user, seen_by_assignee=False)
    db.session.commit()
    assert "2 open, 1 new" in client.get("/delegations/").text


def test_the_badge_is_kept_per_user(client, make):
    first = make.user(role="staff", password=PASSWORD)
    second = make.user(role="staff", password=PASSWORD)
    make.followup(first)
    db.session.commit()
    log_in_as(client, first)
    assert "1 open" in client.get("/delegations/").text
    log_in_as(client, second)
    assert "open follow-ups" not in client.get("/delegations/").text


def test_figures_are_not_kept_from_a_transaction_that_rolls_back(app, make):
    from tracker.followups.services import followup_badge

    user = make.user()
    db.session.commit()
    make.followup(user)  # flushed, not committed
    assert followup_badge(user).open == 1
    db.session.rollback()
    assert followup_badge(user).open == 0


def test_the_delegation_filters_follow_a_new_country_at_once(client, login, make):
    login("staff")
    make.delegation(origin_country="DE")
    db.session.commit()
    assert 'value="FR"' not in client.get("/delegations/").text
    make.delegation(origin_country="FR")
    db.session.commit()
    assert 'value="FR"' in client.get("/delegations/").text


def test_the_boards_totals_follow_a_new_need_at_once(client, login, make):
    login("manager")
    org = make.organisation()
    make.need(org)
    db.session.commit()
    assert _new_column_total(client) == 1
    make.need(org)
    db.session.commit()
    assert _new_column_total(client) == 2


def test_the_boards_totals_are_kept_per_viewer_of_confidential_needs(client, make):
    """Staff do not see the totals a manager's view counted, confidential needs included."""
    manager = make.user(role="manager", password=PASSWORD)
    staff = make.user(role="staff", password=PASSWORD)
    org = make.organisation()
    make.need(org)
    make.need(org, owner=manager, confidential=True)
    db.session.commit()
    log_in_as(client, manager)
    assert _new_column_total(client) == 2
    log_in_as(client, staff)
    assert _new_column_total(client) == 1


def _new_column_total(client) -> int:
    import re

    page = client.get("/needs/board").text
    column = page[page.index('data-stage="new"') :]
    return int(re.search(r'title="Show all in the list">(\d+)<', column).group(1))
