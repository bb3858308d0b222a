"""The shipped glossary: its data, seeding the synonym list, and managers' edits winning."""

import re

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.matchmaking.glossary import concepts_in_force, seed_glossary, shipped_glossary
from tracker.models import SynonymGroup

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def test_the_glossary_has_at_least_200_concepts_in_three_languages():
    concepts = shipped_glossary()
    assert len(concepts) >= 200
    assert len({c.key for c in concepts}) == len(concepts)
    for concept in concepts:
        assert any(_HAN.search(t) for t in concept.terms), concept.key
        assert any(_LATIN.search(t) for t in concept.terms), concept.key


def test_the_glossary_has_no_one_character_chinese_term():
    for concept in shipped_glossary():
        assert not [t for t in concept.terms if len(t) == 1 and _HAN.match(t)], concept.key


def test_a_fresh_install_uses_the_glossary_without_any_synonym_group(app):
    assert db.session.scalar(select(func.count(SynonymGroup.id))) == 0
    keys = {c.key for c in concepts_in_force()}
    assert keys == {c.key for c in shipped_glossary()}


def test_seeding_adds_every_concept_once(app):
    assert seed_glossary() == len(shipped_glossary())
    assert seed_glossary() == 0
    assert db.session.scalar(select(func.count(SynonymGroup.id))) == len(shipped_glossary())


def test_a_managers_edit_of_a_seeded_group_wins_and_survives_seeding(app):
    seed_glossary()
    first = shipped_glossary()[0]
    group = db.session.scalar(select(SynonymGroup).filter_by(glossary_key=first.key))
    group.terms = "Eigenbegriff ~ own term ~ 自定义术语"
    db.session.commit()
    seed_glossary()
    db.session.commit()
    assert db.session.get(SynonymGroup, group.id).terms == "Eigenbegriff ~ own term ~ 自定义术语"
    in_force = {c.key: c.terms for c in concepts_in_force()}
    assert in_force[first.key] == ("Eigenbegriff", "own term", "自定义术语")


def test_a_switched_off_seeded_group_switches_the_concept_off(app):
    seed_glossary()
    first = shipped_glossary()[0]
    group = db.session.scalar(select(SynonymGroup).filter_by(glossary_key=first.key))
    group.active = False
    db.session.commit()
    assert first.key not in {c.key for c in concepts_in_force()}


def test_managers_own_groups_extend_the_glossary(app, make):
    own = make.synonyms("Sondermaschine ~ special machine ~ 非标设备")
    make.synonyms("Alt ~ old ~ 旧", active=False)
    db.session.commit()
    in_force = {c.key: c.terms for c in concepts_in_force()}
    assert in_force[f"group-{own.id}"] == ("Sondermaschine", "special machine", "非标设备")
    assert len(in_force) == len(shipped_glossary()) + 1


def test_the_seed_command_reports_what_it_added(app, runner):
    result = runner.invoke(args=["seed-glossary"])
    assert result.exit_code == 0
    assert f"{len(shipped_glossary())} concept groups added" in result.output
    assert "0 concept groups added" in runner.invoke(args=["seed-glossary"]).output


def test_deleting_a_seeded_group_switches_it_off(client, login, app):
    login(role="manager")
    seed_glossary()
    db.session.commit()
    group = db.session.scalar(select(SynonymGroup).where(SynonymGroup.glossary_key.is_not(None)))
    response = client.post(f"/matchmaking/synonyms/{group.id}/delete", follow_redirects=True)
    assert "switched off instead" in response.text
    assert db.session.get(SynonymGroup, group.id).active is False


def test_deleting_a_managers_own_group_deletes_it(client, login, make):
    login(role="manager")
    group = make.synonyms("Eins ~ one ~ 一个")
    db.session.commit()
    response = client.post(f"/matchmaking/synonyms/{group.id}/delete", follow_redirects=True)
    assert "Synonym group deleted." in response.text
    assert db.session.get(SynonymGroup, group.id) is None


def test_the_synonym_list_finds_a_term_and_marks_glossary_groups(client, login, make):
    login(role="manager")
    seed_glossary()
    make.synonyms("Quokkafutter ~ quokka feed ~ 短尾矮袋鼠饲料")
    db.session.commit()
    page = client.get("/matchmaking/synonyms?q=quokka").text
    assert "Quokkafutter ~ quokka feed ~ 短尾矮袋鼠饲料" in page
    assert page.count("<tr>") == 2  # the header and the one group found
    assert "Glossary" in client.get("/matchmaking/synonyms").text
    assert "No synonym group has a term" in client.get("/matchmaking/synonyms?q=zzzqqq").text
