"""Placeholder replaced by the feature's real views."""

from flask import Blueprint

bp = Blueprint("vocabularies", __name__, url_prefix="/vocabularies")


@bp.route("/")
def index():
    return "todo"
