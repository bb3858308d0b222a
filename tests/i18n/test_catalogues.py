"""Every message in the code and templates is translated into Chinese and German."""

from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "tracker" / "translations"
# The same keywords as `make translations-update` (-k _l -k lazy_gettext -k _lp:1c,2).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "_lp": ((1, "c"), 2)}
HOW_TO_FIX = "run `make translations-update`, translate them in tracker/translations/{zh,de}"


@cache
def _scanned(path: str) -> bool:
    """The folders `make translations-update` reads: all but hidden ones and node_modules
    (Babel's default would also skip templates/_macros/, whose names start with "_")."""
    name = Path(path).name
    return not name.startswith(".") and name not in {"node_modules", "__pycache__"}


def extracted_messages() -> set[str | tuple[str, str]]:
    """The msgids (plural ones as tuples) that `pybabel extract -F babel.cfg` finds."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, directory_filter=_scanned
    )
    return {message for _file, _line, message, _comments, _context in found if message}


def load_catalogue(language: str):
    with (CATALOGUES / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def untranslated(catalogue, messages) -> list[str]:
    """The messages missing from catalogue, left empty, or marked fuzzy (gettext ignores those)."""
    missing = []
    for message in sorted(messages, key=str):
        msgid = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(msgid)
        strings = entry.string if entry is not None else ""
        forms = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(forms):
            missing.append(msgid)
    return missing


def test_extraction_finds_the_messages():
    """The extraction itself works: Python (_l too) and template messages are found."""
    messages = extracted_messages()
    assert {"Skip to content", "Interface language", "Cooperation needs"} <= messages
    assert ("%(num)s need", "%(num)s needs") in messages


@pytest.mark.parametrize("language", ["zh", "de"])
def test_every_message_is_translated(language):
    """Fails naming each message that lacks a (non-fuzzy) translation."""
    missing = untranslated(load_catalogue(language), extracted_messages())
    assert not missing, f"{len(missing)} untranslated in {language} ({HOW_TO_FIX}): {missing}"


@pytest.mark.parametrize("language", ["zh", "de", "en"])
def test_catalogue_has_no_format_errors(language):
    """Placeholders such as %(name)s match the msgid, as `pybabel compile` checks."""
    errors = [(m.id, e) for m, errs in load_catalogue(language).check() for e in errs]
    assert errors == []


def test_chinese_has_one_plural_form():
    """Chinese does not inflect for number: one form serves every count."""
    catalogue = load_catalogue("zh")
    assert catalogue.num_plurals == 1
    assert catalogue.get("%(num)s need").string == ("%(num)s 项需求",)


def test_the_checker_names_untranslated_messages():
    """An empty or fuzzy entry, or one missing from the catalogue, is reported by its msgid."""
    catalogue = load_catalogue("de")
    catalogue.get("Cancel").string = ""
    catalogue.get("Save").flags.add("fuzzy")
    messages = {"Cancel", "Save", "Delete", "A message nobody translated"}
    assert untranslated(catalogue, messages) == ["A message nobody translated", "Cancel", "Save"]
