"""Cooperation needs: the list with the needs page's filters, one need, create and update
through the need form, and stage moves through the stage form (and reopening through the
reopen form), each by the page's own service. A confidential need hidden from the token's user
does not exist here (404, never listed): tracker.security's rule applies to every query.

URL map (under /api/v1):
    GET   /needs                         api_needs.list     read
    POST  /needs                         api_needs.create   write
    GET   /needs/<id>                    api_needs.get      read
    PATCH /needs/<id>                    api_needs.update   write, If-Match
    POST  /needs/<id>/moves              api_need_moves.move  write, If-Match
"""

from functools import partial

from flask import current_app, request, url_for
from flask_login import current_user
from flask_smorest import Blueprint

from tracker.api import pipeline_schemas as schemas
from tracker.api.actions import ActionBlueprint, require_fields
from tracker.api.conventions import json_object, refuse, saving, send_etag, validated
from tracker.api.paging import keyset_page, page_body
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Need
from tracker.needs import builders, services
from tracker.needs.forms import ReopenForm
from tracker.needs.loading import need_detail, parse_filters
from tracker.needs.moves import StageMove, apply_move, apply_reopen
from tracker.security import require

blp = Blueprint(
    "api_needs", __name__, url_prefix="/api/v1/needs",
    description="Cooperation needs, their stage moves, suggestions and matches.",
)  # fmt: skip

# Keyset sorts: columns that are never NULL (the page's stage and priority orders are not).
SORTS = {"created": Need.created_at, "title": Need.title, "updated": Need.updated_at}
# A move changes the need: like a PATCH it names the version it was decided on (If-Match), so
# two colleagues moving the same need at once cannot both win unseen.
moves = ActionBlueprint(
    "api_need_moves", __name__, url_prefix="/api/v1/needs",
    description="Stage moves of a need (If-Match required).",
)  # fmt: skip
BODY = {"content": {"application/json": {"schema": schemas.NeedInput}}}
MOVE_BODY = {"content": {"application/json": {"schema": schemas.MoveInput}}}


@blp.route("", endpoint="list")
@blp.arguments(schemas.NeedArgs, location="query", as_kwargs=True)
@blp.response(200, schemas.NeedPage)
@require("record.view")
def list_needs(sort: str, cursor: str | None = None, limit: int | None = None, **_filters):
    """List needs, filtered as the needs page filters them (the same query arguments)."""
    stmt = services.list_needs(parse_filters(request.args, local_today()))
    limit = limit or current_app.config["API_PAGE_SIZE"]
    return page_body(keyset_page(stmt, SORTS, sort, Need.id, cursor, limit))


@blp.route("/<int:need_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.NeedSchema)
@require("record.view")
def get_need(need_id: int):
    """One need."""
    need = need_detail(need_id)
    send_etag(blp, need)
    return need


def _save(need: Need | None, values: dict) -> Need:
    """Validate with the need form and save through the page's service (flushes)."""
    form = validated(partial(builders.need_form, need), values)
    if need is None:
        return services.create_need(form.data_for_service(), by=current_user)
    return services.update_need(need, form.data_for_service())


@blp.route("", endpoint="create", methods=["POST"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(201, schemas.NeedSchema)
@require("record.edit")
def create_need():
    """Record a need in stage new; the fields are checked as the need form checks them."""
    need = _save(None, json_object())
    db.session.commit()
    created = need_detail(need.id)
    send_etag(blp, created)
    return created, 201, {"Location": url_for(".get", need_id=created.id, _external=True)}


@blp.route("/<int:need_id>", endpoint="update", methods=["PATCH"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(200, schemas.NeedSchema)
@require("record.edit")
def update_need(need_id: int):
    """Change a need's fields (those sent); If-Match must carry its ETag."""
    need = need_detail(need_id)
    values = schemas.NeedInput().dump(need) | json_object()
    with saving(blp, need, schemas.NeedSchema(), partial(need_detail, need_id)):
        _save(need, values)
    updated = need_detail(need_id)
    send_etag(blp, updated)
    return updated


def _move(need: Need, values: dict) -> None:
    """A move validated by the stage form, or with reopen a reopening by the reopen form; the
    pipeline's refusal at its field (flushes)."""
    require_fields(values, "to_stage")
    if values.pop("reopen", False):
        form = validated(ReopenForm, values)
        error = apply_reopen(need, form.to_stage.data, form.note.data, current_user)
    else:
        form = validated(partial(builders.stage_form, need), values)
        error = apply_move(need, StageMove.from_mapping(form.data), current_user)
    if error is not None:
        refuse({getattr(error, "field", None) or "to_stage": [str(error)]})


@moves.route("/<int:need_id>/moves", endpoint="move", methods=["POST"])
@moves.etag
@moves.doc(requestBody=MOVE_BODY)
@moves.response(200, schemas.NeedSchema)
@require("record.edit")
def move_need(need_id: int):
    """Move a need to another stage as the page does: lost needs a reason, won its date and
    outcome; a won or lost need is reopened only with reopen: true and a note; If-Match."""
    need = need_detail(need_id)
    with saving(moves, need, schemas.NeedSchema(), partial(need_detail, need_id)):
        _move(need, json_object())
    moved = need_detail(need_id)
    send_etag(moves, moved)
    return moved
