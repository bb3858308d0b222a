"""The demo data set: the Thuringia delegation's visit to Baoshan (see shared/context).

Organisations and people are fictional; e-mail addresses use example domains. The rows are data,
kept in demo_data.json (one list a table, one row a line); this module names each table's columns.
"""

import json
from pathlib import Path
from typing import Any


def load_tables(file_name: str) -> dict[str, Any]:
    """The tables of a demo data file beside this module."""
    return json.loads(Path(__file__).with_name(file_name).read_text(encoding="utf-8"))


def as_rows(rows: list[list], *tuple_columns: int) -> list[tuple]:
    """JSON rows as tuples; the columns named hold tuples too (or None)."""
    return [
        tuple(tuple(v) if i in tuple_columns and v is not None else v for i, v in enumerate(row))
        for row in rows
    ]


_TABLES = load_tables("demo_data.json")

# (English, German, Chinese) for the topics, key industries and need categories
TOPICS = as_rows(_TABLES["TOPICS"])
KEY_INDUSTRIES = as_rows(_TABLES["KEY_INDUSTRIES"])
NEED_CATEGORIES = as_rows(_TABLES["NEED_CATEGORIES"])
# (English, German, Chinese, whether the reason needs an explanation)
LOST_REASONS = as_rows(_TABLES["LOST_REASONS"])

# The demo's origin regions in English, German and Chinese, found by any of these names (migration
# 0016 seeds them on a migrated database; a test database made without migrations gets them here):
# English -> (German, Chinese, country)
REGIONS = {name: tuple(names) for name, names in _TABLES["REGIONS"].items()}

# (e-mail, display name, role)
STAFF = as_rows(_TABLES["STAFF"])

# (name, kind, city, key industry, German name, Chinese name, website)
VISITING_ORGANISATIONS = as_rows(_TABLES["VISITING_ORGANISATIONS"])
# (name, kind, city, key industry, German name, Chinese name); from index 0 the district's services,
# 4 parks and sites, 10 port and logistics, 14 manufacturers and suppliers, 21 testing, research and
# education, 26 talent, money and advice, 34 networks, events and start-ups
LOCAL_ORGANISATIONS = as_rows(_TABLES["LOCAL_ORGANISATIONS"])

# (full name, other script, position, organisation, role, languages)
MEMBERS = as_rows(_TABLES["MEMBERS"])
# Local partners' people: (full name, other script, position, LOCAL_ORGANISATIONS index)
LOCAL_CONTACTS = as_rows(_TABLES["LOCAL_CONTACTS"])

# Needs raised during the visit: (organisation index, title, category, industry, stage,
# investment EUR, jobs, owner index, follow-up (title, kind, assignee index, due in days) or None)
NEEDS = as_rows(_TABLES["NEEDS"], 8)

# What some needs ask for, so offers can be compared: need title -> (m² asked, headcount asked)
NEED_ASKS = {title: tuple(asked) for title, asked in _TABLES["NEED_ASKS"].items()}

# Offers of the local partners, in the order of LOCAL_ORGANISATIONS' groups: (organisation index in
# LOCAL_ORGANISATIONS, kind, title, description, m² available, headcount, key industries, keywords,
# contact index or None). Partners write Chinese with full-width punctuation, as real texts do.
LOCAL_OFFERS = as_rows(_TABLES["LOCAL_OFFERS"])

# Synonym groups for matching keywords across Chinese, German and English.
SYNONYMS: list[str] = _TABLES["SYNONYMS"]
