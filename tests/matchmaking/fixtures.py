"""A fixture set of local partners for a robotics company needing 3,000 m² of production space,
and reading the suggestions for a need."""

from types import SimpleNamespace

from tests import factories as make
from tracker.extensions import db
from tracker.matchmaking.suggestions import suggest
from tracker.models import OfferKind


def names(suggestions) -> list[str]:
    """The suggested partners' names, best first."""
    return [s.partner.name for s in suggestions]


def top_for(app, need, **kw):
    """The suggestions for need, best first (kw: suggest's options)."""
    with app.test_request_context():
        return suggest(need, **kw)


def robotics_world() -> SimpleNamespace:
    """Four local partners, one need; the robot park should come first."""
    robotics = make.industry(name="Robotics and high-end manufacturing")
    automotive = make.industry(name="Automotive parts")
    space = make.category(name="Industrial land and space")
    park = make.local_partner(name="Shanghai Robot Industry Park", key_industry=robotics)
    make.offer(
        park,
        kind=OfferKind.FACTORY_SPACE,
        title="Factory halls",
        area_m2=5000,
        industries=[robotics],
    )
    small = make.local_partner(name="Small Robot Park", key_industry=robotics)
    make.offer(small, kind=OfferKind.FACTORY_SPACE, title="Small halls", area_m2=2000)
    offices = make.local_partner(name="Business Centre", kind="development_agency")
    office_offer = make.offer(
        offices, kind=OfferKind.OFFICE_SPACE, title="Serviced offices", area_m2=800
    )
    cluster = make.local_partner(name="Auto Parts Cluster", key_industry=automotive)
    make.offer(
        cluster,
        kind=OfferKind.SUPPLIER_CAPABILITY,
        title="Die-casting suppliers",
        keywords="Gehäuseteile, Druckguss, 压铸",
        industries=[automotive],
    )
    visitor = make.organisation(name="Saale Robotik GmbH")
    need = make.need(
        visitor,
        title="Production space of 3,000 m² for robot arm assembly",
        category=space,
        key_industry=robotics,
        area_m2_asked=3000,
    )
    db.session.commit()
    return SimpleNamespace(**locals())
