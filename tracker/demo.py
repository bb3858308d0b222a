"""seed-demo: load the demo data set idempotently (each record is found by a natural key first)."""

import secrets
from collections import Counter
from datetime import date, datetime, timedelta

from sqlalchemy import select

from tracker import demo_data as data
from tracker.demo_projects import seed_projects
from tracker.demo_records import add_organisation, add_person, add_staff, demo_region
from tracker.demo_year import seed_year
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.matchmaking.services import OfferData, accept_suggestion, save_offer
from tracker.matchmaking.suggestions import suggest
from tracker.models import (
    Currency,
    Delegation,
    DelegationMember,
    DelegationStatus,
    FollowUp,
    FollowUpKind,
    KeyIndustry,
    LocalOffer,
    LostReason,
    Match,
    Meeting,
    MemberRole,
    Need,
    NeedCategory,
    Role,
    Stage,
    SynonymGroup,
    Topic,
    User,
    WonOutcome,
)
from tracker.models.meeting import meeting_person
from tracker.needs.pipeline import Outcome, move_need
from tracker.needs.services import create_need

DEMO_ADMIN_EMAIL = "admin@example.org"
THURINGIA_TITLE = "Thuringia business delegation to Baoshan"


def create_demo_admin() -> tuple[str, str]:
    """Create the demo admin with a random password; return the credentials to print once."""
    password = secrets.token_urlsafe(12)
    admin = User(email=DEMO_ADMIN_EMAIL, display_name="Demo Admin", role=Role.ADMIN)
    admin.set_password(password)
    db.session.add(admin)
    db.session.flush()
    return DEMO_ADMIN_EMAIL, password


def seed() -> str:
    """Add whatever of the demo data set is missing; return a one-line summary of what was added."""
    created: Counter[str] = Counter()
    topics = {row[0]: _vocabulary(Topic, row, i, created) for i, row in enumerate(data.TOPICS)}
    industries = {
        row[0]: _vocabulary(KeyIndustry, row, i, created)
        for i, row in enumerate(data.KEY_INDUSTRIES)
    }
    for i, row in enumerate(data.NEED_CATEGORIES):
        _vocabulary(NeedCategory, row, i, created)
    for i, (*names, needs_text) in enumerate(data.LOST_REASONS):
        _vocabulary(LostReason, tuple(names), i, created).needs_text = needs_text
    staff = [add_staff(*row, created) for row in data.STAFF]
    visiting = [
        add_organisation(name, kind, city, industries.get(ind), de, zh, web, False, created)
        for name, kind, city, ind, de, zh, web in data.VISITING_ORGANISATIONS
    ]
    local = [
        add_organisation(name, kind, city, industries.get(ind), de, zh, None, True, created)
        for name, kind, city, ind, de, zh in data.LOCAL_ORGANISATIONS
    ]
    for name, other, position, org_index, languages in data.LOCAL_CONTACTS:
        add_person(name, other, position, local[org_index], languages, created)
    thuringia = _thuringia(staff, topics, visiting, created)
    _needs(thuringia, staff, visiting, industries, created)
    _matchmaking(thuringia, local, industries, created)
    _visit_matches(thuringia, created)
    _planned_delegation(staff, topics, created)
    seed_year(staff, topics, industries, local, created)
    seed_projects(staff, local_today(), created)
    db.session.flush()
    return ", ".join(f"{n} {kind} added" for kind, n in created.items()) or "nothing to add"


def _vocabulary(model, row: tuple, position: int, created: Counter):
    name, name_de, name_zh = row
    term = db.session.scalar(select(model).where(model.name == name))
    if term is None:
        term = model(name=name, name_de=name_de, name_zh=name_zh, position=position)
        db.session.add(term)
        created["vocabulary terms"] += 1
    return term


def _thuringia(staff, topics, visiting, created) -> Delegation:
    start = date(2026, 11, 10)
    delegation = db.session.scalar(
        select(Delegation).where(
            Delegation.title == THURINGIA_TITLE, Delegation.start_date == start
        )
    )
    if delegation is not None:
        return delegation
    delegation = Delegation(
        title=THURINGIA_TITLE,
        origin_country="DE",
        origin_region=demo_region("Thuringia"),
        start_date=start,
        end_date=date(2026, 11, 12),
        host="Baoshan District Commerce Commission",
        host_officer=staff[0],
        status=DelegationStatus.COMPLETED,
        announced_size=30,
        summary=(
            "A delegation of almost 30 from Thuringia's state government, business, research "
            "institutes and leading companies discussed AI and robotics, industrial innovation "
            "cooperation and global supply chains. The commission presented Baoshan's investment "
            "offer and will work out each company's cooperation needs for targeted follow-up talks."
        ),
        source_url="https://german.shanghai.gov.cn/",
        topics=list(topics.values())[:3],
    )
    db.session.add(delegation)
    created["delegations"] += 1
    for name, other, position, org_index, role, languages in data.MEMBERS:
        org = visiting[org_index] if org_index is not None else None
        person = add_person(name, other, position, org, languages, created)
        db.session.add(
            DelegationMember(
                delegation=delegation,
                person=person,
                organisation_id=person.organisation_id,
                role=MemberRole(role),
            )
        )
    db.session.flush()
    _meetings(delegation, staff, topics, created)
    return delegation


def _meetings(delegation: Delegation, staff, topics, created) -> None:
    # Times in UTC: 09:30 and 14:00 in Shanghai.
    sessions = [
        ("Presentation of Baoshan's investment offer", datetime(2026, 11, 10, 1, 30),
         "Baoshan District Government, Hall 1", ["Investment promotion"],
         "The commission presented the six key industries, the talent and industrial space "
         "support policies for foreign companies, and the Shanghai Robot Industry Park."),
        ("Round table: AI, robotics and supply chains", datetime(2026, 11, 10, 6, 0),
         "Shanghai Robot Industry Park", ["AI and robotics", "Global supply chains"],
         "Companies described their plans in China; several asked for production space, "
         "local partners and help with recruiting engineers."),
    ]  # fmt: skip
    for title, starts_at, place, topic_names, minutes in sessions:
        meeting = Meeting(
            delegation=delegation,
            title=title,
            starts_at=starts_at,
            place=place,
            minutes=minutes,
            topics=[topics[n] for n in topic_names],
            staff=staff[:2],
        )
        db.session.add(meeting)
        created["meetings"] += 1


def _needs(delegation, staff, visiting, industries, created) -> None:
    """A few needs along the pipeline, with follow-ups dated around today."""
    categories = {c.name: c for c in db.session.scalars(select(NeedCategory))}
    no_budget = db.session.scalar(select(LostReason).where(LostReason.name == "No budget"))
    today = local_today()
    # The companies told the round table what they need (its minutes say so).
    round_table = db.session.scalar(
        select(Meeting.id).where(
            Meeting.delegation_id == delegation.id, Meeting.title.startswith("Round table")
        )
    )
    # Won a few weeks after the visit (or today, on a machine whose clock is earlier).
    won = Outcome(won_on=min(today, date(2026, 12, 1)), won_outcome=WonOutcome.PARTNERSHIP_AGREED)
    for org_i, title, category, industry, stage, amount, jobs, owner_i, followup in data.NEEDS:
        if db.session.scalar(select(Need.id).where(Need.title == title)) is not None:
            continue
        need = create_need(
            {"organisation_id": visiting[org_i].id, "delegation_id": delegation.id,
             "meeting_id": round_table, "title": title, "category_id": categories[category].id,
             "key_industry_id": industries[industry].id, "estimated_investment": amount,
             "currency": Currency.EUR, "expected_jobs": jobs, "owner_id": staff[owner_i].id},
            by=staff[owner_i],
        )  # fmt: skip
        for step in _path_to(Stage(stage)):
            outcome = {Stage.LOST: Outcome(lost_reason=no_budget), Stage.WON: won}.get(step)
            move_need(need, step, staff[owner_i], outcome=outcome)
        if followup:
            f_title, kind, assignee_i, due_in = followup
            db.session.add(
                FollowUp(
                    need=need, organisation_id=need.organisation_id, title=f_title,
                    kind=FollowUpKind(kind), assignee=staff[assignee_i],
                    assigned_by=staff[owner_i], due_date=today + timedelta(days=due_in),
                )
            )  # fmt: skip
        created["needs"] += 1


def _path_to(stage: Stage) -> list[Stage]:
    """The ordinary moves from new to stage (lost straight from talks)."""
    order = [Stage.QUALIFIED, Stage.MATCHING, Stage.TALKS, Stage.NEGOTIATION, Stage.WON]
    if stage == Stage.LOST:
        return [Stage.QUALIFIED, Stage.TALKS, Stage.LOST]
    return order[: order.index(stage) + 1] if stage in order else []


def _planned_delegation(staff, topics, created) -> None:
    title = "Saxony automotive suppliers' visit"
    if db.session.scalar(select(Delegation.id).where(Delegation.title == title)) is not None:
        return
    db.session.add(
        Delegation(
            title=title,
            origin_country="DE",
            origin_region=demo_region("Saxony"),
            start_date=date(2027, 3, 16),
            end_date=date(2027, 3, 18),
            host="Baoshan District Commerce Commission",
            host_officer=staff[2],
            status=DelegationStatus.PLANNED,
            announced_size=12,
            topics=[topics["Global supply chains"], topics["Investment promotion"]],
        )
    )
    created["delegations"] += 1


def _matchmaking(delegation, local, industries, created) -> None:
    """Offers of the local partners, the synonym list, what needs ask for, and the park's
    director at the round table (so "met the delegation" shows)."""
    for title, (area, headcount) in data.NEED_ASKS.items():
        need = db.session.scalar(select(Need).where(Need.title == title))
        if need is not None and need.area_m2_asked is None and need.headcount_asked is None:
            need.area_m2_asked, need.headcount_asked = area, headcount
    for org_i, kind, title, text, area, heads, inds, keywords, contact_i in data.LOCAL_OFFERS:
        exists = select(LocalOffer.id).where(
            LocalOffer.organisation_id == local[org_i].id, LocalOffer.title == title
        )
        if db.session.scalar(exists) is not None:
            continue
        contact = data.LOCAL_CONTACTS[contact_i] if contact_i is not None else None
        person = add_person(*contact[:3], local[org_i], contact[4], created) if contact else None
        offer = OfferData(
            kind=kind, title=title, description=text, area_m2=area, headcount=heads,
            keywords=keywords, contact_person_id=person.id if person else None,
            industry_ids=[industries[name].id for name in inds],
        )  # fmt: skip
        save_offer(None, local[org_i], offer, None)
        created["offers"] += 1
    known = set(db.session.scalars(select(SynonymGroup.terms)))
    for terms in data.SYNONYMS:
        if terms not in known:
            db.session.add(SynonymGroup(terms=terms))
            created["synonym groups"] += 1
    _park_at_round_table(delegation, local[0], created)


# The visit's needs the commission has matched with partners so far: the matchmaking day
# (tracker.scheduling) turns these matches into talk requests.
MATCHED_STAGES = (Stage.QUALIFIED, Stage.MATCHING, Stage.TALKS, Stage.NEGOTIATION)


def _visit_matches(delegation, created) -> None:
    """The two best-ranked partners of each of the visit's needs under way, accepted by the
    need's owner (once: a need with matches is left as it is)."""
    needs = db.session.scalars(
        select(Need).where(Need.delegation_id == delegation.id, Need.stage.in_(MATCHED_STAGES))
    ).all()
    for need in needs:
        if db.session.scalar(select(Match.id).where(Match.need_id == need.id)) is not None:
            continue
        for suggestion in suggest(need, limit=2):
            accept_suggestion(need, suggestion.partner.id, need.owner)
            created["matches"] += 1


def _park_at_round_table(delegation, park, created) -> None:
    director = add_person(*data.LOCAL_CONTACTS[0][:3], park, data.LOCAL_CONTACTS[0][4], created)
    meeting = db.session.scalar(
        select(Meeting).where(
            Meeting.delegation_id == delegation.id, Meeting.place == "Shanghai Robot Industry Park"
        )
    )
    if meeting is None:
        return
    attended = select(meeting_person.c.person_id).where(
        meeting_person.c.meeting_id == meeting.id, meeting_person.c.person_id == director.id
    )
    if db.session.scalar(attended) is None:
        db.session.execute(
            meeting_person.insert().values(meeting_id=meeting.id, person_id=director.id)
        )
