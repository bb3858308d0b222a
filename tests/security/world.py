"""One record of every kind, so that every URL with ids points at something real."""

from dataclasses import dataclass
from datetime import date, datetime, time

from tests import factories as make
from tests.agreements import builders as agreements
from tests.conftest import PASSWORD
from tracker.extensions import db
from tracker.models import (
    Currency,
    ImportRecord,
    ImportStatus,
    Instalment,
    MatchmakingSession,
    Project,
    RequestPriority,
    Stage,
    TalkCheckIn,
    Webhook,
)
from tracker.projects.agreements import attach_document
from tracker.projects.documents import Upload, store_document
from tracker.scheduling import services as scheduling


@dataclass
class World:
    """The ids that fill the URL rules' variables, by variable name."""

    values: dict[str, object]
    users: dict[str, object]


def build_world() -> World:
    """Every kind of record, and one user per role; the staff user owns what can be owned."""
    users = {
        role: make.user(role=role, password=PASSWORD) for role in ("staff", "manager", "admin")
    }
    owner = users["staff"]
    other = make.user(role="staff")
    org = make.organisation(name="Saale Robotik GmbH")
    survivor = make.organisation(name="Saale Robotik AG")
    partner = make.local_partner(name="Baoshan Robot Park")
    person = make.person(full_name="Markus Vogt", organisation=org)
    delegation = make.delegation(title="Saxony-Anhalt robotics", extra_organisations=[org])
    member = make.member(delegation, person)
    meeting = make.meeting(delegation)
    need = make.need(org, title="Production space", stage=Stage.QUALIFIED, owner=owner)
    match = make.match(need, partner)
    talk = make.talk(need, datetime(2026, 5, 13, 2))
    followup = make.followup(owner, need=need, assigned_by=owner)
    note = make.note(need, author=owner)
    offer = make.offer(partner)
    group = make.synonyms("housing parts ~ Gehäuseteile")
    topic = make.topic()
    gone = make.organisation(name="Closed GmbH", deleted_at=datetime(2026, 5, 1))
    csv = b"Name,Organisation\nAnna Berg,Saale Robotik GmbH\n"
    draft = ImportRecord(delegation=delegation, created_by=owner, file_name="list.csv", payload=csv)
    done = ImportRecord(
        delegation=delegation, created_by=owner, file_name="list.csv", status=ImportStatus.DONE,
        counts={}, finished_at=datetime(2026, 5, 1),
    )  # fmt: skip
    # Port 9 (discard) is closed on loopback: the test button fails at once, sending nothing.
    hook = Webhook(name="Project database", url="http://127.0.0.1:9/hook", secret="s" * 32,
                   events="need.stage_changed")  # fmt: skip
    db.session.add_all([draft, done, hook])
    # The collections start empty, so that the services may read them before any load.
    empty = {k: [] for k in ("days", "breaks", "tables", "interpreters", "blocks", "requests")}
    session = MatchmakingSession(delegation=delegation, created_by=owner, **empty)
    day = scheduling.SessionData("Day", 20, 8, [(date(2026, 5, 12), time(9), time(11))], [])
    scheduling.save_session(session, day)
    table = scheduling.add_table(session, "Table 1", 4, None)
    talk_request = scheduling.add_request(
        session, "Talk", RequestPriority.SHOULD, [person], [], owner
    )
    # A check-in on the talk (tracker.scheduling.aftermath), answered on its own page.
    check_in_followup = make.followup(owner, need=need, assigned_by=owner)
    db.session.add(TalkCheckIn(talk_request=talk_request, followup=check_in_followup, months=3))
    won = make.need(org, title="Assembly hall", stage=Stage.WON, owner=owner)
    project = Project(name="Assembly plant", organisation=org, owner=owner, created_by=owner)
    project.needs = [won]
    instalment = Instalment(project=project, received_on=date(2026, 5, 20), amount=100,
                            currency=Currency.CNY, rate_to_cny=1, amount_cny=100,
                            created_by_id=owner.id)  # fmt: skip
    db.session.add_all([project, instalment])
    other.calendar_token = "t" * 40
    # The project's agreement (recorded by the staff user, its document stored) and an
    # obligation the staff user watches.
    db.session.flush()
    agreement = agreements.agreement(project, created_by_id=owner.id)
    attach_document(agreement, store_document(Upload(agreements.PDF, "mou.pdf"), 1024))
    obligation = agreements.obligation(agreement, owner_id=owner.id)
    db.session.commit()
    return World(
        users=users,
        values={
            "delegation_id": delegation.id,
            "meeting_id": meeting.id,
            "member_id": member.id,
            "organisation_id": org.id,
            "survivor_id": survivor.id,
            "partner_id": partner.id,
            "person_id": person.id,
            "need_id": need.id,
            "match_id": match.id,
            "talk_id": talk.id,
            "followup_id": followup.id,
            "note_id": note.id,
            "offer_id": offer.id,
            "group_id": group.id,
            "term_id": topic.id,
            "kind": "topics",
            "user_id": other.id,
            "staff_id": owner.id,
            "entity": "organisation",
            "entity_id": org.id,
            "record_id": draft.id,
            "done_record_id": done.id,
            "fmt": "csv",
            "token": other.calendar_token,
            "filename": "css/tracker.css",
            "deleted_organisation_id": gone.id,
            "webhook_id": hook.id,
            "session_id": session.id,
            "item_id": table.id,
            "request_id": talk_request.id,
            "table_id": table.id,
            "check_in_followup_id": check_in_followup.id,
            "project_id": project.id,
            "agreement_id": agreement.id,
            "obligation_id": obligation.id,
            "instalment_id": instalment.id,
        },
    )
