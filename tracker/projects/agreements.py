"""A project's agreements: recording, changing and deleting them, their stored document, and the
"signed" milestone an investment agreement's signature sets."""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from tracker.extensions import db
from tracker.models import (
    Agreement,
    AgreementKind,
    Milestone,
    Obligation,
    Project,
    ProjectMilestone,
    User,
)
from tracker.projects.documents import StoredDocument, Upload, store_document
from tracker.softdelete import mark_deleted


class AgreementError(ValueError):
    """The agreement cannot be saved as given; field names the form field at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class AgreementData:
    """An agreement's fields as the user gave them (empty text as None)."""

    kind: AgreementKind
    title: str
    parties: str | None = None
    reference: str | None = None
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    notes: str | None = None


def date_problems(data: AgreementData, today: date) -> list[tuple[str, str]]:
    """(field, message) for dates that cannot be: a signature in the future, an end before
    the start."""
    problems = []
    if data.signed_on and today and data.signed_on > today:
        problems.append(("signed_on", _("The signing date cannot be in the future.")))
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        problems.append(("ends_on", _("The end cannot be before the start.")))
    return problems


def agreements_of(project_id: int) -> list[Agreement]:
    """The project's live agreements, newest signature first, with their live obligations."""
    stmt = (
        select(Agreement)
        .where(Agreement.project_id == project_id)
        .options(selectinload(Agreement.obligations).joinedload(Obligation.owner))
        .order_by(Agreement.signed_on.desc().nulls_last(), Agreement.id.desc())
    )
    return list(db.session.scalars(stmt))


def obligations_of(agreement_id: int) -> list[Obligation]:
    """The agreement's live obligations by due date, with their owners."""
    stmt = (
        select(Obligation)
        .where(Obligation.agreement_id == agreement_id)
        .options(joinedload(Obligation.owner))
        .order_by(Obligation.due_on, Obligation.id)
    )
    return list(db.session.scalars(stmt))


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _parties(text: str | None) -> str | None:
    """One party per line, without blank lines or surrounding spaces."""
    lines = [line.strip() for line in (text or "").splitlines()]
    return "\n".join(line for line in lines if line) or None


def save_agreement(
    agreement: Agreement | None,
    project: Project,
    data: AgreementData,
    by: User | None,
    *,
    today: date,
    upload: Upload | None = None,
    remove_document: bool = False,
    document_limit: int,
) -> Agreement:
    """Create (agreement None) or change an agreement of project, with its document replaced
    by upload or removed; flushes. An investment agreement's signature is the project's
    "signed" milestone when none is recorded yet."""
    if problems := date_problems(data, today):
        field, message = problems[0]
        raise AgreementError(message, field)
    if agreement is None:
        agreement = Agreement(project_id=project.id, created_by_id=by.id if by else None)
        db.session.add(agreement)
    agreement.kind = data.kind
    agreement.title = data.title.strip()
    agreement.parties = _parties(data.parties)
    agreement.reference = _clean(data.reference)
    agreement.signed_on, agreement.starts_on = data.signed_on, data.starts_on
    agreement.ends_on, agreement.notes = data.ends_on, _clean(data.notes)
    if upload is not None:
        attach_document(agreement, store_document(upload, document_limit))
    elif remove_document:
        attach_document(agreement, None)
    db.session.flush()
    if agreement.kind == AgreementKind.INVESTMENT and agreement.signed_on:
        record_signature(project.id, agreement.signed_on)
    return agreement


def attach_document(agreement: Agreement, stored: StoredDocument | None) -> None:
    """Point the agreement at a stored document, or at none. The file itself stays: other
    agreements may share its content, and the history may name it."""
    agreement.document_name = stored.name if stored else None
    agreement.document_type = stored.media_type if stored else None
    agreement.document_size = stored.size if stored else None
    agreement.document_sha256 = stored.sha256 if stored else None


def record_signature(project_id: int, signed_on: date) -> None:
    """Set the project's "signed" milestone to signed_on unless it already happened; flushes."""
    row = db.session.scalar(
        select(ProjectMilestone).where(
            ProjectMilestone.project_id == project_id,
            ProjectMilestone.milestone == Milestone.SIGNED,
        )
    )
    if row is None:
        db.session.add(
            ProjectMilestone(project_id=project_id, milestone=Milestone.SIGNED, actual_on=signed_on)
        )
    elif row.actual_on is None:
        row.actual_on = signed_on
    db.session.flush()


def delete_agreement(agreement: Agreement, by_id: int | None) -> None:
    """Delete an agreement softly with its obligations (restored together); flushes."""
    obligations = db.session.scalars(
        select(Obligation).where(Obligation.agreement_id == agreement.id)
    ).all()
    mark_deleted([agreement, *obligations], by_id)
    db.session.flush()
