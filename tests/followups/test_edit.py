"""Editing, reassigning, completing and cancelling, with the version guard."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from tests.conftest import PASSWORD
from tests.followups.builders import followup
from tracker.extensions import db
from tracker.followups import services
from tracker.i18n import local_today
from tracker.models import FollowUp, FollowUpStatus, Reassignment


def form_data(task: FollowUp, **changes) -> dict:
    data = {
        "title": task.title,
        "kind": task.kind.value,
        "assignee_id": str(task.assignee_id),
        "due_date": task.due_date.isoformat(),
        "version": str(task.version),
    }
    data.update(changes)
    return data


def reload(task: FollowUp) -> FollowUp:
    db.session.expire_all()
    return db.session.get(FollowUp, task.id)


@pytest.fixture
def task(make):
    """An open follow-up due in three days, with a fresh owner."""
    owner = make.user(display_name="Owner")
    created = followup(owner, local_today() + timedelta(days=3), title="Call Jena")
    db.session.commit()
    return created


def second_client(app, make):
    """Another browser, logged in as another colleague."""
    user = make.user(password=PASSWORD)
    db.session.commit()
    other = app.test_client()
    other.post("/login", data={"email": user.email, "password": PASSWORD})
    return other, user


def test_edit_form_carries_the_version(client, login, task):
    login()
    response = client.get(f"/followups/{task.id}/edit")
    assert response.status_code == 200
    assert 'name="version" type="hidden" value="1"' in response.text


def test_edit_saves(client, login, task):
    login()
    response = client.post(f"/followups/{task.id}/edit", data=form_data(task, title="Call Erfurt"))
    assert response.status_code == 302
    saved = reload(task)
    assert (saved.title, saved.version) == ("Call Erfurt", 2)


def test_reassignment_is_recorded_and_new_for_the_assignee(client, login, make, task):
    me = login()
    newcomer = make.user(display_name="Newcomer")
    db.session.commit()
    owner_id = task.assignee_id
    client.post(f"/followups/{task.id}/edit", data=form_data(task, assignee_id=str(newcomer.id)))
    row = db.session.scalar(select(Reassignment))
    assert (row.from_user_id, row.to_user_id, row.by_user_id) == (owner_id, newcomer.id, me.id)
    assert reload(task).seen_by_assignee is False
    assert services.followup_badge(newcomer).unseen == 1
    detail = client.get(f"/followups/{task.id}").text
    assert "Owner → Newcomer" in detail


def test_edit_keeps_an_inactive_assignee_and_an_old_due_date(client, login, make):
    login()
    gone = make.user(active=False)
    old = followup(gone, local_today() - timedelta(days=5))
    db.session.commit()
    response = client.post(f"/followups/{old.id}/edit", data=form_data(old, title="Renamed"))
    assert response.status_code == 302
    assert reload(old).title == "Renamed"


def test_edit_cannot_hand_over_to_an_inactive_user(client, login, make, task):
    login()
    gone = make.user(active=False)
    db.session.commit()
    response = client.post(f"/followups/{task.id}/edit", data=form_data(task, assignee_id=gone.id))
    assert "Choose an active colleague from the list." in response.text
    assert reload(task).assignee_id != gone.id


def test_moving_the_due_date_into_the_past_needs_confirmation(client, login, task):
    login()
    past = (local_today() - timedelta(days=1)).isoformat()
    response = client.post(f"/followups/{task.id}/edit", data=form_data(task, due_date=past))
    assert "Yes, the due date is in the past" in response.text
    assert reload(task).version == 1


def test_second_of_two_concurrent_edits_gets_409(app, client, login, make, task):
    login()
    other, _user = second_client(app, make)
    assert client.get(f"/followups/{task.id}/edit").status_code == 200
    assert other.get(f"/followups/{task.id}/edit").status_code == 200
    stale = form_data(task)
    first = client.post(f"/followups/{task.id}/edit", data={**stale, "title": "First wins"})
    assert first.status_code == 302
    second = other.post(f"/followups/{task.id}/edit", data={**stale, "title": "Second loses"})
    assert second.status_code == 409
    assert "Someone else changed this follow-up" in second.text
    assert "First wins" in second.text  # the current values are shown
    assert 'value="Second loses"' in second.text  # the user's input is kept
    assert 'name="version" type="hidden" value="2"' in second.text
    assert reload(task).title == "First wins"


def test_concurrent_writer_during_flush_gets_409(client, login, task, monkeypatch):
    login()
    original = services.update_followup

    def racing(followup, **kwargs):
        # Another request commits between our read and our write.
        with db.engine.begin() as connection:
            connection.execute(
                update(FollowUp.__table__)
                .where(FollowUp.__table__.c.id == followup.id)
                .values(title="Sneaky", version=FollowUp.__table__.c.version + 1)
            )
        return original(followup, **kwargs)

    monkeypatch.setattr(services, "update_followup", racing)
    response = client.post(f"/followups/{task.id}/edit", data=form_data(task, title="Mine"))
    assert response.status_code == 409
    assert "Sneaky" in response.text
    assert reload(task).title == "Sneaky"


def test_complete_from_my_followups_in_one_step(client, login):
    me = login()
    mine = followup(me, local_today())
    db.session.commit()
    response = client.post(
        f"/followups/{mine.id}/complete",
        data={"outcome": "Price list sent", "version": "1", "next": "/followups/mine"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/followups/mine")
    done = reload(mine)
    assert (done.status, done.outcome, done.completed_by_id) == (
        FollowUpStatus.DONE,
        "Price list sent",
        me.id,
    )


@pytest.mark.parametrize("outcome", ["", "   "])
def test_complete_requires_an_outcome(client, login, task, outcome):
    login()
    response = client.post(
        f"/followups/{task.id}/complete", data={"outcome": outcome, "version": "1"}
    )
    assert response.status_code == 200
    assert "Say briefly what came of it." in response.text
    assert reload(task).status == FollowUpStatus.OPEN


def test_complete_with_a_stale_version_gets_409(client, login, task):
    login()
    response = client.post(f"/followups/{task.id}/complete", data={"outcome": "x", "version": "0"})
    assert response.status_code == 409
    assert "Call Jena" in response.text
    assert reload(task).status == FollowUpStatus.OPEN


@pytest.mark.parametrize("action", ["complete", "cancel"])
def test_closed_followups_are_left_alone(client, login, task, action):
    me = login()
    services.complete_followup(db.session.get(FollowUp, task.id), "Done early", me)
    db.session.commit()
    response = client.post(
        f"/followups/{task.id}/{action}",
        data={"outcome": "Again", "version": "2"},
        follow_redirects=True,
    )
    assert "is already done; nothing was changed." in response.text
    assert reload(task).outcome == "Done early"


def test_cancel(client, login, task):
    me = login()
    response = client.post(f"/followups/{task.id}/cancel")
    assert response.status_code == 302
    cancelled = reload(task)
    assert (cancelled.status, cancelled.completed_by_id) == (FollowUpStatus.CANCELLED, me.id)


def test_unknown_followup_is_404(client, login):
    login()
    assert client.get("/followups/999/edit").status_code == 404
    assert client.post("/followups/999/complete", data={"outcome": "x"}).status_code == 404
    assert client.post("/followups/999/cancel").status_code == 404


def test_get_is_not_allowed_on_complete_and_cancel(client, login, task):
    login()
    assert client.get(f"/followups/{task.id}/complete").status_code == 405
    assert client.get(f"/followups/{task.id}/cancel").status_code == 405
    assert db.session.scalar(select(func.count(FollowUp.id))) == 1
