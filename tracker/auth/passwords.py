"""The password policy (OWASP ASVS 5.0 V6): length only, no composition rules, no common ones;
and the single password check of a login attempt."""

import secrets
from functools import cache

from flask import current_app
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.models import User

PASSWORD_MIN = 8
PASSWORD_MAX = 128


@cache
def _common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords, shipped with the zxcvbn package (loaded on first use)."""
    # Imported here: zxcvbn's lists cost every worker 12 MB, and only password changes need them.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def typed_password_problem(password: str | None) -> str | None:
    """Why no account can have this password (checked at login as when one is set), or None.

    Passwords are taken exactly as typed, never stripped, in both places.
    """
    password = password or ""
    if len(password) > PASSWORD_MAX:
        return _("The password may have at most %(count)s characters.", count=PASSWORD_MAX)
    if not password.strip():
        return _("The password must not consist of spaces only.")
    return None


def password_problem(password: str | None, *, email: str = "", name: str = "") -> str | None:
    """Why password is not acceptable as a new password, or None when it is."""
    password = password or ""
    if len(password) < PASSWORD_MIN:
        return _("The password needs at least %(count)s characters.", count=PASSWORD_MIN)
    if problem := typed_password_problem(password):
        return problem
    folded = password.casefold()
    if folded in _common_passwords():
        return _("This password is one of the most common ones. Choose another.")
    if folded in {email.casefold(), email.casefold().split("@")[0], name.casefold()}:
        return _("The password must not be your e-mail address or name.")
    return None


@cache
def _stand_in_hash(method: str) -> str:
    """A hash of a random password, made the way real ones are, for unknown e-mail addresses."""
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


def login_password_matches(user: User | None, password: str) -> bool:
    """Whether password logs user in (None: unknown address).

    Always exactly one hash check of the configured cost, whether the account exists, is active
    or deactivated, so that the time an answer takes tells nothing about the account.
    """
    if user is None:
        check_password_hash(_stand_in_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return False
    return check_password_hash(user.password_hash, password) and user.active
