"""Read-only history: one record's changes, and the admins' searchable global log."""

from datetime import datetime, time

from flask import Blueprint, abort, render_template, request
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from tracker.audit.display import ChangeReader, entity_choices, entity_label
from tracker.audit.recorder import AUDITED
from tracker.extensions import db
from tracker.models import AuditEntry, User
from tracker.numbers import parse_id
from tracker.pagination import paginate_rows
from tracker.security import may_read_history, require

bp = Blueprint("audit", __name__)

# Where each audited record's own page is, to link back from its history.
DETAIL_ENDPOINTS = {
    "delegation": ("delegations.detail", "delegation_id"),
    "organisation": ("organisations.detail", "organisation_id"),
    "person": ("people.detail", "person_id"),
    "need": ("needs.detail", "need_id"),
    "followup": ("followups.detail", "followup_id"),
    "project": ("projects.detail", "project_id"),
    "user": ("admin.edit_user", "user_id"),
    "agreement": ("agreements.detail", "agreement_id"),
    "obligation": ("agreements.obligation", "obligation_id"),
}


@bp.route("/history/<entity>/<int:entity_id>")
@require("record.view")
def history(entity: str, entity_id: int):
    """Every recorded change of one record, newest first."""
    if entity not in AUDITED or entity == "user" or not may_read_history(entity, entity_id):
        abort(404)
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .options(joinedload(AuditEntry.user))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    entries = db.session.scalars(stmt.limit(500)).all()
    if not entries:
        abort(404)
    return render_template(
        "audit/history.html", entries=entries, entity=entity, entity_id=entity_id,
        back=DETAIL_ENDPOINTS.get(entity), reader=ChangeReader(entries),
    )  # fmt: skip


@bp.route("/admin/audit")
@require("user.manage")
def log():
    """The whole log, searchable by record type, user, label and date."""
    args = request.args
    page = paginate_rows(_log_query(args))
    users = list(db.session.execute(select(User.id, User.display_name).order_by(User.display_name)))
    # The filter's list of users names every user the page's changes may point at.
    reader = ChangeReader((entry for entry, _name in page.items), user_names=dict(users))
    return render_template(
        "audit/log.html", page=page, entities=entity_choices(), users=users, reader=reader,
        entity_label=entity_label,
        filtered=any(args.get(k) for k in ("entity", "action", "user_id", "q", "from", "to")),
    )  # fmt: skip


def _log_query(args) -> Select:
    """The log's entries (and their users' names) filtered by the query string, newest first."""
    stmt = select(AuditEntry, User.display_name).outerjoin(User, AuditEntry.user_id == User.id)
    if args.get("entity") in AUDITED:
        stmt = stmt.where(AuditEntry.entity == args["entity"])
    if args.get("action") in {"create", "update", "delete", "restore"}:
        stmt = stmt.where(AuditEntry.action == args["action"])
    if (user_id := parse_id(args.get("user_id"))) is not None:
        stmt = stmt.where(AuditEntry.user_id == user_id)
    if q := args.get("q", "")[:200].strip():
        stmt = stmt.where(AuditEntry.label.icontains(q, autoescape=True))
    for key, op in (("from", "__ge__"), ("to", "__le__")):
        if day := _date(args.get(key)):
            bound = datetime.combine(day, time.min if key == "from" else time.max)
            stmt = stmt.where(getattr(AuditEntry.at, op)(bound))
    return stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def _date(value: str | None):
    try:
        return datetime.strptime(value or "", "%Y-%m-%d").date()
    except ValueError:
        return None
