"""The preview: what importing a member list would do, row by row, before anything is written.

Existing records are preloaded by the file's keys (e-mails, organisation keys, names) in a
fixed number of queries, whatever the number of rows.
"""

from collections import Counter
from collections.abc import Collection

from flask_babel import gettext as _

from tracker.imports import lookups
from tracker.imports.fields import FIELDS
from tracker.imports.parsing import Table
from tracker.imports.plans import NeedPlan, OrganisationPlan, Plan, RowPlan
from tracker.imports.values import (
    email_problem,
    parse_country,
    parse_role,
    phone_ok,
    split_list,
    split_needs,
)
from tracker.models import MemberRole, Person, Topic
from tracker.text import fold, organisation_key

LIMITS = {"full_name": 200, "name_other_script": 200, "position": 200, "organisation": 200}
FILLABLE = ("name_other_script", "position", "email", "phone")  # blanks of a known person


def build_plan(
    table: Table, fields: list[str], delegation_id: int, separate: Collection[str] = ()
) -> Plan:
    """The preview for table read with the column fields; organisation keys in separate are
    created anew instead of being merged into a similar existing organisation."""
    rows = [_read_row(number, cells, fields) for number, cells in table.rows]
    ok = [r for r in rows if r.status == "ok"]
    known = lookups.load(
        delegation_id,
        emails={r.values["email"].lower() for r in ok if r.values.get("email")},
        org_keys={organisation_key(r.values.get("organisation")) for r in ok} - {""},
        names={fold(r.full_name) for r in ok},
    )
    organisations = _plan_organisations(rows, known, separate)
    _match_people(rows, known)
    for organisation in organisations.values():  # repeated rows no longer count
        organisation.rows = [
            r.number for r in rows if r.status == "ok" and r.organisation is organisation
        ]
    needs = _plan_needs(rows, known)
    topics = _plan_topics(rows, known)
    return Plan(known.delegation, rows, list(organisations.values()), needs, topics)


def _read_row(number: int, cells: list[str], fields: list[str]) -> RowPlan:
    """The row's values by field; blank rows and rows in error are marked with the reason."""
    values: dict[str, str] = {}
    for name, cell in zip(fields, cells, strict=False):
        if name and cell and name not in values:
            values[name] = cell
    row = RowPlan(number, values=values)
    if not values:  # nothing in the mapped columns (a row number alone counts as blank)
        row.status = "blank"
        return row
    row.full_name = _full_name(values)
    email = values.get("email", "")
    if not row.full_name:
        return _fail(row, _("No name."))
    for name, limit in LIMITS.items():
        if len(row.full_name if name == "full_name" else values.get(name, "")) > limit:
            message = _(
                "%(field)s is longer than %(max)d characters.", field=_field(name), max=limit
            )
            return _fail(row, message)
    if email and email_problem(email):
        return _fail(row, _("Invalid e-mail address “%(email)s”.", email=email[:100]))
    if values.get("phone") and not phone_ok(values["phone"]):
        phone = values.pop("phone")[:60]
        row.notes.append(_("Phone “%(phone)s” left out: not a phone number.", phone=phone))
    if values.get("role"):
        role = parse_role(values["role"])
        if role is None:
            unknown = values["role"][:60]
            row.notes.append(_("Unknown role “%(role)s”: recorded as member.", role=unknown))
        row.role = role or MemberRole.MEMBER
    return row


def _fail(row: RowPlan, reason: str) -> RowPlan:
    row.status, row.reason = "error", reason
    return row


def _field(name: str) -> str:
    return str(FIELDS[name])


def _full_name(values: dict[str, str]) -> str:
    """The name column, else first and last name joined (family name first in Chinese)."""
    if values.get("full_name"):
        return " ".join(values["full_name"].split())
    first, last = values.get("first_name", ""), values.get("last_name", "")
    if first and last and all(ord(c) >= 0x2E80 for c in first + last):
        return last + first  # Chinese: family name first, no space (张 + 伟 -> 张伟)
    return " ".join(f"{first} {last}".split())


def _plan_organisations(
    rows: list[RowPlan], known: "lookups.Known", separate: Collection[str]
) -> dict[str, OrganisationPlan]:
    """Group the rows' organisations by key and find each one in the tracker."""
    plans: dict[str, OrganisationPlan] = {}
    for row in rows:
        name = " ".join(row.values.get("organisation", "").split())
        key = organisation_key(name)
        if row.status != "ok" or not key:
            continue
        plan = plans.setdefault(key, OrganisationPlan(key))
        plan.spellings[name] += 1
        row.organisation = plan
    for plan in plans.values():
        _resolve_organisation(plan, known, plan.key in separate)
    for row in rows:
        if row.organisation is not None:
            _details_from_row(row.organisation, row, known)
    return plans


def _resolve_organisation(plan: OrganisationPlan, known: "lookups.Known", separate: bool) -> None:
    """Existing when a spelling is a recorded name or alias; similar when only the key matches."""
    candidates = known.organisations_by_key.get(plan.key, [])
    aliases = known.aliases_by_key.get(plan.key, [])
    # Only the very same spelling is "existing"; any other (JENAER OPTRONIK AG for Jenaer
    # Optronik AG) is shown as similar, to be merged into it unless the user says otherwise.
    exact = next((o for o in candidates if _same(o.name, plan.spellings)), None)
    alias = next((a for a in aliases if _same(a.name, plan.spellings)), None)
    if exact is not None:
        plan.existing, plan.status = exact, "existing"
    elif alias is not None:
        plan.existing, plan.status, plan.via_alias = alias.organisation, "existing", alias.name
    elif candidates or aliases:
        plan.existing = candidates[0] if candidates else aliases[0].organisation
        plan.via_alias = None if candidates else aliases[0].name
        plan.status = "similar"
    if plan.existing is not None:
        seen = {plan.existing.id}
        for other in [*candidates, *(a.organisation for a in aliases)]:
            if other.id not in seen:
                seen.add(other.id)
                plan.others.append(other)
    if separate and plan.status == "similar":
        plan.existing, plan.status, plan.via_alias, plan.others = None, "new", None, []


def _same(name: str, spellings: Counter) -> bool:
    return " ".join(name.split()) in spellings


def _details_from_row(plan: OrganisationPlan, row: RowPlan, known: "lookups.Known") -> None:
    """Country, city and industry of a new organisation, from its first rows that give them."""
    if plan.status != "new":
        return
    country, industry = row.values.get("country"), row.values.get("industry")
    if plan.country is None and country:
        plan.country = parse_country(country)
        if plan.country is None:
            row.notes.append(_("Unknown country “%(country)s” ignored.", country=country[:60]))
    plan.city = plan.city or row.values.get("city", "")[:120] or None
    if plan.industry is None and industry:
        plan.industry = known.industries.get(fold(industry))
        if plan.industry is None:
            row.notes.append(_("Unknown industry “%(name)s” ignored.", name=industry[:60]))


def _match_people(rows: list[RowPlan], known: "lookups.Known") -> None:
    """Existing person by e-mail, else by name and organisation; repeats within the file."""
    by_email: dict[str, int] = {}
    by_name: dict[tuple[str, str], tuple[int, str]] = {}
    by_person: dict[int, int] = {}
    for row in rows:
        if row.status != "ok":
            continue
        email = row.values.get("email", "").lower()
        org_key = row.organisation.key if row.organisation else ""
        name_key = (fold(row.full_name), org_key)
        earlier = by_email.get(email) if email else None
        if earlier is None and name_key in by_name:
            number, earlier_email = by_name[name_key]
            earlier = number if not (email and earlier_email and email != earlier_email) else None
        person, match = _find_person(row, email, known)
        if earlier is None and person is not None:
            earlier = by_person.get(person.id)
        if earlier is not None:
            row.status, row.reason = "duplicate", _("Same person as row %(row)d.", row=earlier)
            continue
        if email:
            by_email[email] = row.number
        by_name[name_key] = (row.number, email)
        row.person, row.match = person, match
        if person is not None:
            by_person[person.id] = row.number
            _plan_membership(row, person, known)
            _plan_fills(row, person)


def _find_person(row: RowPlan, email: str, known: "lookups.Known") -> tuple[Person | None, str]:
    if email and email in known.people_by_email:
        return known.people_by_email[email], "email"
    organisation_id = None
    if row.organisation is not None:
        if row.organisation.existing is None:
            return None, ""  # a new organisation has no people yet
        organisation_id = row.organisation.existing.id
    key = (fold(row.full_name), organisation_id)
    person = known.people_by_name.get(key) or known.members_by_name.get(key)
    return (person, "name") if person is not None else (None, "")


def _plan_membership(row: RowPlan, person: Person, known: "lookups.Known") -> None:
    member = known.members_by_person.get(person.id)
    if member is None:
        return
    row.member = member
    given = "role" in row.values and parse_role(row.values["role"]) is not None
    row.membership = "role" if given and member.role != row.role else "existing"
    if not given:
        row.role = member.role


def _plan_fills(row: RowPlan, person: Person) -> None:
    """Blank fields of a known person that the file fills (nothing recorded is overwritten)."""
    for name in FILLABLE:
        value = row.values.get(name)
        if value and not getattr(person, name):
            row.fills[name] = value
    organisation = row.organisation
    if organisation is not None and person.organisation_id is None:
        row.fills["organisation"] = organisation.name
    elif (
        organisation is not None
        and organisation.existing is not None
        and person.organisation is not None
        and person.organisation_id != organisation.existing.id
    ):
        message = _(
            "Recorded at “%(name)s”; the membership records “%(other)s” as this list says.",
            name=person.organisation.name,
            other=organisation.name,
        )
        row.notes.append(message)


def _plan_needs(rows: list[RowPlan], known: "lookups.Known") -> list[NeedPlan]:
    """A need per line of the needs column, once per organisation, unless already recorded."""
    needs: list[NeedPlan] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        text = row.values.get("needs", "")
        if row.status != "ok" or not text:
            continue
        if row.organisation is None:
            row.notes.append(_("Cooperation needs are recorded for an organisation; none given."))
            continue
        for item in split_needs(text):
            title = item if len(item) <= 200 else item[:199] + "…"
            key = (row.organisation.key, fold(title))
            organisation_id = row.organisation.existing.id if row.organisation.existing else None
            if key in seen or (organisation_id, fold(title)) in known.need_titles:
                continue
            seen.add(key)
            need = NeedPlan(title, item if title != item else None, row.organisation, row.number)
            row.needs.append(need)
            needs.append(need)
    return needs


def _plan_topics(rows: list[RowPlan], known: "lookups.Known") -> list[Topic]:
    """Topics named in the file that the delegation does not list yet."""
    topics: dict[int, Topic] = {}
    for row in rows:
        if row.status != "ok" or not row.values.get("topics"):
            continue
        for item in split_list(row.values["topics"]):
            topic = known.topics.get(fold(item))
            if topic is None:
                row.notes.append(_("Unknown topic “%(topic)s” ignored.", topic=item[:60]))
            elif topic.id not in known.delegation_topic_ids:
                topics.setdefault(topic.id, topic)
    return list(topics.values())
