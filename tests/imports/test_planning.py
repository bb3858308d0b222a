"""The preview says exactly what an import will do, and loads what it needs by keys."""

from types import SimpleNamespace

import pytest

from tests.imports.files import german_list
from tests.imports.helpers import plan, totals
from tracker.extensions import db
from tracker.models import MemberRole


def test_german_list_preview_says_exactly_what_will_happen(delegation):
    layout = german_list()
    before = totals()
    p = plan(layout.rows, delegation)
    summary = p.summary()
    assert summary["rows_total"] == 30
    assert summary["people_created"] == 27
    assert summary["people_matched"] == 0
    assert summary["organisations_created"] == 10
    assert summary["needs_created"] == layout.needs
    assert summary["rows_blank"] == 1
    assert summary["rows_duplicate"] == 1
    assert summary["rows_skipped"] == 2
    assert summary["rows_failed"] == [{"row": layout.no_name_row, "reason": "No name."}]
    [blank] = p.rows_with("blank")
    assert blank.number == layout.blank_row
    [duplicate] = p.rows_with("duplicate")
    assert duplicate.number == layout.duplicate_row
    assert duplicate.reason == f"Same person as row {layout.duplicate_of}."
    assert totals() == before  # the preview writes nothing


def test_one_company_spelled_three_ways_is_one_new_organisation(delegation):
    p = plan(german_list().rows, delegation)
    [jena] = [o for o in p.organisations if o.key == "jenaroptronik"]
    assert jena.status == "new"
    assert jena.name == "Jenaer Optronik GmbH"
    assert set(jena.spellings) == {
        "Jenaer Optronik GmbH",
        "JENAER OPTRONIK GMBH",
        "Jenaer Optronik",
    }
    assert len(jena.rows) == 4
    assert jena.city == "Jena"


def test_first_and_last_name_are_combined_and_roles_read(delegation):
    p = plan(german_list().rows, delegation)
    by_name = {r.full_name: r for r in p.rows_with("ok")}
    assert "Prof. Dr. Andreas Tünnermann" in by_name
    assert by_name["Sebastian Büttner"].role is MemberRole.HEAD
    assert by_name["Xu Ming"].role is MemberRole.INTERPRETER
    assert by_name["Käthe Weiß"].role is MemberRole.MEMBER


def test_chinese_family_and_given_name_are_joined_without_space(delegation):
    p = plan([["姓", "名", "单位"], ["张", "伟", "上海机器人产业园"]], delegation)
    assert p.rows[0].full_name == "张伟"


def test_near_duplicate_organisation_is_offered_to_be_merged(make, delegation):
    existing = make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    rows = [["Name", "Firma"], ["A", "JENAER OPTRONIK AG"], ["B", "Jenaer Optronik"]]
    p = plan(rows, delegation)
    [organisation] = p.organisations
    assert organisation.status == "similar"
    assert organisation.existing == existing
    assert p.summary()["organisations_created"] == 0
    assert p.summary()["organisations_similar"] == 1


def test_near_duplicate_kept_separate_when_the_user_says_so(make, delegation):
    make.organisation(name="Jenaer Optronik AG")
    db.session.commit()
    p = plan([["Name", "Firma"], ["A", "JENAER OPTRONIK"]], delegation, separate={"jenaroptronik"})
    assert p.organisations[0].status == "new"


def test_same_spelling_is_an_existing_organisation(make, delegation):
    existing = make.organisation(name="Glaswerk Ilmenau AG")
    db.session.commit()
    p = plan([["Name", "Firma"], ["A", "Glaswerk  Ilmenau AG"]], delegation)
    assert (p.organisations[0].status, p.organisations[0].existing) == ("existing", existing)


def test_alias_of_a_merged_organisation_is_recognised(make, delegation):
    from tracker.models import OrganisationAlias

    survivor = make.organisation(name="Carl Zeiss Jena GmbH")
    db.session.add(OrganisationAlias(organisation=survivor, name="Zeiss Jena Werk"))
    db.session.commit()
    p = plan([["Name", "Firma"], ["A", "Zeiss Jena Werk"]], delegation)
    assert p.organisations[0].existing == survivor
    assert p.organisations[0].via_alias == "Zeiss Jena Werk"


def test_existing_person_matched_by_email_then_by_name_and_organisation(make, delegation):
    glas = make.organisation(name="Glaswerk Ilmenau AG")
    by_mail = make.person(full_name="Dr. Mareike Kühn", email="M.Kuehn@example.de")
    by_name = make.person(full_name="Lutz Förster", organisation=glas)
    db.session.commit()
    rows = [
        ["Name", "Firma", "E-Mail", "Funktion"],
        ["Mareike Kühn", "Glaswerk Ilmenau AG", "m.kuehn@example.de", "Vorständin"],
        ["LUTZ FOERSTER", "Glaswerk Ilmenau AG", "", "Leiter Export"],
        ["Lutz Förster", "Andere Firma GmbH", "", ""],
    ]
    p = plan(rows, delegation)
    first, second, third = p.rows
    assert (first.person, first.match) == (by_mail, "email")
    assert first.fills == {"position": "Vorständin", "organisation": "Glaswerk Ilmenau AG"}
    assert (second.person, second.match) == (by_name, "name")
    assert second.fills == {"position": "Leiter Export"}
    assert third.person is None  # same name, other organisation: another person


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (["", "Firma X", "a@b.de"], "No name."),
        (["Jan", "Firma X", "not-an-address"], "Invalid e-mail address “not-an-address”."),
        (["J" * 201, "Firma X", ""], "Name is longer than 200 characters."),
        (["Jan", "F" * 201, ""], "Organisation is longer than 200 characters."),
    ],
)
def test_rows_in_error_say_why(delegation, cells, reason):
    p = plan([["Name", "Firma", "E-Mail"], cells], delegation)
    assert p.summary()["rows_failed"] == [{"row": 2, "reason": reason}]


def test_notes_for_unknown_role_topic_and_bad_phone(delegation):
    rows = [["Name", "Rolle", "Themen", "Telefon"], ["Jan", "Chef", "Raumfahrt", "ruf an"]]
    [row] = plan(rows, delegation).rows
    assert row.status == "ok"
    assert len(row.notes) == 3
    assert "values" and "phone" not in row.values


def test_topics_known_to_the_vocabulary_are_added_to_the_delegation(make, delegation):
    topic = make.topic(name="Optics", name_de="Optik", name_zh="光学")
    db.session.commit()
    p = plan([["Name", "Themen"], ["Jan", "Optik, 光学"]], delegation)
    assert p.topics == [topic]


def test_needs_split_per_line_and_deduplicated_per_organisation(delegation):
    rows = [
        ["Name", "Firma", "Kooperationsbedarf"],
        ["A", "X GmbH", "Vertrieb; Fläche\nPartner"],
        ["B", "X GmbH", "Fläche"],
        ["C", "", "Vertrieb"],
    ]
    p = plan(rows, delegation)
    assert [n.title for n in p.needs] == ["Vertrieb", "Fläche", "Partner"]
    assert p.rows[2].notes  # a need without an organisation is not created


@pytest.mark.parametrize("kind", ["people", "no organisation"])
def test_preview_queries_do_not_grow_with_rows(make, delegation, count_queries, kind):
    """No query per row: everything is preloaded by keys."""

    def rows(n: int) -> list[list]:
        firm = (lambda i: "") if kind == "no organisation" else (lambda i: f"Firma {i % 7} GmbH")
        return [["Name", "Firma", "E-Mail", "Kooperationsbedarf"]] + [
            [f"Person {i}", firm(i), f"p{i}@example.de", f"Bedarf {i}"] for i in range(n)
        ]

    for i in range(7):
        organisation = make.organisation(name=f"Firma {i} GmbH")
        make.person(full_name=f"Person {i}", organisation=organisation)
    db.session.commit()
    delegation_id = delegation.id
    counts = []
    for n in (3, 30):
        with count_queries() as sql:
            p = plan(rows(n), SimpleNamespace(id=delegation_id))
            p.summary()
        counts.append(len(sql))
    assert counts[0] == counts[1]
