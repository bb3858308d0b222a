"""The audit trail of a merge: its bulk UPDATE and DELETE statements bypass the flush hook, so
the rows they move, drop or delete are recorded here, in the same transaction."""

from sqlalchemy import Column, Table, select

from tracker.audit.recorder import AUDITED, LABEL_FIELDS, deletion_changes, record_entries
from tracker.extensions import db
from tracker.models import Organisation


def rows_to_move(table: Table, column: Column, merged_id: int) -> list[dict]:
    """The audited rows (or many-to-many links of audited records) that point at merged_id."""
    if table.name not in AUDITED and _owner(table, column) is None:
        return []
    return [
        dict(r) for r in db.session.execute(select(table).where(column == merged_id)).mappings()
    ]


def record_moves(
    table: Table, column: Column, rows: list[dict], merged: Organisation, survivor: Organisation
) -> None:
    """One update entry per moved row (or per record whose link moved); a delete entry per row
    dropped because the survivor already had its twin."""
    if not rows:
        return
    session = db.session
    if table.name in AUDITED:
        kept = set(
            session.scalars(select(table.c.id).where(table.c.id.in_([r["id"] for r in rows])))
        )
        change = {column.name: [merged.id, survivor.id]}
        moved = [_entry(r, change) for r in rows if r["id"] in kept]
        dropped = [_entry(r, {column.name: [merged.id, None]}) for r in rows if r["id"] not in kept]
        record_entries(session, "update", table.name, moved)
        record_entries(session, "delete", table.name, dropped)
        return
    parent, key, entity = _owner(table, column)
    change = {key: [[merged.name], [survivor.name]]}
    entries = [{"entity_id": r[parent.name], "label": "", "changes": change} for r in rows]
    record_entries(session, "update", entity, entries)


def record_merged_deleted(merged: Organisation, survivor: Organisation) -> None:
    """The merged organisation's delete, with its last values and where it went."""
    changes = deletion_changes(merged) | {"merged_into": [None, survivor.id]}
    entry = {"entity_id": merged.id, "label": merged.name[:200], "changes": changes}
    record_entries(db.session, "delete", "organisation", [entry])


def _entry(row: dict, changes: dict) -> dict:
    label = next((str(row[f]) for f in LABEL_FIELDS if row.get(f)), "")
    return {"entity_id": row["id"], "label": label[:200], "changes": changes}


def _owner(table: Table, column: Column) -> tuple[Column, str, str] | None:
    """For a many-to-many link table of an audited record: its column naming that record, the
    relationship's name and the record's table, e.g. (delegation_organisation.delegation_id,
    "extra_organisations", "delegation")."""
    for mapper in db.Model.registry.mappers:
        if mapper.local_table.name not in AUDITED:
            continue
        for rel in mapper.relationships:
            if rel.secondary is table:
                parent = next(c for c in table.c if c is not column and _points_at(c, mapper))
                return parent, rel.key, mapper.local_table.name
    return None


def _points_at(column: Column, mapper) -> bool:
    return any(fk.column.table is mapper.local_table for fk in column.foreign_keys)
