"""What every API operation shares: the JSON body validated by the pages' own forms, field
errors and stale versions as problem details, and ETags made from the records' versions."""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from flask import abort, request
from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint
from flask_smorest.exceptions import PreconditionFailed
from marshmallow import Schema
from werkzeug.datastructures import MultiDict
from wtforms import Form

from tracker.extensions import db
from tracker.problems import field_errors, problem
from tracker.versioning import STALE_ERRORS, count_edit

# Form fields that are not the record's: the API sends the version in If-Match, never a CSRF
# token, and confirms nothing by ticking boxes it did not show.
NOT_INPUT = frozenset({"version", "csrf_token", "submit"})
UNKNOWN_FIELD = _l("Unknown field.")
NESTED_VALUE = _l("Send a text, a number, true or false, or a list of them.")
STALE = _l("The record changed since you read it: here it is as it is now. Nothing was saved.")
INVALID = _l("Some fields were refused; see errors.")


def json_object() -> dict:
    """The request's JSON object: 415 for another media type, 400 for broken JSON or a body
    that is not an object."""
    if not request.is_json:
        abort(415)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400)
    return data


def form_data(values: Mapping) -> MultiDict:
    """JSON values as the strings a browser would post: null is empty, false is unticked, and
    a list gives one value per item. A nested object is refused (422)."""
    pairs, refused = [], {}
    for name, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict | list):
                refused[name] = [str(NESTED_VALUE)]
            elif item is True:
                pairs.append((name, "y"))
            elif item is not None and item is not False:
                pairs.append((name, str(item)))
        if value is None or value is False:
            pairs.append((name, ""))
    if refused:
        abort(problem(422, INVALID, kind="invalid-fields", errors=refused))
    return MultiDict(pairs)


def validated(build: Callable[..., Form], values: Mapping) -> Form:
    """The form build(formdata=..., meta=...) filled from values and validated, exactly as the
    page's form is: its messages come back as errors of a 422 problem. Fields the form does not
    have are refused, so a typo is not silently ignored."""
    form = build(formdata=form_data(values), meta={"csrf": False})
    known = {field.name for field in form} - NOT_INPUT
    unknown = {name: [str(UNKNOWN_FIELD)] for name in values if name not in known}
    valid = form.validate()  # always: every refused field is named at once
    if unknown or not valid:
        errors = {**field_errors(form.errors), **unknown}
        abort(problem(422, INVALID, kind="invalid-fields", errors=errors))
    return form


def refuse(errors: Mapping[str, list], status: int = 422, **members) -> None:
    """End the request with a problem naming the refused fields (a service's own refusal)."""
    abort(problem(status, INVALID, kind="invalid-fields", errors=field_errors(errors), **members))


def version_tag(record) -> dict:
    """What a record's ETag is made of: its table, id and version (tracker.versioning)."""
    return {"kind": record.__tablename__, "id": record.id, "version": record.version}


def send_etag(blp: Blueprint, record) -> None:
    """Give the response the record's ETag (a GET with it in If-None-Match answers 304)."""
    blp.set_etag(version_tag(record))


@contextmanager
def saving(blp: Blueprint, record, schema: Schema, reload: Callable[[], object]) -> Iterator[None]:
    """The API's edit path: If-Match must name the record's current version (else 412 with the
    record as it is now, nothing written); then the block (the service) and the commit. A write
    that loses a race at its UPDATE answers the same 412."""
    try:
        blp.check_etag(version_tag(record))
    except PreconditionFailed:
        abort(_stale(schema, record))
    loaded = record.version
    try:
        yield
        count_edit(record, loaded)
        db.session.commit()
    except STALE_ERRORS:
        db.session.rollback()
        abort(_stale(schema, reload()))


def _stale(schema: Schema, record):
    response = problem(412, STALE, kind="stale-version", current=schema.dump(record))
    response.set_etag(blp_etag(record))
    return response


def blp_etag(record) -> str:
    """The ETag value of a record, as flask-smorest computes it from version_tag."""
    return Blueprint._generate_etag(version_tag(record))
