"""The JSON API's wiring: flask-smorest on the app, the resources' blueprints, a rate limit per
token, CORS only for the configured origins, and no CSRF (no cookie is read: tracker.security).
"""

from flask import Flask, current_app, request
from flask_limiter.util import get_remote_address
from flask_smorest import Api

from tracker.api import (
    delegations,
    docs,
    followups,
    matchmaking,
    needs,
    offers,
    organisations,
    people,
    reports,
    schemas,
    talks,
    vocabularies,
)
from tracker.extensions import csrf, limiter
from tracker.problems import MEDIA_TYPE, is_api_request
from tracker.security import current_token

RESOURCES = (delegations.blp, organisations.blp, people.blp, vocabularies.blp)
# The pipeline's resources (needs, follow-ups, matchmaking, talks, the report).
RESOURCES += (needs.blp, needs.moves, followups.blp, followups.actions)
RESOURCES += (matchmaking.blp, matchmaking.actions, offers.blp, talks.blp, reports.blp)
SPEC_OPTIONS = {
    "info": {
        "description": "The tracker's delegations, organisations, people, needs and their stage "
        "moves, follow-ups, local offers, match suggestions and matches, talks, vocabularies and "
        "the pipeline report. Send a personal access token (made on your profile page) as a "
        "bearer token."
    },
    "security": [{"bearer": []}],
}
CORS_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, PATCH, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, If-Match, If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Link, Location, Retry-After",
    "Access-Control-Max-Age": "600",
}


class TrackerApi(Api):
    """flask-smorest's Api without its app-wide JSON error handler: tracker.errors answers
    every error under /api/ with problem details and keeps the pages' error pages."""

    ERROR_SCHEMA = schemas.ProblemSchema

    def _register_error_handlers(self):
        return None

    def _register_responses(self):
        """The document's error responses: problem details, as application/problem+json."""
        self.DEFAULT_RESPONSE_CONTENT_TYPE = MEDIA_TYPE
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE


def _rate_limit() -> str:
    return current_app.config["API_RATE_LIMIT"]


def _rate_key() -> str:
    """Requests are counted per token (an unauthenticated one never gets this far)."""
    token = current_token()
    return f"api-token:{token.id}" if token is not None else get_remote_address()


for _blueprint in RESOURCES:
    csrf.exempt(_blueprint)
    limiter.limit(_rate_limit, key_func=_rate_key)(_blueprint)


def init_app(app: Flask) -> None:
    """Register the API: its document at /api/v1/openapi.json, its docs page, its resources."""
    api = TrackerApi(app, spec_kwargs=SPEC_OPTIONS)
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    for blueprint in RESOURCES:
        api.register_blueprint(blueprint)
    app.register_blueprint(docs.bp)
    app.register_blueprint(docs.assets)
    app.after_request(_cors)


def _cors(response):
    """CORS headers for an allowed origin's request to the API; none for anyone else."""
    origin = request.headers.get("Origin")
    if not is_api_request() or origin not in current_app.config["API_CORS_ORIGINS"]:
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers.add("Vary", "Origin")
    if request.method == "OPTIONS":
        response.headers.update(CORS_HEADERS)
    return response
