"""Writing a planned import: one transaction, through the features' own services."""

from collections.abc import Collection
from dataclasses import dataclass

from tracker.delegations.services import add_member
from tracker.extensions import db
from tracker.imports.parsing import Table
from tracker.imports.planning import build_plan
from tracker.imports.plans import Plan, RowPlan
from tracker.models import ImportRecord, ImportStatus, OrganisationKind, Person, User, utcnow
from tracker.needs.services import create_need
from tracker.organisations.services import OrganisationData, save_organisation
from tracker.people.services import PersonData, create_person


@dataclass(frozen=True)
class NeedDefaults:
    """What every need an import creates gets: its owner and its category (ids, or None)."""

    owner_id: int | None = None
    category_id: int | None = None


def import_members(
    table: Table,
    fields: list[str],
    delegation_id: int,
    user: User | None,
    *,
    file_name: str,
    record: ImportRecord | None = None,
    separate: Collection[str] = (),
    need_defaults: NeedDefaults | None = None,
) -> ImportRecord:
    """Plan the import afresh (the tracker may have changed since the preview), write it and
    record it; flushes only, so the caller's single commit makes it all or nothing. The needs
    it creates get need_defaults (default: owned by the importing user)."""
    plan = build_plan(table, fields, delegation_id, separate)
    if need_defaults is None:
        need_defaults = NeedDefaults(owner_id=user.id if user is not None else None)
    counts = apply_plan(plan, user, need_defaults)
    if record is None:
        record = ImportRecord(created_by=user, file_name=file_name[:255], sheet=table.sheet)
        db.session.add(record)
    record.delegation_id = delegation_id
    record.status = ImportStatus.DONE
    record.counts = counts
    record.payload = None  # the file is not kept once it is imported
    record.finished_at = utcnow()
    db.session.flush()
    return record


def apply_plan(plan: Plan, user: User | None, need_defaults: NeedDefaults) -> dict:
    """Create the organisations, people, memberships, needs (each with need_defaults' owner and
    category) and topics the plan lists."""
    delegation = plan.delegation
    for organisation in plan.organisations:
        if organisation.status == "new" and organisation.rows:
            data = OrganisationData(
                name=organisation.name,
                kind=OrganisationKind.COMPANY,
                country=organisation.country or delegation.origin_country,
                city=organisation.city,
                key_industry_id=organisation.industry.id if organisation.industry else None,
                is_local=False,
            )
            organisation.created = save_organisation(None, data, user)
    for row in plan.rows_with("ok"):
        person = _person(row, user)
        organisation_id = row.organisation.organisation_id if row.organisation else None
        if row.member is None:
            member = add_member(delegation, person, row.role)
            member.organisation_id = organisation_id  # whom they represented on this visit
        elif row.membership == "role":
            row.member.role = row.role
    for need in plan.needs:
        data = {
            "organisation_id": need.organisation.organisation_id,
            "delegation_id": delegation.id,
            "title": need.title,
            "description": need.description,
            "owner_id": need_defaults.owner_id,
            "category_id": need_defaults.category_id,
        }
        create_need(data, user)
    delegation.topics.extend(plan.topics)
    db.session.flush()
    return plan.summary()


def _person(row: RowPlan, user: User | None) -> Person:
    """The row's existing person with blanks filled, or a new person."""
    organisation_id = row.organisation.organisation_id if row.organisation else None
    if row.person is not None:
        for name, value in row.fills.items():
            if name == "organisation":
                row.person.organisation_id = organisation_id
            else:
                setattr(row.person, name, value)
        return row.person
    values = row.values
    data = PersonData(
        full_name=row.full_name,
        name_other_script=values.get("name_other_script"),
        position=values.get("position"),
        organisation_id=organisation_id,
        email=values.get("email"),
        phone=values.get("phone"),
        notes=values.get("notes"),
    )
    return create_person(data, user)
