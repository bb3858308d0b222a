"""Each subscribed change queues one delivery per active hook, in the change's own transaction."""

import json
from datetime import date, datetime, timedelta

from sqlalchemy import select

from tests.matchmaking.fixtures import robotics_world
from tests.webhooks.receiver import hook
from tracker.extensions import db
from tracker.followups.services import create_followup, reassign
from tracker.matchmaking.services import pick_partner
from tracker.models import Stage, WebhookDelivery
from tracker.needs.pipeline import move_need
from tracker.talks.services import TalkData, create_talk, update_talk

DUE = date(2026, 6, 1)


def _queued(event_type: str | None = None) -> list[WebhookDelivery]:
    stmt = select(WebhookDelivery).order_by(WebhookDelivery.id)
    if event_type is not None:
        stmt = stmt.where(WebhookDelivery.event_type == event_type)
    return list(db.session.scalars(stmt))


def _event(delivery: WebhookDelivery) -> dict:
    return json.loads(delivery.body)


def _talk_data(starts_at: datetime, **kw) -> TalkData:
    ends_at = starts_at + timedelta(hours=1)
    return TalkData(
        title="Site visit", starts_at=starts_at, ends_at=ends_at, timezone="Asia/Shanghai", **kw
    )


def test_a_stage_move_queues_need_stage_changed_with_from_and_to(app, make):
    target, user = hook(), make.user(display_name="Li Na")
    need = make.need(title="Production space", stage=Stage.QUALIFIED)
    move_need(need, Stage.MATCHING, user, note="Two parks fit")
    db.session.commit()
    (delivery,) = _queued()
    event = _event(delivery)
    assert (delivery.webhook_id, delivery.event_type) == (target.id, "need.stage_changed")
    assert event["type"] == "need.stage_changed" and event["id"] == delivery.event_id
    assert event["occurred_at"].endswith("Z")
    assert event["data"]["need"] == {
        "id": need.id, "title": "Production space", "stage": "matching", "confidential": False,
        "organisation_id": need.organisation_id,
    }  # fmt: skip
    assert event["data"]["from_stage"] == "qualified" and event["data"]["to_stage"] == "matching"
    assert event["data"]["changed_by"] == {"id": user.id, "name": "Li Na"}
    assert event["data"]["note"] == "Two parks fit"


def test_a_rolled_back_save_queues_nothing(app, make):
    hook()
    need = make.need(stage=Stage.QUALIFIED)
    db.session.commit()
    move_need(need, Stage.MATCHING, make.user())
    assert len(_queued()) == 1  # written with the change, in its transaction
    db.session.rollback()
    assert _queued() == []


def test_assigning_and_reassigning_a_follow_up_queue_followup_assigned(app, make):
    hook()
    boss, first, second = make.user(), make.user(display_name="Anna"), make.user()
    need = make.need()
    followup = create_followup(need=need, title="Send the site plan", kind="email",
                               assignee=first, due_date=DUE, assigned_by=boss)  # fmt: skip
    reassign(followup, second, boss)
    db.session.commit()
    created, moved = (_event(d)["data"] for d in _queued("followup.assigned"))
    assert created["followup"]["title"] == "Send the site plan"
    assert created["assignee"] == {"id": first.id, "name": "Anna"}
    assert created["assigned_by"]["id"] == boss.id and created["reassigned"] is False
    assert created["need"]["id"] == need.id
    assert moved["assignee"]["id"] == second.id and moved["reassigned"] is True


def test_scheduling_and_moving_a_talk_queue_talk_scheduled(app, make):
    hook()
    need, user = make.need(), make.user()
    talk = create_talk(need, _talk_data(datetime(2026, 6, 2, 2), place="Hall 1"), user)
    update_talk(talk, _talk_data(datetime(2026, 6, 3, 2), place="Hall 1"))
    update_talk(talk, _talk_data(datetime(2026, 6, 3, 2), place="Hall 2"))  # same time: no event
    db.session.commit()
    scheduled, moved = (_event(d)["data"] for d in _queued("talk.scheduled"))
    assert scheduled["talk"]["starts_at"] == "2026-06-02T02:00:00Z"
    assert scheduled["talk"]["place"] == "Hall 1" and scheduled["rescheduled"] is False
    assert moved["talk"]["starts_at"] == "2026-06-03T02:00:00Z" and moved["rescheduled"] is True


def test_matching_a_need_with_a_partner_queues_match_accepted(app, make):
    hook()
    need, partner = make.need(), make.local_partner(name="Baoshan Robot Park")
    match = pick_partner(need, partner, None, make.user())
    db.session.commit()
    (delivery,) = _queued("match.accepted")
    data = _event(delivery)["data"]
    assert data["match"]["id"] == match.id and data["match"]["status"] == "proposed"
    assert data["match"]["organisation"] == {"id": partner.id, "name": "Baoshan Robot Park"}
    assert data["need"]["id"] == need.id


def test_only_active_hooks_subscribed_to_the_event_get_it(app, make):
    wants = hook(events="need.stage_changed")
    hook(events="talk.scheduled")
    hook(events="need.stage_changed", active=False)
    need = make.need(stage=Stage.QUALIFIED)
    move_need(need, Stage.MATCHING, make.user())
    db.session.commit()
    assert [d.webhook_id for d in _queued()] == [wants.id]


def test_two_hooks_get_the_same_event_as_two_deliveries(app, make):
    first, second = hook(), hook(name="BI dashboard")
    need = make.need(stage=Stage.QUALIFIED)
    move_need(need, Stage.MATCHING, make.user())
    db.session.commit()
    one, two = _queued()
    assert {one.webhook_id, two.webhook_id} == {first.id, second.id}
    assert one.event_id == two.event_id and one.body == two.body


def test_an_event_about_a_confidential_need_carries_only_its_id_and_stage(app, make):
    hook()
    user = make.user()
    need = make.need(title="Secret plant", stage=Stage.QUALIFIED, confidential=True)
    move_need(need, Stage.MATCHING, user, note="Secret note")
    create_followup(need=need, title="Secret call", kind="call", assignee=user, due_date=DUE,
                    assigned_by=user)  # fmt: skip
    create_talk(need, _talk_data(datetime(2026, 6, 2, 2)), user)
    pick_partner(need, make.local_partner(), None, user)
    db.session.commit()
    events = [_event(d) for d in _queued()]
    assert len(events) == 4
    for event in events:
        assert event["data"]["need"] == {"id": need.id, "stage": "matching", "confidential": True}
        assert "Secret" not in json.dumps(event, ensure_ascii=False)
    moved = next(e for e in events if e["type"] == "need.stage_changed")["data"]
    assert set(moved) == {"need", "from_stage", "to_stage"}
    for event in events:
        if event["type"] != "need.stage_changed":
            record = next(v for k, v in event["data"].items() if k != "need")
            assert list(record) == ["id"]


def test_without_hooks_a_change_queues_nothing(app, make):
    need = make.need(stage=Stage.QUALIFIED)
    move_need(need, Stage.MATCHING, make.user())
    db.session.commit()
    assert _queued() == []


def test_accepting_a_suggestion_through_the_page_sends_its_score_in_match_accepted(client, login):
    login()
    hook(events="match.accepted")
    world = robotics_world()
    client.post(f"/matchmaking/needs/{world.need.id}/accept",
                data={"organisation_id": world.park.id})  # fmt: skip
    (delivery,) = _queued("match.accepted")
    match = _event(delivery)["data"]["match"]
    assert match["organisation"]["id"] == world.park.id
    assert match["score"] is not None and match["score"] > 0
    assert match["offer_id"] is not None
