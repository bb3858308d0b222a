"""The matchmaking day's pages: a session's set-up (days, tables, interpreters, blocks,
requests), the solve, the grid with moves and locks, publishing.

URL map (all under /matchmaking-days):
    GET/POST /new?delegation_id=                       scheduling.create        schedule.manage
    GET      /<id>                                     scheduling.detail        schedule.view
    GET/POST /<id>/edit                                scheduling.edit          schedule.manage
    GET/POST /<id>/delete                              scheduling.delete        record.delete
    POST     /<id>/<tables|interpreters|blocks|requests>   scheduling.add       schedule.manage
    POST     /<id>/<tables|interpreters|blocks>/<item_id>/remove  scheduling.remove  ...manage
    POST     /<id>/requests/from-matches               scheduling.from_matches  schedule.manage
    POST     /<id>/requests/<request_id>/priority      scheduling.set_priority  schedule.manage
    GET/POST /<id>/requests/<request_id>/delete        scheduling.delete_request schedule.manage
    POST     /<id>/solve                               scheduling.solve         schedule.manage
    GET      /<id>/grid                                scheduling.grid          schedule.view
    POST     /<id>/requests/<request_id>/move          scheduling.move          schedule.manage
    POST     /<id>/requests/<request_id>/<lock|unlock> scheduling.lock          schedule.manage
    GET/POST /<id>/publish                             scheduling.publish       schedule.manage
"""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from tracker.deletion import DeletePage, confirm_delete
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import Delegation, RequestPriority
from tracker.models.scheduling import MatchmakingSession
from tracker.numbers import parse_id
from tracker.scheduling import entry, grid_views, services
from tracker.scheduling.entry import KINDS, REMOVABLE, me, request_or_404, session_or_404
from tracker.scheduling.forms import PriorityForm, SessionForm, fill_rows
from tracker.security import authorize, get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.versioning import saving

bp = Blueprint("scheduling", __name__, url_prefix="/matchmaking-days")
FORM_PAGE = "scheduling/form.html"


def _form_page(form: SessionForm, delegation: Delegation, session, status: int = 200):
    fill_rows(form)
    page = render_template(FORM_PAGE, form=form, delegation=delegation, session=session)
    return page, status


@bp.route("/new", methods=["GET", "POST"])
@require("schedule.manage")
def create():
    """A new session for the delegation named in the query string."""
    delegation_id = parse_id(request.args.get("delegation_id")) or abort(404)
    delegation = get_visible_or_404(Delegation, delegation_id)
    form = SessionForm()
    if form.validate_on_submit():
        with saving(None, form, FORM_PAGE, delegation=delegation, session=None):
            new = MatchmakingSession(delegation=delegation, created_by=me())
            services.save_session(new, entry.session_data(form))
        flash(_("Session created. Add its tables, then the requests."), "success")
        return redirect(url_for(".detail", session_id=new.id))
    return _form_page(form, delegation, None)


@bp.route("/<int:session_id>/edit", methods=["GET", "POST"])
@require("schedule.manage")
def edit(session_id: int):
    """Change the title, days, slot length, breaks or zone (versions checked)."""
    session = session_or_404(session_id)
    form = SessionForm(obj=session) if request.method == "GET" else SessionForm()
    if form.validate_on_submit():
        with saving(session, form, FORM_PAGE, partial(_current_session, session_id)):
            services.save_session(session, entry.session_data(form))
        flash(_("Session saved."), "success")
        return redirect(url_for(".detail", session_id=session.id))
    return _form_page(form, session.delegation, session)


def _current_session(session_id: int) -> tuple[SessionForm, dict]:
    """The session as it is now, for the edit form's conflict page."""
    current = session_or_404(session_id)
    saved = SessionForm(formdata=None, obj=current)
    return saved, {"delegation": current.delegation, "session": current}


@bp.route("/<int:session_id>")
@require("schedule.view")
def detail(session_id: int):
    """The session's set-up: tables, interpreters, blocks and requests, each with its form."""
    session = session_or_404(session_id)
    return entry.setup_page(session)


@bp.route("/<int:session_id>/<any(tables,interpreters,blocks,requests):kind>", methods=["POST"])
@require("schedule.manage")
def add(session_id: int, kind: str):
    """Add a table, interpreter, block or request; a bad entry re-renders the page with it."""
    session = session_or_404(session_id)
    form = entry.bound_form(session, kind)
    if not form.validate_on_submit():
        return entry.setup_page(session, kind, form)
    KINDS[kind].add(session, form, me())
    db.session.commit()
    flash(KINDS[kind].added, "success")
    return redirect(url_for(".detail", session_id=session.id, _anchor=kind))


@bp.route(
    "/<int:session_id>/<any(tables,interpreters,blocks):kind>/<int:item_id>/remove",
    methods=["POST"],
)
@require("schedule.manage")
def remove(session_id: int, kind: str, item_id: int):
    """Remove a table, interpreter or block; talks placed there lose their place."""
    session = session_or_404(session_id)
    item = next((i for i in REMOVABLE[kind](session) if i.id == item_id), None) or abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    services.remove(item)
    db.session.commit()
    flash(_("Removed."), "success")
    return redirect(url_for(".detail", session_id=session.id, _anchor=kind))


@bp.route("/<int:session_id>/requests/from-matches", methods=["POST"])
@require("schedule.manage")
def from_matches(session_id: int):
    """A request for every accepted match of the delegation not requested yet."""
    session = session_or_404(session_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    added = services.requests_from_matches(session, me())
    db.session.commit()
    flash(ngettext("%(num)d request added from the accepted matches.",
                   "%(num)d requests added from the accepted matches.", added),
          "success")  # fmt: skip
    return redirect(url_for(".detail", session_id=session.id, _anchor="requests"))


@bp.route("/<int:session_id>/requests/<int:request_id>/priority", methods=["POST"])
@require("schedule.manage")
def set_priority(session_id: int, request_id: int):
    """Change a request's priority (must, should, could)."""
    session = session_or_404(session_id)
    talk = request_or_404(session, request_id)
    form = PriorityForm()
    if not form.validate_on_submit():
        abort(400)
    services.set_priority(talk, RequestPriority(form.priority.data))
    db.session.commit()
    flash(_("Priority of “%(title)s” changed.", title=talk.title), "success")
    return redirect(url_for(".detail", session_id=session.id, _anchor=f"request-{talk.id}"))


@bp.route("/<int:session_id>/requests/<int:request_id>/delete", methods=["GET", "POST"])
@require("schedule.manage")
def delete_request(session_id: int, request_id: int):
    """Delete a request after confirmation."""
    session = session_or_404(session_id)
    talk = request_or_404(session, request_id)
    back = url_for(".detail", session_id=session.id, _anchor="requests")
    page = DeletePage(
        title=_("Delete this request?"),
        message=_("“%(title)s” will not be scheduled.", title=talk.title) + " " + restorable_note(),
        confirm_label=_("Delete request"), cancel_url=back, done=_("Request deleted."),
        done_url=back,
    )  # fmt: skip
    return confirm_delete(page, partial(services.delete_request, talk, current_user.id))


@bp.route("/<int:session_id>/delete", methods=["GET", "POST"])
@require("schedule.manage")
def delete(session_id: int):
    """Delete a session (and the talks it placed) after confirmation."""
    session = session_or_404(session_id)
    authorize("record.delete", session)
    back = url_for("delegations.detail", delegation_id=session.delegation_id)
    page = DeletePage(
        title=_("Delete this session?"),
        message=_("“%(title)s” and the talks it placed will be removed from everyone's "
                  "calendar.", title=session.title) + " " + restorable_note(),
        confirm_label=_("Delete session"), cancel_url=url_for(".detail", session_id=session.id),
        done=_("Session deleted."), done_url=back,
    )  # fmt: skip
    return confirm_delete(page, partial(services.delete_session, session, current_user.id))


bp.add_url_rule("/<int:session_id>/solve", "solve", grid_views.solve, methods=["POST"])
bp.add_url_rule("/<int:session_id>/grid", "grid", grid_views.grid)
bp.add_url_rule(
    "/<int:session_id>/requests/<int:request_id>/move", "move", grid_views.move, methods=["POST"]
)
bp.add_url_rule(
    "/<int:session_id>/requests/<int:request_id>/<any(lock,unlock):action>", "lock",
    grid_views.lock, methods=["POST"],
)  # fmt: skip
bp.add_url_rule("/<int:session_id>/publish", "publish", grid_views.publish, methods=["GET", "POST"])
