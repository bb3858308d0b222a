"""After the matchmaking day, and its printouts: the scheduling_after blueprint.

URL map (every page names a session id; the lead's session page links them):
    GET      /matchmaking-days/<id>/itineraries/<visitor|partner>   .itineraries   schedule.view
    GET      /matchmaking-days/<id>/people/<person_id>/itinerary    .itinerary     schedule.view
    GET      /matchmaking-days/<id>/people/<person_id>.ics          .person_ics    schedule.view
    GET      /matchmaking-days/<id>/table-cards                     .table_cards   schedule.view
    GET      /matchmaking-days/<id>/results?figure=                 .results       schedule.view
    GET/POST /matchmaking-days/<id>/tables/<table_id>/room-list     .room_list     schedule.record
    GET/POST /matchmaking-days/check-ins/<followup_id>              .check_in      schedule.record
All printouts take ?lang=de|en|zh.
"""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from tracker.extensions import db
from tracker.models import FollowUp
from tracker.reports.sessions import FIGURES
from tracker.scheduling import aftermath, print_views, printing
from tracker.scheduling.after_forms import CheckInForm, RoomListForm, room_list_form
from tracker.security import get_visible_or_404, require

bp = Blueprint("scheduling_after", __name__, url_prefix="/matchmaking-days")
SIDE = "<any(visitor,partner):side>"
bp.add_url_rule(f"/<int:session_id>/itineraries/{SIDE}", "itineraries", print_views.itineraries)
bp.add_url_rule(
    "/<int:session_id>/people/<int:person_id>/itinerary", "itinerary", print_views.itinerary
)
bp.add_url_rule(
    "/<int:session_id>/people/<int:person_id>.ics", "person_ics", print_views.person_ics
)
bp.add_url_rule("/<int:session_id>/table-cards", "table_cards", print_views.table_cards)


@bp.route("/<int:session_id>/results")
@require("schedule.view")
def results(session_id: int):
    """The session's figures, each linking to its talks, and the tables' room lists."""
    session = print_views.session_or_404(session_id)
    figure = request.args.get("figure")
    return render_template(
        "scheduling/after/results.html",
        session=session,
        figure=figure,
        names=FIGURES,
        figures=aftermath.figures(session_id),
        requests=aftermath.session_requests(session_id, figure),
    )


def _save_room_list(session, form: RoomListForm) -> int | None:
    """The talks changed, or None with the error on the talk's field."""
    try:
        return aftermath.record_attendance(session, form.marks(), current_user)
    except aftermath.AttendanceError as error:
        field = form.field_of(error.request_id)
        (field.errors if field is not None else form.submit.errors).append(str(error))
        return None


@bp.route("/<int:session_id>/tables/<int:table_id>/room-list", methods=["GET", "POST"])
@require("schedule.record")
def room_list(session_id: int, table_id: int):
    """A table's talks, each marked held, no-show or not marked, in one submit."""
    session = print_views.session_or_404(session_id)
    table = next((t for t in session.tables if t.id == table_id), None) or abort(404)
    talks = [line for line in printing.lines(session) if line.request.table_id == table_id]
    form = room_list_form([line.request for line in talks])
    if form.validate_on_submit() and (changed := _save_room_list(session, form)) is not None:
        db.session.commit()
        flash(ngettext("%(num)d talk marked.", "%(num)d talks marked.", changed), "success")
        return redirect(url_for(".room_list", session_id=session_id, table_id=table_id))
    return render_template(
        "scheduling/after/room_list.html", session=session, table=table, talks=talks, form=form
    )


@bp.route("/check-ins/<int:followup_id>", methods=["GET", "POST"])
@require("schedule.record")
def check_in(followup_id: int):
    """What came of a held talk: the answer closes the follow-up and goes on the timeline."""
    get_visible_or_404(FollowUp, followup_id)  # a confidential need's follow-up stays hidden
    found = aftermath.check_in_of(followup_id) or abort(404)
    form = CheckInForm()
    if form.validate_on_submit() and _answer(found, form):
        db.session.commit()
        flash(_("The answer is recorded on the need's timeline."), "success")
        return redirect(url_for("followups.detail", followup_id=followup_id))
    return render_template("scheduling/after/check_in.html", check_in=found, form=form)


def _answer(found, form: CheckInForm) -> bool:
    try:
        aftermath.answer_check_in(found, aftermath.CheckInAnswer(form.answer.data), current_user)
    except aftermath.CheckInError as error:
        form.answer.errors.append(str(error))
        return False
    return True
