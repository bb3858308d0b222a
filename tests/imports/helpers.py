"""Shortcuts for the import tests."""

from sqlalchemy import func, select

from tests.imports.files import csv_file, german_list, xlsx
from tracker.extensions import db
from tracker.imports.commit import import_members
from tracker.imports.fields import guess_mapping
from tracker.imports.parsing import read_table
from tracker.imports.planning import build_plan
from tracker.models import (
    DelegationMember,
    ImportRecord,
    Need,
    Organisation,
    OrganisationAlias,
    Person,
)

COUNTED = (Person, Organisation, DelegationMember, Need, ImportRecord, OrganisationAlias)


def table_of(rows: list[list], kind: str = "xlsx"):
    data = xlsx(rows) if kind == "xlsx" else csv_file(rows)
    return read_table(data, f"liste.{kind}")


def plan(rows: list[list], delegation, **kw):
    table = table_of(rows)
    return build_plan(table, guess_mapping(table.headers), delegation.id, **kw)


def run(rows: list[list], delegation, user=None, **kw):
    table = table_of(rows)
    record = import_members(
        table, guess_mapping(table.headers), delegation.id, user, file_name="liste.xlsx", **kw
    )
    db.session.commit()
    return record


def totals() -> dict[str, int]:
    """Row counts of the tables an import writes."""
    return {m.__name__: db.session.scalar(select(func.count()).select_from(m)) for m in COUNTED}


def german_rows() -> list[list]:
    return german_list().rows
