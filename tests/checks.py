"""Checks shared across the suite: row counts, records as stored, snapshots of the data, refused
forms (the messages they show are in tests/messages.py)."""

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import Organisation, Person


def count_rows(model) -> int:
    """How many rows the model's table holds (soft-deleted ones too)."""
    return db.session.scalar(select(func.count(model.id)))


def reloaded(record):
    """The record as the database holds it now (what the session remembered is dropped)."""
    db.session.expire_all()
    return db.session.get(type(record), record.id)


def snapshot() -> dict:
    """Row counts of every table plus the natural keys of people and organisations, to compare
    the data before and after a command."""
    counts = {
        t.name: db.session.scalar(select(func.count()).select_from(t))
        for t in db.metadata.sorted_tables
    }
    return {
        "counts": counts,
        "people": sorted(db.session.execute(select(Person.email, Person.full_name)).all()),
        "organisations": sorted(db.session.scalars(select(Organisation.name))),
    }


def assert_refused(response, message: str, field: str | None = None) -> None:
    """The form came back (200, nothing redirected) with message, at field's error when named."""
    assert response.status_code == 200
    assert message in response.text
    if field is not None:
        assert f'id="{field}-error"' in response.text
