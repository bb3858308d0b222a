"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a
check character computed from the first 17."""

import re

# The code's alphabet: digits and the capitals without I, O, S, V and Z; a character's value is
# its place here.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# The weight of position i (0 to 16) is 3**i modulo 31.
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
LENGTH = 18
_SHAPE = re.compile(rf"[{ALPHABET}]{{2}}[0-9]{{6}}[{ALPHABET}]{{10}}")


def normalise(code: str | None) -> str | None:
    """The code as stored: spaces and dashes removed, upper-case; None for a blank one."""
    if code is None:
        return None
    cleaned = re.sub(r"[\s\-\u3000]", "", code).upper()
    return cleaned or None


def check_character(first17: str) -> str:
    """The check character of the code's first 17 characters."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    """A normalised code of the right length, alphabet and shape (registering authority and
    kind, six-digit area code, organisation code) whose check character is right."""
    if len(code) != LENGTH or not _SHAPE.fullmatch(code):
        return False
    return check_character(code[:17]) == code[17]
