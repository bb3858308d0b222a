"""The pickers' JSON lookups, and Tom Select's files served from its npm package.

URL map:
    GET /lookup/<organisations|people|delegations>?q=..[&local=1]   lookup.find   logged in
    GET /vendor/tom-select/<path>                                   tom_select.static   public
"""

from pathlib import Path

from flask import Blueprint, jsonify, request

from tracker.lookup import services
from tracker.security import require

bp = Blueprint("lookup", __name__, url_prefix="/lookup")

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _tom_select_dist() -> str:
    """The wheel's copy of Tom Select's dist/ when present, else the checkout's node_modules."""
    packaged = PACKAGE_DIR / "vendor" / "tom-select"
    return str(
        packaged if packaged.is_dir() else PACKAGE_DIR.parent / "node_modules/tom-select/dist"
    )


# Scripts and styles come from the package (npm ci), never from a CDN or a copy in the repo.
assets = Blueprint(
    "tom_select", __name__, static_folder=_tom_select_dist(), static_url_path="/vendor/tom-select"
)


@bp.route("/<any(organisations, people, delegations):kind>")
@require("record.view")
def find(kind: str):
    """Up to services.LIMIT matches as [{value, text}]; local=1: local organisations (people)."""
    query = request.args.get("q", "")[:200]
    options = services.find(kind, query, local=request.args.get("local") == "1")
    return jsonify([o._asdict() for o in options])
