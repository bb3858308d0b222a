"""Shared column helpers for the models."""

import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    """Naive UTC now: every timestamp is stored in UTC and converted for display."""
    return datetime.now(UTC).replace(tzinfo=None)


class TimestampMixin:
    """created_at and updated_at, in UTC."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def enum_column(enum_class: type[enum.Enum], name: str | None = None) -> sa.Enum:
    """A portable string enum column (VARCHAR plus CHECK) storing the member values.

    name names the CHECK constraint; give one when a table has two columns of the same enum.
    """
    return sa.Enum(
        enum_class,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        name=name or enum_class.__name__.lower(),
        validate_strings=True,
    )
