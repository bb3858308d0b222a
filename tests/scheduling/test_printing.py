"""Printouts of a matchmaking day: the language each person reads, the itineraries' content,
the table cards and the .ics per person, then the pages through the test client."""

from datetime import datetime

import pytest
from icalendar import Calendar

from tests import factories
from tests.scheduling.day import build_day
from tracker.extensions import db
from tracker.scheduling import printing
from tracker.scheduling.layout import load_session


@pytest.fixture
def day(app):
    with app.test_request_context():
        yield build_day()


@pytest.mark.parametrize(
    ("languages", "country", "local", "expected"),
    [
        ("Deutsch, English", "DE", False, "de"),
        ("German", "CN", False, "de"),  # spoken beats the country
        ("中文, English", "DE", False, "zh"),
        ("English", "DE", False, "en"),
        ("", "AT", False, "de"),
        (None, "CH", False, "de"),
        ("", "CN", False, "zh"),
        ("", "FR", False, "en"),
        ("Italian", "IT", False, "en"),
        ("", None, True, "zh"),  # a local partner without a country is in China
        ("德语, 中文", "CN", False, "zh"),  # the home language when spoken
    ],
)
def test_the_language_is_spoken_else_the_country_s(app, languages, country, local, expected):
    organisation = factories.organisation(country=country, is_local=local)
    person = factories.person(organisation=organisation, languages=languages)
    assert printing.language_of(person) == expected


def test_lang_overrides_and_nonsense_is_ignored(app):
    person = factories.person(organisation=factories.organisation(country="DE"))
    assert printing.language_of(person, "zh") == "zh"
    assert printing.language_of(person, "fr") == "de"


def test_an_itinerary_lists_the_talks_with_the_other_side(day):
    session = printing.load_for_print(day.session.id)
    person, side = printing.side_of(session, day.visitor.id)
    sheet = printing.itinerary(session, person, side)
    assert (side, sheet.language) == ("visitor", "de")
    first, second = sheet.lines
    assert first.starts == datetime(2025, 3, 10, 9, 20)  # Shanghai wall-clock
    assert first.ends == datetime(2025, 3, 10, 9, 40)
    assert (first.table, first.interpreter) == ("Table 1", "Li Interpreter")
    assert [p.full_name for p in sheet.others(first)] == ["Wang Fang"]
    assert second.interpreter is None and second.day.year == 2099


def test_the_partner_s_itinerary_is_chinese_and_names_the_visitor(day):
    session = printing.load_for_print(day.session.id)
    (sheet,) = printing.itineraries(session, "partner")
    assert sheet.language == "zh" and sheet.person.full_name == "Wang Fang"
    assert {p.full_name for line in sheet.lines for p in sheet.others(line)} == {"Anna Becker"}


def test_unplaced_and_deleted_requests_are_left_out(day):
    day.later.starts_at = day.later.table_id = None
    db.session.commit()
    session = printing.load_for_print(day.session.id)
    assert [line.request.id for line in printing.lines(session)] == [day.held.id]


def test_table_cards_one_per_table_per_day_with_the_host(day):
    cards = printing.table_cards(printing.load_for_print(day.session.id))
    assert [(c.table.name, c.day.year, len(c.lines)) for c in cards] == [
        ("Table 1", 2025, 1), ("Table 1", 2099, 1),
    ]  # fmt: skip
    assert cards[0].host.display_name == "Host Hu"


def test_the_ics_has_a_stable_uid_and_a_growing_sequence(day, app):
    session = printing.load_for_print(day.session.id)
    with app.test_request_context():
        ics = printing.person_calendar(session, day.partner, "partner").to_ical()
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [
        f"talk-request-{day.held.id}@tracker", f"talk-request-{day.later.id}@tracker",
    ]  # fmt: skip
    first = events[0]
    assert first.decoded("dtstart").isoformat() == "2025-03-10T09:20:00+08:00"
    assert str(first["location"]) == "Table 1"
    assert "Anna Becker (Jenoptik)" in str(first["summary"])
    assert "翻译" in str(first["description"])  # in the partner's Chinese
    sequence = int(first["sequence"])
    day.held.title = "Optics, moved"
    db.session.commit()
    with app.test_request_context():
        session = printing.load_for_print(day.session.id)
        again = Calendar.from_ical(printing.person_calendar(session, day.partner, "partner")
                                   .to_ical()).walk("VEVENT")[0]  # fmt: skip
    assert int(again["sequence"]) > sequence


def test_the_staff_feed_shows_the_host_and_the_interpreter_the_talk(day):
    from tracker.talks.services import talks_for_user

    session = load_session(day.session.id)
    host = session.tables[0].host
    interpreter = session.interpreters[0].user
    assert day.held.talk in talks_for_user(host)
    assert day.held.talk in talks_for_user(interpreter)
