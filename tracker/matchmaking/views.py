"""Matchmaking: suggestions accepted, partners picked, match statuses, the delegation board.

URL map (offers and the synonym list are in offer_views.py, registered here):
    POST     /matchmaking/needs/<id>/accept           matchmaking.accept          record.edit
    GET/POST /matchmaking/needs/<id>/pick             matchmaking.pick            record.edit
    POST     /matchmaking/matches/<id>/status         matchmaking.change_status   record.edit
    GET      /matchmaking/delegations/<id>/board      matchmaking.board
    GET      /matchmaking/matches                     matchmaking.matches          record.view
    GET      /matchmaking/matches/export.<csv|xlsx>   matchmaking.export_matches   record.view
    GET/POST /matchmaking/partners/<id>/offers/new    matchmaking.create_offer    record.edit
    GET/POST /matchmaking/offers/<id>/edit            matchmaking.edit_offer      record.edit
    GET/POST /matchmaking/offers/<id>/delete          matchmaking.delete_offer    record.delete
    GET      /matchmaking/synonyms                    matchmaking.synonyms        vocabulary.manage
    GET/POST /matchmaking/synonyms/new                matchmaking.create_synonym  vocabulary.manage
    GET/POST /matchmaking/synonyms/<id>/edit          matchmaking.edit_synonym    vocabulary.manage
    GET/POST /matchmaking/synonyms/<id>/delete        matchmaking.delete_synonym  vocabulary.manage
"""

from functools import partial

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.extensions import db
from tracker.matchmaking import builders, list_views, offer_views, services
from tracker.matchmaking.flow import allowed_statuses
from tracker.matchmaking.forms import PickForm, StatusForm
from tracker.matchmaking.queries import delegation_board
from tracker.models import Delegation, LocalOffer, Match, MatchStatus, Need, Organisation
from tracker.numbers import parse_id
from tracker.security import get_visible_or_404, require
from tracker.versioning import saving

bp = Blueprint("matchmaking", __name__, url_prefix="/matchmaking")

_RULES = (
    ("/partners/<int:organisation_id>/offers/new", offer_views.create_offer, ("GET", "POST")),
    ("/offers/<int:offer_id>/edit", offer_views.edit_offer, ("GET", "POST")),
    ("/offers/<int:offer_id>/delete", offer_views.delete_offer, ("GET", "POST")),
    ("/synonyms", offer_views.synonyms, ("GET",)),
    ("/synonyms/new", offer_views.create_synonym, ("GET", "POST")),
    ("/synonyms/<int:group_id>/edit", offer_views.edit_synonym, ("GET", "POST")),
    ("/synonyms/<int:group_id>/delete", offer_views.delete_synonym, ("GET", "POST")),
    ("/matches", list_views.matches, ("GET",)),
    ("/matches/export.<any(csv,xlsx):fmt>", list_views.export_matches, ("GET",)),
)
for _rule, _view, _methods in _RULES:
    bp.add_url_rule(_rule, view_func=_view, methods=_methods)


def _to_need(need_id: int):
    return redirect(url_for("needs.detail", need_id=need_id, _anchor="matchmaking"))


@bp.route("/needs/<int:need_id>/accept", methods=["POST"])
@require("record.edit")
def accept(need_id: int):
    """Accept a suggested partner: a proposed match with the suggestion's score and reasons."""
    need = get_visible_or_404(Need, need_id)
    organisation_id = parse_id(request.form.get("organisation_id"))
    try:
        if organisation_id is None:
            raise services.MatchError(_("Choose a partner."))
        match = services.accept_suggestion(need, organisation_id, current_user)
    except services.MatchError as error:
        db.session.rollback()
        flash(str(error), "danger")
        return _to_need(need_id)
    db.session.commit()
    flash(_("Matched with %(name)s.", name=match.organisation.name), "success")
    return _to_need(need_id)


@bp.route("/needs/<int:need_id>/pick", methods=["GET", "POST"])
@require("record.edit")
def pick(need_id: int):
    """Match a need with a local partner chosen by hand."""
    need = get_visible_or_404(Need, need_id)
    form = builders.pick_form()
    if form.validate_on_submit() and (organisation := _pick(need, form)) is not None:
        flash(_("Matched with %(name)s.", name=organisation.name), "success")
        return _to_need(need.id)
    return render_template("matchmaking/pick.html", form=form, need=need)


def _pick(need: Need, form: PickForm) -> Organisation | None:
    """Match need with the form's partner: the partner, or None when refused (the form says
    why)."""
    organisation = db.session.get(Organisation, form.organisation_id.data)
    offer = db.session.get(LocalOffer, form.offer_id.data) if form.offer_id.data else None
    try:
        services.pick_partner(need, organisation, offer, current_user, form.note.data)
    except services.MatchError as error:
        db.session.rollback()
        form.organisation_id.errors.append(str(error))
        return None
    db.session.commit()
    return organisation


@bp.route("/matches/<int:match_id>/status", methods=["POST"])
@require("record.edit")
def change_status(match_id: int):
    """Move a match on; nonsense changes are refused with a message."""
    match = get_visible_or_404(Match, match_id)
    form = StatusForm()
    if not form.validate_on_submit():
        flash(_("Choose a status from the list."), "danger")
    elif _change_status(match, form):
        flash(_("Match with %(name)s is now “%(status)s”.", name=match.organisation.name,
                status=match.status.label), "success")  # fmt: skip
    return _to_need(match.need_id)


def _change_status(match: Match, form: StatusForm) -> bool:
    """Change the match's status as the form says; False, with a message, when refused."""
    try:
        with saving(match, form, "matchmaking/status_conflict.html", partial(_current, match.id)):
            services.change_status(
                match, MatchStatus(form.to_status.data), current_user, form.note.data,
                form.decline_reason.data,
            )  # fmt: skip
    except services.MatchError as error:
        db.session.rollback()
        flash(str(error), "danger")
        return False
    return True


def _current(match_id: int) -> tuple[StatusForm, dict]:
    """The match as it is now: it changed since the need page was loaded."""
    current = get_visible_or_404(Match, match_id)
    saved = StatusForm(
        formdata=None, version=current.version, to_status=current.status.value,
        decline_reason=current.decline_reason,
    )  # fmt: skip
    return saved, {"match": current, "allowed": allowed_statuses(current.status)}


@bp.route("/delegations/<int:delegation_id>/board")
def board(delegation_id: int):
    """The delegation's matchmaking board and its day plan of talks."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    return render_template(
        "matchmaking/board.html", delegation=delegation, board=delegation_board(delegation.id)
    )
