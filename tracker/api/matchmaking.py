"""Matchmaking for a need: its ranked suggestions with scores and reasons, its matches, a
suggestion accepted or a partner picked by hand as a match, and a match's status moved on, all
through the matchmaking services and the pages' forms. The suggestions, matches and talks of a
hidden confidential need do not exist (404).

URL map (under /api/v1):
    GET  /needs/<id>/suggestions          api_matchmaking.suggestions   read
    POST /needs/<id>/suggestions/accept   api_matchmaking.accept        write
    GET  /needs/<id>/matches              api_matchmaking.matches       read
    POST /needs/<id>/matches              api_matchmaking.pick          write
    GET  /matches/<id>                    api_matchmaking.get           read
    POST /matches/<id>/status             api_match_actions.status      write, If-Match
"""

from functools import partial

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from tracker.api import pipeline_schemas as schemas
from tracker.api.actions import ActionBlueprint, only_fields, require_fields
from tracker.api.conventions import json_object, refuse, saving, send_etag, validated
from tracker.extensions import db
from tracker.matchmaking import builders, services
from tracker.matchmaking.forms import StatusForm
from tracker.matchmaking.queries import need_matches
from tracker.matchmaking.suggestions import suggest
from tracker.models import LocalOffer, Match, MatchStatus, Organisation
from tracker.security import get_need_or_404, get_visible_or_404, require

blp = Blueprint(
    "api_matchmaking", __name__, url_prefix="/api/v1",
    description="A need's suggested local partners and its matches.",
)  # fmt: skip
actions = ActionBlueprint(
    "api_match_actions", __name__, url_prefix="/api/v1/matches",
    description="Moving a match on (If-Match required).",
)  # fmt: skip

NOT_A_PARTNER = _l("Choose a local partner.")


def _json(schema) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


@blp.route("/needs/<int:need_id>/suggestions", endpoint="suggestions")
@blp.arguments(schemas.SuggestionArgs, location="query", as_kwargs=True)
@blp.response(200, schemas.SuggestionSchema(many=True))
@require("record.view")
def list_suggestions(need_id: int, show_declined: bool):
    """The local partners suggested for a need, best first, with their scores and reasons."""
    return suggest(get_need_or_404(need_id), show_declined=show_declined)


@blp.route("/needs/<int:need_id>/matches", endpoint="matches")
@blp.response(200, schemas.MatchSchema(many=True))
@require("record.view")
def list_matches(need_id: int):
    """A need's matches, oldest first."""
    return need_matches(get_need_or_404(need_id).id)


def _created(match: Match):
    """The 201 answer of a new match (committed)."""
    db.session.commit()
    created = _load(match.id)
    send_etag(blp, created)
    return created, 201, {"Location": url_for(".get", match_id=created.id, _external=True)}


@blp.route("/needs/<int:need_id>/suggestions/accept", endpoint="accept", methods=["POST"])
@blp.etag
@blp.doc(requestBody=_json(schemas.AcceptInput))
@blp.response(201, schemas.MatchSchema)
@require("record.edit")
def accept_suggestion(need_id: int):
    """Accept a suggested partner: a proposed match keeping the suggestion's score and reasons."""
    need, body = get_need_or_404(need_id), json_object()
    require_fields(body, "organisation_id")
    only_fields(body, {"organisation_id"})
    if not isinstance(body["organisation_id"], int):
        refuse({"organisation_id": [str(NOT_A_PARTNER)]})
    try:
        match = services.accept_suggestion(need, body["organisation_id"], current_user)
    except services.MatchError as error:
        refuse({"organisation_id": [str(error)]})
    return _created(match)


@blp.route("/needs/<int:need_id>/matches", endpoint="pick", methods=["POST"])
@blp.etag
@blp.doc(requestBody=_json(schemas.PickInput))
@blp.response(201, schemas.MatchSchema)
@require("record.edit")
def pick_partner(need_id: int):
    """Match a need with a local partner chosen by hand (the pick form's checks)."""
    need = get_need_or_404(need_id)
    form = validated(builders.pick_form, json_object())
    organisation = db.session.get(Organisation, form.organisation_id.data)
    offer = db.session.get(LocalOffer, form.offer_id.data) if form.offer_id.data else None
    try:
        match = services.pick_partner(need, organisation, offer, current_user, form.note.data)
    except services.MatchError as error:
        refuse({"organisation_id": [str(error)]})
    return _created(match)


def _load(match_id: int) -> Match:
    """The match, or 404 (also when its need is hidden from the user)."""
    return get_visible_or_404(Match, match_id)


@blp.route("/matches/<int:match_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.MatchSchema)
@require("record.view")
def get_match(match_id: int):
    """One match."""
    match = _load(match_id)
    send_etag(blp, match)
    return match


@actions.route("/<int:match_id>/status", endpoint="status", methods=["POST"])
@actions.etag
@actions.doc(requestBody=_json(schemas.StatusInput))
@actions.response(200, schemas.MatchSchema)
@require("record.edit")
def change_status(match_id: int):
    """Move a match on as the page does (declining needs a reason); If-Match."""
    match = _load(match_id)
    with saving(actions, match, schemas.MatchSchema(), partial(_load, match_id)):
        form = validated(StatusForm, json_object())
        to_status = MatchStatus(form.to_status.data)
        try:
            services.change_status(
                match, to_status, current_user, form.note.data, form.decline_reason.data
            )
        except services.MatchError as error:
            refuse({"to_status": [str(error)]})
    changed = _load(match_id)
    send_etag(actions, changed)
    return changed
