"""Error pages; any failed request rolls back so no half-written transaction survives it."""

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from tracker.extensions import db
from tracker.numbers import refuse_ids_out_of_range
from tracker.problems import field_errors, is_api_request, problem
from tracker.security import log_security_event

MESSAGES = {
    400: _l("The request could not be understood."),
    403: _l("You do not have permission to do that."),
    404: _l("That page does not exist, or you may not see it."),
    405: _l("That action is not allowed here."),
    409: _l("Someone else changed this record in the meantime."),
    413: _l("The upload is too large."),
    429: _l("Too many failed attempts. Please wait a few minutes and try again."),
    500: _l("Something went wrong on our side. Nothing was saved; please try again."),
}
# The JSON API's wording where a page's would mislead (no form, no failed login there).
API_MESSAGES = {
    **MESSAGES,
    400: _l("The request could not be understood: send JSON with the fields documented."),
    401: _l("A valid API token is required: send it as “Authorization: Bearer <token>”."),
    404: _l("That record does not exist, or you may not see it."),
    413: _l("The request is too large."),
    415: _l("Send the request body as JSON (Content-Type: application/json)."),
    422: _l("Some fields were refused; see errors."),
    428: _l("Send the record's ETag in If-Match to change it."),
    429: _l("Too many requests. Please wait a moment and try again."),
}


def api_problem(error: HTTPException):
    """An HTTP error of the JSON API as problem details; webargs' field messages (a 422 of the
    query string) become errors."""
    code = error.code or 500
    data = getattr(error, "data", None) or {}
    headers = dict(data.get("headers") or {})
    if code == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="tracker"')
    if code == 405 and getattr(error, "valid_methods", None):
        headers.setdefault("Allow", ", ".join(error.valid_methods))
    messages = data.get("errors") or data.get("messages")
    detail = data.get("message") or API_MESSAGES.get(code, error.description)
    return problem(
        code, detail, errors=field_errors(messages) if messages else None, headers=headers
    )


def register(app: Flask) -> None:
    """Attach the handlers; a URL naming an id no table can hold is a 404 like any unknown id."""
    app.url_value_preprocessor(refuse_ids_out_of_range)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        db.session.rollback()
        log_security_event("csrf check failed", reason=error.description, path=request.path)
        message = _l("Your form expired or was sent from elsewhere. Please reload and try again.")
        return render_template("errors/error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        db.session.rollback()
        if is_api_request():
            return api_problem(error)
        code = error.code or 500
        message = MESSAGES.get(code, error.description)
        return render_template("errors/error.html", code=code, message=message), code

    @app.errorhandler(StaleDataError)
    def lost_race(_error: StaleDataError):
        # Edit forms answer their own conflicts; this catches any other write that lost a race
        # (two tabs logging out at once), so the loser sees a 409, not a 500.
        db.session.rollback()
        if is_api_request():
            return problem(409, MESSAGES[409])
        return render_template("errors/error.html", code=409, message=MESSAGES[409]), 409

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        if is_api_request():
            return problem(500, MESSAGES[500])
        return render_template("errors/error.html", code=500, message=MESSAGES[500]), 500
