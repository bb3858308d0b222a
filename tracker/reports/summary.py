"""The report's opening summary: four figures a leader reads in ten seconds, each a drill-down.

Open pipeline and overdue follow-ups come from figures the report computes anyway (the money
table, the follow-ups per colleague); only the needs closed this year cost a query of their own.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, func, select

from tracker.extensions import db
from tracker.models import ACTIVE_STAGES, Need, Stage
from tracker.models.rates import cny_rate
from tracker.needs.services import NeedFilters, filtered
from tracker.sqlfuncs import count_if


@dataclass(frozen=True)
class Amount:
    """A sum in CNY, and whether some amounts behind it had no rate (so it leaves them out)."""

    cny: Decimal
    partial: bool = False


@dataclass(frozen=True)
class Summary:
    """The opening figures and what each one's link adds to the report's filters."""

    open_needs: int
    open_value: Amount
    year_start: date
    today: date
    won: int
    won_value: Amount
    lost: int
    overdue_followups: int

    @property
    def closed(self) -> int:
        return self.won + self.lost

    @property
    def win_rate(self) -> float | None:
        """Won of the needs closed (won or lost) this year; None before any was closed."""
        return self.won / self.closed if self.closed else None

    @property
    def open_drill(self) -> dict:
        return {"state": "open"}

    @property
    def won_drill(self) -> dict:
        return {"stage": Stage.WON, **self._this_year}

    @property
    def closed_drill(self) -> dict:
        return {"state": "closed", **self._this_year}

    @property
    def overdue_drill(self) -> dict:
        return {"overdue": 1}

    @property
    def _this_year(self) -> dict:
        # The needs list's "current stage since": the day a need was won or lost.
        return {"moved_from": self.year_start, "moved_to": self.today}


def open_pipeline(stages: list) -> tuple[int, Amount]:
    """Active needs and their investment in CNY, from the money table's stages."""
    active = [s for s in stages if s.stage in ACTIVE_STAGES]
    total = sum((s.in_cny for s in active if s.in_cny is not None), Decimal(0))
    return sum(s.needs for s in active), Amount(total, any(s.partial for s in active))


def closed_between(f: NeedFilters, start: date, end: date) -> dict[Stage, tuple[int, Amount]]:
    """Needs won and lost (their current stage entered) in the days, each with its CNY sum:
    the same filters as the needs list behind the figures, so the counts match its rows."""
    in_cny = Need.estimated_investment * cny_rate(Need.currency)
    unconverted = and_(Need.estimated_investment.is_not(None), in_cny.is_(None))
    stmt = (
        filtered(
            select(Need.stage, func.count(Need.id), func.sum(in_cny), count_if(unconverted)),
            replace(f, moved_from=start, moved_to=end),
        )
        .where(Need.stage.in_((Stage.WON, Stage.LOST)))
        .group_by(Need.stage)
    )
    return {
        stage: (n, Amount(total or Decimal(0), bool(missing)))
        for stage, n, total, missing in db.session.execute(stmt)
    }


def summary(f: NeedFilters, money_stages: list, followups_by_staff: list, today: date) -> Summary:
    """The summary of the filtered needs: open pipeline, won this year, win rate, overdue."""
    open_needs, open_value = open_pipeline(money_stages)
    year_start = today.replace(month=1, day=1)
    closed = closed_between(f, year_start, today)
    won, won_value = closed.get(Stage.WON, (0, Amount(Decimal(0))))
    lost = closed.get(Stage.LOST, (0, None))[0]
    overdue = sum(row.overdue for row in followups_by_staff)
    return Summary(open_needs, open_value, year_start, today, won, won_value, lost, overdue)
