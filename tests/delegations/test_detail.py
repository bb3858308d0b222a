"""The delegation page: header, members grouped by organisation, meetings, bounded queries."""

import re
from datetime import datetime

from tracker.extensions import db
from tracker.models import MemberRole, delegation_organisation, delegation_topic
from tracker.models.meeting import meeting_person, meeting_topic


def _group_headings(text: str) -> list[str]:
    """Organisation names (or Individuals) in the order of the member groups."""
    return [
        re.sub(r"<[^>]+>|\s+", " ", heading).split("·")[0].strip()
        for heading in re.findall(r'<h3 class="h6 mb-1">(.*?)</h3>', text, re.S)
    ]


def test_header_shows_the_visit(client, login, make):
    login()
    officer = make.user(display_name="Ms Wang")
    topic = make.topic(name="Photonics")
    delegation = make.delegation(
        title="Thuringia business delegation",
        origin_country="DE",
        origin_region="Thüringen",
        host_officer=officer,
        announced_size=30,
        summary="Optics and photonics.",
    )
    make.member(delegation, make.person())
    db.session.execute(
        delegation_topic.insert().values(delegation_id=delegation.id, topic_id=topic.id)
    )
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    for expected in (
        "Thuringia business delegation",
        "Germany / Thüringen",
        "Ms Wang",
        "Photonics",
        "Optics and photonics.",
        "1 member recorded of 30 announced",
        "Planned",
        "Baoshan District Commerce Commission",
    ):
        assert expected in text


def test_members_are_grouped_by_the_organisation_they_represented(client, login, make):
    login()
    zeiss = make.organisation(name="Zeiss Jena")
    agency = make.organisation(name="LEG Thüringen")
    delegation = make.delegation()
    head = make.person(full_name="Anna Head", organisation=agency, position="Director")
    make.member(delegation, head, role=MemberRole.HEAD)
    make.member(delegation, make.person(full_name="Bert Engineer", organisation=zeiss))
    make.member(delegation, make.person(full_name="Carl Sales", organisation=zeiss))
    make.member(delegation, make.person(full_name="Dora Freelance"))
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert _group_headings(text) == ["LEG Thüringen", "Zeiss Jena", "Individuals"]
    assert text.index("Bert Engineer") < text.index("Carl Sales") < text.index("Dora Freelance")
    assert f'href="/organisations/{zeiss.id}"' in text
    assert f'href="/people/{head.id}"' in text
    assert "Head of delegation" in text
    assert "Director" in text


def test_group_follows_the_snapshot_not_the_current_organisation(client, login, make):
    login()
    old, new = make.organisation(name="Old Employer"), make.organisation(name="New Employer")
    person = make.person(full_name="Mover", organisation=old)
    delegation = make.delegation()
    make.member(delegation, person)
    person.organisation = new
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert _group_headings(text) == ["Old Employer"]


def test_organisations_without_named_people_are_listed(client, login, make):
    login()
    chamber = make.organisation(name="IHK Erfurt")
    delegation = make.delegation()
    db.session.execute(
        delegation_organisation.insert().values(
            delegation_id=delegation.id, organisation_id=chamber.id
        )
    )
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert _group_headings(text) == ["IHK Erfurt"]
    assert "Took part without named people." in text


def test_meetings_are_listed_in_local_time_with_counts(client, login, make):
    login()
    delegation = make.delegation()
    person = make.person()
    make.member(delegation, person)
    meeting = make.meeting(
        delegation,
        title="Talk with the park",
        place="Baoshan Robot Park",
        starts_at=datetime(2026, 5, 12, 1, 30),
        minutes="Long minutes " * 50,
    )
    db.session.execute(meeting_person.insert().values(meeting_id=meeting.id, person_id=person.id))
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert "Talk with the park" in text
    assert "Baoshan Robot Park" in text
    assert "9:30" in text
    assert re.search(r'<td class="text-end[^"]*" data-label="Participants">1</td>', text)
    assert "Long minutes " * 50 not in text
    assert f"/delegations/{delegation.id}/meetings/{meeting.id}/edit" in text


def test_detail_runs_the_same_queries_for_3_or_30_rows(client, login, make, count_queries):
    """Members, organisations and meetings with their lists: no query per row."""
    login()
    topic = make.topic()
    delegation = make.delegation(host_officer=make.user())
    db.session.execute(
        delegation_topic.insert().values(delegation_id=delegation.id, topic_id=topic.id)
    )

    def add_and_count(rows: int) -> int:
        for _ in range(rows):
            person = make.person(organisation=make.organisation())
            make.member(delegation, person)
            meeting = make.meeting(delegation, staff=[make.user()])
            db.session.execute(
                meeting_person.insert().values(meeting_id=meeting.id, person_id=person.id)
            )
            db.session.execute(
                meeting_topic.insert().values(meeting_id=meeting.id, topic_id=topic.id)
            )
            db.session.execute(
                delegation_organisation.insert().values(
                    delegation_id=delegation.id, organisation_id=make.organisation().id
                )
            )
        db.session.commit()
        db.session.expire_all()
        with count_queries() as statements:
            response = client.get(f"/delegations/{delegation.id}")
        assert response.status_code == 200
        return len(statements)

    assert add_and_count(3) == add_and_count(27)
