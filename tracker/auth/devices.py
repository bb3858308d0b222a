"""Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies").

A browser that logged in to an account receives a signed cookie naming that account and a random
nonce. Its later attempts on that account spend the nonce's own budget instead of the account's,
so failures by strangers cannot lock the owner out, and a stolen cookie still guesses slowly.
The cookie proves nothing about who is logging in: it only chooses the budget.
"""

import secrets
import time

from flask import Response, current_app, request
from itsdangerous import BadData, URLSafeTimedSerializer

COOKIE = "tracker_device"
COOKIE_PATH = "/login"  # the login steps only: the cookie travels nowhere else
ACCOUNTS_PER_BROWSER = 5  # a shared office computer remembers the last few accounts


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="tracker.device-cookie")


def _max_age() -> int:
    return int(current_app.config["DEVICE_COOKIE_DAYS"]) * 24 * 3600


def _entries() -> dict[str, list]:
    """This browser's valid entries, account id -> [nonce, issued at]; {} when forged or old."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return {}
    try:
        data = _serializer().loads(raw, max_age=_max_age())
    except BadData:
        return {}
    if not isinstance(data, dict):
        return {}
    oldest = time.time() - _max_age()
    return {
        user_id: entry
        for user_id, entry in data.items()
        if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], int)
        if entry[1] >= oldest
    }


def device_nonce(user_id: int) -> str | None:
    """The nonce of this browser's device cookie for the account, when it has a valid one."""
    entry = _entries().get(str(user_id))
    return str(entry[0]) if entry else None


def remember_device(response: Response, user_id: int) -> None:
    """Give this browser a fresh device cookie entry for the account (after a login)."""
    entries = _entries()
    entries[str(user_id)] = [secrets.token_urlsafe(16), int(time.time())]
    newest = sorted(entries.items(), key=lambda item: item[1][1])[-ACCOUNTS_PER_BROWSER:]
    response.set_cookie(
        COOKIE,
        _serializer().dumps(dict(newest)),
        max_age=_max_age(),
        path=COOKIE_PATH,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
