"""People: the list with the page's filters, one person, create and update through the person
form, with its shared e-mail warning.

URL map (under /api/v1):
    GET   /people                        api_people.list     read
    POST  /people                        api_people.create   write
    GET   /people/<id>                   api_people.get      read
    PATCH /people/<id>                   api_people.update   write, If-Match
"""

from functools import partial

from flask import abort, current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from tracker.api import schemas
from tracker.api.conventions import json_object, refuse, saving, send_etag, validated
from tracker.api.paging import keyset_page, page_body
from tracker.extensions import db
from tracker.models import Person
from tracker.people import services
from tracker.people.forms import PersonForm
from tracker.security import require

blp = Blueprint(
    "api_people", __name__, url_prefix="/api/v1/people",
    description="People: delegation members and the local partners' contacts.",
)  # fmt: skip

SHARED_EMAIL = _l("Others are recorded with this e-mail address; send confirm_email: true to save.")
Rows = schemas.page_of(schemas.PersonSchema, "PersonPage")
BODY = {"content": {"application/json": {"schema": schemas.PersonInput}}}


@blp.route("", endpoint="list")
@blp.arguments(schemas.PersonArgs, location="query", as_kwargs=True)
@blp.response(200, Rows)
@require("record.view")
def list_people(sort: str, cursor: str | None = None, limit: int | None = None, **args):
    """List people, filtered as the people page offers."""
    stmt = services.list_people(
        query=args.get("q", ""), organisation_id=args.get("organisation"), side=args.get("side")
    )
    limit = limit or current_app.config["API_PAGE_SIZE"]
    return page_body(keyset_page(stmt, services.SORTS, sort, Person.id, cursor, limit))


def _load(person_id: int) -> Person:
    """The person with their organisation, or 404."""
    return services.person_detail(person_id) or abort(404)


@blp.route("/<int:person_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.PersonSchema)
@require("record.view")
def get_person(person_id: int):
    """One person."""
    person = _load(person_id)
    send_etag(blp, person)
    return person


def _save(person: Person | None, values: dict) -> Person:
    """Validate with the form, refuse a shared e-mail address unless confirmed, save."""
    form = validated(partial(PersonForm, obj=person), values)
    data = services.PersonData.from_mapping(form.data)
    conflicts = services.email_conflicts(data, person)
    if conflicts and not form.confirm_email.data:
        shared = [{"id": p.id, "full_name": p.full_name} for p in conflicts]
        refuse({"email": [str(SHARED_EMAIL)]}, 409, conflicts=shared)
    if person is None:
        return services.create_person(data, current_user._get_current_object())
    return services.update_person(person, data)


@blp.route("", endpoint="create", methods=["POST"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(201, schemas.PersonSchema)
@require("record.edit")
def create_person():
    """Record a person; an e-mail address others have needs confirm_email (409)."""
    person = _save(None, json_object())
    db.session.commit()
    created = _load(person.id)
    send_etag(blp, created)
    return created, 201, {"Location": url_for(".get", person_id=created.id, _external=True)}


@blp.route("/<int:person_id>", endpoint="update", methods=["PATCH"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(200, schemas.PersonSchema)
@require("record.edit")
def update_person(person_id: int):
    """Change a person's fields (those sent); If-Match must carry the ETag."""
    person = _load(person_id)
    values = schemas.PersonInput().dump(person) | json_object()
    with saving(blp, person, schemas.PersonSchema(), partial(_load, person_id)):
        _save(person, values)
    updated = _load(person_id)
    send_etag(blp, updated)
    return updated
