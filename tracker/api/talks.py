"""Talks: the list with the talks page's filters, one talk, scheduling one for a need or a
match, and changing it, through the talk form and services, with the page's overlap warning
(another talk of a colleague or in the room at that time: 409 until schedule_anyway).

URL map (under /api/v1):
    GET   /talks                         api_talks.list     read
    POST  /talks                         api_talks.create   write
    GET   /talks/<id>                    api_talks.get      read
    PATCH /talks/<id>                    api_talks.update   write, If-Match
"""

from functools import partial

from flask import abort, current_app, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import Blueprint
from wtforms import SelectField, SelectMultipleField

from tracker.api import pipeline_schemas as schemas
from tracker.api.conventions import NOT_INPUT, json_object, refuse, saving, send_etag, validated
from tracker.api.paging import keyset_page, page_body
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import Match, Need, Talk
from tracker.security import get_visible_or_404, require
from tracker.talks import listing, services
from tracker.talks.choices import fill, form_data, set_choices
from tracker.talks.filters import talk_filters
from tracker.talks.forms import TalkForm

blp = Blueprint(
    "api_talks", __name__, url_prefix="/api/v1/talks",
    description="Talks between visitors and local partners, on a need or a match.",
)  # fmt: skip

ONE_TARGET = _l("Name one need or match.")
OVERLAPS = _l(
    "Other talks overlap with this one for a colleague or in the room; send schedule_anyway: "
    "true to schedule it all the same."
)
SORTS = {"starts": Talk.starts_at, "title": Talk.title}
SCHEMA = schemas.TalkSchema()
BODY = {"content": {"application/json": {"schema": schemas.TalkInput}}}


@blp.route("", endpoint="list")
@blp.arguments(schemas.TalkArgs, location="query", as_kwargs=True)
@blp.response(200, schemas.TalkPage)
@require("record.view")
def list_talks(sort: str, cursor: str | None = None, limit: int | None = None, **_filters):
    """List talks, filtered as the talks page filters them."""
    stmt = listing.list_talks(talk_filters(request.args, local_today()))
    limit = limit or current_app.config["API_PAGE_SIZE"]
    return page_body(keyset_page(stmt, SORTS, sort, Talk.id, cursor, limit))


def _load(talk_id: int) -> Talk:
    """The talk with its participants, or 404 (also when its need is hidden from the user)."""
    return services.talk_detail(talk_id) or abort(404)


@blp.route("/<int:talk_id>", endpoint="get")
@blp.etag
@blp.response(200, schemas.TalkSchema)
@require("record.view")
def get_talk(talk_id: int):
    """One talk."""
    talk = _load(talk_id)
    send_etag(blp, talk)
    return talk


def _talk_form(need: Need, talk: Talk | None, **form_args) -> TalkForm:
    form = TalkForm(**form_args)
    set_choices(form, need, talk)
    return form


def _form_values(talk: Talk) -> dict:
    """The talk as the form's values, times in the zone they were entered in."""
    form = TalkForm(formdata=None, meta={"csrf": False})
    fill(form, talk)
    values = {}
    for field in form:
        if field.name not in NOT_INPUT | {"schedule_anyway"}:
            if isinstance(field, SelectMultipleField):
                values[field.name] = list(field.data or [])
            elif isinstance(field, SelectField):
                values[field.name] = field.data
            else:
                values[field.name] = field._value()  # as the page's input shows it
    return values


def _schedule(need: Need, match: Match | None, talk: Talk | None, values: dict) -> Talk:
    """Validate with the talk form, refuse overlaps unless schedule_anyway, save (flushes)."""
    form = validated(partial(_talk_form, need, talk), values)
    data = form_data(form)
    found = services.conflicts(data, exclude_id=talk.id if talk else None)
    if found and not form.schedule_anyway.data:
        overlaps = [
            {"talk_id": c.talk.id, "title": c.talk.title, "starts_at": c.talk.starts_at.isoformat(),
             "staff_id": c.staff.id if c.staff else None, "room": c.staff is None}
            for c in found
        ]  # fmt: skip
        refuse({"schedule_anyway": [str(OVERLAPS)]}, 409, conflicts=overlaps)
    try:
        if talk is None:
            return services.create_talk(need, data, current_user, match)
        return services.update_talk(talk, data)
    except services.TalkError as error:
        refuse({error.field: [str(error)]})


def _target(values: dict) -> tuple[Need, Match | None]:
    """The need, or the match and its need, the body names (popped): 422 unless one."""
    given = [key for key in ("need_id", "match_id") if values.get(key) is not None]
    if len(given) != 1 or not isinstance(values[given[0]], int):
        refuse({key: [str(ONE_TARGET)] for key in given or ("need_id", "match_id")})
    if values.get("match_id") is not None:
        match = get_visible_or_404(Match, values.pop("match_id"))
        return match.need, match
    return get_visible_or_404(Need, values.pop("need_id")), None


@blp.route("", endpoint="create", methods=["POST"])
@blp.etag
@blp.doc(requestBody={"content": {"application/json": {"schema": schemas.TalkCreate}}})
@blp.response(201, schemas.TalkSchema)
@require("record.edit")
def create_talk():
    """Schedule a talk on a need or a match; the title, the match's partner and the caller as
    staff are filled in as the page fills them, unless sent."""
    values = json_object()
    need, match = _target(values)
    title = need.title if match is None else f"{need.title}: {match.organisation.name}"
    defaults = {"title": title, "staff_ids": [current_user.id],
                "organisation_ids": [match.organisation_id] if match else []}  # fmt: skip
    talk = _schedule(need, match, None, defaults | values)
    db.session.commit()
    created = _load(talk.id)
    send_etag(blp, created)
    return created, 201, {"Location": url_for(".get", talk_id=created.id, _external=True)}


@blp.route("/<int:talk_id>", endpoint="update", methods=["PATCH"])
@blp.etag
@blp.doc(requestBody=BODY)
@blp.response(200, schemas.TalkSchema)
@require("record.edit")
def update_talk(talk_id: int):
    """Change a talk's fields (those sent); overlaps are warned about again; If-Match."""
    talk = _load(talk_id)
    values = _form_values(talk) | json_object()
    with saving(blp, talk, SCHEMA, partial(_load, talk_id)):
        _schedule(talk.need, talk.match, talk, values)
    updated = _load(talk_id)
    send_etag(blp, updated)
    return updated
