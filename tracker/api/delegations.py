"""Delegations: the list with the page's filters, one visit with its topics and members, and
create and update through the delegation form.

URL map (under /api/v1):
    GET   /delegations                   api_delegations.list     read
    POST  /delegations                   api_delegations.create   write
    GET   /delegations/<id>              api_delegations.get      read
    PATCH /delegations/<id>              api_delegations.update   write, If-Match
    POST  /delegations/<id>/members      api_delegations.add_member     write
    DELETE /delegations/<id>/members/<member_id>  api_delegations.remove_member  write
"""

from functools import partial

from flask import abort, current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint

from tracker.api import schemas
from tracker.api.conventions import json_object, refuse, saving, send_etag, validated
from tracker.api.paging import keyset_page, page_body
from tracker.delegations import choices, services
from tracker.delegations.forms import MemberForm
from tracker.extensions import db
from tracker.models import Delegation, Person
from tracker.organisations.services import find_duplicates
from tracker.security import get_visible_or_404, require

blp = Blueprint(
    "api_delegations", __name__, url_prefix="/api/v1/delegations",
    description="Visiting delegations, with their topics and members.",
)  # fmt: skip

Row = schemas.page_of(schemas.DelegationRow, "DelegationPage")
ALREADY = _l("This person is already a member.")
LOOK_ALIKE = _l("Organisations with a similar name exist; send create_anyway: true, or one's id.")


@blp.route("", endpoint="list")
@blp.arguments(schemas.DelegationArgs, location="query", as_kwargs=True)
@blp.response(200, Row)
@require("record.view")
def list_delegations(sort: str, cursor: str | None = None, limit: int | None = None, **filters):
    """List delegations, filtered and sorted as the delegations page offers."""
    country = filters.get("country")
    stmt = services.list_delegations(
        filters.get("q", ""), filters.get("status"), filters.get("year"),
        country.upper() if country else None,
    )  # fmt: skip
    limit = limit or current_app.config["API_PAGE_SIZE"]
    page = keyset_page(stmt, services.SORTS, sort, Delegation.id, cursor, limit, scalars=False)
    return page_body(page)


def _load(delegation_id: int) -> Delegation:
    """The delegation with what its representation shows, or 404."""
    return services.get_delegation_detail(delegation_id) or abort(404)


def _form_values(delegation: Delegation) -> dict:
    """The delegation's current values under the form's field names (an update's base)."""
    values = schemas.DelegationInput().dump(delegation)
    return values | {"topic_ids": [t.id for t in delegation.topics]}


@blp.route("/<int:delegation_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.DelegationSchema)
@require("record.view")
def get_delegation(delegation_id: int):
    """One delegation, with its topics, members and organisations."""
    delegation = _load(delegation_id)
    send_etag(blp, delegation)
    return delegation


@blp.route("", endpoint="create", methods=["POST"])
@blp.etag
@blp.doc(requestBody={"content": {"application/json": {"schema": schemas.DelegationInput}}})
@blp.response(201, schemas.DelegationSchema)
@require("record.edit")
def create_delegation():
    """Record a delegation; the fields are checked as the delegation form checks them."""
    form = validated(partial(choices.delegation_form, None), json_object())
    delegation = services.save_delegation(
        Delegation(), form.data, form.topic_ids.data, current_user
    )
    db.session.commit()
    created = _load(delegation.id)
    send_etag(blp, created)
    location = url_for(".get", delegation_id=created.id, _external=True)
    return created, 201, {"Location": location}


@blp.route("/<int:delegation_id>", endpoint="update", methods=["PATCH"])
@blp.etag
@blp.doc(requestBody={"content": {"application/json": {"schema": schemas.DelegationInput}}})
@blp.response(200, schemas.DelegationSchema)
@require("record.edit")
def update_delegation(delegation_id: int):
    """Change a delegation's fields (those sent; the others keep their values); If-Match must
    carry the ETag it was read with."""
    delegation = _load(delegation_id)
    values = _form_values(delegation) | json_object()
    reload = partial(_load, delegation_id)
    with saving(blp, delegation, schemas.DelegationSchema(), reload):
        form = validated(partial(choices.delegation_form, delegation), values)
        services.save_delegation(delegation, form.data, form.topic_ids.data, current_user)
    updated = _load(delegation_id)
    send_etag(blp, updated)
    return updated


def _enrol(delegation: Delegation, values: dict):
    """The member form's checks, then the page's rules: a new organisation's name like a
    recorded one's waits for create_anyway (409 naming them), a person is enrolled once."""
    form = validated(MemberForm, values)
    if form.new_organisation.data and not form.create_anyway.data:
        similar = [
            {"id": o.id, "name": o.name} for o in find_duplicates(form.new_organisation.data)
        ]
        if similar:
            refuse({"new_organisation": [str(LOOK_ALIKE)]}, 409, duplicates=similar)
    picked = form.person_id.data
    person = get_visible_or_404(Person, picked) if picked is not None else None
    new = services.NewPerson.from_member_form(form.data)
    enrolled = services.person_to_enrol(person, new, delegation.origin_country, current_user)
    try:
        return services.add_member(delegation, enrolled, form.role.data)
    except services.AlreadyMember:
        refuse({"person_id": [str(ALREADY)]}, 409)


@blp.route("/<int:delegation_id>/members", endpoint="add_member", methods=["POST"])
@blp.doc(requestBody={"content": {"application/json": {"schema": schemas.MemberInput}}})
@blp.response(201, schemas.MemberSchema)
@require("record.edit")
def add_member(delegation_id: int):
    """Enrol an existing person (person_id) or a new one (full_name, and organisation_id or
    new_organisation), as the member form does; e.g. from a list a partner agency sent."""
    member = _enrol(get_visible_or_404(Delegation, delegation_id), json_object())
    db.session.commit()
    return member, 201


@blp.route(
    "/<int:delegation_id>/members/<int:member_id>", endpoint="remove_member", methods=["DELETE"]
)
@blp.response(204)
@require("record.edit")
def remove_member(delegation_id: int, member_id: int):
    """Take a person off the member list; the person stays in the tracker."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    services.remove_member(delegation, member_id) or abort(404)
    db.session.commit()
