"""Messages the app writes into records (a timeline note, a match's reasons), shown in the
reader's language.

A record keeps the text it was given: the app writes these messages in English, and text stored
earlier in its writer's language stays as it was. To show it, the text is compared with every
registered message as each language words it; a message found is worded again in the reader's
language, its values converted where each language writes them its own way (numbers, dates,
labels). Anything else, such as a note a person typed, is shown as written.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache

from babel.dates import format_skeleton
from babel.numbers import NumberFormatError, format_decimal, parse_decimal
from babel.support import NullTranslations, Translations
from flask import current_app

from tracker.i18n import catalogue, current_locale

# A value as stored, the language it was stored in, the caller's context -> the reader's value.
Converter = Callable[[str, str, Mapping], str]
_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")
_REGISTERED: list["StoredMessage"] = []


class StoredMessage:
    """A message the app stores in records; converters reword the values that each language
    writes its own way (the rest, such as titles and names, are shown as stored)."""

    def __init__(self, msgid: str, **converters: Converter) -> None:
        self.msgid = msgid
        self.converters = converters
        _REGISTERED.append(self)

    def text(self, **values) -> str:
        """The text to store: the English message with its values."""
        return self.msgid % values if values else self.msgid

    def __call__(self, **values) -> str:
        """The message in the interface language, as gettext words it."""
        text = catalogue().ugettext(self.msgid)
        return text % values if values else text


def shown(text: str | None, **context) -> str:
    """text in the reader's language when it is a registered message, written in any language;
    context goes to the converters (terms=: the vocabulary terms a label may name)."""
    if not text:
        return ""
    for language in current_app.config["LANGUAGES"]:
        found = _patterns(language, len(_REGISTERED)).fullmatch(text)
        if found is None:
            continue
        index = int(found.lastgroup[1:])
        message, prefix = _REGISTERED[index], f"m{index}_"
        values = {
            key[len(prefix) :]: value
            for key, value in found.groupdict().items()
            if value and key.startswith(prefix)
        }
        for name, convert in message.converters.items():
            if name in values:
                values[name] = convert(values[name], language, context)
        return message(**values)
    return text


@lru_cache(maxsize=8)
def _patterns(language: str, _count: int) -> re.Pattern:
    """One pattern matching any registered message as language words it (built again when a
    message is registered after it was built)."""
    words = _translations(language)
    alternatives = [
        f"(?P<m{i}>{_pattern(words.ugettext(m.msgid), f'm{i}_')})"
        for i, m in enumerate(_REGISTERED)
    ]
    return re.compile("|".join(alternatives) or "(?!)", re.S)


def _pattern(wording: str, prefix: str) -> str:
    """The regular expression of one wording: its placeholders become named groups."""
    parts, seen, position = [], set(), 0
    for placeholder in _PLACEHOLDER.finditer(wording):
        parts.append(re.escape(wording[position : placeholder.start()]))
        name = placeholder.group(1)
        if name is None:
            parts.append("%")
        elif name in seen:
            parts.append(f"(?P={prefix}{name})")
        else:
            seen.add(name)
            parts.append(f"(?P<{prefix}{name}>.+?)")
        position = placeholder.end()
    parts.append(re.escape(wording[position:]))
    return "".join(parts)


def _translations(language: str) -> NullTranslations:
    return _load(language, tuple(current_app.extensions["babel"].translation_directories))


@lru_cache(maxsize=16)
def _load(language: str, directories: tuple[str, ...]) -> NullTranslations:
    for directory in directories:
        found = Translations.load(directory, [language])
        if isinstance(found, Translations):
            return found
    return NullTranslations()


# Converters -------------------------------------------------------------------------------


def number(value: str, language: str, _context: Mapping) -> str:
    """A number as the language that stored it wrote it (5,000 / 5.000), in the reader's."""
    try:
        amount = parse_decimal(value, locale=language, strict=True)
    except NumberFormatError:
        return value
    return format_decimal(amount, locale=current_locale() or "en")


def month_day(value: str, language: str, _context: Mapping) -> str:
    """A day of a month without the year (April 16 / 16. April / 4月16日), in the reader's."""
    for month, pattern in _month_days(language):
        if found := pattern.fullmatch(value):
            day = date(2000, month, int(found.group(1)))  # a leap year: 29 February exists
            return format_skeleton("MMMMd", day, locale=current_locale() or "en")
    return value


@lru_cache(maxsize=8)
def _month_days(language: str) -> tuple[tuple[int, re.Pattern], ...]:
    patterns = []
    for month in range(1, 13):
        sample = format_skeleton("MMMMd", date(2000, month, 28), locale=language)
        head, _day, tail = sample.partition("28")
        patterns.append((month, re.compile(f"{re.escape(head)}(\\d{{1,2}}){re.escape(tail)}")))
    return tuple(patterns)


def quote(words: Iterable[str]) -> str:
    """Words in the quotation marks of the interface language, separated by commas."""
    wording = catalogue().ugettext(QUOTED)
    return ", ".join(wording % {"word": word} for word in words)


def quoted(value: str, language: str, _context: Mapping) -> str:
    """Words in the quotation marks of the language that stored them, in the reader's."""
    found = re.findall(_pattern(_translations(language).ugettext(QUOTED), "q_"), value)
    return quote(found) if found else value


def term(value: str, _language: str, context: Mapping) -> str:
    """A vocabulary term's name in any language (context terms=), as the reader's label."""
    for candidate in context.get("terms", ()):
        names = (candidate.name, candidate.name_de, candidate.name_zh) if candidate else ()
        if value in names:
            return candidate.label
    return value


def label(labels: Iterable) -> Converter:
    """A converter for the lazy labels of an enumeration (e.g. the kinds of offer): a label in
    any language becomes the reader's."""
    labels = tuple(labels)

    def convert(value: str, language: str, _context: Mapping) -> str:
        words = _translations(language)
        for lazy in labels:
            if words.ugettext(lazy._args[0]) == value:  # the msgid of a lazy_label
                return str(lazy)
        return value

    return convert


def N_(message: str) -> str:  # the name gettext's tools look for
    """Marks a message for extraction (pybabel) without translating it."""
    return message


QUOTED = N_("“%(word)s”")
