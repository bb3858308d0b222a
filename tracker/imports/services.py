"""Import drafts kept between the steps, the remembered mapping, and the members export."""

from collections.abc import Collection
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import joinedload, undefer

from tracker.extensions import db
from tracker.imports.commit import NeedDefaults, import_members
from tracker.imports.fields import header_key
from tracker.imports.parsing import Table, read_table
from tracker.imports.values import ROLE_EXPORT_LABELS
from tracker.models import (
    Delegation,
    DelegationMember,
    ImportRecord,
    ImportStatus,
    Person,
    User,
    utcnow,
)

DRAFT_LIFETIME = timedelta(days=1)
# The export's columns, in headers the import recognises.
EXPORT_HEADER = (
    "Name", "Chinese name", "Organisation", "Position", "E-mail", "Phone", "Role",
    "Country", "City", "Notes",
)  # fmt: skip


def create_draft(
    data: bytes,
    file_name: str,
    sheet: str | None,
    delegation: Delegation,
    user: User,
    *,
    max_rows: int,
) -> tuple[ImportRecord, Table]:
    """Keep an uploaded file server-side for the next steps, once it has been read successfully
    (ImportFileError otherwise); the user's abandoned drafts are removed on the way."""
    table = read_table(data, file_name, sheet, max_rows=max_rows)
    db.session.execute(
        delete(ImportRecord).where(
            ImportRecord.created_by_id == user.id,
            ImportRecord.status == ImportStatus.DRAFT,
            ImportRecord.created_at < utcnow() - DRAFT_LIFETIME,
        )
    )
    record = ImportRecord(
        delegation=delegation,
        created_by=user,
        file_name=(file_name or "upload")[:255],
        sheet=table.sheet,
        payload=data,
    )
    db.session.add(record)
    db.session.flush()
    return record, table


def get_draft(record_id: int, user: User) -> ImportRecord | None:
    """The user's own draft with its file; other people's drafts are not found."""
    stmt = (
        select(ImportRecord)
        .where(
            ImportRecord.id == record_id,
            ImportRecord.status == ImportStatus.DRAFT,
            ImportRecord.created_by_id == user.id,
            ImportRecord.delegation_id.is_not(None),
        )
        .options(undefer(ImportRecord.payload), joinedload(ImportRecord.delegation))
    )
    return db.session.scalar(stmt)


def draft_table(record: ImportRecord, max_rows: int) -> Table:
    """The draft's file read again (it was readable when uploaded)."""
    return read_table(record.payload or b"", record.file_name, record.sheet, max_rows=max_rows)


def draft_fields(record: ImportRecord, table: Table) -> list[str] | None:
    """The mapping chosen for the draft, if it still fits the file's columns."""
    fields = (record.mapping or {}).get("fields")
    return fields if isinstance(fields, list) and len(fields) == len(table.headers) else None


def save_mapping(record: ImportRecord, headers: list[str], fields: list[str]) -> None:
    """Remember the mapping chosen for this draft (and, once done, for the user's next file)."""
    record.mapping = {"headers": list(headers), "fields": list(fields)}
    db.session.flush()


def remembered_mapping(user: User) -> dict[str, str]:
    """Folded header -> field, from the user's last finished import."""
    stmt = (
        select(ImportRecord.mapping)
        .where(
            ImportRecord.created_by_id == user.id,
            ImportRecord.status == ImportStatus.DONE,
            ImportRecord.mapping.is_not(None),
        )
        .order_by(ImportRecord.finished_at.desc(), ImportRecord.id.desc())
        .limit(1)
    )
    mapping = db.session.scalar(stmt) or {}
    headers, fields = mapping.get("headers") or [], mapping.get("fields") or []
    return {header_key(h): f for h, f in zip(headers, fields, strict=False) if header_key(h)}


def import_draft(
    record: ImportRecord,
    user: User,
    *,
    max_rows: int,
    separate: Collection[str] = (),
    need_defaults: NeedDefaults | None = None,
) -> ImportRecord:
    """Import the draft's file with its mapping; the record then holds the counts."""
    table = draft_table(record, max_rows)
    fields = draft_fields(record, table) or []
    return import_members(
        table,
        fields,
        record.delegation_id,
        user,
        file_name=record.file_name,
        record=record,
        separate=separate,
        need_defaults=need_defaults,
    )


def discard_draft(record: ImportRecord) -> None:
    """Forget a draft and its file."""
    db.session.delete(record)
    db.session.flush()


def finished_import(record_id: int) -> ImportRecord | None:
    """A finished import with its delegation and author, for the result page."""
    stmt = (
        select(ImportRecord)
        .where(ImportRecord.id == record_id, ImportRecord.status == ImportStatus.DONE)
        .options(joinedload(ImportRecord.delegation), joinedload(ImportRecord.created_by))
    )
    return db.session.scalar(stmt)


def member_rows(delegation_id: int) -> list[list[str]]:
    """The delegation's members in the import's layout, by organisation and name."""
    stmt = (
        select(DelegationMember)
        .join(DelegationMember.person)
        .where(DelegationMember.delegation_id == delegation_id)
        .options(
            joinedload(DelegationMember.person).joinedload(Person.organisation),
            joinedload(DelegationMember.organisation),
        )
        .order_by(Person.full_name, DelegationMember.id)
    )
    rows = []
    for member in db.session.scalars(stmt):
        person, organisation = member.person, member.organisation
        rows.append(
            [
                person.full_name,
                person.name_other_script or "",
                organisation.name if organisation else "",
                person.position or "",
                person.email or "",
                person.phone or "",
                ROLE_EXPORT_LABELS[member.role],
                (organisation.country or "") if organisation else "",
                (organisation.city or "") if organisation else "",
                person.notes or "",
            ]
        )
    return rows
