"""The delegation services, called directly (the CLI and the import use them too)."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from tracker.delegations import meetings, services
from tracker.extensions import db
from tracker.models import (
    Delegation,
    DelegationMember,
    DelegationStatus,
    MemberRole,
    Person,
    delegation_organisation,
)
from tracker.models.meeting import meeting_person


def _titles(stmt) -> list[str]:
    return [row.title for row in db.session.execute(stmt)]


def test_list_returns_rows_with_member_counts(make):
    empty = make.delegation(title="Empty", start_date=date(2026, 1, 1))
    full = make.delegation(title="Full", start_date=date(2026, 2, 1))
    for _ in range(3):
        make.member(full, make.person())
    rows = db.session.execute(services.list_delegations()).all()
    assert [(r.id, r.member_count) for r in rows] == [(full.id, 3), (empty.id, 0)]


def test_list_filters_combine(make):
    make.delegation(title="Match", status=DelegationStatus.COMPLETED, start_date=date(2025, 6, 1))
    make.delegation(title="Wrong year", status=DelegationStatus.COMPLETED)
    make.delegation(title="Wrong status", start_date=date(2025, 6, 1))
    stmt = services.list_delegations(status=DelegationStatus.COMPLETED, year=2025, country="DE")
    assert _titles(stmt) == ["Match"]


def test_list_ignores_an_unknown_sort(make):
    make.delegation(title="Old", start_date=date(2024, 1, 1))
    make.delegation(title="New", start_date=date(2026, 1, 1))
    assert _titles(services.list_delegations(sort="password_hash")) == ["New", "Old"]
    assert _titles(services.list_delegations(sort="title")) == ["New", "Old"]
    assert _titles(services.list_delegations(sort="-title")) == ["Old", "New"]


def test_save_delegation_copies_only_allowed_fields(make, app):
    user = make.user()
    topic = make.topic()
    data = {
        "title": "New visit",
        "origin_country": "",
        "start_date": date(2026, 5, 12),
        "end_date": date(2026, 5, 14),
        "host": "Host",
        "status": DelegationStatus.PLANNED,
        "search_key": "hijack",
        "created_by_id": 999,
    }
    delegation = services.save_delegation(Delegation(), data, [topic.id], user)
    assert delegation.id is not None
    assert delegation.origin_country is None
    assert delegation.created_by_id == user.id
    assert delegation.search_key == "new visit | host"
    assert delegation.topics == [topic]


def test_add_member_refuses_a_second_membership(make):
    delegation, person = make.delegation(), make.person()
    services.add_member(delegation, person, MemberRole.HEAD)
    with pytest.raises(services.AlreadyMember):
        services.add_member(delegation, person)
    assert db.session.scalar(select(func.count(DelegationMember.id))) == 1


def test_create_person_with_new_organisation_uses_the_delegation_country(make):
    user = make.user()
    new = services.NewPerson(full_name=" Eva Lang ", organisation_name=" Optik Lang ")
    person = services.create_person_with_organisation(new, "AT", user)
    assert person.full_name == "Eva Lang"
    assert person.organisation.name == "Optik Lang"
    assert person.organisation.country == "AT"
    assert person.organisation.created_by_id == user.id


def test_members_by_organisation_orders_groups_and_roles(make):
    beta, alpha = make.organisation(name="beta GmbH"), make.organisation(name="Alpha AG")
    extra = make.organisation(name="Gamma")
    delegation = make.delegation()
    make.member(delegation, make.person(full_name="Zed", organisation=beta))
    make.member(delegation, make.person(full_name="Max", organisation=beta), MemberRole.HEAD)
    make.member(delegation, make.person(full_name="Ann", organisation=alpha))
    make.member(delegation, make.person(full_name="Solo"))
    db.session.execute(
        delegation_organisation.insert().values(
            delegation_id=delegation.id, organisation_id=extra.id
        )
    )
    db.session.expire_all()
    loaded = services.get_delegation_detail(delegation.id)
    groups = services.members_by_organisation(loaded)
    assert [g.organisation.name if g.organisation else None for g in groups] == [
        "Alpha AG",
        "beta GmbH",
        "Gamma",
        None,
    ]
    assert [m.person.full_name for m in groups[1].members] == ["Max", "Zed"]
    assert groups[2].members == []


def test_remove_member_only_from_its_delegation(make):
    mine, other = make.delegation(), make.delegation()
    member = make.member(other, make.person())
    assert services.remove_member(mine, member.id) is None
    assert services.remove_member(other, member.id) is member
    assert db.session.scalar(select(func.count(Person.id))) == 1


def test_extra_organisations_are_added_once(make):
    delegation = make.delegation()
    organisation = make.organisation()
    db.session.expire_all()
    loaded = services.load_delegation(delegation.id, Delegation.extra_organisations)
    assert services.add_extra_organisation(loaded, organisation) is True
    assert services.add_extra_organisation(loaded, organisation) is False
    assert services.remove_extra_organisation(loaded, organisation.id) is True
    assert services.remove_extra_organisation(loaded, organisation.id) is False


def test_time_conversion_round_trip():
    local = datetime(2026, 5, 12, 9, 30)
    assert meetings.to_utc(local, "Asia/Shanghai") == datetime(2026, 5, 12, 1, 30)
    assert meetings.to_local(datetime(2026, 5, 12, 1, 30), "Asia/Shanghai") == local
    # Berlin has summer time; Shanghai does not.
    assert meetings.to_utc(datetime(2026, 7, 1, 12, 0), "Europe/Berlin") == datetime(2026, 7, 1, 10)


def test_save_meeting_and_delete(make):
    user = make.user()
    delegation = make.delegation()
    person = make.person()
    meeting = meetings.save_meeting(
        meetings.Meeting(),
        delegation,
        title=" Lunch ",
        starts_at=datetime(2026, 5, 12, 4, 0),
        place="",
        minutes="",
        person_ids=[person.id],
        staff_ids=[user.id],
        topic_ids=[],
        user=user,
    )
    assert (meeting.title, meeting.place, meeting.minutes) == ("Lunch", None, None)
    assert meetings.get_meeting(delegation.id + 1, meeting.id) is None
    loaded = meetings.get_meeting(delegation.id, meeting.id)
    meetings.delete_meeting(loaded, user.id)
    assert db.session.scalar(select(func.count(meetings.Meeting.id))) == 0
    assert loaded.deleted_by_id == user.id
    # Softly: the participants stay with it, for a restore.
    assert db.session.scalar(select(func.count()).select_from(meeting_person)) == 1
