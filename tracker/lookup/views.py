"""The pickers' JSON lookups, and Tom Select's files served from its npm package.

URL map:
    GET /lookup/<organisations|people|delegations>?q=..[&local=1]   lookup.find   logged in
    GET /vendor/tom-select/<path>                                   tom_select.static   public
"""

from flask import Blueprint, jsonify, request

from tracker.lookup import services
from tracker.security import require
from tracker.vendor import npm_assets

bp = Blueprint("lookup", __name__, url_prefix="/lookup")
assets = npm_assets("tom_select", "tom-select", "tom-select/dist", "/vendor/tom-select")


@bp.route("/<any(organisations, people, delegations):kind>")
@require("record.view")
def find(kind: str):
    """Up to services.LIMIT matches as [{value, text}]; local=1: local organisations (people)."""
    query = request.args.get("q", "")[:200]
    options = services.find(kind, query, local=request.args.get("local") == "1")
    return jsonify([o._asdict() for o in options])
