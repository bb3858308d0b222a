"""The API's interactive docs (Swagger UI), served from its npm package, never from a CDN.

URL map:
    GET /api/v1/docs                      api_docs.docs        logged in, or a token
    GET /vendor/swagger-ui/<path>         swagger_ui.static    public
"""

from pathlib import Path

from flask import Blueprint, render_template, url_for

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _swagger_ui_dist() -> str:
    """The wheel's copy of swagger-ui-dist when present, else the checkout's node_modules."""
    packaged = PACKAGE_DIR / "vendor" / "swagger-ui"
    return str(
        packaged if packaged.is_dir() else PACKAGE_DIR.parent / "node_modules/swagger-ui-dist"
    )


assets = Blueprint(
    "swagger_ui", __name__, static_folder=_swagger_ui_dist(), static_url_path="/vendor/swagger-ui"
)
bp = Blueprint("api_docs", __name__, url_prefix="/api/v1")


@bp.route("/docs")
def docs():
    """Swagger UI on the API's OpenAPI document (its script is a file: no inline script)."""
    return render_template("api/docs.html", spec_url=url_for("api-docs.openapi_json"))
