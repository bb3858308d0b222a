"""The API's interactive docs (Swagger UI), served from its npm package, never from a CDN.

URL map:
    GET /api/v1/docs                      api_docs.docs        logged in, or a token
    GET /vendor/swagger-ui/<path>         swagger_ui.static    public
"""

from flask import Blueprint, render_template, url_for

from tracker.vendor import npm_assets

assets = npm_assets("swagger_ui", "swagger-ui", "swagger-ui-dist", "/vendor/swagger-ui")
bp = Blueprint("api_docs", __name__, url_prefix="/api/v1")


@bp.route("/docs")
def docs():
    """Swagger UI on the API's OpenAPI document (its script is a file: no inline script)."""
    return render_template("api/docs.html", spec_url=url_for("api-docs.openapi_json"))
