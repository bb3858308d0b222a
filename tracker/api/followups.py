"""Follow-ups: the list with the follow-ups page's filters, one follow-up, assigning a new one
on a need, organisation or delegation, changing it (its assignee too), and completing it, all
through the follow-up forms and services. Those of a hidden confidential need do not exist.

URL map (under /api/v1):
    GET   /followups                     api_followups.list      read
    POST  /followups                     api_followups.create    write
    GET   /followups/<id>                api_followups.get       read
    PATCH /followups/<id>                api_followups.update    write, If-Match
    POST  /followups/<id>/assign         api_followup_actions.assign    write, If-Match
    POST  /followups/<id>/complete       api_followup_actions.complete  write, If-Match
"""

from functools import partial

from flask import abort, current_app, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from tracker.api import pipeline_schemas as schemas
from tracker.api.actions import ActionBlueprint, only_fields, require_fields
from tracker.api.conventions import json_object, refuse, saving, send_etag, validated
from tracker.api.paging import keyset_page, page_body
from tracker.extensions import db
from tracker.followups import builders, services
from tracker.followups.filters import list_filters
from tracker.followups.forms import CompleteForm
from tracker.i18n import local_today
from tracker.models import Delegation, FollowUp, FollowUpStatus, Need, Organisation
from tracker.security import get_visible_or_404, require

blp = Blueprint(
    "api_followups", __name__, url_prefix="/api/v1/followups",
    description="Follow-ups: what is to be done by whom and when, on a need, an organisation "
    "or a delegation.",
)  # fmt: skip
actions = ActionBlueprint(
    "api_followup_actions", __name__, url_prefix="/api/v1/followups",
    description="Assigning and completing follow-ups (If-Match required).",
)  # fmt: skip

TARGETS = {"need_id": Need, "organisation_id": Organisation, "delegation_id": Delegation}
ONE_TARGET = _l("Name one need, organisation or delegation.")
CLOSED = _l("This follow-up is already closed; nothing was changed.")
SORTS = {"due": FollowUp.due_date, "created": FollowUp.created_at, "title": FollowUp.title}
BODY = {"content": {"application/json": {"schema": schemas.FollowUpInput}}}
SCHEMA = schemas.FollowUpSchema()


@blp.route("", endpoint="list")
@blp.arguments(schemas.FollowUpArgs, location="query", as_kwargs=True)
@blp.response(200, schemas.FollowUpPage)
@require("record.view")
def list_followups(sort: str, cursor: str | None = None, limit: int | None = None, **_filters):
    """List follow-ups, filtered as the follow-ups page filters them."""
    today = local_today()
    stmt = services.list_followups(**list_filters(request.args, today), today=today)
    limit = limit or current_app.config["API_PAGE_SIZE"]
    return page_body(keyset_page(stmt, SORTS, sort, FollowUp.id, cursor, limit))


def _load(followup_id: int) -> FollowUp:
    """The follow-up, or 404 (also when it belongs to a need hidden from the user)."""
    return services.followup_detail(followup_id) or abort(404)


@blp.route("/<int:followup_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.FollowUpSchema)
@require("record.view")
def get_followup(followup_id: int):
    """One follow-up."""
    followup = _load(followup_id)
    send_etag(blp, followup)
    return followup


def _target(values: dict):
    """The one need, organisation or delegation the body names (popped): 422 unless one."""
    given = [key for key in TARGETS if values.get(key) is not None]
    if len(given) != 1 or not isinstance(values[given[0]], int):
        refuse({key: [str(ONE_TARGET)] for key in given or TARGETS})
    key = given[0]
    target = get_visible_or_404(TARGETS[key], values.pop(key))
    return {key.removesuffix("_id"): target}


@blp.route("", endpoint="create", methods=["POST"])
@blp.etag
@blp.doc(requestBody={"content": {"application/json": {"schema": schemas.FollowUpCreate}}})
@blp.response(201, schemas.FollowUpSchema)
@require("record.edit")
def create_followup():
    """Assign a follow-up on one need, organisation or delegation (need_id, organisation_id or
    delegation_id); a due date in the past needs confirm_past_date: true, as on the page."""
    values = json_object()
    target = _target(values)
    form = validated(builders.followup_form, values)
    fields = builders.followup_fields(form)
    followup = services.create_followup(**target, **fields, assigned_by=current_user)
    db.session.commit()
    created = _load(followup.id)
    send_etag(blp, created)
    return created, 201, {"Location": url_for(".get", followup_id=created.id, _external=True)}


def _edit(blueprint: Blueprint, followup_id: int, change: dict):
    """Validate the follow-up's values with change applied by the follow-up form, and save it
    through the service, If-Match required."""
    followup = _load(followup_id)
    values = schemas.FollowUpInput().dump(followup) | change
    with saving(blueprint, followup, SCHEMA, partial(_load, followup_id)):
        form = validated(partial(builders.followup_form, followup), values)
        fields = builders.followup_fields(form)
        services.update_followup(followup, **fields, by=current_user)
    updated = _load(followup_id)
    send_etag(blueprint, updated)
    return updated


@blp.route("/<int:followup_id>", endpoint="update", methods=["PATCH"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(200, schemas.FollowUpSchema)
@require("record.edit")
def update_followup(followup_id: int):
    """Change title, kind, assignee (recorded as a reassignment) or due date; If-Match."""
    return _edit(blp, followup_id, json_object())


@actions.route("/<int:followup_id>/assign", endpoint="assign", methods=["POST"])
@actions.etag
@actions.doc(requestBody={"content": {"application/json": {"schema": schemas.AssignInput}}})
@actions.response(200, schemas.FollowUpSchema)
@require("record.edit")
def assign_followup(followup_id: int):
    """Hand the follow-up to another active colleague (recorded as a reassignment); If-Match."""
    _load(followup_id)  # a follow-up the token may not see is absent, whatever the body says
    body = json_object()
    require_fields(body, "assignee_id")
    only_fields(body, {"assignee_id"})
    return _edit(actions, followup_id, body)


@actions.route("/<int:followup_id>/complete", endpoint="complete", methods=["POST"])
@actions.etag
@actions.doc(requestBody={"content": {"application/json": {"schema": schemas.CompleteInput}}})
@actions.response(200, schemas.FollowUpSchema)
@require("record.edit")
def complete_followup(followup_id: int):
    """Mark an open follow-up done with its outcome; a closed one is a 409; If-Match."""
    followup = _load(followup_id)
    with saving(actions, followup, SCHEMA, partial(_load, followup_id)):
        form = validated(CompleteForm, json_object())
        if followup.status != FollowUpStatus.OPEN:
            refuse({"status": [str(CLOSED)]}, 409)
        services.complete_followup(followup, form.outcome.data, current_user)
    done = _load(followup_id)
    send_etag(actions, done)
    return done
