"""Matching terms in text across German, English and Chinese, after folding.

Text is folded (Müller = Mueller = muller) and split into words; a Latin term matches whole
words in order, a Chinese term matches anywhere (Chinese has no spaces between words).
"""

import re

from tracker.text import fold

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
# CJK unified ideographs (with extension A) and the compatibility block.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def match_text(*parts: str | None) -> str:
    """Folded words of parts, space-separated and padded with a space on each side."""
    words = _NOT_WORD.sub(" ", fold(" ".join(p for p in parts if p))).split()
    return f" {' '.join(words)} " if words else ""


def contains(text: str, term: str) -> bool:
    """True when the folded term (from match_text, stripped) occurs in the folded text."""
    if not term:
        return False
    if _CJK.search(term):
        return term in text
    return f" {term} " in text
