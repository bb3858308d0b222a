"""Organisations are named in the reader's language where that name is recorded."""

import pytest

from tracker.extensions import db
from tracker.matchmaking.services import OfferData, save_offer
from tracker.models import OfferKind

NAMES = {"zh": "耶拿光学有限公司", "de": "Jenaer Optik GmbH", "en": "Jena Optics Ltd"}


@pytest.fixture
def jena(make):
    return make.organisation(
        name="Jenoptik AG", name_zh=NAMES["zh"], name_de=NAMES["de"], name_en=NAMES["en"]
    )


@pytest.mark.parametrize("language", ["zh", "de", "en"])
def test_lists_and_cards_name_it_in_the_readers_language(client, login, make, jena, language):
    login(language=language)
    make.need(organisation=jena, title="Lens coating line")
    db.session.commit()
    for path in ("/organisations/", "/needs/", "/needs/board", "/search?q=jenoptik"):
        page = client.get(path).text
        assert NAMES[language] in page, path


def test_without_a_name_in_that_language_the_main_name_shows(client, login, make):
    login(language="zh")
    make.need(organisation=make.organisation(name="Carl Zeiss AG"), title="Optics")
    db.session.commit()
    assert "Carl Zeiss AG" in client.get("/needs/board").text


def test_suggested_partners_are_named_in_the_readers_language(client, login, make):
    user = login(language="zh")
    park = make.organisation(
        name="Shanghai Robot Industry Park", name_zh="上海机器人产业园", is_local=True
    )
    offer = OfferData(
        kind=OfferKind.TALENT_PROGRAMME,
        title="Robotics engineers",
        description="Robotics engineers for robot makers",
    )
    save_offer(None, park, offer, user)
    need = make.need(title="Robotics engineers for our plant")
    db.session.commit()
    page = client.get(f"/needs/{need.id}").text
    assert "上海机器人产业园</a>" in page
