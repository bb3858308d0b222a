"""seed-demo's year of work: more visits, and 40 needs that went through the pipeline over the
last twelve months, with matches, talks held and planned, follow-ups and exchange rates.

Everything is written through the services the app uses (create_need, move_need,
accept_suggestion, create_talk, record_outcome, create_followup ...) and then dated back: the
services stamp the present, the demo's story took a year. Dates count from today, so the demo
always looks current. A need that exists is left alone with all that hangs on it, as is a visit
with its members and meetings, so a second run adds nothing.
"""

from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from tracker import demo_data as base
from tracker import demo_data_year as data
from tracker.demo_records import add_organisation, add_person, add_staff, demo_region
from tracker.extensions import db
from tracker.followups.services import complete_followup, create_followup
from tracker.i18n import local_today
from tracker.matchmaking.flow import change_status
from tracker.matchmaking.services import accept_suggestion
from tracker.models import (
    Currency,
    Delegation,
    DelegationMember,
    DelegationStatus,
    ExchangeRate,
    LostReason,
    Match,
    MatchChange,
    MatchStatus,
    Meeting,
    MemberRole,
    Need,
    NeedCategory,
    Stage,
    StageChange,
    User,
    WonOutcome,
)
from tracker.needs.pipeline import Outcome, move_need
from tracker.needs.services import create_need
from tracker.reports.services import set_rates
from tracker.talks.services import TalkData, create_talk, record_outcome, to_utc

S = Stage
FORWARD = [S.QUALIFIED, S.MATCHING, S.TALKS, S.NEGOTIATION, S.WON]
WON_OUTCOMES = {
    "Industrial land and space": WonOutcome.LEASE_SIGNED,
    "Establishment and investment": WonOutcome.COMPANY_REGISTERED,
}
OUTCOMES = {
    S.WON: "{partner} and {company} agreed on the terms; the contract follows.",
    S.NEGOTIATION: "Both sides want to go ahead: {partner} sends its terms.",
    S.LOST: "The offer does not fit the company's plans; no further talks.",
}
HELD = "{partner} presented its offer; a written proposal follows."
HOST = "Baoshan District Commerce Commission"


def seed_year(staff: list[User], topics: dict, industries: dict, local: list, created: Counter):
    """Add whatever of the year is missing; staff are demo_data.STAFF's users, local the
    partners of demo_data.LOCAL_ORGANISATIONS."""
    year = _Year(local_today(), staff, topics, industries, local, created)
    visits = [year.visit(i, row) for i, row in enumerate(data.DELEGATIONS)]
    for i, row in enumerate(data.NEEDS):
        if db.session.scalar(select(Need.id).where(Need.title == row.title)) is None:
            year.tell(i, row, visits)
            created["needs"] += 1
    have = set(db.session.scalars(select(ExchangeRate.currency)))
    rates = {Currency(c): Decimal(r) for c, r in data.EXCHANGE_RATES.items() if c not in have}
    if rates:  # a manager's rates are kept
        set_rates(rates, year.staff[1])
        created["exchange rates"] += len(rates)


def path_to(row: data.DemoNeed) -> list[Stage]:
    """The moves from new to the need's stage; lost and on hold come after what happened."""
    stage = Stage(row.stage)
    if stage == S.NEW:
        return []
    if stage in FORWARD:
        return FORWARD[: FORWARD.index(stage) + 1]
    via = [S.QUALIFIED, *([S.MATCHING] if row.partners else [])]
    return [*via, *([S.TALKS] if row.talk_in is not None else []), stage]


def schedule(index: int, row: data.DemoNeed) -> dict[Stage, float]:
    """Each move's day (from today): spread evenly from the need's creation to the day it
    reached its stage, some days ago (before its talk, when that was held)."""
    path = path_to(row)
    if not path:
        return {}
    if row.stage == S.TALKS:
        rest = 6 - row.talk_in if row.talk_in < 0 else 10 + index % 7
    elif path[-1] in (S.WON, S.LOST, S.ON_HOLD):  # decided any time in the second half
        rest = 3 + (index * 37) % max(4, row.age // 2)
    else:
        rest = 3 + (index * 13) % max(4, row.age // 4)
    rest = min(rest, row.age - len(path))
    step = (row.age - rest) / len(path)
    return {stage: -row.age + step * (i + 1) for i, stage in enumerate(path)}


class _Year:
    """The records a need's story draws on, and the writing of each story."""

    def __init__(self, today: date, staff, topics, industries, local, created: Counter):
        self.today, self.topics, self.industries = today, topics, industries
        self.local, self.created = local, created
        self.staff = staff + [add_staff(*row, created) for row in data.STAFF]
        self.orgs = [
            add_organisation(name, kind, city, industries.get(industry), de, zh, website,
                               False, created, country=country)
            for name, kind, city, country, industry, de, zh, website, _visit in data.ORGANISATIONS
        ]  # fmt: skip
        self.people = [
            add_person(name, None, position, self.orgs[o], languages, created)
            for o, name, position, _role, languages in data.PEOPLE
        ]
        # Local partners' contacts as LOCAL_CONTACTS lists them; contact_of: by partner index.
        self.contacts = [
            add_person(*row[:3], local[row[3]], row[4], created) for row in base.LOCAL_CONTACTS
        ]
        pairs = zip(self.contacts, base.LOCAL_CONTACTS, strict=True)
        self.contact_of = {row[3]: person for person, row in pairs}
        self.categories = {c.name: c for c in db.session.scalars(select(NeedCategory))}
        self.reasons = {r.name: r for r in db.session.scalars(select(LostReason))}
        self.dated: list[tuple[object, dict]] = []  # records to date back once all is written

    def at(self, day: float, hour: int = 2) -> datetime:
        """Naive UTC at hour on the day that many days from today (2 h UTC: 10:00 Shanghai)."""
        return datetime.combine(self.today + timedelta(days=round(day)), time(hour))

    def visit(self, index: int, row: tuple) -> Delegation:
        """The delegation, found by title (its dates move with today); a new one comes with its
        members, meetings and follow-ups."""
        title, country, region, start, days, status, size, officer, topics, summary = row
        visit = db.session.scalar(select(Delegation).where(Delegation.title == title))
        if visit is not None:
            return visit
        first = self.today + timedelta(days=start)
        visit = Delegation(
            title=title,
            origin_country=country,
            origin_region=demo_region(region),
            start_date=first,
            end_date=first + timedelta(days=days - 1),
            host=HOST,
            status=DelegationStatus(status),
            host_officer=self.staff[officer],
            announced_size=size,
            summary=summary,
            topics=[self.topics[n] for n in topics],
        )
        db.session.add(visit)
        self.created["delegations"] += 1
        for person, (o, *_name, role, _languages) in zip(self.people, data.PEOPLE, strict=True):
            if data.ORGANISATIONS[o][8] == index:
                db.session.add(DelegationMember(delegation=visit, person=person,
                                                organisation_id=person.organisation_id,
                                                role=MemberRole(role)))  # fmt: skip
        for visit_i, name, day, hour, place, topics, visitors, hosts, staff in data.MEETINGS:
            if visit_i == index:
                db.session.add(Meeting(
                    delegation=visit, title=name, place=place,
                    starts_at=datetime.combine(first + timedelta(days=day), time(hour)),
                    topics=[self.topics[n] for n in topics], staff=[self.staff[i] for i in staff],
                    people=[self.people[i] for i in visitors] + [self.contacts[i] for i in hosts],
                ))  # fmt: skip
                self.created["meetings"] += 1
        db.session.flush()
        for visit_i, name, kind, assignee, due_in in data.DELEGATION_FOLLOWUPS:
            if visit_i == index:
                create_followup(
                    delegation=visit, title=name, kind=kind, assignee=self.staff[assignee],
                    due_date=self.today + timedelta(days=due_in), assigned_by=self.staff[officer],
                )  # fmt: skip
        return visit

    def tell(self, index: int, row: data.DemoNeed, visits: list[Delegation]) -> None:
        """Write the need, its moves, partners, talk and follow-up; then date them back."""
        owner, org = self.staff[row.owner], self.orgs[row.organisation]
        visit = data.ORGANISATIONS[row.organisation][8]
        need = create_need(
            {"organisation_id": org.id, "title": row.title, "description": row.description,
             "delegation_id": visits[visit].id if visit is not None else None,
             "category_id": self.categories[row.category].id,
             "key_industry_id": self.industries[row.industry].id if row.industry else None,
             "estimated_investment": row.amount, "currency": Currency(row.currency),
             "expected_jobs": row.jobs, "owner_id": owner.id},
            by=owner,
        )  # fmt: skip
        start = last = self.at(-row.age, 1)
        first = db.session.scalar(select(StageChange).where(StageChange.need_id == need.id))
        self.dated.append((first, {"changed_at": start}))
        days = schedule(index, row)
        for i, (stage, day) in enumerate(days.items()):
            last = self.at(day, 2 + i)  # later hours keep same-day moves in order
            change = move_need(need, stage, owner, outcome=self._outcome(row, stage, last))
            self.dated.append((change, {"changed_at": last}))
        for n, partner in enumerate(row.partners):
            self._match(index, row, need, partner, days, main=n == 0)
        if row.followup:
            title, kind, assignee, due_in = row.followup
            followup = create_followup(
                need=need, title=title, kind=kind, assignee=self.staff[assignee],
                due_date=self.today + timedelta(days=due_in), assigned_by=owner,
            )  # fmt: skip
            self.dated.append((followup, {"created_at": last, "updated_at": last}))
        self.dated.append((need, {"created_at": start, "updated_at": last,
                                  "stage_changed_at": last}))  # fmt: skip
        db.session.flush()
        for record, values in self.dated:
            for name, value in values.items():
                setattr(record, name, value)
        self.dated = []
        db.session.flush()

    def _outcome(self, row: data.DemoNeed, stage: Stage, when: datetime) -> Outcome | None:
        if stage == S.WON:
            won = WON_OUTCOMES.get(row.category, WonOutcome.PARTNERSHIP_AGREED)
            return Outcome(won_on=when.date(), won_outcome=won)
        if stage == S.LOST:
            reason, text = row.lost
            return Outcome(lost_reason=self.reasons[reason], lost_reason_text=text)
        return None

    def _match(self, index: int, row, need: Need, partner: int, days: dict, main: bool) -> None:
        """Match a partner; the main one is introduced and talked to as far as the need got,
        the others are declined when it was decided."""
        owner, stage = self.staff[row.owner], Stage(row.stage)
        matched = days.get(S.MATCHING, days.get(S.QUALIFIED, -row.age)) + 1
        decided = days.get(S.NEGOTIATION, days.get(S.LOST))
        match = accept_suggestion(need, self.local[partner].id, owner)
        times = [self.at(matched, 3)]
        if main and stage != S.ON_HOLD:
            change_status(match, MatchStatus.INTRODUCED, owner)
            times.append(self.at(min(matched + 3, -1), 3))
            if S.TALKS in days:
                times += self._talk(index, row, need, match, partner, days, matched + 4)
            if stage in (S.NEGOTIATION, S.WON):
                change_status(match, MatchStatus.AGREED_FOLLOW_UP, owner)
                times.append(self.at(decided, 4))
        if decided is not None and (not main or stage == S.LOST):
            company = self.orgs[row.organisation].name
            why = f"Need lost: {row.lost[0]}." if row.lost else f"{company} chose another partner."
            change_status(match, MatchStatus.DECLINED, owner, decline_reason=why)
            times.append(self.at(decided, 4))
        changes = db.session.scalars(
            select(MatchChange).where(MatchChange.match_id == match.id).order_by(MatchChange.id)
        )
        self.dated += [(c, {"changed_at": t}) for c, t in zip(changes, times, strict=True)]
        self.dated.append((match, {"created_at": times[0], "updated_at": times[-1]}))

    def _talk(self, index, row, need, match: Match, partner_i, days, earliest) -> list[datetime]:
        """The talk with the main partner, planned or held (then with its outcome and the
        follow-up that prepared it); returns when the match's changes for it happened."""
        owner, company = self.staff[row.owner], self.orgs[row.organisation]
        partner = match.organisation
        if row.stage == S.TALKS:
            day = float(row.talk_in)
        else:  # between the move to talks and the next one
            after = [d for d in days.values() if d > days[S.TALKS]]
            day = (days[S.TALKS] + min(after)) / 2
        video = index % 3 == 0  # a call with the company's home office, in its time zone
        zone = "Europe/Berlin" if video else "Asia/Shanghai"
        starts = to_utc(self.today + timedelta(days=round(day)), time(9 + index % 3), zone)
        host = self.contact_of.get(partner_i)
        visitors = [p.id for p in self.people if p.organisation_id == company.id][:2]
        talk = create_talk(need, TalkData(
            title=f"{company.name} and {partner.name}", starts_at=starts,
            ends_at=starts + timedelta(minutes=90), timezone=zone,
            place=None if video else f"Meeting room, {partner.name}",
            video_link=f"https://meet.example.org/baoshan-{need.id}" if video else None,
            agenda=f"{need.title}: what {partner.name} offers, and the next steps.",
            person_ids=visitors + ([host.id] if host else []), staff_ids=[owner.id],
            organisation_ids=[partner.id],
        ), owner, match)  # fmt: skip
        scheduled = self.at(min(max(earliest, day - 7), day, -1), 4)  # introduced, and past
        self.dated.append((talk, {"created_at": scheduled, "updated_at": scheduled}))
        if day > -7:  # still to come, or too recent for its outcome to be written up
            return [scheduled]
        names = {"partner": partner.name, "company": company.name}
        outcome = OUTCOMES.get(Stage(row.stage), HELD).format(**names)
        record_outcome(talk, "Introductions; the offer; timing, costs and permits.", outcome, owner)
        self.dated.append((talk, {"updated_at": talk.ends_at}))
        prepared = create_followup(
            need=need, title=f"Prepare the talk with {partner.name}", kind="document",
            assignee=owner, due_date=(starts - timedelta(days=2)).date(), assigned_by=owner,
        )  # fmt: skip
        complete_followup(prepared, "Agenda agreed; the offer sent to both sides.", owner)
        done = starts - timedelta(days=2)
        self.dated.append((prepared, {"created_at": scheduled, "completed_at": done,
                                      "updated_at": done}))  # fmt: skip
        return [scheduled, talk.ends_at]
