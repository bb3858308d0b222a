"""Deleted items: what was deleted, restoring it, and purging it once kept long enough."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from tracker.extensions import db
from tracker.models import (
    Agreement,
    AuditEntry,
    Delegation,
    FollowUp,
    Instalment,
    Match,
    Meeting,
    Need,
    Obligation,
    Organisation,
    Person,
    Project,
    Talk,
    User,
)
from tracker.models.base import SoftDeleteMixin, utcnow
from tracker.softdelete import with_deleted


@dataclass(frozen=True)
class Kind:
    """A kind of record that can be deleted and restored."""

    key: str
    model: type
    label: str
    endpoint: str  # its page, or the page of what it belongs to (matches: the need)
    endpoint_arg: str
    # (foreign key attribute, model): records it belongs to, which must be live to restore it.
    parents: tuple[tuple[str, type], ...] = ()
    link_attribute: str = "id"  # the record's attribute that endpoint_arg takes


# In purge order: records that belong to others come before what they belong to.
KINDS = {
    k.key: k
    for k in (
        Kind("instalment", Instalment, _l("Capital in place"), "projects.detail", "project_id",
             (("project_id", Project),), "project_id"),
        Kind("obligation", Obligation, _l("Obligations"), "agreements.detail", "agreement_id",
             (("agreement_id", Agreement), ("project_id", Project)), "agreement_id"),
        Kind("agreement", Agreement, _l("Agreements"), "agreements.detail", "agreement_id",
             (("project_id", Project),)),
        Kind("project", Project, _l("Projects"), "projects.detail", "project_id",
             (("organisation_id", Organisation),)),
        Kind("followup", FollowUp, _l("Follow-ups"), "followups.detail", "followup_id",
             (("need_id", Need), ("organisation_id", Organisation),
              ("delegation_id", Delegation))),
        Kind("talk", Talk, _l("Talks"), "talks.detail", "talk_id", (("need_id", Need),)),
        Kind("match", Match, _l("Matches"), "needs.detail", "need_id",
             (("need_id", Need), ("organisation_id", Organisation)), "need_id"),
        Kind("need", Need, _l("Needs"), "needs.detail", "need_id",
             (("organisation_id", Organisation), ("delegation_id", Delegation))),
        # Its participants, staff and topics are link rows, kept with it until it is purged.
        Kind("meeting", Meeting, _l("Meetings"), "delegations.detail", "delegation_id",
             (("delegation_id", Delegation),), "delegation_id"),
        Kind("person", Person, _l("People"), "people.detail", "person_id",
             (("organisation_id", Organisation),)),
        Kind("delegation", Delegation, _l("Delegations"), "delegations.detail", "delegation_id"),
        Kind("organisation", Organisation, _l("Organisations"), "organisations.detail",
             "organisation_id"),
    )
}  # fmt: skip
# Deleting a need takes these with it (same deleted_at), and restoring it brings them back.
NEED_PARTS = (FollowUp, Match, Talk)
# A project likewise, its capital, agreements and obligations (tracker.projects.services); an
# agreement its obligations.
PROJECT_PARTS = (Instalment, Agreement, Obligation)
PARTS = {
    Need: (NEED_PARTS, "need_id"),
    Project: (PROJECT_PARTS, "project_id"),
    Agreement: ((Obligation,), "agreement_id"),
}


class RestoreError(Exception):
    """The record cannot be restored (yet); the message says why."""


def label(record) -> str:
    """A record's name: title or name; a match's need and partner; a meeting's visit too."""
    if isinstance(record, Obligation):  # obligations are named by what is owed
        return record.description
    if isinstance(record, Match):
        need = _deleted_or_live(Need, record.need_id)
        partner = _deleted_or_live(Organisation, record.organisation_id)
        return f"{need.title if need else '?'} ↔ {partner.name if partner else '?'}"
    if isinstance(record, Instalment):  # named by its amount, day and project
        project = _deleted_or_live(Project, record.project_id)
        return (f"{record.amount} {record.currency.value} · {record.received_on.isoformat()} · "
                f"{project.name if project else '?'}")  # fmt: skip
    if isinstance(record, Meeting):  # meetings are named within their visit ("Lunch")
        visit = _deleted_or_live(Delegation, record.delegation_id)
        return f"{record.title} · {visit.title if visit else '?'}"
    for name in ("title", "name", "full_name"):
        if value := getattr(record, name, None):
            return value
    return f"#{record.id}"


def link_id(kind: Kind, record) -> int:
    """The id its page link takes (a match links to its need, a meeting to its delegation)."""
    return getattr(record, kind.link_attribute)


@dataclass
class DeletedItem:
    kind: Kind
    record: SoftDeleteMixin
    label: str
    deleted_by: User | None
    days_left: int


def deleted_items(retention_days: int, now: datetime | None = None) -> dict[str, list[DeletedItem]]:
    """Every deleted record by kind, newest deletion first, with who deleted it and days left."""
    now = now or utcnow()
    users = {u.id: u for u in db.session.scalars(select(User))}
    found = {}
    for kind in KINDS.values():
        stmt = with_deleted(
            select(kind.model)
            .where(kind.model.deleted_at.is_not(None))
            .order_by(kind.model.deleted_at.desc(), kind.model.id.desc())
        )
        found[kind.key] = [
            DeletedItem(kind, r, label(r), users.get(r.deleted_by_id),
                        max(0, retention_days - (now - r.deleted_at).days))
            for r in db.session.scalars(stmt)
        ]  # fmt: skip
    return found


def get_deleted(kind_key: str, record_id: int):
    """The deleted record of this kind and id, or None."""
    kind = KINDS.get(kind_key)
    if kind is None:
        return None
    record = _deleted_or_live(kind.model, record_id)
    return record if record is not None and record.deleted_at is not None else None


def restore(record: SoftDeleteMixin) -> int:
    """Restore a deleted record (a need with what was deleted with it); flushes.

    Returns how many records were restored. Refuses while a record it belongs to is deleted.
    """
    kind = next(k for k in KINDS.values() if isinstance(record, k.model))
    for attribute, parent_model in kind.parents:
        parent_id = getattr(record, attribute)
        parent = _deleted_or_live(parent_model, parent_id) if parent_id else None
        if parent is not None and parent.deleted_at is not None:
            raise RestoreError(
                _("It belongs to “%(name)s”, which is deleted too; restore that first.",
                  name=label(parent))
            )  # fmt: skip
    records = [record, *_parts_of(record, record.deleted_at)]
    for item in records:
        item.deleted_at = None
        item.deleted_by_id = None
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError as error:  # e.g. the same match was made again meanwhile
        raise RestoreError(_("A record like it exists again; it cannot be restored.")) from error
    return len(records)


def _parts_of(record, deleted_at: datetime) -> list:
    """What was deleted with record (a need's follow-ups, matches and talks; a project's capital,
    agreements and obligations; an agreement's obligations): they share its deleted_at."""
    models, key = PARTS.get(type(record), ((), ""))
    parts = []
    for model in models:
        stmt = with_deleted(
            select(model).where(getattr(model, key) == record.id, model.deleted_at == deleted_at)
        )
        parts += db.session.scalars(stmt)
    return parts


def _deleted_or_live(model: type, record_id: int):
    return db.session.scalar(with_deleted(select(model).where(model.id == record_id)))


@dataclass
class PurgeResult:
    purged: dict[str, int]
    kept: int  # old enough, but still referred to by other records

    @property
    def total(self) -> int:
        return sum(self.purged.values())


def purge_deleted(retention_days: int, now: datetime | None = None, dry_run: bool = False):
    """Remove for good the records deleted more than retention_days ago; flushes.

    Records that belong to others go first; one that something still refers to is kept and
    counted, so a purge never breaks a foreign key.
    """
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    purged, kept = {}, 0
    for kind in KINDS.values():
        stmt = with_deleted(select(kind.model).where(kind.model.deleted_at < cutoff))
        count = 0
        for record in db.session.scalars(stmt).all():
            if dry_run:
                count += 1
                continue
            try:
                with db.session.begin_nested():
                    _hard_delete(record)
                count += 1
            except IntegrityError:
                kept += 1
        purged[kind.key] = count
    return PurgeResult(purged, kept)


def _hard_delete(record) -> None:
    """Delete the row itself (its history rows go by ON DELETE CASCADE) and say so in the audit
    trail, which Core deletes do not reach."""
    table = type(record).__table__
    db.session.execute(table.delete().where(table.c.id == record.id))
    db.session.execute(
        AuditEntry.__table__.insert(),
        {"at": utcnow(), "user_id": None, "action": "delete", "entity": table.name,
         "entity_id": record.id, "label": label(record)[:200], "changes": {"purged": [None, True]}},
    )  # fmt: skip
    db.session.expunge(record)
