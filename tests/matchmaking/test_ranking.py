"""Ranking local partners for a need: relevance of the whole profile, evidence, reasons."""

from datetime import datetime

from tests.matchmaking.fixtures import names, robotics_world, top_for
from tracker.extensions import db
from tracker.matchmaking.services import OfferData, save_offer
from tracker.models import OfferKind


def test_the_robot_park_comes_first_then_the_smaller_park_then_offices(app):
    world = robotics_world()
    found = top_for(app, world.need)
    assert names(found)[:3] == [
        "Shanghai Robot Industry Park",
        "Small Robot Park",
        "Business Centre",
    ]
    assert found[0].score > found[1].score > found[2].score > 0


def test_reasons_are_plain_words(app):
    world = robotics_world()
    top = top_for(app, world.need)[0]
    assert top.offer.title == "Factory halls"
    assert "same key industry: Robotics and high-end manufacturing" in top.reasons
    assert "Factory space suits a need for Industrial land and space" in top.reasons
    assert "offers 5,000 m² for the 3,000 m² asked" in top.reasons


def test_space_below_the_ask_is_flagged_too_small(app):
    world = robotics_world()
    small = next(s for s in top_for(app, world.need) if s.partner.name == "Small Robot Park")
    assert "too small: 2,000 m² for the 3,000 m² asked" in small.reasons


def test_the_closest_adequate_space_comes_first(app, make):
    need = make.need(title="Production hall", area_m2_asked=3000)
    for name, area in (("Huge plot", 20000), ("Fitting hall", 5000), ("Exact hall", 3000)):
        make.offer(name, title="Production hall", area_m2=area)
    db.session.commit()
    assert names(top_for(app, need)) == ["Exact hall", "Fitting hall", "Huge plot"]


def test_unrelated_partners_are_not_suggested(app):
    world = robotics_world()
    assert "Auto Parts Cluster" not in names(top_for(app, world.need))


def test_equal_evidence_is_not_ordered_by_name(app, make):
    need = make.need(title="Anything", key_industry=make.industry())
    for name in ("Beta", "alpha", "Beta"):
        make.local_partner(name=name, key_industry=need.key_industry)
    db.session.commit()
    found = top_for(app, need)
    assert names(found) == ["Beta", "alpha", "Beta"]  # the partner on file longest first
    assert found[0].partner.id < found[1].partner.id < found[2].partner.id


def test_more_evidence_breaks_a_tie(app, make):
    industry = make.industry()
    need = make.need(title="Anything", key_industry=industry)
    plain = make.local_partner(name="A plain partner", key_industry=industry)
    tagged = make.local_partner(name="Z tagged partner", key_industry=industry)
    make.offer(tagged, kind=OfferKind.OTHER, title="Anything at all")
    db.session.commit()
    assert names(top_for(app, need))[0] == tagged.name != plain.name


def test_offer_title_and_description_count_not_only_keywords(app, make):
    make.offer(
        "Moulder",
        kind=OfferKind.SUPPLIER_CAPABILITY,
        title="Kunststoffteile",
        description="Spritzguss für Automobilzulieferer, Materialien PA66 und PBT",
    )
    other = make.local_partner(name="Other", description="Wir fertigen Kunststoffteile.")
    make.offer(other, kind=OfferKind.SUPPLIER_CAPABILITY, title="Blechteile")
    need = make.need(title="Lohnfertiger für Spritzgussteile aus PA66")
    db.session.commit()
    top = top_for(app, need)[0]
    assert top.partner.name == "Moulder"
    assert any("“PA66”" in r for r in top.reasons)


def test_the_partners_own_description_counts(app, make):
    make.local_partner(name="EMS works", description="专业SMT贴片加工和PCBA组装")
    make.local_partner(name="Steel works", description="钢材加工")
    need = make.need(title="找一家做SMT贴片加工的本地工厂")
    db.session.commit()
    top = top_for(app, need)[0]
    assert top.partner.name == "EMS works"
    assert any(r.startswith("the partner's profile mentions") for r in top.reasons)


def test_inflections_and_compounds_match(app, make):
    make.offer(
        "Valve maker", kind=OfferKind.SUPPLIER_CAPABILITY, title="Industrial valve production"
    )
    make.offer(
        "H2 park",
        kind=OfferKind.TEST_SITE,
        title="Wasserstoff-Testfeld",
        description="Tankstelle für Brennstoffzellen-Lkw",
    )
    make.offer("Moulds", kind=OfferKind.SUPPLIER_CAPABILITY, title="Spritzgussteile")
    db.session.commit()
    checks = {
        "Looking for valves": "Valve maker",
        "Wasserstofftankstellen": "H2 park",
        "Spritzguss gesucht": "Moulds",
    }
    for title, partner in checks.items():
        need = make.need(title=title)
        db.session.commit()
        assert names(top_for(app, need))[:1] == [partner], title


def test_latin_words_inside_chinese_text_match(app, make):
    make.offer(
        "Board assembler", kind=OfferKind.SUPPLIER_CAPABILITY, title="PCB assembly", keywords="SMT"
    )
    need = make.need(title="做PCB和SMT的贴片加工")
    db.session.commit()
    assert names(top_for(app, need)) == ["Board assembler"]


def test_a_one_character_chinese_keyword_does_not_match_inside_a_word(app, make):
    make.offer("Cloud", kind=OfferKind.OTHER, title="服务", keywords="云")
    need = make.need(title="云南的合作伙伴")
    db.session.commit()
    assert "Cloud" not in names(top_for(app, need))


def test_rare_words_outweigh_words_every_partner_uses(app, make):
    for i in range(8):
        make.local_partner(name=f"Park {i}", description="Industrial park in Shanghai Baoshan")
    make.local_partner(name="Optics lab", description="Photonics and laser optics testing")
    need = make.need(title="Shanghai Baoshan industrial park for laser photonics")
    db.session.commit()
    assert names(top_for(app, need))[0] == "Optics lab"


def test_a_wrong_industry_does_not_beat_what_the_words_say(app, make):
    robotics, biopharma = make.industry(name="Robotics"), make.industry(name="Biopharma")
    for i in range(3):
        park = make.local_partner(name=f"Robot park {i}", key_industry=robotics)
        make.offer(park, title="Standard factory buildings")
    gmp = make.local_partner(name="GMP park", key_industry=biopharma)
    make.offer(gmp, kind=OfferKind.LAB_SPACE, title="GMP clean room for sterile filling")
    need = make.need(title="GMP clean room for sterile filling of vaccines", key_industry=robotics)
    db.session.commit()
    assert names(top_for(app, need))[0] == "GMP park"


def test_a_partner_without_an_industry_can_come_first(app, make):
    robotics = make.industry(name="Robotics")
    make.local_partner(name="Robot park", key_industry=robotics)
    make.offer(
        "Vision lab",
        kind=OfferKind.RESEARCH_COOPERATION,
        title="Machine vision research for robot grippers",
    )
    need = make.need(title="Machine vision for robot grippers", key_industry=robotics)
    db.session.commit()
    assert names(top_for(app, need))[0] == "Vision lab"


def test_a_keyword_typed_twice_counts_once(app, make):
    make.offer("Twice", kind=OfferKind.OTHER, title="Parts", keywords="Ventil, VENTIL, ventil")
    make.offer("Once", kind=OfferKind.OTHER, title="Parts", keywords="Ventil")
    need = make.need(title="Ventil")
    db.session.commit()
    found = top_for(app, need)
    assert [s.score for s in found] == [found[0].score] * 2
    assert found[0].reasons[0] == "the offer mentions “Ventil”"


def test_synonyms_match_across_languages(app, make):
    make.synonyms("Gehäuseteile ~ housing parts ~ 外壳")
    make.offer(
        "Cluster",
        kind=OfferKind.SUPPLIER_CAPABILITY,
        title="Suppliers",
        keywords="Gehäuseteile, Druckguss",
    )
    need = make.need(title="Local suppliers for aluminium housing parts")
    db.session.commit()
    (top,) = top_for(app, need)
    assert "“housing parts” in the need means “Gehäuseteile”" in top.reasons


def test_chinese_terms_match_inside_chinese_text(app, make):
    make.synonyms("Gehäuseteile ~ housing parts ~ 外壳")
    supplier = make.local_partner(name="供应商")
    make.offer(supplier, kind=OfferKind.OTHER, title="铝合金外壳供应")
    need = make.need(title="Aluminium-Gehäuseteile gesucht")
    db.session.commit()
    assert names(top_for(app, need)) == ["供应商"]


def test_keywords_match_without_accents_or_case_and_are_quoted_as_entered(app, make):
    partner = make.local_partner(name="Partner")
    make.offer(partner, kind=OfferKind.OTHER, title="Tools", keywords="Müller-Technik")
    need = make.need(title="Looking for MUELLER technik know-how")
    db.session.commit()
    (top,) = top_for(app, need)
    assert top.reasons == ["the offer mentions “Müller-Technik”"]


def test_partners_who_met_the_delegation_get_a_reason_with_the_date(app, make):
    world = robotics_world()
    before = top_for(app, world.need)[0].score
    delegation = make.delegation()
    director = make.person(full_name="Zhou Qiang", organisation=world.park)
    make.meeting(delegation, starts_at=datetime(2026, 5, 12, 1, 30), people=[director])
    world.need.delegation = delegation
    db.session.commit()
    top = top_for(app, world.need)[0]
    assert top.reasons[-1] == "met the delegation on May 12"
    assert top.score == before + 5


def test_matched_partners_inactive_offers_and_visitors_are_left_out(app, make):
    world = robotics_world()
    make.match(world.need, world.park)
    world.office_offer.active = False
    make.organisation(name="Visiting park", key_industry=world.robotics)
    db.session.commit()
    found = names(top_for(app, world.need))
    assert "Shanghai Robot Industry Park" not in found
    assert "Business Centre" not in found
    assert "Visiting park" not in found


def test_a_new_offer_is_suggested_at_once(app, make):
    world = robotics_world()
    before = names(top_for(app, world.need))
    with app.test_request_context():
        data = OfferData(
            kind=OfferKind.FACTORY_SPACE, title="Huge halls", area_m2=90000, keywords="robot arm"
        )
        save_offer(None, world.cluster, data, None)
        db.session.commit()
    assert "Auto Parts Cluster" not in before
    assert "Auto Parts Cluster" in names(top_for(app, world.need))
