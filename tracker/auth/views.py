"""Logging in (with the optional second step) and out."""

import logging
import time

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.security import check_password_hash

from tracker.auth import account_views, totp
from tracker.auth.forms import CodeForm, LoginForm
from tracker.auth.sessions import end_session, start_session
from tracker.extensions import db, limiter
from tracker.forms import EmptyForm
from tracker.models import User, utcnow
from tracker.security import log_security_event, safe_local_path

bp = Blueprint("auth", __name__)
for _rule, _view in account_views.RULES:
    bp.add_url_rule(_rule, view_func=_view, methods=["GET", "POST"])

# Compared against when the e-mail is unknown, so a miss takes as long as a wrong password.
_DUMMY_HASH = "scrypt:32768:8:1$0000000000000000$" + "0" * 128
PENDING_SECONDS = 300


def _failed(response) -> bool:
    """Only failed attempts count against the limits (a success redirects)."""
    return response.status_code != 302


def _account_key() -> str:
    return "login:" + (request.form.get("email") or "").strip().lower()[:254]


def _pending_key() -> str:
    return "verify:" + str(session.get("pending_user", ""))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"], deduct_when=_failed
)
@limiter.limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"],
    key_func=_account_key,
    methods=["POST"],
    deduct_when=_failed,
)
def login():
    """Check e-mail and password; then log in, or ask for the second step."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if not form.validate_on_submit():
        if form.is_submitted():
            log_security_event("login failed: invalid input", email=request.form.get("email", ""))
        return render_template("auth/login.html", form=form)
    email = form.email.data.lower()
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        check_password_hash(_DUMMY_HASH, form.password.data)
    if user is None or not user.active or not user.check_password(form.password.data):
        log_security_event("login failed", email=email)
        flash(_("Unknown e-mail address or wrong password."), "danger")
        return render_template("auth/login.html", form=form)
    expires = user.password_expires_at
    if user.must_change_password and expires is not None and expires <= utcnow():
        log_security_event("login refused: temporary password expired", email=email)
        flash(
            _("This temporary password has expired. Ask an administrator for a new one."), "danger"
        )
        return render_template("auth/login.html", form=form)
    next_url = safe_local_path(request.args.get("next"))
    if user.totp_enabled:
        session.clear()
        session.update(pending_user=user.get_id(), pending_at=int(time.time()), next=next_url)
        return redirect(url_for("auth.verify"))
    return _complete_login(user, next_url)


@bp.route("/login/verify", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"],
    key_func=_pending_key,
    methods=["POST"],
    deduct_when=_failed,
)
def verify():
    """The second step: a code from the authenticator app or a recovery code."""
    user = _pending_user()
    if user is None:
        flash(_("Please log in again."), "info")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        if totp.verify(user, form.code.data):
            return _complete_login(user, session.get("next"))
        log_security_event("second step failed", email=user.email)
        form.code.errors.append(_("That code is not valid. Try the current one."))
    return render_template("auth/verify.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out everywhere (POST only, so a link elsewhere cannot log a user out)."""
    if EmptyForm().validate_on_submit():
        end_session()
        db.session.commit()
        flash(_("You have been logged out."), "info")
    return redirect(url_for("auth.login"))


def _pending_user() -> User | None:
    """The user who passed the password step in the last few minutes, if still valid."""
    pending = str(session.get("pending_user", ""))
    if time.time() - session.get("pending_at", 0) > PENDING_SECONDS:
        return None
    from tracker.security import load_user

    return load_user(pending) if pending else None


def _complete_login(user: User, next_url: str | None):
    start_session(user)
    db.session.commit()  # the spent TOTP step or recovery code
    log_security_event("login succeeded", logging.INFO, email=user.email)
    flash(_("Welcome, %(name)s.", name=user.display_name), "success")
    return redirect(next_url or url_for("main.dashboard"))
