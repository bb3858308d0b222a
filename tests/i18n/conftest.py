"""Compile the catalogues once per run when the .mo files are missing or older than the .po."""

from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "tracker" / "translations"


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues():
    """`make test` compiles them first (make translations); this covers a bare pytest run."""
    for po in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parents[1].name)
            with mo.open("wb") as target:
                write_mo(target, catalog)
