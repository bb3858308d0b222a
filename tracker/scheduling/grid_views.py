"""The grid's pages (registered on the blueprint in views.py): solve, the grid, move or swap
a talk (the drag and the form post the same), lock and unlock, publish."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.scheduling import grid as grid_data
from tracker.scheduling import services
from tracker.scheduling.entry import me, request_or_404, session_or_404
from tracker.scheduling.forms import MoveForm
from tracker.scheduling.layout import solve_session
from tracker.security import require

DEFAULT_TIME_LIMIT = 10.0  # seconds; SCHEDULE_TIME_LIMIT in the config overrides it


def _posted() -> None:
    """400 unless the POST carries its CSRF token."""
    if not EmptyForm().validate_on_submit():
        abort(400)


def _to_grid(session, anchor: str | None = None):
    return redirect(url_for("scheduling.grid", session_id=session.id, _anchor=anchor))


@require("schedule.manage")
def solve(session_id: int):
    """Lay the requests out; locked and held talks stay where they are."""
    session = session_or_404(session_id)
    _posted()
    limit = current_app.config.get("SCHEDULE_TIME_LIMIT", DEFAULT_TIME_LIMIT)
    result = solve_session(session, me(), time_limit=limit)
    db.session.commit()
    flash(ngettext("Solved: %(num)d talk placed, %(left)d left out.",
                   "Solved: %(num)d talks placed, %(left)d left out.", len(result.placements),
                   left=len(result.unplaced)), "success")  # fmt: skip
    return _to_grid(session, "solve")


@require("schedule.view")
def grid(session_id: int):
    """Per day, the tables by slots, each talk in its cell; the requests left out below."""
    session = session_or_404(session_id)
    return render_template(
        "scheduling/grid.html", session=session, days=grid_data.grid(session),
        unplaced=grid_data.unplaced(session), summary=grid_data.solve_summary(session),
        slots=grid_data.slot_choices(session), tables=grid_data.table_choices(session),
        slot_of=grid_data.slot_indexes(session), button=EmptyForm(formdata=None),
    )  # fmt: skip


@require("schedule.manage")
def move(session_id: int, request_id: int):
    """Move a talk to a slot and table; a talk there swaps into its old place."""
    session = session_or_404(session_id)
    talk = request_or_404(session, request_id)
    form = MoveForm()
    form.slot.choices = grid_data.slot_choices(session)
    form.table.choices = grid_data.table_choices(session)
    if not form.validate_on_submit():
        abort(400)
    try:
        services.move_request(talk, form.slot.data, form.table.data, me())
    except services.MoveError:
        flash(_("A locked talk is there: unlock it first, or choose another place."), "warning")
        return _to_grid(session, f"talk-{talk.id}")
    db.session.commit()
    flash(_("“%(title)s” moved.", title=talk.title), "success")
    return _to_grid(session, f"talk-{talk.id}")


@require("schedule.manage")
def lock(session_id: int, request_id: int, action: str):
    """Lock a talk where it is (a re-solve keeps it), or unlock it."""
    session = session_or_404(session_id)
    talk = request_or_404(session, request_id)
    _posted()
    services.set_locked(talk, action == "lock")
    db.session.commit()
    if action == "lock":
        flash(_("“%(title)s” locked.", title=talk.title), "success")
    else:
        flash(_("“%(title)s” unlocked.", title=talk.title), "success")
    return _to_grid(session, f"talk-{talk.id}")


@require("schedule.manage")
def publish(session_id: int):
    """Publish the draft after confirmation: the people's itineraries and calendars."""
    session = session_or_404(session_id)
    form = EmptyForm()
    if form.validate_on_submit():
        services.publish(session)
        db.session.commit()
        flash(_("Session published."), "success")
        return _to_grid(session)
    placed = sum(1 for r in session.requests if r.deleted_at is None and r.is_placed)
    return render_template("scheduling/publish.html", session=session, form=form, placed=placed)
