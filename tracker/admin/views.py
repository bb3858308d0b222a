"""Placeholder replaced by the feature's real views."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users")
def users():
    return "todo"
