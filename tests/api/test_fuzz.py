"""Every operation of the OpenAPI document, fuzzed from the document itself (Schemathesis).

Each operation gets API_FUZZ_EXAMPLES generated requests (a small default keeps CI fast; raise it
for a long run: docs/api.md quotes one of 5,000+ requests), sent with a manager's read-write
token to an app holding a few records of every kind, so that generated ids often find one.
Every response must be no server error, have a status code, content type and body the document
declares for it.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests import factories
from tests.conftest import _test_config
from tests.security.world import build_world
from tracker import create_app
from tracker.extensions import db

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "8"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def app_config():
    return {"API_RATE_LIMIT": "1000000 per minute"}


@pytest.fixture
def bearer(app):
    """A manager's read-write token on a world with records of every kind (tests.security)."""
    world = build_world()
    secret = factories.api_token(world.users["manager"], "write", "fuzz")
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def _document() -> dict:
    """The OpenAPI document as the app builds it (no database needed), read once to make one
    test per operation at collection time."""
    app = create_app(_test_config("sqlite://"))
    with app.app_context():
        return app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()


schema = schemathesis.openapi.from_dict(_document())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run: CI never flakes on a new example
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_every_operation_answers_as_documented(case, app, bearer):
    response = case.call(app=app, base_url=f"http://{app.config['SERVER_NAME']}", headers=bearer)
    case.validate_response(response, checks=CHECKS)
