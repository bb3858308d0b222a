"""Inviting a talk's participants by e-mail, each in their language, with a calendar file."""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage

from babel.dates import format_date, format_interval
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event, vCalAddress

from tracker.i18n import zone_info
from tracker.mail import SEND_ERRORS, smtp_connection, stamp
from tracker.models import Person, Talk, User
from tracker.needs.services import add_note
from tracker.stored_text import N_, StoredMessage

PRODID = "-//Baoshan District Commerce Commission//Tracker//EN"
# The note left on the need (shown in the reader's language).
INVITED = StoredMessage(N_("Invitations to the talk “%(title)s” sent to %(names)s."))
# The language an organisation's country speaks, when its people name none we write in.
COUNTRY_LANGUAGES = {"DE": "de", "AT": "de", "CH": "de", "CN": "zh"}
# How people's "Languages" are written ("de, en", "German, English", "德语", "Chinesisch").
LANGUAGE_WORDS = {
    "de": {"de", "german", "deutsch", "德语", "德文"},
    "zh": {"zh", "chinese", "mandarin", "chinesisch", "中文", "汉语", "普通话"},
    "en": {"en", "english", "englisch", "英语", "英文"},
}
# Also the Chinese enumeration comma, full-width comma and semicolon.
_SEPARATORS = re.compile("[\\s,;/()\u3001\uff0c\uff1b]+")


@dataclass(frozen=True)
class Invitee:
    """One participant with an e-mail address, and the language to write to them in."""

    name: str
    address: Address
    language: str


@dataclass
class InvitationReport:
    """Who was sent an invitation, who has no address, and whether sending broke off."""

    sent: list[Invitee] = field(default_factory=list)
    without_email: list[str] = field(default_factory=list)
    failed: bool = False


def person_language(person: Person) -> str:
    """The first of the person's languages we write in, else their organisation's country's."""
    for word in _SEPARATORS.split((person.languages or "").casefold()):
        for language, words in LANGUAGE_WORDS.items():
            if word in words:
                return language
    country = person.organisation.country if person.organisation else None
    return COUNTRY_LANGUAGES.get((country or "").upper(), "en")


def invitees(talk: Talk) -> tuple[list[Invitee], list[str]]:
    """(the participants to invite, the names of those without a usable address); the talk's
    people (with their organisations) and staff loaded."""
    found: dict[str, Invitee] = {}
    missing: list[str] = []
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    people = [(p.full_name, p.email, person_language(p)) for p in talk.people]
    staff = [(u.display_name, u.email, u.language or default) for u in talk.staff if u.active]
    for name, email, language in people + staff:
        try:
            address = Address(display_name=name, addr_spec=(email or "").strip())
        except (ValueError, IndexError):  # no address, or not one a mail server takes
            missing.append(name)
            continue
        if not address.username or not address.domain:
            missing.append(name)
            continue
        found.setdefault(address.addr_spec.casefold(), Invitee(name, address, language))
    return list(found.values()), missing


def _organizer(by: User) -> vCalAddress:
    organizer = vCalAddress(f"mailto:{by.email}")
    organizer.params["cn"] = f"{by.display_name}, {current_app.config['DEFAULT_HOST']}"
    return organizer


def invitation_calendar(talk: Talk, invitee: Invitee, by: User) -> bytes:
    """The talk as an iCalendar request to invitee: times in UTC, one UID per talk, so a
    second invitation (SEQUENCE grows when the time or place changed) updates the event."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"talk-{talk.id}@tracker")  # the calendar feeds' UID of the same talk
    event.add("sequence", talk.sequence)
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", talk.starts_at.replace(tzinfo=UTC))
    event.add("dtend", talk.ends_at.replace(tzinfo=UTC))
    event.add("summary", talk.title)
    if talk.place or talk.video_link:
        event.add("location", talk.place or talk.video_link)
    description = [_video_line(talk), talk.agenda or ""]
    event.add("description", "\n\n".join(line for line in description if line))
    event.add("organizer", _organizer(by))
    attendee = vCalAddress(f"mailto:{invitee.address.addr_spec}")
    attendee.params.update(
        {"cn": invitee.name, "role": "REQ-PARTICIPANT", "partstat": "NEEDS-ACTION", "rsvp": "TRUE"}
    )
    event.add("attendee", attendee)
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


def _video_line(talk: Talk) -> str:
    return _("Video link: %(url)s", url=talk.video_link) if talk.video_link else ""


def _when(talk: Talk, language: str) -> str:
    zone = zone_info(talk.timezone)
    start = talk.starts_at.replace(tzinfo=UTC).astimezone(zone)
    end = talk.ends_at.replace(tzinfo=UTC).astimezone(zone)
    # A 24-hour span, written as each language writes one.
    times = format_interval(start, end, "Hm", tzinfo=zone, locale=language)
    return f"{format_date(start, 'full', locale=language)}, {times} ({talk.timezone})"


def _participant_lines(talk: Talk) -> list[str]:
    local = [p for p in talk.people if p.organisation and p.organisation.is_local]
    visiting = [p for p in talk.people if p not in local]
    sides = [
        (_("Visiting side"), [_person(p) for p in visiting]),
        (_("Local partners"), [o.name for o in talk.organisations] + [_person(p) for p in local]),
        (_("Our staff"), [u.display_name for u in talk.staff]),
    ]
    return [f"{label}: {', '.join(names)}" for label, names in sides if names]


def _person(person: Person) -> str:
    organisation = person.organisation
    return f"{person.full_name} ({organisation.name})" if organisation else person.full_name


def invitation_message(talk: Talk, invitee: Invitee, by: User) -> EmailMessage:
    """The invitation to invitee in their language, with the talk's calendar file attached."""
    with force_locale(invitee.language):
        lines = [
            _("Hello %(name)s,", name=invitee.name), "",
            _("You are invited to the talk “%(title)s”.", title=talk.title), "",
            _("When: %(when)s", when=_when(talk, invitee.language)),
        ]  # fmt: skip
        if talk.place:
            lines.append(_("Where: %(place)s", place=talk.place))
        if talk.video_link:
            lines.append(_video_line(talk))
        if talk.agenda:
            lines += ["", _("Agenda:"), talk.agenda]
        lines += ["", _("Participants:"), *_participant_lines(talk), ""]
        lines.append(_("The attached calendar file adds the talk to your calendar."))
        lines.append(_("Questions? Reply to this e-mail to reach %(name)s.", name=by.display_name))
        lines += ["", by.display_name, current_app.config["DEFAULT_HOST"]]
        message = EmailMessage()
        message["Subject"] = _("Invitation: %(title)s", title=talk.title)
        ics = invitation_calendar(talk, invitee, by)
    stamp(message)
    message["To"] = invitee.address
    message["Reply-To"] = Address(display_name=by.display_name, addr_spec=by.email)
    message.set_content("\n".join(lines) + "\n")
    message.add_attachment(
        ics, maintype="text", subtype="calendar", filename="invitation.ics",
        params={"method": "REQUEST", "charset": "utf-8"},
    )  # fmt: skip
    return message


def send_invitations(talk: Talk, by: User) -> InvitationReport:
    """E-mail every participant with an address; the ones sent go on the need's timeline."""
    found, missing = invitees(talk)
    report = InvitationReport(without_email=missing)
    messages = [(invitee, invitation_message(talk, invitee, by)) for invitee in found]
    if messages:
        try:
            with smtp_connection() as smtp:
                for invitee, message in messages:
                    smtp.send_message(message)
                    report.sent.append(invitee)
        except SEND_ERRORS:
            current_app.logger.exception("Sending the invitations to talk %s broke off", talk.id)
            report.failed = True
    if report.sent:
        names = ", ".join(invitee.name for invitee in report.sent)
        add_note(talk.need, INVITED.text(title=talk.title, names=names), by)
    return report
