"""The words of a text, for matching needs with partners across German, English and Chinese.

Text is split where the script changes ("做PCB和SMT的贴片加工" -> 做 / PCB / 和 / SMT / 的贴片加工),
folded (case, width, accents, umlauts: tracker.text.fold), Chinese runs are segmented into
words by jieba's dictionary and HMM (rjieba, the jieba-rs binding), and Latin words are
stemmed by Snowball's English and German stemmers (PyStemmer). A word is kept as the set of
its forms ("valves" -> {valv}; "Messgeräte" -> {messger, messgerat}): two words match when
their forms meet, whichever language each was written in.

German compounds are split by vocabulary (split_compound): a word is cut where both pieces are
words the matcher knows, with or without a linking s, so "Wasserstofftankstellen" reaches
"Wasserstoff" and "Tankstelle".
"""

import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Iterator
from functools import cache, lru_cache
from typing import NamedTuple

import Stemmer

from tracker.text import fold

Forms = frozenset[str]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of Chinese characters, or a run of letters and digits of other scripts.
_RUNS = re.compile(rf"[{_HAN}]+|[^\W_{_HAN}]+")
_IS_HAN = re.compile(rf"[{_HAN}]")
_HAN_RUNS = re.compile(rf"[{_HAN}]+")

# Function words, the words of asking ("we are looking for", "wir suchen", "需要"), units, and
# the places every partner and visitor names (Shanghai, Germany): they say nothing about what is
# sought, and a rare one would otherwise weigh like a technology.
_STOP_TEXT = """
    a an the and or but of for to in on at by with from as into per via about than also not no
    we our us you your they their it its this that these those there here is are be been being
    was were will would can could should may might must do does done have has had i my me
    looking look seek seeking search searching find finding need needs needed require required
    requires want wants wanted interested interest help support please would like some any
    such other more most very well new good best etc e g i e ca approx about around
    der die das den dem des ein eine einen einem einer eines und oder aber fur von zu zum zur
    im in am an auf aus bei mit nach uber unter vor wie als auch nicht kein keine sich wir
    unser unsere unseren unserem ihr ihre sie es ist sind sein war waren wird werden wurde
    haben hat hatte kann konnen soll sollen mochten mochte gern gerne suchen suche sucht
    gesucht brauchen brauche braucht benotigen benotigt finden bitte etwa circa rund sowie
    bzw usw z b dafur dazu hier dort sehr neue neuen neuer
    的 了 和 与 及 或 在 是 为 对 把 被 从 向 等 也 都 而 并 其 之 以 于 就 要 能 会 可 可以
    我们 我司 我方 贵方 你们 他们 需要 寻找 找 找到 希望 想 想要 求 一家 一个 一些 有 有关 相关 提供
    进行 做 用 请 帮助 帮忙 合适 能够 本地 当地 合作伙伴 伙伴 公司 企业
    local lokal lokale lokalen lokaler partner partners partnern company companies firma
    unternehmen
    m2 qm sqm km kg mm cm ca stuck pcs
    month months monat monate monaten year years jahr jahre jahren
    平米 平方米 平方 万 千 个 月 年
    shanghai baoshan china chinese chinesisch chinesische chinesischen german germany deutsch
    deutsche deutschen deutschland europe european europa europaisch 上海 宝山 中国 德国 欧洲
    """
STOP_WORDS = frozenset(fold(w) for w in _STOP_TEXT.split())


@cache
def _stemmers() -> tuple[Callable[[str], str], Callable[[str], str]]:
    return Stemmer.Stemmer("english").stemWord, Stemmer.Stemmer("german").stemWord


class Word(NamedTuple):
    """A word of a text: as written, folded, its forms, and whether it is a whole word (not
    one of the shorter words search mode finds inside a Chinese word)."""

    surface: str
    word: str
    forms: Forms
    whole: bool = True


@cache
def _segmenter():
    """A jieba segmenter of our own (the glossary's words are added to it), made on first use:
    its dictionary holds 35 MB, which processes that never match (an export worker, the
    command line) should not pay for."""
    # Imported on first use, for the 35 MB dictionary named above.
    import rjieba

    return rjieba.Jieba()


def add_words(terms: Iterable[str]) -> None:
    """Teach the segmenter the Chinese words of terms (十万级, 检测认证机构), so a text cuts
    them out whole instead of into pieces that mean something else (十万 is 100,000)."""
    segmenter = _segmenter()
    for term in terms:
        for run in _HAN_RUNS.findall(term):
            if len(run) > 1 and not segmenter.has_word(run):
                segmenter.add_word(run, None, None)


@lru_cache(maxsize=65536)
def latin_forms(word: str) -> Forms:
    """The English and German stems of a folded Latin word (one form when they agree)."""
    english, german = _stemmers()
    return frozenset((english(word), german(word)))


def tokens(text: str | None, precise: bool = False) -> Iterator[tuple[str, str, bool]]:
    """(surface, folded word, whole) for every word of text, stop words left out. Numbers are
    words here (ISO 7 is not ISO 8); ranking leaves them out of relevance.

    Chinese runs are cut into words, and in search mode each word is followed by the shorter
    words inside it (洁净车间 -> 洁净, 车间, 洁净车间; whole False), so a need and a profile that
    word it differently meet; precise mode (for glossary terms) gives only the whole words.
    """
    if not text:
        return
    for run in _RUNS.findall(unicodedata.normalize("NFKC", text)):
        if _IS_HAN.match(run):
            segmenter = _segmenter()
            for whole in segmenter.cut(run):
                parts = [whole] if precise else segmenter.cut_for_search(whole)
                for word in parts:
                    # A lone character (具 of 模具, 云 of 云南) is a piece of a word, not a word.
                    if len(word) > 1 and word not in STOP_WORDS:
                        yield word, word, word == whole
            continue
        word = fold(run)
        if (len(word) < 2 and not word.isdigit()) or word in STOP_WORDS:
            continue
        yield run, word, True


def whole_term(term: str) -> bool:
    """True when every character of term's Chinese is in a word of two or more (a term such
    as 500强 would otherwise shrink to "500" and match any figure)."""
    segmenter = _segmenter()
    return all(len(w) > 1 for run in _HAN_RUNS.findall(term) for w in segmenter.cut(run))


def word_forms(word: str) -> Forms:
    """The forms a folded word matches by: its stems if Latin, itself if Chinese or a number."""
    if _IS_HAN.match(word) or word.isdigit():
        return frozenset((word,))
    return latin_forms(word)


def analyse(text: str | None, precise: bool = False) -> list[Word]:
    """Every word of text, in order."""
    return [Word(s, w, word_forms(w), whole) for s, w, whole in tokens(text, precise)]


# A compound's head or modifier is at least this long: shorter pieces ("tank" in "Tankstelle"
# is fine, "ion" in "Extrusion" is not) cut ordinary words into nonsense.
MIN_PIECE = 4


def split_compound(word: str, known: Container[str]) -> list[str]:
    """Known pieces of a long folded Latin word, as German compounds are built: where the
    word's German stem cuts into two known words (a linking s allowed), those two; else its
    known prefixes and suffixes that leave at least MIN_PIECE letters.

    "wasserstofftankstellen" with wasserstoff and tankstell known -> [wasserstoff, tankstell];
    "spritzgussteile" -> [spritzguss, teil], not "gussteil" as well (the cut that both pieces
    explain wins over a piece that happens to end the word).
    """
    if _IS_HAN.match(word) or len(word) < 2 * MIN_PIECE:
        return []
    stem = _stemmers()[1](word)
    pieces: list[str] = []
    whole: list[tuple[int, str, str]] = []
    for cut in range(MIN_PIECE, len(stem) - MIN_PIECE + 1):
        head, tail = stem[:cut], stem[cut:]
        head_known = head in known
        if head_known:
            pieces.append(head)
        if tail in known:
            pieces.append(tail)
        linked = tail[1:] if tail.startswith("s") and len(tail) > MIN_PIECE else None
        if head_known and (tail in known or (linked and linked in known)):
            whole.append((min(cut, len(stem) - cut), head, tail if tail in known else linked))
    if whole:
        _, head, tail = max(whole)
        return [head, tail]
    return sorted(set(pieces), key=stem.index)
