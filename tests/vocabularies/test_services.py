"""The vocabulary services, without HTTP."""

import pytest

from tracker.extensions import db
from tracker.models import KeyIndustry, Topic
from tracker.vocabularies import services


def test_vocabulary_model_knows_only_the_two_lists(app):
    assert services.vocabulary_model("topics") is Topic
    assert services.vocabulary_model("industries") is KeyIndustry
    assert services.vocabulary_model("people") is None


@pytest.mark.parametrize("name", ["Robotics", "ROBOTICS", "  robotics ", "Ro botics"])
def test_name_taken_ignores_case_and_spacing(make, name):
    make.topic(name="Robotics")
    taken = services.name_taken(Topic, name)
    assert taken is (name != "Ro botics")


def test_name_taken_folds_non_ascii_case(make):
    make.industry(name="Ärztliche Geräte")
    assert services.name_taken(KeyIndustry, "ärztliche geräte")


def test_name_taken_is_per_vocabulary_and_excludes_the_term_itself(make):
    topic = make.topic(name="Hydrogen")
    assert not services.name_taken(KeyIndustry, "Hydrogen")
    assert not services.name_taken(Topic, "hydrogen", exclude_id=topic.id)


def test_create_term_trims_and_stores_empty_translations_as_none(app):
    term = services.create_term(Topic, name="  AI   and robotics ", name_de=" ", name_zh="机器人")
    assert (term.name, term.name_de, term.name_zh) == ("AI and robotics", None, "机器人")
    assert term.active and term.position == 0


def test_list_terms_orders_by_position_then_name_with_usage(make):
    used = make.topic(name="B", position=1)
    make.topic(name="A", position=2)
    make.topic(name="C", position=1)
    delegation = make.delegation(topics=[used])
    make.meeting(delegation, topics=[used])
    rows = services.list_terms(Topic)
    assert [(r.term.name, r.usage) for r in rows] == [("B", 2), ("C", 0), ("A", 0)]


def test_usage_count_of_an_industry_counts_organisations(make):
    industry = make.industry()
    make.organisation(key_industry=industry)
    make.organisation(key_industry=industry)
    make.organisation()
    assert services.usage_count(industry) == 2


def test_delete_term_refuses_a_used_term(make):
    topic = make.topic()
    make.delegation(topics=[topic])
    with pytest.raises(services.TermInUse):
        services.delete_term(topic)
    assert db.session.get(Topic, topic.id) is not None


def test_delete_term_removes_an_unused_term(make):
    industry = make.industry()
    services.delete_term(industry)
    assert db.session.get(KeyIndustry, industry.id) is None
