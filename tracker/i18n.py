"""Locale and time-zone selection, and the lists of languages and countries shown in forms."""

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from flask import current_app, g, has_request_context, request
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString
from flask_login import current_user
from jinja2.nodes import EvalContext
from jinja2.utils import pass_eval_context
from markupsafe import Markup

LANGUAGE_NAMES = {"zh": "中文", "de": "Deutsch", "en": "English"}
# Chosen before logging in (the switch on the login page), or by a user who follows the browser.
LANGUAGE_COOKIE = "language"


def catalogue():
    """The request's translations, looked up once per request: Flask-Babel's own callables
    resolve the context, the locale and the catalogue cache on every call, which cost a list
    page several milliseconds across its hundreds of labels."""
    if not g:
        return get_translations()
    context = g.get("_flask_babel")
    locale = getattr(context, "babel_locale", None)
    cached = getattr(context, "tracker_catalogue", None)
    if locale is not None and cached is not None and cached[0] is locale:
        return cached[1]
    translations = get_translations()  # resolves (and remembers) the locale
    context = g.get("_flask_babel")
    # force_locale swaps babel_locale for another object, so the identity check above sees a
    # forced or restored locale and looks its catalogue up again.
    context.tracker_catalogue = (getattr(context, "babel_locale", None), translations)
    return translations


def current_locale() -> Locale | None:
    """get_locale(), for what a page asks many times (each date and country of a list):
    Flask-Babel's looks the request's context up through three proxies on every call."""
    if g:
        locale = getattr(g.get("_flask_babel"), "babel_locale", None)
        if locale is not None:
            return locale
    return get_locale()


def translate(message: str, **variables) -> str:
    """gettext through the request's catalogue (see catalogue())."""
    text = catalogue().ugettext(message)
    return text % variables if variables else text


def lazy_label(message: str, **variables) -> LazyString:
    """lazy_gettext through the request's catalogue: for the labels of states and kinds that
    every list shows once a row (pybabel extracts it as _l)."""
    return LazyString(translate, message, **variables)


def install_template_gettext(app) -> None:
    """Templates' _() and friends, through the request's catalogue (see catalogue())."""
    app.jinja_env.install_gettext_callables(
        gettext=translate,  # Jinja fills in the variables itself (newstyle)
        ngettext=lambda s, p, n: catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )
    # The commonest call, _('…'), made directly: Jinja's own goes through three wrappers
    # (8 µs a label, a list's hundreds of labels cost it milliseconds).
    app.jinja_env.globals["_"] = app.jinja_env.globals["gettext"] = _template_gettext


@pass_eval_context
def _template_gettext(eval_ctx: EvalContext, message: str, /, **variables) -> str:
    """Jinja's newstyle gettext: the translation is markup where templates autoescape, and the
    variables (escaped by Markup's %) are filled in; a "%%" always becomes "%"."""
    text = catalogue().ugettext(message)
    if eval_ctx.autoescape:  # the app's own strings are markup, as with Jinja's gettext
        text = Markup(text)  # noqa: S704  # nosec B704
    return text % variables if variables or "%" in text else text


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


def country_choices() -> tuple[tuple[str, str], ...]:
    """ISO country codes with their names in the interface language, sorted by name."""
    return _country_choices(str(current_locale() or "en"))


@lru_cache(maxsize=16)
def _country_choices(locale: str) -> tuple[tuple[str, str], ...]:
    # Built once per language: every needs list and report draws all 250 in its filters.
    names = {
        code: name
        for code, name in Locale.parse(locale).territories.items()
        if len(code) == 2 and code.isalpha() and code not in {"ZZ", "EU", "EZ", "UN", "QO"}
    }
    return tuple(sorted(names.items(), key=lambda item: item[1]))


def country_name(code: str | None) -> str:
    """A country's name in the interface language, or the code when unknown."""
    if not code:
        return ""
    locale = current_locale() or Locale("en")
    return locale.territories.get(code, code)


def local_today() -> date:
    """Today in the commission's time zone (the server may run in UTC)."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
