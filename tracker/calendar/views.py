"""The profile page and the personal iCalendar feed of open follow-ups."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.forms import ApiTokenForm
from tracker.calendar import services
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.languages.forms import LanguageForm
from tracker.security import view_as
from tracker.tokens import tokens_of

bp = Blueprint("calendar", __name__)


@bp.route("/profile")
def profile():
    """Who I am, my calendar feed link, and my API tokens."""
    token = current_user.calendar_token
    feed_url = url_for(".feed", token=token, _external=True) if token else None
    language_form = LanguageForm(language=current_user.language or "", next=url_for(".profile"))
    return render_template(
        "calendar/profile.html", feed_url=feed_url, language_form=language_form,
        api_tokens=tokens_of(current_user.id), token_form=ApiTokenForm(),
    )  # fmt: skip


@bp.route("/profile/calendar/regenerate", methods=["POST"])
def regenerate_token():
    """Create the feed link, or replace it so the old one stops working."""
    if EmptyForm().validate_on_submit():
        had_link = current_user.calendar_token is not None
        services.issue_token(current_user)
        db.session.commit()
        if had_link:
            flash(_("New calendar link created; the old one no longer works."), "success")
        else:
            flash(_("Calendar link created. Add it to your calendar app."), "success")
    return redirect(url_for(".profile"))


@bp.route("/profile/calendar/revoke", methods=["POST"])
def revoke_token():
    """Turn the feed off: the link stops working."""
    if EmptyForm().validate_on_submit():
        services.revoke_token(current_user)
        db.session.commit()
        flash(_("Calendar feed turned off."), "success")
    return redirect(url_for(".profile"))


@bp.route("/calendar/<token>.ics")
def feed(token: str):
    """Public: the token in the URL is the only credential (calendar apps cannot log in)."""
    user = services.user_for_token(token)
    if user is None:
        abort(404)
    with view_as(user):  # nobody is logged in: the token's owner sees what they may see
        body = services.build_feed(user).to_ical()
    response = Response(body, content_type="text/calendar; charset=utf-8")
    response.headers["Cache-Control"] = "private"
    return response
