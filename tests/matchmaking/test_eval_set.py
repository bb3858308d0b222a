"""The labelled matching set of bench/matching is well formed (no ranking quality is asserted)."""

import importlib.util
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from tracker.models import OfferKind, OrganisationKind

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "matching"
MIGRATION = ROOT / "tracker" / "migrations" / "versions" / "0002_reference_vocabularies.py"
LANGUAGES = ("de", "en", "zh", "mixed")
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def vocabularies() -> tuple[set[str], set[str]]:
    """English names of the key industries and need categories the migration seeds."""
    migration = _module("reference_vocabularies", MIGRATION)
    return {t[0] for t in migration.KEY_INDUSTRIES}, {t[0] for t in migration.NEED_CATEGORIES}


@cache
def padding():
    return _module("matching_padding", DATA / "padding.py")


@cache
def partners() -> list[dict]:
    return json.loads((DATA / "partners.json").read_text(encoding="utf-8"))


@cache
def needs() -> list[dict]:
    return json.loads((DATA / "needs.json").read_text(encoding="utf-8"))


def all_names(partner: dict) -> set[str]:
    return {partner[k] for k in ("name", "name_en", "name_de", "name_zh") if partner.get(k)}


def check_partner(partner: dict) -> None:
    """One partner in the format of partners.json, with valid kinds and industries."""
    industries, _ = vocabularies()
    kinds = {k.value for k in OfferKind}
    assert partner["name"].strip() and partner["description"].strip(), partner["key"]
    assert partner["industry"] is None or partner["industry"] in industries, partner["key"]
    assert OrganisationKind(partner.get("org_kind", "company"))
    assert partner["offers"], partner["key"]
    for offer in partner["offers"]:
        assert offer["kind"] in kinds, (partner["key"], offer["kind"])
        assert offer["title"].strip() and len(offer["title"]) <= 200, partner["key"]
        assert isinstance(offer["description"], str) and isinstance(offer["keywords"], str)
        assert set(offer["industries"]) <= industries, partner["key"]
        for number in (offer["area_m2"], offer["headcount"]):
            assert number is None or (isinstance(number, int) and number > 0), partner["key"]


def test_partners_are_well_formed_and_varied():
    found = partners()
    assert len(found) >= 60
    assert len({p["key"] for p in found}) == len(found)
    assert len({p["name"] for p in found}) == len(found)
    for partner in found:
        check_partner(partner)
    without_industry = sum(p["industry"] is None for p in found) / len(found)
    assert 0.15 <= without_industry <= 0.35  # about a quarter
    offers = [o for p in found for o in p["offers"]]
    without_keywords = sum(not o["keywords"].strip() for o in offers) / len(offers)
    assert 0.12 <= without_keywords <= 0.3  # about a fifth


def test_needs_are_well_formed_and_point_at_partners():
    industries, categories = vocabularies()
    keys = {p["key"] for p in partners()}
    found = needs()
    assert len(found) >= 80
    assert len({n["key"] for n in found}) == len(found)
    for need in found:
        assert need["lang"] in LANGUAGES and need["split"] in ("tune", "holdout"), need["key"]
        assert need["title"].strip() and len(need["title"]) <= 200, need["key"]
        assert isinstance(need["description"], str), need["key"]
        assert need["category"] is None or need["category"] in categories, need["key"]
        assert need["industry"] is None or need["industry"] in industries, need["key"]
        assert 1 <= len(need["expected"]) <= 3, need["key"]
        assert len(set(need["expected"])) == len(need["expected"]), need["key"]
        assert set(need["expected"]) <= keys, need["key"]
        for number in (need["area_m2"], need["headcount"]):
            assert number is None or (isinstance(number, int) and number > 0), need["key"]


def test_languages_are_mixed_and_written_as_labelled():
    found = needs()
    counts = Counter(n["lang"] for n in found)
    assert all(counts[lang] >= 0.15 * len(found) for lang in LANGUAGES), counts
    for need in found:
        text = f"{need['title']} {need['description']}"
        has_chinese, has_latin = bool(CJK.search(text)), bool(LATIN_WORD.search(text))
        # Mixed is Chinese with German or English, or German with English (no script test).
        expected = {"zh": (True, None), "mixed": (None, True)}.get(need["lang"], (False, True))
        assert expected[0] is None or has_chinese == expected[0], need["key"]
        assert expected[1] is None or has_latin == expected[1], need["key"]
    mixed = [n for n in found if n["lang"] == "mixed"]
    assert sum(bool(CJK.search(n["title"] + n["description"])) for n in mixed) > len(mixed) / 2


def test_exactly_half_is_held_out_in_every_language():
    found = needs()
    assert sum(n["split"] == "holdout" for n in found) * 2 == len(found)
    for lang in LANGUAGES:
        of_lang = [n for n in found if n["lang"] == lang]
        holdout = sum(n["split"] == "holdout" for n in of_lang)
        assert abs(2 * holdout - len(of_lang)) <= 1, lang


def test_industries_are_often_missing_or_wrong():
    by_key = {p["key"]: p for p in partners()}
    found = needs()
    assert sum(n["industry"] is None for n in found) >= 0.2 * len(found)
    wrong = [n for n in found if n.get("wrong_industry")]
    assert len(wrong) >= 0.15 * len(found)
    for need in wrong:
        # Wrong means no expected partner works in it, by its own or an offer's industry.
        theirs = set()
        for key in need["expected"]:
            partner = by_key[key]
            theirs |= {
                partner["industry"],
                *(i for o in partner["offers"] for i in o["industries"]),
            }
        assert need["industry"] and need["industry"] not in theirs, need["key"]


def test_padding_is_deterministic_and_in_the_same_format():
    generate = padding().generate
    first = generate(120, seed=3)
    assert first == generate(120, seed=3)
    assert first != generate(120, seed=4)
    assert generate(40, seed=3) == first[:40]
    assert generate(120) == generate(120, seed=7)
    for partner in first:
        check_partner(partner)
        assert set(partner) <= {"key", "org_kind", "name", "name_en", "name_de", "name_zh",
                                "description", "industry", "offers"}  # fmt: skip


@pytest.mark.parametrize("seed", [7, 11])
def test_padding_never_repeats_a_labelled_partner(seed):
    labelled = set().union(*(all_names(p) for p in partners()))
    padded = padding().generate(1000 - len(partners()), seed=seed)
    names = [n for p in padded for n in all_names(p)]
    assert not set(names) & labelled
    assert len({p["name"] for p in padded}) == len(padded)
    assert not {p["key"] for p in padded} & {p["key"] for p in partners()}
    # Across every offer kind and key industry, in Chinese, English and German.
    industries, _ = vocabularies()
    assert {o["kind"] for p in padded for o in p["offers"]} == {k.value for k in OfferKind}
    assert {p["industry"] for p in padded} - {None} == industries
    assert any(p.get("name_de") for p in padded)
    texts = " ".join(o["title"] for p in padded for o in p["offers"])
    assert CJK.search(texts) and "für" in texts and " and " in texts
