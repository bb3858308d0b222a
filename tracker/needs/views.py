"""Needs: list, board, detail with timeline, create and edit, stage moves, notes."""

from functools import partial
from textwrap import shorten

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from tracker import choices, datacache
from tracker.deletion import DeletePage, confirm_delete
from tracker.exports import send_table, stream_rows
from tracker.extensions import db
from tracker.i18n import current_locale, local_today
from tracker.matchmaking.queries import need_matchmaking
from tracker.models import Need, Stage, need_flags
from tracker.needs import builders, exports, services
from tracker.needs.board import board_cards, column_figures
from tracker.needs.forms import NeedForm, NoteForm, ReopenForm, StageForm
from tracker.needs.loading import (
    filter_chips,
    get_need_or_404,
    need_detail,
    parse_filters,
    project_of,
)
from tracker.needs.moves import StageMove, apply_move, apply_reopen, delete_need
from tracker.needs.pipeline import allowed_moves, next_stage
from tracker.needs.timeline import need_timeline
from tracker.numbers import parse_id
from tracker.pagination import paginate_ids_first
from tracker.security import authorize, is_visible, require, safe_local_path
from tracker.softdelete import restorable_note
from tracker.versioning import saving

bp = Blueprint("needs", __name__, url_prefix="/needs")


@bp.route("/", endpoint="list")
def index():
    """Needs with filters, sortable and paginated."""
    filters = parse_filters(request.args, local_today())
    sort = request.args.get("sort", services.DEFAULT_SORT)
    page = paginate_ids_first(services.list_needs(filters, sort))
    return render_template(
        "needs/list.html", page=page, filters=filters, sort=sort, flags=_flags(page.items),
        options=_filter_options(filters), chips=filter_chips(filters),
    )  # fmt: skip


@bp.route("/export.<any(csv,xlsx):fmt>")
@require("record.view")
def export(fmt: str):
    """The list as CSV or XLSX, with the page's filters and sort."""
    filters = parse_filters(request.args, local_today())
    stmt = services.list_needs(filters, request.args.get("sort", services.DEFAULT_SORT))
    return send_table(fmt, "needs", exports.COLUMNS, stream_rows(stmt.options(*exports.OPTIONS)))


@bp.route("/board")
def board():
    """Needs as cards in one column per stage, each headed by its count and value in CNY."""
    filters = parse_filters(request.args, local_today())
    columns = board_cards(filters)
    figures = datacache.cached(
        "pipeline", ("board columns", filters, datacache.viewer(current_user)),
        lambda: column_figures(filters),
    )  # fmt: skip
    cards = [n for stage_cards in columns.values() for n in stage_cards]
    moves = _board_moves(columns)
    return render_template(
        "needs/board.html", columns=columns, figures=figures, filters=filters,
        flags=_flags(cards), options=_filter_options(filters), moves=moves,
        chips=filter_chips(filters),
        move_to=_("Move “%(title)s” to"),  # each card's label, with its title filled in
        closing_fields=_closing_fields(),
    )  # fmt: skip


def _board_moves(columns) -> dict:
    """Every card of a column offers the same moves: labelled once per stage, not per card."""
    return {
        stage: [(to, to.label, to == next_stage(stage)) for to in allowed_moves(stage)]
        for stage in columns
    }


@bp.route("/new", methods=["GET", "POST"])
@require("record.edit")
def create():
    """Record a need; organisation, delegation and meeting may come prefilled from the URL."""
    form = builders.need_form(data=_prefill() if request.method == "GET" else None)
    if form.validate_on_submit():
        need = services.create_need(form.data_for_service(), by=current_user)
        db.session.commit()
        flash(_("Need “%(title)s” recorded.", title=need.title), "success")
        return redirect(_after_save(need))
    return render_template("needs/form.html", form=form, need=None)


@bp.route("/<int:need_id>")
def detail(need_id: int):
    """The need, its follow-ups and its whole timeline."""
    need = need_detail(need_id)
    stage_form = builders.stage_form(need)
    return render_template(
        "needs/detail.html", need=need, flags=need_flags(need, local_today()),
        timeline=need_timeline(need), stage_form=stage_form, reopen_form=ReopenForm(),
        stage_fields=_stage_fields(need.stage, stage_form), note_form=NoteForm(),
        today=local_today(), project=project_of(need.id) if need.stage == Stage.WON else None,
        matchmaking=need_matchmaking(need, show_declined=request.args.get("declined") == "1"),
    )  # fmt: skip


@bp.route("/<int:need_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit(need_id: int):
    """Edit a need; a save from a stale form is refused with the current values (409)."""
    need = get_need_or_404(need_id)
    form = builders.need_form(need)
    if request.method == "GET":
        form.version.data = need.version
    if form.validate_on_submit():
        with saving(need, form, "needs/form.html", partial(_current, need_id)):
            services.update_need(need, form.data_for_service())
        flash(_("Need saved."), "success")
        return redirect(_after_save(need))
    return render_template("needs/form.html", form=form, need=need)


@bp.route("/<int:need_id>/stage", methods=["GET", "POST"])
@require("record.edit")
def move(need_id: int):
    """Move a need to another stage (board card select, board drag and drop, detail page); won
    or lost without its details shows this page asking for them, the choice kept."""
    need = get_need_or_404(need_id)
    form = builders.stage_form(need)
    if request.method == "GET":
        form.to_stage.data = request.args.get("to", form.to_stage.data)
    elif form.validate_on_submit():
        error = apply_move(need, StageMove.from_mapping(form.data), current_user)
        if error is None:
            db.session.commit()
            flash(_("Moved to %(stage)s.", stage=need.stage.label), "success")
            return redirect(_back_to(need))
        _show_refusal(form, error)
    back = safe_local_path(request.values.get("next"))
    return render_template("needs/stage.html", need=need, form=form, back=back)


def _show_refusal(form: StageForm, error) -> None:
    """A refused move: at its field, else as a message."""
    if error.field:
        form[error.field].errors.append(str(error))
    else:
        flash(str(error), "danger")


@bp.route("/<int:need_id>/reopen", methods=["POST"])
@require("record.edit")
def reopen(need_id: int):
    """Reopen a won or lost need, with the reason recorded."""
    need = get_need_or_404(need_id)
    form = ReopenForm()
    if form.validate_on_submit():
        error = apply_reopen(need, form.to_stage.data, form.note.data, current_user)
    else:
        error = _("Say why the need is reopened.")
    if error:
        flash(error, "danger")
    else:
        db.session.commit()
        flash(_("Reopened into %(stage)s.", stage=need.stage.label), "success")
    return redirect(url_for("needs.detail", need_id=need.id))


@bp.route("/<int:need_id>/notes", methods=["POST"])
@require("record.edit")
def add_note(need_id: int):
    """Add a note to the timeline."""
    need = get_need_or_404(need_id)
    form = NoteForm()
    if form.validate_on_submit():
        services.add_note(need, form.body.data, current_user)
        db.session.commit()
        flash(_("Note added."), "success")
    else:
        flash(_("Write something before adding a note."), "danger")
    return redirect(url_for("needs.detail", need_id=need.id, _anchor="timeline"))


@bp.route("/<int:need_id>/notes/<int:note_id>/delete", methods=["GET", "POST"])
def delete_note(need_id: int, note_id: int):
    """Confirm, then delete a note: its author, or a manager (tracker.security's record rule)."""
    need = get_need_or_404(need_id)
    note = services.get_note(need, note_id) or abort(404)
    authorize("record.delete", note)
    back = url_for("needs.detail", need_id=need.id, _anchor="timeline")
    short = shorten(note.body, width=60, placeholder="…")
    page = DeletePage(
        title=_("Delete “%(name)s”?", name=short), message=note.body, confirm_label=_("Delete"),
        cancel_url=back, done=_("Deleted “%(name)s”.", name=short), done_url=back,
    )  # fmt: skip
    return confirm_delete(page, partial(services.delete_note, note))


@bp.route("/<int:need_id>/delete", methods=["GET", "POST"])
@require("record.delete")
def delete(need_id: int):
    """Delete a need and its follow-ups, after confirmation."""
    need = get_need_or_404(need_id)
    page = DeletePage(
        title=_("Delete this need?"),
        message=_(
            "“%(title)s” will be deleted with its follow-ups, matches and talks.", title=need.title
        )
        + " "
        + restorable_note(),
        confirm_label=_("Delete need"),
        cancel_url=url_for("needs.detail", need_id=need.id),
        done=_("Need deleted."),
        done_url=url_for("needs.list"),
    )
    return confirm_delete(page, partial(delete_need, need, current_user.id))


def _flags(needs) -> dict[int, dict[str, bool]]:
    today = local_today()
    return {n.id: need_flags(n, today) for n in needs}


def _filter_options(filters) -> dict:
    # Vocabularies, active users and the latest visits: kept until one of them changes.
    chosen = filters.delegation_id
    options = datacache.cached(
        "pipeline", ("needs filter options", str(current_locale()), chosen),
        lambda: choices.filter_options(chosen),
    )  # fmt: skip
    return {"stages": list(Stage), **options}


def _prefill() -> dict:
    data = {"owner_id": current_user.id}
    for key in ("organisation_id", "delegation_id", "meeting_id"):
        if (value := parse_id(request.args.get(key))) is not None:
            data[key] = value
    return data


def _stage_fields(stage: Stage, form: StageForm) -> Markup:
    """The stage form's fields as a need's page shows them, unsent: the same for every need in
    a stage, so drawn once per stage and language until the vocabularies change (WTForms
    writes each attribute through str.format: the fields cost a need's page 1.4 ms)."""
    parts = ("stage fields", stage, str(current_locale()))
    draw = partial(render_template, "needs/_stage_fields.html", form=form)
    return Markup(datacache.cached("pipeline", parts, draw))  # noqa: S704  # nosec B704


def _closing_fields() -> Markup:
    """The won and lost fields a board card shows when one of them is chosen (copied from a
    <template> by static/js/stage.js)."""
    form = StageForm(formdata=None)
    form.lost_reason_id.choices = choices.lost_reasons()
    return Markup(render_template("needs/_closing_fields.html", form=form))  # noqa: S704  # nosec B704


def _current(need_id: int) -> tuple[NeedForm, dict]:
    """The need as it is now, for the conflict page."""
    current = get_need_or_404(need_id)
    return NeedForm(formdata=None, obj=current), {"need": current}


def _after_save(need: Need) -> str:
    """The need's page; the list when the user just made it confidential to others only."""
    if is_visible(Need, need.id):
        return url_for("needs.detail", need_id=need.id)
    flash(_("Saved as confidential: only its owner, the colleagues assigned its follow-ups, "
            "managers and admins can see it now."), "info")  # fmt: skip
    return url_for("needs.list")


def _back_to(need: Need) -> str:
    """Back to the board when the move came from there, else to the need."""
    return safe_local_path(request.form.get("next")) or url_for("needs.detail", need_id=need.id)
