"""The report's periods and what a figure counts: the year to date against the same months of
the year before, and the filters a drill-down adds (one month, an industry, an officer, a
country). The same conditions serve the figures and the lists behind them."""

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import and_, extract

from tracker.models import Organisation, Project

# The years the report and the targets accept (anything else falls back to this year).
FIRST_YEAR, LAST_YEAR = 2000, 2100
NONE = "none"  # a drill-down to the records without an industry, officer or country


@dataclass(frozen=True)
class Period:
    """The year to date: 1 January to the last day of month, of year."""

    year: int
    month: int

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def last_year(self) -> "Period":
        """The same months a year earlier."""
        return Period(self.year - 1, self.month)

    def months(self) -> list[date]:
        """The first day of each month of the period."""
        return [date(self.year, m, 1) for m in range(1, self.month + 1)]


def parse_period(args, today: date) -> Period:
    """The year and month of the query (bad or missing values: this year, and this month for
    this year or December for another)."""
    year = _whole(args.get("year"), FIRST_YEAR, LAST_YEAR) or today.year
    default_month = today.month if year == today.year else 12
    month = _whole(args.get("month"), 1, 12) or default_month
    return Period(year, month)


def _whole(value, low: int, high: int) -> int | None:
    text = str(value or "").strip()
    if not re.fullmatch(r"\d{1,4}", text):
        return None
    number = int(text)
    return number if low <= number <= high else None


@dataclass(frozen=True)
class Drill:
    """What a drill-down adds to a figure: one month of the period, an industry, an officer or
    a country (each an id or code, or NONE for the records without one)."""

    in_month: int | None = None
    industry: int | str | None = None
    officer: int | str | None = None
    country: str | None = None

    def args(self) -> dict[str, str]:
        """The set fields as query arguments."""
        return {k: str(v) for k, v in self.__dict__.items() if v is not None}

    def with_(self, **changes) -> "Drill":
        return replace(self, **changes)


def parse_drill(args) -> Drill:
    """The drill-down filters of a query; bad values are dropped."""

    def ident(name: str) -> int | str | None:
        value = str(args.get(name, "")).strip()
        if value == NONE:
            return NONE
        return int(value) if re.fullmatch(r"\d{1,9}", value) else None

    country = str(args.get("country", "")).strip()
    return Drill(
        in_month=_whole(args.get("in_month"), 1, 12),
        industry=ident("industry"),
        officer=ident("officer"),
        country=country.upper() if re.fullmatch(r"[A-Za-z]{2}", country) else
        (NONE if country == NONE else None),
    )  # fmt: skip


def _equals(column, value):
    return column.is_(None) if value == NONE else column == value


def drill_conditions(drill: Drill, day_column) -> list:
    """SQL conditions on Project, its Organisation and day_column for drill."""
    conditions = []
    if drill.in_month is not None:
        conditions.append(extract("month", day_column) == drill.in_month)
    if drill.industry is not None:
        conditions.append(_equals(Project.key_industry_id, drill.industry))
    if drill.officer is not None:
        conditions.append(_equals(Project.owner_id, drill.officer))
    if drill.country is not None:
        conditions.append(_equals(Organisation.country, drill.country))
    return conditions


def within(day_column, period: Period):
    """SQL: day_column falls within the period."""
    return and_(day_column >= period.start, day_column <= period.end)
