"""The vocabularies, read only: topics, key industries, need categories, lost reasons, origin
regions (managers keep them on the Vocabularies pages).

URL map (under /api/v1):
    GET /vocabularies/<kind>            api_vocabularies.list   read
"""

from flask import abort
from flask_smorest import Blueprint
from sqlalchemy import select

from tracker.api import schemas
from tracker.extensions import db
from tracker.security import require
from tracker.vocabularies.services import VOCABULARIES, vocabulary_model

blp = Blueprint(
    "api_vocabularies", __name__, url_prefix="/api/v1/vocabularies",
    description="The terms records are classified by: " + ", ".join(VOCABULARIES) + ".",
)  # fmt: skip


KINDS = ", ".join(f'"{kind}"' for kind in VOCABULARIES)


@blp.route(f"/<any({KINDS}):kind>", endpoint="list")
@blp.response(200, schemas.VocabularyTermSchema(many=True))
@require("record.view")
def list_terms(kind: str):
    """Every term of a vocabulary, retired ones included (active: false), in its order."""
    model = vocabulary_model(kind) or abort(404)
    return db.session.scalars(select(model).order_by(model.position, model.name, model.id))
