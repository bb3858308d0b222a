"""Validation of the delegation form: every bad input is an error at its field, nothing saved."""

import pytest

from tests.checks import assert_refused, count_rows, reloaded
from tests.messages import CANNOT_COERCE, NOT_A_CHOICE, NOT_A_DATE, REQUIRED, too_long
from tracker.extensions import db
from tracker.models import Delegation

VALID = {
    "title": "Thuringia business delegation",
    "origin_country": "DE",
    "origin_region_id": "",
    "start_date": "2026-05-12",
    "end_date": "2026-05-14",
    "host": "Baoshan District Commerce Commission",
    "host_officer_id": "",
    "status": "planned",
    "announced_size": "30",
    "summary": "Optics and photonics.",
    "source_url": "https://example.org/visit",
}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, REQUIRED),
        ({"title": "x" * 201}, too_long(200)),
        ({"origin_region_id": "99999"}, NOT_A_CHOICE),
        ({"origin_region_id": "x" * 121}, CANNOT_COERCE),
        ({"host": "x" * 201}, too_long(200)),
        ({"host": ""}, REQUIRED),
        ({"summary": "x" * 20_001}, too_long(20000)),
        ({"end_date": "2026-05-11"}, "The end date cannot be before the start date."),
        ({"start_date": "not a date"}, NOT_A_DATE),
        ({"start_date": ""}, REQUIRED),
        ({"announced_size": "-1"}, "Number must be between 0 and 10000."),
        ({"announced_size": "10001"}, "Number must be between 0 and 10000."),
        ({"announced_size": "many"}, "Not a valid integer value."),
        ({"source_url": "javascript:alert(1)"}, "Enter a link starting with http:// or https://."),
        ({"source_url": "https://" + "x" * 500 + ".org"}, "Field cannot be longer than 500"),
        ({"origin_country": "XX"}, NOT_A_CHOICE),
        ({"status": "imaginary"}, CANNOT_COERCE),
        ({"host_officer_id": "99999"}, NOT_A_CHOICE),
        ({"host_officer_id": "abc"}, CANNOT_COERCE),
        ({"topic_ids": ["99999"]}, "is not a valid choice for this field."),
        ({"topic_ids": ["abc"]}, "could not be coerced"),
    ],
)
def test_create_rejects_bad_input(client, login, changes, message):
    login()
    response = client.post("/delegations/new", data={**VALID, **changes})
    assert_refused(response, message)
    assert "is-invalid" in response.text
    assert count_rows(Delegation) == 0


def test_invalid_form_keeps_the_input(client, login, make):
    login()
    thuringia = make.region("Thuringia", name_de="Thüringen")
    db.session.commit()
    data = {**VALID, "end_date": "2026-05-01", "origin_region_id": str(thuringia.id)}
    response = client.post("/delegations/new", data=data)
    assert 'value="Thuringia business delegation"' in response.text
    assert f'<option selected value="{thuringia.id}">Thuringia</option>' in response.text


def test_edit_rejects_end_before_start_and_keeps_the_record(client, login, make):
    login()
    delegation = make.delegation(title="Before")
    db.session.commit()
    response = client.post(
        f"/delegations/{delegation.id}/edit",
        data={**VALID, "title": "After", "end_date": "2026-05-01"},
    )
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.text
    assert reloaded(delegation).title == "Before"


def test_the_create_form_proposes_the_default_host(client, login, app):
    login()
    response = client.get("/delegations/new")
    assert f'value="{app.config["DEFAULT_HOST"]}"' in response.text


def test_topics_offered_are_active_ones_in_vocabulary_order(client, login, make):
    login()
    make.topic(name="Zeta", position=1)
    make.topic(name="Alpha", position=2)
    make.topic(name="Beta", position=1)
    make.topic(name="Retired", active=False)
    db.session.commit()
    text = client.get("/delegations/new").text
    assert text.index("Beta") < text.index("Zeta") < text.index("Alpha")
    assert "Retired" not in text


def test_inactive_users_are_not_offered_as_host_officer(client, login, make):
    login()
    make.user(display_name="Active Colleague")
    make.user(display_name="Gone Colleague", active=False)
    db.session.commit()
    text = client.get("/delegations/new").text
    assert "Active Colleague" in text
    assert "Gone Colleague" not in text
