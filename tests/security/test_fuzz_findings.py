"""Server errors the fuzz tests found, kept as plain regressions."""

from datetime import datetime

import pytest

from tracker.extensions import db
from tracker.models import Stage


def test_talk_edit_with_an_empty_multiple_select_is_saved_not_a_500(client, login, make):
    login()
    talk = make.talk(make.need(stage=Stage.QUALIFIED), datetime(2026, 5, 13, 2))
    db.session.commit()
    data = {
        "version": talk.version, "title": "Site visit", "day": "2026-05-13", "start": "10:00",
        "end": "11:00", "timezone": "Asia/Shanghai", "place": "Hall 1", "visitor_ids": "",
        "local_person_ids": "", "staff_ids": "", "organisation_ids": "",
    }  # fmt: skip
    response = client.post(f"/talks/{talk.id}/edit", data=data)
    assert response.status_code == 302


def test_offer_edit_posted_without_any_field_is_not_a_500(client, login, make):
    login()
    offer = make.offer(make.local_partner())
    db.session.commit()
    assert client.post(f"/matchmaking/offers/{offer.id}/edit").status_code < 500


def test_a_time_zone_name_too_long_for_a_file_name_is_refused_not_a_500(client, login, make):
    login()
    need = make.need(stage=Stage.QUALIFIED)
    db.session.commit()
    data = {
        "title": "Site visit", "day": "2026-05-13", "start": "10:00", "end": "11:00",
        "timezone": "กา" * 50_000, "place": "Hall 1",
    }  # fmt: skip
    response = client.post(f"/talks/new?need_id={need.id}", data=data)
    assert response.status_code == 200
    assert "Choose a time zone from the list." in response.text


def test_nul_characters_are_dropped_from_input_not_a_500_on_postgresql(client, login, make):
    from sqlalchemy import select

    from tracker.models import Organisation

    login("admin")
    response = client.post(
        "/organisations/new", data={"name": "Saale\x00 Robotik", "kind": "company", "country": "DE"}
    )
    assert response.status_code == 302
    assert db.session.scalar(select(Organisation.name)) == "Saale Robotik"
    assert client.get("/search?q=Saale%00").status_code == 200
    assert client.post("/admin/users/new", data={"email": "a\x00@example.org"}).status_code < 500


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/vocabularies/topics/new", "position"),
        ("/delegations/new", "announced_size"),
        ("/needs/new", "expected_jobs"),
    ],
)
def test_a_number_too_large_for_a_float_is_refused_not_a_500(client, login, url, field):
    login("admin")
    response = client.post(url, data={"name": "x", "title": "x", field: "9" * 400})
    assert response.status_code == 200
    assert "Not a valid integer value." in response.text


def test_a_made_up_huge_colleague_id_is_refused_not_a_500(client, login, make):
    login()
    talk = make.talk(make.need(stage=Stage.QUALIFIED), datetime(2026, 5, 13, 2))
    db.session.commit()
    response = client.post(f"/talks/{talk.id}/edit", data={"staff_ids": "9" * 100})
    assert response.status_code == 200


# ZoneInfo imports a module per "/" of a name it does not know: a long one ended in RecursionError.
SLASHED_ZONE = "Asia/" * 2000 + "Shanghai"


@pytest.mark.parametrize(
    "name", [SLASHED_ZONE, "../etc/passwd", "/etc/localtime", "Europe/../Asia/Shanghai", "x" * 300]
)
def test_a_talk_time_zone_outside_the_zone_database_is_refused_not_a_500(client, login, make, name):
    login()
    need = make.need(stage=Stage.QUALIFIED)
    talk = make.talk(need, datetime(2026, 5, 13, 2))
    db.session.commit()
    data = {
        "title": "Site visit", "day": "2026-05-13", "start": "10:00", "end": "11:00",
        "timezone": name, "place": "Hall 1", "version": str(talk.version),
    }  # fmt: skip
    for url in (f"/talks/new?need_id={need.id}", f"/talks/{talk.id}/edit"):
        response = client.post(url, data=data)
        assert response.status_code == 200, url
        assert "Choose a time zone from the list." in response.text


def test_only_names_from_the_zone_database_are_time_zones():
    from tracker.i18n import is_zone_name

    assert all(map(is_zone_name, ["Asia/Shanghai", "Europe/Berlin", "UTC"]))
    assert not any(map(is_zone_name, [SLASHED_ZONE, "../etc/passwd", "", None, "Mars/Base"]))


def test_services_refuse_an_unknown_zone_plainly(app):
    from datetime import date, time

    from tracker.i18n import commission_zone
    from tracker.talks.services import local_parts, to_utc

    with pytest.raises(ValueError, match="not a time zone name"):
        to_utc(date(2026, 5, 13), time(10), SLASHED_ZONE)
    with pytest.raises(ValueError, match="not a time zone name"):
        local_parts(datetime(2026, 5, 13, 2), SLASHED_ZONE)
    app.config["BABEL_DEFAULT_TIMEZONE"] = SLASHED_ZONE  # an operator's typo: a clear message
    with pytest.raises(ValueError, match="BABEL_DEFAULT_TIMEZONE"):
        commission_zone()
