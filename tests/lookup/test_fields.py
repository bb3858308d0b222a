"""Picker fields: any visible record of their kind is accepted, anything else is a field error."""

import re

import pytest
from sqlalchemy import select

from tests.checks import assert_refused, count_rows
from tests.messages import CANNOT_COERCE, NOT_A_CHOICE
from tracker.extensions import db
from tracker.lookup import FALLBACK
from tracker.models import Match, Need, Person
from tracker.softdelete import soft_delete


def _need_data(organisation_id, **extra) -> dict:
    return {"organisation_id": organisation_id, "title": "Pilot line", "priority": "medium"} | extra


def test_any_visible_organisation_is_accepted_not_only_the_listed_ones(
    client, login, make, crowd_out
):
    login()
    old = make.organisation(name="Oldest AG")
    crowd_out(make.organisation, 5)
    page = client.get("/needs/new").text
    assert "Oldest AG" not in page  # neither among the latest nor chosen
    response = client.post("/needs/new", data=_need_data(old.id))
    assert response.status_code == 302
    assert db.session.scalar(select(Need.organisation_id)) == old.id


@pytest.mark.parametrize("value", ["abc", "-1", "²", "1.5", "99999999999999999999", "0x10", " 7"])
def test_garbage_ids_are_field_errors(client, login, make, value):
    login()
    make.organisation()
    db.session.commit()
    response = client.post("/needs/new", data=_need_data(value))
    assert_refused(response, CANNOT_COERCE)
    assert count_rows(Need) == 0


def test_unknown_and_deleted_ids_are_not_a_valid_choice(client, login, make):
    user = login("manager")
    gone = make.organisation(name="Gone GmbH")
    db.session.commit()
    soft_delete(gone, user.id)
    db.session.commit()
    for value in (str(gone.id), "987654"):
        response = client.post("/needs/new", data=_need_data(value))
        assert_refused(response, NOT_A_CHOICE)
        assert "Gone GmbH" not in response.text
    assert count_rows(Need) == 0


def test_a_delegation_id_is_no_organisation(client, login, make):
    """Ids of another kind are checked against the field's own table."""
    login()
    organisation = make.organisation()
    delegation = make.delegation(title="Only a visit")
    while delegation.id == organisation.id:  # independent sequences may meet
        delegation = make.delegation(title="Only a visit")
    db.session.commit()
    response = client.post("/needs/new", data=_need_data(delegation.id))
    assert NOT_A_CHOICE in response.text
    assert count_rows(Need) == 0


def test_a_visiting_organisation_is_no_local_partner(client, login, make):
    login()
    need = make.need(make.organisation())
    visitor = make.organisation(name="Visiting GmbH")
    db.session.commit()
    response = client.post(
        f"/matchmaking/needs/{need.id}/pick", data={"organisation_id": visitor.id}
    )
    assert_refused(response, NOT_A_CHOICE)
    assert count_rows(Match) == 0


def test_the_talk_form_takes_local_partners_only(client, login, make):
    login()
    need = make.need(make.organisation())
    park, visitor = make.local_partner(), make.organisation()
    db.session.commit()
    data = {"title": "Visit", "day": "2027-05-13", "start": "10:00", "end": "11:00",
            "timezone": "Asia/Shanghai", "place": "Hall 1"}  # fmt: skip
    url = f"/talks/new?need_id={need.id}"
    refused = client.post(url, data={**data, "organisation_ids": [park.id, visitor.id]})
    assert refused.status_code == 200 and NOT_A_CHOICE in refused.text
    accepted = client.post(url, data={**data, "organisation_ids": [park.id, ""]})
    assert accepted.status_code == 302


def test_a_chosen_record_keeps_its_label_after_a_refused_submit(client, login, make, crowd_out):
    login()
    old = make.organisation(name="Oldest AG", city="Jena")
    crowd_out(make.organisation, 2)
    page = client.post("/needs/new", data=_need_data(old.id, title="")).text
    assert re.search(rf'<option selected value="{old.id}">Oldest AG \(Jena\)</option>', page)


def test_the_picker_is_a_labelled_select_with_a_lookup_url(client, login, make, crowd_out):
    login()
    crowd_out(make.person, 10)
    page = client.get("/people/new").text
    select_tag = re.search(r'<select[^>]*name="organisation_id"[^>]*>', page).group(0)
    assert 'data-lookup="/lookup/organisations"' in select_tag
    assert 'id="organisation_id"' in select_tag
    assert '<label class="form-label" for="organisation_id">' in page
    assert "<noscript>" in page
    member_page = client.get(f"/delegations/{make.delegation().id}/members/add").text
    person_select = member_page.split('name="person_id"')[1].split("</select>")[0]
    assert person_select.count("<option") == FALLBACK + 1  # the empty choice and the latest


def test_merging_into_itself_is_refused_in_the_form(client, login, make):
    login("manager")
    organisation = make.organisation(name="Glaswerk Ilmenau")
    db.session.commit()
    response = client.post(
        f"/organisations/{organisation.id}/merge", data={"survivor_id": organisation.id}
    )
    assert_refused(response, NOT_A_CHOICE)


def test_a_new_member_can_pick_any_person(client, login, make, crowd_out):
    login()
    delegation = make.delegation()
    someone = make.person(full_name="Early Bird")
    crowd_out(make.person, 2)
    response = client.post(
        f"/delegations/{delegation.id}/members/add",
        data={"role": "member", "person_id": someone.id},
    )
    assert response.status_code == 302
    assert db.session.get(Person, someone.id).full_name == "Early Bird"


def test_an_empty_picker_offers_the_latest_records_as_they_change(client, login, make):
    """What an empty picker lists is kept until organisations change: a new one, a renamed
    one and a deleted one show on the next page."""
    login()
    first = make.organisation(name="Erfurt Optics")
    db.session.commit()

    def offered() -> str:
        page = client.get(f"/delegations/{visit.id}").text
        return page.split('name="organisation_id"')[1].split("</select>")[0]

    visit = make.delegation()
    db.session.commit()
    assert "Erfurt Optics" in offered()
    make.organisation(name="Jena Photonics")
    first.name = "Erfurt Optics AG"
    db.session.commit()
    assert "Jena Photonics" in offered() and "Erfurt Optics AG" in offered()
    soft_delete(first, None)
    db.session.commit()
    assert "Erfurt Optics" not in offered()
