"""Placeholder replaced by the feature's real views."""

from flask import Blueprint

bp = Blueprint("delegations", __name__, url_prefix="/delegations")


@bp.route("/")
def list():
    return "todo"


@bp.route("/new")
def create():
    return "todo"


@bp.route("/<int:delegation_id>")
def detail(delegation_id):
    return "todo"
