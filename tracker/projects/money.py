"""Money of projects in CNY: an amount converted at the rate of its own day (the dated quotes,
tracker.models.rates.rate_on), written with it; re-converted when a quote changes."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import (
    Currency,
    Instalment,
    Milestone,
    Project,
    ProjectMilestone,
    RateQuote,
    User,
    rate_on,
)
from tracker.security import SEE_ALL_NEEDS
from tracker.softdelete import with_deleted

CENT = Decimal("0.01")


class NoRate(ValueError):
    """A currency without any rate: its amounts cannot be converted."""

    def __init__(self, currency: Currency, field: str = "currency"):
        super().__init__(
            _("There is no exchange rate for %(code)s yet: a manager can give one on the "
              "exchange-rates page.", code=currency.value)
        )  # fmt: skip
        self.field = field


def to_cny(amount: Decimal, currency: Currency, day: date) -> tuple[Decimal, Decimal]:
    """(the rate of day, amount in CNY rounded to the fen); NoRate when there is none."""
    rate = rate_on(currency, day)
    if rate is None:
        raise NoRate(currency)
    return rate, (amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def signed_on(project_id: int | None) -> date | None:
    """The day the project's agreement was signed (its signed milestone's actual date)."""
    if project_id is None:
        return None
    return db.session.scalar(
        select(ProjectMilestone.actual_on).where(
            ProjectMilestone.project_id == project_id,
            ProjectMilestone.milestone == Milestone.SIGNED,
        )
    )


def convert_contracted(project: Project, signed: date | None = None) -> None:
    """Write contracted_cny at the rate of the signing day, or of today before the signature;
    NoRate (at the currency field) when the currency has no rate."""
    if project.contracted_amount is None or project.contracted_currency is None:
        project.contracted_cny = None
        return
    day = signed or signed_on(project.id) or local_today()
    try:
        _rate, project.contracted_cny = to_cny(
            project.contracted_amount, project.contracted_currency, day
        )
    except NoRate as error:
        error.field = "contracted_currency"
        raise


def convert_instalment(instalment: Instalment) -> None:
    """Write the instalment's rate and CNY value at the rate of the day it was received."""
    instalment.rate_to_cny, instalment.amount_cny = to_cny(
        instalment.amount, instalment.currency, instalment.received_on
    )


def every_row(stmt):
    """stmt over every row: deleted ones (restored later) and confidential ones alike."""
    return with_deleted(stmt).execution_options(**{SEE_ALL_NEEDS: True})


def reconvert(currency: Currency) -> int:
    """Convert again every instalment in currency and the contracted investment of every
    project in it, at the rates the quotes now give their days; flushes. Returns how many
    records changed (a currency left without any rate keeps its values)."""
    if rate_on(currency, local_today()) is None:
        return 0
    changed = 0
    instalments = every_row(select(Instalment).where(Instalment.currency == currency))
    for instalment in db.session.scalars(instalments):
        before = (instalment.rate_to_cny, instalment.amount_cny)
        convert_instalment(instalment)
        changed += before != (instalment.rate_to_cny, instalment.amount_cny)
    signed = dict(
        db.session.execute(
            select(ProjectMilestone.project_id, ProjectMilestone.actual_on).where(
                ProjectMilestone.milestone == Milestone.SIGNED
            )
        ).all()
    )
    projects = every_row(select(Project).where(Project.contracted_currency == currency))
    for project in db.session.scalars(projects):
        before = project.contracted_cny
        convert_contracted(project, signed.get(project.id))
        changed += before != project.contracted_cny
    db.session.flush()
    return changed


def set_quote(currency: Currency, day: date, rate: Decimal, by: User) -> int:
    """The rate of currency from day on (a new quote, or the day's quote replaced), and every
    amount in it converted again; flushes. Returns how many records changed."""
    quote = db.session.scalar(
        select(RateQuote).where(RateQuote.currency == currency, RateQuote.effective_on == day)
    )
    if quote is None:
        db.session.add(RateQuote(currency=currency, effective_on=day, rate_to_cny=rate,
                                 set_by_id=by.id))  # fmt: skip
    elif quote.rate_to_cny != rate:
        quote.rate_to_cny, quote.set_by_id = rate, by.id
    db.session.flush()
    return reconvert(currency)


def rate_history() -> list[RateQuote]:
    """Every dated quote, by currency and newest day first."""
    stmt = select(RateQuote).order_by(RateQuote.currency, RateQuote.effective_on.desc())
    return list(db.session.scalars(stmt))
