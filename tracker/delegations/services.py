"""Delegation rules: listing, the detail page's loading, writes, and members."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask_babel import ngettext
from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import joinedload, selectinload

from tracker import datacache
from tracker.extensions import db
from tracker.i18n import country_names
from tracker.models import (
    Delegation,
    DelegationMember,
    DelegationStatus,
    FollowUp,
    MatchmakingSession,
    Meeting,
    MemberRole,
    Need,
    Organisation,
    OrganisationKind,
    Person,
    Topic,
    User,
)
from tracker.pagination import sort_term
from tracker.regions import region_names, regions_named
from tracker.softdelete import soft_delete
from tracker.statements import built_once
from tracker.text import fold, search_needle

SORTS = {
    "start_date": Delegation.start_date,
    "title": Delegation.title,
    "status": Delegation.status,
}
DEFAULT_SORT = "-start_date"
# What the list and its export show of each delegation: plain rows, since building 25 records
# and their officers cost the list page more than its queries did.
LIST_COLUMNS = (
    Delegation.id,
    Delegation.title,
    Delegation.origin_country,
    Delegation.origin_region_id,
    Delegation.start_date,
    Delegation.end_date,
    Delegation.status,
    Delegation.host,
    Delegation.announced_size,
)
# The fields save_delegation copies from the form's data; anything else is ignored.
DELEGATION_FIELDS = (
    "title",
    "origin_country",
    "origin_region_id",
    "start_date",
    "end_date",
    "host",
    "host_officer_id",
    "status",
    "announced_size",
    "summary",
    "source_url",
)
# Head first, then the people who organise, then everyone else.
ROLE_ORDER = {MemberRole.HEAD: 0, MemberRole.ORGANISER: 1, MemberRole.MEMBER: 2}
COUNTRY_NAME_LANGUAGES = ("en", "de", "zh")


class AlreadyMember(ValueError):
    """The person is already a member of this delegation."""


@dataclass
class MemberGroup:
    """The members who represented one organisation (None: individuals) on a visit."""

    organisation: Organisation | None
    members: list[DelegationMember] = field(default_factory=list)


@dataclass
class NewPerson:
    """A person typed in while adding a member, with an existing or a new organisation."""

    full_name: str
    position: str | None = None
    email: str | None = None
    organisation_id: int | None = None
    organisation_name: str | None = None
    organisation_kind: OrganisationKind = OrganisationKind.COMPANY

    @classmethod
    def from_member_form(cls, data: Mapping[str, Any]) -> "NewPerson":
        """From the member form's values (the page's and the API's): a new organisation's name
        and kind are new_organisation and new_organisation_kind there."""
        return cls(
            full_name=data["full_name"], position=data.get("position"), email=data.get("email"),
            organisation_id=data.get("organisation_id"),
            organisation_name=data.get("new_organisation"),
            organisation_kind=OrganisationKind(data["new_organisation_kind"]),
        )  # fmt: skip


# The list's computed columns, built once (SQL expressions are immutable), as correlated
# subqueries (no N+1). The host officer's name is one rather than a join: the page count, a
# count over the list's statement, then leaves it out instead of joining every delegation.
_HOST_OFFICER_NAME = (
    select(User.display_name)
    .where(User.id == Delegation.host_officer_id)
    .correlate(Delegation)
    .scalar_subquery()
    .label("host_officer_name")
)
_MEMBER_COUNT = (
    select(func.count(DelegationMember.id))
    .where(DelegationMember.delegation_id == Delegation.id)
    .correlate(Delegation)
    .scalar_subquery()
    .label("member_count")
)


def countries_named(needle: str) -> set[str]:
    """ISO codes whose name in English, German or Chinese contains the folded needle."""
    if len(needle) < 3:
        return set()
    return {
        code
        for language in COUNTRY_NAME_LANGUAGES
        for code, name in country_names(language).items()
        if needle in fold(name)
    }


def delegation_matches(needle: str) -> ColumnElement[bool]:
    """SQL: the delegation's title or host, or a name of its origin region in any language,
    contains the folded needle (Thüringen, thueringen, Thuringia and 图林根 find one region)."""
    in_region = Delegation.origin_region_id.in_(regions_named(needle))
    return Delegation.search_key.contains(needle, autoescape=True) | in_region


def list_delegations(
    query: str = "",
    status: DelegationStatus | None = None,
    year: int | None = None,
    country: str | None = None,
    sort: str = DEFAULT_SORT,
) -> Select:
    """Rows of the list's columns (LIST_COLUMNS, the host officer's name and the member count),
    filtered and sorted; unknown sort keys are ignored."""
    stmt = select(*LIST_COLUMNS, _HOST_OFFICER_NAME, _MEMBER_COUNT)
    needle = search_needle(query)
    if needle:
        matches = delegation_matches(needle)
        codes = countries_named(needle)
        stmt = stmt.where(matches | Delegation.origin_country.in_(codes) if codes else matches)
    if status is not None:
        stmt = stmt.where(Delegation.status == status)
    if year is not None:
        # A date range rather than extract(): portable, and it can use the index.
        stmt = stmt.where(Delegation.start_date.between(date(year, 1, 1), date(year, 12, 31)))
    if country:
        stmt = stmt.where(Delegation.origin_country == country)
    return stmt.order_by(sort_term(sort, SORTS, DEFAULT_SORT), Delegation.id.desc())


def filter_options() -> tuple[list[int], list[str]]:
    """The years and origin countries that occur, for the list's filter selects: read once per
    change to the delegations (tracker.datacache), not on every page of the list."""
    return datacache.cached("dashboard", ("delegation filter options",), _filter_options)


def _filter_options() -> tuple[list[int], list[str]]:
    # One query for both (the list page keeps to a handful of queries): per country its years.
    rows = db.session.execute(
        select(
            Delegation.origin_country, func.min(Delegation.start_date),
            func.max(Delegation.start_date),
        ).group_by(Delegation.origin_country)
    ).all()  # fmt: skip
    firsts = [first for _country, first, _last in rows if first]
    lasts = [last for _country, _first, last in rows if last]
    years = list(range(max(lasts).year, min(firsts).year - 1, -1)) if firsts else []
    return years, sorted(country for country, _first, _last in rows if country is not None)


def load_delegation(delegation_id: int, *collections) -> Delegation | None:
    """A delegation with the given collections loaded (for the writes that change them)."""
    stmt = select(Delegation).where(Delegation.id == delegation_id)
    return db.session.scalar(stmt.options(*(selectinload(c) for c in collections)))


def get_delegation_detail(delegation_id: int) -> Delegation | None:
    """A delegation with everything its page shows, in a fixed number of queries."""
    return db.session.scalar(_detail_statement(), {"delegation_id": delegation_id})


def matchmaking_sessions(delegation_id: int) -> list[MatchmakingSession]:
    """The delegation's matchmaking days (tracker.scheduling), for the card on its page."""
    return list(db.session.scalars(
        select(MatchmakingSession).where(MatchmakingSession.delegation_id == delegation_id)
        .options(selectinload(MatchmakingSession.days)).order_by(MatchmakingSession.id)
    ))  # fmt: skip


@built_once
def _detail_statement() -> Select:
    """The delegation's page's statement, its id a parameter: built once, since its seven
    loader options cost about as much to build as to run."""
    meetings = selectinload(Delegation.meetings)
    return (
        select(Delegation)
        .where(Delegation.id == bindparam("delegation_id"))
        .options(
            joinedload(Delegation.host_officer),
            selectinload(Delegation.topics),
            selectinload(Delegation.extra_organisations),
            selectinload(Delegation.members).options(
                joinedload(DelegationMember.person), joinedload(DelegationMember.organisation)
            ),
            meetings.selectinload(Meeting.topics),
            meetings.selectinload(Meeting.people).joinedload(Person.organisation),
            meetings.selectinload(Meeting.staff),
        )
    )


def members_by_organisation(delegation: Delegation) -> list[MemberGroup]:
    """Members grouped by the organisation they represented, plus organisations without named
    people; groups sorted by name, individuals last. Needs members and extras loaded."""
    groups: dict[int | None, MemberGroup] = {}
    for member in delegation.members:
        key = member.organisation_id
        groups.setdefault(key, MemberGroup(member.organisation)).members.append(member)
    for organisation in delegation.extra_organisations:
        groups.setdefault(organisation.id, MemberGroup(organisation))
    for group in groups.values():
        group.members.sort(key=lambda m: (ROLE_ORDER.get(m.role, 3), fold(m.person.full_name)))
    individuals = groups.pop(None, None)
    ordered = sorted(groups.values(), key=lambda g: fold(g.organisation.name))
    return [*ordered, individuals] if individuals else ordered


def save_delegation(
    delegation: Delegation, data: Mapping[str, Any], topic_ids: Iterable[int], user: User
) -> Delegation:
    """Copy the allowed fields and topics onto a new or existing delegation (topics loaded)."""
    for name in DELEGATION_FIELDS:
        if name in data:
            setattr(delegation, name, data[name] if data[name] != "" else None)
    region = region_names().get(delegation.origin_region_id)
    if delegation.origin_country is None and region is not None:
        delegation.origin_country = region[3]  # Thuringia: Germany, unless told otherwise
    delegation.topics = topics_by_ids(topic_ids)
    if delegation.id is None:
        delegation.created_by = user
        db.session.add(delegation)
    db.session.flush()
    return delegation


def topics_by_ids(topic_ids: Iterable[int]) -> list[Topic]:
    """The topics with these ids, in vocabulary order."""
    ids = set(topic_ids)
    if not ids:
        return []
    stmt = select(Topic).where(Topic.id.in_(ids)).order_by(Topic.position, Topic.name)
    return list(db.session.scalars(stmt))


def delete_blockers(delegation: Delegation) -> list[str]:
    """Why the delegation cannot be deleted: needs raised during it and follow-ups on it would
    lose their history (empty when it can be deleted)."""
    needs = db.session.scalar(
        select(func.count(Need.id)).where(Need.delegation_id == delegation.id)
    )
    followups = db.session.scalar(
        select(func.count(FollowUp.id)).where(FollowUp.delegation_id == delegation.id)
    )
    reasons = []
    if needs:
        reasons.append(ngettext("%(num)s need was raised during it.",
                                "%(num)s needs were raised during it.", needs))  # fmt: skip
    if followups:
        reasons.append(ngettext("%(num)s follow-up is about it.",
                                "%(num)s follow-ups are about it.", followups))  # fmt: skip
    return reasons


def delete_delegation(delegation_id: int, by_id: int | None = None) -> None:
    """Soft-delete a delegation; its memberships and meetings stay with it, hidden, until it is
    restored or purged (then they go with it)."""
    delegation = db.session.scalar(select(Delegation).where(Delegation.id == delegation_id))
    if delegation is not None:
        soft_delete(delegation, by_id)


def add_member(
    delegation: Delegation, person: Person, role: MemberRole = MemberRole.MEMBER
) -> DelegationMember:
    """Enrol a person, remembering the organisation they represent today."""
    exists = select(DelegationMember.id).where(
        DelegationMember.delegation_id == delegation.id, DelegationMember.person_id == person.id
    )
    if person.id is not None and db.session.scalar(exists) is not None:
        raise AlreadyMember(person.full_name)
    member = DelegationMember(
        delegation_id=delegation.id,
        person=person,
        organisation_id=person.organisation_id,
        role=role,
    )
    db.session.add(member)
    db.session.flush()
    return member


def create_person_with_organisation(new: NewPerson, country: str | None, user: User) -> Person:
    """Create a person, and their organisation when a new name is given (the caller has run the
    duplicate guard): a visiting one of the kind chosen, from the delegation's country."""
    organisation_id = new.organisation_id
    if new.organisation_name:
        organisation = Organisation(
            name=new.organisation_name.strip(),
            kind=new.organisation_kind,
            is_local=False,
            country=country,
            created_by=user,
        )
        db.session.add(organisation)
        db.session.flush()
        organisation_id = organisation.id
    person = Person(
        full_name=new.full_name.strip(),
        position=new.position or None,
        email=new.email or None,
        organisation_id=organisation_id,
        created_by=user,
    )
    db.session.add(person)
    db.session.flush()
    return person


def person_to_enrol(person: Person | None, new: NewPerson, country: str | None, user: User):
    """The picked person, or a new one made from new (with a new organisation if named)."""
    return person if person is not None else create_person_with_organisation(new, country, user)


def remove_member(delegation: Delegation, member_id: int) -> DelegationMember | None:
    """Remove a membership of this delegation (person kept); None when it belongs elsewhere."""
    stmt = (
        select(DelegationMember)
        .where(DelegationMember.id == member_id, DelegationMember.delegation_id == delegation.id)
        .options(joinedload(DelegationMember.person))
    )
    member = db.session.scalar(stmt)
    if member is not None:
        db.session.delete(member)
        db.session.flush()
    return member


def add_extra_organisation(delegation: Delegation, organisation: Organisation) -> bool:
    """Record an organisation that took part without named people (extras loaded)."""
    if organisation in delegation.extra_organisations:
        return False
    delegation.extra_organisations.append(organisation)
    db.session.flush()
    return True


def remove_extra_organisation(delegation: Delegation, organisation_id: int) -> bool:
    """Forget an organisation that took part without named people (extras loaded)."""
    for organisation in delegation.extra_organisations:
        if organisation.id == organisation_id:
            delegation.extra_organisations.remove(organisation)
            db.session.flush()
            return True
    return False
