"""Talks: schedule (from a need or a match), detail, edit, minutes and outcome, delete.

URL map:
    GET      /talks/?held_from=&held_to=&status=&delegation_id=   talks.list   record.view
    GET      /talks/export.<csv|xlsx> (same filters)              talks.export record.view
    GET/POST /talks/new?need_id=|match_id=   talks.create   record.edit
    GET      /talks/<id>                     talks.detail
    GET/POST /talks/<id>/edit                talks.edit     record.edit
    GET/POST /talks/<id>/outcome             talks.outcome  record.edit
    POST     /talks/<id>/invite              talks.invite   record.edit
    GET/POST /talks/<id>/delete              talks.delete   record.delete
"""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from tracker.deletion import DeletePage, confirm_delete
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import Match, Need, Stage, Talk
from tracker.numbers import parse_id
from tracker.security import get_visible_or_404, require
from tracker.softdelete import restorable_note
from tracker.talks import invitations, list_views, services
from tracker.talks.choices import fill, form_data, set_choices
from tracker.talks.forms import OutcomeForm, TalkForm
from tracker.versioning import saving

bp = Blueprint("talks", __name__, url_prefix="/talks")
bp.add_url_rule("/", "list", list_views.list_talks)
bp.add_url_rule("/export.<any(csv,xlsx):fmt>", "export", list_views.export_talks)


def _target() -> tuple[Need, Match | None]:
    """The need (or the match, and its need) named in the query string; 404 when neither."""
    if (match_id := parse_id(request.args.get("match_id"))) is not None:
        match = get_visible_or_404(Match, match_id)
        return match.need, match
    need_id = parse_id(request.args.get("need_id"))
    if need_id is None:
        abort(404)
    return get_visible_or_404(Need, need_id), None


def _talk_or_404(talk_id: int) -> Talk:
    talk = services.talk_detail(talk_id)
    if talk is None:
        abort(404)
    return talk


@bp.route("/new", methods=["GET", "POST"])
@require("record.edit")
def create():
    """Schedule a talk; overlaps for a colleague or the room are warned about first."""
    need, match = _target()
    form = TalkForm()
    if request.method == "GET":
        form.title.data = (
            need.title if match is None else f"{need.title}: {match.organisation.name}"
        )
        form.organisation_ids.data = [match.organisation_id] if match else []
        form.staff_ids.data = [current_user.id]
    set_choices(form, need)
    response, found = _schedule(form, need, match, None)
    return response or render_template(
        "talks/form.html", form=form, need=need, match=match, talk=None, conflicts=found
    )


def _schedule(form: TalkForm, need: Need, match: Match | None, talk: Talk | None):
    """Validate, warn about overlaps, save: (redirect or None to re-render, overlaps)."""
    if not form.validate_on_submit():
        return None, []
    data = form_data(form)
    found = services.conflicts(data, exclude_id=talk.id if talk else None)
    if found and not form.schedule_anyway.data:
        return None, found
    current = partial(_current_talk, talk.id) if talk else None
    try:
        with saving(talk, form, "talks/form.html", current):
            if talk is None:
                talk = services.create_talk(need, data, current_user, match)
            else:
                services.update_talk(talk, data)
    except services.TalkError as error:
        form[error.field].errors.append(str(error))
        return None, []
    # A new talk's page offers the stage move, if any.
    flash(_("Talk saved.") if current else _("Talk scheduled."), "success")
    return redirect(url_for(".detail", talk_id=talk.id)), []


@bp.route("/<int:talk_id>")
def detail(talk_id: int):
    """The talk, its participants, and what to do next (outcome, follow-up, stage)."""
    talk = _talk_or_404(talk_id)
    return render_template(
        "talks/detail.html", talk=talk, past=services.is_past(talk),
        started=services.has_started(talk), participants=services.participants(talk),
        offer_talks_stage=services.offers_move_to_talks(talk.need), talks_stage=Stage.TALKS,
        move_note=services.MOVED_FOR_TALK.text(title=talk.title),
        entered=services.local_parts(talk.starts_at, talk.timezone),
        entered_end=services.local_parts(talk.ends_at, talk.timezone),
    )  # fmt: skip


@bp.route("/<int:talk_id>/edit", methods=["GET", "POST"])
@require("record.edit")
def edit(talk_id: int):
    """Change a talk; overlaps are warned about again."""
    talk = _talk_or_404(talk_id)
    form = TalkForm()
    if request.method == "GET":
        fill(form, talk)
    set_choices(form, talk.need, talk)
    response, found = _schedule(form, talk.need, talk.match, talk)
    return response or render_template(
        "talks/form.html", form=form, need=talk.need, match=talk.match, talk=talk, conflicts=found
    )


@bp.route("/<int:talk_id>/outcome", methods=["GET", "POST"])
@require("record.edit")
def outcome(talk_id: int):
    """Record the minutes and the outcome; then offer the next follow-up."""
    talk = _talk_or_404(talk_id)
    form = OutcomeForm(obj=talk, starts_at=talk.starts_at)
    if form.validate_on_submit():
        try:
            current = partial(_current_outcome, talk_id)
            with saving(talk, form, "talks/outcome.html", current):
                services.record_outcome(talk, form.minutes.data, form.outcome.data, current_user)
        except services.TalkError as error:  # moved into the future since the form was loaded
            form[error.field].errors.append(str(error))
        else:
            flash(_("Outcome recorded. Assign the next follow-up below."), "success")
            return redirect(url_for(".detail", talk_id=talk.id))
    return render_template(
        "talks/outcome.html", form=form, talk=talk, started=services.has_started(talk)
    )


@bp.route("/<int:talk_id>/invite", methods=["POST"])
@require("record.edit")
def invite(talk_id: int):
    """E-mail the participants an invitation with the talk's calendar file, in their language."""
    talk = _talk_or_404(talk_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    report = invitations.send_invitations(talk, current_user)
    db.session.commit()
    _flash_invitations(report)
    return redirect(url_for(".detail", talk_id=talk.id))


def _flash_invitations(report: invitations.InvitationReport) -> None:
    count = len(report.sent)
    if report.failed:
        flash(_("Sending the invitations broke off after %(count)d. Try again later.",
                count=count), "danger")  # fmt: skip
    elif count:
        flash(ngettext("Invitation sent to %(num)d participant.",
                       "Invitation sent to %(num)d participants.", count), "success")  # fmt: skip
    elif not report.without_email:
        flash(_("The talk has no participants to invite yet."), "info")
    if report.without_email:
        flash(_("No e-mail address, not invited: %(names)s.",
                names=", ".join(report.without_email)), "warning")  # fmt: skip


def _current_talk(talk_id: int) -> tuple[TalkForm, dict]:
    """The talk as it is now, for the edit form's conflict page."""
    current = _talk_or_404(talk_id)
    saved = TalkForm(formdata=None)
    fill(saved, current)
    context = {"need": current.need, "match": current.match, "talk": current, "conflicts": []}
    return saved, context


def _current_outcome(talk_id: int) -> tuple[OutcomeForm, dict]:
    """The talk as it is now, for the outcome form's conflict page."""
    current = _talk_or_404(talk_id)
    saved = OutcomeForm(formdata=None, obj=current)
    return saved, {"talk": current, "started": services.has_started(current)}


@bp.route("/<int:talk_id>/delete", methods=["GET", "POST"])
@require("record.delete")
def delete(talk_id: int):
    """Delete a talk after confirmation."""
    talk = _talk_or_404(talk_id)
    page = DeletePage(
        title=_("Delete this talk?"),
        message=_("“%(title)s” will be removed from everyone's calendar.", title=talk.title)
        + " "
        + restorable_note(),
        confirm_label=_("Delete talk"),
        cancel_url=url_for(".detail", talk_id=talk.id),
        done=_("Talk deleted."),
        done_url=url_for("needs.detail", need_id=talk.need_id),
    )
    return confirm_delete(page, partial(services.delete_talk, talk, current_user.id))
