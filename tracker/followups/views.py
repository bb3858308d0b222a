"""Follow-ups: my follow-ups, the team summary, the full list and one follow-up's page."""

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from sqlalchemy import Select

from tracker.exports import send_table, stream_rows
from tracker.extensions import db
from tracker.followups import edit_views, exports, services
from tracker.followups.chips import followup_chips
from tracker.followups.filters import list_filters
from tracker.followups.forms import CompleteForm
from tracker.i18n import local_today
from tracker.models import FollowUpStatus
from tracker.pagination import paginate
from tracker.security import require

bp = Blueprint("followups", __name__, url_prefix="/followups")

# Writes live in edit_views.py; the whole URL map stays on this screen.
_RULES = (
    ("/new", edit_views.create, ("GET", "POST")),
    ("/<int:followup_id>/edit", edit_views.edit, ("GET", "POST")),
    ("/<int:followup_id>/complete", edit_views.complete, ("POST",)),
    ("/<int:followup_id>/cancel", edit_views.cancel, ("POST",)),
    ("/<int:followup_id>/delete", edit_views.delete, ("GET", "POST")),
)
for _rule, _view, _methods in _RULES:
    bp.add_url_rule(_rule, view_func=_view, methods=_methods)

FILTER_KEYS = (
    "assignee_id", "status", "overdue", "need_id", "due_from", "due_to", "completed_from",
    "completed_to",
)  # fmt: skip


@bp.route("/mine")
def mine():
    """My open follow-ups: overdue, today, this week, later; opening the page marks them seen."""
    groups = services.my_followups(current_user, local_today())
    # Render first so the "new" badges show once, then remember they were seen (a write only
    # when something was new).
    html = render_template("followups/mine.html", groups=groups)
    if any(group.unseen for group in groups.values()):
        services.mark_seen(current_user)
        db.session.commit()
    return html


@bp.route("/team")
def team():
    """Open, overdue and recently done follow-ups per colleague."""
    return render_template("followups/team.html", rows=services.team_summary(local_today()))


def _list_query() -> tuple[dict, str, Select]:
    """The list's filters, sort and statement from the query string (the export reuses it)."""
    filters = list_filters(request.args, local_today())
    sort = request.args.get("sort", "due")
    return filters, sort, services.list_followups(**filters, sort=sort, today=local_today())


@bp.route("/", endpoint="list")
def list_followups():
    """All follow-ups with filters, sorting and pages."""
    filters, sort, stmt = _list_query()
    page = paginate(stmt)
    return render_template(
        "followups/list.html",
        page=page,
        sort=sort,
        filters=filters,
        filtered=any(value is not None and value is not False for value in filters.values()),
        users=services.all_user_choices(),
        statuses=FollowUpStatus,
        today=local_today(),
        chips=followup_chips(request.args, local_today()),
    )


@bp.route("/export.<any(csv,xlsx):fmt>")
@require("record.view")
def export(fmt: str):
    """The list as CSV or XLSX, with the page's filters and sort."""
    return send_table(fmt, "followups", exports.COLUMNS, stream_rows(_list_query()[2]))


@bp.route("/<int:followup_id>")
def detail(followup_id: int):
    """One follow-up: its fields, outcome and reassignment history."""
    followup = services.followup_detail(followup_id)
    if followup is None:
        abort(404)
    form = CompleteForm(formdata=None, version=followup.version)
    return render_template(
        "followups/detail.html", followup=followup, complete_form=form, today=local_today()
    )
