"""The dashboard and the search box in the top bar."""

from flask import Blueprint, render_template, request
from flask_login import current_user

from tracker import datacache
from tracker.i18n import local_today
from tracker.main import services

bp = Blueprint("main", __name__)


@bp.route("/")
def dashboard():
    """Upcoming and recent visits, headline counts, and what I recorded lately."""
    today = local_today()
    return render_template(
        "main/dashboard.html",
        counts=datacache.cached("dashboard", (), services.dashboard_counts),
        upcoming=services.upcoming_delegations(today),
        recent=services.recent_delegations(today),
        mine=services.my_recent_records(current_user),
    )


@bp.route("/search")
def search():
    """Delegations, organisations and people matching the query, accent- and case-insensitive."""
    query = request.args.get("q", "")[:200]
    return render_template("main/search.html", results=services.search(query))


@bp.route("/healthz")
def health():
    """For load balancers and the benchmark's hello-world baseline: no login, no database."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
