"""Learning from the commission's decisions, and keeping the index up to date cheaply."""

from sqlalchemy import select

from tests.matchmaking.fixtures import names, top_for
from tracker.extensions import db
from tracker.matchmaking import suggestions
from tracker.matchmaking.suggestions import current_index, suggest
from tracker.models import MatchStatus, OfferKind, Organisation


def _two_labs(make):
    """Two labs that answer a need equally well."""
    for name in ("Lab A", "Lab B"):
        make.offer(name, kind=OfferKind.MARKET_ACCESS, title="EMC testing and certification")


def test_a_declined_partner_is_not_suggested_again_unless_asked(app, make):
    _two_labs(make)
    need = make.need(title="EMC testing for our drives")
    db.session.commit()
    with app.test_request_context():
        lab_a = next(s for s in suggest(need) if s.partner.name == "Lab A").partner
    make.match(need, db.session.get(Organisation, lab_a.id), status=MatchStatus.DECLINED,
               decline_reason="Too expensive")  # fmt: skip
    db.session.commit()
    with app.test_request_context():
        hidden = suggest(need)
        shown = suggest(need, show_declined=True)
    assert names(hidden) == ["Lab B"]
    declined = next(s for s in shown if s.partner.name == "Lab A")
    assert declined.declined and "declined for this need before" in declined.reasons


def test_a_partner_accepted_for_a_similar_need_ranks_higher_and_says_why(app, make):
    _two_labs(make)
    earlier = make.need(title="EMC testing for frequency converters")
    need = make.need(title="EMC testing for our frequency converters and drives")
    db.session.commit()
    before = top_for(app, need)
    second = before[1].partner
    make.match(earlier, db.session.get(Organisation, second.id))
    db.session.commit()
    after = top_for(app, need)
    assert after[0].partner.id == second.id
    reason = "accepted for a similar need: EMC testing for frequency converters"
    assert reason in after[0].reasons


def test_a_partner_accepted_for_an_unrelated_need_gains_nothing(app, make):
    _two_labs(make)
    unrelated = make.need(title="Talent apartments for engineers")
    need = make.need(title="EMC testing")
    db.session.commit()
    before = {s.partner.name: s.score for s in top_for(app, need)}
    make.match(unrelated, _partner("Lab B"))
    db.session.commit()
    after = {s.partner.name: s.score for s in top_for(app, need)}
    assert before == after


def _partner(name: str) -> Organisation:
    return db.session.scalar(select(Organisation).filter_by(name=name))


def test_a_confidential_need_is_never_quoted(app, make):
    _two_labs(make)
    secret = make.need(title="EMC testing for secret converters", confidential=True)
    need = make.need(title="EMC testing for converters")
    make.match(secret, _partner("Lab B"))
    db.session.commit()
    found = top_for(app, need)
    assert not any("secret" in r for s in found for r in s.reasons)


def test_an_offer_edit_reindexes_only_its_partner(app, make):
    offers = [make.offer(f"P{i}", title=f"Hall {i}") for i in range(5)]
    db.session.commit()
    with app.test_request_context():
        index = current_index()
        untouched = {pid: entry for pid, entry in index.entries.items()}
        offers[2].title = "Reinraum"
        db.session.commit()
        refreshed = current_index()
    assert refreshed is index
    changed = [pid for pid, entry in refreshed.entries.items() if untouched[pid] is not entry]
    assert changed == [offers[2].organisation_id]


def test_a_deleted_partner_leaves_the_index(app, make):
    partner = make.local_partner(name="Gone soon")
    make.offer(partner, title="Reinraum")
    need = make.need(title="Reinraum")
    db.session.commit()
    with app.test_request_context():
        assert names(suggest(need)) == ["Gone soon"]
        db.session.delete(partner)
        db.session.commit()
        assert suggest(need) == []
        assert partner.id not in current_index().entries


def test_a_synonym_change_rebuilds_the_concepts(app, make):
    make.offer("Moulder", kind=OfferKind.OTHER, title="注塑加工")
    need = make.need(title="Kunststoffverarbeitung")
    db.session.commit()
    with app.test_request_context():
        before = names(suggest(need))
        make.synonyms("Kunststoffverarbeitung ~ 注塑加工")
        db.session.commit()
        after = names(suggest(need))
    assert "Moulder" not in before
    assert after == ["Moulder"]


def test_each_database_has_its_own_index(app):
    with app.test_request_context():
        current_index()
        assert str(db.engine.url) in suggestions._indexes
