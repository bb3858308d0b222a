"""Shared column helpers for the models."""

import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from tracker.extensions import db


def utcnow() -> datetime:
    """Naive UTC now: every timestamp is stored in UTC and converted for display."""
    return datetime.now(UTC).replace(tzinfo=None)


class TimestampMixin:
    """created_at and updated_at, in UTC."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry their translatable label: NAME = "value", _l("Label")."""

    _label: object

    def __new__(cls, value: str, label: object = None):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return str(self._label)

    @classmethod
    def labels(cls) -> dict:
        """Each member's (lazy) label, in the members' order."""
        return {member: member._label for member in cls}


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


def link_table(
    name: str,
    owner_id: str,
    other_id: str,
    *,
    owner_table: str | None = None,
    other_ondelete: str | None = None,
) -> sa.Table:
    """A many-to-many link table: its rows go with the owner (ON DELETE CASCADE), and the other
    side's key is indexed for the way back. A key names its table ("topic_id": topic)."""
    owner_table = owner_table or owner_id.removesuffix("_id")
    other_key = ForeignKey(f"{other_id.removesuffix('_id')}.id", ondelete=other_ondelete)
    return sa.Table(
        name,
        db.metadata,
        sa.Column(owner_id, ForeignKey(f"{owner_table}.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(other_id, other_key, primary_key=True, index=True),
    )


def live_index(name: str, *columns: str) -> sa.Index:
    """An index over the live rows only (deleted_at IS NULL, as every list asks; see
    tracker.softdelete). PostgreSQL does not treat "deleted_at IS NULL" as an equality, so an
    index starting with deleted_at could not give a list its order and it sorted the whole
    table; SQLite, lacking statistics, took such an index for a selective lookup.

    deleted_at comes last as a column too: SQLite 3.40 counts a partial index as covering only
    when it holds every column the query names, the WHERE's included."""
    where = sa.text("deleted_at IS NULL")
    return sa.Index(name, *columns, "deleted_at", sqlite_where=where, postgresql_where=where)


class SoftDeleteMixin:
    """deleted_at and who deleted: a deleted record is hidden everywhere until restored or
    purged (see tracker.softdelete)."""

    # Indexed only where set (tracker.models: soft_deleted_index), for the Deleted items page.
    deleted_at: Mapped[datetime | None] = mapped_column()
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class VersionedMixin:
    """A version counter that every UPDATE checks and bumps (optimistic locking): a save made on
    an older version fails instead of overwriting (see tracker.versioning)."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class RecordMixin(VersionedMixin, SoftDeleteMixin, TimestampMixin):
    """A record people edit, delete and restore: a version checked on every save, deleted_at
    (the Deleted items page), created_at and updated_at."""
