"""Builders for test data: each returns a flushed model with sensible defaults."""

import itertools
from datetime import date, datetime, timedelta

from tracker.extensions import db
from tracker.models import (
    Delegation,
    DelegationMember,
    KeyIndustry,
    Meeting,
    MemberRole,
    Organisation,
    OrganisationKind,
    OriginRegion,
    Person,
    Role,
    TokenScope,
    Topic,
    User,
)
from tracker.tokens import issue_token

_seq = itertools.count(1)


def _add(obj):
    db.session.add(obj)
    db.session.flush()
    return obj


def user(role: str | Role = Role.STAFF, password: str = "correct horse battery", **kw) -> User:
    n = next(_seq)
    kw.setdefault("email", f"user{n}@example.org")
    kw.setdefault("display_name", f"User {n}")
    obj = User(role=Role(role), **kw)
    obj.set_password(password)
    return _add(obj)


def api_token(owner: User | None = None, scope: str = "write", name: str = "script") -> str:
    """A token's secret, for owner (default: a new staff user)."""
    _token, secret = issue_token(owner or user(), name, TokenScope(scope))
    return secret


def topic(**kw) -> Topic:
    kw.setdefault("name", f"Topic {next(_seq)}")
    return _add(Topic(**kw))


def industry(**kw) -> KeyIndustry:
    kw.setdefault("name", f"Industry {next(_seq)}")
    return _add(KeyIndustry(**kw))


def organisation(**kw) -> Organisation:
    kw.setdefault("name", f"Organisation {next(_seq)}")
    kw.setdefault("kind", OrganisationKind.COMPANY)
    kw.setdefault("country", "DE")
    return _add(Organisation(**kw))


def person(**kw) -> Person:
    kw.setdefault("full_name", f"Person {next(_seq)}")
    return _add(Person(**kw))


def region(name: str | None = None, **kw) -> OriginRegion:
    """The origin region of this English name, made when missing (with kw: name_de, ...)."""
    name = name or f"Region {next(_seq)}"
    found = db.session.scalar(db.select(OriginRegion).where(OriginRegion.name == name))
    return found or _add(OriginRegion(name=name, **kw))


def delegation(**kw) -> Delegation:
    """origin_region may be a region or its name (made when missing)."""
    if isinstance(kw.get("origin_region"), str):
        kw["origin_region"] = region(kw["origin_region"])
    kw.setdefault("title", f"Delegation {next(_seq)}")
    kw.setdefault("origin_country", "DE")
    kw.setdefault("start_date", date(2026, 5, 12))
    kw.setdefault("end_date", kw["start_date"] + timedelta(days=2))
    kw.setdefault("host", "Baoshan District Commerce Commission")
    return _add(Delegation(**kw))


def member(delegation: Delegation, person: Person, role: MemberRole = MemberRole.MEMBER):
    return _add(
        DelegationMember(
            delegation=delegation,
            person=person,
            organisation_id=person.organisation_id,
            role=role,
        )
    )


def meeting(delegation: Delegation, **kw) -> Meeting:
    kw.setdefault("title", f"Meeting {next(_seq)}")
    kw.setdefault("starts_at", datetime(2026, 5, 12, 1, 30))
    return _add(Meeting(delegation=delegation, **kw))


def need(organisation=None, **kw):
    """A need in stage new (pass stage= to start elsewhere)."""
    from tracker.models import Need

    kw.setdefault("title", f"Need {next(_seq)}")
    if organisation is None:
        organisation = _add(Organisation(name=f"Organisation {next(_seq)}", country="DE"))
    return _add(Need(organisation=organisation, **kw))


def category(**kw):
    from tracker.models import NeedCategory

    kw.setdefault("name", f"Category {next(_seq)}")
    return _add(NeedCategory(**kw))


def lost_reason(**kw):
    from tracker.models import LostReason

    kw.setdefault("name", f"Reason {next(_seq)}")
    return _add(LostReason(**kw))


def followup(assignee, **kw):
    from tracker.models import FollowUp

    kw.setdefault("title", f"Follow-up {next(_seq)}")
    # Relative to today: a fixed date turns overdue as the calendar passes it.
    kw.setdefault("due_date", date.today() + timedelta(days=30))
    return _add(FollowUp(assignee=assignee, **kw))


def note(need, **kw):
    """A note on need's timeline."""
    from tracker.models import NeedNote

    kw.setdefault("body", f"Note {next(_seq)}")
    return _add(NeedNote(need=need, **kw))


def local_partner(**kw):
    """A local (host-side) organisation."""
    kw.setdefault("name", f"Local partner {next(_seq)}")
    kw.setdefault("kind", OrganisationKind.INDUSTRIAL_PARK)
    kw.setdefault("country", "CN")
    return _add(Organisation(is_local=True, **kw))


def offer(organisation: Organisation | str | None = None, **kw):
    """An active offer of a local partner (pass industries=[...] to tag it); organisation may
    be the partner, the name of a new one, or left out for a new one."""
    from tracker.models import LocalOffer, OfferKind

    if not isinstance(organisation, Organisation):
        organisation = local_partner(**({"name": organisation} if organisation else {}))
    kw.setdefault("title", f"Offer {next(_seq)}")
    kw.setdefault("kind", OfferKind.FACTORY_SPACE)
    return _add(LocalOffer(organisation=organisation, **kw))


def synonyms(terms: str, **kw):
    """A synonym group, e.g. "Gehäuseteile ~ housing parts ~ 外壳"."""
    from tracker.models import SynonymGroup

    return _add(SynonymGroup(terms=terms, **kw))


def match(need, organisation, **kw):
    """A proposed match of a need with a local partner (no change recorded)."""
    from tracker.models import Match, MatchStatus

    kw.setdefault("status", MatchStatus.PROPOSED)
    return _add(Match(need=need, organisation=organisation, **kw))


def talk(need, starts_at: datetime, **kw):
    """A one-hour talk on a need (times naive UTC)."""
    from tracker.models import Talk

    kw.setdefault("title", f"Talk {next(_seq)}")
    kw.setdefault("ends_at", starts_at + timedelta(hours=1))
    kw.setdefault("place", "Meeting room 1")
    return _add(Talk(need=need, starts_at=starts_at, **kw))


def need_with_history(history, organisation=None, **kw):
    """A need whose stage history is history, a list of (stage, naive UTC datetime) in order:
    created at the first, in the last stage since the last."""
    from tracker.models import StageChange

    first_at, last_stage, last_at = history[0][1], history[-1][0], history[-1][1]
    obj = need(organisation, stage=last_stage, created_at=first_at, stage_changed_at=last_at, **kw)
    previous = None
    for stage, at in history:
        db.session.add(StageChange(need=obj, from_stage=previous, to_stage=stage, changed_at=at))
        previous = stage
    db.session.flush()
    return obj


def exchange_rate(currency, rate):
    """A manager-set rate to CNY, e.g. exchange_rate("EUR", Decimal("7.8"))."""
    from tracker.models import Currency, ExchangeRate

    return _add(ExchangeRate(currency=Currency(currency), rate_to_cny=rate))
