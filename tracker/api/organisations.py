"""Organisations: the list with the page's filters, one organisation, create and update through
the organisation form, with its duplicate guard.

URL map (under /api/v1):
    GET   /organisations                 api_organisations.list     read
    POST  /organisations                 api_organisations.create   write
    GET   /organisations/<id>            api_organisations.get      read
    PATCH /organisations/<id>            api_organisations.update   write, If-Match
"""

from functools import partial

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from tracker.api import schemas
from tracker.api.conventions import json_object, refuse, saving, send_etag, validated
from tracker.api.paging import keyset_page, page_body
from tracker.extensions import db
from tracker.models import Organisation
from tracker.organisations import choices, services
from tracker.security import get_visible_or_404, require

blp = Blueprint(
    "api_organisations", __name__, url_prefix="/api/v1/organisations",
    description="Organisations: visiting companies and institutions, and local partners.",
)  # fmt: skip

DUPLICATE = _l("Organisations with a similar name exist; send confirm_duplicate: true to save.")
Rows = schemas.page_of(schemas.OrganisationSchema, "OrganisationPage")
BODY = {"content": {"application/json": {"schema": schemas.OrganisationInput}}}


@blp.route("", endpoint="list")
@blp.arguments(schemas.OrganisationArgs, location="query", as_kwargs=True)
@blp.response(200, Rows)
@require("record.view")
def list_organisations(sort: str, cursor: str | None = None, limit: int | None = None, **args):
    """List organisations, filtered as the organisations page offers."""
    stmt = services.list_organisations(
        query=args.get("q", ""), kind=args.get("kind"), key_industry_id=args.get("industry"),
        country=args.get("country"), side=args.get("side"),
    )  # fmt: skip
    limit = limit or current_app.config["API_PAGE_SIZE"]
    return page_body(keyset_page(stmt, services.SORTS, sort, Organisation.id, cursor, limit))


@blp.route("/<int:organisation_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.OrganisationSchema)
@require("record.view")
def get_organisation(organisation_id: int):
    """One organisation."""
    organisation = get_visible_or_404(Organisation, organisation_id)
    send_etag(blp, organisation)
    return organisation


def _save(organisation: Organisation | None, values: dict) -> Organisation:
    """Validate with the form, refuse a likely duplicate unless confirmed, save (flushes)."""
    form = validated(partial(choices.organisation_form, organisation), values)
    data = services.OrganisationData.from_mapping(form.data)
    duplicates = services.possible_duplicates(data, organisation)
    if duplicates and not form.confirm_duplicate.data:
        similar = [{"id": o.id, "name": o.name} for o in duplicates]
        refuse({"name": [str(DUPLICATE)]}, 409, duplicates=similar)
    return services.save_organisation(organisation, data, current_user._get_current_object())


@blp.route("", endpoint="create", methods=["POST"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(201, schemas.OrganisationSchema)
@require("record.edit")
def create_organisation():
    """Record an organisation; a name like an existing one's needs confirm_duplicate (409)."""
    organisation = _save(None, json_object())
    db.session.commit()
    send_etag(blp, organisation)
    location = url_for(".get", organisation_id=organisation.id, _external=True)
    return organisation, 201, {"Location": location}


@blp.route("/<int:organisation_id>", endpoint="update", methods=["PATCH"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(200, schemas.OrganisationSchema)
@require("record.edit")
def update_organisation(organisation_id: int):
    """Change an organisation's fields (those sent); If-Match must carry its ETag."""
    organisation = get_visible_or_404(Organisation, organisation_id)
    values = schemas.OrganisationInput().dump(organisation) | json_object()
    reload = partial(get_visible_or_404, Organisation, organisation_id)
    with saving(blp, organisation, schemas.OrganisationSchema(), reload):
        _save(organisation, values)
    send_etag(blp, organisation)
    return organisation
