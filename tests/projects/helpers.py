"""Builders for the projects' tests: won needs, dated rates, projects with capital."""

from datetime import date
from decimal import Decimal

from tests import factories as make
from tracker.extensions import db
from tracker.models import Currency, RateQuote, Stage
from tracker.projects import services
from tracker.projects.instalments import InstalmentData, add_instalment

# A unified social credit code with the right check character (GB 32100-2015's own example).
VALID_CODE = "91350100M000100Y43"


def won_need(organisation=None, **kw):
    kw.setdefault("stage", Stage.WON)
    kw.setdefault("won_on", date(2026, 3, 2))
    return make.need(organisation, **kw)


def quote(currency: str, day: date, rate: str) -> RateQuote:
    row = RateQuote(currency=Currency(currency), effective_on=day, rate_to_cny=Decimal(rate))
    db.session.add(row)
    db.session.flush()
    return row


def project(by, need=None, **kw):
    """A project (from need when given) made through the service."""
    organisation_id = need.organisation_id if need else make.organisation().id
    kw.setdefault("name", "Battery cell plant")
    data = services.ProjectData(organisation_id=organisation_id, **kw)
    return services.create_project(data, by, (need.id,) if need else ())


def pay(project, by, day: date, amount: str, currency: str = "CNY"):
    data = InstalmentData(day, Decimal(amount), Currency(currency))
    return add_instalment(project, data, by)
