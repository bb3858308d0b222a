"""The dashboard and the search box in the top bar."""

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from tracker import datacache
from tracker.i18n import local_today
from tracker.main import services
from tracker.main.my_day import my_day

bp = Blueprint("main", __name__)


@bp.route("/")
def dashboard():
    """My day, upcoming and recent visits, headline counts, and what I recorded lately."""
    today = local_today()
    return render_template(
        "main/dashboard.html",
        my_day=my_day(current_user, today),
        counts=datacache.cached("dashboard", (), services.dashboard_counts),
        upcoming=services.upcoming_delegations(today),
        recent=services.recent_delegations(today),
        mine=services.my_recent_records(current_user),
    )


@bp.route("/search")
def search():
    """Delegations, organisations, people, needs, talks and offers matching the query, accent-
    and case-insensitive."""
    query = request.args.get("q", "")[:200]
    return render_template("main/search.html", results=services.search(query))


@bp.route("/healthz")
def health():
    """For load balancers and the benchmark's hello-world baseline: no login, no database."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@bp.route("/favicon.ico")
def favicon():
    """The site's icon, where browsers look for it by default: no login, cached like static."""
    return current_app.send_static_file("img/favicon.ico")
