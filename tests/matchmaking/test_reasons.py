"""Every kind of reason is written in plain words in each interface language."""

from datetime import date

import pytest
from flask_babel import force_locale

from tracker.matchmaking.facts import NeedFacts, OfferFacts, PartnerFacts
from tracker.matchmaking.ranking import Suggestion, reason_text
from tracker.models import OfferKind

NEED = NeedFacts(title="x", industry_label="Robotics", category_label="Industrial land and space",
                 area_asked=3000, headcount_asked=60)  # fmt: skip
OFFER = OfferFacts(1, 1, OfferKind.FACTORY_SPACE, "Halls", area_m2=5000, headcount=80)
CODES = [
    (10, "offer_words", ["Spritzguss", "PA66"]),
    (0, "profile_words", ["注塑"]),
    (0, "concept", "clean room", "洁净车间"),
    (8, "industry"),
    (8, "fits"),
    (7, "area"),
    (-4, "area_small"),
    (5, "headcount"),
    (-4, "headcount_small"),
    (5, "met", date(2026, 11, 10)),
    (6, "learned", "EMC testing for drives"),
    (0, "declined"),
]


def _reasons(locale: str) -> list[str]:
    suggestion = Suggestion(PartnerFacts(1, "Park"), OFFER, 50.0, CODES)
    with force_locale(locale):
        return [reason_text(NEED, suggestion, code) for code in CODES]


def test_reasons_in_english_quote_what_matched(app):
    with app.test_request_context():
        english = _reasons("en")
    assert english[0] == "the offer mentions “Spritzguss”, “PA66”"
    assert english[2] == "“clean room” in the need means “洁净车间”"
    assert english[5] == "offers 5,000 m² for the 3,000 m² asked"
    assert english[6] == "too small: 5,000 m² for the 3,000 m² asked"
    assert english[10] == "accepted for a similar need: EMC testing for drives"


@pytest.mark.parametrize("locale", ["zh", "de"])
def test_every_reason_is_translated(app, locale):
    with app.test_request_context():
        english, local = _reasons("en"), _reasons(locale)
    for code, en, translated in zip(CODES, english, local, strict=True):
        assert translated != en, code[1]
        assert "Factory space" not in translated  # the kind's label is translated too


def test_category_names_keep_their_case_in_german(app):
    with app.test_request_context():
        german = _reasons("de")
    assert "Industrial land and space" in german[4]  # the label as given, not lower-cased
