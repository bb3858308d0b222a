"""Locale and time-zone selection, and the lists of languages and countries shown in forms."""

from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from babel.dates import format_skeleton
from flask import current_app, g, has_request_context, request
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString
from flask_login import current_user
from jinja2.nodes import EvalContext
from jinja2.utils import pass_eval_context
from markupsafe import Markup
from sqlalchemy import func

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


def reader_language() -> str:
    """The interface language's code: "zh", "de" or "en"."""
    return str(current_locale() or "en")[:2]


def in_language(name: str | None, name_de: str | None, name_zh: str | None) -> str:
    """A name kept in English, German and Chinese, in the interface language, falling back to
    English: the one place that picks a vocabulary term's or a region's shown name."""
    return {"de": name_de, "zh": name_zh}.get(reader_language()) or name or ""


def language_column(name, name_de, name_zh):
    """in_language in SQL, for a term's name chosen by the database (lists sorted by it)."""
    chosen = {"de": name_de, "zh": name_zh}.get(reader_language())
    return name if chosen is None else func.coalesce(chosen, name)


def translate(message: str, **variables) -> str:
    """gettext through the request's catalogue (see catalogue())."""
    text = catalogue().ugettext(message)
    return text % variables if variables else text


def lazy_label(message: str, **variables) -> LazyString:
    """lazy_gettext through the request's catalogue: for the labels of states and kinds that
    every list shows once a row (pybabel extracts it as _l)."""
    return LazyString(translate, message, **variables)


def lazy_label_in(context: str, message: str) -> LazyString:
    """lazy_label for a word that means another thing elsewhere, told apart by a context
    (pgettext): "E-mail" the kind of follow-up is not the address (pybabel extracts it as _lp)."""
    return LazyString(lambda: catalogue().upgettext(context, message))


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


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    # Read once: the list is some 600 file names, scanned from disk on every call.
    return frozenset(available_timezones())


def is_zone_name(name) -> bool:
    """True for a name from the time zone database ("Asia/Shanghai"): ZoneInfo itself would
    import a module per "/" of any other name, and die of recursion on a long one."""
    return isinstance(name, str) and name in _zone_names()


def zone_info(name: str) -> ZoneInfo:
    """The time zone of that name; ValueError unless it is in the time zone database."""
    if not is_zone_name(name):
        raise ValueError(f"not a time zone name: {name[:100]!r}")
    return ZoneInfo(name)


def commission_zone() -> ZoneInfo:
    """The commission's time zone (BABEL_DEFAULT_TIMEZONE, an operator's setting)."""
    name = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    if not is_zone_name(name):
        raise ValueError(f"BABEL_DEFAULT_TIMEZONE is {name[:100]!r}, not a name like Asia/Shanghai")
    return ZoneInfo(name)


def select_timezone() -> str:
    """Times are shown in the commission's local time."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


# Two-letter territories in CLDR that are not countries: pseudo-locales (XA Pseudo-Accents, XB
# Pseudo-Bidi), groupings (EU, EZ, UN, QO), the unknown region and ISO's exceptionally reserved
# codes (Ascension, Canary Islands, Ceuta & Melilla ... are parts of countries already listed).
# What is left is ISO 3166-1's 249 countries and Kosovo (XK).
NOT_COUNTRIES = frozenset(
    {"XA", "XB", "ZZ", "EU", "EZ", "UN", "QO", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)


def is_country(code: str) -> bool:
    """True for a territory code that names a country (not a region, grouping or pseudo-locale)."""
    return len(code) == 2 and code.isalpha() and code.isupper() and code not in NOT_COUNTRIES


@lru_cache(maxsize=16)
def country_names(language: str) -> dict[str, str]:
    """Country code -> name in that language, countries only (see NOT_COUNTRIES); shared, so
    never changed by a caller."""
    territories = Locale.parse(language).territories
    return {code: name for code, name in territories.items() if is_country(code)}


def country_choices() -> tuple[tuple[str, str], ...]:
    """ISO country codes with their names in the interface language, sorted by name."""
    return _country_choices(str(current_locale() or "en"))


@lru_cache(maxsize=16)
def _country_choices(locale: str) -> tuple[tuple[str, str], ...]:
    # Built once per language: every needs list and report draws all 250 in its filters.
    return tuple(sorted(country_names(locale).items(), key=lambda item: item[1]))


def country_name(code: str | None) -> str:
    """A country's name in the interface language, or the code when unknown."""
    if not code:
        return ""
    locale = current_locale() or Locale("en")
    return locale.territories.get(code, code)


def local_today() -> date:
    """Today in the commission's time zone (the server may run in UTC)."""
    return datetime.now(commission_zone()).date()


# One way per language to write a day, a moment and a span of time: 10 Nov 2026, 10. Nov. 2026,
# 2026年11月10日; times on the 24-hour clock; a span within one day names the day once.
DAY_SKELETON = "yMMMd"
WEEKDAY_SKELETON = "yMMMEEEEd"  # a day heading: Tuesday, 10 Nov 2026
CLOCK_SKELETON = "Hm"
# English as the commission's English readers write it (Europe's): day before month.
FORMAT_LOCALES = {"en": "en_GB"}
DASH = "\u2013"  # between the ends of a span


def format_locale(locale: Locale | str | None = None) -> Locale:
    """The locale whose conventions write days and times for locale (the interface's)."""
    return _format_locale(str(locale or current_locale() or "en"))


@lru_cache(maxsize=16)
def _format_locale(name: str) -> Locale:
    language = Locale.parse(name).language
    return Locale.parse(FORMAT_LOCALES.get(language, name))


def format_day(day: date, locale: Locale | str | None = None, weekday: bool = False) -> str:
    """A day (a datetime's own, no zone conversion) as the language writes it: 10 Nov 2026."""
    return _skeleton(WEEKDAY_SKELETON if weekday else DAY_SKELETON, day, format_locale(locale))


def format_clock(moment: time | datetime, locale: Locale | str | None = None) -> str:
    """A wall-clock time on the 24-hour clock: 09:30."""
    return _skeleton(CLOCK_SKELETON, moment, format_locale(locale))


@lru_cache(maxsize=8192)
def _skeleton(skeleton: str, value: date | time, locale: Locale) -> str:
    # A list shows the same days again and again (a visit's dates, this week's due dates).
    return format_skeleton(skeleton, value, locale=locale)


def format_moment(moment: datetime, locale: Locale | str | None = None) -> str:
    """A day and time, both as they are given (already in the zone shown): 10 Nov 2026, 09:30."""
    pattern = format_locale(locale).datetime_formats["medium"]  # "{1}, {0}", "{1} {0}"
    return pattern.format(format_clock(moment, locale), format_day(moment.date(), locale))


def format_span(
    start: datetime, end: datetime, locale: Locale | str | None = None, with_day: bool = True
) -> str:
    """From start to end (in the zone shown): "10 Nov 2026, 09:30" and "11:00" joined by a dash
    within one day, the day left out when a heading names it; both in full across days."""
    if start.date() != end.date():
        return f"{format_moment(start, locale)} {DASH} {format_moment(end, locale)}"
    clocks = f"{format_clock(start, locale)}{DASH}{format_clock(end, locale)}"
    if not with_day:
        return clocks
    pattern = format_locale(locale).datetime_formats["medium"]
    return pattern.format(clocks, format_day(start.date(), locale))
