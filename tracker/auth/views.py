"""Logging in (with the optional second step) and out."""

import logging
import time

from flask import (
    Blueprint,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from tracker.auth import account_views, attempts, devices, token_views, totp
from tracker.auth.attempts import Budget
from tracker.auth.forms import CodeForm, LoginForm
from tracker.auth.passwords import login_password_matches
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import User, utcnow
from tracker.security import load_user, log_security_event, safe_local_path
from tracker.sessions import end_session, setup_endpoint, start_session

bp = Blueprint("auth", __name__)
for _rule, _view in account_views.RULES:
    bp.add_url_rule(_rule, view_func=_view, methods=["GET", "POST"])
for _rule, _view in token_views.RULES:
    bp.add_url_rule(_rule, view_func=_view, methods=["POST"])

PENDING_SECONDS = 300


def _password_budgets(email: str, user: User | None) -> list[Budget]:
    """A browser that logged in to this account before spends its own budget; any other
    spends its address's and the account's (so a stranger can lock out only strangers)."""
    if user is not None and (nonce := devices.device_nonce(user.id)):
        return [Budget("device", nonce, "LOGIN_LIMIT_PER_DEVICE")]
    return [
        Budget("address", request.remote_addr or "-", "LOGIN_LIMIT_PER_ADDRESS"),
        Budget("account", email, "LOGIN_LIMIT_PER_ACCOUNT"),
    ]


def _code_budgets(user: User) -> list[Budget]:
    """The second step's budgets, apart from the password's: the device's, else the account's."""
    if nonce := devices.device_nonce(user.id):
        return [Budget("device code", nonce, "LOGIN_LIMIT_PER_DEVICE")]
    return [Budget("account code", str(user.id), "LOGIN_LIMIT_PER_ACCOUNT")]


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Check e-mail and password; then log in, or ask for the second step."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if not form.validate_on_submit():
        if form.is_submitted():
            log_security_event("login failed: invalid input", email=request.form.get("email", ""))
        return render_template("auth/login.html", form=form)
    user = _password_step(form)
    if not isinstance(user, User):
        return user  # refused: the form again, with why
    next_url = safe_local_path(request.args.get("next"))
    if user.totp_enabled:
        return _ask_for_code(user, next_url)
    return _complete_login(user, next_url)


def _ask_for_code(user: User, next_url: str | None):
    """The password was right: remember who passed it, for a few minutes, and ask for the code."""
    session.clear()
    session.update(pending_user=user.get_id(), pending_at=int(time.time()), next=next_url)
    return redirect(url_for("auth.verify"))


def _password_step(form: LoginForm):
    """The user whose e-mail and password the form holds, or the response refusing them (too
    many attempts, wrong password, expired temporary password)."""
    email = form.email.data.lower()
    user = db.session.scalar(select(User).where(User.email == email))
    budgets = _password_budgets(email, user)
    if (empty := attempts.spend(budgets)) is not None:
        log_security_event("login refused: too many attempts", email=email, limit=empty.kind)
        return _too_many("auth/login.html", form, empty)
    if not login_password_matches(user, form.password.data):
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
    attempts.give_back(budgets)
    return user


@bp.route("/login/verify", methods=["GET", "POST"])
def verify():
    """The second step: a code from the authenticator app or a recovery code."""
    user = _pending_user()
    if user is None:
        flash(_("Please log in again."), "info")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        return _code_step(user, form)
    return render_template("auth/verify.html", form=form)


def _code_step(user: User, form: CodeForm):
    """Log in with a valid code; else the form again, with why (or 429: too many attempts)."""
    budgets = _code_budgets(user)
    if (empty := attempts.spend(budgets)) is not None:
        log_security_event(
            "second step refused: too many attempts", email=user.email, limit=empty.kind
        )
        return _too_many("auth/verify.html", form, empty)
    if totp.verify(user, form.code.data):
        attempts.give_back(budgets)
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
    return load_user(pending) if pending else None


def _too_many(template: str, form, budget: Budget):
    """429: the form again, with when to retry; nothing was checked."""
    flash(_("Too many failed attempts. Please wait a few minutes and try again."), "danger")
    response = make_response(render_template(template, form=form), 429)
    response.headers["Retry-After"] = str(attempts.seconds_left(budget))
    return response


def _complete_login(user: User, next_url: str | None):
    # Committed before the session says "logged in": of two requests spending the same TOTP
    # step at once, the loser fails here (the user's version check) and gets no session.
    db.session.commit()
    start_session(user)
    log_security_event("login succeeded", logging.INFO, email=user.email)
    flash(_("Welcome, %(name)s.", name=user.display_name), "success")
    setup = setup_endpoint(user)
    response = redirect(url_for(setup) if setup else next_url or url_for("main.dashboard"))
    devices.remember_device(response, user.id)
    return response
