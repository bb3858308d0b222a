"""A confidential need with a follow-up, a match, a talk and notes, and the people around it."""

from dataclasses import dataclass
from datetime import datetime

from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests import factories as make
from tests.conftest import PASSWORD
from tracker.extensions import db
from tracker.models import (
    FollowUp,
    Match,
    Need,
    NeedNote,
    Role,
    Stage,
    StageChange,
    Talk,
    User,
    talk_staff,
)

# Every title that belongs to the confidential need carries this word; outsiders never see it.
MARK = "Kryptonite"
# Who may see the confidential need, and who may not.
INSIDERS = ("owner", "assignee", "manager", "admin")
OUTSIDER = "outsider"


@dataclass
class World:
    """The records and users, by name."""

    users: dict[str, User]
    need: Need
    open_need: Need
    followup: FollowUp
    match: Match
    talk: Talk
    partner_id: int
    organisation_id: int
    delegation_id: int
    note: NeedNote | None = None


def build_world() -> World:
    """The confidential need of owner; assignee has a follow-up on it; outsider takes part in
    its talk as staff (so only the rule keeps it out of the outsider's calendar)."""
    users = {
        "owner": make.user(role=Role.STAFF, display_name="Olga Owner"),
        "assignee": make.user(role=Role.STAFF, display_name="Anton Assignee"),
        "outsider": make.user(role=Role.STAFF, display_name="Otto Outsider"),
        "manager": make.user(role=Role.MANAGER, display_name="Mia Manager"),
        "admin": make.user(role=Role.ADMIN, display_name="Ada Admin"),
    }
    org = make.organisation(name="Saale Robotik GmbH")
    partner = make.local_partner(name="Baoshan Robot Park")
    delegation = make.delegation(title="Saxony-Anhalt robotics")
    need = make.need_with_history(
        [(Stage.NEW, datetime(2026, 5, 12, 2)), (Stage.MATCHING, datetime(2026, 5, 13, 2))],
        org, title=f"{MARK} plant site", owner=users["owner"], confidential=True,
        delegation=delegation, estimated_investment=5_000_000, currency="EUR",
    )  # fmt: skip
    open_need = make.need_with_history(
        [(Stage.NEW, datetime(2026, 5, 12, 2)), (Stage.MATCHING, datetime(2026, 5, 13, 2))],
        org, title="Open office search", owner=users["outsider"], delegation=delegation,
    )  # fmt: skip
    note = NeedNote(need=need, body=f"{MARK} note", author=users["owner"])
    db.session.add(note)
    followup = make.followup(users["assignee"], need=need, title=f"{MARK} call")
    make.followup(users["outsider"], need=open_need, title="Open call")
    match = make.match(need, partner)
    talk = make.talk(
        need, datetime(2026, 5, 13, 2), match=match, title=f"{MARK} talk", staff=[users["outsider"]]
    )
    for user in users.values():
        user.calendar_token = f"{user.display_name.split()[0].lower():a<40}"
    db.session.commit()
    return World(
        users, need, open_need, followup, match, talk, partner.id, org.id, delegation.id, note
    )


def signed_in(app, user: User) -> FlaskClient:
    """A new client logged in as user."""
    client = app.test_client()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.text
    return client


def snapshot(world: World) -> tuple:
    """Everything a request could change about the confidential need and what belongs to it,
    read with Core statements (no ORM rule, no identity map)."""
    need, fu, match, talk = (t.__table__ for t in (Need, FollowUp, Match, Talk))
    need_id = world.need.id

    def count(table, column) -> int:
        return db.session.scalar(select(func.count()).select_from(table).where(column == need_id))

    return (
        db.session.execute(select(need).where(need.c.id == need_id)).one(),
        db.session.execute(select(fu).where(fu.c.need_id == need_id).order_by(fu.c.id)).all(),
        db.session.execute(select(match).where(match.c.need_id == need_id)).all(),
        db.session.execute(select(talk).where(talk.c.need_id == need_id)).all(),
        count(StageChange.__table__, StageChange.__table__.c.need_id),
        count(NeedNote.__table__, NeedNote.__table__.c.need_id),
        db.session.scalar(select(func.count()).select_from(talk_staff)),
    )
