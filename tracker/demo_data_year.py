"""The demo's year of work around the Thuringia visit: four more delegations (one still to come),
organisations from other German states and countries, and 40 needs along the pipeline.

Dates are days relative to the day the demo is loaded, so it always looks current. Everyone and
everything here is fictional; e-mail addresses use example domains. The rows are data, kept in
demo_data_year.json; this module names each table's columns.
"""

from typing import NamedTuple

from tracker.demo_data import as_rows, load_tables

_TABLES = load_tables("demo_data_year.json")

# Appended to demo_data.STAFF: more colleagues make the team's follow-up figures worth a look.
STAFF = as_rows(_TABLES["STAFF"])

# (title, country, region, start in days from today, days, status, announced size,
#  host officer (staff index), topics, summary)
DELEGATIONS = as_rows(_TABLES["DELEGATIONS"])

# (name, kind, city, country, key industry, German name, Chinese name, website, delegation index
#  or None for a company that came to the commission on its own); from index 0 Bavaria, 6 Upper
#  Austria, 10 Basel, 14 Baden-Württemberg, 18 North Rhine-Westphalia, 20 on their own
ORGANISATIONS = as_rows(_TABLES["ORGANISATIONS"])

# (organisation index, full name, position, role in the delegation, languages)
PEOPLE = as_rows(_TABLES["PEOPLE"])

# Meetings of the visits: (delegation, title, day of the visit, UTC hour, place, topics,
#  visitors (PEOPLE indices), local partners' people (demo_data.LOCAL_CONTACTS indices), staff)
MEETINGS = as_rows(_TABLES["MEETINGS"])


class DemoNeed(NamedTuple):
    """A need of the year and where it got to; times are days before or after today."""

    organisation: int  # ORGANISATIONS index; the need belongs to its delegation
    title: str
    category: str
    industry: str | None
    stage: str
    amount: int | None
    currency: str
    jobs: int | None
    owner: int  # staff index (demo_data.STAFF, then STAFF above)
    age: int  # days since it was raised
    partners: tuple[int, ...] = ()  # LOCAL_ORGANISATIONS matched; the first is talked to
    # Talks stage: the talk's day from today (past: held). Other stages: a talk on the way.
    talk_in: int | None = None
    followup: tuple[str, str, int, int] | None = None  # title, kind, assignee, due in days
    lost: tuple[str, str | None] | None = None  # lost reason and its explanation
    description: str | None = None


def _need(fields: dict) -> DemoNeed:
    """A need's JSON object (fields left out keep their defaults) as a DemoNeed."""
    tuples = {k: tuple(fields[k]) for k in ("partners", "followup", "lost") if fields.get(k)}
    return DemoNeed(**{**fields, **tuples})


# Ordered by delegation, then the companies that came on their own.
NEEDS = [_need(fields) for fields in _TABLES["NEEDS"]]

# A follow-up on the coming visit itself: (delegation, title, kind, assignee, due in days)
DELEGATION_FOLLOWUPS = as_rows(_TABLES["DELEGATION_FOLLOWUPS"])

# What the report converts investments with: CNY for one unit (fictional, round rates).
EXCHANGE_RATES: dict[str, str] = _TABLES["EXCHANGE_RATES"]
