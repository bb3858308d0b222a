"""The flag of an active need without an open follow-up is named for what it counts (issue 20):
a need whose Next step field is filled in but has no open follow-up is "No open follow-up"."""

from datetime import timedelta

import pytest

from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Stage


@pytest.fixture
def noted(make):
    """An active need with its Next step field filled in and no follow-up."""
    need = make.need(title="Noted need", stage=Stage.QUALIFIED, next_step="Send the brochure",
                     next_step_date=local_today() + timedelta(days=3))  # fmt: skip
    db.session.commit()
    return need


@pytest.mark.parametrize("path", ["/needs/{id}", "/needs/", "/needs/board"])
def test_a_filled_next_step_field_without_a_follow_up_is_flagged_no_open_follow_up(
    client, login, noted, path
):
    login("manager")
    page = client.get(path.format(id=noted.id)).text
    assert "Send the brochure" in page or path == "/needs/board"
    assert "No open follow-up" in page
    assert "No next step" not in page


def test_an_open_follow_up_clears_the_flag(client, login, make, noted):
    user = login()
    make.followup(user, need=noted, due_date=local_today())
    db.session.commit()
    assert "No open follow-up</span>" not in client.get(f"/needs/{noted.id}").text


@pytest.mark.parametrize("param", ["no_open_followup", "no_next_step"])
def test_the_filter_keeps_links_saved_under_its_old_name(client, login, make, noted, param):
    login()
    user = make.user()
    covered = make.need(title="Covered need", stage=Stage.QUALIFIED)
    make.followup(user, need=covered, due_date=local_today())
    db.session.commit()
    page = client.get(f"/needs/?{param}=1").text
    assert "Noted need" in page and "Covered need" not in page
    assert 'name="no_open_followup" value="1" checked' in page


def test_the_report_counts_needs_without_an_open_follow_up(client, login, noted):
    login("manager")
    page = client.get("/reports/pipeline").text
    assert "1 active need has no open follow-up" in page
    assert "no_open_followup=1" in page
