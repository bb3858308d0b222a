"""Folding for search and the organisation duplicate key."""

import pytest

from tracker.text import fold, organisation_key, search_key, search_needle


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Müller", "Mueller"),
        ("Müller", "muller"),
        ("MÜLLER", "müller"),
        ("Görlitz", "Goerlitz"),
        ("Straße", "strasse"),
        ("\uff2a\uff45\uff4e\uff41", "jena"),  # full-width letters
        ("Élodie", "elodie"),
        ("  Jena   Optik ", "jena optik"),
    ],
)
def test_fold_makes_spellings_meet(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_chinese():
    assert fold("张伟") == "张伟"


@pytest.mark.parametrize(
    "name",
    [
        "JENAER OPTRONIK AG",
        "Jenaer Optronik",
        "Jenaer  Optronik, AG",
        "jenaer-optronik ag",
        "Jenaer Optronik GmbH & Co. KG",
    ],
)
def test_organisation_key_ignores_case_spacing_punctuation_and_legal_form(name):
    assert organisation_key(name) == organisation_key("Jenaer Optronik AG")


def test_organisation_key_ignores_chinese_legal_form():
    assert organisation_key("上海机器人产业园有限公司") == organisation_key("上海机器人产业园")


def test_organisation_key_tells_different_companies_apart():
    assert organisation_key("Jenaer Optronik AG") != organisation_key("Jenaer Optik AG")


def test_a_name_that_is_only_a_legal_form_keeps_a_key():
    assert organisation_key("AG") == "ag"


def test_search_key_joins_all_names():
    key = search_key("Müller GmbH", None, "穆勒")
    assert "muller gmbh" in key
    assert "穆勒" in key


def test_search_key_adds_pinyin_of_chinese_names_spaced_and_joined():
    key = search_key("张伟")
    assert key.split(" | ") == ["张伟", "zhang wei", "zhangwei"]


def test_search_key_reads_place_names_by_phrase():
    assert "chongqing" in search_key("重庆")


def test_search_key_adds_no_pinyin_to_latin_names():
    assert search_key("Müller") == "muller"


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("Zhāng Wěi", "zhang wei"),
        ("zhang1 wei3", "zhang wei"),
        ("ZHANG1WEI3", "zhangwei"),
        ("A4 paper", "a4 paper"),
        ("Müller", "muller"),
    ],
)
def test_search_needle_folds_tones_and_keeps_other_digits(query, needle):
    assert search_needle(query) == needle
