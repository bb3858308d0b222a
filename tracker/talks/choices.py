"""Between the talk form and the services: participant choices, form values, refilling."""

from sqlalchemy import or_, select

from tracker.extensions import db
from tracker.models import DelegationMember, Need, Organisation, Person, Talk, User
from tracker.talks.forms import TalkForm
from tracker.talks.services import TalkData, local_parts, to_utc


def set_choices(form: TalkForm, need: Need, talk: Talk | None = None) -> None:
    """The visiting side's people and active colleagues (plus those already chosen); local
    partners and their people are pickers that look their options up themselves."""
    # Posted ids, bounded so that no database overflows on a made-up one.
    chosen = {i for i in form.staff_ids.data or [] if 0 < i < 2**31}
    visiting = or_(Person.organisation_id == need.organisation_id)
    if need.delegation_id is not None:
        members = select(DelegationMember.person_id).where(
            DelegationMember.delegation_id == need.delegation_id
        )
        visiting = or_(visiting, Person.id.in_(members))
    form.visitor_ids.choices = _people(visiting)
    form.staff_ids.choices = [
        (i, name)
        for i, name in db.session.execute(
            select(User.id, User.display_name)
            .where(or_(User.active.is_(True), User.id.in_(chosen)))
            .order_by(User.display_name)
        )
    ]


def _people(condition) -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(Person.id, Person.full_name, Organisation.name)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(condition)
        .order_by(Organisation.name, Person.full_name)
    )
    return [(i, f"{name} ({org})" if org else name) for i, name, org in rows]


def form_data(form: TalkForm) -> TalkData:
    """The validated form as service data, times converted to UTC."""
    zone = form.timezone.data
    return TalkData(
        title=form.title.data,
        starts_at=to_utc(form.day.data, form.start.data, zone),
        ends_at=to_utc(form.day.data, form.end.data, zone),
        timezone=zone,
        place=form.place.data,
        video_link=form.video_link.data,
        agenda=form.agenda.data,
        # A multiple select that sent nothing reads None, not [] (WTForms).
        person_ids=[*(form.visitor_ids.data or []), *(form.local_person_ids.data or [])],
        staff_ids=list(form.staff_ids.data or []),
        organisation_ids=list(form.organisation_ids.data or []),
    )


def fill(form: TalkForm, talk: Talk) -> None:
    """Refill the form from a stored talk, times in the zone they were entered in."""
    form.version.data = talk.version
    form.title.data = talk.title
    form.day.data, form.start.data = local_parts(talk.starts_at, talk.timezone)
    _day, form.end.data = local_parts(talk.ends_at, talk.timezone)
    form.timezone.data = talk.timezone
    form.place.data = talk.place
    form.video_link.data = talk.video_link
    form.agenda.data = talk.agenda
    form.organisation_ids.data = [o.id for o in talk.organisations]
    form.visitor_ids.data = [p.id for p in talk.people if not _is_local(p)]
    form.local_person_ids.data = [p.id for p in talk.people if _is_local(p)]
    form.staff_ids.data = [u.id for u in talk.staff]


def _is_local(person: Person) -> bool:
    return person.organisation is not None and person.organisation.is_local
