"""Words for matching: script boundaries, folding, stemming, Chinese words, German compounds."""

import pytest

from tracker.matchmaking.analysis import add_words, analyse, split_compound, tokens, word_forms
from tracker.matchmaking.ranking import area_in_text


def words(text: str) -> list[str]:
    return [word for _, word, _ in tokens(text)]


def meet(a: str, b: str) -> bool:
    """The single word a and the single word b share a form."""
    (first,), (second,) = analyse(a), analyse(b)
    return bool(first.forms & second.forms)


def test_latin_words_glued_to_chinese_are_split_off():
    found = words("做PCB和SMT的贴片加工")
    assert "pcb" in found and "smt" in found
    assert "贴片" in found and "加工" in found


def test_chinese_is_cut_into_words_not_characters():
    assert "云" not in words("云南的工厂")
    assert "云南" in words("云南的工厂")


def test_search_mode_keeps_the_short_words_inside_a_long_one():
    found = list(tokens("中华人民共和国"))
    assert ("中华人民共和国", "中华人民共和国", True) in found
    assert {"中华", "人民", "共和国"} <= {word for _, word, whole in found if not whole}


def test_precise_mode_gives_each_character_to_one_word():
    precise = [word for _, word, _ in tokens("中华人民共和国", precise=True)]
    assert precise == ["中华人民共和国"]


def test_glossary_words_are_taught_to_the_segmenter():
    assert "量子隧穿显微镜" not in words("量子隧穿显微镜")
    add_words(["量子隧穿显微镜"])
    assert "量子隧穿显微镜" in words("量子隧穿显微镜")


def test_stop_words_are_left_out_and_numbers_kept():
    assert words("We are looking for a partner with 500 engineers") == ["500", "engineers"]
    assert words("ISO 7") == ["iso", "7"]
    assert words("Wir suchen einen Lohnfertiger") == ["lohnfertiger"]
    assert words("我们需要寻找一家本地公司") == []


def test_full_width_letters_and_case_fold():
    assert words("\uff33\uff2d\uff34 Line") == words("smt line")


@pytest.mark.parametrize(
    ("a", "b"),
    [("valves", "valve"), ("Messgeräte", "Messgerät"), ("Labore", "Labor"),
     ("moulding", "mouldings"), ("certification", "certifications"), ("Mueller", "Müller")],
)  # fmt: skip
def test_inflections_meet(a, b):
    assert meet(a, b)


@pytest.mark.parametrize(("a", "b"), [("valve", "value"), ("robot", "robust"), ("lab", "label")])
def test_different_words_do_not_meet(a, b):
    assert not meet(a, b)


def test_chinese_words_are_their_own_form():
    assert word_forms("注塑") == frozenset({"注塑"})


def test_a_compound_is_split_into_known_pieces():
    known = {"wasserstoff", "tankstell", "spritzguss", "teil", "gussteil"}
    assert split_compound("wasserstofftankstellen", known) == ["wasserstoff", "tankstell"]
    assert split_compound("spritzgussteile", known) == ["spritzguss", "teil"]


def test_without_a_cut_both_pieces_explain_known_ends_are_taken():
    assert split_compound("kunststoffspritzguss", {"spritzguss"}) == ["spritzguss"]


def test_a_linking_s_leaves_the_head_whole():
    assert split_compound("exportkreditsversicherung", {"versicher"}) == ["versicher"]


def test_short_words_and_chinese_are_not_split():
    assert split_compound("teile", {"teil"}) == []
    assert split_compound("洁净车间", {"洁净"}) == []


def test_pieces_must_be_known_and_long_enough():
    assert split_compound("extrusion", {"ion", "extrus"}) == []


@pytest.mark.parametrize(
    ("text", "area"),
    [("需要500平米十万级洁净车间", 500), ("Halle mit ca. 2.000 m² gesucht", 2000),
     ("1,500 sqm warehouse", 1500), ("约1万平方米的厂房", 10000), ("3000 qm", 3000),
     ("800 square metres of offices", 800), ("a clean room", None), ("ISO 9001", None)],
)  # fmt: skip
def test_an_area_written_in_the_text_is_read(text, area):
    assert area_in_text(text) == area
