"""The password policy (OWASP ASVS 5.0 V6): length only, no composition rules, no common ones."""

from functools import cache

from flask_babel import gettext as _

PASSWORD_MIN = 8
PASSWORD_MAX = 128


@cache
def _common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords, shipped with the zxcvbn package (loaded on first use)."""
    # Imported here: zxcvbn's lists cost every worker 12 MB, and only password changes need them.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str | None, *, email: str = "", name: str = "") -> str | None:
    """Why password is not acceptable, or None when it is."""
    password = password or ""
    if len(password) < PASSWORD_MIN:
        return _("The password needs at least %(count)s characters.", count=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        return _("The password may have at most %(count)s characters.", count=PASSWORD_MAX)
    folded = password.casefold()
    if folded in _common_passwords():
        return _("This password is one of the most common ones. Choose another.")
    if folded in {email.casefold(), email.casefold().split("@")[0], name.casefold()}:
        return _("The password must not be your e-mail address or name.")
    return None
