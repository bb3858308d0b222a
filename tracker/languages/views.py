"""The language switch: saved on the account when logged in, in a cookie before login."""

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from tracker.extensions import db
from tracker.i18n import LANGUAGE_COOKIE
from tracker.languages import services
from tracker.languages.forms import LanguageForm
from tracker.security import safe_local_path

bp = Blueprint("languages", __name__)

COOKIE_SECONDS = 365 * 24 * 3600


@bp.route("/language", methods=["POST"])
def switch():
    """Save the chosen language (or "" for the browser's) and go back to the page it came from."""
    form = LanguageForm()
    home = "main.dashboard" if current_user.is_authenticated else "auth.login"
    response = redirect(safe_local_path(form.next.data) or url_for(home))
    if not form.validate_on_submit():
        flash(_("Choose a language from the list."), "danger")
        return response
    language = form.language.data or None
    if current_user.is_authenticated:
        services.save_language(current_user, language)
        db.session.commit()
    _remember(response, language)
    return response


def _remember(response, language: str | None) -> None:
    """Keep the choice in the browser's cookie (no language: the browser's own), and say so."""
    # The confirmation is read on the next page, so it speaks the language just chosen.
    languages = current_app.config["LANGUAGES"]
    with force_locale(language or request.accept_languages.best_match(languages) or "en"):
        flash(_("Interface language saved."), "success")
    if language:
        response.set_cookie(
            LANGUAGE_COOKIE, language, max_age=COOKIE_SECONDS, httponly=True, samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )  # fmt: skip
    else:
        response.delete_cookie(LANGUAGE_COOKIE)
