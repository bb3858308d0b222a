"""The fields a member list may have, and guessing them from German, English and Chinese headers."""

import re

from flask_babel import lazy_gettext as _l

from tracker.text import fold

# Field key -> label; the keys are what mappings store.
FIELDS = {
    "full_name": _l("Name"),
    "first_name": _l("First name"),
    "last_name": _l("Last name"),
    "name_other_script": _l("Name in other script"),
    "organisation": _l("Organisation"),
    "position": _l("Position"),
    "email": _l("E-mail"),
    "phone": _l("Phone"),
    "role": _l("Role in the delegation"),
    "industry": _l("Industry"),
    "topics": _l("Topics"),
    "needs": _l("Cooperation needs"),
    "country": _l("Country"),
    "city": _l("City"),
    "notes": _l("Notes"),
}
NAME_FIELDS = ("full_name", "first_name", "last_name")

# Header spellings seen in real lists; compared after header_key() folding.
SYNONYMS = {
    "full_name": (
        "Name", "Full name", "Vollständiger Name", "Vor- und Nachname", "Name, Vorname",
        "Nachname, Vorname", "Teilnehmer", "Teilnehmerin", "Teilnehmer/in", "Participant",
        "Person", "Delegationsmitglied", "姓名", "名字", "全名", "参会人员", "人员",
    ),
    "first_name": ("Vorname", "First name", "Given name", "Forename", "名"),
    "last_name": ("Nachname", "Familienname", "Last name", "Surname", "Family name", "姓"),
    "name_other_script": (
        "Chinesischer Name", "Name chinesisch", "Name (chinesisch)", "Chinese name",
        "Name in other script", "中文名", "中文姓名", "英文名", "英文姓名", "外文名",
    ),
    "organisation": (
        "Organisation", "Organization", "Firma", "Unternehmen", "Company", "Institution",
        "Einrichtung", "Behörde", "Arbeitgeber", "Employer", "Firmenname", "Unternehmensname",
        "Organisationsname", "Company name", "Organisation name", "Organization name",
        "Name der Firma", "Name des Unternehmens", "Firma/Institution", "单位", "公司", "企业",
        "机构", "工作单位", "单位名称", "公司名称", "企业名称", "所属单位",
    ),
    "position": (
        "Funktion", "Position", "Job title", "Title", "Stellung", "Dienststellung",
        "Berufsbezeichnung", "Funktion/Position", "Position/Funktion", "职务", "职位", "头衔",
    ),
    "email": (
        "E-Mail", "Email", "Mail", "E-Mail-Adresse", "Email address", "E-mail address",
        "邮箱", "电子邮箱", "电子邮件", "邮件", "邮箱地址",
    ),
    "phone": (
        "Telefon", "Tel", "Tel.", "Telefonnummer", "Phone", "Phone number", "Telephone", "Mobil",
        "Mobile", "Handy", "电话", "手机", "联系电话", "电话号码", "联系方式",
    ),
    "role": (
        "Rolle", "Role", "Rolle in der Delegation", "Role in the delegation", "Delegationsrolle",
        "角色", "身份", "团内职务",
    ),
    "industry": (
        "Branche", "Industry", "Sector", "Sektor", "Wirtschaftszweig", "行业", "产业", "所属行业",
    ),
    "topics": (
        "Themen", "Thema", "Topics", "Topic", "Interessen", "Gesprächsthemen", "Interests",
        "议题", "主题", "话题", "关注领域",
    ),
    "needs": (
        "Kooperationsbedarf", "Kooperationswunsch", "Kooperationswünsche", "Bedarf", "Needs",
        "Cooperation needs", "Cooperation need", "Kooperationsinteresse", "合作需求", "需求",
        "合作意向",
    ),
    "country": ("Land", "Country", "Staat", "Herkunftsland", "国家", "国别"),
    "city": ("Stadt", "Ort", "City", "Sitz", "Standort", "城市", "所在城市"),
    "notes": (
        "Bemerkungen", "Bemerkung", "Anmerkungen", "Notizen", "Notes", "Remarks", "Comments",
        "Kommentar", "备注", "说明",
    ),
}  # fmt: skip

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def header_key(header: str) -> str:
    """A header folded for comparison: case, accents, spacing and punctuation ignored."""
    return _NOT_WORD.sub("", fold(header))


_EXACT = {header_key(s): field for field, spellings in SYNONYMS.items() for s in spellings}
# Longest first, so "E-Mail-Adresse (dienstlich)" is an e-mail and not a "Mail ..." column.
# Short Latin prefixes would misfire ("Tel" in "Teilnehmer"); two Chinese characters say enough.
_PREFIXES = sorted(
    ((k, f) for k, f in _EXACT.items() if len(k) >= 4 or (len(k) >= 2 and not k.isascii())),
    key=lambda kf: -len(kf[0]),
)


def guess_field(header: str) -> str:
    """The field a header most likely names, or "" when it is not recognised."""
    key = header_key(header)
    if not key:
        return ""
    if key in _EXACT:
        return _EXACT[key]
    return next((field for prefix, field in _PREFIXES if key.startswith(prefix)), "")


def guess_mapping(headers: list[str], remembered: dict[str, str] | None = None) -> list[str]:
    """A field (or "") per column: the mapping remembered for that header, else the guess; each
    field is given to the first column that claims it."""
    remembered = remembered or {}
    taken: set[str] = set()
    mapping = []
    for header in headers:
        field = remembered.get(header_key(header), guess_field(header))
        if field not in FIELDS or field in taken:
            field = ""
        taken.add(field)
        mapping.append(field)
    return mapping


def header_score(cells: list[str]) -> int:
    """How many different fields a row's cells name (to find the header row); a lone cell
    counts only when it is exactly a known header, so a title row such as "Teilnehmerliste
    Thüringen" is not taken for the header."""
    fields = {f for f in (guess_field(c) for c in cells if c and len(c) <= 100) if f}
    if len(fields) == 1 and not any(header_key(c) in _EXACT for c in cells if c):
        return 0
    return len(fields)
