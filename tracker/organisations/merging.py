"""Merging a duplicate organisation into the one that stays: every reference to it moves, its
names become aliases, and it is deleted, in one transaction.

References are found in the metadata, so tables added later (matchmaking, talks ...) move too.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import Column, Table, UniqueConstraint, delete, func, select, update

from tracker.extensions import db
from tracker.models import Organisation, OrganisationAlias
from tracker.organisations import merge_audit
from tracker.organisations.services import find_duplicates
from tracker.text import fold

LABELS = {
    "person": _l("People"),
    "need": _l("Cooperation needs"),
    "followup": _l("Follow-ups"),
    "delegation_member": _l("Delegation memberships (organisation represented)"),
    "delegation_organisation": _l("Delegations it took part in without named people"),
    "organisation_alias": _l("Other names"),
}
OTHER = _l("Other records")
# Details copied to the survivor when it has none of its own.
FILLED = ("name_de", "name_en", "name_zh", "country", "city", "website", "description")


def references() -> list[tuple[Table, Column]]:
    """Every (table, column) holding an organisation id."""
    target = Organisation.__table__.c.id
    return [
        (table, fk.parent)
        for table in db.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column is target
    ]


def survivor_choices(organisation: Organisation) -> dict[str, list[tuple[int, str]]]:
    """The duplicate guard's suggestions, offered in the survivor picker (which searches all
    organisations as the user types); empty when there are none."""
    names = (organisation.name, organisation.name_de, organisation.name_en, organisation.name_zh)
    suggested = find_duplicates(*names, exclude_id=organisation.id, limit=10)
    if not suggested:
        return {}
    return {str(_l("Similar names")): [(o.id, o.name) for o in suggested]}


def merge_counts(merged: Organisation) -> list[tuple[str, int]]:
    """What moves to the survivor, as (label, number) with numbers above zero; one query."""
    refs = references()
    counts = db.session.execute(
        select(
            *(
                select(func.count()).select_from(t).where(c == merged.id).scalar_subquery()
                for t, c in refs
            )
        )
    ).one()
    moves: dict[str, int] = {}
    for (table, _column), number in zip(refs, counts, strict=True):
        label = str(LABELS.get(table.name, OTHER))
        moves[label] = moves.get(label, 0) + number
    return [(label, n) for label, n in moves.items() if n]


def new_aliases(merged: Organisation, survivor: Organisation) -> list[str]:
    """The merged organisation's names that the survivor does not carry yet."""
    known = {fold(n) for n in (survivor.name, survivor.name_de, survivor.name_en, survivor.name_zh)}
    stmt = select(OrganisationAlias.name).where(
        OrganisationAlias.organisation_id.in_((merged.id, survivor.id))
    )
    known |= {fold(n) for n in db.session.scalars(stmt)}
    names = []
    for name in (merged.name, merged.name_de, merged.name_en, merged.name_zh):
        if name and fold(name) not in known:
            known.add(fold(name))
            names.append(name)
    return names


def merge_organisations(merged: Organisation, survivor: Organisation) -> None:
    """Move everything from merged to survivor, keep merged's names as aliases, delete merged;
    flushes (the caller commits once, so it all happens or nothing does)."""
    if merged.id == survivor.id:
        raise ValueError("an organisation cannot be merged into itself")
    aliases = new_aliases(merged, survivor)
    for name in FILLED:
        if not getattr(survivor, name) and getattr(merged, name):
            setattr(survivor, name, getattr(merged, name))
    survivor.key_industry_id = survivor.key_industry_id or merged.key_industry_id
    db.session.add_all(OrganisationAlias(organisation=survivor, name=n) for n in aliases)
    db.session.flush()
    for table, column in references():
        moving = merge_audit.rows_to_move(table, column, merged.id)
        _drop_clashes(table, column, merged.id, survivor.id)
        values = {column.name: survivor.id}
        if "version" in table.c:  # edit forms opened before the merge must not write it back
            values["version"] = table.c.version + 1
        db.session.execute(update(table).where(column == merged.id).values(values))
        merge_audit.record_moves(table, column, moving, merged, survivor)
    merge_audit.record_merged_deleted(merged, survivor)
    db.session.execute(
        delete(Organisation).where(Organisation.id == merged.id),
        execution_options={"synchronize_session": False},
    )
    db.session.expunge(merged)
    db.session.expire_all()  # loaded people, needs ... now point elsewhere


def _drop_clashes(table: Table, column: Column, merged_id: int, survivor_id: int) -> None:
    """Rows that would repeat one of survivor's under a unique constraint (both named in the same
    delegation, say): the survivor's row already says it, so merged's goes."""
    for columns in _unique_sets(table):
        if column not in columns:
            continue
        other = table.alias()
        same = [other.c[c.name] == c for c in columns if c is not column]
        clash = (
            select(other.c[column.name]).where(other.c[column.name] == survivor_id, *same).exists()
        )
        db.session.execute(delete(table).where(column == merged_id, clash))


def _unique_sets(table: Table) -> list[list[Column]]:
    sets = [list(table.primary_key.columns)]
    sets += [list(c.columns) for c in table.constraints if isinstance(c, UniqueConstraint)]
    sets += [list(i.columns) for i in table.indexes if i.unique]
    return sets
