"""Ranking local partners for a need: the order, the reasons, synonyms and accent folding."""

from datetime import datetime

from tests.matchmaking.fixtures import robotics_world
from tracker.extensions import db
from tracker.matchmaking.services import save_offer
from tracker.matchmaking.suggestions import suggest
from tracker.matchmaking.textmatch import contains, match_text
from tracker.models import OfferKind


def names(suggestions) -> list[str]:
    return [s.partner.name for s in suggestions]


def test_the_robot_park_comes_first_then_the_smaller_park_then_offices(app):
    world = robotics_world()
    with app.test_request_context():
        found = suggest(world.need)
    assert names(found) == ["Shanghai Robot Industry Park", "Small Robot Park", "Business Centre"]
    assert [s.score for s in found] == [75, 50, 20]


def test_reasons_are_plain_words(app):
    world = robotics_world()
    with app.test_request_context():
        top = suggest(world.need)[0]
    assert top.offer.title == "Factory halls"
    assert top.reasons == [
        "same key industry: Robotics and high-end manufacturing",
        "Factory space fits a need for industrial land and space",
        "offers factory space 5,000 m² ≥ 3,000 m² asked",
    ]


def test_space_below_the_ask_earns_nothing_for_area(app):
    world = robotics_world()
    with app.test_request_context():
        small = next(s for s in suggest(world.need) if s.partner.name == "Small Robot Park")
    assert not any("m²" in r for r in small.reasons)


def test_unrelated_partners_are_not_suggested(app):
    world = robotics_world()
    with app.test_request_context():
        assert "Auto Parts Cluster" not in names(suggest(world.need))


def test_equal_scores_are_ordered_by_name_then_id(app, make):
    need = make.need(title="Anything", key_industry=make.industry())
    for name in ("Beta", "alpha", "Beta"):
        make.local_partner(name=name, key_industry=need.key_industry)
    db.session.commit()
    with app.test_request_context():
        found = suggest(need)
    assert names(found) == ["alpha", "Beta", "Beta"]
    assert found[1].partner.id < found[2].partner.id


def test_synonyms_match_across_languages(app, make):
    make.synonyms("Gehäuseteile ~ housing parts ~ 外壳")
    cluster = make.local_partner(name="Cluster")
    make.offer(
        cluster,
        kind=OfferKind.SUPPLIER_CAPABILITY,
        title="Suppliers",
        keywords="Gehäuseteile, Druckguss",
    )
    need = make.need(title="Local suppliers for aluminium housing parts")
    db.session.commit()
    with app.test_request_context():
        (top,) = suggest(need)
    assert top.reasons == ["keywords: Gehäuseteile ~ housing parts ~ 外壳"]


def test_chinese_terms_match_inside_chinese_text(app, make):
    make.synonyms("Gehäuseteile ~ housing parts ~ 外壳")
    supplier = make.local_partner(name="供应商")
    make.offer(supplier, kind=OfferKind.OTHER, title="铝合金外壳供应")
    need = make.need(title="Aluminium-Gehäuseteile gesucht")
    db.session.commit()
    with app.test_request_context():
        assert names(suggest(need)) == ["供应商"]


def test_keywords_match_without_accents_or_case(app, make):
    partner = make.local_partner(name="Partner")
    make.offer(partner, kind=OfferKind.OTHER, title="Tools", keywords="Müller-Technik")
    need = make.need(title="Looking for MUELLER technik know-how")
    db.session.commit()
    with app.test_request_context():
        (top,) = suggest(need)
    assert top.reasons == ["keywords: Müller-Technik"]


def test_folding_makes_mueller_muller_and_müller_equal():
    assert match_text("Müller") == match_text("Mueller") == match_text("MULLER") == " muller "
    assert contains(match_text("Herr Mueller kommt"), match_text("Müller").strip())
    assert not contains(match_text("Müllerstraße"), match_text("Müller").strip())


def test_partners_who_met_the_delegation_get_a_reason_with_the_date(app, make):
    world = robotics_world()
    delegation = make.delegation()
    director = make.person(full_name="Zhou Qiang", organisation=world.park)
    make.meeting(delegation, starts_at=datetime(2026, 5, 12, 1, 30), people=[director])
    world.need.delegation = delegation
    db.session.commit()
    with app.test_request_context():
        top = suggest(world.need)[0]
    assert top.reasons[-1] == "met the delegation on May 12"
    assert top.score == 85


def test_matched_partners_inactive_offers_and_visitors_are_left_out(app, make):
    world = robotics_world()
    make.match(world.need, world.park)
    world.office_offer.active = False
    make.organisation(name="Visiting park", key_industry=world.robotics)
    db.session.commit()
    with app.test_request_context():
        found = names(suggest(world.need))
    assert "Shanghai Robot Industry Park" not in found
    assert "Business Centre" not in found
    assert "Visiting park" not in found


def test_a_new_offer_is_suggested_at_once(app, make):
    world = robotics_world()
    with app.test_request_context():
        before = names(suggest(world.need))
        save_offer(None, world.cluster, _data(), None)
        db.session.commit()
        after = names(suggest(world.need))
    assert "Auto Parts Cluster" not in before
    assert "Auto Parts Cluster" in after


def _data():
    from tracker.matchmaking.services import OfferData

    return OfferData(
        kind=OfferKind.FACTORY_SPACE, title="Huge halls", area_m2=90000, keywords="robot arm"
    )
