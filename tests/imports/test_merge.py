"""Merging organisations: everything moves to the survivor, names become aliases."""

import pytest
from flask import url_for
from sqlalchemy import select

from tests.imports.helpers import plan, totals
from tracker.extensions import db
from tracker.main.services import search
from tracker.models import (
    DelegationMember,
    FollowUp,
    Need,
    Organisation,
    OrganisationAlias,
    Person,
    delegation_organisation,
)
from tracker.organisations import merging
from tracker.organisations.services import find_duplicates, list_organisations


@pytest.fixture
def pair(make):
    """A duplicate with people, needs, follow-ups and history, and the survivor."""
    survivor = make.organisation(name="Jenaer Optronik GmbH", city=None)
    merged = make.organisation(name="JO Jena Optronik", name_zh="耶拿光电", city="Jena")
    person = make.person(full_name="Jürgen Müller", organisation=merged)
    both = make.delegation(title="Both")
    only_merged = make.delegation(title="Only merged")
    make.member(both, person)
    db.session.execute(
        delegation_organisation.insert(),
        [
            {"delegation_id": both.id, "organisation_id": merged.id},
            {"delegation_id": both.id, "organisation_id": survivor.id},
            {"delegation_id": only_merged.id, "organisation_id": merged.id},
        ],
    )
    need = make.need(merged, title="Vertrieb")
    make.followup(make.user(), organisation=merged, title="Anrufen")
    db.session.commit()
    return merged, survivor, person, need


def test_merge_moves_everything_and_deletes_the_duplicate(pair):
    merged, survivor, person, need = pair
    merged_id, survivor_id, version = merged.id, survivor.id, need.version
    merging.merge_organisations(merged, survivor)
    db.session.commit()
    assert db.session.get(Organisation, merged_id) is None
    assert db.session.get(Person, person.id).organisation_id == survivor_id
    assert db.session.get(Need, need.id).organisation_id == survivor_id
    assert db.session.get(Need, need.id).version == version + 1  # open edit forms go stale
    assert db.session.scalar(select(FollowUp.organisation_id)) == survivor_id
    assert db.session.scalar(select(DelegationMember.organisation_id)) == survivor_id
    links = db.session.execute(select(delegation_organisation)).all()
    assert sorted(link.organisation_id for link in links) == [survivor_id, survivor_id]
    survivor = db.session.get(Organisation, survivor_id)
    assert survivor.city == "Jena"  # blanks filled from the duplicate
    aliases = db.session.scalars(select(OrganisationAlias.name).order_by(OrganisationAlias.name))
    assert aliases.all() == ["JO Jena Optronik", "耶拿光电"]


def test_aliases_are_found_by_search_list_duplicate_guard_and_import(make, pair):
    merged, survivor, _person, _need = pair
    merging.merge_organisations(merged, survivor)
    db.session.commit()
    assert search("jo jena").organisations == [survivor]
    assert search("耶拿").organisations == [survivor]
    rows = db.session.execute(list_organisations(query="JO Jena")).all()
    assert [row[0] for row in rows] == [survivor]
    assert find_duplicates("JO JENA OPTRONIK") == [survivor]
    p = plan([["Name", "Firma"], ["Jürgen Müller", "JO Jena Optronik"]], make.delegation())
    assert p.organisations[0].existing == survivor
    assert p.rows[0].person is not None  # and the person is found there too


def test_merge_counts_list_what_moves(pair):
    merged, _survivor, _person, _need = pair
    moves = dict(merging.merge_counts(merged))
    assert moves["People"] == 1
    assert moves["Cooperation needs"] == 1
    assert moves["Follow-ups"] == 1
    assert moves["Delegation memberships (organisation represented)"] == 1
    assert moves["Delegations it took part in without named people"] == 2


def test_merge_pages_for_a_manager(client, login, pair):
    merged, survivor, _person, _need = pair
    merged_id, survivor_id = merged.id, survivor.id
    login("manager")
    detail = client.get(url_for("organisations.detail", organisation_id=merged_id))
    assert "Merge into…" in detail.text
    pick = client.get(url_for("organisations.merge", organisation_id=merged_id))
    assert pick.status_code == 200
    response = client.post(
        url_for("organisations.merge", organisation_id=merged_id), data={"survivor_id": survivor_id}
    )
    assert response.status_code == 302
    confirm = client.get(response.headers["Location"])
    assert "People: 1" in confirm.text
    assert "JO Jena Optronik" in confirm.text
    assert db.session.get(Organisation, merged_id) is not None  # nothing happens on GET
    done = client.post(
        url_for("organisations.merge_confirm", organisation_id=merged_id, survivor_id=survivor_id)
    )
    assert done.status_code == 302
    assert db.session.get(Organisation, merged_id) is None
    page = client.get(url_for("organisations.detail", organisation_id=survivor_id))
    assert "Also known as" in page.text


def test_similar_names_are_suggested_first(client, login, make):
    organisation = make.organisation(name="Glaswerk Ilmenau")
    similar = make.organisation(name="GLASWERK ILMENAU AG")
    make.organisation(name="Andere GmbH")
    db.session.commit()
    groups = merging.survivor_choices(organisation)
    assert next(iter(groups)) == "Similar names"
    assert groups["Similar names"] == [(similar.id, similar.name)]


@pytest.mark.parametrize("bad", ["", "abc", "999999"])
def test_merge_pick_needs_a_valid_choice(client, login, pair, bad):
    merged = pair[0]
    login("admin")
    response = client.post(
        url_for("organisations.merge", organisation_id=merged.id), data={"survivor_id": bad}
    )
    assert response.status_code == 200
    assert "is-invalid" in response.text


def test_merging_into_itself_is_404(client, login, pair):
    merged = pair[0]
    login("manager")
    url = url_for("organisations.merge_confirm", organisation_id=merged.id, survivor_id=merged.id)
    assert client.post(url).status_code == 404


def test_staff_cannot_merge(client, login, pair):
    merged, survivor, _person, _need = pair
    login("staff")
    before = totals()
    assert client.get(url_for("organisations.merge", organisation_id=merged.id)).status_code == 403
    url = url_for("organisations.merge_confirm", organisation_id=merged.id, survivor_id=survivor.id)
    assert client.post(url).status_code == 403
    assert totals() == before
    assert (
        "Merge into…"
        not in client.get(url_for("organisations.detail", organisation_id=merged.id)).text
    )
