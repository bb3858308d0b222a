"""Matches: accepting suggestions, picking by hand, the status flow and the need's timeline."""

import pytest
from sqlalchemy import func, select

from tests.matchmaking.fixtures import robotics_world
from tracker.extensions import db
from tracker.matchmaking.flow import MatchError, change_status
from tracker.matchmaking.suggestions import suggestion_for
from tracker.models import Match, MatchChange, MatchStatus

S = MatchStatus


def accept(client, need, partner):
    return client.post(
        f"/matchmaking/needs/{need.id}/accept",
        data={"organisation_id": partner.id},
        follow_redirects=True,
    )


def test_accepting_a_suggestion_keeps_its_score_and_reasons(app, client, login):
    user = login()
    world = robotics_world()
    response = accept(client, world.need, world.park)
    assert "Matched with Shanghai Robot Industry Park" in response.text
    with app.test_request_context():
        suggested = suggestion_for(world.need, world.park.id)
    match = db.session.scalar(select(Match))
    assert (match.status, match.created_by_id) == (S.PROPOSED, user.id)
    assert match.score == suggested.score > 0
    assert match.offer.title == "Factory halls"
    assert match.reason_list == suggested.reasons
    assert "offers 5,000 m² for the 3,000 m² asked" in match.reason_list
    change = db.session.scalar(select(MatchChange))
    assert (change.from_status, change.to_status) == (None, S.PROPOSED)


def test_an_accepted_partner_leaves_the_suggestions_and_joins_the_matches(client, login):
    login()
    world = robotics_world()
    accept(client, world.need, world.park)
    page = client.get(f"/needs/{world.need.id}").text
    suggestions = page.split('id="suggestions"')[1]
    assert "Shanghai Robot Industry Park" not in suggestions
    assert "Matched with Shanghai Robot Industry Park (Proposed)" in page  # the timeline


def test_accepting_the_same_partner_twice_is_refused(client, login):
    login()
    world = robotics_world()
    accept(client, world.need, world.park)
    response = accept(client, world.need, world.park)
    assert "already matched with this need" in response.text
    assert db.session.scalar(select(func.count(Match.id))) == 1


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1"])
def test_accepting_an_unknown_partner_is_refused(client, login, value):
    login()
    world = robotics_world()
    response = client.post(
        f"/matchmaking/needs/{world.need.id}/accept",
        data={"organisation_id": value},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert db.session.scalar(select(func.count(Match.id))) == 0


def test_a_visiting_organisation_cannot_be_matched(client, login):
    login()
    world = robotics_world()
    response = accept(client, world.need, world.visitor)
    assert "Only local partners" in response.text
    assert db.session.scalar(select(func.count(Match.id))) == 0


def test_picking_a_partner_by_hand(client, login):
    login()
    world = robotics_world()
    page = client.get(f"/matchmaking/needs/{world.need.id}/pick")
    assert "Auto Parts Cluster" in page.text and "Saale Robotik" not in page.text
    response = client.post(
        f"/matchmaking/needs/{world.need.id}/pick",
        data={"organisation_id": world.cluster.id, "offer_id": "", "note": "Asked by phone"},
    )
    assert response.status_code == 302
    match = db.session.scalar(select(Match))
    assert match.organisation_id == world.cluster.id and match.score is None
    assert db.session.scalar(select(MatchChange.note)) == "Asked by phone"


def test_picking_another_partners_offer_is_refused(client, login):
    login()
    world = robotics_world()
    offer_id = _offer_id(world.park)
    response = client.post(
        f"/matchmaking/needs/{world.need.id}/pick",
        data={"organisation_id": world.cluster.id, "offer_id": offer_id},
    )
    assert response.status_code == 200
    assert "That offer belongs to another partner" in response.text
    assert db.session.scalar(select(func.count(Match.id))) == 0


def _offer_id(partner) -> int:
    from tracker.models import LocalOffer

    return db.session.scalar(select(LocalOffer.id).where(LocalOffer.organisation_id == partner.id))


@pytest.mark.parametrize(
    "field,value",
    [
        ("organisation_id", ""),
        ("organisation_id", "x"),
        ("offer_id", "12345678"),
        ("note", "n" * 5001),
    ],
)
def test_pick_form_errors_write_nothing(client, login, field, value):
    login()
    world = robotics_world()
    data = {"organisation_id": world.park.id, "offer_id": "", "note": ""} | {field: value}
    response = client.post(f"/matchmaking/needs/{world.need.id}/pick", data=data)
    assert response.status_code == 200
    assert "is-invalid" in response.text
    assert db.session.scalar(select(func.count(Match.id))) == 0


def test_the_whole_flow_is_recorded(app, make):
    world = robotics_world()
    user = make.user()
    match = make.match(world.need, world.park)
    for status in (S.INTRODUCED, S.TALK_SCHEDULED, S.TALK_HELD, S.AGREED_FOLLOW_UP):
        change_status(match, status, user, note=f"to {status}")
    changes = db.session.scalars(select(MatchChange).order_by(MatchChange.id)).all()
    assert [(c.from_status, c.to_status) for c in changes] == [
        (S.PROPOSED, S.INTRODUCED),
        (S.INTRODUCED, S.TALK_SCHEDULED),
        (S.TALK_SCHEDULED, S.TALK_HELD),
        (S.TALK_HELD, S.AGREED_FOLLOW_UP),
    ]
    assert all(c.changed_by_id == user.id for c in changes)


@pytest.mark.parametrize(
    "start,target",
    [
        (S.PROPOSED, S.TALK_HELD),
        (S.PROPOSED, S.AGREED_FOLLOW_UP),
        (S.INTRODUCED, S.PROPOSED),
        (S.AGREED_FOLLOW_UP, S.DECLINED),
        (S.DECLINED, S.TALK_HELD),
        (S.PROPOSED, S.PROPOSED),
    ],
)
def test_nonsense_changes_are_refused(app, make, start, target):
    world = robotics_world()
    match = make.match(world.need, world.park, status=start)
    with pytest.raises(MatchError):
        change_status(match, target, None, decline_reason="because")
    assert match.status == start


@pytest.mark.parametrize("start", [S.PROPOSED, S.INTRODUCED, S.TALK_SCHEDULED, S.TALK_HELD])
def test_declining_from_any_open_status_needs_a_reason(app, make, start):
    world = robotics_world()
    match = make.match(world.need, world.park, status=start)
    with pytest.raises(MatchError, match="Say why"):
        change_status(match, S.DECLINED, None, decline_reason="  ")
    change_status(match, S.DECLINED, None, decline_reason="Too far from the port")
    assert match.decline_reason == "Too far from the port"
    change_status(match, S.PROPOSED, None, note="They changed their mind")
    assert match.decline_reason is None


def test_status_change_by_post_and_refusal_message(client, login, make):
    login()
    world = robotics_world()
    match = make.match(world.need, world.park)
    db.session.commit()
    ok = client.post(
        f"/matchmaking/matches/{match.id}/status",
        data={"to_status": "introduced", "note": "Mail sent", "version": match.version},
        follow_redirects=True,
    )
    assert "is now “Introduced”" in ok.text
    assert "Introduced" in ok.text.split('id="timeline"')[1]
    refused = client.post(
        f"/matchmaking/matches/{match.id}/status",
        data={"to_status": "agreed_follow_up", "version": match.version},
        follow_redirects=True,
    )
    assert "A match cannot go from “Introduced” to “Agreed follow-up”." in refused.text
    bad = client.post(
        f"/matchmaking/matches/{match.id}/status",
        data={"to_status": "bogus"},
        follow_redirects=True,
    )
    assert "Choose a status from the list." in bad.text
    db.session.refresh(match)
    assert match.status == S.INTRODUCED


def test_partner_names_are_escaped_on_the_need_page(client, login, make):
    login()
    world = robotics_world()
    world.park.name = "<script>alert(1)</script>"
    db.session.commit()
    page = client.get(f"/needs/{world.need.id}").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_need_page_queries_do_not_grow_with_matches_and_talks(client, login, make, count_queries):
    from datetime import datetime

    login()
    world = robotics_world()

    def add(n):
        for i in range(n):
            partner = make.local_partner(name=f"P{n}-{i}")
            make.match(world.need, partner)
            make.talk(world.need, datetime(2026, 6, 1, i % 10), organisations=[partner])
        db.session.commit()

    add(3)
    client.get(f"/needs/{world.need.id}")  # warm the snapshot
    with count_queries() as few:
        client.get(f"/needs/{world.need.id}")
    add(27)
    client.get(f"/needs/{world.need.id}")
    with count_queries() as many:
        assert client.get(f"/needs/{world.need.id}").status_code == 200
    assert len(few) == len(many)


def test_the_need_page_can_show_the_partners_declined_for_it(client, login, make):
    login()
    need = make.need(title="EMC testing for drives")
    lab = make.local_partner(name="EMC Lab")
    make.offer(lab, kind="market_access", title="EMC testing")
    make.match(need, lab, status=S.DECLINED, decline_reason="Too far")
    db.session.commit()
    page = client.get(f"/needs/{need.id}").text
    suggestions = page.split('id="suggestions"')[1]
    assert "EMC Lab" not in suggestions
    assert "Show 1 declined partner" in suggestions
    shown = client.get(f"/needs/{need.id}?declined=1").text.split('id="suggestions"')[1]
    assert "EMC Lab" in shown
    assert "declined for this need before" in shown
    assert "Hide declined partners" in shown
    assert f'name="organisation_id" value="{lab.id}"' not in shown  # no accepting it again
