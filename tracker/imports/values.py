"""Reading single cells: roles, countries, topics, industries, needs, e-mail addresses."""

import re
from functools import cache

from email_validator import EmailNotValidError, validate_email

from tracker.i18n import country_names
from tracker.models import KeyIndustry, MemberRole, Topic
from tracker.text import fold

# Role words in the three languages (folded); anything else is a plain member.
ROLE_WORDS = {
    MemberRole.HEAD: (
        "head", "head of delegation", "delegation head", "leader", "delegation leader", "leiter",
        "leiterin", "delegationsleiter", "delegationsleiterin", "leitung", "delegationsleitung",
        "团长", "领队", "负责人",
    ),
    MemberRole.INTERPRETER: (
        "interpreter", "translator", "dolmetscher", "dolmetscherin", "ubersetzer", "ubersetzerin",
        "翻译", "口译",
    ),
    MemberRole.ORGANISER: (
        "organiser", "organizer", "organisator", "organisatorin", "koordinator", "koordinatorin",
        "coordinator", "组织者", "联络人", "协调人",
    ),
    MemberRole.MEMBER: ("member", "mitglied", "teilnehmer", "teilnehmerin", "团员", "成员"),
}  # fmt: skip
_ROLES = {fold(word): role for role, words in ROLE_WORDS.items() for word in words}
# Export writes these English labels; the import reads them back.
ROLE_EXPORT_LABELS = {
    MemberRole.HEAD: "Head of delegation",
    MemberRole.MEMBER: "Member",
    MemberRole.INTERPRETER: "Interpreter",
    MemberRole.ORGANISER: "Organiser",
}
_ROLES.update({fold(label): role for role, label in ROLE_EXPORT_LABELS.items()})
# Chinese lists separate with 、 and the full-width comma and semicolon.
_LIST_SEPARATORS = re.compile("[,;\n/\u3001\uff0c\uff1b]+")
_NEED_SEPARATORS = re.compile("[;\n\uff1b]+")
_PHONE = re.compile(r"[0-9 +\-()/.]*")


def parse_role(text: str) -> MemberRole | None:
    """The role a cell names, None when it names none we know."""
    return _ROLES.get(fold(text))


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in ("en", "de", "zh"):
        for code, name in country_names(language).items():
            names.setdefault(fold(name), code)
    return names


def parse_country(text: str) -> str | None:
    """An ISO alpha-2 code from a code or a country name in English, German or Chinese."""
    value = text.strip()
    if len(value) == 2 and value.isalpha() and value.upper() in _country_names().values():
        return value.upper()
    return _country_names().get(fold(value))


def split_list(text: str) -> list[str]:
    """Items of a list cell (topics): comma, semicolon, slash, line or 、 separated."""
    return [item.strip() for item in _LIST_SEPARATORS.split(text) if item.strip()]


def split_needs(text: str) -> list[str]:
    """Needs in a cell: one per line or semicolon (commas occur inside a need)."""
    return [item.strip(" -•*\t") for item in _NEED_SEPARATORS.split(text) if item.strip(" -•*\t")]


def vocabulary_index(terms: list[Topic] | list[KeyIndustry]) -> dict:
    """Folded names in all languages -> term."""
    index = {}
    for term in terms:
        for name in (term.name, term.name_de, term.name_zh):
            if name:
                index.setdefault(fold(name), term)
    return index


def email_problem(email: str) -> bool:
    """True when email is not a plausible address."""
    if len(email) > 254:
        return True
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return True
    return False


def phone_ok(phone: str) -> bool:
    """Phone numbers hold digits, spaces and + - ( ) / . only (as in the person form)."""
    return bool(_PHONE.fullmatch(phone)) and len(phone) <= 50
