"""Text folding shared by search, the duplicate guard and (later) the import.

Folding is applied identically to stored keys and to queries, so it only has to be consistent,
not pretty: Müller, Mueller and MULLER all fold to "muller".
"""

import re
import unicodedata

# German digraphs are folded to their base vowel after umlauts are, so both spellings meet.
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_SPECIAL = str.maketrans({"ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o", "æ": "a", "Æ": "a", "đ": "d"})
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Every word a syllable with a tone number, e.g. "zhang1 wei3" (not "a4 paper").
_NUMBERED_PINYIN = re.compile(r"[a-z]{2,6}[1-5](?: ?[a-z]{2,6}[1-5])*")

# Legal forms that do not distinguish one organisation from another (already folded).
_LEGAL_FORMS = {
    "gmbh", "mbh", "ag", "ev", "kg", "kgaa", "co", "ohg", "ug", "se", "gbr", "eg",
    "ltd", "limited", "inc", "llc", "plc", "corp", "corporation", "company", "sa", "sarl", "bv",
    "nv", "spa", "srl",
}  # fmt: skip
_CHINESE_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司")


def fold(text: str | None) -> str:
    """Lower-case, width-, accent- and umlaut-insensitive form of text, spaces collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_SPECIAL).casefold()
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    for digraph, vowel in _DIGRAPHS:
        text = text.replace(digraph, vowel)
    return " ".join(text.split())


def search_key(*parts: str | None) -> str:
    """One folded string over all the names of a record, for substring search.

    Chinese names are followed by their pinyin, spaced and joined, so that 张伟 is found by
    "zhang wei", "zhangwei" and "Zhāng Wěi" (folding drops the tone marks of a query).
    """
    keys = []
    for folded in (fold(p) for p in parts):
        if folded:
            keys.append(folded)
            keys.extend(pinyin_forms(folded))
    return " | ".join(keys)


def search_needle(query: str | None) -> str:
    """A query folded like the keys; numbered tones ("zhang1 wei3") lose their digits."""
    needle = fold(query)
    if _NUMBERED_PINYIN.fullmatch(needle):
        needle = re.sub(r"[1-5]", "", needle)
    return needle


def pinyin_forms(text: str) -> list[str]:
    """Pinyin of text without tones, spaced and joined; none when text has no Chinese."""
    if not _HAN.search(text):
        return []
    # Imported on first use: the phrase dictionary costs about 50 MB and 0.2 s, and only
    # writes of Chinese names need it.
    from pypinyin import lazy_pinyin

    syllables = [s.strip() for s in lazy_pinyin(text) if s.strip()]
    spaced = fold(" ".join(syllables))
    return [spaced, spaced.replace(" ", "")]


def organisation_key(name: str | None) -> str:
    """Key for the duplicate guard: folded, punctuation, spacing and legal forms removed."""
    folded = fold(name)
    for suffix in _CHINESE_LEGAL_FORMS:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            folded = folded[: -len(suffix)]
            break
    words = [w for w in _NOT_WORD.sub(" ", folded.replace(".", "")).split() if w]
    # "e.V." and "Co." lose their dots above; "& Co. KG" loses its ampersand here.
    kept = [w for w in words if w not in _LEGAL_FORMS]
    return "".join(kept or words)
