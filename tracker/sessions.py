"""Sessions: a fresh one at login, idle and absolute time limits, and forced next steps."""

import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from tracker.models import User
from tracker.problems import is_api_request

# Where a user who must first change the password or enrol in two-step login may still go,
# besides the page of that step.
_ALWAYS_OPEN = frozenset({"auth.logout", "static", "bootstrap.static", "languages.switch"})


def init_app(app: Flask) -> None:
    """Check the session's age before the login guard sees the request."""
    app.before_request(_enforce_time_limits)


def start_session(user: User) -> None:
    """Log user in on a brand-new session (no fixation), stamped for the time limits."""
    session.clear()
    login_user(user)
    session.permanent = True  # the cookie expires after the absolute lifetime
    session["login_at"] = session["seen_at"] = int(time.time())


def end_session() -> None:
    """Log out here and everywhere: the epoch bump invalidates copied cookies too."""
    if current_user.is_authenticated:
        current_user.end_sessions()
    logout_user()
    session.clear()


def _enforce_time_limits():
    if "_user_id" not in session:
        return None
    now = int(time.time())
    idle = current_app.config["SESSION_IDLE_MINUTES"] * 60
    absolute = current_app.config["SESSION_ABSOLUTE_HOURS"] * 3600
    if now - session.get("seen_at", 0) > idle or now - session.get("login_at", 0) > absolute:
        logout_user()
        session.clear()
        flash(_("Your session expired. Please log in again."), "info")
        return None  # the login guard now sends the user to the login page
    if now - session.get("seen_at", 0) > 30:  # spare a new cookie on every request
        session["seen_at"] = now
    return None


def setup_endpoint(user: User) -> str | None:
    """The page user must complete before any other: a new password, then two-step enrolment."""
    if user.must_change_password:
        return "auth.change_password"
    roles = current_app.config["TOTP_REQUIRED_ROLES"]
    if user.role.value in roles and not user.totp_enabled:
        return "auth.two_step"
    return None


def required_setup():
    """Send a user who must change the password or set up two-step login to that page first."""
    if is_api_request():
        return None  # a token was made on purpose by its user, and the API has no pages
    if not current_user.is_authenticated or request.endpoint in _ALWAYS_OPEN:
        return None
    endpoint = setup_endpoint(current_user)
    if endpoint is None or request.endpoint == endpoint:
        return None
    return redirect(url_for(endpoint))
