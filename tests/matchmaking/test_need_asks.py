"""The space and headcount a need asks for, recorded on the need form and shown on its page."""

import pytest
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Need


def _data(org, **changes):
    return {
        "organisation_id": org.id,
        "title": "Space",
        "priority": "medium",
        "area_m2_asked": "3000",
        "headcount_asked": "60",
    } | changes


def test_need_form_records_space_and_headcount(client, login, make):
    login()
    org = make.organisation()
    db.session.commit()
    response = client.post("/needs/new", data=_data(org))
    assert response.status_code == 302
    need = db.session.scalar(select(Need))
    assert (need.area_m2_asked, need.headcount_asked) == (3000, 60)
    page = client.get(f"/needs/{need.id}").text
    assert "3,000 m²" in page


@pytest.mark.parametrize(
    "field,value",
    [
        ("area_m2_asked", "0"),
        ("area_m2_asked", "-1"),
        ("area_m2_asked", "99999999999"),
        ("headcount_asked", "x"),
    ],
)
def test_bad_asks_are_refused(client, login, make, field, value):
    login()
    org = make.organisation()
    db.session.commit()
    response = client.post("/needs/new", data=_data(org, **{field: value}))
    assert response.status_code == 200
    assert "is-invalid" in response.text
    assert db.session.scalar(select(Need.id)) is None
