"""Delegation page rows: one quiet, named action each, still a POST with CSRF (issue 20)."""

import re

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import DelegationMember, Person, Role, delegation_organisation


def _remove_forms(text: str) -> list[tuple[str, str]]:
    """(action, the button's accessible name) of each quiet remove form on the page."""
    forms = re.findall(
        r'<form method="post" action="([^"]+)"[^>]*>\s*<input type="hidden" name="csrf_token"'
        r'[^>]*>\s*<button type="submit" class="btn btn-sm row-action"[^>]*>.*?'
        r'<span class="visually-hidden">([^<]+)</span></button>',
        text,
        re.S,
    )
    return forms


def _members_section(text: str) -> str:
    return text[text.index('id="members"') : text.index('id="meetings"')]


def test_each_member_has_one_quiet_remove_button_naming_the_person(client, login, make):
    login()
    delegation = make.delegation()
    zeiss = make.organisation(name="Zeiss Jena")
    for name in ("Anna Müller", "Bert Engineer"):
        make.member(delegation, make.person(full_name=name, organisation=zeiss))
    db.session.commit()
    members = _members_section(client.get(f"/delegations/{delegation.id}").text)
    names = [name for _action, name in _remove_forms(members)]
    assert names == ["Remove Anna Müller", "Remove Bert Engineer"]
    assert "btn-danger" not in members and "btn-outline-danger" not in members
    assert 'data-confirm="Remove Anna Müller from this delegation?"' in members


def test_the_quiet_button_still_removes_the_member_with_a_csrf_token(app, client, login, make):
    login()
    delegation = make.delegation()
    person = make.person(full_name="Anna Müller")
    make.member(delegation, person)
    db.session.commit()
    app.config["WTF_CSRF_ENABLED"] = True  # after the login fixture, which posts without one
    text = client.get(f"/delegations/{delegation.id}").text
    [(action, _name)] = _remove_forms(_members_section(text))
    token = re.search(r'name="csrf_token" value="([^"]+)"', text)[1]
    assert client.post(action).status_code == 400  # no token, no removal
    response = client.post(action, data={"csrf_token": token}, follow_redirects=True)
    assert "Anna Müller removed from the delegation." in response.text
    assert db.session.scalar(select(func.count(DelegationMember.id))) == 0
    db.session.expire_all()
    assert db.session.get(Person, person.id) is not None  # the person stays in the tracker


def test_an_organisation_without_named_people_has_a_named_remove_button(client, login, make):
    login()
    delegation = make.delegation()
    chamber = make.organisation(name="IHK Erfurt")
    db.session.flush()
    db.session.execute(
        delegation_organisation.insert().values(
            delegation_id=delegation.id, organisation_id=chamber.id
        )
    )
    db.session.commit()
    members = _members_section(client.get(f"/delegations/{delegation.id}").text)
    [(action, name)] = _remove_forms(members)
    assert name == "Remove IHK Erfurt"
    client.post(action)
    assert not db.session.scalars(select(delegation_organisation.c.organisation_id)).all()


def test_a_meeting_row_folds_edit_and_delete_into_one_named_menu(client, login, make):
    login(role=Role.MANAGER)
    delegation = make.delegation()
    meeting = make.meeting(delegation, title="Lunch")
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    meetings = text[text.index('id="meetings"') :]
    assert meetings.count('<details class="row-menu">') == 1
    assert '<span class="visually-hidden">Actions for Lunch</span></summary>' in meetings
    base = f"/delegations/{delegation.id}/meetings/{meeting.id}"
    assert f'href="{base}/edit"' in meetings and f'href="{base}/delete"' in meetings
    assert "Edit Lunch" in meetings and "Delete Lunch" in meetings
    assert "btn-outline-danger" not in meetings


def test_staff_see_only_the_edit_entry_of_a_meeting(client, login, make):
    login()
    delegation = make.delegation()
    meeting = make.meeting(delegation, title="Lunch")
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert f"/meetings/{meeting.id}/edit" in text
    assert f"/meetings/{meeting.id}/delete" not in text


def test_meetings_render_as_phone_cards_with_labelled_cells(client, login, make):
    login()
    delegation = make.delegation()
    make.meeting(delegation, title="Lunch", place="Canteen")
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}").text
    assert 'class="table align-middle mb-0 table-cards"' in text
    assert '<td class="cell-inline" data-label="Place">Canteen</td>' in text
