"""Who may do what: the login guard, the role matrix and object-level checks, in one place."""

import logging
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from tracker.extensions import db, login_manager
from tracker.models import Role, User

# Endpoints anyone may reach; every other endpoint requires a logged-in, active user.
# The calendar feed authenticates by the secret token in its URL (calendar clients cannot log in).
PUBLIC_ENDPOINTS = frozenset(
    {"auth.login", "auth.verify", "static", "bootstrap.static", "calendar.feed"}
)

ALL_ROLES = frozenset(Role)
MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})

# The role x action matrix. Views name an action; nothing else decides.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "record.view": ALL_ROLES,
    "record.edit": ALL_ROLES,
    "record.delete": MANAGERS,
    "vocabulary.manage": MANAGERS,
    # Managers and admins see every figure of the reports; staff see their own needs' figures.
    "report.view_all": MANAGERS,
    "user.manage": frozenset({Role.ADMIN}),
}


def init_app(app: Flask) -> None:
    """Install the login guard and expose can() to templates."""
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "warning"
    login_manager.session_protection = "strong"
    from tracker.auth import sessions

    sessions.init_app(app)
    app.before_request(_require_login)
    app.before_request(sessions.required_setup)
    app.jinja_env.globals["can"] = can


@login_manager.user_loader
def load_user(session_user_id: str) -> User | None:
    """Reload the session's user; a deactivated user or an ended session is refused at once."""
    user_id, _sep, epoch = session_user_id.partition(":")
    if not (user_id.isdigit() and epoch.isdigit()) or len(user_id) > 12 or len(epoch) > 12:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_epoch != int(epoch):
        return None
    return user


def _require_login():
    """Secure by default: a new route needs login unless it is listed as public."""
    if request.endpoint in PUBLIC_ENDPOINTS or request.endpoint is None:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def can(action: str, user=None) -> bool:
    """True when user (default: the current user) may perform action."""
    user = current_user if user is None else user
    if not getattr(user, "is_authenticated", False):
        return False
    return user.role in PERMISSIONS[action]


_log = logging.getLogger("tracker.security")


def log_security_event(event: str, level: int = logging.WARNING, **fields: str) -> None:
    """Log a security event with the address; user-supplied text loses its line breaks, so it
    cannot forge log lines."""
    fields.setdefault("address", request.remote_addr or "-" if has_request_context() else "-")
    details = " ".join(f"{k}={_one_line(str(v))!r}" for k, v in fields.items())
    _log.log(level, "%s %s", event, details)


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")[:300]


def safe_local_path(target: str | None) -> str | None:
    """target when it is a path on this site (for `next` redirects), else None."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def require(action: str) -> Callable:
    """Decorator: 403 unless the current user may perform action."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not can(action):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator
