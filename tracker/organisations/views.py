"""Placeholder replaced by the feature's real views."""

from flask import Blueprint

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


@bp.route("/")
def list():
    return "todo"


@bp.route("/new")
def create():
    return "todo"


@bp.route("/<int:organisation_id>")
def detail(organisation_id):
    return "todo"
