"""Options for the delegation forms' small selects (the views set them; forms never query).

Organisations and people are too many for a select: they are picked by searching
(tracker.lookup).
"""

from collections.abc import Iterable

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from tracker.delegations.forms import DelegationForm
from tracker.extensions import db
from tracker.i18n import country_choices, country_name
from tracker.models import Delegation, DelegationMember, OriginRegion, Person, Topic, User

Choices = list[tuple[int, str]]


def topic_choices(keep: Iterable[int] = ()) -> Choices:
    """Active topics, plus retired ones a record already uses (so saving keeps them)."""
    stmt = (
        select(Topic)
        .where(or_(Topic.active.is_(True), Topic.id.in_(set(keep))))
        .order_by(Topic.position, Topic.name)
    )
    return [(t.id, t.label) for t in db.session.scalars(stmt)]


def region_choices(keep: int | None = None) -> dict[str, Choices]:
    """Active origin regions (and a retired one the record has), grouped by country: a group per
    country with several (Germany's states), the others together, in vocabulary order."""
    stmt = (
        select(OriginRegion)
        .where(or_(OriginRegion.active.is_(True), OriginRegion.id == keep))
        .order_by(OriginRegion.position, OriginRegion.name)
    )
    by_country: dict[str | None, Choices] = {}
    for region in db.session.scalars(stmt):
        by_country.setdefault(region.country, []).append((region.id, region.label))
    groups: dict[str, Choices] = {}
    others: Choices = []
    for country, regions in by_country.items():
        if country and len(regions) > 1:
            groups[country_name(country)] = regions
        else:
            others.extend(regions)
    if others:
        groups[_("Other countries and regions")] = others
    return groups


def user_choices(keep: Iterable[int | None] = ()) -> Choices:
    """Active users by name, plus deactivated ones a record already names."""
    kept = {i for i in keep if i is not None}
    stmt = (
        select(User)
        .where(or_(User.active.is_(True), User.id.in_(kept)))
        .order_by(User.display_name)
    )
    return [(u.id, u.display_name) for u in db.session.scalars(stmt)]


def member_choices(delegation_id: int, keep: Iterable[int] = ()) -> Choices:
    """The delegation's members (and people a meeting already lists), by name."""
    members = select(DelegationMember.person_id).where(
        DelegationMember.delegation_id == delegation_id
    )
    stmt = (
        select(Person)
        .where(or_(Person.id.in_(members), Person.id.in_(set(keep))))
        .options(joinedload(Person.organisation))
        .order_by(Person.full_name)
    )
    return [(p.id, _person_label(p)) for p in db.session.scalars(stmt)]


def _person_label(person: Person) -> str:
    organisation = person.organisation
    return f"{person.full_name} — {organisation.name}" if organisation else person.full_name


def delegation_form(delegation: Delegation | None, **form_args) -> DelegationForm:
    """The delegation form, prefilled from delegation (or the defaults) unless form_args give
    formdata, with its choices set: the pages and the JSON API validate through it."""
    topics = [t.id for t in delegation.topics] if delegation else []
    form = DelegationForm(
        obj=delegation, topic_ids=topics, host=current_app.config["DEFAULT_HOST"], **form_args
    )
    officer = delegation.host_officer_id if delegation else None
    form.origin_country.choices = [("", "—"), *country_choices()]
    region = delegation.origin_region_id if delegation else None
    form.origin_region_id.choices = {None: [("", "—")], **region_choices(keep=region)}
    form.host_officer_id.choices = [("", "—"), *user_choices(keep=[officer])]
    form.topic_ids.choices = topic_choices(keep=topics)
    return form
