"""Talks: no outcome before a talk has been held; the page's participants by side; one hint."""

from datetime import timedelta

import pytest

from tracker.extensions import db
from tracker.models import MatchStatus, Stage, utcnow
from tracker.talks import services
from tracker.talks.services import TalkData, TalkError

NOT_HELD = "This talk has not taken place yet. Record its outcome once it has been held."


@pytest.fixture
def need(make):
    n = make.need(title="Production space", stage=Stage.QUALIFIED)
    db.session.commit()
    return n


@pytest.fixture
def future_talk(make, need):
    park = make.local_partner(name="Robot Park")
    match = make.match(need, park, status=MatchStatus.TALK_SCHEDULED)
    talk = make.talk(need, utcnow() + timedelta(days=3), match=match)
    db.session.commit()
    return talk


def test_the_service_refuses_an_outcome_before_the_talk(future_talk):
    with pytest.raises(TalkError) as refused:
        services.record_outcome(future_talk, "Notes", "Agreed", None)
    assert refused.value.field == "outcome"
    assert str(refused.value) == NOT_HELD
    assert future_talk.outcome is None
    assert future_talk.match.status == MatchStatus.TALK_SCHEDULED


def test_the_service_records_an_outcome_once_the_talk_has_started(make, need):
    talk = make.talk(need, utcnow() - timedelta(minutes=5))
    services.record_outcome(talk, None, "Lease terms sent", None)
    assert talk.outcome == "Lease terms sent"


def test_the_outcome_form_refuses_a_future_talk_at_the_field(client, login, future_talk):
    login()
    page = client.get(f"/talks/{future_talk.id}/outcome").text
    assert 'id="not-held-yet"' in page
    response = client.post(
        f"/talks/{future_talk.id}/outcome",
        data={"minutes": "", "outcome": "Agreed", "version": future_talk.version},
    )
    assert response.status_code == 200
    assert 'id="outcome-error"' in response.text and NOT_HELD in response.text
    db.session.refresh(future_talk)
    assert future_talk.outcome is None
    assert future_talk.match.status == MatchStatus.TALK_SCHEDULED


def test_a_future_talk_offers_no_outcome_to_edit(client, login, future_talk):
    login()
    page = client.get(f"/talks/{future_talk.id}").text
    assert f"/talks/{future_talk.id}/outcome" not in page
    assert "can be recorded once the talk has been held" in page


def test_a_held_talk_cannot_move_into_the_future(make, need):
    talk = make.talk(need, utcnow() - timedelta(days=2), outcome="Agreed")
    db.session.flush()
    later = utcnow() + timedelta(days=5)
    data = TalkData(title=talk.title, starts_at=later, ends_at=later + timedelta(hours=1),
                    timezone="Asia/Shanghai", place="Hall 1")  # fmt: skip
    with pytest.raises(TalkError) as refused:
        services.update_talk(talk, data)
    assert refused.value.field == "day"
    assert talk.starts_at < utcnow()


def test_the_edit_form_shows_the_refusal_at_the_date(client, login, make, need):
    login()
    talk = make.talk(need, utcnow() - timedelta(days=2), outcome="Agreed")
    db.session.commit()
    day = (utcnow() + timedelta(days=10)).date().isoformat()
    response = client.post(f"/talks/{talk.id}/edit", data={
        "title": talk.title, "day": day, "start": "10:00", "end": "11:00",
        "timezone": "Asia/Shanghai", "place": "Hall 1", "version": talk.version,
    })  # fmt: skip
    assert response.status_code == 200
    assert 'id="day-error"' in response.text and "cannot move to a time in the future" in (
        response.text
    )
    db.session.refresh(talk)
    assert talk.starts_at < utcnow()


def test_the_talk_page_shows_visitors_local_partners_and_staff_apart(client, login, make, need):
    user = login()
    visitor = make.person(full_name="Anna Visitor", organisation=need.organisation)
    park = make.local_partner(name="Robot Park")
    host = make.person(full_name="Li Host", organisation=park, position="Park manager")
    talk = make.talk(need, utcnow() + timedelta(days=1), people=[visitor, host],
                     organisations=[park], staff=[user])  # fmt: skip
    db.session.commit()
    page = client.get(f"/talks/{talk.id}").text
    visitors = page.split('id="visitors"')[1].split("</ul>")[0]
    partners = page.split('id="partners"')[1].split('id="staff-h"')[0]
    staff = page.split('id="staff"')[1].split("</ul>")[0]
    assert "Anna Visitor" in visitors and "Li Host" not in visitors
    assert "Robot Park" in partners and "Li Host" in partners and "Anna Visitor" not in partners
    assert user.display_name in staff


def test_scheduling_says_the_need_is_still_in_its_stage_once(client, login, need):
    login()
    response = client.post(
        f"/talks/new?need_id={need.id}",
        data={"title": "Robot park talk", "day": "2030-05-13", "start": "10:00", "end": "11:00",
              "timezone": "Asia/Shanghai", "place": "Hall 1"},
        follow_redirects=True,
    )  # fmt: skip
    assert 'id="move-to-talks"' in response.text
    assert response.text.count("still") == 1
