"""The person page and deleting people."""

from datetime import date, datetime

from tracker.extensions import db
from tracker.models import MemberRole


def test_detail_shows_fields_delegations_and_meetings(client, login, make):
    login()
    then = make.organisation(name="Old Employer GmbH")
    now = make.organisation(name="Jenaer Optronik AG")
    person = make.person(
        full_name="Anna Müller",
        name_other_script="安娜",
        organisation=then,
        email="anna@example.de",
        phone="+49 1",
        languages="German",
        notes="Met at Hannover Messe.",
    )
    old = make.delegation(title="Visit 2024", start_date=date(2024, 5, 1))
    make.member(old, person, role=MemberRole.HEAD)
    person.organisation = now
    new = make.delegation(title="Visit 2026", start_date=date(2026, 5, 1))
    make.member(new, person)
    make.meeting(new, title="Robotics talk", starts_at=datetime(2026, 5, 1, 2, 0), people=[person])
    db.session.commit()
    html = client.get(f"/people/{person.id}").text
    assert "安娜" in html and "German" in html and "Met at Hannover Messe." in html
    assert f'href="/organisations/{now.id}">Jenaer Optronik AG</a>' in html
    assert 'href="mailto:anna@example.de"' in html
    assert html.index("Visit 2026") < html.index("Visit 2024")
    assert "Head of delegation" in html
    assert f'href="/organisations/{then.id}">Old Employer GmbH</a>' in html  # represented then
    assert "Robotics talk" in html
    assert f'href="/delegations/{new.id}"' in html


def test_detail_escapes_script(client, login, make):
    login()
    person = make.person(full_name="<script>alert(1)</script>", notes="<img src=x>")
    db.session.commit()
    html = client.get(f"/people/{person.id}").text
    assert "<script>alert(1)" not in html and "<img src=x>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
