"""Locale and time-zone selection, and the lists of languages and countries shown in forms."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale
from flask import current_app, g, has_request_context, request
from flask_babel import get_locale, get_translations
from flask_login import current_user

LANGUAGE_NAMES = {"zh": "中文", "de": "Deutsch", "en": "English"}
# Chosen before logging in (the switch on the login page), or by a user who follows the browser.
LANGUAGE_COOKIE = "language"


def install_template_gettext(app) -> None:
    """Templates' _() and friends, looking the request's catalogue up once instead of on every
    call: Flask-Babel's own callables resolve the context, the locale and the catalogue cache
    each time, which cost a list page several milliseconds across its hundreds of labels."""

    def catalogue():
        if not g:
            return get_translations()
        context = g.get("_flask_babel")
        locale = getattr(context, "babel_locale", None)
        cached = getattr(context, "tracker_catalogue", None)
        if locale is not None and cached is not None and cached[0] is locale:
            return cached[1]
        translations = get_translations()  # resolves (and remembers) the locale
        context = g.get("_flask_babel")
        # force_locale swaps babel_locale for another object, so the identity check above sees
        # a forced or restored locale and looks its catalogue up again.
        context.tracker_catalogue = (getattr(context, "babel_locale", None), translations)
        return translations

    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalogue().ugettext(s),
        ngettext=lambda s, p, n: catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )


def select_locale() -> str | None:
    """The user's saved language, else the one picked on the login page, else the browser's."""
    if not has_request_context():  # CLI commands and services called from tests
        return None
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.language in languages:
        return current_user.language
    if request.cookies.get(LANGUAGE_COOKIE) in languages:
        return request.cookies[LANGUAGE_COOKIE]
    return request.accept_languages.best_match(languages)


def select_timezone() -> str:
    """Times are shown in the commission's local time."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def country_choices() -> list[tuple[str, str]]:
    """ISO country codes with their names in the interface language, sorted by name."""
    locale = get_locale() or Locale("en")
    names = {
        code: name
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha() and code not in {"ZZ", "EU", "EZ", "UN", "QO"}
    }
    return sorted(names.items(), key=lambda item: item[1])


def country_name(code: str | None) -> str:
    """A country's name in the interface language, or the code when unknown."""
    if not code:
        return ""
    locale = get_locale() or Locale("en")
    return locale.territories.get(code, code)


def local_today() -> date:
    """Today in the commission's time zone (the server may run in UTC)."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
