"""Checks shared across the suite: row counts, snapshots of the data, refused forms and the field
errors they show."""

from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import Organisation, Person

# WTForms' own messages, as the bad-input tables of the form tests expect them.
REQUIRED = "This field is required."
NOT_A_CHOICE = "Not a valid choice."
CANNOT_COERCE = "Invalid Choice: could not coerce."
NOT_A_DATE = "Not a valid date value."


def too_long(limit: int) -> str:
    """The message of a text field longer than limit characters."""
    return f"Field cannot be longer than {limit} characters."


def required_text(field: str, limit: int) -> list[tuple[str, str, str]]:
    """The bad-input cases of a required text field: left empty, one character over limit."""
    return [(field, "", REQUIRED), (field, "x" * (limit + 1), too_long(limit))]


def count_rows(model) -> int:
    """How many rows the model's table holds (soft-deleted ones too)."""
    return db.session.scalar(select(func.count(model.id)))


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
