"""Organisation services, called directly (the import will call them the same way)."""

import pytest
from sqlalchemy import Select

from tracker.extensions import db
from tracker.models import OrganisationKind, delegation_organisation
from tracker.organisations import services
from tracker.organisations.services import OrganisationData


@pytest.mark.parametrize(
    ("existing", "candidate"),
    [
        ("Jenaer Optronik AG", "JENAER OPTRONIK AG"),
        ("Jenaer Optronik AG", "Jenaer Optronik"),
        ("Jenaer Optronik AG", "Jenaer  Optronik, AG"),
        ("Müller AG", "Mueller GmbH"),
        ("上海机器人产业园有限公司", "上海机器人产业园"),
    ],
)
def test_find_duplicates_matches_variants(make, existing, candidate):
    other = make.organisation(name=existing)
    assert services.find_duplicates(candidate) == [other]


def test_find_duplicates_ignores_different_names_and_excluded(make):
    own = make.organisation(name="Jenaer Optronik AG")
    assert services.find_duplicates("Jenoptik AG") == []
    assert services.find_duplicates("Jenaer Optronik", exclude_id=own.id) == []
    assert services.find_duplicates(None, "", "  ") == []


def test_save_organisation_creates_with_clean_values(make):
    user = make.user()
    data = OrganisationData(
        name="  Jenaer Optronik AG ", name_de="", city=" Jena ", country="de", kind="university"
    )
    organisation = services.save_organisation(None, data, user)
    assert organisation.id is not None
    assert organisation.name == "Jenaer Optronik AG"
    assert organisation.name_de is None
    assert organisation.city == "Jena"
    assert organisation.country == "DE"
    assert organisation.kind is OrganisationKind.UNIVERSITY
    assert organisation.created_by is user
    assert organisation.search_key.startswith("jenar optronik ag")


def test_save_organisation_updates(make):
    organisation = make.organisation(name="Old GmbH", is_local=True)
    data = OrganisationData.from_mapping({"name": "New GmbH", "is_local": False, "csrf": "x"})
    services.save_organisation(organisation, data, None)
    assert organisation.name == "New GmbH"
    assert organisation.is_local is False
    assert organisation.name_key == "new"


def test_possible_duplicates_skips_unchanged_names_on_edit(make):
    make.organisation(name="Jenaer Optronik GmbH", name_de="x")  # an existing duplicate pair
    organisation = make.organisation(name="Jenaer Optronik AG")
    same = OrganisationData(name="Jenaer Optronik AG", city="Jena")
    assert services.possible_duplicates(same, organisation) == []
    renamed = OrganisationData(name="JENAER OPTRONIK")
    assert [o.name for o in services.possible_duplicates(renamed, organisation)] == [
        "Jenaer Optronik GmbH"
    ]


def test_list_organisations_returns_select_with_counts(make):
    organisation = make.organisation(name="A AG")
    make.person(organisation=organisation)
    make.organisation(name="B AG")
    stmt = services.list_organisations(sort="name")
    assert isinstance(stmt, Select)
    rows = db.session.execute(stmt).unique().all()
    assert [(o.name, n) for o, n in rows] == [("A AG", 1), ("B AG", 0)]


def test_delete_blockers_lists_every_reason(app, make):
    organisation = make.organisation()
    person = make.person(organisation=organisation)
    delegation = make.delegation()
    make.member(delegation, person)
    db.session.execute(
        delegation_organisation.insert().values(
            delegation_id=delegation.id, organisation_id=organisation.id
        )
    )
    with app.test_request_context():  # the reasons are translated for the current request
        reasons = services.delete_blockers(organisation)
        assert reasons == [
            "1 person still belongs to it; move or delete them first.",
            "It was represented by 1 delegation member; that history must be kept.",
            "It is named in 1 delegation; remove it there first.",
        ]
        assert services.delete_blockers(make.organisation()) == []


def test_organisation_detail_unknown_is_none(app):
    assert services.organisation_detail(424242) is None


def test_industry_choices_active_plus_current(make):
    active = make.industry(name="Robotics")
    retired = make.industry(name="Coal", active=False)
    assert services.industry_choices() == [active]
    assert set(services.industry_choices(include_id=retired.id)) == {active, retired}


def test_countries_in_use(make):
    make.organisation(country="DE")
    make.organisation(country="DE")
    make.organisation(country="CN")
    make.organisation(country=None)
    assert services.countries_in_use() == ["CN", "DE"]
