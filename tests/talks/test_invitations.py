"""Talk invitations: one e-mail per participant with an address, in their language, with an
.ics request (against a real local SMTP server, aiosmtpd)."""

# Chinese and German texts are written as their languages write them.
# ruff: noqa: RUF001

from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import select

from tests.followups.test_reminders import Collector, free_port
from tracker.extensions import db
from tracker.models import NeedNote, Person
from tracker.talks.invitations import person_language


@pytest.fixture
def mailer(app):
    """A local SMTP server the app sends to; its handler keeps (recipients, message) pairs."""
    from aiosmtpd.controller import Controller

    controller = Controller(Collector(), hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    yield controller.handler
    controller.stop()


@pytest.fixture
def talk(make):
    """A talk in Berlin time with a visitor, a local partner's manager, one person without an
    address, and a colleague; on a need of the visiting company."""
    company = make.organisation(name="Saale Robotik GmbH", country="DE")
    park = make.local_partner(name="Robot Park")
    visitor = make.person(full_name="Markus Vogt", organisation=company, email="m.vogt@example.de")
    host = make.person(full_name="周强 Zhou Qiang", organisation=park, email="zhou@example.cn")
    silent = make.person(full_name="Ines Gräfe", organisation=company)
    colleague = make.user(display_name="Li Na", email="li.na@example.org", language="en")
    need = make.need(organisation=company, title="Production space")
    talk = make.talk(
        need, datetime(2026, 12, 15, 9, 0), title="Saale Robotik and Robot Park",
        timezone="Europe/Berlin", place="Hall 1", video_link="https://meet.example.org/x",
        agenda="Floor plans and lease terms.", people=[visitor, host, silent],
        staff=[colleague], organisations=[park],
    )  # fmt: skip
    db.session.commit()
    return talk


def _by_recipient(mailer) -> dict:
    return {to[0]: message for to, message in mailer.messages}


def _body(message) -> str:
    return message.get_body().get_content().replace("\r\n", "\n")


def _calendar(message) -> Calendar:
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "REQUEST"
    assert attachment.get_filename() == "invitation.ics"
    return Calendar.from_ical(attachment.get_content())


def test_each_participant_with_an_address_gets_one_invitation(client, login, mailer, talk):
    user = login(display_name="Wang Wei", email="wang.wei@example.org")
    response = client.post(f"/talks/{talk.id}/invite", follow_redirects=True)
    assert "Invitation sent to 3 participants." in response.text
    assert "No e-mail address, not invited: Ines Gräfe." in response.text
    mails = _by_recipient(mailer)
    assert set(mails) == {"m.vogt@example.de", "zhou@example.cn", "li.na@example.org"}
    vogt = mails["m.vogt@example.de"]
    assert vogt["To"] == "Markus Vogt <m.vogt@example.de>"
    assert vogt["Reply-To"] == f"Wang Wei <{user.email}>"
    assert vogt["From"] == "tracker@localhost"


def test_each_invitation_is_in_the_recipients_language(client, login, mailer, talk):
    login()
    client.post(f"/talks/{talk.id}/invite")
    mails = _by_recipient(mailer)
    german, chinese, english = (
        mails[a] for a in ("m.vogt@example.de", "zhou@example.cn", "li.na@example.org")
    )
    assert german["Subject"] == "Einladung: Saale Robotik and Robot Park"
    body = _body(german)
    assert "Hallo Markus Vogt," in body
    assert "Dienstag, 15. Dezember 2026, 10:00–11:00 Uhr (Europe/Berlin)" in body
    assert "Ort: Hall 1" in body
    assert "Lokale Partner: Robot Park, 周强 Zhou Qiang (Robot Park)" in body
    assert chinese["Subject"] == "邀请：Saale Robotik and Robot Park"
    assert "2026年12月15日星期二" in _body(chinese)
    assert english["Subject"] == "Invitation: Saale Robotik and Robot Park"
    body = _body(english)
    assert "Visiting side: Markus Vogt (Saale Robotik GmbH), Ines Gräfe (Saale" in body
    assert "Agenda:\nFloor plans and lease terms." in body


def test_the_calendar_file_is_a_request_in_utc(client, login, mailer, talk):
    user = login(display_name="Wang Wei")
    client.post(f"/talks/{talk.id}/invite")
    calendar = _calendar(_by_recipient(mailer)["zhou@example.cn"])
    assert calendar["method"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert event["uid"] == f"talk-{talk.id}@tracker"
    assert event.decoded("dtstart") == datetime(2026, 12, 15, 9, 0, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2026, 12, 15, 10, 0, tzinfo=UTC)
    assert event.to_ical().decode().count("DTSTART:20261215T090000Z") == 1
    assert str(event["summary"]) == "Saale Robotik and Robot Park"
    assert str(event["location"]) == "Hall 1"
    assert "https://meet.example.org/x" in str(event["description"])
    assert str(event["organizer"]) == f"mailto:{user.email}"
    assert event["organizer"].params["CN"] == "Wang Wei, Baoshan District Commerce Commission"
    assert str(event["attendee"]) == "mailto:zhou@example.cn"
    assert event["sequence"] == 0


def test_a_second_invitation_updates_the_same_event(client, login, mailer, talk):
    login()
    client.post(f"/talks/{talk.id}/invite")
    talk.sequence = 1  # what a change of time or place does
    db.session.commit()
    client.post(f"/talks/{talk.id}/invite")
    events = [
        _calendar(m).walk("VEVENT")[0] for to, m in mailer.messages if to == ["m.vogt@example.de"]
    ]
    assert [str(e["uid"]) for e in events] == [f"talk-{talk.id}@tracker"] * 2
    assert [e["sequence"] for e in events] == [0, 1]


def test_sent_invitations_are_noted_on_the_needs_timeline(client, login, mailer, talk):
    login()
    client.post(f"/talks/{talk.id}/invite")
    note = db.session.scalar(select(NeedNote).where(NeedNote.need_id == talk.need_id))
    assert note.body == (
        "Invitations to the talk “Saale Robotik and Robot Park” sent to "
        "Markus Vogt, 周强 Zhou Qiang, Li Na."
    )
    assert "Invitations to the talk" in client.get(f"/needs/{talk.need_id}").text


def test_a_failed_send_is_reported_and_noted_nowhere(client, login, app, talk):
    login()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nobody listens
    response = client.post(f"/talks/{talk.id}/invite", follow_redirects=True)
    assert "Sending the invitations broke off after 0. Try again later." in response.text
    assert db.session.scalar(select(NeedNote.id)) is None


def test_a_talk_without_participants_sends_nothing(client, login, make, app):
    login()
    app.config["MAIL_PORT"] = free_port()  # a connection would fail
    talk = make.talk(make.need(), datetime(2026, 12, 15, 9, 0))
    db.session.commit()
    response = client.post(f"/talks/{talk.id}/invite", follow_redirects=True)
    assert "The talk has no participants to invite yet." in response.text


def test_the_talk_page_offers_the_invitation_as_a_post_form(client, login, talk):
    login()
    page = client.get(f"/talks/{talk.id}").text
    assert f'action="/talks/{talk.id}/invite"' in page and "Send invitation" in page
    assert client.get(f"/talks/{talk.id}/invite").status_code == 405


@pytest.mark.parametrize(
    ("languages", "country", "expected"),
    [
        ("de, en", "CN", "de"),
        ("Chinese, English", "DE", "zh"),
        ("英语，德语", None, "en"),
        ("Französisch", "AT", "de"),
        (None, "CH", "de"),
        (None, "CN", "zh"),
        (None, "FR", "en"),
        (None, None, "en"),
    ],
)
def test_a_persons_language(make, languages, country, expected):
    organisation = make.organisation(country=country) if country else None
    assert person_language(Person(languages=languages, organisation=organisation)) == expected
