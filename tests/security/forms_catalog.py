"""Every create and edit form, with the page it lives on and what makes it valid.

A form's own page is read (tests/security/htmlforms.py) for its fields and current values, so an
edit form posts back what it shows; FILL adds what a create form needs to be accepted. The mass
assignment and fuzz tests walk this catalog.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from tracker.extensions import db
from tracker.models import (
    Delegation,
    FollowUp,
    LocalOffer,
    Meeting,
    Need,
    Organisation,
    Person,
    SynonymGroup,
    Talk,
    Topic,
    User,
)

# A due date the forms accept whenever the suite runs (they refuse one in the past).
NEXT_MONTH = (date.today() + timedelta(days=30)).isoformat()


@dataclass(frozen=True)
class FormCase:
    """A form: its URL (world values fill the braces), the model it writes and valid input."""

    url: str
    model: type
    fill: dict[str, str] = field(default_factory=dict)
    record: str | None = None  # the world value naming the record an edit form changes


FORMS: dict[str, FormCase] = {
    "delegation create": FormCase(
        "/delegations/new", Delegation,
        {"title": "Robotics", "start_date": "2026-05-12", "end_date": "2026-05-14"},
    ),
    "delegation edit": FormCase(
        "/delegations/{delegation_id}/edit", Delegation, record="delegation_id"
    ),
    "meeting create": FormCase(
        "/delegations/{delegation_id}/meetings/new", Meeting,
        {"title": "Kick-off", "day": "2026-05-12", "start": "10:00"},
    ),
    "meeting edit": FormCase(
        "/delegations/{delegation_id}/meetings/{meeting_id}/edit", Meeting, record="meeting_id"
    ),
    "organisation create": FormCase(
        "/organisations/new", Organisation, {"name": "Jenaer Optronik AG", "country": "DE"}
    ),
    "organisation edit": FormCase(
        "/organisations/{organisation_id}/edit", Organisation, record="organisation_id"
    ),
    "person create": FormCase("/people/new", Person, {"full_name": "Anna Berg"}),
    "person edit": FormCase("/people/{person_id}/edit", Person, record="person_id"),
    "need create": FormCase(
        "/needs/new", Need, {"title": "Warehouse", "organisation_id": "{organisation_id}"}
    ),
    "need edit": FormCase("/needs/{need_id}/edit", Need, record="need_id"),
    "follow-up create": FormCase(
        "/followups/new?need_id={need_id}", FollowUp,
        {"title": "Call back", "due_date": NEXT_MONTH, "assignee_id": "{staff_id}"},
    ),
    "follow-up edit": FormCase("/followups/{followup_id}/edit", FollowUp, record="followup_id"),
    "talk create": FormCase(
        "/talks/new?need_id={need_id}", Talk,
        {"title": "Site visit", "day": "2026-05-13", "start": "10:00", "end": "11:00",
         "place": "Hall 1"},
    ),
    "talk edit": FormCase("/talks/{talk_id}/edit", Talk, record="talk_id"),
    "offer create": FormCase(
        "/matchmaking/partners/{partner_id}/offers/new", LocalOffer, {"title": "Hall 3"}
    ),
    "offer edit": FormCase("/matchmaking/offers/{offer_id}/edit", LocalOffer, record="offer_id"),
    "synonym create": FormCase(
        "/matchmaking/synonyms/new", SynonymGroup, {"terms": "casting ~ Guss"}
    ),
    "synonym edit": FormCase(
        "/matchmaking/synonyms/{group_id}/edit", SynonymGroup, record="group_id"
    ),
    "topic create": FormCase("/vocabularies/topics/new", Topic, {"name": "Photonics"}),
    "topic edit": FormCase("/vocabularies/topics/{term_id}/edit", Topic, record="term_id"),
    "user create": FormCase(
        "/admin/users/new", User,
        {"email": "new.colleague@example.org", "display_name": "New Colleague"},
    ),
    "user edit": FormCase("/admin/users/{user_id}/edit", User, record="user_id"),
}  # fmt: skip


def fill(case: FormCase, values: dict) -> dict[str, str]:
    """The case's fill with world values put in."""
    return {k: v.format(**values) for k, v in case.fill.items()}


def record_of(case: FormCase, values: dict):
    """The record an edit form changes, fresh from the database (None for a create form)."""
    if case.record is None:
        return None
    db.session.expire_all()
    return db.session.get(case.model, values[case.record])
