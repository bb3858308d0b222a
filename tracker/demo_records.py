"""The demo's records found or added, shared by the base demo (tracker.demo) and its year of work
(tracker.demo_year): running the demo again adds only what is missing."""

import secrets
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, select

from tracker import demo_data as data
from tracker.extensions import db
from tracker.models import Organisation, OrganisationKind, Person, Role, User
from tracker.regions import region_named
from tracker.text import organisation_key

_GERMAN_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def add_staff(email: str, name: str, role: str, created: Counter) -> User:
    """The demo colleague with this e-mail, added when missing."""
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        # Demo colleagues get an unguessable password; an admin can reset it to log in as them.
        user = User(email=email, display_name=name, role=Role(role))
        user.set_password(secrets.token_urlsafe(24))
        db.session.add(user)
        created["staff users"] += 1
    return user


def found_or_added(stmt: Select, make: Callable[[], Any], created: Counter, what: str):
    """The demo record stmt finds, or a new one from make(): added, flushed and counted."""
    record = db.session.scalar(stmt)
    if record is None:
        record = make()
        db.session.add(record)
        db.session.flush()
        created[what] += 1
    return record


def add_organisation(name, kind, city, industry, name_de, name_zh, website, is_local, created,
                     country=None):  # fmt: skip
    """The demo organisation of this name, added when missing."""
    return found_or_added(
        select(Organisation).where(Organisation.name_key == organisation_key(name)),
        lambda: Organisation(
            name=name,
            name_de=name_de,
            name_en=name if name_de else None,
            name_zh=name_zh,
            kind=OrganisationKind(kind),
            country=country or ("CN" if is_local else "DE"),
            city=city,
            website=website,
            key_industry=industry,
            is_local=is_local,
        ),
        created,
        "organisations",
    )


def add_person(name, other, position, organisation, languages, created) -> Person:
    """The demo person of this name and organisation, added when missing."""
    email = demo_email(name, organisation)
    return found_or_added(
        select(Person).where(Person.email == email),
        lambda: Person(
            full_name=name,
            name_other_script=other,
            position=position,
            organisation=organisation,
            email=email,
            languages=languages,
        ),
        created,
        "people",
    )


def demo_email(name: str, organisation: Organisation | None) -> str:
    """A fictional, stable address on an example domain."""
    spelled = unicodedata.normalize("NFKD", name.lower().translate(_GERMAN_SPELLING))
    words = "".join(ch for ch in spelled if not unicodedata.combining(ch)).replace(".", "").split()
    latin = [w for w in words if w.isascii() and w not in {"dr", "prof"}]
    domain = "example.cn" if organisation is not None and organisation.is_local else "example.de"
    return f"{'.'.join(latin[-2:])}@{domain}"


def demo_region(name: str):
    """The demo's origin region of this English name (made with its names when missing)."""
    return region_named(name, *data.REGIONS[name])
