"""Local offers: what local partners offer (space, talent, suppliers ...), listed, read, added
and changed through the offer form and the matchmaking service, as on a partner's page.

URL map (under /api/v1):
    GET   /offers                        api_offers.list     read
    POST  /offers                        api_offers.create   write
    GET   /offers/<id>                   api_offers.get      read
    PATCH /offers/<id>                   api_offers.update   write, If-Match
"""

from functools import partial

from flask import abort, current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from tracker.api import pipeline_schemas as schemas
from tracker.api.actions import require_fields
from tracker.api.conventions import json_object, refuse, saving, send_etag, validated
from tracker.api.paging import keyset_page, page_body
from tracker.extensions import db
from tracker.matchmaking import builders, services
from tracker.matchmaking.queries import list_offers
from tracker.models import LocalOffer, Organisation
from tracker.security import get_visible_or_404, require

blp = Blueprint(
    "api_offers", __name__, url_prefix="/api/v1/offers",
    description="What local partners offer; the suggestions are ranked by them.",
)  # fmt: skip

NOT_LOCAL = _l("Offers belong to local partners; mark the organisation as local first.")
SORTS = {"title": LocalOffer.title, "created": LocalOffer.created_at}


@blp.route("", endpoint="list")
@blp.arguments(schemas.OfferArgs, location="query", as_kwargs=True)
@blp.response(200, schemas.OfferPage)
@require("record.view")
def list_local_offers(sort: str, cursor: str | None = None, limit: int | None = None, **args):
    """List offers, of one local partner if asked, active or retired ones if asked."""
    stmt = list_offers(args.get("organisation_id"), args.get("active"))
    limit = limit or current_app.config["API_PAGE_SIZE"]
    return page_body(keyset_page(stmt, SORTS, sort, LocalOffer.id, cursor, limit))


def _load(offer_id: int) -> LocalOffer:
    """The offer with its industries and partner, or 404."""
    return services.offer_for_edit(offer_id) or abort(404)


@blp.route("/<int:offer_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.OfferSchema)
@require("record.view")
def get_offer(offer_id: int):
    """One offer."""
    offer = _load(offer_id)
    send_etag(blp, offer)
    return offer


def _save(organisation: Organisation, offer: LocalOffer | None, values: dict) -> LocalOffer:
    """Validate with the offer form and save through the service (flushes)."""
    form = validated(partial(builders.offer_form, organisation.id, offer), values)
    return services.save_offer(offer, organisation, builders.offer_data(form), current_user)


@blp.route("", endpoint="create", methods=["POST"])
@blp.etag
@blp.doc(requestBody={"content": {"application/json": {"schema": schemas.OfferCreate}}})
@blp.response(201, schemas.OfferSchema)
@require("record.edit")
def create_offer():
    """Add an offer to a local partner (organisation_id)."""
    values = json_object()
    require_fields(values, "organisation_id")
    if not isinstance(values["organisation_id"], int):
        abort(404)
    organisation = get_visible_or_404(Organisation, values.pop("organisation_id"))
    if not organisation.is_local:
        refuse({"organisation_id": [str(NOT_LOCAL)]})
    offer = _save(organisation, None, values)
    db.session.commit()
    created = _load(offer.id)
    send_etag(blp, created)
    return created, 201, {"Location": url_for(".get", offer_id=created.id, _external=True)}


def _form_values(offer: LocalOffer) -> dict:
    """The offer's current values under the form's field names (an update's base)."""
    current = schemas.OfferSchema().dump(offer)
    return {name: current.get(name) for name in schemas.OfferInput._declared_fields}


@blp.route("/<int:offer_id>", endpoint="update", methods=["PATCH"])
@blp.etag
@blp.doc(requestBody={"content": {"application/json": {"schema": schemas.OfferInput}}})
@blp.response(200, schemas.OfferSchema)
@require("record.edit")
def update_offer(offer_id: int):
    """Change an offer's fields (those sent); If-Match must carry its ETag."""
    offer = _load(offer_id)
    values = _form_values(offer) | json_object()
    with saving(blp, offer, schemas.OfferSchema(), partial(_load, offer_id)):
        _save(offer.organisation, offer, values)
    updated = _load(offer_id)
    send_etag(blp, updated)
    return updated
