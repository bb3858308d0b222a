"""The languages people speak, read from the free text of Person.languages and User.languages
("German, English", "de/en", "德语、英语", "Deutsch"), and interpreters' language pairs."""

import re

# Names (folded) of the languages the commission meets most, by ISO 639-1 code; any other word
# is kept as it is written (folded), so two people who both wrote "Italian" still share it.
NAMES = {
    "zh": (
        "zh",
        "chinese",
        "chinesisch",
        "mandarin",
        "putonghua",
        "chinois",
        "chi",
        "chn",
        "中文",
        "汉语",
        "漢語",
        "普通话",
        "华语",
        "国语",
        "中",
    ),
    "de": ("de", "german", "deutsch", "ger", "deu", "allemand", "德语", "德文", "德"),
    "en": ("en", "english", "englisch", "eng", "anglais", "英语", "英文", "英"),
    "fr": ("fr", "french", "französisch", "franzoesisch", "français", "francais", "法语", "法文"),
    "ja": ("ja", "japanese", "japanisch", "日语", "日文"),
    "ko": ("ko", "korean", "koreanisch", "韩语", "韩文"),
    "ru": ("ru", "russian", "russisch", "俄语"),
    "es": ("es", "spanish", "spanisch", "西班牙语"),
    "it": ("it", "italian", "italienisch", "意大利语"),
    "yue": ("yue", "cantonese", "kantonesisch", "粤语", "广东话"),
}
CODE_OF = {name: code for code, names in NAMES.items() for name in names}
# Chinese names, longest first, found inside run-together text such as "德语英语".
CJK_NAMES = sorted((n for n in CODE_OF if re.search(r"[\u4e00-\u9fff]", n)), key=len, reverse=True)
SEPARATORS = re.compile(r"[,;/|+&\n\r\t\u3001\uff0c\uff1b\uff0f]|\s+and\s+|\s+und\s+|和|及")
# Brackets ("English (fluent)") and level words are not languages.
LEVEL_WORDS = re.compile(
    r"\(.*?\)|\uff08.*?\uff09|\b(fluent|native|basic|some|a little|gut|fließend)\b"
)
PAIR_SEPARATORS = re.compile(r"[,;\n\r\t\u3001\uff0c\uff1b]|\s+")
PAIR_JOINERS = re.compile(r"\s*(?:<->|<>|↔|-|\u2013|/|>)\s*")  # "de - zh" is one pair


def _codes_of(token: str) -> list[str]:
    """The codes one token names: a known name, Chinese names run together, or itself."""
    token = token.strip().strip(".").casefold()
    if not token:
        return []
    if token in CODE_OF:
        return [CODE_OF[token]]
    if re.search(r"[\u4e00-\u9fff]", token):
        found = []
        for name in CJK_NAMES:
            if name in token:
                found.append(CODE_OF[name])
                token = token.replace(name, " ")
        return found
    words = token.split()
    if len(words) > 1 and all(w in CODE_OF for w in words):
        return [CODE_OF[w] for w in words]  # "German English"
    return [token[:20]]


def parse_languages(text: str | None) -> frozenset[str]:
    """The language codes in free text: "German, English" and "de/en" are {"de", "en"}."""
    if not text:
        return frozenset()
    text = LEVEL_WORDS.sub(" ", text.casefold())
    codes = (code for token in SEPARATORS.split(text) for code in _codes_of(token))
    return frozenset(codes)


def parse_pairs(text: str | None) -> frozenset[frozenset[str]]:
    """An interpreter's pairs: "de-zh, en-zh" (or "German-Chinese", "德语-中文"), unordered."""
    pairs = set()
    for token in PAIR_SEPARATORS.split(PAIR_JOINERS.sub("-", text or "")):
        sides = [parse_languages(side) for side in token.split("-") if side]
        if len(sides) == 2 and len(sides[0]) == 1 and len(sides[1]) == 1 and sides[0] != sides[1]:
            pairs.add(sides[0] | sides[1])
    return frozenset(pairs)


def format_pairs(pairs: frozenset[frozenset[str]]) -> str:
    """Pairs written back as codes: "de-zh en-zh"."""
    return " ".join(sorted("-".join(sorted(pair)) for pair in pairs))
