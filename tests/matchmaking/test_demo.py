"""The demo: Saale Robotik's 3,000 m² need gets the robot industry park first, with reasons."""

from sqlalchemy import select

from tracker.extensions import db
from tracker.matchmaking.suggestions import suggest
from tracker.models import Need


def test_the_robot_park_is_the_first_suggestion_for_the_demo_need(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    need = db.session.scalar(
        select(Need).where(Need.title == "Production space of 3,000 m² for robot arm assembly")
    )
    with app.test_request_context():
        top = suggest(need)[0]
    assert top.partner.name == "Shanghai Robot Industry Park"
    assert top.reasons[:3] == [
        "same key industry: Robotics and high-end manufacturing",
        "Factory space fits a need for industrial land and space",
        "offers factory space 5,000 m² ≥ 3,000 m² asked",
    ]
    assert top.reasons[-1] == "met the delegation on November 10"
