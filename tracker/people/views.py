"""Placeholder replaced by the feature's real views."""

from flask import Blueprint

bp = Blueprint("people", __name__, url_prefix="/people")


@bp.route("/")
def list():
    return "todo"


@bp.route("/new")
def create():
    return "todo"


@bp.route("/<int:person_id>")
def detail(person_id):
    return "todo"
